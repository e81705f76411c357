//! Storage: GB-months of the provisioned size, by volume type.

use super::{prorated, Volume};
use crate::report::LineItem;

/// The `Storage (type)` line. `Err` when the table has no storage rate for the type.
pub(super) fn line(v: &Volume) -> Result<LineItem, String> {
    let t = v.t;
    let storage = v
        .table
        .storage_gb_month
        .get(t)
        .ok_or_else(|| v.missing(&format!("{t} storage")))?;
    Ok(prorated(
        format!("Storage ({t})"),
        v.s.provisioned_gib,
        "GiB",
        "GB-month",
        storage,
        v.h,
        String::new(),
        v.src(&format!("storage_gb_month.{t}")),
    ))
}
