//! The `ec2` section of a workload as given ([`Ec2Workload`]), and [`Ec2Workload::validate`],
//! which checks every field and returns the [`Ec2Spec`] the comparison prices.

use crate::error::{Collector, FieldError, Problem};
use crate::money::{HOURS_PER_MONTH, MAX_HOURS_PER_MONTH};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

/// The most instances one comparison accepts.
pub const MAX_COUNT: u64 = 100_000;

crate::closed_set! {
    /// How the instances above the committed baseline are paid for in the mixed strategy.
    #[derive(Default)]
    pub enum PeakPricing {
        #[default]
        OnDemand = "on-demand", "On-Demand";
        Spot = "spot", "Spot";
    }
}

/// The `ec2` section of a workload, as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Workload {
    /// A catalog type, e.g. `m5.large`.
    pub instance_type: String,
    #[serde(default = "one")]
    pub count: Decimal,
    /// Hours each instance runs in a month; 730 = always on (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Decimal>,
    /// Alternative schedule: hours a day on `days_per_week` days (730 ÷ 168 weeks a month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_day: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_per_week: Option<Decimal>,
    #[serde(default)]
    pub interruption_tolerant: bool,
    /// 1 or 3 years: how far ahead to compare.
    #[serde(default = "three")]
    pub horizon_years: Decimal,
    /// Needs hardware not shared with other accounts.
    #[serde(default)]
    pub needs_dedicated: bool,
    /// Brings a licence counted by physical cores or sockets.
    #[serde(default)]
    pub core_bound_license: bool,
    /// Mixed strategy: commit for this many instances, pay `peak_pricing` for the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_count: Option<Decimal>,
    #[serde(default)]
    pub peak_pricing: PeakPricing,
}

fn one() -> Decimal {
    Decimal::ONE
}
fn three() -> Decimal {
    Decimal::from(3)
}

impl Default for Ec2Workload {
    /// One m5.large, always on, over three years.
    fn default() -> Self {
        Ec2Workload {
            instance_type: "m5.large".into(),
            count: one(),
            hours_per_month: None,
            hours_per_day: None,
            days_per_week: None,
            interruption_tolerant: false,
            horizon_years: three(),
            needs_dedicated: false,
            core_bound_license: false,
            baseline_count: None,
            peak_pricing: PeakPricing::OnDemand,
        }
    }
}

/// An EC2 workload whose every field is in range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ec2Spec {
    pub instance_type: String,
    pub count: u32,
    /// Hours each instance runs a month, in `[0, 744]`.
    pub hours: Decimal,
    pub interruption_tolerant: bool,
    pub horizon_years: u32,
    pub needs_dedicated: bool,
    pub core_bound_license: bool,
    pub baseline_count: Option<u32>,
    pub peak_pricing: PeakPricing,
}

impl Ec2Workload {
    /// Checks every field; reports all problems at once. Whether the instance type is in the
    /// catalog is checked by [`compare`](super::compare), which has the catalog.
    pub fn validate(&self) -> Result<Ec2Spec, Vec<FieldError>> {
        let mut c = Collector::default();
        if self.instance_type.trim().is_empty() {
            c.push("ec2.instance_type", Problem::Required);
        }
        let count = c.whole(
            "ec2.count",
            self.count,
            "instances",
            (1, "compare at least one instance"),
            (MAX_COUNT, "split larger fleets into several comparisons"),
        );
        let max_h = Decimal::from(MAX_HOURS_PER_MONTH);
        let hours = match (self.hours_per_month, self.hours_per_day, self.days_per_week) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                c.push(
                    "ec2.hours_per_day",
                    Problem::Malformed(
                        "Give either hours_per_month or hours_per_day with days_per_week, not both."
                            .into(),
                    ),
                );
                None
            }
            (Some(h), None, None) => c
                .within(
                    "ec2.hours_per_month",
                    h,
                    "hours",
                    (Decimal::ZERO, "hours cannot be negative"),
                    (max_h, "a month has at most 744 hours (31 days)"),
                )
                .and_then(|h| c.places("ec2.hours_per_month", h, 3, "hours")),
            (None, None, None) => Some(Decimal::from(HOURS_PER_MONTH)),
            (None, d, w) => {
                let d = c
                    .within(
                        "ec2.hours_per_day",
                        d.unwrap_or(Decimal::from(24)),
                        "hours",
                        (Decimal::ZERO, "hours cannot be negative"),
                        (Decimal::from(24), "a day has 24 hours"),
                    )
                    .and_then(|d| c.places("ec2.hours_per_day", d, 3, "hours"));
                let w = c.whole(
                    "ec2.days_per_week",
                    w.unwrap_or(Decimal::from(7)),
                    "days",
                    (0, "days cannot be negative"),
                    (7, "a week has 7 days"),
                );
                match (d, w) {
                    // 730 h a month ÷ 168 h a week: AWS's average month has 4.345… weeks.
                    (Some(d), Some(w)) => Some(
                        d * Decimal::from(w) * Decimal::from(HOURS_PER_MONTH) / Decimal::from(168),
                    ),
                    _ => None,
                }
            }
        };
        let horizon = c.whole(
            "ec2.horizon_years",
            self.horizon_years,
            "years",
            (1, "Reserved Instances and Savings Plans last 1 or 3 years"),
            (3, "Reserved Instances and Savings Plans last 1 or 3 years"),
        );
        let horizon = match horizon {
            Some(2) => {
                c.push(
                    "ec2.horizon_years",
                    Problem::UnknownChoice {
                        given: "2".into(),
                        allowed: &["1", "3"],
                    },
                );
                None
            }
            h => h,
        };
        let baseline = match self.baseline_count {
            Some(b) => {
                let max = count.unwrap_or(MAX_COUNT);
                c.whole(
                    "ec2.baseline_count",
                    b,
                    "instances",
                    (0, "a count cannot be negative"),
                    (max, "the baseline is part of the instance count"),
                )
                .map(Some)
            }
            None => Some(None),
        };
        match (count, hours, horizon, baseline) {
            (Some(n), Some(h), Some(y), Some(b)) if c.errors.is_empty() => Ok(Ec2Spec {
                instance_type: self.instance_type.trim().to_string(),
                count: n as u32,
                hours: h,
                interruption_tolerant: self.interruption_tolerant,
                horizon_years: y as u32,
                needs_dedicated: self.needs_dedicated,
                core_bound_license: self.core_bound_license,
                baseline_count: b.map(|b| b as u32),
                peak_pricing: self.peak_pricing,
            }),
            _ => Err(c.errors),
        }
    }
}
