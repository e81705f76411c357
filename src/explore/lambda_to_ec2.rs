//! Lambda ↔ EC2 crossover: the monthly invocation count above which an always-on fleet of one EC2
//! instance type costs less than the Lambda function doing the same work.
//!
//! # The model, stated in every answer
//! - **Instances**: at `N` invocations a month of the function's measured duration `d`, the
//!   average concurrency is `N × d ÷ (730 h × 3,600 s)` (Little's law); an instance serves one
//!   request per vCPU at a time, at the same duration, so the fleet needs
//!   `⌈concurrency × (1 + headroom) ÷ vCPU⌉` instances, at least 1. No allowance for peaks
//!   beyond the optional headroom.
//! - **EC2's month**: instances × one always-on instance's month of the chosen purchasing option
//!   (its horizon total ÷ the horizon's months, [`crate::ec2::Ec2Option::amortised_monthly_usd`]),
//!   plus an optional fixed amount (a load balancer, say); nothing else is counted.
//! - **Lambda's month**: exactly as the Lambda panel prices it at the memory asked for
//!   ([`Pricer`]): requests, compute GB-seconds by volume tier, the free tier where it applies,
//!   ephemeral storage, Provisioned Concurrency.
//!
//! # Exact, segment by segment
//! EC2's month is a step function of `N` (constant while the instance count is), Lambda's is
//! piecewise linear and never falls ([`Pricer::slope_changes`]). Within one EC2 step, the first
//! `N` at which Lambda costs more is found on the Lambda segment where it happens by one exact
//! integer division (`N = a + ⌈(T − L(a)) ÷ s⌉`, with `T` the EC2 month as the smallest Lambda
//! numerator above it, [`Fraction::above_usd`]). The steps are walked up to the count at which the
//! function's average concurrency reaches Lambda's default quota of 1,000 concurrent executions
//! (at most 10,000 steps: 1,000 × 10 with the largest headroom, one vCPU).
//!
//! Right after each added instance EC2's month jumps while Lambda's rises smoothly, so EC2 can be
//! cheaper in the upper part of each step and not in the lower: the answer gives both the first
//! count at which EC2 costs less (`crossover`) and the count from which it stays cheaper up to
//! the search's end (`stays_cheaper_from`).

use crate::ec2::{self, Ec2Option, Ec2Pricing, Ec2Result, Ec2Workload, InstanceType};
use crate::error::{Collector, FieldError, Problem};
use crate::lambda::{Fraction, LambdaPricing, LambdaWorkload, Pricer, MAX_INVOCATIONS};
use crate::limits::lambda::DEFAULT_CONCURRENCY;
use crate::money::{qty, Usd, HOURS_PER_MONTH};
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[cfg(test)]
mod tests;

/// Microseconds in AWS's average month (730 hours).
const US_PER_MONTH: u128 = HOURS_PER_MONTH as u128 * 3_600 * 1_000_000;
/// The most headroom accepted: ten times the average concurrency.
pub const MAX_HEADROOM_PERCENT: u64 = 900;
/// The largest fixed monthly amount accepted.
pub const MAX_EXTRA_MONTHLY_USD: u64 = 1_000_000_000;

/// `lambda_to_ec2` in an explore request: which EC2 type and purchasing option to weigh the
/// function against, and what else the fleet needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaToEc2Ask {
    /// A catalog type, e.g. `c6g.large`. Default: the smallest non-burstable type offered in the
    /// region with at least the function's memory, of the function's architecture if one fits
    /// (smallest: least memory, then fewest vCPU, then the lowest On-Demand rate, then the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// An EC2 option id (`on-demand`, `reserved-standard-3y-all-upfront`, …). Default: the type's
    /// cheapest suitable option for one always-on instance over three years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Instances beyond the average concurrency, in percent (0 to 900; default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headroom_percent: Option<Decimal>,
    /// A fixed amount added to EC2's month, e.g. a load balancer (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_monthly_usd: Option<Decimal>,
}

crate::closed_set! {
    /// Which costs less at an invocation count.
    pub enum Cheaper {
        Lambda = "lambda", "Lambda";
        Ec2 = "ec2", "EC2";
        Same = "same", "The same";
    }
}

/// Both months at one invocation count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostPoint {
    pub invocations_per_month: u64,
    /// Average concurrent requests, two decimals.
    pub concurrency: Decimal,
    /// Instances the EC2 fleet needs.
    pub instances: u64,
    pub lambda_monthly_usd: Usd,
    pub ec2_monthly_usd: Usd,
    pub cheaper: Cheaper,
}

/// A purchasing option the explorer could weigh for the type: suitable for one always-on
/// instance and priced by a bundled rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionChoice {
    pub id: String,
    pub label: String,
    /// One always-on instance's month of it (horizon total ÷ months).
    pub instance_monthly_usd: Usd,
}

/// What the Lambda ↔ EC2 explorer answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LambdaToEc2 {
    pub instance_type: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    pub architecture: ec2::Architecture,
    /// How the type was chosen, in a sentence.
    pub instance_type_reason: String,
    /// The purchasing option's id and label.
    pub option: String,
    pub option_label: String,
    /// How the option was chosen, in a sentence.
    pub option_reason: String,
    /// Every option `option` may name for this type, in the comparison's order.
    pub option_choices: Vec<OptionChoice>,
    /// One always-on instance's month of the option: its horizon total ÷ the horizon's months.
    pub instance_monthly_usd: Usd,
    pub headroom_percent: u64,
    pub extra_monthly_usd: Usd,
    /// The workload's own invocation count.
    pub now: CostPoint,
    /// The smallest whole invocation count at which EC2 costs less than Lambda (none: not up to
    /// `search_max_invocations`).
    pub crossover: Option<CostPoint>,
    /// The count from which EC2 costs less at every count up to `search_max_invocations`.
    pub stays_cheaper_from: Option<u64>,
    /// Where the search ends: the count at which the function's average concurrency reaches
    /// Lambda's default quota of 1,000 concurrent executions.
    pub search_max_invocations: u64,
    /// The answer in a sentence.
    pub answer: String,
    /// Both months against invocations a month, ascending: log-spaced, plus the workload's count,
    /// the crossover and the instance-count edges near it.
    pub points: Vec<CostPoint>,
    /// The count the working is worked at: the crossover, else the workload's own.
    pub working_invocations: u64,
    /// Lambda's line items at `working_invocations`.
    pub lambda_lines: Vec<LineItem>,
    /// EC2's line items at `working_invocations`.
    pub ec2_lines: Vec<LineItem>,
    /// What the comparison assumes, in sentences.
    pub assumptions: Vec<String>,
    /// The older of the two tables' dates.
    pub as_of: String,
}

/// The ask's checked options.
struct Options {
    headroom: u64,
    extra: Decimal,
}

fn check_ask(ask: &LambdaToEc2Ask) -> Result<Options, Vec<FieldError>> {
    let mut c = Collector::default();
    let headroom = match ask.headroom_percent {
        Some(h) => c.whole(
            "lambda_to_ec2.headroom_percent",
            h,
            "%",
            (0, "headroom cannot be negative"),
            (
                MAX_HEADROOM_PERCENT,
                "ten times the average concurrency is the most this explorer plans for",
            ),
        ),
        None => Some(0),
    };
    let extra = match ask.extra_monthly_usd {
        Some(x) => c
            .within(
                "lambda_to_ec2.extra_monthly_usd",
                x,
                "USD",
                (Decimal::ZERO, "an added cost cannot be negative"),
                (
                    MAX_EXTRA_MONTHLY_USD.into(),
                    "far beyond any fleet this explorer weighs",
                ),
            )
            .and_then(|x| {
                if x.normalize().scale() > 6 {
                    c.push(
                        "lambda_to_ec2.extra_monthly_usd",
                        Problem::TooPrecise {
                            places: 6,
                            unit: "USD",
                        },
                    );
                    None
                } else {
                    Some(x)
                }
            }),
        None => Some(Decimal::ZERO),
    };
    match (headroom, extra) {
        (Some(headroom), Some(extra)) if c.errors.is_empty() => Ok(Options { headroom, extra }),
        _ => Err(c.errors),
    }
}

/// Burstable families (T2, T3, T3a, T4g) run at full speed only on CPU credits.
fn burstable(t: &InstanceType) -> bool {
    t.family().starts_with('t')
}

/// The catalog types a function of `memory_mb` could default to in `region`, smallest first
/// (least memory, then fewest vCPU, then the lowest On-Demand rate, then the name): non-burstable,
/// offered there with an On-Demand rate, with at least the function's memory; those of `arch`
/// first when any fits.
fn default_types(
    pricing: &Ec2Pricing,
    region: Region,
    memory_mb: u32,
    arch: ec2::Architecture,
) -> Vec<&InstanceType> {
    let Some(tables) = pricing.region(region) else {
        return vec![];
    };
    let need = Decimal::from(memory_mb) / Decimal::from(1024);
    let mut fits: Vec<(&InstanceType, Decimal)> = pricing
        .instance_types
        .types
        .iter()
        .filter(|t| !burstable(t) && t.memory_gib >= need)
        .filter_map(|t| match tables.on_demand(&t.name) {
            Some((_, Some(rate))) => Some((t, rate)),
            _ => None,
        })
        .collect();
    fits.sort_by(|(a, ra), (b, rb)| {
        (a.architecture != arch, a.memory_gib, a.vcpu, *ra, &a.name).cmp(&(
            b.architecture != arch,
            b.memory_gib,
            b.vcpu,
            *rb,
            &b.name,
        ))
    });
    fits.into_iter().map(|(t, _)| t).collect()
}

/// One always-on instance of `name` over three years, every purchasing option priced.
fn price_type(
    pricing: &Ec2Pricing,
    region: Region,
    name: &str,
) -> Result<Ec2Result, Vec<FieldError>> {
    let w = Ec2Workload {
        instance_type: name.to_string(),
        ..Ec2Workload::default()
    };
    ec2::compare(pricing, region, &w).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| match e.field.as_str() {
                "ec2.instance_type" => FieldError::new("lambda_to_ec2.instance_type", e.problem),
                "region" => FieldError::new("workload.region", e.problem),
                _ => FieldError::new("lambda_to_ec2", e.problem),
            })
            .collect()
    })
}

fn malformed(field: &str, message: String) -> Vec<FieldError> {
    vec![FieldError::new(field, Problem::Malformed(message))]
}

/// The option asked for, or the cheapest suitable one; with the sentence saying which.
fn pick_option<'r>(
    result: &'r Ec2Result,
    asked: Option<&str>,
    region: Region,
) -> Result<(&'r Ec2Option, Decimal, String), Vec<FieldError>> {
    let name = &result.instance.instance_type;
    let priced = |o: &Ec2Option| o.amortised_monthly_usd.map(|u| u.0);
    match asked {
        Some(id) => {
            let id = id.trim();
            let Some(o) = result.options.iter().find(|o| o.id == id) else {
                let ids: Vec<&str> = result
                    .options
                    .iter()
                    .filter(|o| priced(o).is_some())
                    .map(|o| o.id.as_str())
                    .collect();
                return Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "\"{}\" is not a purchasing option; those with a bundled rate for {name} in {region}: {}.",
                        crate::error::cut(id),
                        ids.join(", ")
                    ),
                ));
            };
            let Some(monthly) = priced(o) else {
                return Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "{} has no public rate bundled for {name} in {region}{}; choose another option.",
                        o.label,
                        o.reason.as_ref().map(|r| format!(" ({r})")).unwrap_or_default()
                    ),
                ));
            };
            if !o.suitable {
                return Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "{} does not suit one always-on instance{}; choose another option.",
                        o.label,
                        o.reason
                            .as_ref()
                            .map(|r| format!(": {r}"))
                            .unwrap_or_default()
                    ),
                ));
            }
            Ok((o, monthly, format!("{} as asked.", o.label)))
        }
        None => {
            let o = result
                .cheapest_suitable
                .as_ref()
                .and_then(|id| result.options.iter().find(|o| &o.id == id));
            match o.and_then(|o| Some((o, priced(o)?))) {
                Some((o, monthly)) => Ok((
                    o,
                    monthly,
                    format!(
                        "{}: the cheapest suitable option for one always-on {name} over {} years (not interruptible, so not Spot).",
                        o.label, result.horizon_years
                    ),
                )),
                None => Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "No purchasing option of {name} has a bundled rate in {region}; choose another type."
                    ),
                )),
            }
        }
    }
}

/// One stretch of Lambda's month between two slope changes: from `start`, `at_start` plus
/// `slope` per invocation (numerators).
#[derive(Clone, Copy, Debug)]
struct Segment {
    start: u64,
    at_start: u128,
    slope: u128,
}

/// The function's month and the fleet's month at any invocation count.
struct Model<'a> {
    lambda: Pricer<'a>,
    fraction: Fraction,
    /// Measured duration, µs.
    duration_us: u128,
    vcpu: u128,
    headroom: u128,
    instance_monthly: Decimal,
    extra: Decimal,
    /// Lambda's month, segment by segment, ascending from 0.
    segments: Vec<Segment>,
}

impl<'a> Model<'a> {
    /// The model of `lambda`'s month against instances of `vcpu` vCPU at `instance_monthly` each,
    /// plus `extra`, with `headroom` percent over the average concurrency.
    fn new(
        lambda: Pricer<'a>,
        vcpu: u32,
        headroom: u64,
        instance_monthly: Decimal,
        extra: Decimal,
    ) -> Model<'a> {
        // Each segment's start and slope from the engine's own month at its first two counts
        // (exactly linear between slope changes: see the tests).
        let segments = lambda
            .slope_changes()
            .into_iter()
            .map(|start| {
                let at_start = lambda.total_at(start);
                let slope = lambda
                    .total_at(start.saturating_add(1))
                    .saturating_sub(at_start);
                Segment {
                    start,
                    at_start,
                    slope,
                }
            })
            .collect();
        Model {
            fraction: lambda.fraction(),
            duration_us: u128::from(lambda.spec.duration_us),
            vcpu: u128::from(vcpu.max(1)),
            headroom: u128::from(headroom),
            instance_monthly,
            extra,
            segments,
            lambda,
        }
    }

    /// `⌈N × d × (100 + headroom) ÷ (month × vCPU × 100)⌉`, at least 1.
    fn instances(&self, n: u64) -> u64 {
        let num = u128::from(n) * self.duration_us * (100 + self.headroom);
        let den = US_PER_MONTH * self.vcpu * 100;
        u64::try_from(num.div_ceil(den)).unwrap_or(u64::MAX).max(1)
    }

    /// The largest count that `k` instances serve.
    fn last_served(&self, k: u64) -> u64 {
        let num = u128::from(k) * US_PER_MONTH * self.vcpu * 100;
        let den = self.duration_us * (100 + self.headroom);
        u64::try_from(num / den.max(1)).unwrap_or(u64::MAX)
    }

    /// The first count `k` instances serve.
    fn first_served(&self, k: u64) -> u64 {
        if k <= 1 {
            0
        } else {
            self.last_served(k - 1).saturating_add(1)
        }
    }

    /// Average concurrency at `n`, two decimals.
    fn concurrency(&self, n: u64) -> Decimal {
        let per_s = Decimal::from(n) / Decimal::from(US_PER_MONTH / 1_000_000);
        let mut c = (per_s * Decimal::from_u128(self.duration_us).unwrap_or(Decimal::MAX)
            / Decimal::from(1_000_000))
        .round_dp(2);
        c.rescale(2);
        c
    }

    fn ec2_usd(&self, k: u64) -> Decimal {
        Decimal::from(k)
            .checked_mul(self.instance_monthly)
            .and_then(|m| m.checked_add(self.extra))
            .unwrap_or(Decimal::MAX)
    }

    /// The segment holding `n`.
    fn segment(&self, n: u64) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.start <= n);
        self.segments.get(i.checked_sub(1)?)
    }

    /// Lambda's month at `n` from its segment: `L(start) + (n − start) × slope`.
    fn lambda_at(&self, n: u64) -> u128 {
        match self.segment(n) {
            Some(s) => s
                .at_start
                .saturating_add(u128::from(n - s.start).saturating_mul(s.slope)),
            None => self.lambda.total_at(n),
        }
    }

    /// The smallest `n` in `[lo, hi]` at which Lambda's numerator reaches `t`, solved on the
    /// Lambda segment where it happens.
    fn first_reaching(&self, lo: u64, hi: u64, t: u128) -> Option<u64> {
        if lo > hi || self.lambda_at(hi) < t {
            return None;
        }
        let mut a = lo;
        loop {
            let end = self
                .segments
                .iter()
                .find(|s| s.start > a)
                .map_or(hi, |s| (s.start - 1).min(hi));
            let la = self.lambda_at(a);
            if la >= t {
                return Some(a);
            }
            if self.lambda_at(end) >= t {
                // Linear on [a, end]: L(n) = L(a) + (n − a) × slope, and L(end) ≥ t > L(a), so
                // the slope is above zero.
                let slope = self.segment(a).map_or(1, |s| s.slope.max(1));
                let steps = u64::try_from((t - la).div_ceil(slope)).unwrap_or(u64::MAX);
                return Some(a.saturating_add(steps).min(end));
            }
            if end >= hi {
                return None;
            }
            a = end + 1;
        }
    }

    fn point(&self, n: u64) -> CostPoint {
        let k = self.instances(n);
        let ec2 = self.ec2_usd(k);
        // The engine's own month (the search reads it segment by segment).
        let lambda = self.lambda.total_at(n);
        let cheaper = match self.fraction.cmp_usd(lambda, ec2) {
            Ordering::Greater => Cheaper::Ec2,
            Ordering::Less => Cheaper::Lambda,
            Ordering::Equal => Cheaper::Same,
        };
        CostPoint {
            invocations_per_month: n,
            concurrency: self.concurrency(n),
            instances: k,
            lambda_monthly_usd: Usd(self.fraction.usd(lambda)),
            ec2_monthly_usd: Usd(ec2),
            cheaper,
        }
    }

    /// The first count at which EC2 costs less, and the count from which it stays cheaper, up to
    /// `max`.
    fn search(&self, max: u64) -> (Option<u64>, Option<u64>) {
        let mut first = None;
        // The last count at which Lambda costs no more than EC2.
        let mut last_not: Option<u64> = None;
        for k in 1..=self.instances(max) {
            let (lo, hi) = (self.first_served(k), self.last_served(k).min(max));
            if lo > hi {
                continue;
            }
            let t = self.fraction.above_usd(self.ec2_usd(k));
            match self.first_reaching(lo, hi, t) {
                Some(n) => {
                    first.get_or_insert(n);
                    if n > lo {
                        last_not = Some(n - 1);
                    }
                }
                None => last_not = Some(hi),
            }
        }
        let stays = match last_not {
            None => first.map(|_| 0),
            Some(l) if l >= max => None,
            Some(l) => Some(l + 1),
        };
        (first, stays)
    }
}

/// Log-spaced counts (1, 1.5, 2, 3, 5, 7 × 10ⁿ, whole) from `lo` to `hi`.
fn log_spaced(lo: u64, hi: u64) -> Vec<u64> {
    let mut out = vec![];
    let mut decade: u64 = 1;
    while decade <= hi {
        for m in [10, 15, 20, 30, 50, 70] {
            let n = decade.saturating_mul(m) / 10;
            if (lo..=hi).contains(&n) {
                out.push(n);
            }
        }
        match decade.checked_mul(10) {
            Some(d) => decade = d,
            None => break,
        }
    }
    out
}

/// The most instance-count steps whose every edge is charted.
const MAX_CHARTED_STEPS: u64 = 40;

/// Answers the crossover for the workload's Lambda function.
pub fn lambda_to_ec2(
    lambda_pricing: &LambdaPricing,
    ec2_pricing: &Ec2Pricing,
    region: Region,
    workload: &LambdaWorkload,
    ask: &LambdaToEc2Ask,
) -> Result<LambdaToEc2, Vec<FieldError>> {
    let pricer = Pricer::new(lambda_pricing, region, workload).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| FieldError::new(format!("workload.{}", e.field), e.problem))
            .collect::<Vec<_>>()
    });
    let options = check_ask(ask);
    let (pricer, options) = match (pricer, options) {
        (Ok(p), Ok(o)) => (p, o),
        (p, o) => {
            let mut errors = p.err().unwrap_or_default();
            errors.extend(o.err().unwrap_or_default());
            return Err(errors);
        }
    };
    let spec = pricer.spec.clone();
    let arch = match spec.architecture {
        crate::lambda::Architecture::X86_64 => ec2::Architecture::X86_64,
        crate::lambda::Architecture::Arm64 => ec2::Architecture::Arm64,
    };

    // The type and its priced options.
    let (result, type_reason) = match ask.instance_type.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => (
            price_type(ec2_pricing, region, name)?,
            format!("{name} as asked."),
        ),
        _ => {
            let candidates = default_types(ec2_pricing, region, spec.memory_mb, arch);
            let found = candidates.iter().find_map(|t| {
                let r = price_type(ec2_pricing, region, &t.name).ok()?;
                r.cheapest_suitable.is_some().then_some(r)
            });
            let Some(r) = found else {
                return Err(malformed(
                    "lambda_to_ec2.instance_type",
                    format!(
                        "No catalog type with at least {} MB of memory has a bundled rate in {region}; name a type.",
                        qty(spec.memory_mb.into())
                    ),
                ));
            };
            let same_arch = r.instance.architecture == arch;
            let reason = format!(
                "{}: the smallest type with at least the function's {} MB ({} GiB) offered in {region}{}, ordered by memory, then vCPU, then On-Demand rate; burstable types (T2, T3, T3a, T4g) are left out, as they run at full speed only on CPU credits.",
                r.instance.instance_type,
                qty(spec.memory_mb.into()),
                qty((Decimal::from(spec.memory_mb) / Decimal::from(1024)).round_dp(3)),
                if same_arch {
                    format!(", of the function's architecture ({})", arch.code())
                } else {
                    format!(
                        "; no {} type fits, so another architecture ({})",
                        arch.code(),
                        r.instance.architecture.code()
                    )
                }
            );
            (r, reason)
        }
    };
    let (option, instance_monthly, option_reason) =
        pick_option(&result, ask.option.as_deref(), region)?;
    let info = &result.instance;

    let model = Model::new(
        pricer,
        info.vcpu,
        options.headroom,
        instance_monthly,
        options.extra,
    );
    let quota = u128::from(DEFAULT_CONCURRENCY) * US_PER_MONTH / model.duration_us.max(1);
    let max = u64::try_from(quota)
        .unwrap_or(u64::MAX)
        .min(MAX_INVOCATIONS);
    let (first, stays) = model.search(max);
    let now = model.point(spec.invocations);
    let crossover = first.map(|n| model.point(n));

    // The chart's counts.
    let top_of_interest = first.map_or(max, |c| c.max(stays.unwrap_or(c)).saturating_mul(3));
    let top = top_of_interest
        .max(spec.invocations)
        .min(max.max(spec.invocations))
        .max(10);
    let low_of_interest = first.map_or(spec.invocations, |c| c.min(spec.invocations));
    let bottom = (low_of_interest / 10).max(1).min(top / 10).max(1);
    let mut counts = log_spaced(bottom, top);
    counts.extend([bottom, top, spec.invocations]);
    if let Some(c) = first {
        counts.extend([c, c.saturating_sub(1)]);
        let k = model.instances(c);
        for j in k.saturating_sub(1).max(1)..=k + 1 {
            let (lo, hi) = (model.first_served(j), model.last_served(j));
            counts.extend([lo, lo.saturating_sub(1), hi, hi.saturating_add(1)]);
        }
    }
    if let Some(s) = stays {
        counts.extend([s, s.saturating_sub(1)]);
    }
    let (k_lo, k_hi) = (model.instances(bottom), model.instances(top));
    if k_hi.saturating_sub(k_lo) <= MAX_CHARTED_STEPS {
        for j in k_lo..=k_hi {
            let hi = model.last_served(j);
            counts.extend([hi, hi.saturating_add(1)]);
        }
    }
    counts.retain(|&n| (1..=top).contains(&n));
    counts.sort_unstable();
    counts.dedup();
    let points: Vec<CostPoint> = counts.iter().map(|&n| model.point(n)).collect();

    // The working, at the crossover or the workload's own count.
    let at = first.unwrap_or(spec.invocations);
    let k = model.instances(at);
    let lambda_lines = model.lambda.lines_at(at);
    let duration_ms =
        Decimal::from_u128(model.duration_us).unwrap_or_default() / Decimal::ONE_THOUSAND;
    let source_line = option.lines.first().map(|l| &l.source);
    let ec2_source = SourceRef {
        table: ec2::PRICING_FILE.into(),
        row: format!("{region} {} {}", info.instance_type, option.id),
        url: source_line.map_or_else(|| result.source.clone(), |s| s.url.clone()),
        as_of: source_line.map_or_else(|| result.as_of.clone(), |s| s.as_of.clone()),
    };
    let headroom_text = if options.headroom > 0 {
        format!(" × (1 + {} % headroom)", options.headroom)
    } else {
        String::new()
    };
    let mut ec2_lines = vec![LineItem::priced(
        format!("EC2: {} ({})", info.instance_type, option.label),
        Decimal::from(k),
        "instances",
        instance_monthly,
        "USD per instance-month",
        format!(
            "{} invocations × {} ms ÷ (730 h × 3,600 s) = {} concurrent requests{headroom_text} ÷ {} vCPU (one request per vCPU) → {} (rounded up, at least 1) × {} a month ({}'s horizon total ÷ {} months)",
            qty(at.into()),
            qty(duration_ms),
            qty(model.concurrency(at)),
            info.vcpu,
            if k == 1 { "1 instance".to_string() } else { format!("{} instances", qty(k.into())) },
            crate::money::rate(instance_monthly.round_dp(6)),
            option.label,
            result.horizon_months
        ),
        ec2_source,
    )];
    if options.extra > Decimal::ZERO {
        ec2_lines.push(LineItem::priced(
            "Added to EC2's month (as given)",
            Decimal::ONE,
            "month",
            options.extra,
            "USD per month",
            format!(
                "1 month × {} (lambda_to_ec2.extra_monthly_usd)",
                crate::money::rate(options.extra)
            ),
            SourceRef {
                table: "explore request".into(),
                row: "lambda_to_ec2.extra_monthly_usd".into(),
                url: String::new(),
                as_of: String::new(),
            },
        ));
    }

    let label = format!("{} ({})", info.instance_type, option.label);
    let against = |c: &CostPoint| {
        if c.ec2_monthly_usd.cents() == c.lambda_monthly_usd.cents() {
            format!(
                "both about {} a month there, EC2 less by under a cent",
                c.ec2_monthly_usd
            )
        } else {
            format!("{} against {}", c.ec2_monthly_usd, c.lambda_monthly_usd)
        }
    };
    let answer = match (&crossover, stays) {
        (Some(c), Some(s)) if s == c.invocations_per_month => format!(
            "Above {} invocations a month, {} × {label} costs less than Lambda (at {}: {}).",
            qty(c.invocations_per_month.saturating_sub(1).into()),
            c.instances,
            qty(c.invocations_per_month.into()),
            against(c)
        ),
        (Some(c), Some(s)) => format!(
            "From {} invocations a month, {} × {label} costs less than Lambda ({}); each added instance then makes Lambda cheaper again for a while, and from {} invocations EC2 stays cheaper.",
            qty(c.invocations_per_month.into()),
            c.instances,
            against(c),
            qty(s.into())
        ),
        (Some(c), None) => format!(
            "From {} invocations a month, {} × {label} costs less than Lambda ({}), but not throughout: right after each added instance Lambda is cheaper again, up to {} invocations.",
            qty(c.invocations_per_month.into()),
            c.instances,
            against(c),
            qty(max.into())
        ),
        (None, _) => format!(
            "Lambda costs no more than {label} at any count up to {} invocations a month, where the function's average concurrency reaches Lambda's default quota of {} concurrent executions.",
            qty(max.into()),
            qty(DEFAULT_CONCURRENCY.into())
        ),
    };

    let mut assumptions = vec![
        format!(
            "An instance serves one request per vCPU at a time, each taking the function's measured {} ms.",
            qty(duration_ms)
        ),
        format!(
            "Instances needed = invocations × {} ms ÷ (730 h × 3,600 s){headroom_text} ÷ {} vCPU, rounded up, at least 1: the average concurrency, {}.",
            qty(duration_ms),
            info.vcpu,
            if options.headroom > 0 {
                "with the headroom asked for"
            } else {
                "with no headroom for peaks"
            }
        ),
        format!(
            "Each instance is always on (730 hours a month) at {}'s horizon total ÷ {} months: {} a month, upfronts spread evenly.",
            option.label,
            result.horizon_months,
            Usd(instance_monthly)
        ),
        if options.extra > Decimal::ZERO {
            format!(
                "{} a month is added to EC2 as asked; nothing else (load balancer, data transfer, storage, operations) is counted.",
                Usd(options.extra)
            )
        } else {
            "No load balancer, data transfer, storage or operations work is counted for EC2.".into()
        },
        format!(
            "Lambda is priced as the Lambda panel prices it at {} MB ({}): requests, compute by volume tier{}{}.",
            qty(spec.memory_mb.into()),
            spec.architecture.code(),
            if spec.free_tier_applies() {
                ", after the free tier"
            } else {
                ""
            },
            if spec.has_provisioned() {
                ", ephemeral storage and Provisioned Concurrency"
            } else {
                " and ephemeral storage"
            }
        ),
        type_reason.clone(),
        option_reason.clone(),
        format!(
            "The search ends at {} invocations a month, where the average concurrency reaches Lambda's default quota of {} concurrent executions.",
            qty(max.into()),
            qty(DEFAULT_CONCURRENCY.into())
        ),
    ];
    if let Some(t) = ec2_pricing.instance(&info.instance_type) {
        if burstable(t) {
            assumptions.push(format!(
                "{} is burstable: it runs at full speed only while it has CPU credits, so one request per vCPU at the full duration is optimistic.",
                t.name
            ));
        }
    }
    if info.memory_gib * Decimal::from(1024) < Decimal::from(spec.memory_mb) {
        assumptions.push(format!(
            "{} has {} GiB of memory, less than the function's {} MB.",
            info.instance_type,
            qty(info.memory_gib),
            qty(spec.memory_mb.into())
        ));
    }
    let lambda_as_of = model.lambda.table().as_of.clone();
    Ok(LambdaToEc2 {
        instance_type: info.instance_type.clone(),
        vcpu: info.vcpu,
        memory_gib: info.memory_gib,
        architecture: info.architecture,
        instance_type_reason: type_reason,
        option: option.id.clone(),
        option_label: option.label.clone(),
        option_reason,
        option_choices: result
            .options
            .iter()
            .filter(|o| o.suitable)
            .filter_map(|o| {
                Some(OptionChoice {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    instance_monthly_usd: o.amortised_monthly_usd?,
                })
            })
            .collect(),
        instance_monthly_usd: Usd(instance_monthly),
        headroom_percent: options.headroom,
        extra_monthly_usd: Usd(options.extra),
        now,
        crossover,
        stays_cheaper_from: stays,
        search_max_invocations: max,
        answer,
        points,
        working_invocations: at,
        lambda_lines,
        ec2_lines,
        assumptions,
        as_of: lambda_as_of.min(result.as_of.clone()),
    })
}

/// `lambda_to_ec2` of an explore request: asked of `workload.lambda` with the bundled tables.
pub fn ask(
    workload: &crate::workload::Workload,
    ask: &LambdaToEc2Ask,
) -> Result<LambdaToEc2, crate::error::InputErrors> {
    let Some(lambda) = &workload.lambda else {
        return Err(crate::error::InputErrors::one(FieldError::new(
            "workload.lambda",
            Problem::Malformed(
                "The Lambda ↔ EC2 crossover is asked of a Lambda function: add a lambda section to the workload."
                    .into(),
            ),
        )));
    };
    let unusable = |errs: &[crate::pricing::PricingError]| {
        vec![FieldError::new(
            "",
            Problem::Malformed(format!(
                "The bundled pricing tables are invalid ({}); this build cannot price anything.",
                errs.first().map(ToString::to_string).unwrap_or_default()
            )),
        )]
    };
    let tables = match (crate::catalog::lambda(), crate::catalog::ec2()) {
        (Ok(l), Ok(e)) => Ok((l, e)),
        (Err(errs), _) | (_, Err(errs)) => Err(unusable(errs)),
    };
    tables
        .and_then(|(l, e)| lambda_to_ec2(l, e, workload.region, lambda, ask))
        .map_err(|errors| crate::error::InputErrors { errors })
}
