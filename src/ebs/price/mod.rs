//! What the volume's needs cost: the pricing context one type's lines share, the proration they
//! all use, and one file per charge.
//!
//! # Billing
//! Storage per GB-month of provisioned size (the pricing page's GB is 1024³ bytes, a GiB),
//! provisioned IOPS per IOPS-month (io2 in three volume tiers; gp3 only above 3,000) and gp3
//! throughput per MiB/s-month above 125, all prorated by `hours_per_month ÷ 730`. Snapshot
//! storage is billed per GB-month stored, whatever the volume's hours.

mod provisioned_iops;
mod provisioned_throughput;
mod snapshots;
mod storage;

pub use snapshots::snapshot_line;

use super::quantities::n;
use super::{EbsSpec, EbsTable, Sizing, VolumeType, PRICING_FILE};
use crate::money::{qty, rate as fmt_rate, Usd, HOURS_PER_MONTH};
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::*;

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

/// What one volume type's lines are priced from: the type, its sizing, the region's table and
/// the hours the volume exists in the month.
struct Volume<'a> {
    t: VolumeType,
    s: &'a Sizing,
    table: &'a EbsTable,
    h: Decimal,
}

impl Volume<'_> {
    /// Where the rate in `row` of the region's table was read.
    fn src(&self, row: &str) -> SourceRef {
        let region = self.table.region;
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{region} {row}"),
            url: self.table.source.clone(),
            as_of: self.table.as_of.clone(),
        }
    }

    /// Why the type cannot be priced: the table has no rate for `what`.
    fn missing(&self, what: &str) -> String {
        let (region, t) = (self.table.region, self.t);
        format!("No public rate for {what} in {region} in the bundled pricing, so {t} cannot be priced here.")
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
    let v = Volume {
        t,
        s,
        table,
        h: spec.hours,
    };
    let mut out = vec![storage::line(&v)?];
    out.extend(provisioned_iops::lines(&v)?);
    out.extend(provisioned_throughput::line(&v)?);
    Ok(out)
}
