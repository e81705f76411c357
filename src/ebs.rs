//! Amazon EBS: size a volume for a need and compare every volume type, following
//! <https://aws.amazon.com/ebs/pricing/> and the volume limits at
//! <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html>.
//!
//! # Sizing
//! Each type is provisioned at the smallest size (and, where it has them, the fewest provisioned
//! IOPS and MiB/s) whose *baseline* meets every part of the need: capacity, IOPS and throughput.
//! Burst figures are shown beside the baseline but never counted on.
//! - gp2: 3 IOPS per GiB (at least 100, at most 16,000); 128 MiB/s up to 170 GiB, 250 MiB/s from
//!   334 GiB (between the two, 250 MiB/s only while burst credits last). Under 3,000 IOPS it bursts
//!   to 3,000.
//! - gp3: 3,000 IOPS and 125 MiB/s included at any size; more is provisioned, at most 500 IOPS per
//!   GiB and 0.25 MiB/s per provisioned IOPS.
//! - io1: at most 50 IOPS per GiB; throughput 0.25 MiB/s per IOPS up to 500 MiB/s at 32,000 IOPS
//!   or fewer, 16 KiB per IOPS above (1,000 MiB/s at 64,000).
//! - io2 (Block Express): at most 1,000 IOPS per GiB; 0.256 MiB/s per IOPS up to 4,000 MiB/s.
//! - st1 / sc1: baseline throughput per TiB (40 / 12 MiB/s), burst per TiB (250 / 80), capped at
//!   500 / 250 MiB/s; each I/O counts as 1 MiB, so an IOPS need is a MiB/s need.
//!
//! # Billing
//! Storage per GB-month of provisioned size (the pricing page's GB is 1024³ bytes, a GiB),
//! provisioned IOPS per IOPS-month (io2 in three volume tiers; gp3 only above 3,000) and gp3
//! throughput per MiB/s-month above 125, all prorated by `hours_per_month ÷ 730`. Snapshot
//! storage is billed per GB-month stored, whatever the volume's hours.

use crate::error::{Collector, FieldError, Problem};
use crate::limits::ebs as lim;
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::money::{HOURS_PER_MONTH, MAX_HOURS_PER_MONTH};
use crate::pricing::{split_tiers, tier_band, Check, Region, Tier};
use crate::report::{LineItem, SourceRef, Warning};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

pub const PRICING_FILE: &str = "pricing/ebs.json";

// ---------------------------------------------------------------------------------------------
// Volume types
// ---------------------------------------------------------------------------------------------

crate::closed_set! {
    /// The EBS volume types compared, in display order, with AWS's name for each.
    pub enum VolumeType {
        Gp2 = "gp2", "General Purpose SSD (gp2)";
        Gp3 = "gp3", "General Purpose SSD (gp3)";
        Io1 = "io1", "Provisioned IOPS SSD (io1)";
        Io2 = "io2", "Provisioned IOPS SSD (io2 Block Express)";
        St1 = "st1", "Throughput Optimized HDD (st1)";
        Sc1 = "sc1", "Cold HDD (sc1)";
    }
}

impl VolumeType {
    /// Whether the type can be a boot volume.
    pub fn can_boot(self) -> bool {
        !matches!(self, VolumeType::St1 | VolumeType::Sc1)
    }

    /// Whether the type supports Multi-Attach at all.
    pub fn can_multi_attach(self) -> bool {
        matches!(self, VolumeType::Io1 | VolumeType::Io2)
    }

    /// The id of its row in [`crate::limits::LIMITS`] for capacity and performance.
    pub fn limit_ids(self) -> &'static [&'static str] {
        match self {
            VolumeType::Gp2 => &["ebs.gp2.size", "ebs.gp2.iops", "ebs.gp2.throughput"],
            VolumeType::Gp3 => &["ebs.gp3.size", "ebs.gp3.iops", "ebs.gp3.throughput"],
            VolumeType::Io1 => &["ebs.io1.size", "ebs.io1.iops", "ebs.io1.throughput"],
            VolumeType::Io2 => &["ebs.io2.size", "ebs.io2.iops", "ebs.io2.throughput"],
            VolumeType::St1 => &["ebs.st1"],
            VolumeType::Sc1 => &["ebs.sc1"],
        }
    }
}

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

// ---------------------------------------------------------------------------------------------
// Pricing table
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------------------------

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
        if v.normalize().scale() > 3 {
            c.push(field, Problem::TooPrecise { places: 3, unit });
            None
        } else {
            Some(v.normalize())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sizing
// ---------------------------------------------------------------------------------------------

/// How one type is provisioned to meet a need, and what it then delivers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sizing {
    pub provisioned_gib: u64,
    /// IOPS provisioned (and billed where the type bills them): gp3, io1, io2.
    pub provisioned_iops: Option<u64>,
    /// MiB/s provisioned: gp3.
    pub provisioned_throughput_mibps: Option<u64>,
    /// Sustained (baseline) IOPS at the provisioned size; for HDD, I/Os of up to 1 MiB.
    pub delivered_iops: u64,
    /// Sustained (baseline) MiB/s at the provisioned size.
    pub delivered_throughput_mibps: Decimal,
    /// IOPS while burst credits last, where the type bursts above its baseline.
    pub burst_iops: Option<u64>,
    /// MiB/s while burst credits last, where the type bursts above its baseline.
    pub burst_throughput_mibps: Option<Decimal>,
    /// The working, one step a line.
    pub steps: Vec<String>,
}

fn ceil_div(a: u64, b: u64) -> u64 {
    a.div_ceil(b.max(1))
}

fn n(v: u64) -> String {
    qty(Decimal::from(v))
}

fn gib(v: u64) -> String {
    format!("{} GiB", n(v))
}

/// Sizes `t` for `spec`: `Err` holds every limit that stops it, as sentences.
pub fn size(t: VolumeType, spec: &EbsSpec, region: Region) -> Result<Sizing, Vec<String>> {
    let mut stops = vec![];
    if spec.boot && !t.can_boot() {
        stops.push(format!(
            "{t} cannot be a boot volume: only gp2, gp3, io1 and io2 can."
        ));
    }
    if spec.multi_attach {
        if spec.boot {
            stops.push("A Multi-Attach volume cannot be a boot volume.".to_string());
        }
        if !t.can_multi_attach() {
            stops.push(format!(
                "{t} does not support Multi-Attach: only Provisioned IOPS volumes (io1, io2) do."
            ));
        } else if t == VolumeType::Io1 && !lim::IO1_MULTI_ATTACH_REGIONS.contains(&region.code()) {
            stops.push(format!(
                "io1 Multi-Attach is offered only in {}, not {region}; io2 offers it everywhere.",
                lim::IO1_MULTI_ATTACH_REGIONS.join(", ")
            ));
        }
    }
    let sized = match t {
        VolumeType::Gp2 => gp2(spec),
        VolumeType::Gp3 => gp3(spec),
        VolumeType::Io1 => io1(spec),
        VolumeType::Io2 => io2(spec),
        VolumeType::St1 => hdd(spec, &ST1),
        VolumeType::Sc1 => hdd(spec, &SC1),
    };
    match sized {
        Ok(mut s) if stops.is_empty() => {
            s.delivered_throughput_mibps = s.delivered_throughput_mibps.normalize();
            s.burst_throughput_mibps = s.burst_throughput_mibps.map(|b| b.normalize());
            Ok(s)
        }
        Ok(_) => Err(stops),
        Err(more) => {
            stops.extend(more);
            Err(stops)
        }
    }
}

fn capacity_step(spec: &EbsSpec) -> String {
    format!("{} of capacity needed.", gib(spec.size_gib))
}

/// Grows `size` to `need`, noting why.
fn grow(size: &mut u64, need: u64, steps: &mut Vec<String>, why: String) {
    if need > *size {
        steps.push(format!("{why}: grow to {}.", gib(need)));
        *size = need;
    }
}

fn gp2(spec: &EbsSpec) -> Result<Sizing, Vec<String>> {
    let mut stops = vec![];
    if spec.iops > lim::GP2_MAX_IOPS {
        stops.push(format!(
            "gp2 delivers at most 16,000 IOPS (3 IOPS per GiB, reached at 5,334 GiB); {} IOPS are needed.",
            n(spec.iops)
        ));
    }
    if spec.throughput_mibps > lim::GP2_MAX_MIBPS {
        stops.push(format!(
            "gp2 delivers at most 250 MiB/s; {} MiB/s are needed.",
            n(spec.throughput_mibps)
        ));
    }
    let mut steps = vec![capacity_step(spec)];
    let mut size = spec.size_gib.max(lim::GP2_MIN_GIB);
    if spec.iops > lim::GP2_MIN_IOPS {
        grow(
            &mut size,
            ceil_div(spec.iops, lim::GP2_IOPS_PER_GIB),
            &mut steps,
            format!("{} IOPS at 3 IOPS per GiB", n(spec.iops)),
        );
    }
    if spec.throughput_mibps > lim::GP2_SMALL_MIBPS {
        grow(
            &mut size,
            lim::GP2_FULL_MIBPS_GIB,
            &mut steps,
            format!(
                "{} MiB/s is above the 128 MiB/s of smaller gp2 volumes; gp2 sustains 250 MiB/s from 334 GiB",
                n(spec.throughput_mibps)
            ),
        );
    }
    if stops.is_empty() && size > lim::GP2_MAX_GIB {
        stops.push(format!(
            "gp2 volumes hold at most 16 TiB (16,384 GiB); {} would be needed.",
            gib(size)
        ));
    }
    if !stops.is_empty() {
        return Err(stops);
    }
    let baseline = (size * lim::GP2_IOPS_PER_GIB).clamp(lim::GP2_MIN_IOPS, lim::GP2_MAX_IOPS);
    steps.push(format!(
        "{} × 3 IOPS per GiB = {} IOPS baseline (at least 100, at most 16,000){}.",
        gib(size),
        n(baseline),
        if baseline < lim::GP2_BURST_IOPS {
            "; bursts to 3,000 IOPS while credits last"
        } else {
            ""
        }
    ));
    let (mibps, burst_mibps) = if size <= lim::GP2_SMALL_MAX_GIB {
        (lim::GP2_SMALL_MIBPS, None)
    } else if size < lim::GP2_FULL_MIBPS_GIB {
        (lim::GP2_SMALL_MIBPS, Some(lim::GP2_MAX_MIBPS))
    } else {
        (lim::GP2_MAX_MIBPS, None)
    };
    Ok(Sizing {
        provisioned_gib: size,
        provisioned_iops: None,
        provisioned_throughput_mibps: None,
        delivered_iops: baseline,
        delivered_throughput_mibps: mibps.into(),
        burst_iops: (baseline < lim::GP2_BURST_IOPS).then_some(lim::GP2_BURST_IOPS),
        burst_throughput_mibps: burst_mibps.map(Decimal::from),
        steps,
    })
}

fn gp3(spec: &EbsSpec) -> Result<Sizing, Vec<String>> {
    let mut stops = vec![];
    if spec.iops > lim::GP3_MAX_IOPS {
        stops.push(format!(
            "gp3 delivers at most 80,000 IOPS; {} IOPS are needed.",
            n(spec.iops)
        ));
    }
    if spec.throughput_mibps > lim::GP3_MAX_MIBPS {
        stops.push(format!(
            "gp3 delivers at most 2,000 MiB/s; {} MiB/s are needed.",
            n(spec.throughput_mibps)
        ));
    }
    if spec.size_gib > lim::GP3_MAX_GIB {
        stops.push("gp3 volumes hold at most 64 TiB (65,536 GiB).".to_string());
    }
    if !stops.is_empty() {
        return Err(stops);
    }
    let mut steps = vec![capacity_step(spec)];
    let mut piops = lim::GP3_BASE_IOPS.max(spec.iops);
    let for_throughput = spec.throughput_mibps * lim::GP3_IOPS_PER_MIBPS;
    if for_throughput > piops {
        steps.push(format!(
            "{} MiB/s at most 0.25 MiB/s per provisioned IOPS needs {} IOPS.",
            n(spec.throughput_mibps),
            n(for_throughput)
        ));
        piops = for_throughput;
    }
    let mibps = lim::GP3_BASE_MIBPS.max(spec.throughput_mibps);
    steps.push(format!(
        "Provision {} IOPS and {} MiB/s (3,000 IOPS and 125 MiB/s are included).",
        n(piops),
        n(mibps)
    ));
    let mut size = spec.size_gib.max(lim::GP3_MIN_GIB);
    if piops > lim::GP3_BASE_IOPS {
        grow(
            &mut size,
            ceil_div(piops, lim::GP3_IOPS_PER_GIB),
            &mut steps,
            format!("{} IOPS at most 500 IOPS per GiB", n(piops)),
        );
    }
    Ok(Sizing {
        provisioned_gib: size,
        provisioned_iops: Some(piops),
        provisioned_throughput_mibps: Some(mibps),
        delivered_iops: piops,
        delivered_throughput_mibps: mibps.into(),
        burst_iops: None,
        burst_throughput_mibps: None,
        steps,
    })
}

/// io1 throughput at `piops`, MiB/s.
pub fn io1_throughput(piops: u64) -> Decimal {
    if piops <= lim::NITRO_ONLY_ABOVE_IOPS {
        (Decimal::from(piops) / Decimal::from(lim::IO1_LOW_IOPS_PER_MIBPS))
            .min(lim::IO1_LOW_MAX_MIBPS.into())
    } else {
        (Decimal::from(piops) / Decimal::from(lim::IO1_HIGH_IOPS_PER_MIBPS))
            .min(lim::IO1_MAX_MIBPS.into())
    }
}

fn io1(spec: &EbsSpec) -> Result<Sizing, Vec<String>> {
    let mut stops = vec![];
    if spec.iops > lim::IO1_MAX_IOPS {
        stops.push(format!(
            "io1 delivers at most 64,000 IOPS; {} IOPS are needed.",
            n(spec.iops)
        ));
    }
    if spec.throughput_mibps > lim::IO1_MAX_MIBPS {
        stops.push(format!(
            "io1 delivers at most 1,000 MiB/s (at 64,000 IOPS); {} MiB/s are needed.",
            n(spec.throughput_mibps)
        ));
    }
    if spec.size_gib > lim::IO1_MAX_GIB {
        stops.push("io1 volumes hold at most 16 TiB (16,384 GiB).".to_string());
    }
    if !stops.is_empty() {
        return Err(stops);
    }
    let mut steps = vec![capacity_step(spec)];
    let mut piops = lim::IO1_MIN_IOPS.max(spec.iops);
    let t = spec.throughput_mibps;
    let for_throughput = if t <= lim::IO1_LOW_MAX_MIBPS {
        t * lim::IO1_LOW_IOPS_PER_MIBPS
    } else {
        t * lim::IO1_HIGH_IOPS_PER_MIBPS
    };
    if for_throughput > piops {
        steps.push(format!(
            "{} MiB/s needs {} IOPS ({}).",
            n(t),
            n(for_throughput),
            if t <= lim::IO1_LOW_MAX_MIBPS {
                "0.25 MiB/s per IOPS up to 500 MiB/s"
            } else {
                "above 500 MiB/s io1 gives 16 KiB per IOPS, so 64 IOPS per MiB/s"
            }
        ));
        piops = for_throughput;
    }
    steps.push(format!("Provision {} IOPS.", n(piops)));
    let mut size = spec.size_gib.max(lim::IO1_MIN_GIB);
    if spec.size_gib < lim::IO1_MIN_GIB {
        steps.push("io1 volumes are at least 4 GiB.".into());
    }
    grow(
        &mut size,
        ceil_div(piops, lim::IO1_IOPS_PER_GIB),
        &mut steps,
        format!("{} IOPS at most 50 IOPS per GiB", n(piops)),
    );
    Ok(Sizing {
        provisioned_gib: size,
        provisioned_iops: Some(piops),
        provisioned_throughput_mibps: None,
        delivered_iops: piops,
        delivered_throughput_mibps: io1_throughput(piops),
        burst_iops: None,
        burst_throughput_mibps: None,
        steps,
    })
}

/// io2 Block Express throughput at `piops`, MiB/s.
pub fn io2_throughput(piops: u64) -> Decimal {
    (Decimal::from(piops) * Decimal::new(lim::IO2_MIBPS_PER_1000_IOPS as i64, 3))
        .min(lim::IO2_MAX_MIBPS.into())
}

fn io2(spec: &EbsSpec) -> Result<Sizing, Vec<String>> {
    let mut stops = vec![];
    if spec.iops > lim::IO2_MAX_IOPS {
        stops.push(format!(
            "io2 Block Express delivers at most 256,000 IOPS; {} IOPS are needed.",
            n(spec.iops)
        ));
    }
    if spec.throughput_mibps > lim::IO2_MAX_MIBPS {
        stops.push(format!(
            "io2 Block Express delivers at most 4,000 MiB/s; {} MiB/s are needed.",
            n(spec.throughput_mibps)
        ));
    }
    if spec.size_gib > lim::IO2_MAX_GIB {
        stops.push("io2 volumes hold at most 64 TiB (65,536 GiB).".to_string());
    }
    if !stops.is_empty() {
        return Err(stops);
    }
    let mut steps = vec![capacity_step(spec)];
    let mut piops = lim::IO2_MIN_IOPS.max(spec.iops);
    let for_throughput = ceil_div(spec.throughput_mibps * 1000, lim::IO2_MIBPS_PER_1000_IOPS);
    if for_throughput > piops {
        steps.push(format!(
            "{} MiB/s at 0.256 MiB/s per IOPS needs {} IOPS.",
            n(spec.throughput_mibps),
            n(for_throughput)
        ));
        piops = for_throughput;
    }
    steps.push(format!("Provision {} IOPS.", n(piops)));
    let mut size = spec.size_gib.max(lim::IO2_MIN_GIB);
    if spec.size_gib < lim::IO2_MIN_GIB {
        steps.push("io2 volumes are at least 4 GiB.".into());
    }
    grow(
        &mut size,
        ceil_div(piops, lim::IO2_IOPS_PER_GIB),
        &mut steps,
        format!("{} IOPS at most 1,000 IOPS per GiB", n(piops)),
    );
    Ok(Sizing {
        provisioned_gib: size,
        provisioned_iops: Some(piops),
        provisioned_throughput_mibps: None,
        delivered_iops: piops,
        delivered_throughput_mibps: io2_throughput(piops),
        burst_iops: None,
        burst_throughput_mibps: None,
        steps,
    })
}

/// An HDD type's performance model.
struct Hdd {
    t: VolumeType,
    base_per_tib: u64,
    burst_per_tib: u64,
    max_mibps: u64,
    max_iops: u64,
}

const ST1: Hdd = Hdd {
    t: VolumeType::St1,
    base_per_tib: lim::ST1_BASE_MIBPS_PER_TIB,
    burst_per_tib: lim::ST1_BURST_MIBPS_PER_TIB,
    max_mibps: lim::ST1_MAX_MIBPS,
    max_iops: lim::ST1_MAX_IOPS,
};

const SC1: Hdd = Hdd {
    t: VolumeType::Sc1,
    base_per_tib: lim::SC1_BASE_MIBPS_PER_TIB,
    burst_per_tib: lim::SC1_BURST_MIBPS_PER_TIB,
    max_mibps: lim::SC1_MAX_MIBPS,
    max_iops: lim::SC1_MAX_IOPS,
};

impl Hdd {
    /// MiB/s at `size` GiB for `per_tib` MiB/s per TiB, capped.
    fn mibps(&self, size: u64, per_tib: u64) -> Decimal {
        (Decimal::from(size * per_tib) / Decimal::from(1024)).min(self.max_mibps.into())
    }

    /// The most baseline MiB/s the type sustains at its largest size.
    fn max_baseline(&self) -> u64 {
        (lim::HDD_MAX_GIB * self.base_per_tib / 1024).min(self.max_mibps)
    }
}

fn hdd(spec: &EbsSpec, h: &Hdd) -> Result<Sizing, Vec<String>> {
    let t = h.t;
    let mut stops = vec![];
    if spec.iops > h.max_iops {
        stops.push(format!(
            "{t} delivers at most {} IOPS (each I/O counted as 1 MiB); {} IOPS are needed.",
            n(h.max_iops),
            n(spec.iops)
        ));
    }
    // Each I/O counts as 1 MiB, so the baseline must carry the larger of the two needs.
    let need_mibps = spec.throughput_mibps.max(spec.iops);
    let max_base = h.max_baseline();
    if need_mibps > max_base && spec.iops <= h.max_iops {
        stops.push(format!(
            "{t} sustains at most {} MiB/s ({} MiB/s per TiB of baseline, capped at {} MiB/s, at most 16 TiB); {} MiB/s are needed{}.",
            n(max_base),
            h.base_per_tib,
            n(h.max_mibps),
            n(need_mibps),
            if spec.iops > spec.throughput_mibps {
                " (IOPS counted at 1 MiB each)"
            } else {
                ""
            }
        ));
    }
    if spec.size_gib > lim::HDD_MAX_GIB {
        stops.push(format!("{t} volumes hold at most 16 TiB (16,384 GiB)."));
    }
    if !stops.is_empty() {
        return Err(stops);
    }
    let mut steps = vec![capacity_step(spec)];
    let mut size = spec.size_gib.max(lim::HDD_MIN_GIB);
    if spec.size_gib < lim::HDD_MIN_GIB {
        steps.push(format!("{t} volumes are at least 125 GiB."));
    }
    if need_mibps > 0 {
        grow(
            &mut size,
            ceil_div(need_mibps * 1024, h.base_per_tib),
            &mut steps,
            format!(
                "{} MiB/s{} at {} MiB/s per TiB of baseline",
                n(need_mibps),
                if spec.iops > spec.throughput_mibps {
                    " (IOPS counted at 1 MiB each)"
                } else {
                    ""
                },
                h.base_per_tib
            ),
        );
    }
    let base = h.mibps(size, h.base_per_tib);
    let burst = h.mibps(size, h.burst_per_tib);
    let iops = |mibps: Decimal| mibps.floor().to_u64().unwrap_or(0).min(h.max_iops);
    steps.push(format!(
        "{} ÷ 1,024 × {} MiB/s per TiB = {} MiB/s baseline; bursts to {} MiB/s ({} MiB/s per TiB, at most {}).",
        gib(size),
        h.base_per_tib,
        qty(base.round_dp(3)),
        qty(burst.round_dp(3)),
        h.burst_per_tib,
        n(h.max_mibps)
    ));
    Ok(Sizing {
        provisioned_gib: size,
        provisioned_iops: None,
        provisioned_throughput_mibps: None,
        delivered_iops: iops(base),
        delivered_throughput_mibps: base,
        burst_iops: (iops(burst) > iops(base)).then(|| iops(burst)),
        burst_throughput_mibps: (burst > base).then_some(burst),
        steps,
    })
}

// ---------------------------------------------------------------------------------------------
// Cost
// ---------------------------------------------------------------------------------------------

/// Hours in the month the rates are quoted for.
fn month_hours() -> Decimal {
    Decimal::from(HOURS_PER_MONTH)
}

/// A line charging `units` held for `hours` at `rate` per unit-month:
/// `units × hours ÷ 730 × rate`, with a single division so the amount is exact when it can be.
#[allow(clippy::too_many_arguments)]
fn prorated(
    label: String,
    units: u64,
    unit_name: &str,
    unit: &str,
    rate: Decimal,
    hours: Decimal,
    what: String,
    source: SourceRef,
) -> LineItem {
    let units_d = Decimal::from(units);
    let unit_hours = units_d * hours;
    let quantity = unit_hours / month_hours();
    let amount = unit_hours * rate / month_hours();
    let shown = quantity.round_dp(6);
    let approx = if shown == quantity { "=" } else { "≈" };
    LineItem {
        label,
        quantity,
        unit: unit.into(),
        rate,
        rate_unit: format!("USD per {unit}"),
        amount_usd: Usd(amount),
        exact_usd: amount,
        formula: format!(
            "{what}{} {unit_name} × {} h ÷ 730 h {approx} {} {unit} × {}",
            n(units),
            qty(hours),
            qty(shown),
            fmt_rate(rate)
        ),
        source,
    }
}

/// The volume's monthly charges at its provisioned size. `Err` names the first rate the table
/// lacks.
pub fn volume_lines(
    t: VolumeType,
    s: &Sizing,
    spec: &EbsSpec,
    table: &EbsTable,
) -> Result<Vec<LineItem>, String> {
    let region = table.region;
    let src = |row: &str| SourceRef {
        table: PRICING_FILE.into(),
        row: format!("{region} {row}"),
        url: table.source.clone(),
        as_of: table.as_of.clone(),
    };
    let missing = |what: &str| {
        format!("No public rate for {what} in {region} in the bundled pricing, so {t} cannot be priced here.")
    };
    let h = spec.hours;
    let mut out = vec![];
    let storage = table
        .storage_gb_month
        .get(t)
        .ok_or_else(|| missing(&format!("{t} storage")))?;
    out.push(prorated(
        format!("Storage ({t})"),
        s.provisioned_gib,
        "GiB",
        "GB-month",
        storage,
        h,
        String::new(),
        src(&format!("storage_gb_month.{t}")),
    ));
    match t {
        VolumeType::Gp3 => {
            let extra_iops = s
                .provisioned_iops
                .unwrap_or(0)
                .saturating_sub(lim::GP3_BASE_IOPS);
            if extra_iops > 0 {
                let r = table
                    .gp3_iops_month
                    .ok_or_else(|| missing("gp3 IOPS above 3,000"))?;
                out.push(prorated(
                    "Provisioned IOPS above 3,000 (gp3)".into(),
                    extra_iops,
                    "IOPS",
                    "IOPS-month",
                    r,
                    h,
                    format!(
                        "{} IOPS − 3,000 included = ",
                        n(s.provisioned_iops.unwrap_or(0))
                    ),
                    src("gp3_iops_month"),
                ));
            }
            let extra_mibps = s
                .provisioned_throughput_mibps
                .unwrap_or(0)
                .saturating_sub(lim::GP3_BASE_MIBPS);
            if extra_mibps > 0 {
                let r = table
                    .gp3_throughput_mibps_month
                    .ok_or_else(|| missing("gp3 throughput above 125 MiB/s"))?;
                out.push(prorated(
                    "Provisioned throughput above 125 MiB/s (gp3)".into(),
                    extra_mibps,
                    "MiB/s",
                    "MiB/s-month",
                    r,
                    h,
                    format!(
                        "{} MiB/s − 125 included = ",
                        n(s.provisioned_throughput_mibps.unwrap_or(0))
                    ),
                    src("gp3_throughput_mibps_month"),
                ));
            }
        }
        VolumeType::Io1 => {
            let r = table
                .io1_iops_month
                .ok_or_else(|| missing("io1 provisioned IOPS"))?;
            out.push(prorated(
                "Provisioned IOPS (io1)".into(),
                s.provisioned_iops.unwrap_or(0),
                "IOPS",
                "IOPS-month",
                r,
                h,
                String::new(),
                src("io1_iops_month"),
            ));
        }
        VolumeType::Io2 => {
            let tiers = table
                .io2_iops_tiers
                .as_ref()
                .ok_or_else(|| missing("io2 provisioned IOPS"))?;
            let piops = s.provisioned_iops.unwrap_or(0);
            for u in split_tiers(tiers, Decimal::ZERO, Decimal::from(piops)) {
                let band = tier_band(tiers, u.index, "");
                out.push(prorated(
                    format!("Provisioned IOPS, {band} (io2)"),
                    u.quantity.to_u64().unwrap_or(0),
                    "IOPS",
                    "IOPS-month",
                    u.rate,
                    h,
                    format!(
                        "{} of {} IOPS in tier {}: ",
                        qty(u.quantity),
                        n(piops),
                        u.index + 1
                    ),
                    src(&format!("io2_iops_tiers[{}]", u.index)),
                ));
            }
        }
        _ => {}
    }
    Ok(out)
}

/// The snapshot storage line, if any snapshot data is stored. `Err` when the tier has no rate.
pub fn snapshot_line(spec: &EbsSpec, table: &EbsTable) -> Result<Option<LineItem>, String> {
    if spec.snapshot_gib.is_zero() {
        return Ok(None);
    }
    let tier = spec.snapshot_tier.code();
    let region = table.region;
    let r = table
        .snapshot_gb_month
        .get(spec.snapshot_tier)
        .ok_or_else(|| {
            format!(
                "No public rate for {tier} snapshot storage in {region} in the bundled pricing."
            )
        })?;
    Ok(Some(LineItem::priced(
        format!("Snapshots ({tier})"),
        spec.snapshot_gib,
        "GB-month",
        r,
        "USD per GB-month",
        format!(
            "{} GiB of snapshot data stored through the month × {}",
            qty(spec.snapshot_gib),
            fmt_rate(r)
        ),
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{region} snapshot_gb_month.{tier}"),
            url: table.source.clone(),
            as_of: table.as_of.clone(),
        },
    )))
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/// One volume type's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EbsOption {
    pub id: VolumeType,
    pub name: &'static str,
    /// The type can meet every part of the need.
    pub eligible: bool,
    /// The size it must be provisioned at to meet the need (when eligible).
    pub provisioned_gib: Option<u64>,
    /// Volume plus snapshots for `hours_per_month`; null when not eligible or a rate is missing.
    pub monthly_usd: Option<Usd>,
    /// Why it cannot meet the need: every limit that stops it, in plain words.
    pub reason: Option<String>,
    pub lines: Vec<LineItem>,
    /// The volume alone (storage and provisioned performance), without snapshots.
    pub volume_usd: Option<Usd>,
    /// Every line has a sourced rate.
    pub priced: bool,
    /// Which rate is missing, when eligible but not priced.
    pub no_rate: Option<String>,
    /// The cheapest eligible type.
    pub cheapest: bool,
    /// Provisioned larger than the capacity asked for, to reach the performance.
    pub grown: bool,
    pub provisioned_iops: Option<u64>,
    pub provisioned_throughput_mibps: Option<u64>,
    pub delivered_iops: Option<u64>,
    pub delivered_throughput_mibps: Option<Decimal>,
    pub burst_iops: Option<u64>,
    pub burst_throughput_mibps: Option<Decimal>,
    /// How the size was reached, one step a line.
    pub sizing: Vec<String>,
    /// Rows of [`crate::limits::LIMITS`] that apply.
    pub limits: &'static [&'static str],
}

/// The EBS section of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EbsResult {
    /// gp2, gp3, io1, io2, st1, sc1, in that order.
    pub options: Vec<EbsOption>,
    /// The cheapest eligible, priced type; null when none is.
    pub cheapest: Option<VolumeType>,
    pub warnings: Vec<Warning>,
    /// What moving from gp2 to gp3 saves a month, when both meet the need and are priced.
    pub gp2_to_gp3_saving_usd: Option<Usd>,
    /// The snapshot charge included in every option's `monthly_usd`.
    pub snapshot_usd: Option<Usd>,
    pub as_of: String,
    pub source: String,
}

/// One type's row: sizing, lines and cost.
pub fn option(t: VolumeType, spec: &EbsSpec, table: &EbsTable) -> EbsOption {
    let mut o = EbsOption {
        id: t,
        name: t.name(),
        eligible: false,
        provisioned_gib: None,
        monthly_usd: None,
        reason: None,
        lines: vec![],
        volume_usd: None,
        priced: false,
        no_rate: None,
        cheapest: false,
        grown: false,
        provisioned_iops: None,
        provisioned_throughput_mibps: None,
        delivered_iops: None,
        delivered_throughput_mibps: None,
        burst_iops: None,
        burst_throughput_mibps: None,
        sizing: vec![],
        limits: t.limit_ids(),
    };
    let s = match size(t, spec, table.region) {
        Ok(s) => s,
        Err(stops) => {
            o.reason = Some(stops.join(" "));
            return o;
        }
    };
    o.eligible = true;
    o.provisioned_gib = Some(s.provisioned_gib);
    o.grown = s.provisioned_gib > spec.size_gib;
    o.provisioned_iops = s.provisioned_iops;
    o.provisioned_throughput_mibps = s.provisioned_throughput_mibps;
    o.delivered_iops = Some(s.delivered_iops);
    o.delivered_throughput_mibps = Some(s.delivered_throughput_mibps);
    o.burst_iops = s.burst_iops;
    o.burst_throughput_mibps = s.burst_throughput_mibps;
    match volume_lines(t, &s, spec, table) {
        Ok(lines) => {
            o.volume_usd = Some(crate::report::total(&lines));
            o.lines = lines;
            match snapshot_line(spec, table) {
                Ok(snap) => {
                    o.lines.extend(snap);
                    o.monthly_usd = Some(crate::report::total(&o.lines));
                    o.priced = true;
                }
                Err(e) => o.no_rate = Some(e),
            }
        }
        Err(e) => o.no_rate = Some(e),
    }
    o.sizing = s.steps;
    o
}

/// Compares every volume type for one EBS need.
pub fn compare(
    pricing: &EbsPricing,
    region: Region,
    w: &EbsWorkload,
) -> Result<EbsResult, Vec<FieldError>> {
    let spec = w.validate()?;
    let table = pricing.table(region).ok_or_else(|| {
        vec![FieldError::new(
            "region",
            Problem::Malformed(format!(
                "The bundled pricing has no EBS table for {region}; choose another region or add it to {PRICING_FILE}."
            )),
        )]
    })?;
    Ok(compare_spec(&spec, table))
}

/// Compares every volume type for a validated need.
pub fn compare_spec(spec: &EbsSpec, table: &EbsTable) -> EbsResult {
    let mut options: Vec<EbsOption> = VolumeType::ALL
        .iter()
        .map(|&t| option(t, spec, table))
        .collect();
    // Snapshot charges are the same for every type, so the volume cost decides.
    let cheapest = options
        .iter()
        .filter(|o| o.eligible)
        .filter_map(|o| o.volume_usd.map(|u| (u, o.id)))
        .min()
        .map(|(_, id)| id);
    for o in &mut options {
        o.cheapest = Some(o.id) == cheapest;
    }
    let find = |t: VolumeType| options.iter().find(|o| o.id == t);
    let saving = match (find(VolumeType::Gp2), find(VolumeType::Gp3)) {
        (Some(a), Some(b)) => match (a.volume_usd, b.volume_usd) {
            (Some(x), Some(y)) if a.eligible && b.eligible => Some(x - y),
            _ => None,
        },
        _ => None,
    };
    let snapshot_usd = match snapshot_line(spec, table) {
        Ok(l) => Some(l.map(|l| l.amount_usd).unwrap_or(Usd::ZERO)),
        Err(_) => None,
    };
    let warnings = warnings(spec, &options, saving, table.region);
    EbsResult {
        options,
        cheapest,
        warnings,
        gp2_to_gp3_saving_usd: saving,
        snapshot_usd,
        as_of: table.as_of.clone(),
        source: table.source.clone(),
    }
}

fn warnings(
    spec: &EbsSpec,
    options: &[EbsOption],
    saving: Option<Usd>,
    region: Region,
) -> Vec<Warning> {
    let mut w = vec![];
    if let Some(s) = saving {
        if s.exact() > Decimal::ZERO {
            let gp2 = options
                .iter()
                .find(|o| o.id == VolumeType::Gp2)
                .and_then(|o| o.volume_usd)
                .unwrap_or(Usd::ZERO);
            let pct = if gp2.exact().is_zero() {
                Decimal::ZERO
            } else {
                (s.exact() * Decimal::ONE_HUNDRED / gp2.exact())
                    .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            };
            w.push(Warning::new(
                "gp2_to_gp3_saving",
                format!(
                    "gp3 meets this need for {s} a month less than gp2 ({} %); an existing gp2 volume can be changed to gp3 in place (Elastic Volumes).",
                    qty(pct)
                ),
            ));
        }
    }
    let unpriced: Vec<&str> = options
        .iter()
        .filter(|o| o.eligible && !o.priced)
        .map(|o| o.id.code())
        .collect();
    if !unpriced.is_empty() {
        w.push(Warning::new(
            "no_public_rate",
            format!(
                "{} can meet the need but the bundled pricing has no public rate for part of {} in {region}; {} not priced.",
                unpriced.join(", "),
                if unpriced.len() == 1 { "it" } else { "them" },
                if unpriced.len() == 1 { "it is" } else { "they are" }
            ),
        ));
    }
    if options.iter().all(|o| !o.eligible) {
        w.push(Warning::new(
            "no_type_meets_need",
            "No single EBS volume type meets this need: see each type's reason. Striping several volumes (RAID 0) adds their IOPS and throughput.",
        ));
    }
    let piops_over = options.iter().any(|o| {
        o.eligible
            && matches!(o.id, VolumeType::Io1 | VolumeType::Io2)
            && o.provisioned_iops.unwrap_or(0) > lim::NITRO_ONLY_ABOVE_IOPS
    });
    if piops_over {
        w.push(Warning::new(
            "piops_above_32000_needs_nitro",
            "io1 and io2 deliver more than 32,000 IOPS only when attached to a Nitro-based instance.",
        ));
    }
    if spec.iops > lim::GP3_NOTES_MAX_IOPS && spec.iops <= lim::GP3_MAX_IOPS {
        w.push(Warning::new(
            "gp3_above_notes_iops",
            "The study notes give gp3 at most 16,000 IOPS; since 2025 AWS allows up to 80,000, which this comparison uses.",
        ));
    }
    if spec.throughput_mibps > lim::GP3_NOTES_MAX_MIBPS
        && spec.throughput_mibps <= lim::GP3_MAX_MIBPS
    {
        w.push(Warning::new(
            "gp3_above_notes_throughput",
            "The study notes give gp3 at most 1,000 MB/s; since 2025 AWS allows up to 2,000 MiB/s, which this comparison uses.",
        ));
    }
    if spec.size_gib > lim::GP3_NOTES_MAX_GIB {
        w.push(Warning::new(
            "above_notes_size",
            "The study notes give gp3 and io2 at most 16 TiB (64 TiB only for io2 Block Express); AWS now allows 64 TiB for both, which this comparison uses.",
        ));
    }
    if spec.iops > lim::PIOPS_NOTES_MAX_IOPS {
        w.push(Warning::new(
            "above_notes_piops",
            "The study notes give io1/io2 at most 64,000 IOPS; every io2 volume is now Block Express, up to 256,000 IOPS.",
        ));
    }
    if spec.multi_attach {
        w.push(Warning::new(
            "multi_attach_rules",
            "Multi-Attach attaches one io1/io2 volume to at most 16 Nitro-based instances in the same Availability Zone; the file system must be cluster-aware. It adds no charge.",
        ));
    }
    if spec.snapshot_tier == SnapshotTier::Archive && !spec.snapshot_gib.is_zero() {
        w.push(Warning::new(
            "snapshot_archive_minimum",
            "Archived snapshots are billed for at least 90 days, and restoring one is charged per GB retrieved (not included here).",
        ));
    }
    let gp2_bursts = options
        .iter()
        .any(|o| o.eligible && o.id == VolumeType::Gp2 && o.burst_iops.is_some());
    if gp2_bursts {
        w.push(Warning::new(
            "gp2_burst_not_counted",
            "gp2 under 1,000 GiB bursts to 3,000 IOPS only while I/O credits last; sizing counts only its baseline of 3 IOPS per GiB.",
        ));
    }
    w
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

/// EBS as the engine's shared parts see it ([`crate::service::Service`]).
pub struct Ebs;

impl crate::service::Service for Ebs {
    const NAME: &'static str = "EBS";
    const MEASURE: &'static str =
        "Monthly cost of the cheapest volume type that meets the need (volume plus snapshots)";
    const TITLE: &'static str = "EBS volumes";
    type Pricing = EbsPricing;
    type Workload = EbsWorkload;
    type Result = EbsResult;

    fn compare(
        pricing: &EbsPricing,
        region: Region,
        w: &EbsWorkload,
    ) -> Result<EbsResult, Vec<FieldError>> {
        compare(pricing, region, w)
    }

    fn as_of(r: &EbsResult) -> &str {
        &r.as_of
    }

    /// The cheapest type that meets the need; every type beside it.
    fn figures(b: &EbsResult) -> crate::service::Figures {
        use crate::service::{Figure, Figures};
        let options: Vec<(String, String, Figure)> = b
            .options
            .iter()
            .map(|o| {
                let note = match (&o.reason, &o.no_rate, o.provisioned_gib) {
                    (Some(r), _, _) => r.clone(),
                    (None, Some(r), _) => r.clone(),
                    (None, None, Some(g)) => format!("{} GiB", crate::money::qty(g.into())),
                    (None, None, None) => String::new(),
                };
                (
                    o.id.code().into(),
                    o.name.into(),
                    Figure::new(o.monthly_usd, note),
                )
            })
            .collect();
        let headline = match b
            .cheapest
            .and_then(|t| b.options.iter().find(|o| o.id == t))
        {
            Some(o) => Figure::new(
                o.monthly_usd,
                match o.provisioned_gib {
                    Some(g) => format!("{}, {} GiB", o.name, crate::money::qty(g.into())),
                    None => o.name.into(),
                },
            ),
            None => Figure::new(
                None,
                "No volume type that meets the need has a bundled rate",
            ),
        };
        Figures { headline, options }
    }

    fn inputs(e: &EbsWorkload, out: &mut crate::input::Inputs) {
        out.num("ebs.size_gib", Some(e.size_gib));
        out.num("ebs.iops", Some(e.iops));
        out.num("ebs.throughput_mibps", Some(e.throughput_mibps));
        out.num("ebs.hours_per_month", Some(e.hours_per_month));
        out.flag("ebs.boot", e.boot);
        out.flag("ebs.multi_attach", e.multi_attach);
        out.num("ebs.attach_instances", e.attach_instances);
        out.num("ebs.snapshot_gib", Some(e.snapshot_gib));
        out.text("ebs.snapshot_tier", e.snapshot_tier.code());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn pricing() -> &'static EbsPricing {
        &crate::catalog::catalog().unwrap().ebs
    }

    fn need(size: u64, iops: u64, mibps: u64) -> EbsSpec {
        EbsWorkload {
            size_gib: size.into(),
            iops: iops.into(),
            throughput_mibps: mibps.into(),
            ..EbsWorkload::default()
        }
        .validate()
        .unwrap()
    }

    fn sized(t: VolumeType, size_gib: u64, iops: u64, mibps: u64) -> Sizing {
        size(t, &need(size_gib, iops, mibps), Region::UsEast1).unwrap()
    }

    #[test]
    fn gp2_grows_to_three_iops_per_gib() {
        let s = sized(VolumeType::Gp2, 100, 3000, 0);
        assert_eq!(s.provisioned_gib, 1000);
        assert_eq!(s.delivered_iops, 3000);
        assert_eq!(s.burst_iops, None);
        // 10,000 IOPS: ceil(10,000 / 3) = 3,334 GiB.
        assert_eq!(
            sized(VolumeType::Gp2, 2000, 10_000, 0).provisioned_gib,
            3334
        );
    }

    #[test]
    fn gp2_small_volume_has_floor_and_burst() {
        let s = sized(VolumeType::Gp2, 20, 50, 0);
        assert_eq!(s.provisioned_gib, 20);
        assert_eq!(s.delivered_iops, 100);
        assert_eq!(s.burst_iops, Some(3000));
        assert_eq!(s.delivered_throughput_mibps, Decimal::from(128));
    }

    #[test]
    fn gp2_throughput_bands() {
        assert_eq!(sized(VolumeType::Gp2, 200, 0, 129).provisioned_gib, 334);
        let s = sized(VolumeType::Gp2, 200, 0, 128);
        assert_eq!(s.provisioned_gib, 200);
        assert_eq!(s.burst_throughput_mibps, Some(Decimal::from(250)));
        let e = size(VolumeType::Gp2, &need(200, 0, 251), Region::UsEast1).unwrap_err();
        assert!(e[0].contains("250 MiB/s"), "{e:?}");
        let e = size(VolumeType::Gp2, &need(200, 16_001, 0), Region::UsEast1).unwrap_err();
        assert!(e[0].contains("16,000 IOPS"), "{e:?}");
    }

    #[test]
    fn gp3_ratios() {
        // 500 MiB/s needs 2,000 IOPS (under the 3,000 included).
        let s = sized(VolumeType::Gp3, 8, 0, 500);
        assert_eq!(s.provisioned_iops, Some(3000));
        assert_eq!(s.provisioned_gib, 8);
        // 2,000 MiB/s needs 8,000 IOPS, so 16 GiB.
        let s = sized(VolumeType::Gp3, 1, 0, 2000);
        assert_eq!(s.provisioned_iops, Some(8000));
        assert_eq!(s.provisioned_gib, 16);
        // 80,000 IOPS at 500 per GiB: 160 GiB.
        assert_eq!(sized(VolumeType::Gp3, 10, 80_000, 0).provisioned_gib, 160);
        assert!(size(VolumeType::Gp3, &need(10, 80_001, 0), Region::UsEast1).is_err());
    }

    #[test]
    fn io1_grows_to_fifty_iops_per_gib_and_four_gib() {
        let s = sized(VolumeType::Io1, 100, 20_000, 0);
        assert_eq!(s.provisioned_gib, 400);
        assert_eq!(s.delivered_throughput_mibps, Decimal::from(500));
        assert_eq!(sized(VolumeType::Io1, 1, 0, 0).provisioned_gib, 4);
        // 800 MiB/s needs 800 × 64 = 51,200 IOPS above 500 MiB/s.
        let s = sized(VolumeType::Io1, 100, 0, 800);
        assert_eq!(s.provisioned_iops, Some(51_200));
        assert_eq!(s.provisioned_gib, 1024);
        assert_eq!(s.delivered_throughput_mibps, Decimal::from(800));
        assert_eq!(io1_throughput(64_000), Decimal::from(1000));
        assert_eq!(io1_throughput(101), d("25.25"));
    }

    #[test]
    fn io2_block_express_ratios() {
        let s = sized(VolumeType::Io2, 10, 256_000, 0);
        assert_eq!(s.provisioned_gib, 256);
        assert_eq!(s.delivered_throughput_mibps, Decimal::from(4000));
        // 4,000 MiB/s at 0.256 per IOPS: 15,625 IOPS.
        assert_eq!(
            sized(VolumeType::Io2, 10, 0, 4000).provisioned_iops,
            Some(15_625)
        );
    }

    #[test]
    fn hdd_baseline_per_tib() {
        // st1 at 125 GiB: 125 / 1024 × 40 = 4.8828125 MiB/s baseline, 30.52 burst.
        let s = sized(VolumeType::St1, 1, 0, 0);
        assert_eq!(s.provisioned_gib, 125);
        assert_eq!(s.delivered_throughput_mibps, d("4.8828125"));
        assert_eq!(s.burst_throughput_mibps, Some(d("30.517578125")));
        // 500 MiB/s needs 12,800 GiB of st1.
        assert_eq!(sized(VolumeType::St1, 1, 0, 500).provisioned_gib, 12_800);
        // sc1 sustains at most 192 MiB/s.
        assert_eq!(sized(VolumeType::Sc1, 1, 0, 192).provisioned_gib, 16_384);
        let e = size(VolumeType::Sc1, &need(1, 0, 193), Region::UsEast1).unwrap_err();
        assert!(e[0].contains("192 MiB/s"), "{e:?}");
        let e = size(VolumeType::St1, &need(1, 501, 0), Region::UsEast1).unwrap_err();
        assert!(e[0].contains("500 IOPS"), "{e:?}");
    }

    #[test]
    fn boot_and_multi_attach_rules() {
        let mut w = EbsWorkload {
            boot: true,
            ..EbsWorkload::default()
        };
        w.size_gib = Decimal::from(500);
        w.iops = Decimal::ZERO;
        w.throughput_mibps = Decimal::ZERO;
        let s = w.validate().unwrap();
        assert!(size(VolumeType::St1, &s, Region::UsEast1).unwrap_err()[0].contains("boot"));
        assert!(size(VolumeType::Gp3, &s, Region::UsEast1).is_ok());
        w.boot = false;
        w.attach_instances = Some(Decimal::from(3));
        let s = w.validate().unwrap();
        assert!(s.multi_attach);
        assert!(size(VolumeType::Gp3, &s, Region::UsEast1).is_err());
        assert!(size(VolumeType::Io1, &s, Region::UsEast1).is_ok());
        assert!(size(VolumeType::Io1, &s, Region::ApSouth1).unwrap_err()[0]
            .contains("io1 Multi-Attach"));
        assert!(size(VolumeType::Io2, &s, Region::ApSouth1).is_ok());
        w.attach_instances = Some(Decimal::from(17));
        assert_eq!(w.validate().unwrap_err()[0].field, "ebs.attach_instances");
    }

    #[test]
    fn issue_example_gp3_is_210() {
        let r = compare(pricing(), Region::UsEast1, &EbsWorkload::default()).unwrap();
        assert_eq!(r.cheapest, Some(VolumeType::Gp3));
        let gp3 = &r.options[1];
        assert_eq!(gp3.id, VolumeType::Gp3);
        assert_eq!(gp3.provisioned_gib, Some(2000));
        assert_eq!(gp3.monthly_usd.unwrap().cents().to_string(), "210.00");
        let amounts: Vec<String> = gp3
            .lines
            .iter()
            .map(|l| l.amount_usd.cents().to_string())
            .collect();
        assert_eq!(amounts, ["160.00", "35.00", "15.00"]);
        assert!(!r.options[0].eligible);
        assert!(r.options[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("250 MiB/s"));
        assert!(r.options[0].provisioned_gib.is_none());
    }

    #[test]
    fn io2_tiers_split_at_32000_and_64000() {
        let spec = need(100, 100_000, 0);
        let table = pricing().table(Region::UsEast1).unwrap();
        let o = option(VolumeType::Io2, &spec, table);
        let iops: Vec<_> = o.lines[1..].iter().map(|l| l.quantity).collect();
        assert_eq!(
            iops,
            [
                Decimal::from(32_000),
                Decimal::from(32_000),
                Decimal::from(36_000)
            ]
        );
        // 32,000 × 0.065 + 32,000 × 0.0455 + 36,000 × 0.03185 = 2,080 + 1,456 + 1,146.60
        let total: Decimal = o.lines[1..].iter().map(|l| l.exact_usd).sum();
        assert_eq!(total, d("4682.60"));
    }

    #[test]
    fn missing_rate_is_reported_not_invented() {
        // A table without a gp3 IOPS rate (as ap-south-1's was before AWS's own data was found).
        let mut p = pricing().clone();
        for t in p.tables.iter_mut() {
            t.gp3_iops_month = None;
        }
        let r = compare(&p, Region::ApSouth1, &EbsWorkload::default()).unwrap();
        let gp3 = &r.options[1];
        assert!(gp3.eligible && !gp3.priced);
        assert!(gp3.monthly_usd.is_none());
        assert!(gp3.no_rate.as_deref().unwrap().contains("No public rate"));
        assert!(r.warnings.iter().any(|w| w.code == "no_public_rate"));
        // Within gp3's included performance no extra rate is needed.
        let w = EbsWorkload {
            iops: Decimal::from(3000),
            throughput_mibps: Decimal::from(125),
            ..EbsWorkload::default()
        };
        let r = compare(&p, Region::ApSouth1, &w).unwrap();
        assert_eq!(r.options[1].monthly_usd.unwrap().cents(), d("182.40"));
        assert_eq!(r.cheapest, Some(VolumeType::Gp3));
    }

    #[test]
    fn prorates_by_hours() {
        let mut w = EbsWorkload {
            hours_per_month: Decimal::from(365),
            ..EbsWorkload::default()
        };
        let r = compare(pricing(), Region::UsEast1, &w).unwrap();
        assert_eq!(r.options[1].monthly_usd.unwrap().cents(), d("105.00"));
        w.hours_per_month = d("744.0001");
        let e = w.validate().unwrap_err();
        assert_eq!(e[0].field, "ebs.hours_per_month");
    }

    #[test]
    fn validation_reports_every_field() {
        let w = EbsWorkload {
            size_gib: Decimal::ZERO,
            iops: d("1.5"),
            throughput_mibps: Decimal::from(4001),
            hours_per_month: d("-1"),
            boot: false,
            multi_attach: false,
            attach_instances: Some(Decimal::ZERO),
            snapshot_gib: d("0.0001"),
            snapshot_tier: SnapshotTier::Standard,
        };
        let fields: Vec<_> = w
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "ebs.size_gib",
                "ebs.iops",
                "ebs.throughput_mibps",
                "ebs.hours_per_month",
                "ebs.attach_instances",
                "ebs.snapshot_gib"
            ]
        );
    }
}
