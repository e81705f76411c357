//! What each volume type is provisioned at for a need, before any rate is applied: size,
//! provisioned IOPS and MiB/s, and what the volume then delivers.
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

use super::{EbsSpec, VolumeType};
use crate::limits::ebs as lim;
use crate::money::qty;
use crate::pricing::Region;
use rust_decimal::prelude::*;
use serde::Serialize;

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

pub(super) fn n(v: u64) -> String {
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
