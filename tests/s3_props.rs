//! Invariants of the S3 engine over generated workloads: never negative, never cheaper with more
//! data or use, minimum storage durations always charged, never a panic.

use awscost::s3::{self, RetrievalTier, S3Option, S3Result, S3Workload, StorageClass};
use awscost::Region;
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;

fn run(region: Region, w: &S3Workload) -> Option<S3Result> {
    let c = common::catalog();
    s3::compare(&c.s3, region, w).ok()
}

/// Standard's first-tier storage rate.
fn catalog_rate(r: Region) -> Decimal {
    let c = common::catalog();
    c.s3.table(r)
        .unwrap()
        .class(StorageClass::Standard)
        .unwrap()
        .storage_tiers[0]
        .rate
}

fn region() -> impl Strategy<Value = Region> {
    prop_oneof![
        Just(Region::UsEast1),
        Just(Region::EuWest1),
        Just(Region::ApSouth1)
    ]
}

fn tier() -> impl Strategy<Value = RetrievalTier> {
    prop_oneof![
        Just(RetrievalTier::Expedited),
        Just(RetrievalTier::Standard),
        Just(RetrievalTier::Bulk)
    ]
}

fn workload() -> impl Strategy<Value = S3Workload> {
    (
        (1u64..2_000_000_000, 0u32..4),
        1u64..10_000_000,
        0u64..100_000_000,
        0u64..100_000_000,
        0u64..1_000_000_000,
        1u64..2_000,
        0u32..=10_000,
        tier(),
    )
        .prop_map(|((gb, scale), n, puts, gets, ret, days, f, t)| S3Workload {
            storage_gb: Decimal::new(gb as i64, scale),
            object_count: Some(Decimal::from(n)),
            average_object_size_kb: None,
            put_requests_per_month: puts.into(),
            get_requests_per_month: gets.into(),
            retrieval_gb_per_month: Decimal::new(ret as i64, 3),
            retention_days: days.into(),
            monthly_read_fraction: Some(Decimal::new(f.into(), 4)),
            retrieval_tier: t,
            lifecycle: None,
        })
}

fn amounts(o: &S3Option) -> Option<(Decimal, Decimal)> {
    Some((o.monthly_usd?.exact(), o.retention_total_usd?.exact()))
}

fn pairs<'a>(
    a: &'a S3Result,
    b: &'a S3Result,
) -> impl Iterator<Item = (&'a S3Option, &'a S3Option)> {
    a.options.iter().zip(&b.options)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_negative(r in region(), w in workload()) {
        if let Some(res) = run(r, &w) {
            for o in &res.options {
                for l in o.lines.iter().chain(&o.retention_lines) {
                    prop_assert!(l.exact_usd >= Decimal::ZERO, "{:?} {}", o.id, l.label);
                }
                prop_assert!(o.early_deletion_usd.exact() >= Decimal::ZERO);
                if let Some((m, t)) = amounts(o) {
                    prop_assert!(m >= Decimal::ZERO && t >= Decimal::ZERO);
                }
            }
        }
    }

    #[test]
    fn more_data_at_the_same_object_size_is_never_cheaper(r in region(), w in workload(), k in 2u64..5) {
        let bigger = S3Workload {
            storage_gb: w.storage_gb * Decimal::from(k),
            object_count: w.object_count.map(|n| n * Decimal::from(k)),
            ..w.clone()
        };
        if let (Some(a), Some(b)) = (run(r, &w), run(r, &bigger)) {
            for (x, y) in pairs(&a, &b) {
                if let (Some(x), Some(y)) = (amounts(x), amounts(y)) {
                    prop_assert!(y.0 >= x.0 && y.1 >= x.1);
                }
            }
        }
    }

    #[test]
    fn more_requests_or_retrieval_is_never_cheaper(
        r in region(), w in workload(), dp in 0u64..1_000_000, dg in 0u64..1_000_000, dr in 0u64..1_000_000
    ) {
        let more = S3Workload {
            put_requests_per_month: w.put_requests_per_month + Decimal::from(dp),
            get_requests_per_month: w.get_requests_per_month + Decimal::from(dg),
            retrieval_gb_per_month: w.retrieval_gb_per_month + Decimal::new(dr as i64, 3),
            ..w.clone()
        };
        if let (Some(a), Some(b)) = (run(r, &w), run(r, &more)) {
            for (x, y) in pairs(&a, &b) {
                if let (Some(x), Some(y)) = (amounts(x), amounts(y)) {
                    prop_assert!(y.0 >= x.0 && y.1 >= x.1);
                }
            }
        }
    }

    #[test]
    fn retention_below_the_minimum_costs_the_minimum(r in region(), w in workload(), cut in 1u32..180) {
        // Storage only, so the whole total is storage over max(days, minimum).
        let base = S3Workload {
            put_requests_per_month: Decimal::ZERO,
            get_requests_per_month: Decimal::ZERO,
            retrieval_gb_per_month: Decimal::ZERO,
            ..w
        };
        for class in StorageClass::ALL {
            let min = class.minimum_days();
            if min == 0 || cut >= min {
                continue;
            }
            let short = S3Workload { retention_days: cut.into(), ..base.clone() };
            let full = S3Workload { retention_days: min.into(), ..base.clone() };
            if let (Some(a), Some(b)) = (run(r, &short), run(r, &full)) {
                let x = a.options.iter().find(|o| o.id == class).unwrap();
                let y = b.options.iter().find(|o| o.id == class).unwrap();
                let (tx, ty) = (x.retention_total_usd.unwrap().exact(), y.retention_total_usd.unwrap().exact());
                // The 8 KB per archived object billed at the Standard rate has no minimum
                // duration, so only it may be missing from the shorter total.
                let standard = catalog_rate(r);
                let slack = if class.is_archive() {
                    base.object_count.unwrap() * s3::gb_8kb() * standard * Decimal::from(min - cut)
                        / Decimal::from(30)
                } else {
                    Decimal::ZERO
                };
                let eps = Decimal::new(1, 18);
                prop_assert!(tx >= ty - slack - eps, "{:?}: {} < {}", class, tx, ty);
                prop_assert!(tx - ty < eps);
            }
        }
    }

    #[test]
    fn longer_retention_is_never_cheaper(r in region(), w in workload(), extra in 1u64..400) {
        let longer = S3Workload { retention_days: w.retention_days + Decimal::from(extra), ..w.clone() };
        if let (Some(a), Some(b)) = (run(r, &w), run(r, &longer)) {
            for (x, y) in pairs(&a, &b) {
                if let (Some(x), Some(y)) = (amounts(x), amounts(y)) {
                    prop_assert!(y.1 >= x.1 - Decimal::new(1, 18));
                }
            }
        }
    }

    #[test]
    fn never_panics_on_any_numbers(
        gb in any::<i64>(), scale in 0u32..28, n in any::<i64>(), puts in any::<i64>(),
        ret in any::<i64>(), days in any::<i64>(), f in any::<i64>(), size in any::<i64>(), by_size in any::<bool>()
    ) {
        let w = S3Workload {
            storage_gb: Decimal::new(gb, scale),
            object_count: (!by_size).then(|| Decimal::from(n)),
            average_object_size_kb: by_size.then(|| Decimal::new(size, 3)),
            put_requests_per_month: Decimal::from(puts),
            get_requests_per_month: Decimal::from(puts),
            retrieval_gb_per_month: Decimal::new(ret, scale),
            retention_days: Decimal::from(days),
            monthly_read_fraction: Some(Decimal::new(f, scale)),
            retrieval_tier: RetrievalTier::Expedited,
            lifecycle: None,
        };
        let _ = run(Region::ApSouth1, &w);
        let json = format!(
            r#"{{"region":"eu-west-1","s3":{{"storage_gb":{},"object_count":{},"retention_days":{}}}}}"#,
            Decimal::new(gb, scale), n, days
        );
        let _ = awscost::compare_json(&json);
    }
}
