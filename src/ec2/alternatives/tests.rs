//! Cheaper alternatives, worked by hand from `pricing/ec2.json` (us-east-1 On-Demand table,
//! as of 2025-04-04), and the invariants over every type and option.

use super::*;
use crate::ec2::{Ec2Pricing, Ec2Workload};
use proptest::prelude::*;

fn pricing() -> &'static Ec2Pricing {
    crate::catalog::ec2().expect("bundled EC2 pricing")
}

fn workload(t: &str) -> Ec2Workload {
    Ec2Workload {
        instance_type: t.into(),
        ..Ec2Workload::default()
    }
}

fn ask(arch: ArchitectureScope, option: &str) -> AlternativesAsk {
    AlternativesAsk {
        architecture: arch,
        option: option.into(),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn names(a: &Alternatives, rel: Relation) -> Vec<&str> {
    a.rows
        .iter()
        .filter(|r| r.relation == rel)
        .map(|r| r.instance_type.as_str())
        .collect()
}

/// m5.large (2 vCPU, 8 GiB, x86_64) On-Demand $0.096 an hour. The x86_64 types with at least
/// 2 vCPU and 8 GiB that cost less: t3a.large $0.0752, t3.large $0.0832, t2.large $0.0928
/// (rows `on_demand` us-east-1). 1 instance × 730 h: m5.large $70.08, t3a.large
/// 0.0752 × 730 = $54.896 → −$15.184 = −15.184 ÷ 70.08 = −21.67 %.
#[test]
fn m5_large_on_demand_same_architecture() {
    let a = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.large"),
        &ask(ArchitectureScope::Same, "on-demand"),
    )
    .unwrap();
    assert_eq!(a.chosen.monthly_usd, Some(Usd(d("70.08"))));
    assert_eq!(
        names(&a, Relation::CheaperFit),
        ["t3a.large", "t3.large", "t2.large"]
    );
    let t3a = a
        .rows
        .iter()
        .find(|r| r.instance_type == "t3a.large")
        .unwrap();
    assert_eq!(t3a.relation, Relation::CheaperFit);
    assert_eq!(t3a.hourly_usd, Some(HourlyUsd(d("0.0752"))));
    assert_eq!(t3a.monthly_usd, Some(Usd(d("54.896"))));
    assert_eq!(t3a.difference_usd, Some(Usd(d("-15.184"))));
    assert_eq!(t3a.difference_percent, Some(d("-21.67")));
    assert_eq!(
        (t3a.vcpu_difference, t3a.memory_gib_difference),
        (0, d("0"))
    );
    // 0.0752 ÷ 2 vCPU = 0.0376; ÷ 8 GiB = 0.0094.
    assert_eq!(t3a.usd_per_vcpu_hour, Some(d("0.0376")));
    assert_eq!(t3a.usd_per_gib_hour, Some(d("0.0094")));
    let src = t3a.source.as_ref().unwrap();
    assert_eq!(src.row, "us-east-1 on_demand t3a.large");
    assert_eq!(src.as_of, "2025-04-04");
    // The m5 family has no size below large: the nearest smaller is the x86_64 type with the
    // most vCPUs (2), then memory (4 GiB), then the lowest On-Demand rate: t3a.medium $0.0376
    // (t3.medium $0.0416, t2.medium $0.0464). The next m5 size up is m5.xlarge, $0.192.
    assert_eq!(a.nearest_larger.as_deref(), Some("m5.xlarge"));
    assert_eq!(a.nearest_smaller.as_deref(), Some("t3a.medium"));
    let order: Vec<&str> = a.rows.iter().map(|r| r.instance_type.as_str()).collect();
    // Cheapest first: t3a.medium 0.0376, t3a.large, t3.large, t2.large, m5.xlarge 0.192.
    assert_eq!(
        order,
        [
            "t3a.medium",
            "t3a.large",
            "t3.large",
            "t2.large",
            "m5.xlarge"
        ]
    );
    assert_eq!(a.rows[4].relation, Relation::NearestLarger);
    // 0.192 × 730 = 140.16, +70.08 = +100 %.
    assert_eq!(a.rows[4].difference_percent, Some(d("100.00")));
    assert_eq!(a.no_rate_count, 0);
}

/// With `any`, the arm64 types join: t4g.large $0.0672, m6g.large $0.077, m7g.large $0.0816,
/// m8g.large $0.08976 (all 2 vCPU, 8 GiB).
#[test]
fn m5_large_on_demand_any_architecture() {
    let a = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.large"),
        &ask(ArchitectureScope::Any, "on-demand"),
    )
    .unwrap();
    assert_eq!(
        names(&a, Relation::CheaperFit),
        [
            "t4g.large",
            "t3a.large",
            "m6g.large",
            "m7g.large",
            "t3.large",
            "m8g.large",
            "t2.large"
        ]
    );
    let m6g = a
        .rows
        .iter()
        .find(|r| r.instance_type == "m6g.large")
        .unwrap();
    // 0.077 × 730 = 56.21; 56.21 − 70.08 = −13.87 = −19.79 %.
    assert_eq!(m6g.monthly_usd, Some(Usd(d("56.21"))));
    assert_eq!(m6g.difference_percent, Some(d("-19.79")));
    assert_eq!(m6g.architecture, Architecture::Arm64);
}

/// The same family's next size down: m5.xlarge's nearest smaller is m5.large, larger m5.2xlarge.
#[test]
fn nearest_in_the_family_first() {
    let a = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.xlarge"),
        &AlternativesAsk::default(),
    )
    .unwrap();
    assert_eq!(a.nearest_smaller.as_deref(), Some("m5.large"));
    assert_eq!(a.nearest_larger.as_deref(), Some("m5.2xlarge"));
}

/// Compute Savings Plans 1-year No Upfront have no bundled rate for m7i.8xlarge, r5.8xlarge,
/// r5.12xlarge and r5.16xlarge in us-east-1: they fit m5.large but are named, not listed.
#[test]
fn types_without_a_rate_are_named_not_listed() {
    let a = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.large"),
        &ask(ArchitectureScope::Any, "savings-plan-compute-1y-no-upfront"),
    )
    .unwrap();
    assert_eq!(a.no_rate_count, 4);
    assert_eq!(
        a.no_rate,
        ["m7i.8xlarge", "r5.8xlarge", "r5.12xlarge", "r5.16xlarge"]
    );
    assert!(a.rows.iter().all(|r| !a.no_rate.contains(&r.instance_type)));
    assert!(a.option_label.contains("Savings Plan"));
}

#[test]
fn an_unknown_option_names_the_field_and_what_is_accepted() {
    let e = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.large"),
        &ask(ArchitectureScope::Same, "reserved-forever"),
    )
    .unwrap_err();
    assert_eq!(e[0].field, "alternatives.option");
    assert!(e[0].message().contains("reserved-standard-3y-all-upfront"));
}

#[test]
fn a_bad_workload_is_named_as_in_compare() {
    let e = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.huge"),
        &AlternativesAsk::default(),
    )
    .unwrap_err();
    assert_eq!(e[0].field, "ec2.instance_type");
}

/// Rates under a commitment are effective hourly rates, the same as the comparison's option.
#[test]
fn commitment_rates_match_the_comparison() {
    let id = "reserved-standard-3y-all-upfront";
    let a = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.large"),
        &ask(ArchitectureScope::Any, id),
    )
    .unwrap();
    assert!(!a.rows.is_empty());
    for r in a.rows.iter().chain([&a.chosen]) {
        let c =
            crate::ec2::compare(pricing(), Region::UsEast1, &workload(&r.instance_type)).unwrap();
        let o = c.options.iter().find(|o| o.id == id).unwrap();
        assert_eq!(r.hourly_usd, o.effective_hourly_usd, "{}", r.instance_type);
        assert_eq!(
            r.monthly_usd, o.amortised_monthly_usd,
            "{}",
            r.instance_type
        );
    }
}

/// Spot for a workload that does not tolerate interruption: rates compared, the reason kept.
#[test]
fn an_unsuitable_option_is_compared_and_says_why() {
    let a = alternatives(
        pricing(),
        Region::UsEast1,
        &workload("m5.large"),
        &ask(ArchitectureScope::Same, "spot"),
    )
    .unwrap();
    // m5.large Spot: the highest of 5 AZ snapshots, $0.0373.
    assert_eq!(a.chosen.hourly_usd, Some(HourlyUsd(d("0.0373"))));
    assert!(a
        .chosen
        .reason
        .as_deref()
        .unwrap()
        .contains("2-minute warning"));
    assert!(a
        .rows
        .iter()
        .all(|r| r.relation != Relation::CheaperFit || r.hourly_usd < a.chosen.hourly_usd));
}

/// Pricing every fitting type stays within a few milliseconds (native, release or debug).
#[test]
fn timing() {
    let w = workload("t3.nano");
    let started = std::time::Instant::now();
    let runs = 20u32;
    for _ in 0..runs {
        let a = alternatives(
            pricing(),
            Region::UsEast1,
            &w,
            &ask(
                ArchitectureScope::Any,
                "reserved-standard-3y-partial-upfront",
            ),
        )
        .unwrap();
        assert!(!a.rows.is_empty());
    }
    let each = started.elapsed() / runs;
    println!(
        "alternatives over the whole catalog (t3.nano, any architecture, 3-year RI): {each:?} each"
    );
    assert!(each < std::time::Duration::from_millis(100), "{each:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// A cheaper fit never costs more than the chosen type and is never smaller; with `same`,
    /// it has the chosen type's architecture.
    #[test]
    fn cheaper_fits_are_cheaper_and_fit(
        t in 0..166usize,
        o in 0..40usize,
        any in prop::bool::ANY,
        hours in 0u32..=744,
        count in 1u32..20,
        r in 0..Region::ALL.len(),
    ) {
        let p = pricing();
        let region = Region::ALL[r];
        let it = &p.instance_types.types[t % p.instance_types.types.len()];
        let ids = option_ids();
        let id = &ids[o % ids.len()];
        let w = Ec2Workload {
            instance_type: it.name.clone(),
            count: Decimal::from(count),
            hours_per_month: Some(Decimal::from(hours)),
            ..Ec2Workload::default()
        };
        let scope = if any { ArchitectureScope::Any } else { ArchitectureScope::Same };
        let Ok(a) = alternatives(p, region, &w, &ask(scope, id)) else {
            return Ok(());
        };
        for r in &a.rows {
            if r.relation == Relation::CheaperFit {
                prop_assert!(r.monthly_usd <= a.chosen.monthly_usd && r.monthly_usd.is_some());
                prop_assert!(r.difference_usd.is_some_and(|d| d.0 <= Decimal::ZERO));
                prop_assert!(r.vcpu >= a.chosen.vcpu && r.memory_gib >= a.chosen.memory_gib);
            }
            if scope == ArchitectureScope::Same {
                prop_assert_eq!(r.architecture, a.chosen.architecture);
            }
        }
        let monthly: Vec<_> = a.rows.iter().map(|r| r.exact_total).collect();
        let priced: Vec<_> = monthly.iter().flatten().collect();
        prop_assert!(priced.windows(2).all(|w| w[0] <= w[1]));
    }
}
