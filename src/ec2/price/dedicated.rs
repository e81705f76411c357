//! Dedicated Instances (line item `Dedicated Instance instance-hours`), Dedicated Hosts (`…
//! Dedicated Host host-hours`) and Dedicated Host Reservations (`Upfront payment`, `Dedicated
//! Host Reservation hourly charge` or `… effective rate`, per host), and the hosts a count needs.

use super::{article, build, plural, round3, Base, Charges, Ctx};
use crate::ec2::quantities::Units;
use crate::ec2::{
    lookup, Ec2Option, HostCapacity, HostUse, OptionKind, Payment, ReservedPrice, Term,
};
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::report::LineItem;
use rust_decimal::Decimal;

/// The Dedicated Instance, Dedicated Host and six Dedicated Host Reservation options.
pub(crate) fn dedicated_options<'a>(
    ctx: &Ctx<'a>,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) {
    let it = ctx.it;
    let tables = ctx.tables;
    options.push(build(
        ctx,
        Base::simple(
            "dedicated-instance",
            "Dedicated Instance",
            OptionKind::DedicatedInstance,
        ),
        match lookup(&tables.dedicated_instance, &it.name) {
            Some((t, Some(r))) => {
                used.push(&t.as_of);
                Ok(ctx.pay_as_you_go(
                    "Dedicated Instance instance-hours",
                    *r,
                    ctx.h,
                    ctx.src(
                        (&t.as_of, &t.source),
                        format!("dedicated_instance {}", it.name),
                    ),
                ))
            }
            _ => Err(ctx.no_rate("a Dedicated Instance")),
        },
    ));
    options.push(build(
        ctx,
        Base::simple(
            "dedicated-host",
            "Dedicated Host",
            OptionKind::DedicatedHost,
        ),
        dedicated_host(ctx, used),
    ));
    host_reservation_options(ctx, options, used);
}

fn dedicated_host<'a>(ctx: &Ctx<'a>, used: &mut Vec<&'a str>) -> Result<Charges, String> {
    let (host, per_host, hosts) = host_need(ctx)?;
    let fam = ctx.it.family();
    let (t, rate) = match lookup(&ctx.tables.dedicated_host, fam) {
        Some((t, Some(r))) => (t, *r),
        _ => return Err(ctx.no_host_rate("a Dedicated Host")),
    };
    used.push(&t.as_of);
    let q = Decimal::from(hosts) * ctx.h * ctx.m();
    let line = LineItem::priced(
        format!("{fam} Dedicated Host host-hours"),
        q,
        "host-hours",
        rate,
        "USD per host-hour",
        format!(
            "{}; {} × {} h a month × {} months = {} host-hours × {} = {}",
            host_sentence(ctx, host, per_host, hosts),
            plural(hosts, "host"),
            qty(round3(ctx.h)),
            ctx.months,
            qty(round3(q)),
            fmt_rate(rate),
            Usd(q * rate)
        ),
        ctx.src((&t.as_of, &t.source), format!("dedicated_host {fam}")),
    );
    Ok(Charges {
        upfront: Decimal::ZERO,
        term_months: None,
        monthly: Decimal::from(hosts) * ctx.h * rate,
        lines: vec![line],
        hosts: Some(HostUse {
            instances_per_host: per_host,
            hosts_needed: hosts,
            physical_cores_per_host: host.physical_cores,
        }),
        split: true,
    })
}

/// The host type of the chosen family, how many instances of the chosen size one holds, and
/// how many hosts the count needs.
fn host_need<'a>(ctx: &Ctx<'a>) -> Result<(&'a HostCapacity, u32, u32), String> {
    let fam = ctx.it.family();
    let cap = ctx
        .pricing
        .host(fam)
        .and_then(|h| Some((h, *h.instances_per_host.get(ctx.it.size())?)));
    match cap {
        Some((host, per_host)) => Ok((host, per_host, ctx.spec.count.div_ceil(per_host))),
        None => Err(format!(
            "No public Dedicated Host capacity for {} is bundled (AWS's Dedicated Hosts instance-capacity table for the {fam} host type); without it the hosts needed cannot be counted.",
            ctx.it.name
        )),
    }
}

fn host_sentence(ctx: &Ctx, host: &HostCapacity, per_host: u32, hosts: u32) -> String {
    format!(
        "{} {} host holds {per_host} × {} ({} physical cores); {} ÷ {per_host} rounded up = {}",
        article(ctx.it.family()),
        ctx.it.family(),
        ctx.it.name,
        host.physical_cores,
        plural(ctx.spec.count, "instance"),
        plural(hosts, "host")
    )
}

/// The six Dedicated Host Reservation options, per host.
fn host_reservation_options<'a>(
    ctx: &Ctx<'a>,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) {
    let fam = ctx.it.family();
    for term in Term::ALL {
        for payment in Payment::ALL {
            let base = Base {
                id: format!(
                    "dedicated-host-reservation-{}-{}",
                    term.code(),
                    payment.code()
                ),
                label: format!(
                    "Dedicated Host Reservation, {}, {}",
                    term.name(),
                    payment.name()
                ),
                kind: OptionKind::DedicatedHostReservation,
                offering_class: None,
                plan: None,
                term: Some(term),
                payment: Some(payment),
            };
            if !ctx.wants(&base.id) {
                continue;
            }
            let charges = match ctx.tables.host_reservation(fam, term, payment) {
                None => Err(ctx.no_host_rate(&format!(
                    "a {} {} Dedicated Host Reservation",
                    term.name(),
                    payment.name()
                ))),
                Some((t, price)) => host_need(ctx).and_then(|(host, per_host, hosts)| {
                    used.push(&t.as_of);
                    let src = ctx.src(
                        (&t.as_of, &t.source),
                        format!("host_reservations {fam} {} {}", term.code(), payment.code()),
                    );
                    let units = Units::hosts(hosts);
                    let what = "Dedicated Host Reservation";
                    let mut ch = match price {
                        ReservedPrice::Split(p) => {
                            Ok(ctx.commitment(&units, term, p.upfront, p.hourly, what, src))
                        }
                        ReservedPrice::Effective(e) => ctx.effective_within_horizon(
                            &units,
                            term,
                            e.effective_hourly,
                            what,
                            src,
                        ),
                    }?;
                    if let Some(first) = ch.lines.first_mut() {
                        first.formula = format!(
                            "{}; {}",
                            host_sentence(ctx, host, per_host, hosts),
                            first.formula
                        );
                    }
                    ch.hosts = Some(HostUse {
                        instances_per_host: per_host,
                        hosts_needed: hosts,
                        physical_cores_per_host: host.physical_cores,
                    });
                    Ok(ch)
                }),
            };
            options.push(build(ctx, base, charges));
        }
    }
}
