//! Provisioned throughput: gp3 above its included 125 MiB/s (no other type bills throughput).

use super::{prorated, Volume};
use crate::ebs::quantities::n;
use crate::ebs::VolumeType;
use crate::limits::ebs as lim;
use crate::report::LineItem;

/// The `Provisioned throughput above 125 MiB/s (gp3)` line, when gp3 is provisioned above it.
/// `Err` when the table has no rate for it.
pub(super) fn line(v: &Volume) -> Result<Option<LineItem>, String> {
    if v.t != VolumeType::Gp3 {
        return Ok(None);
    }
    let s = v.s;
    let extra_mibps = s
        .provisioned_throughput_mibps
        .unwrap_or(0)
        .saturating_sub(lim::GP3_BASE_MIBPS);
    if extra_mibps == 0 {
        return Ok(None);
    }
    let r = v
        .table
        .gp3_throughput_mibps_month
        .ok_or_else(|| v.missing("gp3 throughput above 125 MiB/s"))?;
    Ok(Some(prorated(
        "Provisioned throughput above 125 MiB/s (gp3)".into(),
        extra_mibps,
        "MiB/s",
        "MiB/s-month",
        r,
        v.h,
        format!(
            "{} MiB/s − 125 included = ",
            n(s.provisioned_throughput_mibps.unwrap_or(0))
        ),
        v.src("gp3_throughput_mibps_month"),
    )))
}
