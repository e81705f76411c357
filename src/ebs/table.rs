//! `pricing/ebs.json`: the rate tables, their checks, their packed form and lookups on them.

use super::{SnapshotTier, VolumeType};
use crate::limits::ebs as lim;
use crate::pricing::{Check, Region, Tier};
use rust_decimal::prelude::*;
use serde::Deserialize;

pub const PRICING_FILE: &str = "pricing/ebs.json";

/// `pricing/ebs.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsPricing {
    pub tables: Vec<EbsTable>,
}

/// One region's EBS rates. A `null` rate had no public source; the calculator says so rather
/// than guessing.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsTable {
    pub region: Region,
    pub as_of: String,
    pub source: String,
    /// Where each figure was read, in words.
    #[serde(default)]
    pub note: Option<String>,
    /// USD per GB-month of provisioned storage.
    pub storage_gb_month: StorageRates,
    /// USD per provisioned IOPS-month above gp3's free 3,000.
    pub gp3_iops_month: Option<Decimal>,
    /// USD per provisioned MiB/s-month above gp3's free 125.
    pub gp3_throughput_mibps_month: Option<Decimal>,
    /// USD per provisioned io1 IOPS-month.
    pub io1_iops_month: Option<Decimal>,
    /// USD per provisioned io2 IOPS-month; `up_to` in IOPS per volume.
    pub io2_iops_tiers: Option<Vec<Tier>>,
    /// USD per GB-month of snapshot data stored.
    pub snapshot_gb_month: SnapshotRates,
}

/// USD per GB-month, by volume type.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageRates {
    pub gp2: Option<Decimal>,
    pub gp3: Option<Decimal>,
    pub io1: Option<Decimal>,
    pub io2: Option<Decimal>,
    pub st1: Option<Decimal>,
    pub sc1: Option<Decimal>,
}

impl StorageRates {
    pub fn get(&self, t: VolumeType) -> Option<Decimal> {
        match t {
            VolumeType::Gp2 => self.gp2,
            VolumeType::Gp3 => self.gp3,
            VolumeType::Io1 => self.io1,
            VolumeType::Io2 => self.io2,
            VolumeType::St1 => self.st1,
            VolumeType::Sc1 => self.sc1,
        }
    }
}

/// USD per GB-month of snapshot data, by tier.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotRates {
    pub standard: Option<Decimal>,
    pub archive: Option<Decimal>,
}

impl SnapshotRates {
    pub fn get(&self, t: SnapshotTier) -> Option<Decimal> {
        match t {
            SnapshotTier::Standard => self.standard,
            SnapshotTier::Archive => self.archive,
        }
    }
}

/// The largest rate a table may hold (USD per unit-month): guards the arithmetic.
const MAX_RATE: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

impl EbsPricing {
    pub fn table(&self, region: Region) -> Option<&EbsTable> {
        self.tables.iter().find(|t| t.region == region)
    }
}

impl crate::pricing::Table for EbsPricing {
    const FILE: &'static str = PRICING_FILE;

    fn check(&self, c: &mut Check) {
        c.regions("tables", self.tables.iter().map(|t| &t.region));
        for (i, t) in self.tables.iter().enumerate() {
            let at = format!("tables[{i}]");
            c.meta(&at, &t.as_of, &t.source);
            let mut rates: Vec<(String, Decimal)> = vec![];
            for v in VolumeType::ALL {
                if let Some(r) = t.storage_gb_month.get(v) {
                    rates.push((format!("{at}.storage_gb_month.{v}"), r));
                }
            }
            for (name, r) in [
                ("gp3_iops_month", t.gp3_iops_month),
                ("gp3_throughput_mibps_month", t.gp3_throughput_mibps_month),
                ("io1_iops_month", t.io1_iops_month),
                ("snapshot_gb_month.standard", t.snapshot_gb_month.standard),
                ("snapshot_gb_month.archive", t.snapshot_gb_month.archive),
            ] {
                if let Some(r) = r {
                    rates.push((format!("{at}.{name}"), r));
                }
            }
            if let Some(tiers) = &t.io2_iops_tiers {
                let path = format!("{at}.io2_iops_tiers");
                c.tiers(&path, tiers);
                for (j, tier) in tiers.iter().enumerate() {
                    rates.push((format!("{path}[{j}].rate"), tier.rate));
                    if let Some(u) = tier.up_to {
                        if !u.fract().is_zero() || u > Decimal::from(lim::IO2_MAX_IOPS) {
                            c.fail(
                                &path,
                                "tier bounds are whole IOPS within io2's 256,000 maximum",
                            );
                        }
                    }
                }
            }
            for (path, r) in rates {
                c.rate(&path, r);
                if r > MAX_RATE {
                    c.fail(&path, format!("rate {r} is implausibly large"));
                }
            }
        }
    }
}

// The compact form the bundled tables are compiled in (`crate::pricing::packed`).
crate::packed_struct! {
    EbsPricing { tables }
    EbsTable {
        region, as_of, source, note, storage_gb_month, gp3_iops_month, gp3_throughput_mibps_month,
        io1_iops_month, io2_iops_tiers, snapshot_gb_month,
    }
    StorageRates { gp2, gp3, io1, io2, st1, sc1 }
    SnapshotRates { standard, archive }
}
