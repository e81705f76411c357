//! EC2 purchasing options worked by hand from AWS's published rates.
//!
//! Rates used (all Linux, shared tenancy, us-east-1 unless stated):
//! - On-Demand m5.large $0.096, c5.xlarge $0.17, c5.large $0.085: AWS Price List, as generated
//!   into Karpenter's table on 2026-01-19 (the same figures as <https://aws.amazon.com/ec2/pricing/on-demand/>).
//! - m5.large Reserved Instances: Price List version 20200709223013, SKU 6C86BEPQVG73ZGGR
//!   (Standard 3y All Upfront $949; Standard 1y Partial Upfront $252 + $0.029/h; Standard 1y No
//!   Upfront $0.06/h).
//! - c5.xlarge Reserved Instances: Price List version 20200618221809, SKU 35AEEWH98DECPC35
//!   (Standard 3y Partial Upfront $867 + $0.033/h).
//! - Spot m5.large: highest of the five us-east-1 AZ snapshots in the SkyPilot AWS catalog, $0.0373.
//! - c5 Dedicated Host $3.366/h (Infracost's us-east-1 golden, $2,457.18 for 730 h) holding 36
//!   c5.large (Price List Dedicated Host record, version 20190920043334).

use awscost::ec2::{compare, option_ids, Ec2Option, Ec2Result, Ec2Workload, PeakPricing};
use awscost::Region;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn run(region: Region, w: Ec2Workload) -> Ec2Result {
    compare(&awscost::pricing::catalog().unwrap().ec2, region, &w).unwrap()
}

fn work(t: &str, count: u32, hours: &str, years: u32) -> Ec2Workload {
    Ec2Workload {
        instance_type: t.into(),
        count: count.into(),
        hours_per_month: Some(d(hours)),
        horizon_years: years.into(),
        ..Ec2Workload::default()
    }
}

fn opt<'a>(r: &'a Ec2Result, id: &str) -> &'a Ec2Option {
    r.options.iter().find(|o| o.id == id).unwrap()
}

fn cents(u: Option<awscost::Usd>) -> String {
    u.map(|u| u.cents().to_string())
        .unwrap_or_else(|| "null".into())
}

/// (id, upfront, monthly, horizon total, suitable) for one m5.large, always on, 3 years.
#[test]
fn m5_large_always_on_three_years() {
    let r = run(Region::UsEast1, work("m5.large", 1, "730", 3));
    let cases = [
        // 0.096 × 730 = 70.08 a month; × 36 = 2,522.88
        ("on-demand", "0.00", "70.08", "2522.88", true),
        // 949 once; nothing monthly
        (
            "reserved-standard-3y-all-upfront",
            "949.00",
            "0.00",
            "949.00",
            true,
        ),
        // 252 × 3 terms + 0.029 × 730 = 21.17 × 36 = 762.12 → 1,518.12
        (
            "reserved-standard-1y-partial-upfront",
            "252.00",
            "21.17",
            "1518.12",
            true,
        ),
        // 0.06 × 730 = 43.80 × 36 = 1,576.80
        (
            "reserved-standard-1y-no-upfront",
            "0.00",
            "43.80",
            "1576.80",
            true,
        ),
        // Capacity Reservation: the On-Demand rate for every hour
        ("capacity-reservation", "0.00", "70.08", "2522.88", true),
        // Spot 0.0373 × 730 = 27.229 → 27.23; × 36 = 980.244 → 980.24; not interruption-tolerant
        ("spot", "0.00", "27.23", "980.24", false),
    ];
    for (id, up, monthly, total, suitable) in cases {
        let o = opt(&r, id);
        assert_eq!(
            (
                cents(o.upfront_usd),
                cents(o.monthly_usd),
                cents(o.horizon_total_usd),
                o.suitable
            ),
            (
                up.to_string(),
                monthly.to_string(),
                total.to_string(),
                suitable
            ),
            "{id}"
        );
    }
    let ri = opt(&r, "reserved-standard-3y-all-upfront");
    // Saving 2,522.88 − 949 = 1,573.88 = 62.38 % of On-Demand.
    assert_eq!(cents(ri.saving_usd), "1573.88");
    assert_eq!(ri.saving_percent, Some(d("62.38")));
    // 949 ÷ 36 months = 26.3611 a month ÷ 0.096 = 274.59 h (37.62 % of 730 h).
    assert_eq!(ri.break_even_hours_per_month, Some(d("274.59")));
    assert_eq!(ri.break_even_utilisation_percent, Some(d("37.62")));
    // On-Demand passes 949 in month 14 (13 × 70.08 = 911.04; 14 × 70.08 = 981.12).
    assert_eq!(ri.break_even_month, Some(14));
    assert_eq!(ri.cumulative_usd.len(), 37);
    assert_eq!(ri.cumulative_usd[0].cents(), d("949.00"));
    // Effective hourly: 949 ÷ 26,280 h = 0.03611…
    assert_eq!(
        serde_json::to_value(ri.effective_hourly_usd).unwrap(),
        serde_json::json!("0.0361")
    );
    assert_eq!(
        r.cheapest_suitable.as_deref(),
        Some("reserved-standard-3y-all-upfront")
    );
    assert!(opt(&r, "spot")
        .reason
        .as_deref()
        .unwrap()
        .contains("2-minute warning"));
}

#[test]
fn lines_add_up_to_the_horizon_total() {
    let r = run(Region::UsEast1, work("c5.xlarge", 3, "500.5", 3));
    for o in r.options.iter().filter(|o| o.horizon_total_usd.is_some()) {
        let sum: Decimal = o.lines.iter().map(|l| l.exact_usd).sum();
        assert_eq!(
            Some(sum),
            o.horizon_total_usd.map(|u| u.exact()),
            "{}",
            o.id
        );
        for l in &o.lines {
            assert_eq!(l.exact_usd, l.quantity * l.rate, "{}", o.id);
            assert_eq!(l.source.table, "pricing/ec2.json");
        }
    }
}

#[test]
fn c5_xlarge_standard_three_year_partial() {
    let r = run(Region::UsEast1, work("c5.xlarge", 1, "730", 3));
    // On-Demand 0.17 × 730 = 124.10 a month, 4,467.60 over 36 months.
    assert_eq!(cents(opt(&r, "on-demand").horizon_total_usd), "4467.60");
    let o = opt(&r, "reserved-standard-3y-partial-upfront");
    // 867 + 0.033 × 730 = 24.09 × 36 = 867.24 → 1,734.24
    assert_eq!(cents(o.upfront_usd), "867.00");
    assert_eq!(cents(o.monthly_usd), "24.09");
    assert_eq!(cents(o.horizon_total_usd), "1734.24");
}

#[test]
fn a_three_year_term_does_not_fit_a_one_year_horizon() {
    let r = run(Region::UsEast1, work("m5.large", 1, "730", 1));
    let o = opt(&r, "reserved-convertible-3y-no-upfront");
    assert!(!o.suitable);
    let reason = o.reason.as_deref().unwrap();
    assert!(
        reason.contains("longer than the 1-year horizon"),
        "{reason}"
    );
    // 0.049 × 730 = 35.77 a month for the 24 months past the horizon = 858.48.
    assert!(reason.contains("$858.48"), "{reason}");
    assert!(opt(&r, "reserved-convertible-1y-no-upfront").suitable);
    assert_eq!(opt(&r, "on-demand").cumulative_usd.len(), 13);
}

#[test]
fn a_commitment_larger_than_the_usage_is_unsuitable() {
    // 200 h a month: On-Demand 0.096 × 200 = 19.20 a month.
    let r = run(Region::UsEast1, work("m5.large", 1, "200", 3));
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "19.20");
    let o = opt(&r, "reserved-standard-3y-all-upfront");
    assert!(!o.suitable);
    assert!(
        o.reason.as_deref().unwrap().contains("274.59 h a month"),
        "{:?}",
        o.reason
    );
    // The 1-year No Upfront rate (0.06 × 730 = 43.80) beats On-Demand only above 456.25 h.
    assert_eq!(
        opt(&r, "reserved-standard-1y-no-upfront").break_even_hours_per_month,
        Some(d("456.25"))
    );
}

#[test]
fn spot_is_fine_for_interruption_tolerant_work() {
    let mut w = work("m5.large", 1, "730", 1);
    w.interruption_tolerant = true;
    let r = run(Region::UsEast1, w);
    let o = opt(&r, "spot");
    assert!(o.suitable);
    // 0.0373 × 730 × 12 = 326.748 → 326.75; On-Demand 840.96; saving 514.21 = 61.15 %.
    assert_eq!(cents(o.horizon_total_usd), "326.75");
    assert_eq!(o.saving_percent, Some(d("61.15")));
    assert!(r.warnings.iter().any(|w| w.code == "spot_price_floats"));
}

#[test]
fn unsourced_rates_say_so() {
    let r = run(Region::EuWest1, work("r5.large", 1, "730", 1));
    let o = opt(&r, "dedicated-instance");
    assert!(!o.suitable);
    assert_eq!(o.monthly_usd, None);
    assert_eq!(
        o.reason.as_deref(),
        Some("No public rate bundled for a Dedicated Instance for r5.large in eu-west-1; import AWS's Price List file (awscost import-ec2) to add it.")
    );
    // eu-west-1 r5.large On-Demand 0.141 (SkyPilot catalog row
    // "r5.large,,,2.0,16.0,,0.141,0.062800,eu-west-1,euw1-az1") × 730 = 102.93
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "102.93");
    let sp = opt(&r, "savings-plan-compute-1y-no-upfront");
    assert!(sp
        .reason
        .as_deref()
        .unwrap()
        .starts_with("No public rate bundled"));
    assert!(r.warnings.iter().any(|w| w.code == "no_commitment_rates"));
    // eu-west-1 m5.large On-Demand 0.107 (SkyPilot catalog) × 730 = 78.11
    let r = run(Region::EuWest1, work("m5.large", 1, "730", 1));
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "78.11");
    // eu-west-1 t3.large On-Demand 0.0912 (SkyPilot catalog row
    // "t3.large,,,2.0,8.0,,0.0912,...,eu-west-1") × 730 = 66.576 → 66.58
    let r = run(Region::EuWest1, work("t3.large", 1, "730", 1));
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "66.58");
}

#[test]
fn dedicated_host_counts_hosts() {
    // 40 c5.large need 2 hosts of 36: 3.366 × 730 × 2 = 4,914.36 a month.
    let mut w = work("c5.large", 40, "730", 1);
    w.core_bound_license = true;
    let r = run(Region::UsEast1, w);
    let o = opt(&r, "dedicated-host");
    assert!(o.suitable, "{:?}", o.reason);
    assert_eq!(cents(o.monthly_usd), "4914.36");
    let h = o.hosts.as_ref().unwrap();
    assert_eq!(
        (
            h.instances_per_host,
            h.hosts_needed,
            h.physical_cores_per_host
        ),
        (36, 2, 36)
    );
    assert!(opt(&r, "on-demand")
        .reason
        .as_deref()
        .unwrap()
        .contains("Dedicated Host"));
}

#[test]
fn dedicated_hardware_rules_out_shared_tenancy() {
    let mut w = work("m5.large", 1, "730", 3);
    w.needs_dedicated = true;
    let r = run(Region::UsEast1, w);
    for id in [
        "on-demand",
        "reserved-standard-3y-all-upfront",
        "spot",
        "capacity-reservation",
    ] {
        let o = opt(&r, id);
        assert!(
            !o.suitable && o.reason.as_deref().unwrap().contains("shared-tenancy"),
            "{id}"
        );
    }
    assert_eq!(r.cheapest_suitable, None);
}

#[test]
fn mixed_strategy_commits_for_the_baseline() {
    // 2 of 3 m5.large on Standard 3y All Upfront (949 each) + 1 On-Demand for 36 months
    // (2,522.88): 1,898 + 2,522.88 = 4,420.88. All On-Demand: 3 × 2,522.88 = 7,568.64.
    let mut w = work("m5.large", 3, "730", 3);
    w.baseline_count = Some(2.into());
    let r = run(Region::UsEast1, w.clone());
    let m = r.mixed.as_ref().unwrap();
    assert_eq!(m.baseline_option, "reserved-standard-3y-all-upfront");
    assert_eq!((m.baseline_count, m.peak_count), (2, 1));
    assert_eq!(m.horizon_total_usd.cents(), d("4420.88"));
    assert_eq!(m.upfront_usd.cents(), d("1898.00"));
    assert_eq!(m.saving_usd.unwrap().cents(), d("3147.76"));
    assert_eq!(m.cumulative_usd.last().unwrap().cents(), d("4420.88"));
    // Peak on Spot: 1,898 + 0.0373 × 730 × 36 = 980.244 → 2,878.24
    w.peak_pricing = PeakPricing::Spot;
    let r = run(Region::UsEast1, w);
    assert_eq!(
        r.mixed.as_ref().unwrap().horizon_total_usd.cents(),
        d("2878.24")
    );
    assert!(r.warnings.iter().any(|w| w.code == "peak_on_spot"));
}

#[test]
fn a_weekly_schedule_becomes_hours_a_month() {
    // 8 h × 5 days × 730 ÷ 168 = 173.8095… h; × 0.096 = 16.6857… → 16.69 a month.
    let w = Ec2Workload {
        hours_per_day: Some(8.into()),
        days_per_week: Some(5.into()),
        ..Ec2Workload::default()
    };
    let r = run(Region::UsEast1, w);
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "16.69");
}

#[test]
fn every_contract_id_appears_once_in_order() {
    let r = run(Region::ApSouth1, work("m6g.large", 2, "100", 3));
    let ids: Vec<_> = r.options.iter().map(|o| o.id.clone()).collect();
    assert_eq!(ids, option_ids());
    // On-Demand, 12 Reserved, 12 Savings Plans, Spot, Dedicated Instance and Host, Capacity
    // Reservation.
    assert_eq!(ids.len(), 29);
    assert_eq!(ids[1], "reserved-standard-1y-no-upfront");
    assert_eq!(ids[24], "savings-plan-ec2-instance-3y-all-upfront");
    assert_eq!(ids[28], "capacity-reservation");
    // ap-south-1 m6g.large 0.0506 × 100 h × 2 = 10.12 a month.
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "10.12");
    assert!(r.study_notes.iter().any(|n| n.saving == "up to 72 %"));
    assert_eq!(
        opt(&r, "savings-plan-compute-1y-no-upfront").notes_saving,
        "up to 66 % (Compute) / 72 % (EC2 Instance)"
    );
}

#[test]
fn invalid_fields_are_named() {
    let pricing = &awscost::pricing::catalog().unwrap().ec2;
    let mut w = work("t3.4xlarge", 0, "800", 2);
    w.baseline_count = Some(5.into());
    let errs = compare(pricing, Region::UsEast1, &w).unwrap_err();
    let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["ec2.count", "ec2.hours_per_month", "ec2.horizon_years"]
    );
    let mut w = work("m5.large", 3, "730", 3);
    w.baseline_count = Some(4.into());
    let errs = compare(pricing, Region::UsEast1, &w).unwrap_err();
    assert_eq!(errs[0].field, "ec2.baseline_count");
    assert!(
        errs[0].message().contains("part of the instance count"),
        "{}",
        errs[0].message()
    );
    let errs = compare(pricing, Region::UsEast1, &work("t3.4xlarge", 1, "730", 1)).unwrap_err();
    assert_eq!(errs[0].field, "ec2.instance_type");
    assert!(
        errs[0].message().contains("m5.large"),
        "{}",
        errs[0].message()
    );
}

#[test]
fn the_cli_contract_json() {
    let out = awscost::compare_json(
        r#"{"region":"us-east-1","ec2":{"instance_type":"m5.large","count":1,"hours_per_month":730,"interruption_tolerant":false,"horizon_years":3}}"#,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let o = &v["ec2"]["options"][0];
    assert_eq!(o["id"], "on-demand");
    assert_eq!(o["upfront_usd"], "0.00");
    assert_eq!(o["monthly_usd"], "70.08");
    assert_eq!(o["effective_hourly_usd"], "0.0960");
    assert_eq!(o["horizon_total_usd"], "2522.88");
    assert_eq!(o["suitable"], true);
    assert_eq!(o["reason"], serde_json::Value::Null);
    assert!(v["ec2"]["warnings"].is_array());
    assert_eq!(v["pricing_as_of"], "2020-07-09");
}
