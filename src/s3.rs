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

use crate::error::{Collector, FieldError, Problem};
use crate::limits::s3 as lim;
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::pricing::{split_tiers, tier_band, tiered_amount, Check, Region, Tier};
use crate::report::{LineItem, SourceRef, Warning};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

pub const PRICING_FILE: &str = "pricing/s3.json";

pub const MODEL: &str = "Every object is the average size (storage ÷ object count); 1 GB = 2^30 bytes, 1 KB = 1,024 bytes. monthly_usd is a steady 30-day month of storage, requests and retrieval with the data already stored. Restore requests for Glacier Flexible Retrieval and Deep Archive are one per object retrieved. Intelligent-Tiering: each object is read in a given month with probability monthly_read_fraction (f), independently; an object unread for 30 days is in Infrequent Access and for 90 days in Archive Instant Access, so in the steady month f of the data is in Frequent Access, (1−f) − (1−f)³ in Infrequent Access and (1−f)³ in Archive Instant Access; over the retention period the data starts in Frequent Access (days 1–30), then f stays Frequent and 1−f is Infrequent (days 31–90), then the steady split. retention_total_usd is storage over retention_days plus requests and retrieval for retention_days ÷ 30 months, plus the early-deletion charge for the rest of the minimum storage duration when retention_days is shorter; that charge covers what is billed at the class rate (with the 128 KB minimum and the 32 KB archive index), not the 8 KB per archived object billed at the Standard rate, which has no minimum duration. The optional archive tiers of Intelligent-Tiering and the Standard-rate copy of restored objects are not included.";

// ---------------------------------------------------------------------------------------------
// Storage classes
// ---------------------------------------------------------------------------------------------

crate::closed_set! {
    /// The storage classes, coded as AWS's API names them.
    pub enum StorageClass {
        Standard = "STANDARD", "S3 Standard";
        IntelligentTiering = "INTELLIGENT_TIERING", "S3 Intelligent-Tiering";
        StandardIa = "STANDARD_IA", "S3 Standard-IA";
        OnezoneIa = "ONEZONE_IA", "S3 One Zone-IA";
        GlacierIr = "GLACIER_IR", "S3 Glacier Instant Retrieval";
        Glacier = "GLACIER", "S3 Glacier Flexible Retrieval";
        DeepArchive = "DEEP_ARCHIVE", "S3 Glacier Deep Archive";
    }
}

/// What the study notes teach about a class, beside AWS's current figure where it differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ClassFacts {
    pub durability: &'static str,
    /// Availability as the study notes give it.
    pub availability: &'static str,
    /// Availability AWS documents now.
    pub availability_current: &'static str,
    pub azs: &'static str,
    pub first_byte: &'static str,
}

impl StorageClass {
    /// Minimum storage duration in days (0 = none).
    pub fn minimum_days(self) -> u32 {
        match self {
            StorageClass::Standard | StorageClass::IntelligentTiering => 0,
            StorageClass::StandardIa | StorageClass::OnezoneIa => lim::MIN_DAYS_IA,
            StorageClass::GlacierIr => lim::MIN_DAYS_GLACIER_IR,
            StorageClass::Glacier => lim::MIN_DAYS_GLACIER,
            StorageClass::DeepArchive => lim::MIN_DAYS_DEEP_ARCHIVE,
        }
    }

    /// Whether each object is billed as at least 128 KB.
    pub fn has_min_object_size(self) -> bool {
        matches!(
            self,
            StorageClass::StandardIa | StorageClass::OnezoneIa | StorageClass::GlacierIr
        )
    }

    /// Whether each object carries the 40 KB archive overhead.
    pub fn is_archive(self) -> bool {
        matches!(self, StorageClass::Glacier | StorageClass::DeepArchive)
    }

    /// Position in S3 Lifecycle's transition waterfall: a rule may only move data to a later one
    /// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html>).
    fn waterfall(self) -> u8 {
        match self {
            StorageClass::Standard => 0,
            StorageClass::StandardIa => 1,
            StorageClass::IntelligentTiering => 2,
            StorageClass::OnezoneIa => 3,
            StorageClass::GlacierIr => 4,
            StorageClass::Glacier => 5,
            StorageClass::DeepArchive => 6,
        }
    }

    /// Whether S3 Lifecycle can transition objects from `self` to `to`.
    pub fn can_transition_to(self, to: StorageClass) -> bool {
        to.waterfall() > self.waterfall()
            && !(self == StorageClass::OnezoneIa && to == StorageClass::GlacierIr)
    }

    /// Durability, availability, AZs and first-byte latency (study notes; `availability_current`
    /// from the storage-class table).
    pub fn facts(self) -> ClassFacts {
        const ELEVEN: &str = "99.999999999 % (11 nines)";
        let f = |availability, availability_current, azs, first_byte| ClassFacts {
            durability: ELEVEN,
            availability,
            availability_current,
            azs,
            first_byte,
        };
        match self {
            StorageClass::Standard => f("99.99 %", "99.99 %", "≥ 3", "milliseconds"),
            StorageClass::IntelligentTiering => f(
                "99.9 %",
                "99.9 %",
                "≥ 3",
                "milliseconds to hours (archive tiers)",
            ),
            StorageClass::StandardIa => f("99.9 %", "99.9 %", "≥ 3", "milliseconds"),
            StorageClass::OnezoneIa => f("99.5 %", "99.5 %", "1", "milliseconds"),
            StorageClass::GlacierIr => f("99.9 %", "99.9 %", "≥ 3", "milliseconds"),
            StorageClass::Glacier => f(
                "99.9 %",
                "99.99 % (after restore)",
                "≥ 3",
                "1–5 min expedited, 3–5 h standard, 5–12 h bulk",
            ),
            StorageClass::DeepArchive => f(
                "99.9 %",
                "99.99 % (after restore)",
                "≥ 3",
                "12 h standard, 48 h bulk",
            ),
        }
    }
}

crate::closed_set! {
    /// How fast archived data comes back (Glacier Flexible Retrieval and Deep Archive).
    #[derive(Default)]
    pub enum RetrievalTier {
        Expedited = "expedited", "Expedited";
        #[default]
        Standard = "standard", "Standard";
        Bulk = "bulk", "Bulk";
    }
}

// ---------------------------------------------------------------------------------------------
// Pricing table
// ---------------------------------------------------------------------------------------------

/// `pricing/s3.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Pricing {
    pub tables: Vec<S3Table>,
}

/// One region's S3 rates.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Table {
    pub region: Region,
    pub as_of: String,
    pub source: String,
    pub classes: Vec<ClassRates>,
    pub intelligent_tiering: TieringRates,
}

/// One class's rates. `null` means no public rate was found; the calculator then says so.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassRates {
    pub class: StorageClass,
    /// USD per GB-month; `up_to` is cumulative GB in the month.
    pub storage_tiers: Vec<Tier>,
    /// USD per 1,000 PUT, COPY, POST or LIST requests.
    pub put_per_1000: Option<Decimal>,
    /// USD per 1,000 GET, SELECT and other requests.
    pub get_per_1000: Option<Decimal>,
    /// USD per 1,000 lifecycle transition requests into this class.
    pub lifecycle_transition_per_1000: Option<Decimal>,
    /// Retrieval charges: none for Standard and Intelligent-Tiering, one untiered entry for the
    /// IA classes and Glacier IR, one per retrieval tier for the archive classes.
    pub retrieval: Vec<RetrievalRates>,
    /// Request rates of this class read from another source than the table's (whose `source`
    /// and `as_of` cite every other rate).
    #[serde(default)]
    pub rate_sources: Vec<RateSource>,
}

/// Where one request rate of a class comes from when its table's source lacks it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSource {
    /// The rate's field: `put_per_1000`, `get_per_1000` or `lifecycle_transition_per_1000`.
    pub rate: String,
    pub as_of: String,
    pub source: String,
    pub note: String,
}

/// The request-rate fields a [`RateSource`] may name.
pub const REQUEST_RATES: [&str; 3] = [
    "put_per_1000",
    "get_per_1000",
    "lifecycle_transition_per_1000",
];

/// Retrieval charges of a class, or of one retrieval tier of it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetrievalRates {
    pub tier: Option<RetrievalTier>,
    /// USD per GB retrieved.
    pub per_gb: Option<Decimal>,
    /// USD per 1,000 retrieval (restore) requests; "0" where the class has no such fee.
    pub requests_per_1000: Option<Decimal>,
}

/// Intelligent-Tiering's own rates (its Frequent Access tier is the class's `storage_tiers`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieringRates {
    /// USD per 1,000 monitored objects (128 KB or larger) per month.
    pub monitoring_per_1000_objects: Option<Decimal>,
    /// USD per GB-month in the Infrequent Access tier.
    pub infrequent_access_gb_month: Option<Decimal>,
    /// USD per GB-month in the Archive Instant Access tier.
    pub archive_instant_access_gb_month: Option<Decimal>,
}

impl S3Pricing {
    pub fn table(&self, region: Region) -> Option<&S3Table> {
        self.tables.iter().find(|t| t.region == region)
    }
}

impl crate::pricing::Table for S3Pricing {
    const FILE: &'static str = PRICING_FILE;

    fn check(&self, c: &mut Check) {
        c.regions("tables", self.tables.iter().map(|t| &t.region));
        for (i, t) in self.tables.iter().enumerate() {
            let at = format!("tables[{i}]");
            c.meta(&at, &t.as_of, &t.source);
            for class in StorageClass::ALL {
                let n = t.classes.iter().filter(|r| r.class == class).count();
                if n != 1 {
                    c.fail(
                        &format!("{at}.classes"),
                        format!("{} must appear once, not {n} times", class.code()),
                    );
                }
            }
            for (j, r) in t.classes.iter().enumerate() {
                let at = format!("{at}.classes[{j}]");
                c.tiers(&format!("{at}.storage_tiers"), &r.storage_tiers);
                for (name, v) in [
                    ("put_per_1000", r.put_per_1000),
                    ("get_per_1000", r.get_per_1000),
                    (
                        "lifecycle_transition_per_1000",
                        r.lifecycle_transition_per_1000,
                    ),
                ] {
                    if let Some(v) = v {
                        c.rate(&format!("{at}.{name}"), v);
                    }
                }
                for (k, x) in r.rate_sources.iter().enumerate() {
                    let at = format!("{at}.rate_sources[{k}]");
                    c.meta(&at, &x.as_of, &x.source);
                    if !REQUEST_RATES.contains(&x.rate.as_str()) {
                        c.fail(
                            &format!("{at}.rate"),
                            format!(
                                "{:?} is not a request rate (one of {})",
                                x.rate,
                                REQUEST_RATES.join(", ")
                            ),
                        );
                    }
                    if r.rate_sources[..k].iter().any(|y| y.rate == x.rate) {
                        c.fail(
                            &format!("{at}.rate"),
                            format!("{} is sourced twice", x.rate),
                        );
                    }
                }
                for (k, x) in r.retrieval.iter().enumerate() {
                    for (name, v) in [
                        ("per_gb", x.per_gb),
                        ("requests_per_1000", x.requests_per_1000),
                    ] {
                        if let Some(v) = v {
                            c.rate(&format!("{at}.retrieval[{k}].{name}"), v);
                        }
                    }
                }
                let tiers: Vec<_> = r.retrieval.iter().map(|x| x.tier).collect();
                let ok = match r.class {
                    StorageClass::Standard | StorageClass::IntelligentTiering => tiers.is_empty(),
                    StorageClass::StandardIa
                    | StorageClass::OnezoneIa
                    | StorageClass::GlacierIr => tiers == [None],
                    StorageClass::Glacier | StorageClass::DeepArchive => {
                        !tiers.is_empty()
                            && tiers.iter().all(Option::is_some)
                            && tiers.contains(&Some(RetrievalTier::Standard))
                            && (1..tiers.len()).all(|a| !tiers[..a].contains(&tiers[a]))
                    }
                };
                if !ok {
                    c.fail(
                        &format!("{at}.retrieval"),
                        "Standard and Intelligent-Tiering take no retrieval entries, the IA classes and Glacier IR one with tier null, the archive classes one per retrieval tier including standard",
                    );
                }
                if r.class != StorageClass::Standard
                    && r.class != StorageClass::IntelligentTiering
                    && r.storage_tiers.len() != 1
                {
                    c.fail(
                        &format!("{at}.storage_tiers"),
                        "only Standard and Intelligent-Tiering have volume tiers",
                    );
                }
            }
            let it = &t.intelligent_tiering;
            for (name, v) in [
                (
                    "monitoring_per_1000_objects",
                    it.monitoring_per_1000_objects,
                ),
                ("infrequent_access_gb_month", it.infrequent_access_gb_month),
                (
                    "archive_instant_access_gb_month",
                    it.archive_instant_access_gb_month,
                ),
            ] {
                if let Some(v) = v {
                    c.rate(&format!("{at}.intelligent_tiering.{name}"), v);
                }
            }
        }
    }
}

impl S3Table {
    pub fn class(&self, class: StorageClass) -> Option<&ClassRates> {
        self.classes.iter().find(|r| r.class == class)
    }
}

// ---------------------------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------------------------

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
    /// The issue's example: 10,000 GB in 100,000 objects, 1M GETs and 1,000 GB read a month.
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

fn places(
    c: &mut Collector,
    field: &str,
    v: Option<Decimal>,
    n: u32,
    unit: &'static str,
) -> Option<Decimal> {
    let v = v?;
    if v.normalize().scale() > n {
        c.push(field, Problem::TooPrecise { places: n, unit });
        None
    } else {
        Some(v)
    }
}

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
        let storage = places(&mut c, "s3.storage_gb", storage, GB_PLACES, "GB");
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
                let kb = places(&mut c, "s3.average_object_size_kb", kb, 3, "KB");
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
        let retrieval = places(
            &mut c,
            "s3.retrieval_gb_per_month",
            retrieval,
            GB_PLACES,
            "GB",
        );
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
                places(&mut c, "s3.monthly_read_fraction", f, 4, "the share")
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

// ---------------------------------------------------------------------------------------------
// Exact quantities
// ---------------------------------------------------------------------------------------------

/// 128 KB in GB: 2^17 / 2^30 = 1/8,192.
pub fn gb_128kb() -> Decimal {
    Decimal::new(1_220_703_125, 13)
}
/// 32 KB in GB: 1/32,768.
pub fn gb_32kb() -> Decimal {
    Decimal::new(30_517_578_125, 15)
}
/// 8 KB in GB: 1/131,072.
pub fn gb_8kb() -> Decimal {
    Decimal::new(762_939_453_125, 17)
}

/// Billable GB of a class with a 128 KB minimum: the data, and the top-up for objects under 128 KB.
pub fn min_size_top_up_gb(storage_gb: Decimal, objects: Decimal) -> Decimal {
    (objects * gb_128kb() - storage_gb).max(Decimal::ZERO)
}

/// Whether the average object is at least 128 KB (Intelligent-Tiering monitors it).
pub fn monitored(storage_gb: Decimal, objects: Decimal) -> bool {
    objects * gb_128kb() <= storage_gb
}

/// Intelligent-Tiering's steady split `(frequent, infrequent, archive instant)` of one unit of
/// data for a monthly read fraction `f` (see [`MODEL`]).
pub fn tiering_split(f: Decimal) -> (Decimal, Decimal, Decimal) {
    let cold = Decimal::ONE - f;
    let archive = cold * cold * cold;
    (f, cold - archive, archive)
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/// Monthly cost against retrieval volume: `fixed_usd + per_retrieval_gb_usd × GB`, exact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Curve {
    /// Monthly cost with no retrieval.
    pub fixed_usd: Decimal,
    /// Added cost per GB retrieved a month (per-GB fee plus restore requests at the average object size).
    pub per_retrieval_gb_usd: Decimal,
    #[serde(skip)]
    per_gb: Decimal,
    #[serde(skip)]
    per_1000_requests: Decimal,
    #[serde(skip)]
    objects: Decimal,
    #[serde(skip)]
    storage_gb: Decimal,
}

impl Curve {
    /// Monthly cost at `gb` retrieved a month.
    pub fn at(&self, gb: Decimal) -> Decimal {
        self.fixed_usd
            + gb * self.per_gb
            + gb * self.objects * self.per_1000_requests / (self.storage_gb * Decimal::ONE_THOUSAND)
    }
}

/// The retrieval volume (GB a month, > 0) at which `a` and `b` cost the same, computed with one
/// division of exact terms; `None` when the lines do not cross above zero.
pub fn break_even_gb(a: &Curve, b: &Curve) -> Option<Decimal> {
    let k = a.storage_gb * Decimal::ONE_THOUSAND;
    let den = (a.per_gb - b.per_gb) * k + (a.per_1000_requests - b.per_1000_requests) * a.objects;
    if den.is_zero() {
        return None;
    }
    let x = (b.fixed_usd - a.fixed_usd)
        .checked_mul(k)?
        .checked_div(den)?;
    (x > Decimal::ZERO).then_some(x)
}

/// One storage class, priced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct S3Option {
    pub id: StorageClass,
    pub name: &'static str,
    /// A steady 30-day month of storage, requests and retrieval; `null` when a rate it needs has no
    /// public figure (see `missing_rates`).
    pub monthly_usd: Option<Usd>,
    /// The whole retention period, including the early-deletion charge; `null` as above.
    pub retention_total_usd: Option<Usd>,
    /// The early-deletion part of `retention_total_usd`.
    pub early_deletion_usd: Usd,
    /// True for the class with the lowest `retention_total_usd`.
    pub cheapest: bool,
    /// The working of `monthly_usd`.
    pub lines: Vec<LineItem>,
    /// The working of `retention_total_usd`.
    pub retention_lines: Vec<LineItem>,
    /// "no public rate for …" sentences; empty when fully priced.
    pub missing_rates: Vec<String>,
    pub minimum_storage_days: u32,
    pub minimum_billable_object_kb: Option<u32>,
    pub per_object_overhead_kb: Option<u32>,
    /// Monthly cost against retrieval volume, for the chart; `null` when not fully priced.
    pub curve: Option<Curve>,
    #[serde(flatten)]
    pub facts: ClassFacts,
}

/// Where two classes' monthly costs cross as retrieval grows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BreakEven {
    /// Cheaper below the crossing.
    pub cheaper_below: StorageClass,
    /// Cheaper above it.
    pub cheaper_above: StorageClass,
    /// GB retrieved a month where they cost the same (to 6 decimals).
    pub retrieval_gb_per_month: Decimal,
    pub monthly_usd: Usd,
}

/// A stretch of the retrieval axis over which one class is the cheapest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheapestRange {
    pub class: StorageClass,
    pub from_gb: Decimal,
    /// `null`: no upper end.
    pub to_gb: Option<Decimal>,
}

/// One step of an evaluated lifecycle plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanStep {
    pub class: StorageClass,
    pub from_day: u32,
    pub to_day: u32,
    pub transition_usd: Usd,
    pub storage_usd: Usd,
    pub activity_usd: Usd,
    pub early_deletion_usd: Usd,
    pub total_usd: Usd,
}

/// A single class kept for the whole retention period, for comparison with the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SingleClass {
    pub id: StorageClass,
    pub retention_total_usd: Option<Usd>,
    /// Plan total minus this class's total: negative when the plan is cheaper.
    pub plan_minus_class_usd: Option<Usd>,
}

/// The lifecycle plan over the retention period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LifecycleResult {
    pub steps: Vec<PlanStep>,
    pub lines: Vec<LineItem>,
    /// `null` when a rate it needs has no public figure.
    pub total_usd: Option<Usd>,
    pub transitions_usd: Usd,
    pub missing_rates: Vec<String>,
    pub versus: Vec<SingleClass>,
    /// The cheapest single class over the same period.
    pub best_single_class: Option<StorageClass>,
    /// True when the plan costs less than every single class.
    pub cheaper_than_any_single_class: bool,
}

/// The S3 section of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct S3Result {
    pub options: Vec<S3Option>,
    /// Lowest `retention_total_usd` among the fully priced classes.
    pub cheapest: Option<StorageClass>,
    /// Lowest `monthly_usd` among the fully priced classes.
    pub cheapest_monthly: Option<StorageClass>,
    pub break_even: Vec<BreakEven>,
    /// The cheapest class along the retrieval axis, from 0 GB up.
    pub cheapest_by_retrieval: Vec<CheapestRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<LifecycleResult>,
    pub warnings: Vec<Warning>,
    pub object_count: Decimal,
    /// Average object size in KB, to 3 decimals.
    pub average_object_size_kb: Decimal,
    pub monthly_read_fraction: Decimal,
    pub retention_days: u32,
    pub retrieval_tier: RetrievalTier,
    pub model: &'static str,
    pub as_of: String,
    pub source: String,
}

// ---------------------------------------------------------------------------------------------
// Pricing one class
// ---------------------------------------------------------------------------------------------

/// The parts of one class's month, before they become an option or a plan step.
struct Month {
    class: StorageClass,
    /// Steady storage lines (including overheads, minimum-size top-up and monitoring).
    storage: Vec<LineItem>,
    requests: Vec<LineItem>,
    retrieval: Vec<LineItem>,
    missing: Vec<String>,
    /// Intelligent-Tiering's storage cost in its three phases (first 30 days, days 31–90, after).
    phases: Option<[Decimal; 3]>,
    /// GB billed at the class rate, and that rate (for the early-deletion charge).
    class_gb: Decimal,
    class_rate: Decimal,
    retrieval_rates: (Decimal, Decimal),
}

impl Month {
    fn storage_usd(&self) -> Decimal {
        self.storage.iter().map(|l| l.exact_usd).sum()
    }
    fn activity_usd(&self) -> Decimal {
        self.requests
            .iter()
            .chain(&self.retrieval)
            .map(|l| l.exact_usd)
            .sum()
    }
    fn lines(&self) -> Vec<LineItem> {
        let mut v = self.storage.clone();
        v.extend(self.requests.iter().cloned());
        v.extend(self.retrieval.iter().cloned());
        v
    }
}

struct Pricer<'a> {
    table: &'a S3Table,
    region: Region,
    spec: &'a S3Spec,
    warnings: Vec<Warning>,
}

fn per_1000(n: Decimal) -> Decimal {
    n / Decimal::ONE_THOUSAND
}

/// ` (first 51,200 GB)`; nothing for a class with one tier.
fn band(tiers: &[Tier], index: usize) -> String {
    if tiers.len() == 1 {
        return String::new();
    }
    format!(" ({})", tier_band(tiers, index, "GB"))
}

impl Pricer<'_> {
    fn src(&self, row: String) -> SourceRef {
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{} {row}", self.region),
            url: self.table.source.clone(),
            as_of: self.table.as_of.clone(),
        }
    }

    /// The source of one request rate of a class: its own [`RateSource`] where it has one, else
    /// the table's.
    fn rate_src(&self, rates: &ClassRates, field: &str) -> SourceRef {
        let row = format!("{} {} {field}", self.region, rates.class.code());
        match rates.rate_sources.iter().find(|x| x.rate == field) {
            Some(x) => SourceRef {
                table: PRICING_FILE.into(),
                row,
                url: x.source.clone(),
                as_of: x.as_of.clone(),
            },
            None => SourceRef {
                table: PRICING_FILE.into(),
                row,
                url: self.table.source.clone(),
                as_of: self.table.as_of.clone(),
            },
        }
    }

    fn no_rate(&self, class: StorageClass, what: &str) -> String {
        format!(
            "no public rate for {what} in {} in {}",
            class.name(),
            self.region
        )
    }

    /// Lines for `gb` GB-months across a class's storage tiers.
    fn tiered(
        &self,
        class: StorageClass,
        tiers: &[Tier],
        label: &str,
        gb: Decimal,
        how: &str,
    ) -> Vec<LineItem> {
        if gb.is_zero() {
            return vec![];
        }
        split_tiers(tiers, Decimal::ZERO, gb)
            .map(|u| {
                let b = band(tiers, u.index);
                LineItem::priced(
                    format!("{label}{b}"),
                    u.quantity,
                    "GB-month",
                    u.rate,
                    "USD per GB-month",
                    format!(
                        "{how}{} GB × {} per GB-month",
                        qty(u.quantity),
                        fmt_rate(u.rate)
                    ),
                    self.src(format!("{} storage tier {}", class.code(), u.index + 1)),
                )
            })
            .collect()
    }

    fn month(&mut self, class: StorageClass) -> Option<Month> {
        let rates = self.table.class(class)?;
        let standard = &self.table.class(StorageClass::Standard)?.storage_tiers;
        let s = self.spec;
        let (gb, n) = (s.storage_gb, s.objects);
        let class_rate = rates
            .storage_tiers
            .first()
            .map(|t| t.rate)
            .unwrap_or_default();
        let mut m = Month {
            class,
            storage: vec![],
            requests: vec![],
            retrieval: vec![],
            missing: vec![],
            phases: None,
            class_gb: gb,
            class_rate,
            retrieval_rates: (Decimal::ZERO, Decimal::ZERO),
        };
        let code = class.code();
        match class {
            StorageClass::Standard => {
                m.storage = self.tiered(class, &rates.storage_tiers, "Storage", gb, "");
            }
            StorageClass::IntelligentTiering => self.tiering(&mut m, rates),
            StorageClass::StandardIa | StorageClass::OnezoneIa | StorageClass::GlacierIr => {
                m.storage = self.tiered(class, &rates.storage_tiers, "Storage", gb, "");
                let top = min_size_top_up_gb(gb, n);
                if !top.is_zero() {
                    m.storage.push(LineItem::priced(
                        "Minimum billable object size (128 KB)",
                        top,
                        "GB-month",
                        class_rate,
                        "USD per GB-month",
                        format!(
                            "{} objects × 128 KB ÷ 1,048,576 KB per GB = {} GB billed; − {} GB stored = {} GB × {}",
                            qty(n),
                            qty(n * gb_128kb()),
                            qty(gb),
                            qty(top),
                            fmt_rate(class_rate)
                        ),
                        self.src(format!("{code} storage tier 1")),
                    ));
                }
                m.class_gb = gb + top;
            }
            StorageClass::Glacier | StorageClass::DeepArchive => {
                m.storage = self.tiered(class, &rates.storage_tiers, "Storage", gb, "");
                let idx = n * gb_32kb();
                m.storage.push(LineItem::priced(
                    "Archive index (32 KB per object, class rate)",
                    idx,
                    "GB-month",
                    class_rate,
                    "USD per GB-month",
                    format!(
                        "{} objects × 32 KB ÷ 1,048,576 KB per GB = {} GB × {}",
                        qty(n),
                        qty(idx),
                        fmt_rate(class_rate)
                    ),
                    self.src(format!("{code} storage tier 1")),
                ));
                let meta = n * gb_8kb();
                let how = format!("{} objects × 8 KB ÷ 1,048,576 KB per GB: ", qty(n));
                let mut lines = self.tiered(
                    StorageClass::Standard,
                    standard,
                    "Archive metadata (8 KB per object, Standard rate)",
                    meta,
                    &how,
                );
                m.storage.append(&mut lines);
                m.class_gb = gb + idx;
            }
        }

        // Requests.
        for (what, label, count, rate) in [
            (
                "PUT, COPY, POST and LIST requests",
                "PUT, COPY, POST, LIST requests",
                s.puts,
                rates.put_per_1000,
            ),
            (
                "GET, SELECT and other requests",
                "GET, SELECT and other requests",
                s.gets,
                rates.get_per_1000,
            ),
        ] {
            if count.is_zero() {
                continue;
            }
            match rate {
                Some(r) => m.requests.push(LineItem::priced(
                    label,
                    per_1000(count),
                    "1,000 requests",
                    r,
                    "USD per 1,000 requests",
                    format!(
                        "{} requests ÷ 1,000 × {} per 1,000",
                        qty(count),
                        fmt_rate(r)
                    ),
                    self.rate_src(
                        rates,
                        if label.starts_with("PUT") {
                            "put_per_1000"
                        } else {
                            "get_per_1000"
                        },
                    ),
                )),
                None => m.missing.push(self.no_rate(class, what)),
            }
        }

        // Retrieval.
        self.retrieval(&mut m, rates);
        Some(m)
    }

    fn tiering(&mut self, m: &mut Month, rates: &ClassRates) {
        let class = StorageClass::IntelligentTiering;
        let s = self.spec;
        let (gb, n) = (s.storage_gb, s.objects);
        let tiers = &rates.storage_tiers;
        let it = &self.table.intelligent_tiering;
        let all_frequent = tiered_amount(tiers, gb);
        if !monitored(gb, n) {
            m.storage = self.tiered(
                class,
                tiers,
                "Frequent Access",
                gb,
                "objects under 128 KB are not monitored and stay in Frequent Access: ",
            );
            m.phases = Some([all_frequent; 3]);
            return;
        }
        let (Some(mon), Some(ia), Some(aia)) = (
            it.monitoring_per_1000_objects,
            it.infrequent_access_gb_month,
            it.archive_instant_access_gb_month,
        ) else {
            for (v, what) in [
                (
                    it.monitoring_per_1000_objects,
                    "Intelligent-Tiering monitoring",
                ),
                (it.infrequent_access_gb_month, "the Infrequent Access tier"),
                (
                    it.archive_instant_access_gb_month,
                    "the Archive Instant Access tier",
                ),
            ] {
                if v.is_none() {
                    m.missing.push(self.no_rate(class, what));
                }
            }
            return;
        };
        let f = s.read_fraction;
        let (fr, inf, arc) = tiering_split(f);
        let how_f = if s.read_fraction_given {
            format!("{} of the data read in a month", qty(f))
        } else {
            format!(
                "{} of the data read in a month (retrieval ÷ storage)",
                qty(f)
            )
        };
        let frequent_gb = gb * fr;
        m.storage = self.tiered(
            class,
            tiers,
            "Frequent Access",
            frequent_gb,
            &format!("{how_f}: {} GB × {} = ", qty(gb), qty(fr)),
        );
        let src = |row: &str| self.src(format!("INTELLIGENT_TIERING {row}"));
        let cold = Decimal::ONE - f;
        if !(gb * inf).is_zero() {
            m.storage.push(LineItem::priced(
                "Infrequent Access (unread 30 days)",
                gb * inf,
                "GB-month",
                ia,
                "USD per GB-month",
                format!(
                    "unread last month but read within 90 days: (1 − {f}) − (1 − {f})³ = {} − {} = {}; {} GB × {} = {} GB × {}",
                    qty(cold),
                    qty(arc),
                    qty(inf),
                    qty(gb),
                    qty(inf),
                    qty(gb * inf),
                    fmt_rate(ia),
                    f = qty(f)
                ),
                src("infrequent_access_gb_month"),
            ));
        }
        if !(gb * arc).is_zero() {
            m.storage.push(LineItem::priced(
                "Archive Instant Access (unread 90 days)",
                gb * arc,
                "GB-month",
                aia,
                "USD per GB-month",
                format!(
                    "unread for three months: (1 − {})³ = {}; {} GB × {} = {} GB × {}",
                    qty(f),
                    qty(arc),
                    qty(gb),
                    qty(arc),
                    qty(gb * arc),
                    fmt_rate(aia)
                ),
                src("archive_instant_access_gb_month"),
            ));
        }
        let monitoring = LineItem::priced(
            "Monitoring and automation",
            per_1000(n),
            "1,000 objects",
            mon,
            "USD per 1,000 objects",
            format!(
                "{} objects of 128 KB or more ÷ 1,000 × {} per 1,000",
                qty(n),
                fmt_rate(mon)
            ),
            src("monitoring_per_1000_objects"),
        );
        let mon_usd = monitoring.exact_usd;
        m.storage.push(monitoring);
        let freq = |g: Decimal| tiered_amount(tiers, g);
        let steady: Decimal = m.storage.iter().map(|l| l.exact_usd).sum();
        m.phases = Some([
            all_frequent + mon_usd,
            freq(frequent_gb) + gb * cold * ia + mon_usd,
            steady,
        ]);
    }

    fn retrieval(&mut self, m: &mut Month, rates: &ClassRates) {
        let class = m.class;
        let s = self.spec;
        if rates.retrieval.is_empty() {
            return;
        }
        let mut tier = s.retrieval_tier;
        let find = |t: Option<RetrievalTier>| rates.retrieval.iter().find(|x| x.tier == t);
        let entry = if class.is_archive() {
            match find(Some(tier)) {
                Some(e) => e,
                None => {
                    if !s.retrieval_gb.is_zero() {
                        self.warnings.push(Warning::new(
                            "retrieval_tier_not_offered",
                            format!(
                                "{} has no {} retrieval; it is priced at standard retrieval.",
                                class.name(),
                                tier.code()
                            ),
                        ));
                    }
                    tier = RetrievalTier::Standard;
                    match find(Some(tier)) {
                        Some(e) => e,
                        None => return,
                    }
                }
            }
        } else {
            match find(None) {
                Some(e) => e,
                None => return,
            }
        };
        let label_tier = if class.is_archive() {
            format!(" ({})", tier.code())
        } else {
            String::new()
        };
        let row = |what: &str| {
            if class.is_archive() {
                format!("{} retrieval {} {what}", class.code(), tier.code())
            } else {
                format!("{} retrieval {what}", class.code())
            }
        };
        let mut complete = true;
        match entry.per_gb {
            Some(r) => {
                m.retrieval_rates.0 = r;
                if !s.retrieval_gb.is_zero() {
                    m.retrieval.push(LineItem::priced(
                        format!("Data retrieval{label_tier}"),
                        s.retrieval_gb,
                        "GB",
                        r,
                        "USD per GB",
                        format!(
                            "{} GB retrieved × {} per GB",
                            qty(s.retrieval_gb),
                            fmt_rate(r)
                        ),
                        self.src(row("per_gb")),
                    ));
                }
            }
            None => complete = false,
        }
        match entry.requests_per_1000 {
            Some(r) => {
                m.retrieval_rates.1 = r;
                if !s.retrieval_gb.is_zero() && !r.is_zero() {
                    let k = s.storage_gb * Decimal::ONE_THOUSAND;
                    let thousands = s.retrieval_gb * s.objects / k;
                    let mut l = LineItem::priced(
                        format!("Retrieval requests{label_tier}"),
                        thousands,
                        "1,000 requests",
                        r,
                        "USD per 1,000 requests",
                        format!(
                            "one restore per object: {} GB ÷ ({} GB ÷ {} objects) = {} requests ÷ 1,000 × {} per 1,000",
                            qty(s.retrieval_gb),
                            qty(s.storage_gb),
                            qty(s.objects),
                            qty((thousands * Decimal::ONE_THOUSAND).round_dp(3)),
                            fmt_rate(r)
                        ),
                        self.src(row("requests_per_1000")),
                    );
                    // One division of exact terms.
                    let exact = s.retrieval_gb * s.objects * r / k;
                    l.exact_usd = exact;
                    l.amount_usd = Usd(exact);
                    m.retrieval.push(l);
                }
            }
            None => complete = false,
        }
        if !complete && !s.retrieval_gb.is_zero() {
            m.missing
                .push(self.no_rate(class, &format!("{} retrieval", tier.code())));
        }
    }

    /// Lines for keeping a class's data `days` days, starting fresh in the class: storage (by
    /// Intelligent-Tiering phase), activity, and the early-deletion charge when `days` is short.
    fn keep(
        &self,
        m: &Month,
        days: u32,
        prefix: &str,
    ) -> (Vec<LineItem>, Decimal, Decimal, Decimal) {
        let code = m.class.code();
        let mut out = vec![];
        let months = |d: u32| Decimal::from(d) / Decimal::from(lim::DAYS_PER_MONTH);
        let month_line = |label: String, d: u32, rate: Decimal, what: &str, row: &str| {
            let q = months(d);
            let mut l = LineItem::priced(
                label,
                q,
                "months",
                rate,
                "USD per month",
                format!(
                    "{d} days ÷ 30 = {} months × {} a month of {what}",
                    qty(q.round_dp(6)),
                    fmt_rate(rate.round_dp(6))
                ),
                self.src(format!("{code} {row}")),
            );
            let exact = rate * Decimal::from(d) / Decimal::from(lim::DAYS_PER_MONTH);
            l.exact_usd = exact;
            l.amount_usd = Usd(exact);
            l
        };
        let mut storage = Decimal::ZERO;
        match m.phases {
            Some(p) if m.class == StorageClass::IntelligentTiering => {
                let spans = [
                    (0, lim::IT_INFREQUENT_AFTER_DAYS, "all in Frequent Access"),
                    (
                        lim::IT_INFREQUENT_AFTER_DAYS,
                        lim::IT_ARCHIVE_INSTANT_AFTER_DAYS,
                        "read share Frequent, the rest Infrequent Access",
                    ),
                    (
                        lim::IT_ARCHIVE_INSTANT_AFTER_DAYS,
                        u32::MAX,
                        "steady tier split",
                    ),
                ];
                for (i, (from, to, what)) in spans.into_iter().enumerate() {
                    let d = days.min(to).saturating_sub(from);
                    if d == 0 {
                        continue;
                    }
                    let l = month_line(
                        format!("{prefix}Storage, days {}–{} ({what})", from + 1, from + d),
                        d,
                        p[i],
                        "storage and monitoring",
                        "storage",
                    );
                    storage += l.exact_usd;
                    out.push(l);
                }
            }
            _ => {
                let l = month_line(
                    format!("{prefix}Storage, {days} days"),
                    days,
                    m.storage_usd(),
                    "storage",
                    "storage",
                );
                storage += l.exact_usd;
                out.push(l);
            }
        }
        let act = m.activity_usd();
        let mut activity = Decimal::ZERO;
        if !act.is_zero() {
            let l = month_line(
                format!("{prefix}Requests and retrieval, {days} days"),
                days,
                act,
                "requests and retrieval",
                "requests",
            );
            activity = l.exact_usd;
            out.push(l);
        }
        let min = m.class.minimum_days();
        let mut early = Decimal::ZERO;
        if days < min {
            let short = min - days;
            let gb_months = m.class_gb * Decimal::from(short) / Decimal::from(lim::DAYS_PER_MONTH);
            let mut l = LineItem::priced(
                format!("{prefix}Early deletion ({min}-day minimum)"),
                gb_months,
                "GB-month",
                m.class_rate,
                "USD per GB-month",
                format!(
                    "kept {days} of {min} days: {} GB × {short} days ÷ 30 = {} GB-months × {}",
                    qty(m.class_gb),
                    qty(gb_months.round_dp(6)),
                    fmt_rate(m.class_rate)
                ),
                self.src(format!("{code} storage tier 1")),
            );
            let exact = m.class_gb * Decimal::from(short) * m.class_rate
                / Decimal::from(lim::DAYS_PER_MONTH);
            l.exact_usd = exact;
            l.amount_usd = Usd(exact);
            early = exact;
            out.push(l);
        }
        (out, storage, activity, early)
    }
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/// Prices every storage class for an S3 workload.
pub fn compare(
    pricing: &S3Pricing,
    region: Region,
    w: &S3Workload,
) -> Result<S3Result, Vec<FieldError>> {
    let spec = w.validate()?;
    let table = pricing.table(region).ok_or_else(|| {
        vec![FieldError::new(
            "region",
            Problem::Malformed(format!(
                "The bundled pricing has no S3 table for {region}; add it to {PRICING_FILE}."
            )),
        )]
    })?;
    Ok(compare_spec(table, region, &spec))
}

/// Prices every storage class for a validated workload.
pub fn compare_spec(table: &S3Table, region: Region, spec: &S3Spec) -> S3Result {
    let mut p = Pricer {
        table,
        region,
        spec,
        warnings: vec![],
    };
    let months: Vec<Month> = StorageClass::ALL
        .into_iter()
        .filter_map(|c| p.month(c))
        .collect();
    let mut options: Vec<S3Option> = months
        .iter()
        .map(|m| {
            let priced = m.missing.is_empty();
            let lines = m.lines();
            let (retention_lines, _, _, early) = p.keep(m, spec.retention_days, "");
            let class = m.class;
            S3Option {
                id: class,
                name: class.name(),
                monthly_usd: priced.then(|| crate::report::total(&lines)),
                retention_total_usd: priced.then(|| crate::report::total(&retention_lines)),
                early_deletion_usd: Usd(early),
                cheapest: false,
                curve: priced.then(|| Curve {
                    fixed_usd: m.storage_usd()
                        + m.requests.iter().map(|l| l.exact_usd).sum::<Decimal>(),
                    per_retrieval_gb_usd: (m.retrieval_rates.0
                        + spec.objects * m.retrieval_rates.1
                            / (spec.storage_gb * Decimal::ONE_THOUSAND))
                        .round_dp(10),
                    per_gb: m.retrieval_rates.0,
                    per_1000_requests: m.retrieval_rates.1,
                    objects: spec.objects,
                    storage_gb: spec.storage_gb,
                }),
                lines,
                retention_lines,
                missing_rates: m.missing.clone(),
                minimum_storage_days: class.minimum_days(),
                minimum_billable_object_kb: class
                    .has_min_object_size()
                    .then_some(lim::MIN_BILLABLE_OBJECT_KB),
                per_object_overhead_kb: class
                    .is_archive()
                    .then_some(lim::ARCHIVE_STANDARD_OVERHEAD_KB + lim::ARCHIVE_CLASS_OVERHEAD_KB),
                facts: class.facts(),
            }
        })
        .collect();
    let exact = |u: Option<Usd>| u.map(Usd::exact);
    let pick = |key: &dyn Fn(&S3Option) -> Option<Decimal>| {
        options
            .iter()
            .filter_map(|o| key(o).map(|k| (k, o.id)))
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, id)| id)
    };
    let cheapest = pick(&|o| exact(o.retention_total_usd));
    let cheapest_monthly = pick(&|o| exact(o.monthly_usd));
    for o in &mut options {
        o.cheapest = Some(o.id) == cheapest;
    }
    let curves: Vec<(StorageClass, &Curve)> = options
        .iter()
        .filter_map(|o| o.curve.as_ref().map(|c| (o.id, c)))
        .collect();
    let break_even = break_evens(&curves);
    let cheapest_by_retrieval = envelope(&curves);

    let lifecycle = spec
        .lifecycle
        .as_ref()
        .map(|plan| evaluate_plan(&p, &months, plan, &options));

    let mut warnings = std::mem::take(&mut p.warnings);
    for o in &options {
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
    warnings.extend(workload_warnings(spec));
    S3Result {
        options,
        cheapest,
        cheapest_monthly,
        break_even,
        cheapest_by_retrieval,
        lifecycle,
        warnings,
        object_count: spec.objects,
        average_object_size_kb: (spec.storage_gb * Decimal::from(1_048_576) / spec.objects)
            .round_dp(3),
        monthly_read_fraction: spec.read_fraction,
        retention_days: spec.retention_days,
        retrieval_tier: spec.retrieval_tier,
        model: MODEL,
        as_of: table.as_of.clone(),
        source: table.source.clone(),
    }
}

fn break_evens(curves: &[(StorageClass, &Curve)]) -> Vec<BreakEven> {
    let mut out = vec![];
    for (i, (a, ca)) in curves.iter().enumerate() {
        for (b, cb) in &curves[i + 1..] {
            if let Some(x) = break_even_gb(ca, cb) {
                // Below the crossing, the class with the steeper line is the cheaper one.
                let (below, above) = if ca.per_retrieval_gb_usd > cb.per_retrieval_gb_usd
                    || (ca.per_retrieval_gb_usd == cb.per_retrieval_gb_usd
                        && ca.fixed_usd < cb.fixed_usd)
                {
                    (*a, *b)
                } else {
                    (*b, *a)
                };
                out.push(BreakEven {
                    cheaper_below: below,
                    cheaper_above: above,
                    retrieval_gb_per_month: x.round_dp(6),
                    monthly_usd: Usd(ca.at(x)),
                });
            }
        }
    }
    out.sort_by_key(|b| b.retrieval_gb_per_month);
    out
}

/// The cheapest class from 0 GB retrieved upwards: the lower envelope of the lines.
fn envelope(curves: &[(StorageClass, &Curve)]) -> Vec<CheapestRange> {
    let slope = |c: &Curve| c.at(Decimal::ONE) - c.fixed_usd;
    let Some(mut cur) = curves
        .iter()
        .min_by(|a, b| (a.1.fixed_usd, slope(a.1)).cmp(&(b.1.fixed_usd, slope(b.1))))
    else {
        return vec![];
    };
    let mut from = Decimal::ZERO;
    let mut out = vec![];
    for _ in 0..=curves.len() {
        let next = curves
            .iter()
            .filter(|c| slope(c.1) < slope(cur.1))
            .filter_map(|c| break_even_gb(cur.1, c.1).map(|x| (x, c)))
            .filter(|(x, _)| *x >= from)
            .min_by(|a, b| (a.0, slope(a.1 .1)).cmp(&(b.0, slope(b.1 .1))));
        match next {
            Some((x, c)) => {
                out.push(CheapestRange {
                    class: cur.0,
                    from_gb: from.round_dp(6),
                    to_gb: Some(x.round_dp(6)),
                });
                from = x;
                cur = c;
            }
            None => break,
        }
    }
    out.push(CheapestRange {
        class: cur.0,
        from_gb: from.round_dp(6),
        to_gb: None,
    });
    out.retain(|r| r.to_gb.is_none_or(|t| t > r.from_gb));
    out
}

fn evaluate_plan(
    p: &Pricer<'_>,
    months: &[Month],
    plan: &[(StorageClass, u32)],
    options: &[S3Option],
) -> LifecycleResult {
    let spec = p.spec;
    let total_days = spec.retention_days;
    let mut steps = vec![];
    let mut lines = vec![];
    let mut missing = vec![];
    let mut transitions = Decimal::ZERO;
    let mut day = 0u32;
    let last = plan.len().saturating_sub(1);
    for (i, &(class, days)) in plan.iter().enumerate() {
        if day >= total_days {
            break;
        }
        let span = if i == last {
            total_days - day
        } else {
            days.min(total_days - day)
        };
        let Some(m) = months.iter().find(|m| m.class == class) else {
            continue;
        };
        missing.extend(m.missing.iter().cloned());
        let mut transition = Decimal::ZERO;
        if i > 0 {
            match p
                .table
                .class(class)
                .and_then(|r| r.lifecycle_transition_per_1000)
            {
                Some(r) => {
                    let l = LineItem::priced(
                        format!("Day {}: lifecycle transition to {}", day, class.name()),
                        per_1000(spec.objects),
                        "1,000 requests",
                        r,
                        "USD per 1,000 requests",
                        format!(
                            "{} objects ÷ 1,000 × {} per 1,000 transition requests",
                            qty(spec.objects),
                            fmt_rate(r)
                        ),
                        p.src(format!("{} lifecycle_transition_per_1000", class.code())),
                    );
                    transition = l.exact_usd;
                    lines.push(l);
                }
                None => missing.push(p.no_rate(class, "lifecycle transitions")),
            }
        }
        transitions += transition;
        let prefix = format!("{}: ", class.name());
        let (mut l, storage, activity, early) = p.keep(m, span, &prefix);
        lines.append(&mut l);
        steps.push(PlanStep {
            class,
            from_day: day,
            to_day: day + span,
            transition_usd: Usd(transition),
            storage_usd: Usd(storage),
            activity_usd: Usd(activity),
            early_deletion_usd: Usd(early),
            total_usd: Usd(transition + storage + activity + early),
        });
        day += span;
    }
    missing.dedup();
    let total = missing
        .is_empty()
        .then(|| Usd(steps.iter().map(|s| s.total_usd.exact()).sum()));
    let versus: Vec<SingleClass> = options
        .iter()
        .map(|o| SingleClass {
            id: o.id,
            retention_total_usd: o.retention_total_usd,
            plan_minus_class_usd: match (total, o.retention_total_usd) {
                (Some(t), Some(c)) => Some(t - c),
                _ => None,
            },
        })
        .collect();
    let best = options
        .iter()
        .filter_map(|o| o.retention_total_usd.map(|t| (t, o.id)))
        .min_by(|a, b| a.0.cmp(&b.0));
    LifecycleResult {
        steps,
        lines,
        total_usd: total,
        transitions_usd: Usd(transitions),
        missing_rates: missing,
        versus,
        best_single_class: best.map(|b| b.1),
        cheaper_than_any_single_class: matches!((total, best), (Some(t), Some((b, _))) if t < b),
    }
}

fn workload_warnings(spec: &S3Spec) -> Vec<Warning> {
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

// The compact form the bundled tables are compiled in (`crate::pricing::packed`).
crate::packed_struct! {
    S3Pricing { tables }
    S3Table { region, as_of, source, classes, intelligent_tiering }
    ClassRates {
        class, storage_tiers, put_per_1000, get_per_1000, lifecycle_transition_per_1000, retrieval,
        rate_sources,
    }
    RateSource { rate, as_of, source, note }
    RetrievalRates { tier, per_gb, requests_per_1000 }
    TieringRates {
        monitoring_per_1000_objects, infrequent_access_gb_month, archive_instant_access_gb_month,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn pricing() -> &'static S3Pricing {
        &crate::catalog::catalog().unwrap().s3
    }

    fn option(r: &S3Result, c: StorageClass) -> &S3Option {
        r.options.iter().find(|o| o.id == c).unwrap()
    }

    #[test]
    fn binary_kilobytes_in_gb_are_exact() {
        assert_eq!(gb_128kb() * Decimal::from(8192), Decimal::ONE);
        assert_eq!(gb_32kb() * Decimal::from(32768), Decimal::ONE);
        assert_eq!(gb_8kb() * Decimal::from(131_072), Decimal::ONE);
    }

    #[test]
    fn tiering_split_sums_to_one() {
        for f in ["0", "0.1", "0.5", "0.9999", "1"] {
            let (a, b, c) = tiering_split(d(f));
            assert_eq!(a + b + c, Decimal::ONE, "{f}");
            assert!(b >= Decimal::ZERO && c >= Decimal::ZERO);
        }
        assert_eq!(tiering_split(d("0.1")), (d("0.1"), d("0.171"), d("0.729")));
    }

    #[test]
    fn waterfall_allows_only_downward_transitions() {
        use StorageClass::*;
        assert!(Standard.can_transition_to(DeepArchive));
        assert!(StandardIa.can_transition_to(IntelligentTiering));
        assert!(!IntelligentTiering.can_transition_to(StandardIa));
        assert!(!OnezoneIa.can_transition_to(GlacierIr));
        assert!(!DeepArchive.can_transition_to(Glacier));
        assert!(!Standard.can_transition_to(Standard));
    }

    #[test]
    fn issue_example_standard_ia_month() {
        // 10,000 GB × $0.0125 = $125.00; 1,000,000 GET ÷ 1,000 × $0.001 = $1.00;
        // 1,000 GB × $0.01 = $10.00: $136.00.
        let r = compare(pricing(), Region::UsEast1, &S3Workload::default()).unwrap();
        let ia = option(&r, StorageClass::StandardIa);
        assert_eq!(ia.monthly_usd.unwrap().cents().to_string(), "136.00");
        assert_eq!(ia.lines.len(), 3);
        for l in &ia.lines {
            assert_eq!(l.exact_usd, l.quantity * l.rate, "{}", l.label);
        }
    }

    #[test]
    fn validation_reports_every_field() {
        let w = S3Workload {
            storage_gb: d("-1"),
            object_count: Some(d("0.5")),
            put_requests_per_month: d("-3"),
            retrieval_gb_per_month: d("1.0000001"),
            retention_days: Decimal::ZERO,
            monthly_read_fraction: Some(d("1.5")),
            lifecycle: Some(vec![
                LifecycleStep {
                    class: StorageClass::Glacier,
                    days: None,
                },
                LifecycleStep {
                    class: StorageClass::Standard,
                    days: Some(Decimal::TEN),
                },
            ]),
            ..S3Workload::default()
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
                "s3.storage_gb",
                "s3.object_count",
                "s3.put_requests_per_month",
                "s3.retrieval_gb_per_month",
                "s3.retention_days",
                "s3.monthly_read_fraction",
                "s3.lifecycle[0].days",
                "s3.lifecycle[1].days",
                "s3.lifecycle[1].class",
            ]
        );
    }

    #[test]
    fn object_count_or_size_but_not_both() {
        let mut w = S3Workload {
            average_object_size_kb: Some(Decimal::from(1024)),
            ..S3Workload::default()
        };
        let e = w.validate().unwrap_err();
        assert_eq!(e[0].field, "s3.average_object_size_kb");
        w.object_count = None;
        // 10,000 GB ÷ 1 MB = 10,240,000 objects.
        assert_eq!(w.validate().unwrap().objects, Decimal::from(10_240_000));
        w.average_object_size_kb = None;
        assert_eq!(w.validate().unwrap_err()[0].field, "s3.object_count");
    }

    #[test]
    fn objects_over_5_tb_are_refused() {
        let w = S3Workload {
            storage_gb: Decimal::from(10_241),
            object_count: Some(Decimal::TWO),
            ..S3Workload::default()
        };
        let e = w.validate().unwrap_err();
        assert!(e[0].message().contains("5 TB"), "{}", e[0].message());
    }

    #[test]
    fn read_fraction_defaults_to_retrieval_share() {
        let w = S3Workload {
            monthly_read_fraction: None,
            ..S3Workload::default()
        };
        let s = w.validate().unwrap();
        assert_eq!(s.read_fraction, d("0.1"));
        assert!(!s.read_fraction_given);
    }

    #[test]
    fn a_class_without_a_sourced_get_rate_says_so() {
        let mut p = pricing().clone();
        for t in &mut p.tables {
            for c in &mut t.classes {
                if c.class == StorageClass::DeepArchive {
                    c.get_per_1000 = None;
                }
            }
        }
        let r = compare(&p, Region::EuWest1, &S3Workload::default()).unwrap();
        let da = option(&r, StorageClass::DeepArchive);
        assert_eq!(da.monthly_usd, None);
        assert!(da.missing_rates[0].starts_with("no public rate for GET"));
        assert!(r.warnings.iter().any(|w| w.code == "rate_not_sourced"));
        assert_ne!(r.cheapest, Some(StorageClass::DeepArchive));
        // Without GETs the rate is not needed.
        let w = S3Workload {
            get_requests_per_month: Decimal::ZERO,
            ..S3Workload::default()
        };
        let r = compare(&p, Region::EuWest1, &w).unwrap();
        assert!(option(&r, StorageClass::DeepArchive).monthly_usd.is_some());
    }

    #[test]
    fn deep_archive_get_rate_cites_its_own_source_outside_us_east_1() {
        // 1,000,000 GETs a month at $0.0004 per 1,000 = $0.40 in every region (AWS's S3 data of
        // 2025-06-05, "GET and all other requests to GDA", $0.0000004 per request).
        for region in Region::ALL {
            let r = compare(pricing(), region, &S3Workload::default()).unwrap();
            let da = option(&r, StorageClass::DeepArchive);
            let get = da
                .lines
                .iter()
                .find(|l| l.label.starts_with("GET"))
                .unwrap();
            assert_eq!(get.rate, d("0.0004"), "{region}");
            assert_eq!(get.exact_usd, d("0.40"), "{region}");
            assert_eq!(
                get.source.row,
                format!("{region} DEEP_ARCHIVE get_per_1000")
            );
            if region == Region::UsEast1 {
                assert_eq!(get.source.url, "https://aws.amazon.com/s3/pricing/");
            } else {
                assert!(get.source.url.contains("QuinnyPig/aws-price-watcher"));
                assert_eq!(get.source.as_of, "2025-06-05");
                // Its other rates keep the table's source.
                let put = pricing().table(region).unwrap();
                assert_ne!(put.source, get.source.url);
            }
        }
    }

    #[test]
    fn break_even_is_where_the_lines_meet() {
        let r = compare(pricing(), Region::UsEast1, &S3Workload::default()).unwrap();
        assert!(!r.break_even.is_empty());
        for b in &r.break_even {
            let ca = option(&r, b.cheaper_below).curve.as_ref().unwrap();
            let cb = option(&r, b.cheaper_above).curve.as_ref().unwrap();
            let x = b.retrieval_gb_per_month;
            let gap = (ca.at(x) - cb.at(x)).abs();
            assert!(gap < d("0.000001"), "{b:?} {gap}");
            assert!(ca.at(Decimal::ZERO) <= cb.at(Decimal::ZERO));
        }
        // The envelope starts at 0 and ends open.
        assert_eq!(r.cheapest_by_retrieval[0].from_gb, Decimal::ZERO);
        assert!(r.cheapest_by_retrieval.last().unwrap().to_gb.is_none());
    }

    #[test]
    fn curve_at_the_workload_equals_monthly() {
        let r = compare(pricing(), Region::ApSouth1, &S3Workload::default()).unwrap();
        for o in &r.options {
            if let (Some(m), Some(c)) = (o.monthly_usd, &o.curve) {
                let diff = (c.at(Decimal::from(1000)) - m.exact()).abs();
                assert!(diff < d("0.0000000001"), "{:?}", o.id);
            }
        }
    }
}
