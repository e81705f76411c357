//! The pricing context: a region and architecture's rates as integers over one common
//! denominator ([`Prepared`]), how numerators turn into dollars ([`Fraction`]), one month's
//! charges at a memory setting ([`charges`]), and what the line items share. Each charge has its
//! own file, named as its line items are labelled.

mod compute;
mod ephemeral_storage;
mod provisioned_concurrency;
mod provisioned_duration;
mod requests;

use super::quantities::{div, modelled_duration};
use super::table::{ArchRates, FreeTier, LambdaTable, PRICING_FILE};
use super::workload::LambdaSpec;
use crate::limits::lambda as lim;
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::*;

/// The most volume tiers a duration price may have.
pub const MAX_TIERS: usize = 6;

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
    pub(super) tiers: Vec<(Option<u128>, u128)>,
    /// Numerator per request.
    pub(super) requests: u128,
    /// Numerators per MB-ms.
    pub(super) ephemeral: u128,
    pc: Option<u128>,
    pc_duration: Option<u128>,
    pub(super) free_requests: u128,
    pub(super) free_mb_ms: u128,
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

    /// `usd` as a numerator rounded down, and whether that is exact: with `usd = m ÷ 10^e`,
    /// `⌊m × den ÷ 10^e⌋`. `None` for a negative amount or one past every numerator.
    fn floor_numerator(&self, usd: Decimal) -> Option<(u128, bool)> {
        if usd.is_sign_negative() && !usd.is_zero() {
            return None;
        }
        let m = u128::try_from(usd.mantissa()).ok()?.checked_mul(DEN_BASE)?;
        let e = usd.scale();
        if self.scale >= e {
            Some((m.checked_mul(10u128.checked_pow(self.scale - e)?)?, true))
        } else {
            let f = 10u128.checked_pow(e - self.scale)?;
            Some((m / f, m % f == 0))
        }
    }

    /// The smallest numerator whose amount is more than `usd` (0 for a negative amount;
    /// `u128::MAX` when no numerator reaches past it).
    pub fn above_usd(&self, usd: Decimal) -> u128 {
        if usd.is_sign_negative() && !usd.is_zero() {
            return 0;
        }
        self.floor_numerator(usd)
            .map_or(u128::MAX, |(n, _)| n.saturating_add(1))
    }

    /// How a numerator's amount compares with `usd`, exactly.
    pub fn cmp_usd(&self, numerator: u128, usd: Decimal) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        if usd.is_sign_negative() && !usd.is_zero() {
            return Ordering::Greater;
        }
        match self.floor_numerator(usd) {
            None => Ordering::Less,
            Some((n, exact)) => match numerator.cmp(&n) {
                Ordering::Equal if !exact => Ordering::Less,
                o => o,
            },
        }
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

    let (billable_requests, requests) = requests::charge(p, inv);

    let (mut pc_mb_ms, mut pc, mut pc_duration_mb_ms, mut pc_duration) = (0, 0, 0, 0);
    let mut provisioned_invocations = 0;
    if spec.has_provisioned() {
        let (pc_rate, pcd_rate) = (p.pc?, p.pc_duration?);
        (pc_mb_ms, pc) = provisioned_concurrency::charge(spec, mem, pc_rate);
        (provisioned_invocations, pc_duration_mb_ms, pc_duration) =
            provisioned_duration::charge(spec, inv, billed, mem, pcd_rate);
    }
    let on_demand_invocations = inv - provisioned_invocations;
    let (on_demand_mb_ms, free_mb_ms, tiers, duration) =
        compute::charge(p, on_demand_invocations, billed, mem);
    let (ephemeral_mb_ms, ephemeral) = ephemeral_storage::charge(spec, p, inv, billed);
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

/// The line items of the requested memory's charges, in the order the result lists them.
pub(super) fn lines(
    spec: &LambdaSpec,
    table: &LambdaTable,
    rates: &ArchRates,
    p: &Prepared,
    c: &Charges,
    region: Region,
) -> Vec<LineItem> {
    let l = Lines {
        spec,
        table,
        rates,
        p,
        c,
        region,
        arch: spec.architecture.code(),
    };
    let mut out = vec![requests::line(&l)];
    if spec.has_provisioned() {
        out.push(provisioned_concurrency::line(&l));
        out.push(provisioned_duration::line(&l));
    }
    compute::lines(&l, &mut out);
    if spec.ephemeral_mb > lim::EPHEMERAL_MIN_MB {
        out.push(ephemeral_storage::line(&l));
    }
    out
}

/// What every line item reads: the spec, the region's rates, and the charges at the requested
/// memory.
struct Lines<'a> {
    spec: &'a LambdaSpec,
    table: &'a LambdaTable,
    rates: &'a ArchRates,
    p: &'a Prepared,
    c: &'a Charges,
    region: Region,
    /// The architecture's code, as the table's rows name it.
    arch: &'static str,
}

impl Lines<'_> {
    /// The table row a line's rate comes from.
    fn src(&self, row: String) -> SourceRef {
        let (region, table) = (self.region, self.table);
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{region} {row}"),
            url: table.source.clone(),
            as_of: table.as_of.clone(),
        }
    }

    /// Hours with Provisioned Concurrency enabled.
    fn provisioned_hours(&self) -> Decimal {
        Decimal::from(self.spec.provisioned_ms) / Decimal::from(3_600_000)
    }
}

/// A count as a `Decimal`.
fn dec(n: u128) -> Decimal {
    Decimal::from_u128(n).unwrap_or(Decimal::MAX)
}

/// MB-milliseconds as GB-seconds.
fn gb_s(mb_ms: u128) -> Decimal {
    dec(mb_ms) / Decimal::from(1_024_000)
}

/// Uses the exact integer amount (identical to `quantity × rate` up to the quantity's own
/// rounding in display) as the line's amount.
fn amount_line(mut l: LineItem, exact: Decimal) -> LineItem {
    l.amount_usd = Usd(exact);
    l.exact_usd = exact;
    l
}
