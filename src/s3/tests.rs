//! The S3 engine's unit tests, on the bundled `pricing/s3.json`.

use super::*;
use crate::pricing::Region;
use crate::testing::d;
use rust_decimal::Decimal;

fn pricing() -> &'static S3Pricing {
    crate::bundled_table!(S3Pricing, "../../pricing/s3.json")
}

fn option(r: &S3Result, c: StorageClass) -> &S3Option {
    r.options.iter().find(|o| o.id == c).unwrap()
}

#[test]
fn binary_kilobytes_in_gb_are_exact() {
    assert_eq!(gb_128kb() * Decimal::from(8192), Decimal::ONE);
    assert_eq!(gb_32kb() * Decimal::from(32768), Decimal::ONE);
    assert_eq!(gb_8kb() * Decimal::from(131_072), Decimal::ONE);
}

#[test]
fn tiering_split_sums_to_one() {
    for f in ["0", "0.1", "0.5", "0.9999", "1"] {
        let (a, b, c) = tiering_split(d(f));
        assert_eq!(a + b + c, Decimal::ONE, "{f}");
        assert!(b >= Decimal::ZERO && c >= Decimal::ZERO);
    }
    assert_eq!(tiering_split(d("0.1")), (d("0.1"), d("0.171"), d("0.729")));
}

#[test]
fn waterfall_allows_only_downward_transitions() {
    use StorageClass::*;
    assert!(Standard.can_transition_to(DeepArchive));
    assert!(StandardIa.can_transition_to(IntelligentTiering));
    assert!(!IntelligentTiering.can_transition_to(StandardIa));
    assert!(!OnezoneIa.can_transition_to(GlacierIr));
    assert!(!DeepArchive.can_transition_to(Glacier));
    assert!(!Standard.can_transition_to(Standard));
}

#[test]
fn issue_example_standard_ia_month() {
    // 10,000 GB × $0.0125 = $125.00; 1,000,000 GET ÷ 1,000 × $0.001 = $1.00;
    // 1,000 GB × $0.01 = $10.00: $136.00.
    let r = compare(pricing(), Region::UsEast1, &S3Workload::default()).unwrap();
    let ia = option(&r, StorageClass::StandardIa);
    assert_eq!(ia.monthly_usd.unwrap().cents().to_string(), "136.00");
    assert_eq!(ia.lines.len(), 3);
    for l in &ia.lines {
        assert_eq!(l.exact_usd, l.quantity * l.rate, "{}", l.label);
    }
}

#[test]
fn validation_reports_every_field() {
    let w = S3Workload {
        storage_gb: d("-1"),
        object_count: Some(d("0.5")),
        put_requests_per_month: d("-3"),
        retrieval_gb_per_month: d("1.0000001"),
        retention_days: Decimal::ZERO,
        monthly_read_fraction: Some(d("1.5")),
        lifecycle: Some(vec![
            LifecycleStep {
                class: StorageClass::Glacier,
                days: None,
            },
            LifecycleStep {
                class: StorageClass::Standard,
                days: Some(Decimal::TEN),
            },
        ]),
        ..S3Workload::default()
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
            "s3.storage_gb",
            "s3.object_count",
            "s3.put_requests_per_month",
            "s3.retrieval_gb_per_month",
            "s3.retention_days",
            "s3.monthly_read_fraction",
            "s3.lifecycle[0].days",
            "s3.lifecycle[1].days",
            "s3.lifecycle[1].class",
        ]
    );
}

#[test]
fn object_count_or_size_but_not_both() {
    let mut w = S3Workload {
        average_object_size_kb: Some(Decimal::from(1024)),
        ..S3Workload::default()
    };
    let e = w.validate().unwrap_err();
    assert_eq!(e[0].field, "s3.average_object_size_kb");
    w.object_count = None;
    // 10,000 GB ÷ 1 MB = 10,240,000 objects.
    assert_eq!(w.validate().unwrap().objects, Decimal::from(10_240_000));
    w.average_object_size_kb = None;
    assert_eq!(w.validate().unwrap_err()[0].field, "s3.object_count");
}

#[test]
fn objects_over_5_tb_are_refused() {
    let w = S3Workload {
        storage_gb: Decimal::from(10_241),
        object_count: Some(Decimal::TWO),
        ..S3Workload::default()
    };
    let e = w.validate().unwrap_err();
    assert!(e[0].message().contains("5 TB"), "{}", e[0].message());
}

#[test]
fn read_fraction_defaults_to_retrieval_share() {
    let w = S3Workload {
        monthly_read_fraction: None,
        ..S3Workload::default()
    };
    let s = w.validate().unwrap();
    assert_eq!(s.read_fraction, d("0.1"));
    assert!(!s.read_fraction_given);
}

#[test]
fn a_class_without_a_sourced_get_rate_says_so() {
    let mut p = pricing().clone();
    for t in &mut p.tables {
        for c in &mut t.classes {
            if c.class == StorageClass::DeepArchive {
                c.get_per_1000 = None;
            }
        }
    }
    let r = compare(&p, Region::EuWest1, &S3Workload::default()).unwrap();
    let da = option(&r, StorageClass::DeepArchive);
    assert_eq!(da.monthly_usd, None);
    assert!(da.missing_rates[0].starts_with("no public rate for GET"));
    assert!(r.warnings.iter().any(|w| w.code == "rate_not_sourced"));
    assert_ne!(r.cheapest, Some(StorageClass::DeepArchive));
    // Without GETs the rate is not needed.
    let w = S3Workload {
        get_requests_per_month: Decimal::ZERO,
        ..S3Workload::default()
    };
    let r = compare(&p, Region::EuWest1, &w).unwrap();
    assert!(option(&r, StorageClass::DeepArchive).monthly_usd.is_some());
}

#[test]
fn deep_archive_get_rate_cites_its_own_source_outside_us_east_1() {
    // 1,000,000 GETs a month at $0.0004 per 1,000 = $0.40 in every region (AWS's S3 data of
    // 2025-06-05, "GET and all other requests to GDA", $0.0000004 per request).
    for region in Region::ALL {
        let r = compare(pricing(), region, &S3Workload::default()).unwrap();
        let da = option(&r, StorageClass::DeepArchive);
        let get = da
            .lines
            .iter()
            .find(|l| l.label.starts_with("GET"))
            .unwrap();
        assert_eq!(get.rate, d("0.0004"), "{region}");
        assert_eq!(get.exact_usd, d("0.40"), "{region}");
        assert_eq!(
            get.source.row,
            format!("{region} DEEP_ARCHIVE get_per_1000")
        );
        if region == Region::UsEast1 {
            assert_eq!(get.source.url, "https://aws.amazon.com/s3/pricing/");
        } else {
            assert!(get.source.url.contains("QuinnyPig/aws-price-watcher"));
            assert_eq!(get.source.as_of, "2025-06-05");
            // Its other rates keep the table's source.
            let put = pricing().table(region).unwrap();
            assert_ne!(put.source, get.source.url);
        }
    }
}

#[test]
fn break_even_is_where_the_lines_meet() {
    let r = compare(pricing(), Region::UsEast1, &S3Workload::default()).unwrap();
    assert!(!r.break_even.is_empty());
    for b in &r.break_even {
        let ca = option(&r, b.cheaper_below).curve.as_ref().unwrap();
        let cb = option(&r, b.cheaper_above).curve.as_ref().unwrap();
        let x = b.retrieval_gb_per_month;
        let gap = (ca.at(x) - cb.at(x)).abs();
        assert!(gap < d("0.000001"), "{b:?} {gap}");
        assert!(ca.at(Decimal::ZERO) <= cb.at(Decimal::ZERO));
    }
    // The envelope starts at 0 and ends open.
    assert_eq!(r.cheapest_by_retrieval[0].from_gb, Decimal::ZERO);
    assert!(r.cheapest_by_retrieval.last().unwrap().to_gb.is_none());
}

#[test]
fn curve_at_the_workload_equals_monthly() {
    let r = compare(pricing(), Region::ApSouth1, &S3Workload::default()).unwrap();
    for o in &r.options {
        if let (Some(m), Some(c)) = (o.monthly_usd, &o.curve) {
            let diff = (c.at(Decimal::from(1000)) - m.exact()).abs();
            assert!(diff < d("0.0000000001"), "{:?}", o.id);
        }
    }
}
