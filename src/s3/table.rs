//! The pricing table `pricing/s3.json`: its serde types, the checks the build runs on it, its
//! packed form, and the lookups of a region's table and a class's rates.

use super::{RetrievalTier, StorageClass};
use crate::pricing::{Check, Region, Tier};
use rust_decimal::Decimal;
use serde::Deserialize;

pub const PRICING_FILE: &str = "pricing/s3.json";

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
