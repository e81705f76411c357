use super::model::{Model, US_PER_MONTH};
use super::*;
use crate::lambda::Architecture as LambdaArch;
use crate::testing::d;
use proptest::prelude::*;
use rust_decimal::prelude::*;
use std::cmp::Ordering;

fn lambda_pricing() -> &'static LambdaPricing {
    crate::bundled_table!(LambdaPricing, "../../../pricing/lambda.json")
}

fn ec2_pricing() -> &'static Ec2Pricing {
    crate::bundled_table!(Ec2Pricing, "../../../pricing/ec2.json")
}

fn function(mem: u32, ms: &str, inv: u64) -> LambdaWorkload {
    LambdaWorkload {
        memory_mb: mem.into(),
        duration_ms: d(ms),
        invocations_per_month: inv.into(),
        ..LambdaWorkload::default()
    }
}

fn run(w: &LambdaWorkload, ask: &LambdaToEc2Ask) -> Result<LambdaToEc2, Vec<FieldError>> {
    lambda_to_ec2(lambda_pricing(), ec2_pricing(), Region::UsEast1, w, ask)
}

fn asking(instance_type: &str, option: &str) -> LambdaToEc2Ask {
    LambdaToEc2Ask {
        instance_type: Some(instance_type.into()),
        option: Some(option.into()),
        ..LambdaToEc2Ask::default()
    }
}

/// A model of `w` against `vcpu` instances costing `monthly` each, with no headroom or extra.
fn model(w: &LambdaWorkload, vcpu: u32, monthly: Decimal) -> Model<'static> {
    let lambda = Pricer::new(lambda_pricing(), Region::UsEast1, w).unwrap();
    Model::new(lambda, vcpu, 0, monthly, Decimal::ZERO)
}

/// The search's end for `w`: 1,000 concurrent executions.
fn quota_count(w: &LambdaWorkload) -> u64 {
    let us = u128::from(w.validate().unwrap().duration_us);
    u64::try_from(u128::from(DEFAULT_CONCURRENCY) * US_PER_MONTH / us)
        .unwrap()
        .min(MAX_INVOCATIONS)
}

/// AWS's first Lambda example (512 MB, 1 s, x86_64, free tier) against the default type.
///
/// us-east-1, `pricing/lambda.json`: requests $0.20 per 1M after 1,000,000 free; x86_64 duration
/// tier 1 $0.0000166667 per GB-s after 400,000 free GB-s. Above 1,000,000 invocations (so past
/// both free allowances: 400,000 GB-s are 800,000 invocations of 0.5 GB-s), in tier 1:
/// L(N) = (N − 1,000,000) × $0.0000002 + (N × 0.5 − 400,000) × $0.0000166667
///      = N × $0.00000853335 − $6.86668.
///
/// Default type: the non-burstable x86_64 types with at least 0.5 GiB start at 4 GiB and
/// 2 vCPU (c5/c6i/c7i/c7a.large); c5.large has the lowest On-Demand rate, $0.085 an hour
/// (`pricing/ec2.json`, us-east-1 on_demand, yeo/ec2.shop). Its cheapest suitable option is the
/// 3-year Standard RI All Upfront: $815 upfront (us-east-1 reserved standard 3y all-upfront,
/// Vantage via jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis) ÷ 36 months = $22.6388… a month.
///
/// One instance serves up to 2 vCPU × 2,628,000 s ÷ 1 s = 5,256,000 invocations a month.
/// L(N) > $815 ÷ 36 ⟺ N > ($22.63888… + $6.86668) ÷ $0.00000853335 = 3,457,677.4…, so the
/// crossover is 3,457,678, one instance.
#[test]
fn aws_first_example_against_c5_large_three_year_ri() {
    let r = run(
        &function(512, "1000", 3_000_000),
        &LambdaToEc2Ask::default(),
    )
    .unwrap();
    assert_eq!(r.instance_type, "c5.large");
    assert_eq!(r.option, "reserved-standard-3y-all-upfront");
    assert_eq!(r.instance_monthly_usd.0, d("815") / d("36"));
    // The cheapest suitable option is the cheapest of the choices offered.
    let least = r
        .option_choices
        .iter()
        .map(|o| o.instance_monthly_usd)
        .min();
    assert_eq!(least, Some(r.instance_monthly_usd));
    assert!(r.option_choices.iter().any(|o| o.id == "on-demand"));
    assert!(!r.option_choices.iter().any(|o| o.id == "spot"));
    let c = r.crossover.as_ref().unwrap();
    assert_eq!(c.invocations_per_month, 3_457_678);
    assert_eq!(c.instances, 1);
    assert_eq!(c.cheaper, Cheaper::Ec2);
    // The line's arithmetic by hand, exactly.
    let lambda = |n: i64| Decimal::from(n) * d("0.00000853335") - d("6.86668");
    assert!(lambda(3_457_678) > d("815") / d("36"));
    assert!(lambda(3_457_677) < d("815") / d("36"));
    assert_eq!(c.lambda_monthly_usd.0, lambda(3_457_678));
    // Now: 3,000,000 invocations, Lambda $18.73 (the README's figure) against $22.64.
    assert_eq!(r.now.lambda_monthly_usd.cents(), d("18.73"));
    assert_eq!(r.now.ec2_monthly_usd.cents(), d("22.64"));
    assert_eq!(r.now.cheaper, Cheaper::Lambda);
    // Two instances from 5,256,001: $45.28 a month, which Lambda passes at
    // ($45.27777… + $6.86668) ÷ $0.00000853335 = 6,110,666.4… → 6,110,667, and EC2 stays cheaper
    // from there (Lambda's month per busy vCPU, $22.43, is above the RI's $11.32 per vCPU).
    assert_eq!(r.stays_cheaper_from, Some(6_110_667));
    assert!(lambda(6_110_667) > d("815") / d("18"));
    assert!(lambda(6_110_666) < d("815") / d("18"));
    assert_eq!(r.working_invocations, 3_457_678);
    assert_eq!(r.ec2_lines[0].quantity, Decimal::ONE);
    assert_eq!(
        crate::report::total(&r.lambda_lines).0,
        c.lambda_monthly_usd.0
    );
    assert!(r
        .answer
        .starts_with("From 3,457,678 invocations a month, 1 × c5.large"));
}

/// On-Demand c5.large: $0.085 × 730 h = $62.05 a month. A fully busy vCPU-month of the function
/// (2,628,000 invocations of 1 s) costs 1,314,000 GB-s × $0.0000166667 + 2.628 × $0.20 = $22.43,
/// so a 2-vCPU instance's worth of Lambda is at most $44.86 + what the free tier took off, below
/// $62.05 at every instance count: no crossover below the quota (2,628,000,000 invocations, where
/// the average concurrency reaches 1,000; tier 2 starts only at 12,000,000,000 invocations).
#[test]
fn on_demand_c5_large_never_beats_lambda_below_the_quota() {
    let r = run(
        &function(512, "1000", 3_000_000),
        &asking("c5.large", "on-demand"),
    )
    .unwrap();
    assert_eq!(r.instance_monthly_usd.0, d("62.05"));
    assert_eq!(r.crossover, None);
    assert_eq!(r.stays_cheaper_from, None);
    assert_eq!(r.search_max_invocations, 2_628_000_000);
    assert!(r
        .answer
        .starts_with("Lambda costs no more than c5.large (On-Demand)"));
    assert_eq!(r.working_invocations, 3_000_000);
}

#[test]
fn default_type_follows_the_functions_memory_and_architecture() {
    let mut w = function(6000, "200", 1_000_000);
    w.architecture = LambdaArch::Arm64;
    let r = run(&w, &LambdaToEc2Ask::default()).unwrap();
    // 6,000 MB = 5.86 GiB: the smallest non-burstable arm64 types have 8 GiB, 2 vCPU (m6g,
    // m7g, m8g .large); the lowest On-Demand rate among them is m6g.large's.
    assert_eq!(r.architecture, ec2::Architecture::Arm64);
    assert_eq!(r.memory_gib, d("8"));
    assert_eq!(r.vcpu, 2);
    assert_eq!(r.instance_type, "m6g.large");
    assert!(r
        .instance_type_reason
        .contains("ordered by memory, then vCPU"));
    // Every point's instance count is the formula's.
    for p in &r.points {
        let need = (u128::from(p.invocations_per_month) * 200_000).div_ceil(US_PER_MONTH * 2);
        assert_eq!(u128::from(p.instances), need.max(1));
    }
}

#[test]
fn changing_the_type_changes_the_crossover() {
    let w = function(512, "1000", 3_000_000);
    let small = run(&w, &asking("c5.large", "reserved-standard-3y-all-upfront")).unwrap();
    let large = run(&w, &asking("c5.xlarge", "reserved-standard-3y-all-upfront")).unwrap();
    let (a, b) = (small.crossover.unwrap(), large.crossover.unwrap());
    assert!(b.invocations_per_month > a.invocations_per_month);
}

#[test]
fn asks_that_cannot_be_answered_name_their_field() {
    let w = function(512, "1000", 3_000_000);
    let e = run(&w, &asking("c5.lrage", "on-demand")).unwrap_err();
    assert_eq!(e[0].field, "lambda_to_ec2.instance_type");
    assert!(
        e[0].message().contains("c5 sizes bundled"),
        "{}",
        e[0].message()
    );
    let e = run(&w, &asking("c5.large", "reserved-forever")).unwrap_err();
    assert_eq!(e[0].field, "lambda_to_ec2.option");
    assert!(e[0].message().contains("on-demand"), "{}", e[0].message());
    let e = run(&w, &asking("c5.large", "spot")).unwrap_err();
    assert_eq!(e[0].field, "lambda_to_ec2.option");
    let mut bad = w.clone();
    bad.memory_mb = 64.into();
    let ask = LambdaToEc2Ask {
        headroom_percent: Some(d("-5")),
        ..LambdaToEc2Ask::default()
    };
    let e = run(&bad, &ask).unwrap_err();
    let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "workload.lambda.memory_mb",
            "lambda_to_ec2.headroom_percent"
        ]
    );
    let request = r#"{"workload": {"region": "us-east-1"}, "lambda_to_ec2": {}}"#;
    let e = crate::explore::explore_json(request).unwrap_err();
    assert_eq!(e.errors[0].field, "workload.lambda");
    let request = r#"{"workload": {"region": "us-east-1"}, "lambda_to_ec2": {"type": "x"}}"#;
    assert!(crate::explore::explore_json(request).is_err());
}

#[test]
fn headroom_and_an_added_cost_move_the_crossover_up() {
    let w = function(512, "1000", 3_000_000);
    let plain = run(&w, &LambdaToEc2Ask::default()).unwrap();
    let ask = LambdaToEc2Ask {
        headroom_percent: Some(d("20")),
        extra_monthly_usd: Some(d("16.20")),
        ..LambdaToEc2Ask::default()
    };
    let more = run(&w, &ask).unwrap();
    // With 20 % headroom one c5.large serves up to 5,256,000 ÷ 1.2 = 4,380,000 invocations. One
    // instance plus $16.20 is $815 ÷ 36 + $16.20 = $38.8388…, which Lambda passes only at
    // (38.8388… + 6.86668) ÷ 0.00000853335 = 5,356,110.9…, beyond one instance. Two instances
    // plus $16.20, $61.4777…, serve up to 8,760,000 and are passed at
    // (61.4777… + 6.86668) ÷ 0.00000853335 = 8,009,100.5… → 8,009,101.
    let c = more.crossover.unwrap();
    assert_eq!(c.instances, 2);
    assert_eq!(c.invocations_per_month, 8_009_101);
    assert!(c.invocations_per_month > plain.crossover.unwrap().invocations_per_month);
    assert_eq!(more.ec2_lines.len(), 2);
    assert_eq!(crate::report::total(&more.ec2_lines).0, c.ec2_monthly_usd.0);
}

#[test]
fn provisioned_concurrency_can_make_ec2_cheaper_from_zero() {
    let mut w = function(2048, "100", 0);
    w.provisioned_concurrency = 50.into();
    w.provisioned_hours_per_month = 730.into();
    let r = run(&w, &LambdaToEc2Ask::default()).unwrap();
    // 50 environments × 2 GB × 2,628,000 s × $0.0000041667 = $1,095.01 a month before any
    // invocation, far above one 8 GiB instance.
    assert_eq!(r.crossover.as_ref().unwrap().invocations_per_month, 0);
    assert_eq!(r.now.cheaper, Cheaper::Ec2);
}

#[test]
fn the_explore_request_answers_in_json() {
    let request = r#"{"workload": {"region": "us-east-1", "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000}},
        "lambda_to_ec2": {"instance_type": "c5.large"}}"#;
    let json = crate::explore::explore_json(request).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let x = &v["lambda_to_ec2"];
    assert_eq!(x["crossover"]["invocations_per_month"], 3_457_678);
    assert_eq!(x["crossover"]["cheaper"], "ec2");
    assert_eq!(x["now"]["lambda_monthly_usd"], "18.73");
    assert_eq!(x["instance_monthly_usd"], "22.64");
    let request = r#"{"workload": {"region": "us-east-1"}}"#;
    let json = crate::explore::explore_json(request).unwrap();
    assert!(!json.contains("lambda_to_ec2"));
}

/// The smallest `n` in `[lo, hi]` with Lambda's numerator at least `t`, by bisection on the
/// engine's own month (Lambda's month never falls as invocations grow).
fn bisect(m: &Model, lo: u64, hi: u64, t: u128) -> Option<u64> {
    if m.lambda.total_at(hi) < t {
        return None;
    }
    let (mut a, mut b) = (lo, hi);
    while a < b {
        let mid = a + (b - a) / 2;
        if m.lambda.total_at(mid) >= t {
            b = mid;
        } else {
            a = mid + 1;
        }
    }
    Some(a)
}

fn workloads() -> impl Strategy<Value = LambdaWorkload> {
    (
        128u32..=10_240,
        1u64..=900_000_000,
        0u64..=2_000_000_000,
        prop_oneof![Just(512u32), 512u32..=10_240],
        any::<bool>(),
        any::<bool>(),
        prop_oneof![Just(0u32), 1u32..=200],
        0u32..=730_000,
    )
        .prop_map(
            |(mem, us, inv, eph, free, arm, pc, hours_milli)| LambdaWorkload {
                architecture: if arm {
                    LambdaArch::Arm64
                } else {
                    LambdaArch::X86_64
                },
                memory_mb: mem.into(),
                duration_ms: Decimal::new(i64::try_from(us).unwrap_or(i64::MAX), 3),
                invocations_per_month: inv.into(),
                ephemeral_storage_mb: eph.into(),
                free_tier: free,
                provisioned_concurrency: pc.into(),
                provisioned_hours_per_month: Decimal::new(i64::from(hours_milli), 3),
                ..LambdaWorkload::default()
            },
        )
}

/// Lambda's month with no free tier, in tier 1, without Provisioned Concurrency: β × N.
fn linear_function() -> impl Strategy<Value = LambdaWorkload> {
    (128u32..=10_240, 1u64..=60_000_000, 512u32..=10_240).prop_map(|(mem, us, eph)| {
        LambdaWorkload {
            memory_mb: mem.into(),
            duration_ms: Decimal::new(i64::try_from(us).unwrap_or(i64::MAX), 3),
            invocations_per_month: 1.into(),
            ephemeral_storage_mb: eph.into(),
            free_tier: false,
            ..LambdaWorkload::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// At the crossover EC2 costs less and one invocation fewer it does not; the same for where
    /// it stays cheaper; and each step's solution is the bisection's.
    #[test]
    fn crossover_is_the_first_count_where_ec2_costs_less(
        w in workloads(),
        vcpu in prop_oneof![Just(1u32), Just(2u32), 1u32..=192],
        cents in 100u64..=2_000_000,
    ) {
        prop_assume!(w.validate().is_ok());
        let monthly = Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2);
        let m = model(&w, vcpu, monthly);
        let max = quota_count(&w);
        let (first, stays) = m.search(max);
        if let Some(c) = first {
            prop_assert_eq!(m.point(c).cheaper, Cheaper::Ec2);
            if c > 0 {
                prop_assert_ne!(m.point(c - 1).cheaper, Cheaper::Ec2);
            }
        }
        if let Some(s) = stays {
            prop_assert!(first.is_some_and(|c| c <= s));
            prop_assert_eq!(m.point(s).cheaper, Cheaper::Ec2);
            prop_assert_eq!(m.point(max).cheaper, Cheaper::Ec2);
            if s > 0 {
                prop_assert_ne!(m.point(s - 1).cheaper, Cheaper::Ec2);
            }
        }
        // Every step up to the first crossover (at most 60 checked): the segment solution is
        // the bisection's, and no step before the crossover has EC2 cheaper anywhere.
        let last = first.map_or(m.instances(max), |c| m.instances(c));
        for k in (1..=last).take(60) {
            let (lo, hi) = (m.first_served(k), m.last_served(k).min(max));
            let t = m.fraction.above_usd(m.ec2_usd(k));
            let solved = m.first_reaching(lo, hi, t);
            prop_assert_eq!(solved, bisect(&m, lo, hi, t));
            if k < last || first.is_none() {
                prop_assert_eq!(solved, None);
            }
        }
    }

    /// With Lambda's month linear through zero (no free tier, one volume tier, no Provisioned
    /// Concurrency: L(N) = β × N) and one instance at both crossovers, the crossover is
    /// ⌊E ÷ β⌋ + 1, so doubling the EC2 month E gives ⌊2E ÷ β⌋ + 1: exactly 2c − 1 or 2c (the
    /// real-valued crossover E ÷ β doubles exactly; whole invocations round it).
    #[test]
    fn crossover_doubles_with_the_ec2_price_when_lambda_is_linear(
        w in linear_function(),
        cents in 100u64..=50_000,
    ) {
        let e = Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2);
        let (one, two) = (model(&w, 192, e), model(&w, 192, e * Decimal::TWO));
        let max = quota_count(&w);
        let (Some(c1), _) = one.search(max) else { return Ok(()) };
        let (Some(c2), _) = two.search(max) else { return Ok(()) };
        prop_assume!(two.instances(c2) == 1);
        // Tier 1 throughout: the lowest tier bound is 6,000,000,000 GB-s.
        let spec = &one.lambda.spec;
        let gb_s = u128::from(c2) * u128::from(one.lambda.billed_ms()) * u128::from(spec.memory_mb);
        prop_assume!(gb_s < 6_000_000_000 * 1_024_000);
        prop_assert!(c2 == 2 * c1 || c2 == 2 * c1 - 1, "{} then {}", c1, c2);
    }

    /// With the free tier, Lambda's month in tier 1 is a sum of `max(0, a × N − b)` terms, for
    /// which L(2N) ≥ 2 L(N): doubling the EC2 month at most doubles the crossover.
    #[test]
    fn with_the_free_tier_the_crossover_at_most_doubles(
        w in linear_function(),
        cents in 100u64..=50_000,
    ) {
        let w = LambdaWorkload { free_tier: true, ..w };
        let e = Decimal::new(i64::try_from(cents).unwrap_or(i64::MAX), 2);
        let (one, two) = (model(&w, 192, e), model(&w, 192, e * Decimal::TWO));
        let max = quota_count(&w);
        let (Some(c1), _) = one.search(max) else { return Ok(()) };
        prop_assume!(one.instances(c1.saturating_mul(2)) == 1 && c1.saturating_mul(2) <= max);
        let spec = &one.lambda.spec;
        let gb_s = u128::from(c1) * 2 * u128::from(one.lambda.billed_ms()) * u128::from(spec.memory_mb);
        prop_assume!(gb_s < 6_000_000_000 * 1_024_000);
        let (Some(c2), _) = two.search(max) else {
            return Err(TestCaseError::fail("doubling lost the crossover"));
        };
        prop_assert!(c2 <= 2 * c1, "{} then {}", c1, c2);
    }

    /// Any request in range is answered without a panic, its points ascending and its
    /// crossover, if any, among them.
    #[test]
    fn answers_any_function(
        w in workloads(),
        ty in prop::sample::select(vec!["c5.large", "t3.nano", "m7g.16xlarge", "r6i.large"]),
        headroom in 0u64..=900,
    ) {
        prop_assume!(w.validate().is_ok());
        let ask = LambdaToEc2Ask {
            instance_type: Some(ty.into()),
            headroom_percent: Some(headroom.into()),
            ..LambdaToEc2Ask::default()
        };
        let Ok(r) = run(&w, &ask) else { return Ok(()) };
        prop_assert!(r.points.windows(2).all(|p| p[0].invocations_per_month < p[1].invocations_per_month));
        if let Some(c) = &r.crossover {
            if c.invocations_per_month > 0 {
                prop_assert!(r.points.iter().any(|p| p == c));
            }
        }
        prop_assert!(r.points.len() <= 200);
    }
}

#[test]
fn amounts_compare_with_numerators_exactly() {
    let w = function(512, "1000", 3_000_000);
    let f = Pricer::new(lambda_pricing(), Region::UsEast1, &w)
        .unwrap()
        .fraction();
    let cents = |c: u128| f.above_usd(d("0.01") * Decimal::from(c)) - 1;
    // One cent as a numerator is exact: above it is one more, and it compares equal.
    let n = cents(1);
    assert_eq!(f.usd(n), d("0.01"));
    assert_eq!(f.cmp_usd(n, d("0.01")), Ordering::Equal);
    assert_eq!(f.cmp_usd(n + 1, d("0.01")), Ordering::Greater);
    assert_eq!(f.cmp_usd(n - 1, d("0.01")), Ordering::Less);
    assert_eq!(f.above_usd(Decimal::ZERO), 1);
    assert_eq!(f.above_usd(d("-1")), 0);
    // $815 ÷ 36 has more decimals than any numerator: no numerator equals it.
    let ri = d("815") / d("36");
    let t = f.above_usd(ri);
    assert_eq!(f.cmp_usd(t, ri), Ordering::Greater);
    assert_eq!(f.cmp_usd(t - 1, ri), Ordering::Less);
    assert_eq!(f.above_usd(Decimal::MAX), u128::MAX);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The search's segment-by-segment month is the engine's at any count.
    #[test]
    fn the_segments_give_the_engines_month(
        w in workloads(),
        counts in prop::collection::vec(prop_oneof![0u64..=10_000_000, 0u64..=MAX_INVOCATIONS], 16),
    ) {
        prop_assume!(w.validate().is_ok());
        let m = model(&w, 2, Decimal::ONE);
        for n in counts {
            prop_assert_eq!(m.lambda_at(n), m.lambda.total_at(n), "at {}", n);
        }
    }

    /// Between two slope changes Lambda's month is exactly linear at whole invocation counts:
    /// any three counts of a segment lie on one line.
    #[test]
    fn lambdas_month_is_linear_between_slope_changes(
        w in workloads(),
        picks in prop::collection::vec((0u64..=1_000_000, 0u64..=1_000_000), 8),
    ) {
        prop_assume!(w.validate().is_ok());
        let p = Pricer::new(lambda_pricing(), Region::UsEast1, &w).unwrap();
        let mut edges = p.slope_changes();
        prop_assert_eq!(edges.first(), Some(&0));
        edges.push(MAX_INVOCATIONS + 1);
        for (seg, &(u, v)) in edges.windows(2).zip(picks.iter().cycle()) {
            let (a, e) = (seg[0], seg[1] - 1);
            if e <= a + 1 {
                continue;
            }
            // A count near the segment's start, one further on, and its last count.
            let m = a + u.min(v).min(e - a);
            let n = a + u.max(v).min(e - a);
            for (m, z) in [(m, e), (m, n)] {
                let (la, lm, lz) = (p.total_at(a), p.total_at(m), p.total_at(z));
                // (L(m) − L(a)) × (z − a) = (L(z) − L(a)) × (m − a); both products stay below
                // 10³³ here, far inside 128 bits.
                let left = (lm - la).checked_mul(u128::from(z - a));
                let right = (lz - la).checked_mul(u128::from(m - a));
                prop_assert!(left.is_some() && right.is_some());
                prop_assert_eq!(left, right, "segment {}..={} at {}, {}", a, e, m, z);
            }
        }
    }
}
