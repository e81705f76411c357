//! Reserved Instances: Standard or Convertible × 1 or 3 years × No, Partial or All Upfront, per
//! instance (line items `Upfront payment` and `Reserved Instance hourly charge` where the source
//! splits the price, else `Reserved Instance effective rate`).

use super::{build, Base, Ctx};
use crate::ec2::{Ec2Option, OfferingClass, OptionKind, Payment, Term};

/// The twelve Reserved Instance options.
pub(crate) fn reserved_options<'a>(
    ctx: &Ctx<'a>,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) {
    let it = ctx.it;
    for class in OfferingClass::ALL {
        for term in Term::ALL {
            for payment in Payment::ALL {
                let base = Base {
                    id: format!(
                        "reserved-{}-{}-{}",
                        class.code(),
                        term.code(),
                        payment.code()
                    ),
                    label: format!(
                        "Reserved Instance, {}, {}, {}",
                        class.name(),
                        term.name(),
                        payment.name()
                    ),
                    kind: OptionKind::Reserved,
                    offering_class: Some(class),
                    plan: None,
                    term: Some(term),
                    payment: Some(payment),
                };
                if !ctx.wants(&base.id) {
                    continue;
                }
                let charges = match ctx.tables.reserved_offer(&it.name, class, term, payment) {
                    Some((t, price)) => {
                        used.push(&t.as_of);
                        let src = ctx.src(
                            (&t.as_of, &t.source),
                            format!(
                                "reserved {} {} {} {}",
                                it.name,
                                class.code(),
                                term.code(),
                                payment.code()
                            ),
                        );
                        ctx.reservation(term, price, "Reserved Instance", src)
                    }
                    None => Err(ctx.no_rate(&format!(
                        "a {} {} {} Reserved Instance",
                        class.name(),
                        term.name(),
                        payment.name()
                    ))),
                };
                options.push(build(ctx, base, charges));
            }
        }
    }
}
