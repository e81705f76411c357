//! What is derived from the spec before any rate is applied: the CPU share and modelled duration
//! at a memory setting, the billed milliseconds, and the average concurrency.

use super::workload::LambdaSpec;
use crate::limits::lambda as lim;
use rust_decimal::prelude::*;

/// vCPU share at a memory setting, as an exact fraction `(numerator, denominator)`.
pub fn cpu_share(memory_mb: u32, multi_threaded: bool) -> (u64, u64) {
    let m = u64::from(memory_mb);
    let one = u64::from(lim::ONE_VCPU_MB);
    if m <= one {
        (m, one)
    } else if !multi_threaded {
        (1, 1)
    } else {
        // 1 + (m − 1769) × 5 / (10240 − 1769) = (5m − 374) / 8471
        let span = u64::from(lim::MEMORY_MAX_MB) - one;
        let extra = u64::from(lim::MAX_VCPU) - 1;
        (span + extra * (m - one), span)
    }
}

/// Modelled duration at `memory_mb` as an exact fraction of microseconds `(num, den)`.
fn duration_fraction(spec: &LambdaSpec, memory_mb: u32) -> (u128, u128) {
    if memory_mb == spec.memory_mb {
        return (u128::from(spec.duration_us), 1);
    }
    let (n0, d0) = cpu_share(spec.memory_mb, spec.multi_threaded);
    let (n, d) = cpu_share(memory_mb, spec.multi_threaded);
    let p = u64::from(spec.cpu_bound_percent);
    // d₀ × ((100 − p) + p × (n0/d0) / (n/d)) / 100
    let base = d0 * n;
    let num = (100 - p) * base + p * n0 * d;
    (
        u128::from(spec.duration_us) * u128::from(num),
        u128::from(100 * base),
    )
}

/// Modelled duration in microseconds (rounded half up) and billed milliseconds (rounded up).
pub fn modelled_duration(spec: &LambdaSpec, memory_mb: u32) -> (u64, u64) {
    let (num, den) = duration_fraction(spec, memory_mb);
    // On 64-bit words when they suffice (nearly always): much faster than 128-bit on wasm32.
    if let (Ok(n), Ok(d)) = (u64::try_from(num), u64::try_from(den)) {
        if let (Some(half_up), Some(ceil)) = (n.checked_add(d / 2), d.checked_mul(1000)) {
            if let Some(up) = n.checked_add(ceil - 1) {
                return ((half_up / d), (up / ceil).max(1));
            }
        }
    }
    let us = div(num + den / 2, den);
    let billed = div(num + den * 1000 - 1, den * 1000);
    (
        u64::try_from(us).unwrap_or(u64::MAX),
        u64::try_from(billed).unwrap_or(u64::MAX).max(1),
    )
}

/// `a / b`, on 64-bit words when both fit (much faster than 128-bit division on wasm32).
pub(super) fn div(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) if b != 0 => u128::from(a / b),
        _ => a.checked_div(b).unwrap_or(u128::MAX),
    }
}

/// Microseconds shown as milliseconds with three decimals: `"1000.000"`.
pub(super) fn us_as_ms(us: u64) -> Decimal {
    Decimal::new(i64::try_from(us).unwrap_or(i64::MAX), 3)
}

/// Seconds in AWS's average month (730 hours).
const SECONDS_PER_MONTH: u64 = crate::money::HOURS_PER_MONTH * 3600;

/// Average concurrent executions: invocations per second × duration in seconds (Little's law).
pub fn estimated_concurrency(spec: &LambdaSpec) -> Decimal {
    let per_s = Decimal::from(spec.invocations) / Decimal::from(SECONDS_PER_MONTH);
    (per_s * us_as_ms(spec.duration_us) / Decimal::ONE_THOUSAND).round_dp(2)
}
