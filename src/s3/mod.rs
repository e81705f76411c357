//! Amazon S3 storage classes: what the same data costs in each class, following
//! <https://aws.amazon.com/s3/pricing/> and the storage-class table at
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html>.
//!
//! # Billing, as AWS describes it
//! - Storage per GB-month (1 GB = 2^30 bytes). Standard and Intelligent-Tiering's Frequent Access
//!   tier are volume-tiered: first 50 TB (51,200 GB), next 450 TB, over 500 TB.
//! - Standard-IA, One Zone-IA and Glacier Instant Retrieval bill every object as at least 128 KB.
//! - Glacier Flexible Retrieval and Deep Archive add 40 KB per object: 8 KB at the Standard rate
//!   and 32 KB at the class's own rate.
//! - Requests per 1,000 (PUT/COPY/POST/LIST, and GET/SELECT/other); retrieval per GB, and for the
//!   archive classes per 1,000 restore requests at the chosen retrieval tier.
//! - Intelligent-Tiering: monitoring per 1,000 objects of at least 128 KB; smaller objects are not
//!   monitored and always stay in Frequent Access.
//! - Objects deleted, overwritten or transitioned before the class's minimum storage duration
//!   (30 days IA, 90 days Glacier IR and Flexible, 180 days Deep Archive) are charged for the rest
//!   of it, prorated by day over 30-day months.
//!
//! # The calculator's model
//! See [`MODEL`]: every object is taken to be the average size; a month is 30 days; the data is
//! already stored (the upload is in `put_requests_per_month` only if you include it); restore
//! requests are one per object retrieved (`retrieval_gb_per_month` ÷ average object size).
//!
//! # Where each charge is computed
//! Each line item's formula is in the file named after its charge, under `price/`:
//! - "Storage" (by volume tier): `price/storage.rs`
//! - "Minimum billable object size (128 KB)": `price/minimum_object_size.rs`
//! - "Archive index (32 KB …)", "Archive metadata (8 KB …)": `price/archive_overhead.rs`
//! - "Frequent Access", "Infrequent Access", "Archive Instant Access", "Monitoring and
//!   automation" (Intelligent-Tiering): `price/intelligent_tiering.rs`
//! - "PUT, COPY, POST, LIST requests", "GET, SELECT and other requests": `price/requests.rs`
//! - "Data retrieval", "Retrieval requests": `price/retrieval.rs`
//! - "Storage, N days", "Requests and retrieval, N days" (the retention period):
//!   `price/retention.rs`
//! - "Early deletion (N-day minimum)": `price/early_deletion.rs`
//! - "Day N: lifecycle transition to …": `price/lifecycle_transitions.rs`
//!
//! Around them: `classes.rs` (storage classes and retrieval tiers), `table.rs` (the pricing
//! table), `workload.rs` (the input and its checks), `quantities.rs` (sizes and splits before
//! any rate), `price/mod.rs` (one class's month), `result.rs` (options, curves, break-evens,
//! the lifecycle plan, [`compare`]) and `warnings.rs`.

mod classes;
mod explain;
mod price;
mod quantities;
mod result;
mod table;
#[cfg(test)]
mod tests;
mod warnings;
mod workload;

pub use classes::{ClassFacts, RetrievalTier, StorageClass};
pub use quantities::{
    gb_128kb, gb_32kb, gb_8kb, min_size_top_up_gb, monitored, tiering_split, MODEL,
};
pub use result::{
    break_even_gb, compare, compare_spec, BreakEven, CheapestRange, Curve, LifecycleResult,
    PlanStep, S3Option, S3Result, SingleClass,
};
pub use table::{
    ClassRates, RateSource, RetrievalRates, S3Pricing, S3Table, TieringRates, PRICING_FILE,
    REQUEST_RATES,
};
pub use workload::{
    LifecycleStep, S3Spec, S3Workload, MAX_LIFECYCLE_STEPS, MAX_OBJECTS, MAX_REQUESTS,
    MAX_RETENTION_DAYS, MAX_STORAGE_GB,
};

use crate::error::FieldError;
use crate::pricing::Region;

/// S3 as the engine's shared parts see it ([`crate::service::Service`]).
pub struct S3;

impl crate::service::Service for S3 {
    const NAME: &'static str = "S3";
    const MEASURE: &'static str = "Monthly cost of the storage class cheapest over the retention period (steady month, before early-deletion charges)";
    const TITLE: &'static str = "S3 storage classes";
    type Pricing = S3Pricing;
    type Workload = S3Workload;
    type Result = S3Result;

    fn compare(
        pricing: &S3Pricing,
        region: Region,
        w: &S3Workload,
    ) -> Result<S3Result, Vec<FieldError>> {
        compare(pricing, region, w)
    }

    fn as_of(r: &S3Result) -> &str {
        &r.as_of
    }

    /// The class cheapest over the retention, at its steady month; every class beside it.
    fn figures(s: &S3Result) -> crate::service::Figures {
        use crate::service::{Figure, Figures};
        let options: Vec<(String, String, Figure)> = s
            .options
            .iter()
            .map(|o| {
                let note = if o.missing_rates.is_empty() {
                    o.name.to_string()
                } else {
                    format!("No bundled rate: {}", o.missing_rates.join(", "))
                };
                (
                    o.id.code().into(),
                    o.name.into(),
                    Figure::new(o.monthly_usd, note),
                )
            })
            .collect();
        let headline = match s
            .cheapest
            .and_then(|t| s.options.iter().find(|o| o.id == t))
        {
            Some(o) => Figure::new(o.monthly_usd, o.name),
            None => Figure::new(None, "No storage class has every rate bundled"),
        };
        Figures { headline, options }
    }

    fn steps(r: &S3Result, option: Option<&str>) -> Option<Vec<crate::service::Step>> {
        explain::steps(r, option)
    }

    fn choices(r: &S3Result) -> crate::service::Choices {
        explain::choices(r)
    }

    fn inputs(s: &S3Workload, out: &mut crate::input::Inputs) {
        out.num("s3.storage_gb", Some(s.storage_gb));
        out.num("s3.object_count", s.object_count);
        out.num("s3.average_object_size_kb", s.average_object_size_kb);
        out.num("s3.put_requests_per_month", Some(s.put_requests_per_month));
        out.num("s3.get_requests_per_month", Some(s.get_requests_per_month));
        out.num("s3.retrieval_gb_per_month", Some(s.retrieval_gb_per_month));
        out.num("s3.retention_days", Some(s.retention_days));
        out.num("s3.monthly_read_fraction", s.monthly_read_fraction);
        out.text("s3.retrieval_tier", s.retrieval_tier.code());
        for (n, step) in s.lifecycle.iter().flatten().enumerate() {
            out.text(&format!("s3.lifecycle[{n}].class"), step.class.code());
            out.num(&format!("s3.lifecycle[{n}].days"), step.days);
        }
    }
}
