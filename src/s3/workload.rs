//! The `s3` section of a workload as given ([`S3Workload`]), its checks, and the checked
//! [`S3Spec`] the pricing reads.

use super::{RetrievalTier, StorageClass};
use crate::error::{Collector, FieldError, Problem};
use crate::limits::s3 as lim;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

/// One step of a lifecycle plan: the class, and for every step but the last how many days the
/// data stays in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifecycleStep {
    pub class: StorageClass,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Decimal>,
}

/// The `s3` section of a workload, as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Workload {
    pub storage_gb: Decimal,
    /// Number of objects; give this or `average_object_size_kb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_count: Option<Decimal>,
    /// Average object size in KB (1 KB = 1,024 bytes); the count is then derived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_object_size_kb: Option<Decimal>,
    #[serde(default)]
    pub put_requests_per_month: Decimal,
    #[serde(default)]
    pub get_requests_per_month: Decimal,
    #[serde(default)]
    pub retrieval_gb_per_month: Decimal,
    #[serde(default = "default_retention")]
    pub retention_days: Decimal,
    /// Share of the data read at least once a month (0–1). When absent:
    /// `retrieval_gb_per_month ÷ storage_gb`, at most 1, to four decimals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_read_fraction: Option<Decimal>,
    #[serde(default)]
    pub retrieval_tier: RetrievalTier,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Vec<LifecycleStep>>,
}

fn default_retention() -> Decimal {
    Decimal::from(365)
}

impl Default for S3Workload {
    /// The example: 10,000 GB in 100,000 objects, 1M GETs and 1,000 GB read a month.
    fn default() -> Self {
        S3Workload {
            storage_gb: Decimal::from(10_000),
            object_count: Some(Decimal::from(100_000)),
            average_object_size_kb: None,
            put_requests_per_month: Decimal::ZERO,
            get_requests_per_month: Decimal::from(1_000_000),
            retrieval_gb_per_month: Decimal::from(1_000),
            retention_days: default_retention(),
            monthly_read_fraction: Some(Decimal::new(1, 1)),
            retrieval_tier: RetrievalTier::Standard,
            lifecycle: None,
        }
    }
}

/// An S3 workload whose every field is in range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Spec {
    pub storage_gb: Decimal,
    /// Whole number of objects, at least 1.
    pub objects: Decimal,
    pub puts: Decimal,
    pub gets: Decimal,
    pub retrieval_gb: Decimal,
    pub retention_days: u32,
    pub read_fraction: Decimal,
    /// False when the read fraction was derived from the retrieval volume.
    pub read_fraction_given: bool,
    pub retrieval_tier: RetrievalTier,
    /// `(class, days)`; the last step's days are what is left of the retention period.
    pub lifecycle: Option<Vec<(StorageClass, u32)>>,
}

/// The calculator's ceilings (far beyond any real bucket), keeping every sum exact.
pub const MAX_STORAGE_GB: u64 = 1_000_000_000_000;
pub const MAX_OBJECTS: u64 = 1_000_000_000_000_000;
pub const MAX_REQUESTS: u64 = 1_000_000_000_000_000;
/// 100 years.
pub const MAX_RETENTION_DAYS: u64 = 36_500;
const GB_PLACES: u32 = 6;

impl S3Workload {
    /// Checks every field; reports all problems at once.
    pub fn validate(&self) -> Result<S3Spec, Vec<FieldError>> {
        let mut c = Collector::default();
        let storage = if self.storage_gb <= Decimal::ZERO {
            c.push(
                "s3.storage_gb",
                Problem::TooSmall {
                    min: Decimal::new(1, GB_PLACES),
                    unit: "GB",
                    rule: "there must be some data to store",
                },
            );
            None
        } else {
            c.within(
                "s3.storage_gb",
                self.storage_gb,
                "GB",
                (Decimal::ZERO, "a size cannot be negative"),
                (
                    MAX_STORAGE_GB.into(),
                    "the calculator's ceiling (about a zettabyte)",
                ),
            )
        };
        let storage = storage.and_then(|v| c.places("s3.storage_gb", v, GB_PLACES, "GB"));
        let objects = match (self.object_count, self.average_object_size_kb) {
            (Some(_), Some(_)) => {
                c.push(
                    "s3.average_object_size_kb",
                    Problem::Malformed(
                        "Give either object_count or average_object_size_kb, not both.".into(),
                    ),
                );
                None
            }
            (None, None) => {
                c.push("s3.object_count", Problem::Required);
                None
            }
            (Some(n), None) => c
                .whole(
                    "s3.object_count",
                    n,
                    "objects",
                    (1, "data is stored in at least one object"),
                    (MAX_OBJECTS, "the calculator's ceiling"),
                )
                .map(Decimal::from),
            (None, Some(kb)) => {
                let max_kb = Decimal::from(lim::MAX_OBJECT_GB) * Decimal::from(1_048_576);
                let kb = c.within(
                    "s3.average_object_size_kb",
                    kb,
                    "KB",
                    (Decimal::new(1, 3), "an object holds at least one byte"),
                    (max_kb, "S3's largest object is 5 TB"),
                );
                let kb = kb.and_then(|v| c.places("s3.average_object_size_kb", v, 3, "KB"));
                match (kb, storage) {
                    (Some(kb), Some(s)) if kb > Decimal::ZERO => {
                        let n = (s * Decimal::from(1_048_576) / kb)
                            .round()
                            .max(Decimal::ONE);
                        if n > Decimal::from(MAX_OBJECTS) {
                            c.push(
                                "s3.average_object_size_kb",
                                Problem::TooSmall {
                                    min: (s * Decimal::from(1_048_576)
                                        / Decimal::from(MAX_OBJECTS))
                                    .round_dp_with_strategy(3, RoundingStrategy::AwayFromZero),
                                    unit: "KB",
                                    rule: "more objects than the calculator's ceiling",
                                },
                            );
                            None
                        } else {
                            Some(n)
                        }
                    }
                    _ => None,
                }
            }
        };
        if let (Some(s), Some(n), Some(_)) = (storage, objects, self.object_count) {
            let min = (s / Decimal::from(lim::MAX_OBJECT_GB)).ceil();
            if n < min {
                c.push(
                    "s3.object_count",
                    Problem::TooSmall {
                        min,
                        unit: "objects",
                        rule: "S3's largest object is 5 TB",
                    },
                );
            }
        }
        let count = |c: &mut Collector, field: &str, v: Decimal| {
            c.whole(
                field,
                v,
                "requests",
                (0, "a count cannot be negative"),
                (MAX_REQUESTS, "the calculator's ceiling"),
            )
            .map(Decimal::from)
        };
        let puts = count(
            &mut c,
            "s3.put_requests_per_month",
            self.put_requests_per_month,
        );
        let gets = count(
            &mut c,
            "s3.get_requests_per_month",
            self.get_requests_per_month,
        );
        let retrieval = c.within(
            "s3.retrieval_gb_per_month",
            self.retrieval_gb_per_month,
            "GB",
            (Decimal::ZERO, "a volume cannot be negative"),
            (MAX_STORAGE_GB.into(), "the calculator's ceiling"),
        );
        let retrieval =
            retrieval.and_then(|v| c.places("s3.retrieval_gb_per_month", v, GB_PLACES, "GB"));
        let retention = c.whole(
            "s3.retention_days",
            self.retention_days,
            "days",
            (1, "data is kept for at least a day"),
            (MAX_RETENTION_DAYS, "the calculator's ceiling of 100 years"),
        );
        let fraction = match self.monthly_read_fraction {
            Some(f) => {
                let f = c.within(
                    "s3.monthly_read_fraction",
                    f,
                    "",
                    (Decimal::ZERO, "a share of the data, from 0 to 1"),
                    (Decimal::ONE, "a share of the data, from 0 to 1"),
                );
                f.and_then(|f| c.places("s3.monthly_read_fraction", f, 4, "the share"))
            }
            None => match (retrieval, storage) {
                (Some(r), Some(s)) => Some(
                    (r / s)
                        .min(Decimal::ONE)
                        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero),
                ),
                _ => None,
            },
        };
        let lifecycle = match &self.lifecycle {
            None => Some(None),
            Some(steps) => validate_lifecycle(&mut c, steps).map(Some),
        };
        let retention_u32 = retention.and_then(|r| u32::try_from(r).ok());
        let spec = match (
            storage,
            objects,
            puts,
            gets,
            retrieval,
            retention_u32,
            fraction,
            lifecycle,
        ) {
            (Some(s), Some(n), Some(p), Some(g), Some(r), Some(days), Some(f), Some(lc)) => {
                Some(S3Spec {
                    storage_gb: s,
                    objects: n,
                    puts: p,
                    gets: g,
                    retrieval_gb: r,
                    retention_days: days,
                    read_fraction: f,
                    read_fraction_given: self.monthly_read_fraction.is_some(),
                    retrieval_tier: self.retrieval_tier,
                    lifecycle: lc,
                })
            }
            _ => None,
        };
        match (c.errors.is_empty(), spec) {
            (true, Some(spec)) => Ok(spec),
            _ => Err(c.errors),
        }
    }
}

/// The most steps a plan can have: one per class.
pub const MAX_LIFECYCLE_STEPS: usize = 7;

fn validate_lifecycle(
    c: &mut Collector,
    steps: &[LifecycleStep],
) -> Option<Vec<(StorageClass, u32)>> {
    let before = c.errors.len();
    if steps.is_empty() || steps.len() > MAX_LIFECYCLE_STEPS {
        c.push(
            "s3.lifecycle",
            Problem::Malformed(format!(
                "A lifecycle plan has 1 to {MAX_LIFECYCLE_STEPS} steps, e.g. [{{\"class\": \"STANDARD\", \"days\": 30}}, {{\"class\": \"DEEP_ARCHIVE\"}}]."
            )),
        );
        return None;
    }
    let mut out = vec![];
    let last = steps.len() - 1;
    for (i, s) in steps.iter().enumerate() {
        let field = format!("s3.lifecycle[{i}].days");
        let days = match (s.days, i == last) {
            (Some(_), true) => {
                c.push(
                    &field,
                    Problem::Malformed(
                        "The last step keeps the data until retention_days ends; leave out its days."
                            .into(),
                    ),
                );
                0
            }
            (None, true) => 0,
            (None, false) => {
                c.push(&field, Problem::Required);
                0
            }
            (Some(d), false) => c
                .whole(
                    &field,
                    d,
                    "days",
                    (1, "each step lasts at least a day"),
                    (MAX_RETENTION_DAYS, "the calculator's ceiling of 100 years"),
                )
                .and_then(|d| u32::try_from(d).ok())
                .unwrap_or(0),
        };
        if i > 0 {
            let from = steps[i - 1].class;
            if !from.can_transition_to(s.class) {
                c.push(
                    &format!("s3.lifecycle[{i}].class"),
                    Problem::Malformed(format!(
                        "S3 Lifecycle cannot move data from {} to {}; transitions go Standard → Standard-IA → Intelligent-Tiering → One Zone-IA → Glacier IR → Glacier Flexible Retrieval → Deep Archive (One Zone-IA cannot go to Glacier IR).",
                        from.code(),
                        s.class.code()
                    )),
                );
            }
        }
        out.push((s.class, days));
    }
    (c.errors.len() == before).then_some(out)
}
