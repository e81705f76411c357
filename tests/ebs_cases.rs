//! EBS cases worked by hand from AWS's pricing page, <https://aws.amazon.com/ebs/pricing/>
//! ("Pricing examples"), at the us-east-1 list rates of `pricing/ebs.json`.
//!
//! The page's examples run a volume for 12 hours of a 30-day month and, in places, use
//! illustrative rates ("in a region that charges $0.06 per MB/s-month"). Each case below keeps
//! the example's volume and works it for a whole month (730 hours, the calculator's month) at the
//! list rates, so the arithmetic can be checked line by line: rate × quantity, no proration.

use awscost::ebs::{compare, EbsWorkload, VolumeType};
use awscost::Region;
use rust_decimal::Decimal;

/// What one type should show: eligible with this size and monthly cost, or ineligible with a
/// reason containing the text.
#[derive(Debug)]
enum Row {
    Priced(u64, &'static str),
    Stopped(&'static str),
}

struct Case {
    name: &'static str,
    region: Region,
    workload: &'static str,
    rows: &'static [(VolumeType, Row)],
    cheapest: Option<VolumeType>,
}

use Row::*;
use VolumeType::*;

mod common;
use common::d;

const CASES: &[Case] = &[
    Case {
        // Example 1 (gp3): 2,000 GB, 10,000 IOPS, 500 MB/s. Storage 2,000 × $0.08 = $160;
        // IOPS (10,000 − 3,000 free) × $0.005 = $35; throughput (500 − 125 free) × $0.04 = $15.
        // io1: 2,000 × $0.125 + 10,000 × $0.065 = $250 + $650. io2: the same in tier 1.
        name: "example 1, gp3 with 10,000 IOPS and 500 MiB/s, full month",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 2000, "iops": 10000, "throughput_mibps": 500, "hours_per_month": 730, "boot": false, "multi_attach": false}"#,
        rows: &[
            (Gp2, Stopped("at most 250 MiB/s")),
            (Gp3, Priced(2000, "210.00")),
            (Io1, Priced(2000, "900.00")),
            (Io2, Priced(2000, "900.00")),
            (St1, Stopped("at most 500 IOPS")),
            (Sc1, Stopped("at most 250 IOPS")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // Example 1 for 365 of 730 hours: exactly half of $210.
        name: "example 1, half a month",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 2000, "iops": 10000, "throughput_mibps": 500, "hours_per_month": 365}"#,
        rows: &[(Gp3, Priced(2000, "105.00")), (Io1, Priced(2000, "450.00"))],
        cheapest: Some(Gp3),
    },
    Case {
        // Examples 2, 5 and 6 (gp2, st1, sc1): 2,000 GB with no performance need.
        // gp2 2,000 × $0.10 = $200 (6,000 IOPS baseline). gp3 2,000 × $0.08 = $160.
        // io1/io2 at the 100-IOPS minimum: $250 + 100 × $0.065 = $256.50.
        // st1 2,000 × $0.045 = $90. sc1 2,000 × $0.015 = $30.
        name: "examples 2, 5, 6: capacity only",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 2000}"#,
        rows: &[
            (Gp2, Priced(2000, "200.00")),
            (Gp3, Priced(2000, "160.00")),
            (Io1, Priced(2000, "256.50")),
            (Io2, Priced(2000, "256.50")),
            (St1, Priced(2000, "90.00")),
            (Sc1, Priced(2000, "30.00")),
        ],
        cheapest: Some(Sc1),
    },
    Case {
        // Example 4 (io1): 2,000 GB with 1,000 IOPS: $250 + 1,000 × $0.065 = $315.
        // gp2 meets 1,000 IOPS at 2,000 GiB (6,000 baseline). sc1 must carry 1,000 IOPS at
        // 1 MiB each: above its 250 IOPS.
        name: "example 4, io1 with 1,000 IOPS",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 2000, "iops": 1000}"#,
        rows: &[
            (Gp2, Priced(2000, "200.00")),
            (Gp3, Priced(2000, "160.00")),
            (Io1, Priced(2000, "315.00")),
            (Io2, Priced(2000, "315.00")),
            (St1, Stopped("at most 500 IOPS")),
            (Sc1, Stopped("at most 250 IOPS")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // Example 3, volume B (io2 tiers): 2,000 GB with 60,000 IOPS.
        // $250 + 32,000 × $0.065 + 28,000 × $0.0455 = $250 + $2,080 + $1,274 = $3,604.
        // io1 at 60,000 IOPS: $250 + 60,000 × $0.065 = $4,150.
        // gp3: $160 + 57,000 × $0.005 = $445 (2,000 GiB allows 500 × 2,000 IOPS).
        name: "example 3 volume B, io2 across two tiers",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 2000, "iops": 60000}"#,
        rows: &[
            (Gp2, Stopped("at most 16,000 IOPS")),
            (Gp3, Priced(2000, "445.00")),
            (Io1, Priced(2000, "4150.00")),
            (Io2, Priced(2000, "3604.00")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // gp2 must grow: 500 GiB needing 6,000 IOPS at 3 IOPS/GiB is 2,000 GiB: $200.
        // gp3 stays at 500 GiB: $40 + 3,000 × $0.005 = $55.
        name: "gp2 grows to reach its IOPS",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 500, "iops": 6000}"#,
        rows: &[
            (Gp2, Priced(2000, "200.00")),
            (Gp3, Priced(500, "55.00")),
            (Io1, Priced(500, "452.50")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // gp2 grows for throughput: 200 MiB/s needs 334 GiB (250 MiB/s without burst credits):
        // 334 × $0.10 = $33.40. gp3: 100 × $0.08 + 75 × $0.04 = $11.
        name: "gp2 grows to sustain 250 MiB/s",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 100, "throughput_mibps": 200}"#,
        rows: &[(Gp2, Priced(334, "33.40")), (Gp3, Priced(100, "11.00"))],
        cheapest: Some(Gp3),
    },
    Case {
        // io1 must grow: 100 GiB with 20,000 IOPS at most 50 IOPS/GiB is 400 GiB:
        // 400 × $0.125 + 20,000 × $0.065 = $50 + $1,300 = $1,350.
        // io2 at 1,000 IOPS/GiB stays at 100 GiB: $12.50 + $1,300 = $1,312.50.
        // gp3: 100 GiB allows 50,000 IOPS: $8 + 17,000 × $0.005 = $93.
        name: "io1 grows to 50 IOPS per GiB",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 100, "iops": 20000}"#,
        rows: &[
            (Gp2, Stopped("at most 16,000 IOPS")),
            (Gp3, Priced(100, "93.00")),
            (Io1, Priced(400, "1350.00")),
            (Io2, Priced(100, "1312.50")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // gp3 grows: 10 GiB with 16,000 IOPS at 500 IOPS/GiB is 32 GiB:
        // 32 × $0.08 + 13,000 × $0.005 = $2.56 + $65 = $67.56.
        name: "gp3 grows to 500 IOPS per GiB",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 10, "iops": 16000}"#,
        rows: &[(Gp3, Priced(32, "67.56"))],
        cheapest: Some(Gp3),
    },
    Case {
        // st1 grows: 250 MiB/s at 40 MiB/s per TiB is 6,400 GiB: 6,400 × $0.045 = $288.
        // sc1 at 12 MiB/s per TiB would need 21,334 GiB, over its 16 TiB.
        name: "st1 grows for baseline throughput",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 200, "throughput_mibps": 250}"#,
        rows: &[
            (Gp2, Priced(334, "33.40")),
            (Gp3, Priced(200, "21.00")),
            (St1, Priced(6400, "288.00")),
            (Sc1, Stopped("at most 192 MiB/s")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // Minimum sizes: 1 GiB becomes 4 GiB of io1 ($0.50 + 100 × $0.065 = $7)
        // and 125 GiB of st1 (125 × $0.045 = $5.625, $5.63) and sc1 ($1.875, $1.88).
        name: "minimum sizes",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 1}"#,
        rows: &[
            (Gp2, Priced(1, "0.10")),
            (Gp3, Priced(1, "0.08")),
            (Io1, Priced(4, "7.00")),
            (Io2, Priced(4, "7.00")),
            (St1, Priced(125, "5.63")),
            (Sc1, Priced(125, "1.88")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // A boot volume cannot be st1 or sc1.
        name: "boot volume",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 500, "boot": true}"#,
        rows: &[
            (Gp3, Priced(500, "40.00")),
            (St1, Stopped("cannot be a boot volume")),
            (Sc1, Stopped("cannot be a boot volume")),
        ],
        cheapest: Some(Gp3),
    },
    Case {
        // Multi-Attach: only io1/io2. 100 GiB and 100 IOPS: $12.50 + $6.50 = $19.
        name: "multi-attach",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 100, "multi_attach": true, "attach_instances": 4}"#,
        rows: &[
            (Gp2, Stopped("Multi-Attach")),
            (Gp3, Stopped("Multi-Attach")),
            (Io1, Priced(100, "19.00")),
            (Io2, Priced(100, "19.00")),
            (St1, Stopped("Multi-Attach")),
            (Sc1, Stopped("Multi-Attach")),
        ],
        cheapest: Some(Io1),
    },
    Case {
        // Example 10 (Snapshots Archive): 200 GB archived, $0.0125 × 200 = $2.50 a month,
        // added to every type. gp3 100 GiB: $8 + $2.50. sc1 at its 125 GiB minimum:
        // $1.875 + $2.50 = $4.375, $4.38.
        name: "example 10, archived snapshot",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 100, "snapshot_gib": 200, "snapshot_tier": "archive"}"#,
        rows: &[
            (Gp3, Priced(100, "10.50")),
            (Gp2, Priced(100, "12.50")),
            (Sc1, Priced(125, "4.38")),
        ],
        cheapest: Some(Sc1),
    },
    Case {
        // Standard snapshots: 200 GB × $0.05 = $10 a month. gp3 $8 + $10; sc1 $1.875 + $10.
        name: "standard snapshot",
        region: Region::UsEast1,
        workload: r#"{"size_gib": 100, "snapshot_gib": 200}"#,
        rows: &[(Gp3, Priced(100, "18.00")), (Sc1, Priced(125, "11.88"))],
        cheapest: Some(Sc1),
    },
    Case {
        // eu-west-1, example 1's volume: 2,000 × $0.088 + 7,000 × $0.0055 + 375 × $0.044
        // = $176 + $38.50 + $16.50 = $231. io2: 2,000 × $0.138 + 10,000 × $0.072 = $996.
        name: "example 1 in eu-west-1",
        region: Region::EuWest1,
        workload: r#"{"size_gib": 2000, "iops": 10000, "throughput_mibps": 500}"#,
        rows: &[(Gp3, Priced(2000, "231.00")), (Io2, Priced(2000, "996.00"))],
        cheapest: Some(Gp3),
    },
    Case {
        // Example 10's archived snapshot in eu-west-1: 200 GB × $0.0125 = $2.50 a month on every
        // type. gp3 100 × $0.088 = $8.80 + $2.50; gp2 100 × $0.11 = $11 + $2.50; st1 at its
        // 125 GiB minimum 125 × $0.05 = $6.25 + $2.50; sc1 125 × $0.0168 = $2.10 + $2.50.
        name: "example 10 in eu-west-1, archived snapshot",
        region: Region::EuWest1,
        workload: r#"{"size_gib": 100, "snapshot_gib": 200, "snapshot_tier": "archive"}"#,
        rows: &[
            (Gp3, Priced(100, "11.30")),
            (Gp2, Priced(100, "13.50")),
            (St1, Priced(125, "8.75")),
            (Sc1, Priced(125, "4.60")),
        ],
        cheapest: Some(Sc1),
    },
    Case {
        // ap-south-1 (ec2.shop's copy of AWS's EBS pricing-page data, 2024-07-18):
        // gp3 within its included 3,000 IOPS: 2,000 × $0.0912 = $182.40; io1 and io2:
        // 2,000 × $0.131 + 3,000 IOPS × $0.068 = $262 + $204 = $466.00.
        name: "ap-south-1 with provisioned IOPS",
        region: Region::ApSouth1,
        workload: r#"{"size_gib": 2000, "iops": 3000}"#,
        rows: &[
            (Gp2, Priced(2000, "228.00")),
            (Gp3, Priced(2000, "182.40")),
            (Io1, Priced(2000, "466.00")),
            (Io2, Priced(2000, "466.00")),
        ],
        cheapest: Some(Gp3),
    },
];

#[test]
fn cases_worked_by_hand() {
    let catalog = common::catalog();
    for case in CASES {
        let w: EbsWorkload = serde_json::from_str(case.workload).expect(case.name);
        let r = compare(&catalog.ebs, case.region, &w).expect(case.name);
        let ids: Vec<_> = r.options.iter().map(|o| o.id).collect();
        assert_eq!(ids, VolumeType::ALL, "{}", case.name);
        for (t, row) in case.rows {
            let o = r.options.iter().find(|o| o.id == *t).unwrap();
            let at = format!("{}: {t}", case.name);
            match row {
                Priced(gib, usd) => {
                    assert!(
                        o.eligible && o.priced,
                        "{at}: {:?} {:?}",
                        o.reason,
                        o.no_rate
                    );
                    assert_eq!(o.provisioned_gib, Some(*gib), "{at}");
                    assert_eq!(o.monthly_usd.unwrap().cents(), d(usd), "{at}");
                    assert!(o.reason.is_none(), "{at}");
                    let sum: Decimal = o.lines.iter().map(|l| l.exact_usd).sum();
                    assert_eq!(sum, o.monthly_usd.unwrap().exact(), "{at}");
                    assert_eq!(o.grown, *gib > w.size_gib.try_into().unwrap(), "{at}");
                }
                Stopped(text) => {
                    assert!(!o.eligible, "{at}");
                    assert!(
                        o.monthly_usd.is_none() && o.provisioned_gib.is_none(),
                        "{at}"
                    );
                    let reason = o.reason.as_deref().unwrap_or_default();
                    assert!(reason.contains(text), "{at}: {reason}");
                }
            }
        }
        assert_eq!(r.cheapest, case.cheapest, "{}", case.name);
        assert_eq!(
            r.options.iter().filter(|o| o.cheapest).count(),
            usize::from(case.cheapest.is_some()),
            "{}",
            case.name
        );
    }
}

#[test]
fn gp2_to_gp3_saving_is_called_out() {
    // gp2 2,000 GiB ($200) against gp3 500 GiB with 6,000 IOPS ($55): $145 (73 %).
    let catalog = common::catalog();
    let w: EbsWorkload = serde_json::from_str(r#"{"size_gib": 500, "iops": 6000}"#).unwrap();
    let r = compare(&catalog.ebs, Region::UsEast1, &w).unwrap();
    assert_eq!(r.gp2_to_gp3_saving_usd.unwrap().cents(), d("145.00"));
    let warn = r
        .warnings
        .iter()
        .find(|w| w.code == "gp2_to_gp3_saving")
        .expect("saving warning");
    assert!(warn.message.contains("$145.00"), "{}", warn.message);
    assert!(warn.message.contains("73 %"), "{}", warn.message);
}

#[test]
fn study_note_limits_are_pointed_out() {
    let catalog = common::catalog();
    let w: EbsWorkload =
        serde_json::from_str(r#"{"size_gib": 200, "iops": 40000, "throughput_mibps": 1500}"#)
            .unwrap();
    let r = compare(&catalog.ebs, Region::UsEast1, &w).unwrap();
    // gp3: 40,000 IOPS at 500/GiB needs 80 GiB (< 200); 1,500 MiB/s needs 6,000 IOPS.
    // $16 + 37,000 × $0.005 + 1,375 × $0.04 = $16 + $185 + $55 = $256.
    let gp3 = &r.options[1];
    assert_eq!(gp3.monthly_usd.unwrap().cents(), d("256.00"));
    let codes: Vec<_> = r.warnings.iter().map(|w| w.code.as_str()).collect();
    assert!(codes.contains(&"gp3_above_notes_iops"), "{codes:?}");
    assert!(codes.contains(&"gp3_above_notes_throughput"), "{codes:?}");
    assert!(
        codes.contains(&"piops_above_32000_needs_nitro"),
        "{codes:?}"
    );
}

#[test]
fn workload_json_runs_through_compare() {
    let text = r#"{"region": "us-east-1", "ebs": {"size_gib": 2000, "iops": 10000, "throughput_mibps": 500, "hours_per_month": 730, "boot": false, "multi_attach": false}}"#;
    let json: serde_json::Value =
        serde_json::from_str(&awscost::compare_json(text).unwrap()).unwrap();
    let ebs = &json["ebs"];
    assert_eq!(ebs["cheapest"], "gp3");
    assert_eq!(ebs["options"][1]["id"], "gp3");
    assert_eq!(ebs["options"][1]["eligible"], true);
    assert_eq!(ebs["options"][1]["provisioned_gib"], 2000);
    assert_eq!(ebs["options"][1]["monthly_usd"], "210.00");
    assert!(ebs["options"][1]["reason"].is_null());
    assert!(json.get("lambda").is_none());
    let e =
        awscost::compare_json(r#"{"region": "us-east-1", "ebs": {"size_gib": 0}}"#).unwrap_err();
    assert_eq!(e.errors[0].field, "ebs.size_gib");
}

#[test]
fn cli_prints_the_ebs_section() {
    let path = std::env::temp_dir().join(format!("awscost-ebs-{}.json", std::process::id()));
    std::fs::write(
        &path,
        r#"{"region": "us-east-1", "ebs": {"size_gib": 2000, "iops": 10000, "throughput_mibps": 500, "hours_per_month": 730, "boot": false, "multi_attach": false}}"#,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_awscost"))
        .args(["compare", path.to_str().unwrap()])
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<_> = json["ebs"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["gp2", "gp3", "io1", "io2", "st1", "sc1"]);
    assert_eq!(json["ebs"]["cheapest"], "gp3");
}
