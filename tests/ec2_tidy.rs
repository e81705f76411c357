//! `awscost import-tidy` on small files in each tidy format it reads: rows taken from the
//! public price files the bundled table is built from (see the README, "How pricing/ec2.json is
//! made"), a base table that holds what they do not cover, and SkyPilot's `vms.csv` columns.

use awscost::ec2::{
    lookup, Ec2Pricing, OfferingClass, Payment, PlanType, ReservedPrice, SplitPrice, Term,
};
use awscost::ec2_tidy::{import_tidy, TidyInputs};
use awscost::pricing::Table;
use awscost::Region;

mod common;
use common::d;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tidy");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

fn run(with_vms: bool) -> Ec2Pricing {
    let inputs = TidyInputs {
        catalog: read("catalog_ec2_3regions.csv"),
        pricesim: vec![read("pricesim_a.csv"), read("pricesim_b.csv")],
        all_upfront_fees: vec![read("derived_std-ri-all-upfront-fees.csv")],
        partial_upfront_split: Some(read("derived_partial-upfront-split.csv")),
        infracost: Some(read("infracost-goldens.csv")),
        skypilot_vms: with_vms.then(|| read("skypilot_vms.csv")),
        skypilot_as_of: "2026-11-22".into(),
    };
    let base: Ec2Pricing =
        awscost::pricing::parse(awscost::ec2::PRICING_FILE, &read("base_ec2.json")).unwrap();
    import_tidy(&inputs, &base).unwrap().0
}

fn split(upfront: &str, hourly: &str) -> ReservedPrice {
    ReservedPrice::Split(SplitPrice {
        upfront: d(upfront),
        hourly: d(hourly),
    })
}

#[test]
fn builds_every_table_from_its_rows() {
    let p = run(true);
    // The catalog: the types of every region, with specs.
    let names: Vec<&str> = p
        .instance_types
        .types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["t3.medium", "m5.large", "m8g.large"]);
    assert_eq!(p.instance(names[1]).unwrap().network, "Up to 10 Gigabit");
    let us = p.region(Region::UsEast1).unwrap();
    let ap = p.region(Region::ApSouth1).unwrap();
    // On-Demand: ec2.shop, and Vantage for the type ec2.shop's copy predates (ap-south-1 m8g).
    assert_eq!(us.on_demand("m5.large").unwrap().1, Some(d("0.096")));
    let (t, r) = ap.on_demand("m8g.large").unwrap();
    assert_eq!(r, Some(d("0.06416")));
    assert!(t.source.contains("jariwala"));
    assert!(!p.region(Region::EuWest1).unwrap().offers("m8g.large"));
    // Reserved Instances: No Upfront from the catalog, All Upfront fees derived, Partial
    // Upfront as an effective rate, or split where the split file has the type.
    let ri = |t: &str, c, term, pay| us.reserved_offer(t, c, term, pay).map(|(_, p)| p);
    let std = OfferingClass::Standard;
    assert_eq!(
        ri("m5.large", std, Term::OneYear, Payment::NoUpfront),
        Some(split("0", "0.06"))
    );
    assert_eq!(
        ri("m5.large", std, Term::ThreeYears, Payment::AllUpfront),
        Some(split("949", "0"))
    );
    assert!(matches!(
        ri("m5.large", std, Term::OneYear, Payment::PartialUpfront),
        Some(ReservedPrice::Effective(e)) if e.effective_hourly == d("0.0577671")
    ));
    assert_eq!(
        ri("t3.medium", std, Term::OneYear, Payment::PartialUpfront),
        Some(split("109", "0.0124"))
    );
    // The base table's Convertible All Upfront row (Price List 2020) is kept: nothing covers it.
    let conv = ri(
        "m5.large",
        OfferingClass::Convertible,
        Term::OneYear,
        Payment::AllUpfront,
    );
    assert_eq!(conv, Some(split("577", "0")));
    // No Reserved Instance rate for ap-south-1 m8g in the 2025 copy.
    assert!(ap
        .reserved_offer("m8g.large", std, Term::OneYear, Payment::NoUpfront)
        .is_none());
    // Compute Savings Plans, us-east-1 only.
    let sp = us.savings_plan_rate(
        "m5.large",
        PlanType::Compute,
        Term::ThreeYears,
        Payment::AllUpfront,
    );
    assert_eq!(sp.map(|s| s.1), Some(d("0.044")));
    assert!(ap
        .savings_plan_rate(
            "m5.large",
            PlanType::Compute,
            Term::OneYear,
            Payment::NoUpfront
        )
        .is_none());
    // Spot: the catalog's range for t3.medium; SkyPilot's rows for m5.large; Vantage's average
    // where neither has one.
    let range = |r: &awscost::ec2::RegionTables, t: &str| {
        lookup(&r.spot, t).map(|(_, s)| (s.low, s.high, s.azs))
    };
    assert_eq!(range(us, "m5.large"), Some((d("0.0291"), d("0.0373"), 5)));
    assert_eq!(
        range(p.region(Region::EuWest1).unwrap(), "m5.large").map(|r| r.2),
        Some(3)
    );
    assert_eq!(range(ap, "m5.large"), None);
    assert_eq!(
        lookup(&ap.spot_average, "m5.large").map(|(_, v)| *v),
        Some(Some(d("0.0362")))
    );
    // Dedicated: the host rate of the family, its All Upfront fee derived (2.980479 × 8,760 h
    // = 26,108.996 → $26,109), Infracost's No Upfront host and Dedicated Instance rates.
    assert_eq!(
        lookup(&us.dedicated_host, "m5").map(|(_, v)| *v),
        Some(Some(d("5.069")))
    );
    assert_eq!(
        us.host_reservation("m5", Term::OneYear, Payment::AllUpfront)
            .map(|h| h.1),
        Some(split("26109", "0"))
    );
    assert_eq!(
        us.host_reservation("m5", Term::OneYear, Payment::NoUpfront)
            .map(|h| h.1),
        Some(split("0", "3.193"))
    );
    assert_eq!(
        lookup(&us.dedicated_instance, "t3.medium").map(|(_, v)| *v),
        Some(Some(d("0.0441")))
    );
    // m3.medium is not in the catalog, so its Dedicated Instance rate is not taken.
    assert!(lookup(&us.dedicated_instance, "m3.medium").is_none());
    // What the inputs do not cover comes from the base table.
    assert_eq!(
        p.instance_types.free_tier,
        awscost::pricing::parse::<Ec2Pricing>(awscost::ec2::PRICING_FILE, &read("base_ec2.json"))
            .unwrap()
            .instance_types
            .free_tier
    );
    assert_eq!(p.dedicated_hosts.len(), 1);
}

#[test]
fn every_table_cites_its_source_and_date() {
    let p = run(false);
    let again = Ec2Pricing::load(&p.to_json()).unwrap();
    assert_eq!(again, p);
    let us = p.region(Region::UsEast1).unwrap();
    assert!(us.on_demand[0]
        .source
        .starts_with("https://github.com/yeo/ec2.shop/blob/73696e38"));
    assert_eq!(us.on_demand[0].as_of, "2025-04-04");
    let au = us
        .reserved
        .iter()
        .find(|t| t.payment == Payment::AllUpfront && t.offering_class == OfferingClass::Standard)
        .unwrap();
    assert!(au.note.as_deref().unwrap().contains("DERIVED"));
    // Without SkyPilot's file, m5.large has no range in us-east-1 and falls back to the average.
    assert!(lookup(&us.spot, "m5.large").is_none());
    assert!(lookup(&us.spot_average, "m5.large").is_some());
}

#[test]
fn a_bad_cell_is_named() {
    let mut inputs = TidyInputs {
        catalog: read("catalog_ec2_3regions.csv").replace(",0.096,", ",cheap,"),
        ..TidyInputs::default()
    };
    inputs.skypilot_as_of = "2026-11-22".into();
    let base: Ec2Pricing =
        awscost::pricing::parse(awscost::ec2::PRICING_FILE, &read("base_ec2.json")).unwrap();
    let e = import_tidy(&inputs, &base).unwrap_err().to_string();
    assert!(e.contains("on_demand \"cheap\" is not a number"), "{e}");
}
