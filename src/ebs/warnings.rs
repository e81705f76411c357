//! The warnings an EBS comparison gives beside its figures.

use super::{EbsOption, EbsSpec, SnapshotTier, VolumeType};
use crate::limits::ebs as lim;
use crate::money::{qty, Usd};
use crate::pricing::Region;
use crate::report::Warning;
use rust_decimal::prelude::*;

/// What the comparison warns of, given the need, every type's row and the gp2 → gp3 saving.
pub(super) fn warnings(
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
