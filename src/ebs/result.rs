//! The comparison's result: one row per volume type, and `compare` that assembles them.

use super::warnings::warnings;
use super::{
    size, snapshot_line, volume_lines, EbsPricing, EbsSpec, EbsTable, EbsWorkload, VolumeType,
    PRICING_FILE,
};
use crate::error::{FieldError, Problem};
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::{LineItem, Warning};
use rust_decimal::Decimal;
use serde::Serialize;

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
    /// Rows of [`crate::limits::EBS`] that apply.
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
