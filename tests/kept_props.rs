//! Kept answers ([`awscost::kept`]): over any sequence of workloads — repeated, changed one
//! section at a time, in other regions, unreadable — a comparison with kept answers is the
//! comparison worked out anew.

use awscost::kept::Kept;
use awscost::scenarios::{price, price_kept, NamedWorkload, ScenarioSet};
use awscost::{compare, compare_kept, Workload};
use proptest::prelude::*;

/// A workload from a few choices per section, so that sequences repeat sections often; a
/// memory of 64 MB is below Lambda's least (an error to keep too).
fn workload(region: usize, memory: usize, count: usize, size: usize, gb: usize) -> Workload {
    let region = ["us-east-1", "eu-west-1"][region];
    let memory = [128, 512, 64][memory];
    let count = [1, 3][count];
    let size = [100, 2000][size];
    let gb = [10, 5000][gb];
    Workload::from_json(&format!(
        r#"{{"region":"{region}",
            "lambda":{{"memory_mb":{memory},"duration_ms":250,"invocations_per_month":2000000}},
            "ec2":{{"instance_type":"m5.large","count":{count},"hours_per_month":500}},
            "ebs":{{"size_gib":{size},"iops":6000,"throughput_mibps":250}},
            "s3":{{"storage_gb":{gb},"get_requests_per_month":100000}}}}"#
    ))
    .unwrap()
}

fn any_workload() -> impl Strategy<Value = Workload> {
    (0..2usize, 0..3usize, 0..2usize, 0..2usize, 0..2usize)
        .prop_map(|(r, m, c, s, g)| workload(r, m, c, s, g))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_comparison_with_kept_answers_is_the_comparison(seq in prop::collection::vec(any_workload(), 1..25)) {
        let mut kept = Kept::default();
        for w in &seq {
            prop_assert_eq!(compare_kept(w, &mut kept), compare(w));
        }
        prop_assert!(kept.lambda.len() <= awscost::kept::KEEP);
    }

    #[test]
    fn scenarios_priced_with_kept_answers_are_priced_alike(seq in prop::collection::vec(prop::collection::vec(any_workload(), 1..5), 1..6)) {
        let mut kept = Kept::default();
        for scenarios in &seq {
            let set = ScenarioSet {
                baseline: 0,
                scenarios: scenarios
                    .iter()
                    .enumerate()
                    .map(|(n, w)| NamedWorkload { name: format!("S{n}"), workload: w.clone() })
                    .collect(),
                exercise: None,
            };
            prop_assert_eq!(price_kept(&set, &mut kept), price(&set));
        }
    }
}
