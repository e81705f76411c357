use super::*;
use crate::pricing::Region;
use crate::testing::d;
use rust_decimal::Decimal;

fn pricing() -> &'static LambdaPricing {
    crate::bundled_table!(LambdaPricing, "../../pricing/lambda.json")
}

fn work(mem: u32, ms: &str, inv: u64) -> LambdaWorkload {
    LambdaWorkload {
        memory_mb: mem.into(),
        duration_ms: d(ms),
        invocations_per_month: inv.into(),
        ..LambdaWorkload::default()
    }
}

#[test]
fn cpu_share_reaches_one_and_six_vcpu() {
    assert_eq!(cpu_share(1769, true), (1769, 1769));
    let (n, dd) = cpu_share(10240, true);
    assert_eq!(n, 6 * dd);
    assert_eq!(cpu_share(4000, false), (1, 1));
    assert_eq!(cpu_share(128, false), (128, 1769));
}

#[test]
fn fully_cpu_bound_duration_halves_with_double_memory() {
    let spec = work(512, "1000", 1).validate().unwrap();
    assert_eq!(modelled_duration(&spec, 1024), (500_000, 500));
    assert_eq!(modelled_duration(&spec, 256), (2_000_000, 2000));
    // Single-threaded: nothing gained above 1 vCPU.
    assert_eq!(
        modelled_duration(&spec, 4096),
        modelled_duration(&spec, 1769)
    );
}

#[test]
fn io_bound_duration_does_not_change() {
    let mut w = work(512, "250.5", 1);
    w.cpu_bound_percent = Decimal::ZERO;
    let spec = w.validate().unwrap();
    assert_eq!(modelled_duration(&spec, 10240), (250_500, 251));
    assert_eq!(modelled_duration(&spec, 128), (250_500, 251));
}

#[test]
fn half_cpu_bound_multi_threaded_at_max_memory() {
    let mut w = work(1769, "1200", 1);
    w.cpu_bound_percent = Decimal::from(50);
    w.multi_threaded = true;
    let spec = w.validate().unwrap();
    // 600 ms unchanged + 600 ms / 6 vCPU = 700 ms
    assert_eq!(modelled_duration(&spec, 10240), (700_000, 700));
}

#[test]
fn billed_duration_rounds_up_to_the_millisecond() {
    let spec = work(128, "100.001", 1).validate().unwrap();
    assert_eq!(modelled_duration(&spec, 128), (100_001, 101));
}

#[test]
fn aws_example_512mb_3m_1s() {
    let r = compare(pricing(), Region::UsEast1, &LambdaWorkload::default()).unwrap();
    assert_eq!(r.requested.monthly_usd.cents().to_string(), "18.73");
    let lines: Vec<_> = r
        .requested
        .lines
        .iter()
        .map(|l| (l.label.as_str(), l.amount_usd.cents().to_string()))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("Requests", "0.40".to_string()),
            ("Compute (first 6,000,000,000 GB-s)", "18.33".to_string())
        ]
    );
    assert_eq!(r.options.len(), 10_113);
    assert_eq!(r.requested.lines[1].quantity, d("1100000"));
}

#[test]
fn line_amounts_equal_quantity_times_rate() {
    let mut w = work(3000, "733.7", 45_000_000);
    w.ephemeral_storage_mb = Decimal::from(3000);
    w.provisioned_concurrency = Decimal::from(20);
    w.provisioned_hours_per_month = Decimal::from(300);
    let r = compare(pricing(), Region::EuWest1, &w).unwrap();
    assert!(r.requested.lines.len() >= 4);
    for l in &r.requested.lines {
        assert_eq!(l.exact_usd, l.quantity * l.rate, "{}", l.label);
    }
}

#[test]
fn sweep_agrees_with_requested_figure() {
    let w = work(700, "321.4", 12_345_678);
    let r = compare(pricing(), Region::ApSouth1, &w).unwrap();
    let at = r.options.iter().find(|o| o.memory_mb == 700).unwrap();
    assert_eq!(r.options.usd(at).cents(), r.requested.monthly_usd.cents());
    assert_eq!(at.billed_duration_ms, 322);
}

/// The sweep's shortcut equals the full charges at every setting, with and without
/// Provisioned Concurrency, ephemeral storage and the free tier.
#[test]
fn sweep_equals_charges_at_every_setting() {
    for (pc, eph, free) in [(0, 512, true), (0, 4096, false), (12, 1024, true)] {
        let mut w = work(900, "1234.567", 987_654_321);
        w.cpu_bound_percent = Decimal::from(60);
        w.multi_threaded = true;
        w.provisioned_concurrency = Decimal::from(pc);
        w.provisioned_hours_per_month = Decimal::from(200);
        w.ephemeral_storage_mb = Decimal::from(eph);
        w.free_tier = free;
        let spec = w.validate().unwrap();
        let table = pricing().table(Region::UsEast1).unwrap();
        let p = Prepared::new(
            table,
            &table.x86_64,
            &pricing().free_tier,
            spec.free_tier_applies(),
        )
        .unwrap();
        let s = sweep(&spec, &p);
        assert_eq!(s.len(), 10_113);
        for o in s.iter() {
            let c = charges(&spec, &p, o.memory_mb).unwrap();
            assert_eq!(o.exact_numerator, c.total, "{} MB", o.memory_mb);
            assert_eq!(o.billed_duration_ms, c.billed_ms);
        }
    }
}

#[test]
fn arm64_provisioned_without_sourced_rate_says_so() {
    let mut w = work(1024, "100", 1_000_000);
    w.architecture = Architecture::Arm64;
    w.provisioned_concurrency = Decimal::from(5);
    w.provisioned_hours_per_month = Decimal::from(10);
    let table = pricing().table(Region::EuWest1).unwrap();
    if table.arm64.provisioned_concurrency_gb_s.is_none() {
        let e = compare(pricing(), Region::EuWest1, &w).unwrap_err();
        assert_eq!(e[0].field, "lambda.provisioned_concurrency");
        assert!(e[0].message().contains("no public"), "{}", e[0].message());
    }
    assert!(compare(pricing(), Region::UsEast1, &w).is_ok());
}

#[test]
fn validation_reports_every_field() {
    let w = LambdaWorkload {
        memory_mb: Decimal::from(64),
        duration_ms: Decimal::from(900_001),
        invocations_per_month: d("-1"),
        ephemeral_storage_mb: Decimal::from(20_000),
        provisioned_hours_per_month: Decimal::from(800),
        cpu_bound_percent: d("101"),
        invocation_type: InvocationType::Async,
        payload_kb: Some(Decimal::from(2048)),
        ..LambdaWorkload::default()
    };
    let fields: Vec<_> = w
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        vec![
            "lambda.memory_mb",
            "lambda.duration_ms",
            "lambda.invocations_per_month",
            "lambda.ephemeral_storage_mb",
            "lambda.provisioned_hours_per_month",
            "lambda.cpu_bound_percent",
            "lambda.payload_kb"
        ]
    );
}

#[test]
fn timeout_error_names_the_limit() {
    let e = work(128, "900001", 1).validate().unwrap_err();
    assert!(e[0].message().contains("900 s"), "{}", e[0].message());
}

#[test]
fn warns_above_default_concurrency() {
    // 3,000,000,000 a month ÷ 2,628,000 s × 1 s ≈ 1,141.55 concurrent.
    let r = compare(
        pricing(),
        Region::UsEast1,
        &work(512, "1000", 3_000_000_000),
    )
    .unwrap();
    assert_eq!(r.requested.estimated_concurrency, d("1141.55"));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "concurrency_above_default_limit"));
}

#[test]
fn slow_low_memory_settings_are_excluded() {
    // 800 s at 1,769 MB is ~11,055 s at 128 MB: far over the timeout.
    let r = compare(pricing(), Region::UsEast1, &work(1769, "800000", 1000)).unwrap();
    assert!(!r.options[0].within_timeout);
    assert!(r.cheapest.memory_mb >= 1573, "{}", r.cheapest.memory_mb);
    assert!(r.warnings.iter().any(|w| w.code == "settings_over_timeout"));
}
