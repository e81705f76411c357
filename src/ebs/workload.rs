//! The `ebs` section of a workload as given, its checks, and the checked need they return.

use crate::error::{Collector, FieldError};
use crate::limits::ebs as lim;
use crate::money::{HOURS_PER_MONTH, MAX_HOURS_PER_MONTH};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// Where snapshot data is stored.
    #[derive(Default)]
    pub enum SnapshotTier {
        #[default]
        Standard = "standard", "Standard";
        /// EBS Snapshots Archive: cheaper storage, 90-day minimum, a fee per GB restored.
        Archive = "archive", "Archive";
    }
}

/// The `ebs` section of a workload, as given: the need one volume must meet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsWorkload {
    /// Capacity needed, GiB.
    pub size_gib: Decimal,
    /// Sustained IOPS needed.
    #[serde(default)]
    pub iops: Decimal,
    /// Sustained throughput needed, MiB/s.
    #[serde(default)]
    pub throughput_mibps: Decimal,
    /// Hours the volume exists in the month (730 = a full month).
    #[serde(default = "default_hours")]
    pub hours_per_month: Decimal,
    /// Whether it is an instance's boot (root) volume.
    #[serde(default)]
    pub boot: bool,
    /// Whether it must attach to several instances at once.
    #[serde(default)]
    pub multi_attach: bool,
    /// How many instances attach it at once (more than 1 needs Multi-Attach).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attach_instances: Option<Decimal>,
    /// Snapshot data stored on average through the month, GiB (GB-months).
    #[serde(default)]
    pub snapshot_gib: Decimal,
    #[serde(default)]
    pub snapshot_tier: SnapshotTier,
}

fn default_hours() -> Decimal {
    Decimal::from(HOURS_PER_MONTH)
}

impl Default for EbsWorkload {
    /// AWS's pricing example 1: 2,000 GB with 10,000 IOPS and 500 MB/s.
    fn default() -> Self {
        EbsWorkload {
            size_gib: Decimal::from(2000),
            iops: Decimal::from(10_000),
            throughput_mibps: Decimal::from(500),
            hours_per_month: default_hours(),
            boot: false,
            multi_attach: false,
            attach_instances: None,
            snapshot_gib: Decimal::ZERO,
            snapshot_tier: SnapshotTier::Standard,
        }
    }
}

/// An EBS need whose every field is within range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EbsSpec {
    pub size_gib: u64,
    pub iops: u64,
    pub throughput_mibps: u64,
    /// At most 744, at most three decimal places.
    pub hours: Decimal,
    pub boot: bool,
    /// Multi-Attach is needed: asked for, or more than one instance.
    pub multi_attach: bool,
    pub attach_instances: u64,
    /// At most [`MAX_SNAPSHOT_GIB`], at most three decimal places.
    pub snapshot_gib: Decimal,
    pub snapshot_tier: SnapshotTier,
}

/// The most snapshot data the calculator accepts (about 10 PiB).
pub const MAX_SNAPSHOT_GIB: u64 = 10_000_000;

impl EbsWorkload {
    /// Checks every field; reports all problems at once.
    pub fn validate(&self) -> Result<EbsSpec, Vec<FieldError>> {
        let mut c = Collector::default();
        let size = c.whole(
            "ebs.size_gib",
            self.size_gib,
            "GiB",
            (1, "a volume holds at least 1 GiB"),
            (
                lim::TIB64_GIB,
                "the largest EBS volume is 64 TiB (gp3 or io2); split the data over several volumes",
            ),
        );
        let iops = c.whole(
            "ebs.iops",
            self.iops,
            "IOPS",
            (0, "a rate cannot be negative"),
            (
                lim::IO2_MAX_IOPS,
                "the most one EBS volume delivers (io2 Block Express); stripe several volumes for more",
            ),
        );
        let throughput = c.whole(
            "ebs.throughput_mibps",
            self.throughput_mibps,
            "MiB/s",
            (0, "a rate cannot be negative"),
            (
                lim::IO2_MAX_MIBPS,
                "the most one EBS volume delivers (io2 Block Express); stripe several volumes for more",
            ),
        );
        let hours = self.decimal3(
            &mut c,
            "ebs.hours_per_month",
            self.hours_per_month,
            "hours",
            MAX_HOURS_PER_MONTH,
            "a month has at most 744 hours (31 days)",
        );
        let instances = match self.attach_instances {
            Some(n) => c.whole(
                "ebs.attach_instances",
                n,
                "instances",
                (1, "a volume attaches to at least one instance"),
                (
                    lim::MULTI_ATTACH_MAX_INSTANCES,
                    "Multi-Attach attaches one volume to at most 16 Nitro instances in one Availability Zone",
                ),
            ),
            None => Some(1),
        };
        let snapshot = self.decimal3(
            &mut c,
            "ebs.snapshot_gib",
            self.snapshot_gib,
            "GiB",
            MAX_SNAPSHOT_GIB,
            "about 10 PiB; split larger estates",
        );
        match (size, iops, throughput, hours, instances, snapshot) {
            (Some(s), Some(i), Some(t), Some(h), Some(n), Some(snap)) if c.errors.is_empty() => {
                Ok(EbsSpec {
                    size_gib: s,
                    iops: i,
                    throughput_mibps: t,
                    hours: h,
                    boot: self.boot,
                    multi_attach: self.multi_attach || n > 1,
                    attach_instances: n,
                    snapshot_gib: snap,
                    snapshot_tier: self.snapshot_tier,
                })
            }
            _ => Err(c.errors),
        }
    }

    /// A non-negative decimal with at most three places.
    fn decimal3(
        &self,
        c: &mut Collector,
        field: &str,
        value: Decimal,
        unit: &'static str,
        max: u64,
        max_rule: &'static str,
    ) -> Option<Decimal> {
        let v = c.within(
            field,
            value,
            unit,
            (Decimal::ZERO, "a quantity cannot be negative"),
            (max.into(), max_rule),
        )?;
        c.places(field, v, 3, unit).map(|v| v.normalize())
    }
}
