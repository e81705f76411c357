//! The pricing table, `pricing/lambda.json`: its typed form, the checks it passes at build time,
//! its compact form, and lookups by region and architecture.

use super::price::Prepared;
use super::workload::Architecture;
use crate::pricing::{Check, Region, Tier};
use rust_decimal::Decimal;
use serde::Deserialize;

pub const PRICING_FILE: &str = "pricing/lambda.json";

/// `pricing/lambda.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaPricing {
    pub tables: Vec<LambdaTable>,
    pub free_tier: FreeTier,
}

/// One region's Lambda rates.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaTable {
    pub region: Region,
    pub as_of: String,
    pub source: String,
    /// USD per 1 million requests.
    pub requests_per_million: Decimal,
    /// USD per GB-second of ephemeral storage above 512 MB.
    pub ephemeral_storage_gb_s: Decimal,
    pub x86_64: ArchRates,
    pub arm64: ArchRates,
}

/// Rates for one architecture.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchRates {
    /// USD per GB-second; `up_to` is cumulative GB-seconds in the month.
    pub duration_tiers: Vec<Tier>,
    /// USD per GB-second of configured Provisioned Concurrency; `null` where no public rate was
    /// found, and the calculator then says so instead of guessing.
    pub provisioned_concurrency_gb_s: Option<Decimal>,
    /// USD per GB-second of duration served by Provisioned Concurrency; `null` as above.
    pub provisioned_duration_gb_s: Option<Decimal>,
}

/// The always-free monthly allowance.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTier {
    pub as_of: String,
    pub source: String,
    pub requests: Decimal,
    pub gb_seconds: Decimal,
}

impl LambdaPricing {
    pub fn table(&self, region: Region) -> Option<&LambdaTable> {
        self.tables.iter().find(|t| t.region == region)
    }
}

impl crate::pricing::Table for LambdaPricing {
    const FILE: &'static str = PRICING_FILE;

    fn check(&self, c: &mut Check) {
        c.regions("tables", self.tables.iter().map(|t| &t.region));
        for (i, t) in self.tables.iter().enumerate() {
            let at = format!("tables[{i}]");
            c.meta(&at, &t.as_of, &t.source);
            c.rate(
                &format!("{at}.requests_per_million"),
                t.requests_per_million,
            );
            c.rate(
                &format!("{at}.ephemeral_storage_gb_s"),
                t.ephemeral_storage_gb_s,
            );
            for (arch, r) in [("x86_64", &t.x86_64), ("arm64", &t.arm64)] {
                let at = format!("{at}.{arch}");
                c.tiers(&format!("{at}.duration_tiers"), &r.duration_tiers);
                for (name, v) in [
                    (
                        "provisioned_concurrency_gb_s",
                        r.provisioned_concurrency_gb_s,
                    ),
                    ("provisioned_duration_gb_s", r.provisioned_duration_gb_s),
                ] {
                    if let Some(v) = v {
                        c.rate(&format!("{at}.{name}"), v);
                    }
                }
                if Prepared::new(t, r, &self.free_tier, true).is_none() {
                    c.fail(
                        &at,
                        "rates need at most 12 decimal places, at most 6 tiers, and tier bounds in whole GB-seconds",
                    );
                }
            }
        }
        c.meta("free_tier", &self.free_tier.as_of, &self.free_tier.source);
        if self.free_tier.requests.is_sign_negative()
            || self.free_tier.gb_seconds.is_sign_negative()
        {
            c.fail("free_tier", "allowances must not be negative");
        }
    }
}

impl LambdaTable {
    pub fn arch(&self, a: Architecture) -> &ArchRates {
        match a {
            Architecture::X86_64 => &self.x86_64,
            Architecture::Arm64 => &self.arm64,
        }
    }
}

// The compact form the bundled tables are compiled in (`crate::pricing::packed`).
crate::packed_struct! {
    LambdaPricing { tables, free_tier }
    LambdaTable { region, as_of, source, requests_per_million, ephemeral_storage_gb_s, x86_64, arm64 }
    ArchRates { duration_tiers, provisioned_concurrency_gb_s, provisioned_duration_gb_s }
    FreeTier { as_of, source, requests, gb_seconds }
}
