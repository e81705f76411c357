//! Spot: the Spot reference price for each hour run (line item `Spot instance-hours`), and the
//! reference itself: the highest per-AZ snapshot where bundled, else the average Spot price.

use super::{build, Base, Ctx};
use crate::ec2::{lookup, Ec2Option, OptionKind, RegionTables, SpotRange};
use rust_decimal::Decimal;

/// The Spot option; returns the reference it was priced at, which the mixed strategy and the
/// warnings use too.
pub(crate) fn spot_option<'a>(
    ctx: &Ctx<'a>,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) -> Option<SpotReference<'a>> {
    let it = ctx.it;
    let spot = spot_reference(ctx.tables, &it.name);
    options.push(build(
        ctx,
        Base::simple("spot", "Spot (reference price)", OptionKind::Spot),
        match &spot {
            Some(s) => {
                used.push(s.as_of);
                Ok(ctx.pay_as_you_go(
                    s.line_label(),
                    s.rate,
                    ctx.h,
                    ctx.src((s.as_of, s.source), s.row(&it.name)),
                ))
            }
            None => Err(ctx.no_rate("Spot")),
        },
    ));
    spot
}

/// The Spot price a comparison uses for a type, and what it is.
pub struct SpotReference<'a> {
    /// The rate charged: the highest AZ snapshot, or the average.
    pub rate: Decimal,
    /// Lowest and highest AZ snapshot and the number of AZs, where the source has them.
    pub range: Option<SpotRange>,
    pub as_of: &'a str,
    pub source: &'a str,
}

impl SpotReference<'_> {
    pub(crate) fn line_label(&self) -> &'static str {
        match self.range {
            Some(_) => "Spot instance-hours (highest AZ snapshot)",
            None => "Spot instance-hours (average Spot price)",
        }
    }

    pub(crate) fn row(&self, name: &str) -> String {
        match self.range {
            Some(r) => format!(
                "spot {name} (highest of {} AZ snapshot{})",
                r.azs,
                if r.azs == 1 { "" } else { "s" }
            ),
            None => format!("spot_average {name}"),
        }
    }
}

/// The Spot reference of a type: per-AZ snapshots where bundled (priced at the highest), else
/// the average.
pub fn spot_reference<'a>(
    tables: &'a RegionTables,
    instance_type: &str,
) -> Option<SpotReference<'a>> {
    if let Some((t, r)) = lookup(&tables.spot, instance_type) {
        return Some(SpotReference {
            rate: r.high,
            range: Some(*r),
            as_of: &t.as_of,
            source: &t.source,
        });
    }
    match lookup(&tables.spot_average, instance_type) {
        Some((t, Some(avg))) => Some(SpotReference {
            rate: *avg,
            range: None,
            as_of: &t.as_of,
            source: &t.source,
        }),
        _ => None,
    }
}
