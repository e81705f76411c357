//! Amazon EBS: size a volume for a need and compare every volume type, following
//! <https://aws.amazon.com/ebs/pricing/> and the volume limits at
//! <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html>
//! (<https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html>,
//! <https://docs.aws.amazon.com/ebs/latest/userguide/provisioned-iops.html>,
//! <https://docs.aws.amazon.com/ebs/latest/userguide/hdd-vols.html>, and for Multi-Attach
//! <https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes-multi.html>).
//!
//! Where each charge is computed (as its line items label it):
//! - `Storage (type)` → `price/storage.rs`
//! - `Provisioned IOPS above 3,000 (gp3)`, `Provisioned IOPS (io1)`,
//!   `Provisioned IOPS, band (io2)` → `price/provisioned_iops.rs`
//! - `Provisioned throughput above 125 MiB/s (gp3)` → `price/provisioned_throughput.rs`
//! - `Snapshots (tier)` → `price/snapshots.rs`
//!
//! The other rooms: `volume_types.rs` (the six types, what each can be and its limit rows),
//! `table.rs` (`pricing/ebs.json`), `workload.rs` (the `ebs` section and its checks),
//! `quantities.rs` (the size, IOPS and MiB/s each type is provisioned at, before any rate: the
//! sizing rules), `price/mod.rs` (the proration every volume line shares: the billing rules),
//! `result.rs` (each type's row and `compare`), `warnings.rs`.

mod explain;
mod price;
mod quantities;
mod result;
mod table;
mod volume_types;
mod warnings;
mod workload;

#[cfg(test)]
mod tests;

pub use price::{snapshot_line, volume_lines};
pub use quantities::{io1_throughput, io2_throughput, size, Sizing};
pub use result::{compare, compare_spec, option, EbsOption, EbsResult};
pub use table::{EbsPricing, EbsTable, SnapshotRates, StorageRates, PRICING_FILE};
pub use volume_types::VolumeType;
pub use workload::{EbsSpec, EbsWorkload, SnapshotTier, MAX_SNAPSHOT_GIB};

use crate::error::FieldError;
use crate::pricing::Region;

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

    fn steps(r: &EbsResult, option: Option<&str>) -> Option<Vec<crate::service::Step>> {
        explain::steps(r, option)
    }

    fn choices(r: &EbsResult) -> crate::service::Choices {
        explain::choices(r)
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
