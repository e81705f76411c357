use super::price::Charges;
use super::*;
use crate::pricing::Table;
use rust_decimal::Decimal;

fn pricing() -> &'static Ec2Pricing {
    crate::bundled_table!(Ec2Pricing, "../../pricing/ec2.json")
}

#[test]
fn bundled_file_is_in_the_importers_layout() {
    let text = include_str!("../../pricing/ec2.json");
    assert_eq!(pricing().to_json(), text);
}

#[test]
fn validation_catches_bad_tables() {
    let mut p = pricing().clone();

    for r in p.regions.iter_mut() {
        for t in r.on_demand.iter_mut() {
            t.rates.remove("t2.nano");
        }
    }
    let us = &mut p.regions[0];
    us.on_demand[0].rates.insert("m9.huge".into(), None);
    let nu = us
        .reserved
        .iter_mut()
        .find(|t| t.payment == Payment::NoUpfront)
        .unwrap();
    if let Some(ReservedPrice::Split(s)) = nu.rates.get("m5.large").copied() {
        // a No Upfront offer with an upfront payment
        nu.rates.insert(
            "m5.large".into(),
            ReservedPrice::Split(SplitPrice {
                upfront: Decimal::ONE,
                ..s
            }),
        );
    }
    us.spot[0].rates.insert(
        "c5.large".into(),
        SpotRange {
            low: Decimal::TWO,
            high: Decimal::ONE,
            azs: 0,
        },
    );
    let dup = us.savings_plans[0].clone();
    us.savings_plans.push(dup);
    p.regions.pop();
    let errs = p.validate().unwrap_err();
    let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
    for want in [
        "t2.nano is in no region's on_demand table",
        "m9.huge is not in the catalog",
        "No Upfront offer has no upfront",
        "at least one Availability Zone",
        "priced by an earlier table of the same option",
        "region ap-south-1 is missing",
    ] {
        assert!(text.iter().any(|t| t.contains(want)), "{want}: {text:?}");
    }
}

#[test]
fn terms_started_counts_renewals() {
    let c = Charges {
        upfront: Decimal::from(252),
        term_months: Some(12),
        monthly: Decimal::ONE,
        lines: vec![],
        hosts: None,
        split: true,
    };
    let started: Vec<u32> = [0, 1, 12, 13, 24, 25, 36]
        .map(|m| c.terms_started(m))
        .to_vec();
    assert_eq!(started, vec![1, 1, 1, 2, 2, 3, 3]);
    assert_eq!(c.cumulative(13), Decimal::from(252 * 2 + 13));
}

#[test]
fn study_notes_match_option_ids() {
    for id in option_ids() {
        assert!(study_note(&id).is_some(), "{id}");
    }
    assert_eq!(study_note("spot").unwrap().saving, "up to 90 %");
    assert_eq!(
        study_note("reserved-convertible-3y-all-upfront")
            .unwrap()
            .saving,
        "up to 72 %"
    );
}

#[test]
fn hourly_rates_show_four_decimals() {
    let s = serde_json::to_string(&HourlyUsd(Decimal::new(36111, 6))).unwrap();
    assert_eq!(s, "\"0.0361\"");
    let s = serde_json::to_string(&HourlyUsd(Decimal::new(96, 3))).unwrap();
    assert_eq!(s, "\"0.0960\"");
}

#[test]
fn a_two_year_horizon_is_refused() {
    let w = Ec2Workload {
        horizon_years: Decimal::TWO,
        ..Ec2Workload::default()
    };
    let e = w.validate().unwrap_err();
    assert_eq!(e[0].field, "ec2.horizon_years");
    assert!(e[0].message().contains("\"2\" is not one of: 1, 3"));
    let w = Ec2Workload {
        hours_per_month: Some(Decimal::from(100)),
        hours_per_day: Some(Decimal::from(8)),
        ..Ec2Workload::default()
    };
    assert_eq!(w.validate().unwrap_err()[0].field, "ec2.hours_per_day");
}
