//! AWS Lambda: the monthly cost at one memory setting and at every setting from 128 to 10,240 MB,
//! following <https://aws.amazon.com/lambda/pricing/> and the quotas at
//! <https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>.
//!
//! # Where each charge is computed
//! Each charge, as its line items label it, has its own file under `price/` (its amount and its
//! line):
//! - Requests → `price/requests.rs`
//! - Compute (on-demand duration, one line per volume tier) → `price/compute.rs`
//! - Provisioned Concurrency → `price/provisioned_concurrency.rs`
//! - Provisioned duration → `price/provisioned_duration.rs`
//! - Ephemeral storage → `price/ephemeral_storage.rs`
//!
//! The rest: the pricing table and its checks in `table.rs`; the workload and its validation in
//! `workload.rs`; CPU share, modelled and billed duration, and concurrency in `quantities.rs`; the
//! rates as integers and the sum of the charges in `price/mod.rs`; the result, the sweep of every
//! setting and [`compare`] in `result.rs`; the warnings in `warnings.rs`. The sweep ([`sweep`])
//! repeats the Requests, Compute and Ephemeral storage sums as a shortcut for settings without
//! Provisioned Concurrency; a test holds it to [`charges`] at every setting.
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
//! After <https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html>, CPU share grows
//! with memory: `m/1769` vCPU up to 1,769 MB, then linearly to 6 vCPU at 10,240 MB (multi-threaded
//! code), or capped at 1 vCPU (single-threaded code). The CPU-bound part of the measured duration
//! scales with the inverse of the CPU share; the rest does not:
//! `d(m) = d₀ × ((100 − p) + p × share(m₀) / share(m)) / 100`.

mod explain;
mod price;
mod pricer;
mod quantities;
mod result;
mod table;
#[cfg(test)]
mod tests;
mod warnings;
mod workload;

pub use price::{charges, Charges, Fraction, Prepared, MAX_TIERS};
pub use pricer::Pricer;
pub use quantities::{cpu_share, estimated_concurrency, modelled_duration};
pub use result::{
    compare, sweep, LambdaOption, LambdaResult, Pick, Requested, Sweep, DURATION_MODEL,
};
pub use table::{ArchRates, FreeTier, LambdaPricing, LambdaTable, PRICING_FILE};
pub use workload::{
    Architecture, InvocationType, LambdaSpec, LambdaWorkload, MAX_INVOCATIONS, MAX_PROVISIONED,
};

use crate::error::FieldError;
use crate::money::Usd;
use crate::pricing::Region;

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
    /// The requested setting alone, without the sweep of every setting.
    fn monthly(
        pricing: &LambdaPricing,
        region: Region,
        workload: &LambdaWorkload,
    ) -> Result<Option<Usd>, Vec<FieldError>> {
        result::monthly(pricing, region, workload).map(Some)
    }

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

    fn steps(r: &LambdaResult, option: Option<&str>) -> Option<Vec<crate::service::Step>> {
        explain::steps(r, option)
    }

    fn choices(r: &LambdaResult) -> crate::service::Choices {
        explain::choices(r)
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
