//! The result types (what a comparison answers for Lambda), the sweep of every memory setting, and
//! [`compare`], which assembles them.

use super::price::{charges, Fraction, Prepared};
use super::pricer::Pricer;
use super::quantities::{estimated_concurrency, modelled_duration, us_as_ms};
use super::table::LambdaPricing;
use super::warnings::warnings;
use super::workload::{Architecture, LambdaSpec, LambdaWorkload};
use crate::error::{FieldError, Problem};
use crate::limits::lambda as lim;
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::{LineItem, Warning};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

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
    let pricer = Pricer::new(pricing, region, w)?;
    let (spec, p, table) = (&pricer.spec, &pricer.prepared, pricer.table());
    let requested_charges = pricer.charges_at(spec.invocations).ok_or_else(|| {
        vec![FieldError::new(
            "lambda.provisioned_concurrency",
            Problem::Malformed(format!(
                "The bundled pricing has no public Provisioned Concurrency rate for {} in {region}.",
                spec.architecture.code()
            )),
        )]
    })?;
    let options = sweep(spec, p);
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
    let lines = pricer.lines_at(spec.invocations);
    let concurrency = estimated_concurrency(spec);
    let warnings = warnings(spec, &options, &requested_charges, concurrency);
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

/// The monthly cost at the requested setting alone, as [`compare`] gives it in
/// `requested.monthly_usd` (the sum of its line items), without the sweep of every setting: what
/// a range's swing needs.
pub fn monthly(
    pricing: &LambdaPricing,
    region: Region,
    w: &LambdaWorkload,
) -> Result<Usd, Vec<FieldError>> {
    let pricer = Pricer::new(pricing, region, w)?;
    Ok(crate::report::total(
        &pricer.lines_at(pricer.spec.invocations),
    ))
}
