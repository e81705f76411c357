//! Invariants of the EC2 comparison over every catalog type, region and usage.

use awscost::ec2::{compare, Ec2Workload, PeakPricing};
use awscost::Region;
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::d;

fn pricing() -> &'static awscost::ec2::Ec2Pricing {
    &common::catalog().ec2
}

/// The catalog types the region offers.
fn types(region: Region) -> Vec<String> {
    let tables = pricing().region(region).unwrap();
    pricing()
        .instance_types
        .types
        .iter()
        .filter(|t| tables.offers(&t.name))
        .map(|t| t.name.clone())
        .collect()
}

fn workload() -> impl Strategy<Value = (Region, Ec2Workload)> {
    (
        0..3usize,
        0..1000usize,
        1u32..50,
        0u32..=744_000,
        prop::bool::ANY,
        prop::bool::ANY,
        prop::option::of(0u32..50),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(
            |(r, t, count, milli_h, tolerant, three, base, spot, dedicated)| {
                (
                    Region::ALL[r],
                    Ec2Workload {
                        instance_type: {
                            let names = types(Region::ALL[r]);
                            names[t % names.len()].clone()
                        },
                        count: count.into(),
                        hours_per_month: Some(Decimal::new(i64::from(milli_h), 3)),
                        interruption_tolerant: tolerant,
                        horizon_years: if three { 3 } else { 1 }.into(),
                        needs_dedicated: dedicated,
                        baseline_count: base.map(|b| b.min(count).into()),
                        peak_pricing: if spot {
                            PeakPricing::Spot
                        } else {
                            PeakPricing::OnDemand
                        },
                        ..Ec2Workload::default()
                    },
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_negative((region, w) in workload()) {
        let r = compare(pricing(), region, &w).unwrap();
        for o in &r.options {
            for v in [o.upfront_usd, o.monthly_usd, o.horizon_total_usd].into_iter().flatten() {
                prop_assert!(v.exact() >= Decimal::ZERO, "{} {v}", o.id);
            }
            prop_assert!(o.cumulative_usd.iter().all(|c| c.exact() >= Decimal::ZERO));
            prop_assert!(o.cumulative_usd.windows(2).all(|p| p[0] <= p[1]), "{}", o.id);
            prop_assert_eq!(o.suitable, o.reason.is_none());
        }
        if let Some(m) = &r.mixed {
            prop_assert!(m.horizon_total_usd.exact() >= Decimal::ZERO);
        }
    }

    #[test]
    fn more_hours_never_cheaper_on_demand((region, w) in workload(), extra in 0u32..100_000) {
        let r1 = compare(pricing(), region, &w).unwrap();
        let h = w.hours_per_month.unwrap();
        let more = (h + Decimal::new(i64::from(extra), 3)).min(Decimal::from(744));
        let w2 = Ec2Workload { hours_per_month: Some(more), ..w };
        let r2 = compare(pricing(), region, &w2).unwrap();
        for id in ["on-demand", "spot", "dedicated-instance", "dedicated-host"] {
            let a = r1.options.iter().find(|o| o.id == id).unwrap().horizon_total_usd;
            let b = r2.options.iter().find(|o| o.id == id).unwrap().horizon_total_usd;
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!(a <= b, "{id}: {a} at {h} h > {b} at {more} h");
            }
        }
        // Commitments bill every hour: usage does not change them.
        for (o1, o2) in r1.options.iter().zip(&r2.options) {
            if o1.term.is_some() {
                prop_assert_eq!(o1.horizon_total_usd, o2.horizon_total_usd);
            }
        }
    }

    #[test]
    fn break_even_lies_between_0_and_100_percent((region, w) in workload()) {
        let r = compare(pricing(), region, &w).unwrap();
        for o in &r.options {
            if let Some(u) = o.break_even_utilisation_percent {
                prop_assert!(u >= Decimal::ZERO && u <= Decimal::ONE_HUNDRED, "{} {u}", o.id);
                let h = o.break_even_hours_per_month.unwrap();
                prop_assert!(h >= Decimal::ZERO && h <= Decimal::from(730));
            }
            if let Some(m) = o.break_even_month {
                prop_assert!(m >= 1 && m <= r.horizon_months);
            }
        }
    }

    #[test]
    fn never_panics(
        t in "[a-z0-9.]{0,12}",
        count in -5i64..200_000,
        hours in -10_000i64..10_000_000,
        years in -2i64..6,
        scale in 0u32..6,
        day in prop::option::of(-30i64..300),
        week in prop::option::of(-3i64..10),
        base in prop::option::of(-3i64..300_000),
    ) {
        let w = Ec2Workload {
            instance_type: t,
            count: count.into(),
            hours_per_month: if day.is_some() || week.is_some() { None } else { Some(Decimal::new(hours, scale)) },
            hours_per_day: day.map(|d| Decimal::new(d, 1)),
            days_per_week: week.map(Decimal::from),
            horizon_years: years.into(),
            baseline_count: base.map(Decimal::from),
            ..Ec2Workload::default()
        };
        for region in Region::ALL {
            let _ = compare(pricing(), region, &w);
        }
    }
}

/// Every catalog type prices in every region that offers it, and the bundled rates keep the
/// promises every commitment makes.
#[test]
fn every_catalog_type_in_every_region() {
    let mut priced = 0;
    for region in Region::ALL {
        let offered = types(region);
        for t in &pricing().instance_types.types {
            let w = Ec2Workload {
                instance_type: t.name.clone(),
                hours_per_month: Some(d("730")),
                horizon_years: 3.into(),
                ..Ec2Workload::default()
            };
            let r = compare(pricing(), region, &w);
            if !offered.contains(&t.name) {
                assert!(r.is_err(), "{region} {}", t.name);
                continue;
            }
            let r = r.unwrap();
            priced += 1;
            let get = |id: &str| r.options.iter().find(|o| o.id == id).unwrap();
            let od = get("on-demand").horizon_total_usd.unwrap().exact();
            let hourly = |id: &str| get(id).effective_hourly_usd.map(|h| h.0);
            for o in &r.options {
                // A commitment never costs more than On-Demand at 100 % use.
                if matches!(
                    o.kind,
                    awscost::ec2::OptionKind::Reserved | awscost::ec2::OptionKind::SavingsPlan
                ) {
                    if let Some(total) = o.horizon_total_usd {
                        assert!(total.exact() <= od, "{region} {} {}", t.name, o.id);
                    }
                }
            }
            for prefix in [
                "reserved-standard",
                "reserved-convertible",
                "savings-plan-compute",
            ] {
                for pay in ["no-upfront", "partial-upfront", "all-upfront"] {
                    // 3 years is never dearer per hour than 1 year.
                    if let (Some(one), Some(three)) = (
                        hourly(&format!("{prefix}-1y-{pay}")),
                        hourly(&format!("{prefix}-3y-{pay}")),
                    ) {
                        assert!(three <= one, "{region} {} {prefix} {pay}", t.name);
                    }
                }
                for term in ["1y", "3y"] {
                    // All Upfront is never dearer in total than No Upfront.
                    let total =
                        |pay: &str| get(&format!("{prefix}-{term}-{pay}")).horizon_total_usd;
                    if let (Some(all), Some(no)) = (total("all-upfront"), total("no-upfront")) {
                        assert!(all <= no, "{region} {} {prefix} {term}", t.name);
                    }
                }
            }
        }
    }
    // 166 types in us-east-1 and eu-west-1, 152 in ap-south-1.
    assert_eq!(priced, 166 + 166 + 152);
}
