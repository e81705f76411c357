//! The warnings S3 gives beside its figures: rates with no public figure, small objects, request
//! rates above a prefix's limit, what retrieval leaves out, and lifecycle rules to check. (A
//! retrieval tier a class does not offer is warned of where retrieval is priced,
//! `price/retrieval.rs`.)

use super::quantities::monitored;
use super::{RetrievalTier, S3Option, S3Spec, StorageClass};
use crate::limits::s3 as lim;
use crate::money::qty;
use crate::report::Warning;
use rust_decimal::Decimal;

/// One `rate_not_sourced` warning for each rate a class lacks.
pub(super) fn rate_warnings(options: &[S3Option]) -> Vec<Warning> {
    let mut warnings = vec![];
    for o in options {
        for m in &o.missing_rates {
            warnings.push(Warning::new(
                "rate_not_sourced",
                format!(
                    "{}: {m}, so its cost is not shown; it is left out of the cheapest pick.",
                    o.name
                ),
            ));
        }
    }
    warnings
}

pub(super) fn workload_warnings(spec: &S3Spec) -> Vec<Warning> {
    let mut w = vec![];
    if !monitored(spec.storage_gb, spec.objects) {
        w.push(Warning::new(
            "small_objects",
            "The average object is under 128 KB: Standard-IA, One Zone-IA and Glacier IR bill each object as 128 KB, and Intelligent-Tiering keeps such objects in Frequent Access without monitoring them.",
        ));
        if let Some(plan) = &spec.lifecycle {
            if plan.iter().skip(1).any(|(c, _)| {
                matches!(
                    c,
                    StorageClass::IntelligentTiering
                        | StorageClass::StandardIa
                        | StorageClass::OnezoneIa
                        | StorageClass::GlacierIr
                )
            }) {
                w.push(Warning::new(
                    "lifecycle_small_objects",
                    "By default S3 Lifecycle does not transition objects under 128 KB to Intelligent-Tiering, Standard-IA, One Zone-IA or Glacier IR; the plan is priced as if they move.",
                ));
            }
        }
    }
    let seconds = Decimal::from(lim::DAYS_PER_MONTH * 86_400);
    for (count, limit, what, code) in [
        (
            spec.puts,
            lim::PUT_PER_SECOND_PER_PREFIX,
            "PUT/COPY/POST/DELETE",
            "put_rate_above_prefix_limit",
        ),
        (
            spec.gets,
            lim::GET_PER_SECOND_PER_PREFIX,
            "GET/HEAD",
            "get_rate_above_prefix_limit",
        ),
    ] {
        let per_s = count / seconds;
        if per_s > Decimal::from(limit) {
            let prefixes = (per_s / Decimal::from(limit)).ceil();
            w.push(Warning::new(
                code,
                format!(
                    "About {} {what} requests a second on average, above S3's {} per second per prefix: spread keys over at least {} prefixes.",
                    qty(per_s.round_dp(0)),
                    qty(Decimal::from(limit)),
                    qty(prefixes)
                ),
            ));
        }
    }
    if !spec.retrieval_gb.is_zero() {
        w.push(Warning::new(
            "restored_copy_not_included",
            "Glacier Flexible Retrieval and Deep Archive restore a temporary copy billed at the Standard rate for the days you keep it; that is not included.",
        ));
        if spec.retrieval_tier == RetrievalTier::Expedited {
            w.push(Warning::new(
                "expedited_capacity",
                "Expedited retrievals are served when capacity allows; guaranteed capacity costs $100 per provisioned capacity unit a month, not included.",
            ));
        }
    }
    if let Some(plan) = &spec.lifecycle {
        if let [(StorageClass::Standard, d), (next, _), ..] = plan.as_slice() {
            if *d < lim::MIN_DAYS_IA
                && matches!(next, StorageClass::StandardIa | StorageClass::OnezoneIa)
            {
                w.push(Warning::new(
                    "lifecycle_ia_after_30_days",
                    "S3 Lifecycle has long required objects to be at least 30 days old before moving to Standard-IA or One Zone-IA; check the current rule before relying on an earlier transition.",
                ));
            }
        }
    }
    w
}
