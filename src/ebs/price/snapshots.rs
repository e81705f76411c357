//! Snapshots: GB-months of snapshot data stored, by tier, whatever the volume's hours.

use crate::ebs::{EbsSpec, EbsTable, PRICING_FILE};
use crate::money::{qty, rate as fmt_rate};
use crate::report::{LineItem, SourceRef};

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
