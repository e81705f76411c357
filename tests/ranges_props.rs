//! Invariants of ranges (the cost band and the tornado's bars) over generated workloads, and the
//! time a change takes with eight ranged inputs.

use awscost::explore::ranges::{rangeable, Range};
use awscost::services::ServiceCode;
use awscost::Workload;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Every service, each with a few ranged inputs around its value.
fn base() -> Workload {
    Workload::from_json(
        r#"{"region":"us-east-1",
            "lambda":{"memory_mb":1024,"duration_ms":250,"invocations_per_month":20000000},
            "ec2":{"instance_type":"m5.large","count":3,"hours_per_month":500},
            "ebs":{"size_gib":500,"iops":6000,"throughput_mibps":250},
            "s3":{"storage_gb":2000,"average_object_size_kb":512,"get_requests_per_month":100000,"retrieval_gb_per_month":300,"lifecycle":[{"class":"STANDARD_IA","days":30},{"class":"GLACIER"}]}}"#,
    )
    .unwrap()
}

/// `w` with each `(path, low %, high %)` of its likely value as a range (low ≤ 100 ≤ high).
fn ranged(mut w: Workload, picks: &[(usize, u32, u32)]) -> Workload {
    let inputs = rangeable(&w);
    for &(at, lo, hi) in picks {
        let (path, likely) = &inputs[at % inputs.len()];
        let pct = |p: u32| (*likely * Decimal::from(p) / Decimal::ONE_HUNDRED).round();
        w.ranges.insert(
            path.clone(),
            Range {
                low: pct(lo).min(*likely),
                high: pct(hi).max(*likely),
            },
        );
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Band low ≤ likely ≤ high, for the total and each service; every bar's ends lie in the band.
    #[test]
    fn the_band_holds_likely_and_every_bar(picks in prop::collection::vec((0usize..40, 0u32..=100, 100u32..=400), 1..=4)) {
        let w = ranged(base(), &picks);
        let c = awscost::compare(&w).unwrap();
        let b = c.band.as_ref().unwrap();
        for band in std::iter::once(&b.total).chain(b.services.iter().map(|s| &s.band)) {
            if let (Some(lo), Some(l), Some(hi)) = (band.low_usd, band.likely_usd, band.high_usd) {
                prop_assert!(lo <= l && l <= hi, "{band:?}");
            }
        }
        for s in &c.sensitivity {
            for end in [s.at_low_usd, s.at_high_usd].into_iter().flatten() {
                prop_assert!(b.total.low_usd.unwrap() <= end && end <= b.total.high_usd.unwrap());
            }
        }
        // Sorted largest swing first.
        prop_assert!(c.sensitivity.windows(2).all(|p| p[0].swing_usd >= p[1].swing_usd));
    }

    /// One ranged input: its bar is the band (its ends are the band's ends at low and high).
    #[test]
    fn one_input_s_bar_is_the_band(pick in (0usize..40, 0u32..=100, 100u32..=400)) {
        let w = ranged(base(), &[pick]);
        let c = awscost::compare(&w).unwrap();
        let (b, s) = (c.band.unwrap().total, &c.sensitivity[0]);
        prop_assert_eq!(b.at_low_inputs_usd, s.at_low_usd);
        prop_assert_eq!(b.at_high_inputs_usd, s.at_high_usd);
    }
}

/// Eight ranged inputs across the four services: the band and the tornado, timed (a change in
/// the widget reprices this much).
#[test]
fn eight_ranges_are_answered_quickly() {
    let w = ranged(
        base(),
        &[
            (1, 50, 200),
            (2, 50, 200),
            (3, 10, 300),
            (10, 50, 150),
            (12, 10, 100),
            (20, 50, 200),
            (22, 80, 120),
            (30, 50, 300),
        ],
    );
    assert_eq!(w.ranges.len(), 8, "{:?}", w.ranges.keys());
    let services: std::collections::BTreeSet<ServiceCode> = w
        .ranges
        .keys()
        .filter_map(|p| {
            ServiceCode::ALL
                .into_iter()
                .find(|s| p.starts_with(s.code()))
        })
        .collect();
    assert!(services.len() >= 3, "{services:?}");
    let start = std::time::Instant::now();
    let runs = 20;
    for _ in 0..runs {
        let c = awscost::compare(&w).unwrap();
        assert_eq!(c.sensitivity.len(), 8);
    }
    let each = start.elapsed() / runs;
    println!("eight ranged inputs: {each:?} a comparison (native, this build's profile)");
}
