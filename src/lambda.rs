//! AWS Lambda: the monthly cost at one memory setting and at every setting from 128 to 10,240 MB,
//! following <https://aws.amazon.com/lambda/pricing/> and the quotas at
//! <https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>.
//!
//! # Billing, as AWS describes it
//! - Requests: per million, after the free tier's 1M requests.
//! - Duration: GB-seconds = invocations × billed duration (rounded up to 1 ms) × memory / 1,024,
//!   charged by monthly volume tier, after the free tier's 400,000 GB-s.
//! - Ephemeral storage: GB-seconds of the /tmp configured above the free 512 MB.
//! - Provisioned Concurrency: the configured environments' GB-seconds while enabled, plus the
//!   invocations they serve at the provisioned duration rate; invocations beyond their capacity
//!   (concurrency × enabled time / duration) are billed on demand. The free tier does not apply to
//!   a function with Provisioned Concurrency.
//!
//! # Exact arithmetic
//! Every quantity is a whole number of MB-milliseconds, requests or microseconds, and every rate is
//! a `Decimal` from `pricing/lambda.json`, so each charge is an exact fraction. [`Prepared`] turns
//! the rates into integers over one common denominator, which makes the 10,113-setting sweep exact
//! *and* fast; reported amounts are converted back to `Decimal` without loss.
//!
//! # Duration model (for settings other than the one measured)
//! CPU share grows with memory: `m/1769` vCPU up to 1,769 MB, then linearly to 6 vCPU at
//! 10,240 MB (multi-threaded code), or capped at 1 vCPU (single-threaded code). The CPU-bound part
//! of the measured duration scales with the inverse of the CPU share; the rest does not:
//! `d(m) = d₀ × ((100 − p) + p × share(m₀) / share(m)) / 100`.

use crate::error::{Collector, FieldError, Problem};
use crate::limits::lambda as lim;
use crate::money::MAX_HOURS_PER_MONTH;
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::pricing::{tier_band, Check, Region, Tier};
use crate::report::{LineItem, SourceRef, Warning};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize, Serializer};

pub const PRICING_FILE: &str = "pricing/lambda.json";

// ---------------------------------------------------------------------------------------------
// Pricing table
// ---------------------------------------------------------------------------------------------

/// `pricing/lambda.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaPricing {
    pub tables: Vec<LambdaTable>,
    pub free_tier: FreeTier,
}

/// One region's Lambda rates.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaTable {
    pub region: Region,
    pub as_of: String,
    pub source: String,
    /// USD per 1 million requests.
    pub requests_per_million: Decimal,
    /// USD per GB-second of ephemeral storage above 512 MB.
    pub ephemeral_storage_gb_s: Decimal,
    pub x86_64: ArchRates,
    pub arm64: ArchRates,
}

/// Rates for one architecture.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchRates {
    /// USD per GB-second; `up_to` is cumulative GB-seconds in the month.
    pub duration_tiers: Vec<Tier>,
    /// USD per GB-second of configured Provisioned Concurrency; `null` where no public rate was
    /// found, and the calculator then says so instead of guessing.
    pub provisioned_concurrency_gb_s: Option<Decimal>,
    /// USD per GB-second of duration served by Provisioned Concurrency; `null` as above.
    pub provisioned_duration_gb_s: Option<Decimal>,
}

/// The always-free monthly allowance.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTier {
    pub as_of: String,
    pub source: String,
    pub requests: Decimal,
    pub gb_seconds: Decimal,
}

impl LambdaPricing {
    pub fn table(&self, region: Region) -> Option<&LambdaTable> {
        self.tables.iter().find(|t| t.region == region)
    }
}

impl crate::pricing::Table for LambdaPricing {
    const FILE: &'static str = PRICING_FILE;

    fn check(&self, c: &mut Check) {
        c.regions("tables", self.tables.iter().map(|t| &t.region));
        for (i, t) in self.tables.iter().enumerate() {
            let at = format!("tables[{i}]");
            c.meta(&at, &t.as_of, &t.source);
            c.rate(
                &format!("{at}.requests_per_million"),
                t.requests_per_million,
            );
            c.rate(
                &format!("{at}.ephemeral_storage_gb_s"),
                t.ephemeral_storage_gb_s,
            );
            for (arch, r) in [("x86_64", &t.x86_64), ("arm64", &t.arm64)] {
                let at = format!("{at}.{arch}");
                c.tiers(&format!("{at}.duration_tiers"), &r.duration_tiers);
                for (name, v) in [
                    (
                        "provisioned_concurrency_gb_s",
                        r.provisioned_concurrency_gb_s,
                    ),
                    ("provisioned_duration_gb_s", r.provisioned_duration_gb_s),
                ] {
                    if let Some(v) = v {
                        c.rate(&format!("{at}.{name}"), v);
                    }
                }
                if Prepared::new(t, r, &self.free_tier, true).is_none() {
                    c.fail(
                        &at,
                        "rates need at most 12 decimal places, at most 6 tiers, and tier bounds in whole GB-seconds",
                    );
                }
            }
        }
        c.meta("free_tier", &self.free_tier.as_of, &self.free_tier.source);
        if self.free_tier.requests.is_sign_negative()
            || self.free_tier.gb_seconds.is_sign_negative()
        {
            c.fail("free_tier", "allowances must not be negative");
        }
    }
}

impl LambdaTable {
    pub fn arch(&self, a: Architecture) -> &ArchRates {
        match a {
            Architecture::X86_64 => &self.x86_64,
            Architecture::Arm64 => &self.arm64,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------------------------

crate::closed_set! {
    /// The instruction set a function runs on.
    #[derive(Default)]
    pub enum Architecture {
        #[default]
        X86_64 = "x86_64", "x86_64";
        Arm64 = "arm64", "arm64";
    }
}

crate::closed_set! {
    /// How a function is invoked.
    #[derive(Default)]
    pub enum InvocationType {
        /// Request/response: payload up to 6 MB.
        #[default]
        Sync = "sync", "Synchronous";
        /// Event: payload up to 1 MB (256 KB in the study notes).
        Async = "async", "Asynchronous";
    }
}

/// The `lambda` section of a workload, as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaWorkload {
    #[serde(default)]
    pub architecture: Architecture,
    pub memory_mb: Decimal,
    /// Measured average duration at `memory_mb`, in ms.
    pub duration_ms: Decimal,
    pub invocations_per_month: Decimal,
    #[serde(default = "default_ephemeral")]
    pub ephemeral_storage_mb: Decimal,
    #[serde(default = "default_true")]
    pub free_tier: bool,
    #[serde(default)]
    pub provisioned_concurrency: Decimal,
    #[serde(default)]
    pub provisioned_hours_per_month: Decimal,
    #[serde(default = "default_cpu_bound")]
    pub cpu_bound_percent: Decimal,
    /// Whether the code uses more than one thread (gains from vCPUs beyond the first).
    #[serde(default)]
    pub multi_threaded: bool,
    #[serde(default)]
    pub invocation_type: InvocationType,
    /// Request payload size, checked against the invocation type's limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_kb: Option<Decimal>,
}

fn default_ephemeral() -> Decimal {
    Decimal::from(lim::EPHEMERAL_MIN_MB)
}
fn default_true() -> bool {
    true
}
fn default_cpu_bound() -> Decimal {
    Decimal::ONE_HUNDRED
}

impl Default for LambdaWorkload {
    /// AWS's first pricing example: 512 MB, 3M invocations a month of 1 s.
    fn default() -> Self {
        LambdaWorkload {
            architecture: Architecture::X86_64,
            memory_mb: Decimal::from(512),
            duration_ms: Decimal::from(1000),
            invocations_per_month: Decimal::from(3_000_000),
            ephemeral_storage_mb: default_ephemeral(),
            free_tier: true,
            provisioned_concurrency: Decimal::ZERO,
            provisioned_hours_per_month: Decimal::ZERO,
            cpu_bound_percent: default_cpu_bound(),
            multi_threaded: false,
            invocation_type: InvocationType::Sync,
            payload_kb: None,
        }
    }
}

/// A Lambda workload whose every field is within AWS's limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaSpec {
    pub architecture: Architecture,
    pub memory_mb: u32,
    /// Measured duration in whole microseconds.
    pub duration_us: u64,
    pub invocations: u64,
    pub ephemeral_mb: u32,
    pub free_tier: bool,
    pub provisioned_concurrency: u32,
    /// Hours with Provisioned Concurrency enabled, in whole milliseconds.
    pub provisioned_ms: u64,
    pub cpu_bound_percent: u32,
    pub multi_threaded: bool,
    pub invocation_type: InvocationType,
    pub payload_kb: Option<Decimal>,
}

/// The most invocations a month the calculator accepts (about 380,000 a second).
pub const MAX_INVOCATIONS: u64 = 1_000_000_000_000;
/// The most Provisioned Concurrency it accepts (well past any regional quota).
pub const MAX_PROVISIONED: u64 = 100_000;

impl LambdaWorkload {
    /// Checks every field against Lambda's limits; reports all problems at once.
    pub fn validate(&self) -> Result<LambdaSpec, Vec<FieldError>> {
        let mut c = Collector::default();
        let memory = c.whole(
            "lambda.memory_mb",
            self.memory_mb,
            "MB",
            (
                lim::MEMORY_MIN_MB.into(),
                "Lambda's smallest memory setting",
            ),
            (lim::MEMORY_MAX_MB.into(), "Lambda's largest memory setting"),
        );
        let duration = self.duration_ms;
        let duration_us = if duration <= Decimal::ZERO {
            c.push(
                "lambda.duration_ms",
                Problem::TooSmall {
                    min: Decimal::new(1, 3),
                    unit: "ms",
                    rule: "a measured duration is more than zero",
                },
            );
            None
        } else if duration > Decimal::from(lim::TIMEOUT_MS) {
            c.push(
                "lambda.duration_ms",
                Problem::TooLarge {
                    max: lim::TIMEOUT_MS.into(),
                    unit: "ms",
                    rule: "Lambda's maximum timeout is 900 s (15 minutes)",
                },
            );
            None
        } else if duration.normalize().scale() > 3 {
            c.push(
                "lambda.duration_ms",
                Problem::TooPrecise {
                    places: 3,
                    unit: "ms",
                },
            );
            None
        } else {
            (duration * Decimal::ONE_THOUSAND).to_u64()
        };
        let invocations = c.whole(
            "lambda.invocations_per_month",
            self.invocations_per_month,
            "invocations",
            (0, "a count cannot be negative"),
            (
                MAX_INVOCATIONS,
                "about 380,000 a second; split larger fleets into several functions",
            ),
        );
        let ephemeral = c.whole(
            "lambda.ephemeral_storage_mb",
            self.ephemeral_storage_mb,
            "MB",
            (
                lim::EPHEMERAL_MIN_MB.into(),
                "every function has 512 MB of /tmp",
            ),
            (lim::EPHEMERAL_MAX_MB.into(), "Lambda's largest /tmp"),
        );
        let provisioned = c.whole(
            "lambda.provisioned_concurrency",
            self.provisioned_concurrency,
            "environments",
            (0, "a count cannot be negative"),
            (MAX_PROVISIONED, "far beyond any regional concurrency quota"),
        );
        let hours = self.provisioned_hours_per_month;
        let provisioned_ms = c
            .within(
                "lambda.provisioned_hours_per_month",
                hours,
                "hours",
                (Decimal::ZERO, "hours cannot be negative"),
                (
                    MAX_HOURS_PER_MONTH.into(),
                    "a month has at most 744 hours (31 days)",
                ),
            )
            .and_then(|h| {
                if h.normalize().scale() > 3 {
                    c.push(
                        "lambda.provisioned_hours_per_month",
                        Problem::TooPrecise {
                            places: 3,
                            unit: "hours",
                        },
                    );
                    None
                } else {
                    (h * Decimal::from(3_600_000)).to_u64()
                }
            });
        let cpu = c.whole(
            "lambda.cpu_bound_percent",
            self.cpu_bound_percent,
            "%",
            (0, "a share of the duration"),
            (100, "a share of the duration"),
        );
        if let Some(kb) = self.payload_kb {
            let (max, rule) = match self.invocation_type {
                InvocationType::Sync => (
                    lim::PAYLOAD_SYNC_KB,
                    "the synchronous invocation payload limit is 6 MB",
                ),
                InvocationType::Async => (
                    lim::PAYLOAD_ASYNC_KB,
                    "the asynchronous invocation payload limit is 1 MB (256 KB in the study notes)",
                ),
            };
            c.within(
                "lambda.payload_kb",
                kb,
                "KB",
                (Decimal::ZERO, "a size cannot be negative"),
                (max.into(), rule),
            );
        }
        let spec = match (
            memory,
            duration_us,
            invocations,
            ephemeral,
            provisioned,
            provisioned_ms,
            cpu,
        ) {
            (Some(m), Some(d), Some(i), Some(e), Some(p), Some(h), Some(cpu)) => Some(LambdaSpec {
                architecture: self.architecture,
                memory_mb: m as u32,
                duration_us: d,
                invocations: i,
                ephemeral_mb: e as u32,
                free_tier: self.free_tier,
                provisioned_concurrency: p as u32,
                provisioned_ms: h,
                cpu_bound_percent: cpu as u32,
                multi_threaded: self.multi_threaded,
                invocation_type: self.invocation_type,
                payload_kb: self.payload_kb,
            }),
            _ => None,
        };
        match (c.errors.is_empty(), spec) {
            (true, Some(spec)) => Ok(spec),
            _ => Err(c.errors),
        }
    }
}

impl LambdaSpec {
    /// Provisioned Concurrency is in play: some environments for some time.
    pub fn has_provisioned(&self) -> bool {
        self.provisioned_concurrency > 0 && self.provisioned_ms > 0
    }

    /// The free tier applies only without Provisioned Concurrency, and only when asked for.
    pub fn free_tier_applies(&self) -> bool {
        self.free_tier && !self.has_provisioned()
    }
}

// ---------------------------------------------------------------------------------------------
// Duration model
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Exact integer pricing
// ---------------------------------------------------------------------------------------------

/// The most volume tiers a duration price may have.
pub const MAX_TIERS: usize = 6;

/// `a / b`, on 64-bit words when both fit (much faster than 128-bit division on wasm32).
fn div(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) if b != 0 => u128::from(a / b),
        _ => a.checked_div(b).unwrap_or(u128::MAX),
    }
}

/// MB-milliseconds in one GB-second.
const MB_MS_PER_GB_S: u128 = 1_024_000;
/// Amount numerators are over `DEN_BASE × 10^scale` USD: the least common multiple of one GB-s in
/// MB-ms (1,024,000) and one million requests.
const DEN_BASE: u128 = 128_000_000;

/// A region and architecture's rates as integers over a common scale, ready for exact sums.
///
/// Overflow cannot happen for validated workloads: the largest MB-ms quantity is
/// 10¹² invocations × 1.25 × 10⁷ ms (900 s modelled at 128 MB) × 10,240 MB ≈ 1.3 × 10²³, and every
/// per-GB-s rate numerator is held below 10¹³ by [`Prepared::new`], so each product stays below
/// 1.3 × 10³⁶, well inside `u128`.
#[derive(Clone, Debug)]
pub struct Prepared {
    scale: u32,
    /// `DEN_BASE × 10^scale`: the denominator of every amount numerator.
    den: u128,
    /// `(upper bound in MB-ms, numerator per MB-ms)`, ascending; `None` = open.
    tiers: Vec<(Option<u128>, u128)>,
    /// Numerator per request.
    requests: u128,
    /// Numerators per MB-ms.
    ephemeral: u128,
    pc: Option<u128>,
    pc_duration: Option<u128>,
    free_requests: u128,
    free_mb_ms: u128,
}

/// The largest numerator per MB-ms a rate may have (about $0.08 per GB-s at 12 decimals).
const MAX_PER_MB_MS: u128 = 10_000_000_000_000;

fn mantissa_at(d: Decimal, scale: u32) -> Option<u128> {
    if d.is_sign_negative() || d.scale() > scale {
        return None;
    }
    let m = u128::try_from(d.mantissa()).ok()?;
    m.checked_mul(10u128.checked_pow(scale - d.scale())?)
}

/// Numerator per MB-ms of a rate per GB-s.
fn per_mb_ms(d: Decimal, scale: u32) -> Option<u128> {
    let n = mantissa_at(d, scale)? * (DEN_BASE / MB_MS_PER_GB_S);
    (n <= MAX_PER_MB_MS).then_some(n)
}

fn whole(d: Decimal) -> Option<u128> {
    (d.fract().is_zero() && !d.is_sign_negative()).then(|| d.to_u128())?
}

impl Prepared {
    /// `None` when a rate has more than 12 decimal places or is implausibly large, or a bound is
    /// not whole.
    pub fn new(
        table: &LambdaTable,
        rates: &ArchRates,
        free: &FreeTier,
        free_tier_applies: bool,
    ) -> Option<Prepared> {
        let mut all = vec![table.requests_per_million, table.ephemeral_storage_gb_s];
        all.extend(rates.duration_tiers.iter().map(|t| t.rate));
        all.extend(rates.provisioned_concurrency_gb_s);
        all.extend(rates.provisioned_duration_gb_s);
        let scale = all.iter().map(|d| d.scale()).max().unwrap_or(0);
        if scale > 12 || rates.duration_tiers.len() > MAX_TIERS {
            return None;
        }
        let tiers = rates
            .duration_tiers
            .iter()
            .map(|t| {
                let bound = match t.up_to {
                    Some(u) => Some(whole(u)?.checked_mul(MB_MS_PER_GB_S)?),
                    None => None,
                };
                Some((bound, per_mb_ms(t.rate, scale)?))
            })
            .collect::<Option<Vec<_>>>()?;
        let (free_requests, free_mb_ms) = if free_tier_applies {
            (
                whole(free.requests)?,
                whole(free.gb_seconds)?.checked_mul(MB_MS_PER_GB_S)?,
            )
        } else {
            (0, 0)
        };
        let requests = mantissa_at(table.requests_per_million, scale)? * (DEN_BASE / 1_000_000);
        Some(Prepared {
            scale,
            den: DEN_BASE * 10u128.pow(scale),
            tiers,
            requests: (requests <= MAX_PER_MB_MS * 1000).then_some(requests)?,
            ephemeral: per_mb_ms(table.ephemeral_storage_gb_s, scale)?,
            pc: match rates.provisioned_concurrency_gb_s {
                Some(r) => Some(per_mb_ms(r, scale)?),
                None => None,
            },
            pc_duration: match rates.provisioned_duration_gb_s {
                Some(r) => Some(per_mb_ms(r, scale)?),
                None => None,
            },
            free_requests,
            free_mb_ms,
        })
    }

    /// How numerators turn into dollars.
    pub fn fraction(&self) -> Fraction {
        Fraction {
            scale: self.scale,
            den: self.den,
        }
    }

    /// An amount numerator as exact USD.
    pub fn usd(&self, numerator: u128) -> Decimal {
        self.fraction().usd(numerator)
    }

    /// An amount numerator rounded to whole cents, half away from zero.
    pub fn cents(&self, numerator: u128) -> u128 {
        self.fraction().cents(numerator)
    }
}

/// Exact amounts as numerators over one denominator, `DEN_BASE × 10^scale` USD.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    scale: u32,
    den: u128,
}

impl Fraction {
    /// A numerator as exact USD.
    pub fn usd(&self, numerator: u128) -> Decimal {
        let whole = Decimal::from_u128(numerator / self.den).unwrap_or(Decimal::MAX);
        let rem = i128::try_from(numerator % self.den).unwrap_or(0);
        let frac = Decimal::try_from_i128_with_scale(rem, self.scale)
            .map(|r| r / Decimal::from(DEN_BASE as u64))
            .unwrap_or(Decimal::ZERO);
        whole + frac
    }

    /// A numerator rounded to whole cents, half away from zero (the rule of [`Usd::cents`]).
    pub fn cents(&self, numerator: u128) -> u128 {
        // (n × 100 + den / 2) / den, without the multiplication (den is a multiple of 200).
        div(numerator + self.den / 200, self.den / 100)
    }

    /// The smallest numerator that rounds to more than `cents`.
    pub fn above_cents(&self, cents: u128) -> u128 {
        (cents + 1).saturating_mul(self.den / 100) - self.den / 200
    }
}

/// Every charge of one month at one memory setting, as exact numerators (see [`Prepared::usd`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Charges {
    pub memory_mb: u32,
    pub duration_us: u64,
    pub billed_ms: u64,
    pub billable_requests: u128,
    pub requests: u128,
    /// Invocations served by Provisioned Concurrency, and by on-demand environments.
    pub provisioned_invocations: u128,
    pub on_demand_invocations: u128,
    /// On-demand duration: total MB-ms, the free part, and `(MB-ms, amount)` per tier.
    pub on_demand_mb_ms: u128,
    pub free_mb_ms: u128,
    pub tiers: [(u128, u128); MAX_TIERS],
    pub ephemeral_mb_ms: u128,
    pub ephemeral: u128,
    pub pc_mb_ms: u128,
    pub pc: u128,
    pub pc_duration_mb_ms: u128,
    pub pc_duration: u128,
    pub total: u128,
}

/// Computes one month's charges at `memory_mb`. `None` when Provisioned Concurrency is asked for
/// but the table has no sourced rate for it.
pub fn charges(spec: &LambdaSpec, p: &Prepared, memory_mb: u32) -> Option<Charges> {
    let (duration_us, billed_ms) = modelled_duration(spec, memory_mb);
    let mem = u128::from(memory_mb);
    let billed = u128::from(billed_ms);
    let inv = u128::from(spec.invocations);

    let billable_requests = inv.saturating_sub(p.free_requests);
    let requests = billable_requests * p.requests;

    let (mut pc_mb_ms, mut pc, mut pc_duration_mb_ms, mut pc_duration) = (0, 0, 0, 0);
    let mut provisioned_invocations = 0;
    if spec.has_provisioned() {
        let (pc_rate, pcd_rate) = (p.pc?, p.pc_duration?);
        let envs = u128::from(spec.provisioned_concurrency);
        let ms = u128::from(spec.provisioned_ms);
        pc_mb_ms = envs * mem * ms;
        pc = pc_mb_ms * pc_rate;
        let capacity = div(envs * ms, billed);
        provisioned_invocations = inv.min(capacity);
        pc_duration_mb_ms = provisioned_invocations * billed * mem;
        pc_duration = pc_duration_mb_ms * pcd_rate;
    }
    let on_demand_invocations = inv - provisioned_invocations;
    let on_demand_mb_ms = on_demand_invocations * billed * mem;
    let free_mb_ms = on_demand_mb_ms.min(p.free_mb_ms);
    let billable = on_demand_mb_ms - free_mb_ms;
    let mut tiers = [(0, 0); MAX_TIERS];
    let mut lower = 0u128;
    let mut duration = 0;
    for (slot, &(upper, r)) in tiers.iter_mut().zip(&p.tiers) {
        let upper = upper.unwrap_or(u128::MAX);
        let q = billable.min(upper).saturating_sub(lower);
        *slot = (q, q * r);
        duration += q * r;
        lower = upper;
        if billable <= upper {
            break;
        }
    }
    let ephemeral_mb_ms = inv * billed * u128::from(spec.ephemeral_mb - lim::EPHEMERAL_MIN_MB);
    let ephemeral = ephemeral_mb_ms * p.ephemeral;
    let total = requests + duration + ephemeral + pc + pc_duration;
    Some(Charges {
        memory_mb,
        duration_us,
        billed_ms,
        billable_requests,
        requests,
        provisioned_invocations,
        on_demand_invocations,
        on_demand_mb_ms,
        free_mb_ms,
        tiers,
        ephemeral_mb_ms,
        ephemeral,
        pc_mb_ms,
        pc,
        pc_duration_mb_ms,
        pc_duration,
        total,
    })
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/// Microseconds shown as milliseconds with three decimals: `"1000.000"`.
fn us_as_ms(us: u64) -> Decimal {
    Decimal::new(i64::try_from(us).unwrap_or(i64::MAX), 3)
}

fn ser_ms<S: Serializer>(us: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&us_as_ms(*us).to_string())
}

/// One memory setting of the sweep. Its cost is exact; [`Sweep::usd`] turns it into dollars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaOption {
    pub memory_mb: u32,
    /// Modelled average duration, µs.
    pub duration_us: u64,
    pub billed_duration_ms: u64,
    /// False when the modelled duration exceeds the 15-minute timeout.
    pub within_timeout: bool,
    /// The monthly cost's numerator (see [`Fraction`]).
    pub exact_numerator: u128,
}

/// Every memory setting from 128 to 10,240 MB. Costs stay exact numerators until read, which
/// keeps the 10,113-setting sweep to integer additions and multiplications.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sweep {
    pub settings: Vec<LambdaOption>,
    pub fraction: Fraction,
}

impl std::ops::Deref for Sweep {
    type Target = [LambdaOption];
    fn deref(&self) -> &[LambdaOption] {
        &self.settings
    }
}

impl Sweep {
    /// A setting's monthly cost, exact.
    pub fn usd(&self, o: &LambdaOption) -> Usd {
        Usd(self.fraction.usd(o.exact_numerator))
    }

    /// A setting's monthly cost in whole cents.
    pub fn cents(&self, o: &LambdaOption) -> u128 {
        self.fraction.cents(o.exact_numerator)
    }
}

/// `options` in the JSON: `{"memory_mb", "duration_ms", "billed_duration_ms", "monthly_usd",
/// "within_timeout"}` per setting.
impl Serialize for Sweep {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row {
            memory_mb: u32,
            duration_ms: Decimal,
            billed_duration_ms: u64,
            monthly_usd: Usd,
            within_timeout: bool,
        }
        s.collect_seq(self.settings.iter().map(|o| Row {
            memory_mb: o.memory_mb,
            duration_ms: us_as_ms(o.duration_us),
            billed_duration_ms: o.billed_duration_ms,
            monthly_usd: self.usd(o),
            within_timeout: o.within_timeout,
        }))
    }
}

/// A highlighted setting: cheapest or fastest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pick {
    pub memory_mb: u32,
    pub monthly_usd: Usd,
    #[serde(rename = "duration_ms", serialize_with = "ser_ms")]
    pub duration_us: u64,
}

/// The cost at the requested memory, with its working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Requested {
    pub memory_mb: u32,
    pub architecture: Architecture,
    #[serde(rename = "duration_ms", serialize_with = "ser_ms")]
    pub duration_us: u64,
    pub billed_duration_ms: u64,
    pub monthly_usd: Usd,
    pub lines: Vec<LineItem>,
    /// Average concurrent executions: invocations per second × duration.
    pub estimated_concurrency: Decimal,
}

/// The Lambda section of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LambdaResult {
    pub requested: Requested,
    pub options: Sweep,
    pub cheapest: Pick,
    pub fastest: Pick,
    pub warnings: Vec<Warning>,
    pub duration_model: &'static str,
    pub as_of: String,
    pub source: String,
}

pub const DURATION_MODEL: &str = "CPU share grows with memory: m/1,769 vCPU up to 1,769 MB, then (multi-threaded code only) linearly to 6 vCPU at 10,240 MB; single-threaded code stays at 1 vCPU. The CPU-bound share of the measured duration scales with 1/CPU share; the rest is unchanged. Billed duration rounds up to 1 ms.";

/// Compares every memory setting for a Lambda workload.
pub fn compare(
    pricing: &LambdaPricing,
    region: Region,
    w: &LambdaWorkload,
) -> Result<LambdaResult, Vec<FieldError>> {
    let spec = w.validate()?;
    let not_sourced = |field: &str, what: &str| {
        vec![FieldError::new(
            field,
            Problem::Malformed(format!(
                "The bundled pricing has no public {what} rate for {} in {region}; choose another region or architecture, or add the rate to {PRICING_FILE}.",
                spec.architecture.code()
            )),
        )]
    };
    let table = pricing
        .table(region)
        .ok_or_else(|| not_sourced("region", "Lambda"))?;
    let rates = table.arch(spec.architecture);
    let p = Prepared::new(table, rates, &pricing.free_tier, spec.free_tier_applies())
        .ok_or_else(|| not_sourced("region", "usable Lambda"))?;
    if spec.has_provisioned()
        && (rates.provisioned_concurrency_gb_s.is_none()
            || rates.provisioned_duration_gb_s.is_none())
    {
        return Err(not_sourced(
            "lambda.provisioned_concurrency",
            "Provisioned Concurrency",
        ));
    }
    let requested_charges = charges(&spec, &p, spec.memory_mb)
        .ok_or_else(|| not_sourced("lambda.provisioned_concurrency", "Provisioned Concurrency"))?;
    let options = sweep(&spec, &p);
    let pick = |o: &LambdaOption| Pick {
        memory_mb: o.memory_mb,
        monthly_usd: options.usd(o),
        duration_us: o.duration_us,
    };
    let feasible = || options.iter().filter(|o| o.within_timeout);
    // Cheapest to the cent; among settings that cost the same cent, the fastest.
    let cheapest = feasible()
        .map(|o| o.exact_numerator)
        .min()
        .and_then(|least| {
            let bound = options.fraction.above_cents(options.fraction.cents(least));
            feasible()
                .filter(|o| o.exact_numerator < bound)
                .min_by_key(|o| (o.duration_us, o.exact_numerator))
        })
        .map(pick);
    let fastest = feasible()
        .min_by_key(|o| (o.duration_us, o.exact_numerator))
        .map(pick);
    // The requested memory is within the timeout (validated), so both picks exist.
    let requested_pick = Pick {
        memory_mb: spec.memory_mb,
        monthly_usd: Usd(p.usd(requested_charges.total)),
        duration_us: spec.duration_us,
    };
    let cheapest = cheapest.unwrap_or_else(|| requested_pick.clone());
    let fastest = fastest.unwrap_or(requested_pick);
    let lines = lines(&spec, table, rates, &p, &requested_charges, region);
    let concurrency = estimated_concurrency(&spec);
    let warnings = warnings(&spec, &options, &requested_charges, concurrency);
    Ok(LambdaResult {
        requested: Requested {
            memory_mb: spec.memory_mb,
            architecture: spec.architecture,
            duration_us: spec.duration_us,
            billed_duration_ms: requested_charges.billed_ms,
            monthly_usd: crate::report::total(&lines),
            lines,
            estimated_concurrency: concurrency,
        },
        options,
        cheapest,
        fastest,
        warnings,
        duration_model: DURATION_MODEL,
        as_of: table.as_of.clone(),
        source: table.source.clone(),
    })
}

/// Every memory setting from 128 to 10,240 MB in 1 MB steps.
///
/// Without Provisioned Concurrency the month's cost at memory `m` is
/// `requests + tiers(inv × billed(m) × m − free) + inv × billed(m) × (/tmp − 512) × rate`; the
/// terms that do not depend on `m` are computed once. With it, each setting goes through
/// [`charges`]. A test checks both against [`charges`] at every setting.
pub fn sweep(spec: &LambdaSpec, p: &Prepared) -> Sweep {
    let inv = u128::from(spec.invocations);
    let requests = inv.saturating_sub(p.free_requests) * p.requests;
    let ephemeral_per_ms =
        inv * u128::from(spec.ephemeral_mb - lim::EPHEMERAL_MIN_MB) * p.ephemeral;
    let mut settings = Vec::with_capacity((lim::MEMORY_MAX_MB - lim::MEMORY_MIN_MB + 1) as usize);
    for m in lim::MEMORY_MIN_MB..=lim::MEMORY_MAX_MB {
        let (duration_us, billed_ms) = modelled_duration(spec, m);
        let total = if spec.has_provisioned() {
            match charges(spec, p, m) {
                Some(c) => c.total,
                None => continue,
            }
        } else {
            let billed = u128::from(billed_ms);
            let billable = (inv * billed * u128::from(m)).saturating_sub(p.free_mb_ms);
            let mut duration = 0;
            let mut lower = 0;
            for &(upper, rate) in &p.tiers {
                let upper = upper.unwrap_or(u128::MAX);
                duration += (billable.min(upper).saturating_sub(lower)) * rate;
                if billable <= upper {
                    break;
                }
                lower = upper;
            }
            requests + duration + ephemeral_per_ms * billed
        };
        settings.push(LambdaOption {
            memory_mb: m,
            duration_us,
            billed_duration_ms: billed_ms,
            within_timeout: billed_ms <= u64::from(lim::TIMEOUT_MS),
            exact_numerator: total,
        });
    }
    Sweep {
        settings,
        fraction: p.fraction(),
    }
}

/// Seconds in AWS's average month (730 hours).
const SECONDS_PER_MONTH: u64 = crate::money::HOURS_PER_MONTH * 3600;

/// Average concurrent executions: invocations per second × duration in seconds (Little's law).
pub fn estimated_concurrency(spec: &LambdaSpec) -> Decimal {
    let per_s = Decimal::from(spec.invocations) / Decimal::from(SECONDS_PER_MONTH);
    (per_s * us_as_ms(spec.duration_us) / Decimal::ONE_THOUSAND).round_dp(2)
}

fn warnings(
    spec: &LambdaSpec,
    options: &[LambdaOption],
    c: &Charges,
    concurrency: Decimal,
) -> Vec<Warning> {
    let mut w = vec![];
    let limit = Decimal::from(lim::DEFAULT_CONCURRENCY);
    if concurrency > limit {
        w.push(Warning::new(
            "concurrency_above_default_limit",
            format!(
                "Average concurrency is about {} executions, above the default quota of 1,000 per region: request a quota increase or requests will be throttled (429).",
                qty(concurrency)
            ),
        ));
    } else if concurrency * Decimal::from(2) > limit {
        w.push(Warning::new(
            "concurrency_near_default_limit",
            format!(
                "Average concurrency is about {}; peaks above the average can reach the default quota of 1,000 per region.",
                qty(concurrency)
            ),
        ));
    }
    if spec.provisioned_concurrency > lim::DEFAULT_CONCURRENCY {
        w.push(Warning::new(
            "provisioned_above_default_limit",
            "Provisioned Concurrency above 1,000 needs a regional concurrency quota increase.",
        ));
    }
    if spec.provisioned_concurrency > 0 && spec.provisioned_ms == 0 {
        w.push(Warning::new(
            "provisioned_without_hours",
            "Provisioned Concurrency is set but enabled for 0 hours a month, so it costs and serves nothing.",
        ));
    }
    if spec.has_provisioned() && spec.free_tier {
        w.push(Warning::new(
            "free_tier_not_applied",
            "The Lambda free tier does not apply to functions with Provisioned Concurrency.",
        ));
    }
    if spec.has_provisioned() && c.on_demand_invocations > 0 {
        w.push(Warning::new(
            "provisioned_capacity_exceeded",
            format!(
                "{} invocations exceed the Provisioned Concurrency's capacity and are billed at the on-demand rate (with possible cold starts).",
                qty(Decimal::from_u128(c.on_demand_invocations).unwrap_or_default())
            ),
        ));
    }
    if spec.duration_us * 10 >= u64::from(lim::TIMEOUT_MS) * 1000 * 8 {
        w.push(Warning::new(
            "duration_near_timeout",
            "The duration is over 80 % of Lambda's 15-minute maximum timeout.",
        ));
    }
    let over = options.iter().filter(|o| !o.within_timeout).count();
    if over > 0 {
        w.push(Warning::new(
            "settings_over_timeout",
            format!(
                "At {over} memory settings the modelled duration exceeds the 15-minute timeout; those settings are excluded from the cheapest and fastest picks."
            ),
        ));
    }
    if spec.invocation_type == InvocationType::Async {
        if let Some(kb) = spec.payload_kb {
            if kb > Decimal::from(lim::PAYLOAD_ASYNC_NOTES_KB) {
                w.push(Warning::new(
                    "payload_above_notes_limit",
                    "The payload is above the 256 KB asynchronous limit the study notes teach; AWS raised it to 1 MB in 2025.",
                ));
            }
        }
    }
    w
}

fn lines(
    spec: &LambdaSpec,
    table: &LambdaTable,
    rates: &ArchRates,
    p: &Prepared,
    c: &Charges,
    region: Region,
) -> Vec<LineItem> {
    let arch = spec.architecture.code();
    let src = |row: String| SourceRef {
        table: PRICING_FILE.into(),
        row: format!("{region} {row}"),
        url: table.source.clone(),
        as_of: table.as_of.clone(),
    };
    let dec = |n: u128| Decimal::from_u128(n).unwrap_or(Decimal::MAX);
    let gb_s = |mb_ms: u128| dec(mb_ms) / Decimal::from(1_024_000);
    let mem = spec.memory_mb;
    let billed = c.billed_ms;
    let mut out = vec![];

    let inv = Decimal::from(spec.invocations);
    let free_req = dec(u128::from(spec.invocations) - c.billable_requests);
    let million = Decimal::from(1_000_000);
    let mut req_formula = format!("{} invocations", qty(inv));
    if spec.free_tier_applies() {
        req_formula += &format!(" − {} free", qty(free_req));
    }
    req_formula += &format!(
        " = {} billable requests; {} ÷ 1,000,000 × {} per 1M",
        qty(dec(c.billable_requests)),
        qty(dec(c.billable_requests)),
        fmt_rate(table.requests_per_million)
    );
    out.push(amount_line(
        LineItem::priced(
            "Requests",
            dec(c.billable_requests) / million,
            "million requests",
            table.requests_per_million,
            "USD per 1M requests",
            req_formula,
            src(format!("{arch} requests_per_million")),
        ),
        p.usd(c.requests),
    ));

    if spec.has_provisioned() {
        let (pc_rate, pcd_rate) = (
            rates.provisioned_concurrency_gb_s.unwrap_or_default(),
            rates.provisioned_duration_gb_s.unwrap_or_default(),
        );
        let hours = Decimal::from(spec.provisioned_ms) / Decimal::from(3_600_000);
        out.push(amount_line(
            LineItem::priced(
                "Provisioned Concurrency",
                gb_s(c.pc_mb_ms),
                "GB-s",
                pc_rate,
                "USD per GB-s",
                format!(
                    "{} environments × {mem} MB ÷ 1,024 × {} h × 3,600 s = {} GB-s × {}",
                    spec.provisioned_concurrency,
                    qty(hours),
                    qty(gb_s(c.pc_mb_ms)),
                    fmt_rate(pc_rate)
                ),
                src(format!("{arch} provisioned_concurrency_gb_s")),
            ),
            p.usd(c.pc),
        ));
        out.push(amount_line(
            LineItem::priced(
                "Provisioned duration",
                gb_s(c.pc_duration_mb_ms),
                "GB-s",
                pcd_rate,
                "USD per GB-s",
                format!(
                    "{} invocations fit the capacity of {} environments × {} h ÷ {billed} ms; {} × {billed} ms ÷ 1,000 × {mem} MB ÷ 1,024 = {} GB-s × {}",
                    qty(dec(c.provisioned_invocations)),
                    spec.provisioned_concurrency,
                    qty(hours),
                    qty(dec(c.provisioned_invocations)),
                    qty(gb_s(c.pc_duration_mb_ms)),
                    fmt_rate(pcd_rate)
                ),
                src(format!("{arch} provisioned_duration_gb_s")),
            ),
            p.usd(c.pc_duration),
        ));
    }

    let total_gb_s = gb_s(c.on_demand_mb_ms);
    let free_gb_s = gb_s(c.free_mb_ms);
    let tier_count = rates.duration_tiers.len();
    for (i, (tier, &(q, amount))) in rates.duration_tiers.iter().zip(&c.tiers).enumerate() {
        if i > 0 && q == 0 {
            break;
        }
        let q = gb_s(q);
        let band = tier_band(&rates.duration_tiers, i, "GB-s");
        let mut formula = String::new();
        if i == 0 {
            formula = format!(
                "{} on-demand invocations × {billed} ms ÷ 1,000 × {mem} MB ÷ 1,024 = {} GB-s",
                qty(dec(c.on_demand_invocations)),
                qty(total_gb_s)
            );
            if spec.free_tier_applies() {
                formula += &format!(" − {} free GB-s", qty(free_gb_s));
            }
            formula += "; ";
        }
        formula += &format!("{} GB-s in {band} × {}", qty(q), fmt_rate(tier.rate));
        let label = if tier_count > 1 {
            format!("Compute ({band})")
        } else {
            "Compute".to_string()
        };
        out.push(amount_line(
            LineItem::priced(
                label,
                q,
                "GB-s",
                tier.rate,
                "USD per GB-s",
                formula,
                src(format!("{arch} duration tier {}", i + 1)),
            ),
            p.usd(amount),
        ));
    }

    if spec.ephemeral_mb > lim::EPHEMERAL_MIN_MB {
        out.push(amount_line(
            LineItem::priced(
                "Ephemeral storage",
                gb_s(c.ephemeral_mb_ms),
                "GB-s",
                table.ephemeral_storage_gb_s,
                "USD per GB-s",
                format!(
                    "({} MB − 512 MB free) ÷ 1,024 × {} invocations × {billed} ms ÷ 1,000 = {} GB-s × {}",
                    spec.ephemeral_mb,
                    qty(inv),
                    qty(gb_s(c.ephemeral_mb_ms)),
                    fmt_rate(table.ephemeral_storage_gb_s)
                ),
                src("ephemeral_storage_gb_s".into()),
            ),
            p.usd(c.ephemeral),
        ));
    }
    out
}

/// Uses the exact integer amount (identical to `quantity × rate` up to the quantity's own
/// rounding in display) as the line's amount.
fn amount_line(mut l: LineItem, exact: Decimal) -> LineItem {
    l.amount_usd = Usd(exact);
    l.exact_usd = exact;
    l
}

// The compact form the bundled tables are compiled in (`crate::pricing::packed`).
crate::packed_struct! {
    LambdaPricing { tables, free_tier }
    LambdaTable { region, as_of, source, requests_per_million, ephemeral_storage_gb_s, x86_64, arm64 }
    ArchRates { duration_tiers, provisioned_concurrency_gb_s, provisioned_duration_gb_s }
    FreeTier { as_of, source, requests, gb_seconds }
}

/// Lambda as the engine's shared parts see it ([`crate::service::Service`]).
pub struct Lambda;

impl crate::service::Service for Lambda {
    const NAME: &'static str = "Lambda";
    const MEASURE: &'static str = "Monthly cost at the memory setting asked for";
    const TITLE: &'static str = "Lambda memory";
    type Pricing = LambdaPricing;
    type Workload = LambdaWorkload;
    type Result = LambdaResult;

    fn compare(
        pricing: &LambdaPricing,
        region: Region,
        w: &LambdaWorkload,
    ) -> Result<LambdaResult, Vec<FieldError>> {
        compare(pricing, region, w)
    }

    fn as_of(r: &LambdaResult) -> &str {
        &r.as_of
    }

    /// The cost at the memory asked for; the cheapest and fastest settings beside it.
    fn figures(l: &LambdaResult) -> crate::service::Figures {
        use crate::service::{Figure, Figures};
        let setting = |mb: u32| {
            format!(
                "{} MB, {}",
                crate::money::qty(mb.into()),
                l.requested.architecture.code()
            )
        };
        let requested = Figure::new(
            Some(l.requested.monthly_usd),
            setting(l.requested.memory_mb),
        );
        Figures {
            headline: requested.clone(),
            options: vec![
                ("requested".into(), "Memory asked for".into(), requested),
                (
                    "cheapest".into(),
                    "Cheapest memory setting".into(),
                    Figure::new(Some(l.cheapest.monthly_usd), setting(l.cheapest.memory_mb)),
                ),
                (
                    "fastest".into(),
                    "Fastest memory setting".into(),
                    Figure::new(Some(l.fastest.monthly_usd), setting(l.fastest.memory_mb)),
                ),
            ],
        }
    }

    fn inputs(l: &LambdaWorkload, out: &mut crate::input::Inputs) {
        out.text("lambda.architecture", l.architecture.code());
        out.num("lambda.memory_mb", Some(l.memory_mb));
        out.num("lambda.duration_ms", Some(l.duration_ms));
        out.num(
            "lambda.invocations_per_month",
            Some(l.invocations_per_month),
        );
        out.num("lambda.ephemeral_storage_mb", Some(l.ephemeral_storage_mb));
        out.flag("lambda.free_tier", l.free_tier);
        out.num(
            "lambda.provisioned_concurrency",
            Some(l.provisioned_concurrency),
        );
        out.num(
            "lambda.provisioned_hours_per_month",
            Some(l.provisioned_hours_per_month),
        );
        out.num("lambda.cpu_bound_percent", Some(l.cpu_bound_percent));
        out.flag("lambda.multi_threaded", l.multi_threaded);
        out.text("lambda.invocation_type", l.invocation_type.code());
        out.num("lambda.payload_kb", l.payload_kb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn pricing() -> &'static LambdaPricing {
        &crate::catalog::catalog().unwrap().lambda
    }

    fn work(mem: u32, ms: &str, inv: u64) -> LambdaWorkload {
        LambdaWorkload {
            memory_mb: mem.into(),
            duration_ms: d(ms),
            invocations_per_month: inv.into(),
            ..LambdaWorkload::default()
        }
    }

    #[test]
    fn cpu_share_reaches_one_and_six_vcpu() {
        assert_eq!(cpu_share(1769, true), (1769, 1769));
        let (n, dd) = cpu_share(10240, true);
        assert_eq!(n, 6 * dd);
        assert_eq!(cpu_share(4000, false), (1, 1));
        assert_eq!(cpu_share(128, false), (128, 1769));
    }

    #[test]
    fn fully_cpu_bound_duration_halves_with_double_memory() {
        let spec = work(512, "1000", 1).validate().unwrap();
        assert_eq!(modelled_duration(&spec, 1024), (500_000, 500));
        assert_eq!(modelled_duration(&spec, 256), (2_000_000, 2000));
        // Single-threaded: nothing gained above 1 vCPU.
        assert_eq!(
            modelled_duration(&spec, 4096),
            modelled_duration(&spec, 1769)
        );
    }

    #[test]
    fn io_bound_duration_does_not_change() {
        let mut w = work(512, "250.5", 1);
        w.cpu_bound_percent = Decimal::ZERO;
        let spec = w.validate().unwrap();
        assert_eq!(modelled_duration(&spec, 10240), (250_500, 251));
        assert_eq!(modelled_duration(&spec, 128), (250_500, 251));
    }

    #[test]
    fn half_cpu_bound_multi_threaded_at_max_memory() {
        let mut w = work(1769, "1200", 1);
        w.cpu_bound_percent = Decimal::from(50);
        w.multi_threaded = true;
        let spec = w.validate().unwrap();
        // 600 ms unchanged + 600 ms / 6 vCPU = 700 ms
        assert_eq!(modelled_duration(&spec, 10240), (700_000, 700));
    }

    #[test]
    fn billed_duration_rounds_up_to_the_millisecond() {
        let spec = work(128, "100.001", 1).validate().unwrap();
        assert_eq!(modelled_duration(&spec, 128), (100_001, 101));
    }

    #[test]
    fn aws_example_512mb_3m_1s() {
        let r = compare(pricing(), Region::UsEast1, &LambdaWorkload::default()).unwrap();
        assert_eq!(r.requested.monthly_usd.cents().to_string(), "18.73");
        let lines: Vec<_> = r
            .requested
            .lines
            .iter()
            .map(|l| (l.label.as_str(), l.amount_usd.cents().to_string()))
            .collect();
        assert_eq!(
            lines,
            vec![
                ("Requests", "0.40".to_string()),
                ("Compute (first 6,000,000,000 GB-s)", "18.33".to_string())
            ]
        );
        assert_eq!(r.options.len(), 10_113);
        assert_eq!(r.requested.lines[1].quantity, d("1100000"));
    }

    #[test]
    fn line_amounts_equal_quantity_times_rate() {
        let mut w = work(3000, "733.7", 45_000_000);
        w.ephemeral_storage_mb = Decimal::from(3000);
        w.provisioned_concurrency = Decimal::from(20);
        w.provisioned_hours_per_month = Decimal::from(300);
        let r = compare(pricing(), Region::EuWest1, &w).unwrap();
        assert!(r.requested.lines.len() >= 4);
        for l in &r.requested.lines {
            assert_eq!(l.exact_usd, l.quantity * l.rate, "{}", l.label);
        }
    }

    #[test]
    fn sweep_agrees_with_requested_figure() {
        let w = work(700, "321.4", 12_345_678);
        let r = compare(pricing(), Region::ApSouth1, &w).unwrap();
        let at = r.options.iter().find(|o| o.memory_mb == 700).unwrap();
        assert_eq!(r.options.usd(at).cents(), r.requested.monthly_usd.cents());
        assert_eq!(at.billed_duration_ms, 322);
    }

    /// The sweep's shortcut equals the full charges at every setting, with and without
    /// Provisioned Concurrency, ephemeral storage and the free tier.
    #[test]
    fn sweep_equals_charges_at_every_setting() {
        for (pc, eph, free) in [(0, 512, true), (0, 4096, false), (12, 1024, true)] {
            let mut w = work(900, "1234.567", 987_654_321);
            w.cpu_bound_percent = Decimal::from(60);
            w.multi_threaded = true;
            w.provisioned_concurrency = Decimal::from(pc);
            w.provisioned_hours_per_month = Decimal::from(200);
            w.ephemeral_storage_mb = Decimal::from(eph);
            w.free_tier = free;
            let spec = w.validate().unwrap();
            let table = pricing().table(Region::UsEast1).unwrap();
            let p = Prepared::new(
                table,
                &table.x86_64,
                &pricing().free_tier,
                spec.free_tier_applies(),
            )
            .unwrap();
            let s = sweep(&spec, &p);
            assert_eq!(s.len(), 10_113);
            for o in s.iter() {
                let c = charges(&spec, &p, o.memory_mb).unwrap();
                assert_eq!(o.exact_numerator, c.total, "{} MB", o.memory_mb);
                assert_eq!(o.billed_duration_ms, c.billed_ms);
            }
        }
    }

    #[test]
    fn arm64_provisioned_without_sourced_rate_says_so() {
        let mut w = work(1024, "100", 1_000_000);
        w.architecture = Architecture::Arm64;
        w.provisioned_concurrency = Decimal::from(5);
        w.provisioned_hours_per_month = Decimal::from(10);
        let table = pricing().table(Region::EuWest1).unwrap();
        if table.arm64.provisioned_concurrency_gb_s.is_none() {
            let e = compare(pricing(), Region::EuWest1, &w).unwrap_err();
            assert_eq!(e[0].field, "lambda.provisioned_concurrency");
            assert!(e[0].message().contains("no public"), "{}", e[0].message());
        }
        assert!(compare(pricing(), Region::UsEast1, &w).is_ok());
    }

    #[test]
    fn validation_reports_every_field() {
        let w = LambdaWorkload {
            memory_mb: Decimal::from(64),
            duration_ms: Decimal::from(900_001),
            invocations_per_month: d("-1"),
            ephemeral_storage_mb: Decimal::from(20_000),
            provisioned_hours_per_month: Decimal::from(800),
            cpu_bound_percent: d("101"),
            invocation_type: InvocationType::Async,
            payload_kb: Some(Decimal::from(2048)),
            ..LambdaWorkload::default()
        };
        let fields: Vec<_> = w
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "lambda.memory_mb",
                "lambda.duration_ms",
                "lambda.invocations_per_month",
                "lambda.ephemeral_storage_mb",
                "lambda.provisioned_hours_per_month",
                "lambda.cpu_bound_percent",
                "lambda.payload_kb"
            ]
        );
    }

    #[test]
    fn timeout_error_names_the_limit() {
        let e = work(128, "900001", 1).validate().unwrap_err();
        assert!(e[0].message().contains("900 s"), "{}", e[0].message());
    }

    #[test]
    fn warns_above_default_concurrency() {
        // 3,000,000,000 a month ÷ 2,628,000 s × 1 s ≈ 1,141.55 concurrent.
        let r = compare(
            pricing(),
            Region::UsEast1,
            &work(512, "1000", 3_000_000_000),
        )
        .unwrap();
        assert_eq!(r.requested.estimated_concurrency, d("1141.55"));
        assert!(r
            .warnings
            .iter()
            .any(|w| w.code == "concurrency_above_default_limit"));
    }

    #[test]
    fn slow_low_memory_settings_are_excluded() {
        // 800 s at 1,769 MB is ~11,055 s at 128 MB: far over the timeout.
        let r = compare(pricing(), Region::UsEast1, &work(1769, "800000", 1000)).unwrap();
        assert!(!r.options[0].within_timeout);
        assert!(r.cheapest.memory_mb >= 1573, "{}", r.cheapest.memory_mb);
        assert!(r.warnings.iter().any(|w| w.code == "settings_over_timeout"));
    }
}
