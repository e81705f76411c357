//! The warnings Lambda gives: concurrency near or above the default quota, Provisioned Concurrency
//! that is idle, exceeded or without the free tier, durations near the timeout, and payloads above
//! the study notes' limit.

use super::price::Charges;
use super::result::LambdaOption;
use super::workload::{InvocationType, LambdaSpec};
use crate::limits::lambda as lim;
use crate::money::qty;
use crate::report::Warning;
use rust_decimal::prelude::*;

/// Every warning for the spec, its sweep and the charges at the requested memory, in a fixed order.
pub(super) fn warnings(
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
