//! The best savings against On-Demand that the bundled rates reach in the region, for each kind
//! of commitment and for Spot, beside the study notes' "up to" figures.

use super::price::round2;
use super::{
    spot_reference, study_note, BestSaving, Ec2Pricing, OfferingClass, OptionKind, Payment,
    PlanType, RegionTables, ReservedPrice, Term,
};
use rust_decimal::prelude::*;

/// What a commitment saves against On-Demand at 100 % use, in percent: 1 − its effective hourly
/// rate ÷ the On-Demand rate.
fn saving_at_full_use(od: Decimal, effective: Decimal) -> Option<Decimal> {
    (!od.is_zero()).then(|| round2((od - effective) / od * Decimal::ONE_HUNDRED))
}

fn effective_of(term: Term, price: ReservedPrice) -> Decimal {
    match price {
        ReservedPrice::Split(p) => p.upfront / Decimal::from(term.years() * 8760) + p.hourly,
        ReservedPrice::Effective(e) => e.effective_hourly,
    }
}

/// The best saving of each kind for one type: (percent, option id).
fn type_savings(tables: &RegionTables, name: &str) -> [Option<(Decimal, String)>; 3] {
    let Some((_, Some(od))) = tables.on_demand(name) else {
        return [None, None, None];
    };
    let best = |a: Option<(Decimal, String)>, b: Option<(Decimal, String)>| match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    let mut ri = None;
    let mut sp = None;
    for term in Term::ALL {
        for payment in Payment::ALL {
            for class in OfferingClass::ALL {
                if let Some((_, p)) = tables.reserved_offer(name, class, term, payment) {
                    let id = format!(
                        "reserved-{}-{}-{}",
                        class.code(),
                        term.code(),
                        payment.code()
                    );
                    ri = best(
                        ri,
                        saving_at_full_use(od, effective_of(term, p)).map(|s| (s, id)),
                    );
                }
            }
            for plan in PlanType::ALL {
                if let Some((_, r)) = tables.savings_plan_rate(name, plan, term, payment) {
                    let id = format!(
                        "savings-plan-{}-{}-{}",
                        plan.code(),
                        term.code(),
                        payment.code()
                    );
                    sp = best(sp, saving_at_full_use(od, r).map(|s| (s, id)));
                }
            }
        }
    }
    let spot = spot_reference(tables, name).and_then(|s| {
        let low = s.range.map(|r| r.low).unwrap_or(s.rate);
        saving_at_full_use(od, low).map(|p| (p, "spot".to_string()))
    });
    [ri, sp, spot]
}

/// The best saving of each kind in a region: (percent, instance type, option id).
type RegionBest = [Option<(Decimal, String, String)>; 3];

/// Every catalog type's best savings in the region, the best of each kind kept.
fn scan(pricing: &Ec2Pricing, tables: &RegionTables) -> RegionBest {
    let mut region: RegionBest = [None, None, None];
    for t in &pricing.instance_types.types {
        for (slot, v) in region.iter_mut().zip(type_savings(tables, &t.name)) {
            if let Some((p, id)) = v {
                if slot.as_ref().is_none_or(|s| p > s.0) {
                    *slot = Some((p, t.name.clone(), id));
                }
            }
        }
    }
    region
}

/// [`scan`], worked out once per region for the bundled catalog: it depends on the region's
/// rates alone, and looking at every type's two dozen commitments was most of an EC2
/// comparison's time (the panel reprices on every keystroke, ranges several times over).
fn region_best(pricing: &Ec2Pricing, tables: &RegionTables) -> RegionBest {
    use crate::pricing::Region;
    use std::sync::OnceLock;
    static BUNDLED: [OnceLock<RegionBest>; Region::ALL.len()] =
        [const { OnceLock::new() }; Region::ALL.len()];
    let bundled = crate::catalog::ec2().is_ok_and(|b| std::ptr::eq(b, pricing));
    match Region::ALL.iter().position(|&r| r == tables.region) {
        Some(i) if bundled => BUNDLED[i].get_or_init(|| scan(pricing, tables)).clone(),
        _ => scan(pricing, tables),
    }
}

/// The largest savings the bundled rates reach in the region, beside the study notes'.
pub(crate) fn best_savings(
    pricing: &Ec2Pricing,
    tables: &RegionTables,
    chosen: &str,
) -> Vec<BestSaving> {
    let region = region_best(pricing, tables);
    let mine = type_savings(tables, chosen);
    let kinds = [
        (OptionKind::Reserved, "reserved-"),
        (OptionKind::SavingsPlan, "savings-plan-"),
        (OptionKind::Spot, "spot"),
    ];
    kinds
        .into_iter()
        .zip(region)
        .zip(mine)
        .map(|(((kind, id), r), m)| BestSaving {
            kind,
            notes_saving: study_note(id).map(|n| n.saving).unwrap_or(""),
            region_best_percent: r.as_ref().map(|r| r.0),
            region_best_type: r.as_ref().map(|r| r.1.clone()),
            region_best_option: r.map(|r| r.2),
            chosen_type_percent: m.as_ref().map(|m| m.0),
            chosen_type_option: m.map(|m| m.1),
            basis: if kind == OptionKind::Spot {
                "1 − lowest Spot snapshot (or average) ÷ On-Demand rate"
            } else {
                "1 − effective hourly rate (upfront fee ÷ term hours + hourly) ÷ On-Demand rate, at 100 % use"
            },
        })
        .collect()
}
