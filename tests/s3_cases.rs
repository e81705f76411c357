//! S3 cases worked by hand from AWS's own figures and examples:
//! - prices: <https://aws.amazon.com/s3/pricing/> (us-east-1 unless stated);
//! - worked examples: the S3 FAQ <https://aws.amazon.com/s3/faqs/>, the user guide's storage-class
//!   table <https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html>, and the
//!   re:Post article <https://repost.aws/knowledge-center/s3-manage-data-retrieval>.

use awscost::s3::{self, LifecycleStep, RetrievalTier, S3Result, S3Workload, StorageClass};
use awscost::Region;
use rust_decimal::Decimal;

mod common;
use common::d;

fn run(region: Region, w: &S3Workload) -> S3Result {
    let c = common::catalog();
    s3::compare(&c.s3, region, w).unwrap()
}

fn work(storage_gb: &str, objects: u64) -> S3Workload {
    S3Workload {
        storage_gb: d(storage_gb),
        object_count: Some(Decimal::from(objects)),
        average_object_size_kb: None,
        put_requests_per_month: Decimal::ZERO,
        get_requests_per_month: Decimal::ZERO,
        retrieval_gb_per_month: Decimal::ZERO,
        retention_days: Decimal::from(365),
        monthly_read_fraction: Some(Decimal::ONE),
        retrieval_tier: RetrievalTier::Standard,
        lifecycle: None,
    }
}

fn cents(u: Option<awscost::Usd>) -> String {
    u.expect("priced").cents().to_string()
}

fn opt(r: &S3Result, c: StorageClass) -> &s3::S3Option {
    r.options.iter().find(|o| o.id == c).unwrap()
}

fn line<'a>(o: &'a s3::S3Option, starts: &str) -> &'a awscost::report::LineItem {
    o.lines
        .iter()
        .find(|l| l.label.starts_with(starts))
        .unwrap_or_else(|| panic!("no line {starts} in {:?}", o.id))
}

struct Case {
    name: &'static str,
    region: Region,
    w: S3Workload,
    class: StorageClass,
    monthly: &'static str,
    retention: Option<&'static str>,
    early: &'static str,
}

#[test]
fn worked_cases() {
    let cases = vec![
        // FAQ, "byte-hours" example: 52,900 GB-months of Standard:
        // 51,200 GB × $0.023 = $1,177.60; 1,700 GB × $0.022 = $37.40; total $1,215.00.
        Case {
            name: "FAQ tiered Standard storage",
            region: Region::UsEast1,
            w: work("52900", 52_900),
            class: StorageClass::Standard,
            monthly: "1215.00",
            retention: None,
            early: "0.00",
        },
        // Issue example in Standard-IA: 10,000 GB × $0.0125 = $125; 1M GET × $0.001/1,000 = $1;
        // 1,000 GB retrieved × $0.01 = $10; $136.00 a month. A year: 136 × 365/30 = $1,654.67.
        Case {
            name: "issue example, Standard-IA",
            region: Region::UsEast1,
            w: S3Workload::default(),
            class: StorageClass::StandardIa,
            monthly: "136.00",
            retention: Some("1654.67"),
            early: "0.00",
        },
        // Same data in Intelligent-Tiering, read share 0.1: Frequent 1,000 GB × $0.023 = $23;
        // Infrequent 0.171 × 10,000 = 1,710 GB × $0.0125 = $21.375; Archive Instant 7,290 GB ×
        // $0.004 = $29.16; monitoring 100 × $0.0025 = $0.25; GET $0.40: $74.185 → $74.19.
        Case {
            name: "issue example, Intelligent-Tiering",
            region: Region::UsEast1,
            w: S3Workload::default(),
            class: StorageClass::IntelligentTiering,
            monthly: "74.19",
            retention: None,
            early: "0.00",
        },
        // ap-south-1 Standard: 10,000 GB × $0.025 = $250 + 1M GET × $0.0004/1,000 = $0.40.
        Case {
            name: "Mumbai Standard",
            region: Region::ApSouth1,
            w: S3Workload::default(),
            class: StorageClass::Standard,
            monthly: "250.40",
            retention: None,
            early: "0.00",
        },
        // eu-west-1 Glacier Flexible, from AWS's price feed as scraped on 2024-09-25
        // (StephenWetzel/aws_s3_pricing_scraper@1466b742,
        // outputs/aws_s3_cost_s3-glacier-flexibleretrieval_2024-09-25T20_02_35.csv, "EU (Ireland)":
        // storage $0.0036/GB-month, "PUT requests to Glacier" $0.000033 a request = $0.033/1,000).
        // 10,000 GB in 10 objects: $36.00; 10 × 32 KB × $0.0036 and 10 × 8 KB × $0.023 add under a
        // hundredth of a cent; 1M PUTs × $0.033/1,000 = $33.00; $69.00 (us-east-1: $30 of PUTs).
        Case {
            name: "Ireland Glacier Flexible PUTs",
            region: Region::EuWest1,
            w: S3Workload {
                put_requests_per_month: Decimal::from(1_000_000),
                ..work("10000", 10)
            },
            class: StorageClass::Glacier,
            monthly: "69.00",
            retention: None,
            early: "0.00",
        },
        // FAQ small-object example: a 6 KB object in Standard-IA is billed for 6 KB plus 122 KB.
        // 1,048,576 objects of 6 KB = 6 GB stored, billed as 128 GB:
        // 6 × $0.0125 = $0.075 + 122 × $0.0125 = $1.525 → $1.60.
        Case {
            name: "FAQ 6 KB objects in Standard-IA",
            region: Region::UsEast1,
            w: work("6", 1_048_576),
            class: StorageClass::StandardIa,
            monthly: "1.60",
            retention: None,
            early: "0.00",
        },
        // Same objects in Glacier IR (128 KB minimum): 128 GB × $0.004 = $0.512 → $0.51.
        Case {
            name: "6 KB objects in Glacier IR",
            region: Region::UsEast1,
            w: work("6", 1_048_576),
            class: StorageClass::GlacierIr,
            monthly: "0.51",
            retention: None,
            early: "0.00",
        },
        // In Intelligent-Tiering, objects under 128 KB are not monitored and stay in Frequent
        // Access: 6 GB × $0.023 = $0.138 → $0.14, no monitoring charge.
        Case {
            name: "6 KB objects in Intelligent-Tiering",
            region: Region::UsEast1,
            w: S3Workload {
                monthly_read_fraction: Some(Decimal::ZERO),
                ..work("6", 1_048_576)
            },
            class: StorageClass::IntelligentTiering,
            monthly: "0.14",
            retention: None,
            early: "0.00",
        },
        // FAQ Glacier example: 100,000 objects of 1 GB. 100,000 GB × $0.0036 = $360; 32 KB each =
        // 3.0517578125 GB (binary; the FAQ rounds to 3.2) × $0.0036 = $0.010986328125; 8 KB each =
        // 0.762939453125 GB × $0.023 = $0.017547607421875: $360.028533935546875 → $360.03.
        Case {
            name: "FAQ 40 KB archive overhead, Glacier Flexible",
            region: Region::UsEast1,
            w: work("100000", 100_000),
            class: StorageClass::Glacier,
            monthly: "360.03",
            retention: None,
            early: "0.00",
        },
        // Same in Deep Archive: $99 + 3.0517578125 × $0.00099 + $0.017547607421875 = $99.0205… .
        Case {
            name: "40 KB archive overhead, Deep Archive",
            region: Region::UsEast1,
            w: work("100000", 100_000),
            class: StorageClass::DeepArchive,
            monthly: "99.02",
            retention: None,
            early: "0.00",
        },
        // FAQ early deletion: Glacier data deleted after 30 days is charged 60 more days.
        // 10,000 GB in 10 objects: (10,000 + 10 × 32 KB) GB × 60/30 × $0.0036 = $72.0000022 → $72.00;
        // total = one month of storage ($36.00 + overheads) + $72.00 = $108.00.
        Case {
            name: "FAQ Glacier deleted at 30 days",
            region: Region::UsEast1,
            w: S3Workload {
                retention_days: Decimal::from(30),
                ..work("10000", 10)
            },
            class: StorageClass::Glacier,
            monthly: "36.00",
            retention: Some("108.00"),
            early: "72.00",
        },
        // …and after 60 days it is charged for 30 more days: $36.00.
        Case {
            name: "FAQ Glacier deleted at 60 days",
            region: Region::UsEast1,
            w: S3Workload {
                retention_days: Decimal::from(60),
                ..work("10000", 10)
            },
            class: StorageClass::Glacier,
            monthly: "36.00",
            retention: Some("108.00"),
            early: "36.00",
        },
        // AWS training example for Glacier IR (90 days at $0.004): deleted on day 30 → $0.008 per GB,
        // on day 60 → $0.004 per GB. 1,000 GB in 1,000 objects: $8.00 and $4.00.
        Case {
            name: "Glacier IR deleted at 30 days",
            region: Region::UsEast1,
            w: S3Workload {
                retention_days: Decimal::from(30),
                ..work("1000", 1000)
            },
            class: StorageClass::GlacierIr,
            monthly: "4.00",
            retention: Some("12.00"),
            early: "8.00",
        },
        Case {
            name: "Glacier IR deleted at 60 days",
            region: Region::UsEast1,
            w: S3Workload {
                retention_days: Decimal::from(60),
                ..work("1000", 1000)
            },
            class: StorageClass::GlacierIr,
            monthly: "4.00",
            retention: Some("12.00"),
            early: "4.00",
        },
        // FAQ: "Data that is deleted from S3 Standard-IA within 30 days will be charged for a full
        // 30 days": 1,000 GB kept 10 days costs a full month, 1,000 × $0.0125 = $12.50.
        Case {
            name: "Standard-IA deleted at 10 days",
            region: Region::UsEast1,
            w: S3Workload {
                retention_days: Decimal::from(10),
                ..work("1000", 1000)
            },
            class: StorageClass::StandardIa,
            monthly: "12.50",
            retention: Some("12.50"),
            early: "8.33",
        },
        // Deep Archive kept 90 of 180 days: 1,000 GB × $0.00099 × 6 months = $5.94 in all,
        // half of it early deletion (the 40 KB per object adds under a cent).
        Case {
            name: "Deep Archive deleted at 90 days",
            region: Region::UsEast1,
            w: S3Workload {
                retention_days: Decimal::from(90),
                ..work("1000", 1000)
            },
            class: StorageClass::DeepArchive,
            monthly: "0.99",
            retention: Some("5.94"),
            early: "2.97",
        },
    ];
    for c in &cases {
        let r = run(c.region, &c.w);
        let o = opt(&r, c.class);
        assert_eq!(cents(o.monthly_usd), c.monthly, "{}: monthly", c.name);
        if let Some(t) = c.retention {
            assert_eq!(cents(o.retention_total_usd), t, "{}: retention", c.name);
        }
        assert_eq!(
            o.early_deletion_usd.cents().to_string(),
            c.early,
            "{}: early deletion",
            c.name
        );
    }
}

#[test]
fn faq_tier_lines_are_the_faqs() {
    let r = run(Region::UsEast1, &work("52900", 52_900));
    let o = opt(&r, StorageClass::Standard);
    let amounts: Vec<_> = o
        .lines
        .iter()
        .map(|l| (l.quantity, l.amount_usd.cents().to_string()))
        .collect();
    assert_eq!(
        amounts,
        vec![
            (d("51200"), "1177.60".to_string()),
            (d("1700"), "37.40".to_string())
        ]
    );
}

#[test]
fn faq_archive_overhead_lines_are_exact() {
    let r = run(Region::UsEast1, &work("100000", 100_000));
    let o = opt(&r, StorageClass::Glacier);
    let idx = line(o, "Archive index");
    assert_eq!(idx.quantity, d("3.0517578125"));
    assert_eq!(idx.exact_usd, d("0.010986328125"));
    let meta = line(o, "Archive metadata");
    assert_eq!(meta.quantity, d("0.762939453125"));
    assert_eq!(meta.rate, d("0.023"));
    assert_eq!(meta.exact_usd, d("0.017547607421875"));
    assert_eq!(o.monthly_usd.unwrap().exact(), d("360.028533935546875"));
}

#[test]
fn faq_small_object_top_up_is_122_kb_each() {
    let r = run(Region::UsEast1, &work("6", 1_048_576));
    let top = line(opt(&r, StorageClass::StandardIa), "Minimum billable");
    assert_eq!(top.quantity, d("122"));
    let it = opt(&r, StorageClass::IntelligentTiering);
    assert!(it.lines.iter().all(|l| !l.label.starts_with("Monitoring")));
    assert!(r.warnings.iter().any(|w| w.code == "small_objects"));
}

#[test]
fn repost_glacier_retrieval_example() {
    // re:Post: 15,000,000 objects, 102,400 GB retrieved from Glacier Flexible Retrieval.
    // Standard: 15,000,000 / 1,000 × $0.05 = $750; 102,400 × $0.01 = $1,024; $1,774.
    // Expedited: 15,000,000 / 1,000 × $10 = $150,000; 102,400 × $0.03 = $3,072.
    let mut w = S3Workload {
        retrieval_gb_per_month: d("102400"),
        ..work("102400", 15_000_000)
    };
    let r = run(Region::UsEast1, &w);
    let o = opt(&r, StorageClass::Glacier);
    assert_eq!(
        line(o, "Retrieval requests").amount_usd.cents(),
        d("750.00")
    );
    assert_eq!(line(o, "Data retrieval").amount_usd.cents(), d("1024.00"));
    w.retrieval_tier = RetrievalTier::Expedited;
    let r = run(Region::UsEast1, &w);
    let o = opt(&r, StorageClass::Glacier);
    assert_eq!(
        line(o, "Retrieval requests").amount_usd.cents(),
        d("150000.00")
    );
    assert_eq!(line(o, "Data retrieval").amount_usd.cents(), d("3072.00"));
    // Deep Archive has no expedited tier: priced at standard, with a warning.
    let da = opt(&r, StorageClass::DeepArchive);
    assert_eq!(line(da, "Data retrieval").rate, d("0.02"));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "retrieval_tier_not_offered"));
    // Bulk is free for Glacier Flexible Retrieval.
    w.retrieval_tier = RetrievalTier::Bulk;
    let r = run(Region::UsEast1, &w);
    let o = opt(&r, StorageClass::Glacier);
    assert!(o
        .lines
        .iter()
        .all(|l| l.exact_usd.is_zero() || !l.label.contains("retrieval")));
}

#[test]
fn lifecycle_plan_from_the_issue() {
    // Standard 30 days: $230 storage + $0.40 GET = $230.40.
    // Transition to Standard-IA: 100,000 ÷ 1,000 × $0.01 = $1.00.
    // Standard-IA 150 days: 5 months × ($125 + $1 + $10) = $680.00.
    // Transition to Deep Archive: 100 × $0.05 = $5.00.
    // Deep Archive 185 days: 185/30 × ($9.90 + 100,000 × 32 KB at $0.00099 + 100,000 × 8 KB at
    // $0.023 = $9.92056884765625) = $61.18, and 185/30 × ($0.40 GET + $20 retrieval + $1 restores)
    // = $131.97. Total $1,109.54.
    let w = S3Workload {
        lifecycle: Some(vec![
            LifecycleStep {
                class: StorageClass::Standard,
                days: Some(Decimal::from(30)),
            },
            LifecycleStep {
                class: StorageClass::StandardIa,
                days: Some(Decimal::from(150)),
            },
            LifecycleStep {
                class: StorageClass::DeepArchive,
                days: None,
            },
        ]),
        ..S3Workload::default()
    };
    let r = run(Region::UsEast1, &w);
    let lc = r.lifecycle.as_ref().unwrap();
    let totals: Vec<_> = lc
        .steps
        .iter()
        .map(|s| (s.from_day, s.to_day, s.total_usd.cents().to_string()))
        .collect();
    assert_eq!(
        totals,
        vec![
            (0, 30, "230.40".to_string()),
            (30, 180, "681.00".to_string()),
            (180, 365, "198.14".to_string())
        ]
    );
    assert_eq!(lc.transitions_usd.cents(), d("6.00"));
    assert_eq!(lc.total_usd.unwrap().cents(), d("1109.54"));
    // Keeping everything in Deep Archive the whole year is cheaper still.
    assert_eq!(lc.best_single_class, Some(StorageClass::DeepArchive));
    assert!(!lc.cheaper_than_any_single_class);
    let vs_standard = lc
        .versus
        .iter()
        .find(|v| v.id == StorageClass::Standard)
        .unwrap();
    assert!(vs_standard.plan_minus_class_usd.unwrap().exact() < Decimal::ZERO);
}

#[test]
fn lifecycle_early_transition_is_charged() {
    // Glacier IR for 30 days then Deep Archive: 60 days of Glacier IR early deletion.
    // 1,000 GB in 1,000 objects: 1,000 × $0.004 × 2 = $8.00.
    let w = S3Workload {
        lifecycle: Some(vec![
            LifecycleStep {
                class: StorageClass::GlacierIr,
                days: Some(Decimal::from(30)),
            },
            LifecycleStep {
                class: StorageClass::DeepArchive,
                days: None,
            },
        ]),
        ..work("1000", 1000)
    };
    let r = run(Region::UsEast1, &w);
    let lc = r.lifecycle.unwrap();
    assert_eq!(lc.steps[0].early_deletion_usd.cents(), d("8.00"));
    assert_eq!(lc.steps[1].early_deletion_usd.cents(), d("0.00"));
}

#[test]
fn cheapest_is_marked_once() {
    let r = run(Region::UsEast1, &S3Workload::default());
    assert_eq!(r.options.iter().filter(|o| o.cheapest).count(), 1);
    let c = r.options.iter().find(|o| o.cheapest).unwrap();
    assert_eq!(Some(c.id), r.cheapest);
    for o in &r.options {
        assert!(o.retention_total_usd.unwrap() >= c.retention_total_usd.unwrap());
    }
    assert_eq!(r.options.len(), 7);
    assert_eq!(opt(&r, StorageClass::OnezoneIa).facts.azs, "1");
}
