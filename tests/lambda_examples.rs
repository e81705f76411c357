//! AWS's own Lambda pricing examples, answered to the cent.
//!
//! Source: <https://aws.amazon.com/lambda/pricing/> ("All examples below are based on price in
//! US East (N. Virginia)"). Each case quotes the page's inputs and its totals.

use awscost::lambda::{compare, LambdaResult, LambdaWorkload};
use awscost::Region;

mod common;
use common::d;

fn run(region: Region, json: &str) -> LambdaResult {
    let w: LambdaWorkload = serde_json::from_str(json).unwrap();
    compare(&common::catalog().lambda, region, &w).unwrap()
}

fn cents(r: &LambdaResult) -> String {
    r.requested.monthly_usd.cents().to_string()
}

fn line(r: &LambdaResult, label_starts: &str) -> String {
    r.requested
        .lines
        .iter()
        .find(|l| l.label.starts_with(label_starts))
        .unwrap_or_else(|| panic!("no line {label_starts}"))
        .amount_usd
        .cents()
        .to_string()
}

struct Case {
    name: &'static str,
    workload: &'static str,
    total: &'static str,
    lines: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    // Page example "512MB, executed 3 million times, 1 second each": 1,100,000 GB-s after the
    // free tier × $0.0000166667 = $18.33; 2M requests × $0.20/M = $0.40; total $18.73.
    Case {
        name: "512 MB, 3M invocations of 1 s",
        workload: r#"{"architecture":"x86_64","memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000}"#,
        total: "18.73",
        lines: &[("Requests", "0.40"), ("Compute", "18.33")],
    },
    // Page example 2 (older page): 128 MB, 30M invocations of 200 ms: 350,000 billable GB-s
    // = $5.83, 29M requests = $5.80, total $11.63.
    Case {
        name: "128 MB, 30M invocations of 200 ms",
        workload: r#"{"memory_mb":128,"duration_ms":200,"invocations_per_month":30000000}"#,
        total: "11.63",
        lines: &[("Requests", "5.80"), ("Compute", "5.83")],
    },
    // "Mobile application backend": 3M requests, 120 ms, 1536 MB: 140,000 GB-s = $2.33,
    // requests $0.40, total $2.73.
    Case {
        name: "mobile application backend",
        workload: r#"{"memory_mb":1536,"duration_ms":120,"invocations_per_month":3000000}"#,
        total: "2.73",
        lines: &[("Requests", "0.40"), ("Compute", "2.33")],
    },
    // "Enriching streaming telemetry": 7.44M requests, 2 s, 1024 MB, no free tier:
    // requests $1.49, compute 14.88M GB-s = $248.00, total $249.49.
    Case {
        name: "streaming telemetry",
        workload: r#"{"memory_mb":1024,"duration_ms":2000,"invocations_per_month":7440000,"free_tier":false}"#,
        total: "249.49",
        lines: &[("Requests", "1.49"), ("Compute", "248.00")],
    },
    // "ML on customer support tickets": 6M requests, 280 ms, 4096 MB, 2048 MB ephemeral:
    // compute 6,320,000 GB-s = $105.33, requests $1.00, ephemeral 2,520,000 GB-s = $0.08,
    // total $106.41.
    Case {
        name: "customer support ML with ephemeral storage",
        workload: r#"{"memory_mb":4096,"duration_ms":280,"invocations_per_month":6000000,"ephemeral_storage_mb":2048}"#,
        total: "106.41",
        lines: &[
            ("Requests", "1.00"),
            ("Compute", "105.33"),
            ("Ephemeral storage", "0.08"),
        ],
    },
    // Provisioned Concurrency example 2, "Cyber Monday": PC 7 for 24 h, 2M requests of 280 ms at
    // 4096 MB, all served by PC: PC 2,419,200 GB-s = $10.08, duration 2,240,000 GB-s at
    // $0.0000097222 = $21.78, requests $0.40, total $32.26.
    Case {
        name: "provisioned concurrency, Cyber Monday",
        workload: r#"{"memory_mb":4096,"duration_ms":280,"invocations_per_month":2000000,"provisioned_concurrency":7,"provisioned_hours_per_month":24}"#,
        total: "32.26",
        lines: &[
            ("Requests", "0.40"),
            ("Provisioned Concurrency", "10.08"),
            ("Provisioned duration", "21.78"),
        ],
    },
];

#[test]
fn aws_published_examples_to_the_cent() {
    for c in CASES {
        let r = run(Region::UsEast1, c.workload);
        assert_eq!(cents(&r), c.total, "{}", c.name);
        for (label, amount) in c.lines {
            assert_eq!(&line(&r, label), amount, "{}: {label}", c.name);
        }
    }
}

/// Provisioned Concurrency example 1, "mobile application launch": 3M requests at 1536 MB; PC 100
/// for 8 h serves 500,000 requests of 100 ms; 2.5M requests of 120 ms run on demand with the
/// free tier. The page's total is $19.96 = PC $18.00 + requests $0.40 + PC duration $0.73 +
/// on-demand compute $0.83. A workload has one duration, so the example is two workloads.
#[test]
fn aws_provisioned_example_one_as_two_workloads() {
    let pc = run(
        Region::UsEast1,
        r#"{"memory_mb":1536,"duration_ms":100,"invocations_per_month":500000,"provisioned_concurrency":100,"provisioned_hours_per_month":8}"#,
    );
    assert_eq!(line(&pc, "Provisioned Concurrency"), "18.00");
    assert_eq!(line(&pc, "Provisioned duration"), "0.73");
    let od = run(
        Region::UsEast1,
        r#"{"memory_mb":1536,"duration_ms":120,"invocations_per_month":2500000}"#,
    );
    assert_eq!(line(&od, "Compute"), "0.83");
    // Requests: the page bills 3M − 1M free = 2M = $0.40; here 0.5M (no free tier with PC)
    // + 1.5M billable on demand = 2M.
    let requests = pc.requested.lines[0].exact_usd + od.requested.lines[0].exact_usd;
    assert_eq!(requests, d("0.40"));
    let total = pc.requested.monthly_usd + od.requested.monthly_usd;
    assert_eq!(total.cents().to_string(), "19.96");
}

#[test]
fn arm64_uses_its_own_tiers() {
    // Page's Durable Functions example, compute only: 32,000,000 GB-s − 400,000 free
    // = 31,600,000 × $0.0000133334 = $421.34 (arm64). 1M invocations of 32 s at 1024 MB.
    let r = run(
        Region::UsEast1,
        r#"{"architecture":"arm64","memory_mb":1024,"duration_ms":32000,"invocations_per_month":1000000}"#,
    );
    assert_eq!(line(&r, "Compute"), "421.34");
}

#[test]
fn regional_rates_differ_where_aws_says_so() {
    let w = r#"{"memory_mb":1024,"duration_ms":1000,"invocations_per_month":1000000,"ephemeral_storage_mb":1536,"free_tier":false}"#;
    // 1M × 1 s × 1 GB ephemeral above 512 MB = 1,000,000 GB-s.
    let us = run(Region::UsEast1, w);
    let eu = run(Region::EuWest1, w);
    let ap = run(Region::ApSouth1, w);
    assert_eq!(line(&us, "Ephemeral"), "0.03"); // × 0.0000000309
    assert_eq!(line(&eu, "Ephemeral"), "0.03"); // × 0.0000000340
    let exact = |r: &LambdaResult| {
        r.requested
            .lines
            .iter()
            .find(|l| l.label.starts_with("Ephemeral"))
            .unwrap()
            .exact_usd
    };
    assert_eq!(exact(&us), d("0.0309"));
    assert_eq!(exact(&eu), d("0.0340"));
    assert_eq!(exact(&ap), d("0.0352"));
}

#[test]
fn tier_two_starts_after_six_billion_gb_seconds() {
    // 10,240 MB × 900 s × 1,000,000 = 9,000,000,000 GB-s; no free tier:
    // 6B × 0.0000166667 + 3B × 0.000015 = 100,000.20 + 45,000 = $145,000.20 + requests $0.20.
    let r = run(
        Region::UsEast1,
        r#"{"memory_mb":10240,"duration_ms":900000,"invocations_per_month":1000000,"free_tier":false}"#,
    );
    assert_eq!(cents(&r), "145000.40");
    let compute: Vec<_> = r
        .requested
        .lines
        .iter()
        .filter(|l| l.label.starts_with("Compute"))
        .map(|l| l.quantity)
        .collect();
    assert_eq!(compute, vec![d("6000000000"), d("3000000000")]);
}

#[test]
fn cheapest_and_fastest_for_single_threaded_cpu_bound_code() {
    // Fully CPU-bound, single-threaded: GB-s is constant up to 1,769 MB (duration × memory), so
    // every setting up to 1 vCPU costs the same (to billing-ms rounding) and nothing is faster
    // beyond 1,769 MB.
    let r = run(
        Region::UsEast1,
        r#"{"memory_mb":1024,"duration_ms":1000,"invocations_per_month":10000000,"free_tier":false}"#,
    );
    assert_eq!(r.fastest.memory_mb, 1769);
    let at = |m: u32| r.options.iter().find(|o| o.memory_mb == m).unwrap();
    assert!(r.options.usd(at(4096)) > r.options.usd(at(1769)));
    assert!(r.cheapest.memory_mb <= 1769);
    assert!(r.cheapest.monthly_usd.cents() <= r.requested.monthly_usd.cents());
    // Among the settings that cost the cheapest cent, the pick is the fastest.
    let cheapest_cents = r.cheapest.monthly_usd.cents();
    let fastest_at_that_price = r
        .options
        .iter()
        .filter(|o| r.options.usd(o).cents() == cheapest_cents)
        .map(|o| o.duration_us)
        .min()
        .unwrap();
    assert_eq!(r.cheapest.duration_us, fastest_at_that_price);
}
