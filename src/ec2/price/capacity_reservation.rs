//! On-Demand Capacity Reservations: the On-Demand rate for every reserved hour, whether an
//! instance runs in it or not (line item `Reserved capacity instance-hours`).

use super::{build, Base, Ctx};
use crate::ec2::{Ec2Option, OptionKind, RateTable};
use crate::money::HOURS_PER_MONTH;
use rust_decimal::Decimal;

/// The On-Demand Capacity Reservation option.
pub(crate) fn capacity_reservation_option(
    ctx: &Ctx,
    od_table: &RateTable,
    options: &mut Vec<Ec2Option>,
) {
    let it = ctx.it;
    let od_src = (od_table.as_of.as_str(), od_table.source.as_str());
    // Capacity Reservation: the On-Demand rate for every reserved hour.
    options.push(build(
        ctx,
        Base::simple(
            "capacity-reservation",
            "On-Demand Capacity Reservation",
            OptionKind::CapacityReservation,
        ),
        match ctx.od {
            Some(r) => Ok(ctx.pay_as_you_go(
                "Reserved capacity instance-hours (On-Demand rate, used or not)",
                r,
                Decimal::from(HOURS_PER_MONTH),
                ctx.src(od_src, format!("on_demand {}", it.name)),
            )),
            None => Err(ctx.no_rate("On-Demand (which a Capacity Reservation is billed at)")),
        },
    ));
}
