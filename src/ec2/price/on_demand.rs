//! On-Demand: the hourly rate for each hour an instance runs (line item `On-Demand
//! instance-hours`).

use super::{build, Base, Ctx};
use crate::ec2::{Ec2Option, OptionKind, RateTable};

/// The On-Demand option.
pub(crate) fn on_demand_option<'a>(
    ctx: &Ctx<'a>,
    od_table: &'a RateTable,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) {
    let it = ctx.it;
    let od_src = (od_table.as_of.as_str(), od_table.source.as_str());
    options.push(build(
        ctx,
        Base::simple("on-demand", "On-Demand", OptionKind::OnDemand),
        match ctx.od {
            Some(r) => {
                used.push(&od_table.as_of);
                Ok(ctx.pay_as_you_go(
                    "On-Demand instance-hours",
                    r,
                    ctx.h,
                    ctx.src(od_src, format!("on_demand {}", it.name)),
                ))
            }
            None => Err(ctx.no_rate("On-Demand")),
        },
    ));
}
