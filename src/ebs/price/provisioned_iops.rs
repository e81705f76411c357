//! Provisioned IOPS: gp3 above its included 3,000, every io1 IOPS, io2 in its volume tiers.

use super::{prorated, Volume};
use crate::ebs::quantities::n;
use crate::ebs::VolumeType;
use crate::limits::ebs as lim;
use crate::money::qty;
use crate::pricing::{split_tiers, tier_band};
use crate::report::LineItem;
use rust_decimal::prelude::*;

/// The `Provisioned IOPS …` lines of the types that bill IOPS; none for the others. `Err` names
/// the rate the table lacks.
pub(super) fn lines(v: &Volume) -> Result<Vec<LineItem>, String> {
    let (s, table, h) = (v.s, v.table, v.h);
    let mut out = vec![];
    match v.t {
        VolumeType::Gp3 => {
            let extra_iops = s
                .provisioned_iops
                .unwrap_or(0)
                .saturating_sub(lim::GP3_BASE_IOPS);
            if extra_iops > 0 {
                let r = table
                    .gp3_iops_month
                    .ok_or_else(|| v.missing("gp3 IOPS above 3,000"))?;
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
                    v.src("gp3_iops_month"),
                ));
            }
        }
        VolumeType::Io1 => {
            let r = table
                .io1_iops_month
                .ok_or_else(|| v.missing("io1 provisioned IOPS"))?;
            out.push(prorated(
                "Provisioned IOPS (io1)".into(),
                s.provisioned_iops.unwrap_or(0),
                "IOPS",
                "IOPS-month",
                r,
                h,
                String::new(),
                v.src("io1_iops_month"),
            ));
        }
        VolumeType::Io2 => {
            let tiers = table
                .io2_iops_tiers
                .as_ref()
                .ok_or_else(|| v.missing("io2 provisioned IOPS"))?;
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
                    v.src(&format!("io2_iops_tiers[{}]", u.index)),
                ));
            }
        }
        _ => {}
    }
    Ok(out)
}
