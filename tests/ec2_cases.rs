//! EC2 purchasing options worked by hand from the public rates the bundled tables cite.
//!
//! Rates used (Linux, shared tenancy unless stated), by the file and row of
//! `shared/pricing-sources/` they come from (`pricing/ec2.json` cites each upstream repository,
//! commit and path):
//! - `catalog_ec2_3regions.csv` (ec2.shop's copy of AWS's pricing-page data, 2025-04-04/05):
//!   row `us-east-1,m5.large`: On-Demand 0.096, Standard No Upfront 1y 0.06 / 3y 0.041,
//!   Convertible No Upfront 1y 0.071 / 3y 0.049; row `eu-west-1,m5.large`: On-Demand 0.107,
//!   Standard 3y No Upfront 0.046; row `ap-south-1,m5.large`: On-Demand 0.101; rows
//!   `*,t3.small`: On-Demand 0.0208 / 0.0228 / 0.0224, Standard 1y No Upfront 0.013 / 0.0144 /
//!   0.0141, Convertible 1y No Upfront 0.015 / 0.0187 / 0.0162, Spot (SkyPilot) highest AZ
//!   0.0072 / 0.0107 / 0.0083; row `ap-south-1,m8g.large`: On-Demand 0.06416 (Vantage), no
//!   Reserved Instance rate; `us-east-1,c5.large`: Dedicated Host (c5 family) 3.366 a host-hour,
//!   1-year All Upfront effective 1.979224 a host-hour.
//! - `derived_std-ri-all-upfront-fees_*.csv`: Standard All Upfront fees m5.large us-east-1 $494
//!   (1y) / $949 (3y), eu-west-1 $1,057 (3y), ap-south-1 $998 (3y); t3.small 1y $107 / $117 /
//!   $115.
//! - `pricesim_us-east-1_*.csv` (2026-09-24): m5.large Standard Partial Upfront effective
//!   0.0577671 (1y); Compute Savings Plans m5.large 3y All Upfront 0.044; t3.small Standard 1y
//!   Partial Upfront effective 0.0123644, Compute Savings Plans 1y No Upfront 0.015, 1y All
//!   Upfront 0.014.
//! - `derived_partial-upfront-split_t3.medium_us-east-1.csv`: t3.medium Standard Partial
//!   Upfront $109 + $0.0124/h (1y), $219 + $0.0083/h (3y).
//! - `infracost-goldens_…csv`: t3.medium Dedicated Instance 0.0441; m5 Dedicated Host
//!   Reservation No Upfront 1y 3.193 a host-hour.
//! - c5 Dedicated Host capacity: 36 c5.large (AWS Price List Dedicated Host record, version
//!   20190920043334).

use awscost::ec2::{compare, option_ids, Ec2Option, Ec2Result, Ec2Workload, PeakPricing};
use awscost::Region;
use rust_decimal::Decimal;

mod common;
use common::d;

fn run(region: Region, w: Ec2Workload) -> Ec2Result {
    compare(&common::catalog().ec2, region, &w).unwrap()
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
        // Effective rate only: 0.0577671 × 730 × 36 = 1,518.119… → 1,518.12; no split
        (
            "reserved-standard-1y-partial-upfront",
            "null",
            "null",
            "1518.12",
            true,
        ),
        // 0.044 × 26,280 h = 1,156.32 upfront, nothing monthly
        (
            "savings-plan-compute-3y-all-upfront",
            "1156.32",
            "0.00",
            "1156.32",
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
    // The effective-only option: utilisation 0.0577671 ÷ 0.096 = 60.17 %, no break-even month.
    let pu = opt(&r, "reserved-standard-1y-partial-upfront");
    assert!(pu.effective_rate_only);
    assert_eq!(pu.break_even_utilisation_percent, Some(d("60.17")));
    assert_eq!(pu.break_even_month, None);
    assert!(pu
        .break_even_month_note
        .as_deref()
        .unwrap()
        .contains("split"));
    assert!(pu.cumulative_usd.is_empty());
    // Every option a month, comparable: 949 ÷ 36 = 26.36.
    assert_eq!(cents(ri.amortised_monthly_usd), "26.36");
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
fn t3_medium_partial_upfront_split() {
    let r = run(Region::UsEast1, work("t3.medium", 1, "730", 3));
    // 1-year: $109 × 3 terms + 0.0124 × 730 = 9.052 a month × 36 = 325.872 → 652.87.
    let o = opt(&r, "reserved-standard-1y-partial-upfront");
    assert!(!o.effective_rate_only);
    assert_eq!(cents(o.upfront_usd), "109.00");
    assert_eq!(cents(o.monthly_usd), "9.05");
    assert_eq!(cents(o.horizon_total_usd), "652.87");
    // 3-year: $219 + 0.0083 × 730 = 6.059 × 36 = 218.124 → 437.12 (the derived file's check).
    let o = opt(&r, "reserved-standard-3y-partial-upfront");
    assert_eq!(cents(o.upfront_usd), "219.00");
    assert_eq!(cents(o.horizon_total_usd), "437.12");
    // Dedicated Instance 0.0441 × 730 = 32.193 → 32.19 a month.
    assert_eq!(cents(opt(&r, "dedicated-instance").monthly_usd), "32.19");
}

#[test]
fn a_small_type_in_each_region() {
    // (region, option, horizon total over 1 year for one t3.small, always on).
    let cases = [
        // 0.0208 × 8,760 h = 182.208
        (Region::UsEast1, "on-demand", "182.21"),
        // 0.013 × 8,760 = 113.88
        (Region::UsEast1, "reserved-standard-1y-no-upfront", "113.88"),
        (
            Region::UsEast1,
            "reserved-standard-1y-all-upfront",
            "107.00",
        ),
        // 0.0123644 × 8,760 = 108.312…
        (
            Region::UsEast1,
            "reserved-standard-1y-partial-upfront",
            "108.31",
        ),
        // 0.015 × 8,760 = 131.40
        (
            Region::UsEast1,
            "reserved-convertible-1y-no-upfront",
            "131.40",
        ),
        (
            Region::UsEast1,
            "savings-plan-compute-1y-no-upfront",
            "131.40",
        ),
        // 0.014 × 8,760 = 122.64
        (
            Region::UsEast1,
            "savings-plan-compute-1y-all-upfront",
            "122.64",
        ),
        // highest AZ 0.0072 × 8,760 = 63.072
        (Region::UsEast1, "spot", "63.07"),
        // 0.0228 × 8,760 = 199.728
        (Region::EuWest1, "on-demand", "199.73"),
        // 0.0144 × 8,760 = 126.144
        (Region::EuWest1, "reserved-standard-1y-no-upfront", "126.14"),
        (
            Region::EuWest1,
            "reserved-standard-1y-all-upfront",
            "117.00",
        ),
        // 0.0187 × 8,760 = 163.812
        (
            Region::EuWest1,
            "reserved-convertible-1y-no-upfront",
            "163.81",
        ),
        // 0.0107 × 8,760 = 93.732
        (Region::EuWest1, "spot", "93.73"),
        // 0.0224 × 8,760 = 196.224
        (Region::ApSouth1, "on-demand", "196.22"),
        // 0.0141 × 8,760 = 123.516
        (
            Region::ApSouth1,
            "reserved-standard-1y-no-upfront",
            "123.52",
        ),
        (
            Region::ApSouth1,
            "reserved-standard-1y-all-upfront",
            "115.00",
        ),
        // 0.0162 × 8,760 = 141.912
        (
            Region::ApSouth1,
            "reserved-convertible-1y-no-upfront",
            "141.91",
        ),
        // 0.0083 × 8,760 = 72.708
        (Region::ApSouth1, "spot", "72.71"),
    ];
    for (region, id, total) in cases {
        let r = run(region, work("t3.small", 1, "730", 1));
        assert_eq!(cents(opt(&r, id).horizon_total_usd), total, "{region} {id}");
    }
    // No Savings Plans rates outside us-east-1, and none for EC2 Instance Savings Plans.
    for region in [Region::EuWest1, Region::ApSouth1] {
        let r = run(region, work("t3.small", 1, "730", 1));
        let sp = opt(&r, "savings-plan-compute-1y-no-upfront");
        assert!(sp
            .reason
            .as_deref()
            .unwrap()
            .starts_with("No public rate bundled"));
        assert!(r.warnings.iter().any(|w| w.code == "no_savings_plan_rates"));
    }
    let r = run(Region::UsEast1, work("t3.small", 1, "730", 1));
    assert_eq!(
        opt(&r, "savings-plan-ec2-instance-1y-no-upfront").horizon_total_usd,
        None
    );
}

#[test]
fn m5_large_three_years_in_europe_and_mumbai() {
    let r = run(Region::EuWest1, work("m5.large", 1, "730", 3));
    // 0.107 × 26,280 = 2,811.96; 3y All Upfront $1,057; 3y No Upfront 0.046 × 26,280 = 1,208.88.
    assert_eq!(cents(opt(&r, "on-demand").horizon_total_usd), "2811.96");
    assert_eq!(
        cents(opt(&r, "reserved-standard-3y-all-upfront").horizon_total_usd),
        "1057.00"
    );
    assert_eq!(
        cents(opt(&r, "reserved-standard-3y-no-upfront").horizon_total_usd),
        "1208.88"
    );
    let r = run(Region::ApSouth1, work("m5.large", 1, "730", 3));
    // 0.101 × 26,280 = 2,654.28; 3y All Upfront $998.
    assert_eq!(cents(opt(&r, "on-demand").horizon_total_usd), "2654.28");
    assert_eq!(
        cents(opt(&r, "reserved-standard-3y-all-upfront").horizon_total_usd),
        "998.00"
    );
    assert_eq!(
        r.cheapest_suitable.as_deref(),
        Some("reserved-standard-3y-all-upfront")
    );
}

#[test]
fn types_a_region_does_not_offer_or_price() {
    let pricing = &common::catalog().ec2;
    let errs = compare(pricing, Region::ApSouth1, &work("m7a.large", 1, "730", 1)).unwrap_err();
    assert_eq!(errs[0].field, "ec2.instance_type");
    assert!(
        errs[0].message().contains("not offered in ap-south-1"),
        "{}",
        errs[0].message()
    );
    // m8g came to ap-south-1 after the 2025 copy: On-Demand 0.06416 × 730 = 46.8368 from
    // Vantage's later data, and no Reserved Instance No Upfront rate.
    let r = run(Region::ApSouth1, work("m8g.large", 1, "730", 1));
    let od = opt(&r, "on-demand");
    assert_eq!(cents(od.monthly_usd), "46.84");
    assert!(od.lines[0].source.url.contains("jariwala"));
    assert!(opt(&r, "reserved-standard-1y-no-upfront")
        .reason
        .as_deref()
        .unwrap()
        .starts_with("No public rate bundled"));
}

#[test]
fn a_three_year_effective_rate_does_not_fit_a_one_year_horizon() {
    let r = run(Region::UsEast1, work("m5.large", 1, "730", 1));
    let o = opt(&r, "reserved-standard-3y-partial-upfront");
    assert_eq!(o.horizon_total_usd, None);
    assert!(
        o.reason
            .as_deref()
            .unwrap()
            .contains("only its effective rate"),
        "{:?}",
        o.reason
    );
}

#[test]
fn the_free_tier_as_taught_and_as_today() {
    let r = run(Region::UsEast1, work("t3.micro", 1, "730", 1));
    let f = r.instance.free_tier.as_ref().unwrap();
    assert!(f.in_study_notes);
    assert!(f.study_notes_terms.contains("750 hours"));
    assert!(f.today_terms.contains("15 July 2025"));
    assert_eq!(
        run(Region::UsEast1, work("m5.large", 1, "730", 1))
            .instance
            .free_tier,
        None
    );
    assert_eq!(r.instance.network, "Up to 5 Gigabit");
}

#[test]
fn what_the_notes_promise_beside_what_the_data_reaches() {
    let r = run(Region::UsEast1, work("m5.large", 1, "730", 3));
    let ri = &r.best_savings[0];
    assert_eq!(ri.notes_saving, "up to 72 %");
    // m5.large: 1 − (949 ÷ 26,280) ÷ 0.096 = 62.38 %.
    assert_eq!(ri.chosen_type_percent, Some(d("62.38")));
    assert_eq!(
        ri.chosen_type_option.as_deref(),
        Some("reserved-standard-3y-all-upfront")
    );
    let best = ri.region_best_percent.unwrap();
    assert!(best >= d("62.38") && best < d("72"), "{best}");
    let sp = &r.best_savings[1];
    // 1 − 0.044 ÷ 0.096 = 54.17 %.
    assert_eq!(sp.chosen_type_percent, Some(d("54.17")));
    let spot = &r.best_savings[2];
    assert_eq!(spot.notes_saving, "up to 90 %");
    assert!(spot.region_best_percent.unwrap() < d("90"));
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
    let mut w = work("t3.small", 1, "730", 1);
    w.interruption_tolerant = true;
    let r = run(Region::UsEast1, w);
    let o = opt(&r, "spot");
    assert!(o.suitable);
    // 0.0072 × 8,760 = 63.072 → 63.07; On-Demand 182.208; saving 119.136 = 65.38 %.
    assert_eq!(cents(o.horizon_total_usd), "63.07");
    assert_eq!(o.saving_percent, Some(d("65.38")));
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == "spot_price_floats")
        .unwrap();
    assert!(
        w.message
            .contains("highest of 5 Availability Zone snapshots"),
        "{}",
        w.message
    );
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
    // eu-west-1 r5.large On-Demand 0.141 × 730 = 102.93
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "102.93");
    let sp = opt(&r, "savings-plan-compute-1y-no-upfront");
    assert!(sp
        .reason
        .as_deref()
        .unwrap()
        .starts_with("No public rate bundled"));
    assert!(r.warnings.iter().any(|w| w.code == "no_savings_plan_rates"));
    // eu-west-1 m5.large On-Demand 0.107 × 730 = 78.11
    let r = run(Region::EuWest1, work("m5.large", 1, "730", 1));
    assert_eq!(cents(opt(&r, "on-demand").monthly_usd), "78.11");
    // eu-west-1 t3.large On-Demand 0.0912 × 730 = 66.576 → 66.58
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
    // 1-year All Upfront host reservation: 1.979224 × 8,760 = 17,338.002 → $17,338 a host.
    let o = opt(&r, "dedicated-host-reservation-1y-all-upfront");
    assert!(o.suitable, "{:?}", o.reason);
    assert_eq!(cents(o.upfront_usd), "34676.00");
    assert!(
        o.lines[0].formula.contains("holds 36 × c5.large"),
        "{}",
        o.lines[0].formula
    );
    // m5 host No Upfront 1y 3.193 a host-hour × 730 = 2,330.89 a month for one host.
    let mut w = work("m5.large", 10, "730", 1);
    w.core_bound_license = true;
    let r = run(Region::UsEast1, w);
    assert_eq!(
        cents(opt(&r, "dedicated-host-reservation-1y-no-upfront").monthly_usd),
        "2330.89"
    );
}

#[test]
fn dedicated_host_capacity_from_aws_in_every_region() {
    // r5: AWS's EC2 User Guide (dedicated-hosts-overview.md at d2899614): an R5 host has 48
    // physical cores and runs at most 2 r5.8xlarge. 3 × r5.8xlarge need 2 hosts; eu-west-1 r5
    // host 7.445 a host-hour (Vantage's `dedicated` key) × 730 × 2 = 10,869.70 a month.
    let mut w = work("r5.8xlarge", 3, "730", 1);
    w.core_bound_license = true;
    let r = run(Region::EuWest1, w);
    let o = opt(&r, "dedicated-host");
    assert!(o.suitable, "{:?}", o.reason);
    let h = o.hosts.as_ref().unwrap();
    assert_eq!((h.instances_per_host, h.hosts_needed), (2, 2));
    assert_eq!(cents(o.monthly_usd), "10869.70");
    // m5.12xlarge: 2 a host (AWS Price List 2019-09-20, instanceCapacity12xlarge); ap-south-1
    // m5 host 5.333 × 730 × 2 hosts for 3 instances = 7,786.18 a month.
    let mut w = work("m5.12xlarge", 3, "730", 1);
    w.core_bound_license = true;
    let r = run(Region::ApSouth1, w);
    let o = opt(&r, "dedicated-host");
    assert_eq!(o.hosts.as_ref().unwrap().hosts_needed, 2);
    assert_eq!(cents(o.monthly_usd), "7786.18");
    // No size capacity stated for r5.large: the per-host rate is known, the host count is not.
    let mut w = work("r5.large", 3, "730", 1);
    w.core_bound_license = true;
    let r = run(Region::UsEast1, w);
    let o = opt(&r, "dedicated-host");
    assert!(o.monthly_usd.is_none());
    assert!(
        o.reason
            .as_deref()
            .unwrap()
            .starts_with("No public Dedicated Host capacity for r5.large is bundled"),
        "{:?}",
        o.reason
    );
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
    // Only dedicated hardware is left: one m5 host, reserved for 3 years All Upfront
    // (Vantage's 1.90586 a host-hour × 26,280 h = $50,086).
    assert_eq!(
        r.cheapest_suitable.as_deref(),
        Some("dedicated-host-reservation-3y-all-upfront")
    );
    assert_eq!(
        cents(opt(&r, "dedicated-host-reservation-3y-all-upfront").horizon_total_usd),
        "50086.00"
    );
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
    // Peak on Spot (highest of the five us-east-1 AZ snapshots in SkyPilot's catalog, 0.0373):
    // 1,898 + 0.0373 × 730 × 36 = 980.244 → 2,878.24
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
    // On-Demand, 12 Reserved, 12 Savings Plans, Spot, Dedicated Instance and Host, 6 Dedicated
    // Host Reservations, Capacity Reservation.
    assert_eq!(ids.len(), 35);
    assert_eq!(ids[1], "reserved-standard-1y-no-upfront");
    assert_eq!(ids[24], "savings-plan-ec2-instance-3y-all-upfront");
    assert_eq!(ids[28], "dedicated-host-reservation-1y-no-upfront");
    assert_eq!(ids[34], "capacity-reservation");
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
    let pricing = &common::catalog().ec2;
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
        errs[0].message().contains("t3.2xlarge"),
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
