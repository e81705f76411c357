//! Savings Plans: Compute or EC2 Instance × 1 or 3 years × No, Partial or All Upfront; the
//! published effective rate split as AWS bills it (line items `Upfront payment` and `Savings
//! Plan hourly charge`).

use super::{article, build, Base, Ctx};
use crate::ec2::quantities::Units;
use crate::ec2::{Ec2Option, OptionKind, Payment, PlanType, Term};
use rust_decimal::Decimal;

/// The twelve Savings Plans options.
pub(crate) fn savings_plan_options<'a>(
    ctx: &Ctx<'a>,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) {
    let it = ctx.it;
    for plan in PlanType::ALL {
        for term in Term::ALL {
            for payment in Payment::ALL {
                let base = Base {
                    id: format!(
                        "savings-plan-{}-{}-{}",
                        plan.code(),
                        term.code(),
                        payment.code()
                    ),
                    label: format!(
                        "{} Savings Plan, {}, {}",
                        plan.name(),
                        term.name(),
                        payment.name()
                    ),
                    kind: OptionKind::SavingsPlan,
                    offering_class: None,
                    plan: Some(plan),
                    term: Some(term),
                    payment: Some(payment),
                };
                if !ctx.wants(&base.id) {
                    continue;
                }
                let charges = match ctx.tables.savings_plan_rate(&it.name, plan, term, payment) {
                    Some((t, rate)) => {
                        used.push(&t.as_of);
                        // The published rate is effective: split it as AWS bills it.
                        let hours_in_term = Decimal::from(term.years() * 8760);
                        let (upfront, hourly) = match payment {
                            Payment::NoUpfront => (Decimal::ZERO, rate),
                            Payment::PartialUpfront => {
                                (rate * hours_in_term / Decimal::TWO, rate / Decimal::TWO)
                            }
                            Payment::AllUpfront => (rate * hours_in_term, Decimal::ZERO),
                        };
                        let src = ctx.src(
                            (&t.as_of, &t.source),
                            format!(
                                "savings_plans {} {} {} {}",
                                it.name,
                                plan.code(),
                                term.code(),
                                payment.code()
                            ),
                        );
                        let units = Units::instances(ctx.spec.count);
                        Ok(ctx.commitment(&units, term, upfront, hourly, "Savings Plan", src))
                    }
                    None => Err(ctx.no_rate(&format!(
                        "{} {} Savings Plan ({}, {})",
                        article(plan.name()),
                        plan.name(),
                        term.name(),
                        payment.name()
                    ))),
                };
                options.push(build(ctx, base, charges));
            }
        }
    }
}
