//! The behaviour corpus: what the public interfaces answer for a fixed set of inputs, kept as one
//! digest per case in `tests/corpus.txt`, so a change that is meant to keep behaviour (a
//! restructuring) shows every case whose answer moved.
//!
//! The cases: every preset and the defaults; hand-picked workloads at each service's bounds and
//! tiers (below); 400 generated workloads through `compare` (the
//! CLI's JSON, or its errors); 100 generated scenario sets through `scenarios` in JSON, Markdown
//! and CSV; and 600 generated link fragments through the link codec (the link read back, written
//! again, and the workloads its forms give, or the reason it is refused). The generator is a
//! fixed-seed xorshift over the presets' values, boundary values and junk, so the cases are the
//! same on every machine and after any change to the code under test.
//!
//! `UPDATE_CORPUS=1 cargo test -p awscost-web --test corpus` rewrites the file; a commit that
//! does so says which behaviour changed and why.
#![cfg(not(target_arch = "wasm32"))]

use awscost_web::share;
use awscost_web::state::presets::PRESETS;
use awscost_web::state::{scenario_set, State};
use serde_json::{json, Map, Value};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus.txt");

/// Fixed-seed xorshift64*: the same cases everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike the standard hasher.
fn digest(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Numbers a field may be given: ordinary, boundary, fractional, negative, huge.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "10",
    "24",
    "31",
    "100",
    "128",
    "512",
    "730",
    "1000",
    "1769",
    "3008",
    "10240",
    "10241",
    "127",
    "-1",
    "0.5",
    "1.5",
    "99.99",
    "1e3",
    "1e9",
    "1e400",
    "16384",
    "65536",
    "256000",
    "3000000",
    "1000000000",
    "",
    "abc",
    "12,5",
];

/// Instance types: small, large, not in every region, not in the catalog.
const TYPES: &[&str] = &[
    "t3.small",
    "t3.micro",
    "t2.nano",
    "t4g.medium",
    "m5.large",
    "m5.12xlarge",
    "c5.xlarge",
    "r5.8xlarge",
    "r6g.large",
    "m7a.large",
    "c7a.16xlarge",
    "m8g.large",
    "m7i.8xlarge",
    "m5.huge",
    "",
];

/// Values seen for `key` in the presets.
fn preset_values(key: &str) -> Vec<&'static str> {
    PRESETS
        .iter()
        .flat_map(|p| p.inputs.iter())
        .filter(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .collect()
}

/// A JSON value for a workload field, from what it is today.
fn mutate(rng: &mut Rng, key: &str, v: &Value, rate: u64) -> Value {
    match v {
        Value::Bool(_) => Value::Bool(rng.chance(50)),
        Value::Number(_) | Value::Null if key == "instance_type" => json!(rng.pick(TYPES)),
        Value::Number(_) | Value::Null => {
            let text = *rng.pick(NUMBERS);
            match serde_json::from_str::<Value>(text) {
                Ok(n @ Value::Number(_)) => n,
                _ if rng.chance(50) => Value::Null,
                _ => json!(text),
            }
        }
        Value::String(s) if key == "instance_type" => {
            json!(if rng.chance(20) {
                s.as_str()
            } else {
                rng.pick(TYPES)
            })
        }
        Value::String(s) => {
            let alternatives = preset_values(key);
            if rng.chance(rate / 4) {
                json!("x")
            } else if !alternatives.is_empty() && rng.chance(50) {
                json!(rng.pick(&alternatives))
            } else {
                json!(s)
            }
        }
        Value::Array(items) => {
            let mut out: Vec<Value> = items.iter().map(|i| mutate(rng, key, i, rate)).collect();
            if rng.chance(rate) {
                out.truncate(rng.below(out.len() + 1));
            }
            Value::Array(out)
        }
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                if rng.chance(rate / 5) {
                    continue;
                }
                out.insert(
                    k.clone(),
                    if rng.chance(rate) {
                        mutate(rng, k, v, rate)
                    } else {
                        v.clone()
                    },
                );
            }
            if rng.chance(rate / 10) {
                out.insert("unknown_field".into(), json!(1));
            }
            Value::Object(out)
        }
    }
}

/// The workload every section of which the widget's defaults and presets give.
fn seeds() -> Vec<Value> {
    let mut states = vec![State::default()];
    for (n, _) in PRESETS.iter().enumerate() {
        states.push(State::default().apply(awscost_web::state::Action::ApplyPreset(n)));
    }
    let mut out = vec![];
    for s in &states {
        // Every service counted, so every section is present.
        let mut s = s.clone();
        s.counted = Some(awscost_web::state::Service::ALL.to_vec());
        if let Ok(set) = scenario_set(&s) {
            for w in set.scenarios {
                out.push(serde_json::to_value(&w.workload).unwrap());
            }
        }
    }
    out
}

/// A workload from two seeds, its fields changed at `rate` percent.
fn workload(rng: &mut Rng, seeds: &[Value], rate: u64) -> Value {
    let mut w = rng.pick(seeds).clone();
    let other = rng.pick(seeds).clone();
    if let (Value::Object(m), Value::Object(o)) = (&mut w, &other) {
        // Sections from two seeds, some left out, then fields changed.
        for (k, v) in o {
            if rng.chance(40) {
                m.insert(k.clone(), v.clone());
            }
        }
        for k in ["lambda", "ec2", "ebs", "s3"] {
            if rng.chance(35) {
                m.remove(k);
            }
        }
        m.insert(
            "region".into(),
            json!(if rng.chance(rate / 2) {
                "mars-1"
            } else {
                rng.pick(&["us-east-1", "eu-west-1", "ap-south-1"])
            }),
        );
    }
    mutate(rng, "", &w, rate)
}

fn errors(e: &awscost::InputErrors) -> String {
    e.errors
        .iter()
        .map(|e| format!("{}: {}\n", e.field, e.message()))
        .collect()
}

/// Link keys, as the link codec writes them.
const KEYS: &[&str] = &[
    "region",
    "tab",
    "on",
    "base",
    "compare",
    "s",
    "ec2.chart",
    "ec2.usage",
    "s3.lifecycle",
    "lambda.architecture",
    "lambda.memory_mb",
    "lambda.duration_ms",
    "lambda.invocations_per_month",
    "lambda.ephemeral_storage_mb",
    "lambda.provisioned_concurrency",
    "lambda.provisioned_hours_per_month",
    "lambda.cpu_bound_percent",
    "lambda.payload_kb",
    "lambda.free_tier",
    "lambda.multi_threaded",
    "lambda.invocation_type",
    "ec2.instance_type",
    "ec2.count",
    "ec2.hours_per_month",
    "ec2.hours_per_day",
    "ec2.days_per_week",
    "ec2.baseline_count",
    "ec2.horizon_years",
    "ec2.interruption_tolerant",
    "ec2.needs_dedicated",
    "ec2.core_bound_license",
    "ec2.peak_pricing",
    "ebs.size_gib",
    "ebs.iops",
    "ebs.throughput_mibps",
    "ebs.hours_per_month",
    "ebs.attach_instances",
    "ebs.snapshot_gib",
    "ebs.boot",
    "ebs.multi_attach",
    "ebs.snapshot_tier",
    "s3.storage_gb",
    "s3.object_count",
    "s3.put_requests_per_month",
    "s3.get_requests_per_month",
    "s3.retrieval_gb_per_month",
    "s3.retention_days",
    "s3.monthly_read_fraction",
    "s3.lifecycle[0].days",
    "s3.lifecycle[1].days",
    "s3.retrieval_tier",
    "lambda.nope",
];

const CHOICES: &[&str] = &[
    "true",
    "false",
    "us-east-1",
    "eu-west-1",
    "ap-south-1",
    "lambda",
    "ec2",
    "ebs",
    "s3",
    "arm64",
    "x86_64",
    "sync",
    "async",
    "weekly",
    "hours_per_month",
    "spot",
    "on-demand",
    "standard",
    "archive",
    "bulk",
    "expedited",
    "STANDARD_IA,DEEP_ARCHIVE",
    "GLACIER_IR",
    "lambda,s3",
    "on-demand,spot",
    "1",
    "3",
    "B",
    "C%20D",
    "%E2%82%AC",
    "%ZZ",
    "a%26b",
];

fn link(rng: &mut Rng) -> String {
    let version = *rng.pick(&["v1", "v2", "v2", "v3", ""]);
    let mut parts = vec![version.to_string()];
    for _ in 0..rng.below(9) {
        let key = *rng.pick(KEYS);
        let value = if rng.chance(50) {
            let presets = preset_values(key);
            if presets.is_empty() {
                rng.pick(NUMBERS).to_string()
            } else {
                rng.pick(&presets).to_string()
            }
        } else if rng.chance(50) {
            rng.pick(CHOICES).to_string()
        } else if key == "ec2.instance_type" {
            rng.pick(TYPES).to_string()
        } else {
            rng.pick(NUMBERS).to_string()
        };
        parts.push(if rng.chance(3) {
            key.to_string()
        } else {
            format!("{key}={value}")
        });
    }
    parts.join("&")
}

/// What a link gives: the link written again and every scenario's workload, or the refusal.
fn read_link(fragment: &str) -> String {
    match share::decode(fragment) {
        Err(e) => format!("refused: {e}"),
        Ok(state) => {
            let again = share::encode(&state);
            let mut s = state.clone();
            s.counted = Some(awscost_web::state::Service::ALL.to_vec());
            let set = match scenario_set(&s) {
                Ok(set) => serde_json::to_string(&set).unwrap(),
                Err(problems) => problems
                    .iter()
                    .map(|p| {
                        format!(
                            "{} {:?} {}: {}\n",
                            p.scenario,
                            p.service,
                            p.error.field,
                            p.error.message()
                        )
                    })
                    .collect(),
            };
            format!("{again}\n{set}")
        }
    }
}

/// Workloads at the bounds and tiers a random one rarely reaches: volume tiers of Lambda
/// compute, S3 storage and io2 IOPS; the smallest and largest instance types, hosts and
/// reservations known only by an effective rate; each region.
const EDGES: &[&str] = &[
    r#"{"region":"us-east-1","lambda":{"memory_mb":10240,"duration_ms":900000,"invocations_per_month":5000000,"free_tier":false}}"#,
    r#"{"region":"us-east-1","lambda":{"architecture":"arm64","memory_mb":128,"duration_ms":1,"invocations_per_month":0,"provisioned_concurrency":10,"provisioned_hours_per_month":744}}"#,
    r#"{"region":"ap-south-1","lambda":{"memory_mb":1769,"duration_ms":250,"invocations_per_month":100000000,"cpu_bound_percent":0,"ephemeral_storage_mb":10240}}"#,
    r#"{"region":"us-east-1","ebs":{"size_gib":500,"iops":40000,"throughput_mibps":250}}"#,
    r#"{"region":"eu-west-1","ebs":{"size_gib":4000,"iops":100000,"throughput_mibps":1000,"multi_attach":true,"attach_instances":4}}"#,
    r#"{"region":"ap-south-1","ebs":{"size_gib":16384,"iops":500,"throughput_mibps":500,"hours_per_month":100,"snapshot_gib":2000,"snapshot_tier":"archive"}}"#,
    r#"{"region":"us-east-1","s3":{"storage_gb":600000,"object_count":600000,"put_requests_per_month":1000000,"get_requests_per_month":10000000,"retrieval_gb_per_month":1000,"retention_days":365}}"#,
    r#"{"region":"eu-west-1","s3":{"storage_gb":100,"object_count":10000000,"retention_days":30,"retrieval_tier":"expedited"}}"#,
    r#"{"region":"ap-south-1","s3":{"storage_gb":5000,"object_count":5000000,"retention_days":2555,"lifecycle":[{"class":"STANDARD","days":30},{"class":"GLACIER_IR","days":90},{"class":"DEEP_ARCHIVE"}]}}"#,
    r#"{"region":"us-east-1","ec2":{"instance_type":"t3.small","count":1,"hours_per_month":730,"horizon_years":1}}"#,
    r#"{"region":"eu-west-1","ec2":{"instance_type":"t3.small","count":1,"hours_per_month":730,"horizon_years":3}}"#,
    r#"{"region":"ap-south-1","ec2":{"instance_type":"t3.small","count":1,"hours_per_day":8,"days_per_week":5,"horizon_years":1}}"#,
    r#"{"region":"us-east-1","ec2":{"instance_type":"t3.medium","count":4,"hours_per_month":730,"horizon_years":3,"baseline_count":2,"peak_pricing":"spot","interruption_tolerant":true}}"#,
    r#"{"region":"eu-west-1","ec2":{"instance_type":"r5.8xlarge","count":3,"hours_per_month":730,"horizon_years":3,"core_bound_license":true}}"#,
    r#"{"region":"us-east-1","ec2":{"instance_type":"c5.large","count":40,"hours_per_month":730,"horizon_years":1,"needs_dedicated":true}}"#,
    r#"{"region":"ap-south-1","ec2":{"instance_type":"m8g.16xlarge","count":2,"hours_per_month":200,"horizon_years":3}}"#,
    r#"{"region":"ap-south-1","ec2":{"instance_type":"m7a.large","count":1}}"#,
];

/// Every case: its id, its input (for the report) and its answer.
fn cases() -> Vec<(String, String, String)> {
    let mut rng = Rng(0x5eed_a5c0_57c0_ffee);
    let seeds = seeds();
    let mut out = vec![];
    for (n, w) in seeds.iter().enumerate() {
        let text = w.to_string();
        let answer = awscost::compare_json(&text).unwrap_or_else(|e| errors(&e));
        out.push((format!("seed-{n}"), text, answer));
    }
    for (n, text) in EDGES.iter().enumerate() {
        let answer = awscost::compare_json(text).unwrap_or_else(|e| errors(&e));
        out.push((format!("edge-{n}"), text.to_string(), answer));
    }
    for n in 0..400 {
        let text = workload(&mut rng, &seeds, 40).to_string();
        let answer = awscost::compare_json(&text).unwrap_or_else(|e| errors(&e));
        out.push((format!("workload-{n}"), text, answer));
    }
    for n in 0..100 {
        let count = 1 + rng.below(4);
        let scenarios: Vec<Value> = (0..count)
            .map(|i| json!({"name": format!("S{i}"), "workload": workload(&mut rng, &seeds, 5)}))
            .collect();
        // Now and then a baseline past the last scenario.
        let baseline = rng.below(count) + usize::from(rng.chance(5));
        let text = json!({"baseline": baseline, "scenarios": scenarios}).to_string();
        for format in ["json", "markdown", "csv"] {
            let answer =
                awscost::export::scenarios_text(&text, format).unwrap_or_else(|e| errors(&e));
            out.push((format!("scenarios-{n}-{format}"), text.clone(), answer));
        }
    }
    for (n, p) in PRESETS.iter().enumerate() {
        let fragment =
            share::encode(&State::default().apply(awscost_web::state::Action::ApplyPreset(n)));
        out.push((
            format!("preset-{}", p.id),
            fragment.clone(),
            read_link(&fragment),
        ));
    }
    for n in 0..600 {
        let fragment = link(&mut rng);
        let answer = read_link(&fragment);
        out.push((format!("link-{n}"), fragment, answer));
    }
    out
}

/// The corpus reaches priced and refused workloads, read and refused links, and compared
/// scenarios; a generator change that lost any of them would make the corpus blind to it.
fn reaches_every_kind_of_answer(cases: &[(String, String, String)]) {
    let count = |prefix: &str, pred: &dyn Fn(&str) -> bool| {
        cases
            .iter()
            .filter(|(id, _, a)| id.starts_with(prefix) && pred(a))
            .count()
    };
    assert!(count("edge-", &|a| a.starts_with('{')) == EDGES.len() - 1);
    assert!(count("workload-", &|a| a.starts_with('{')) >= 150);
    assert!(count("workload-", &|a| !a.starts_with('{')) >= 100);
    assert!(count("link-", &|a| a.starts_with("refused")) >= 300);
    assert!(count("link-", &|a| !a.starts_with("refused")) >= 50);
    assert!(count("scenarios-", &|a| a.contains("| Service |")) >= 20);
    assert!(count("scenarios-", &|a| a.contains("scenarios[")) >= 20);
}

#[test]
fn answers_are_those_recorded() {
    let cases = cases();
    reaches_every_kind_of_answer(&cases);
    let lines: String = cases
        .iter()
        .map(|(id, _, answer)| format!("{id} {}\n", digest(answer)))
        .collect();
    if std::env::var_os("UPDATE_CORPUS").is_some() {
        std::fs::write(CORPUS, &lines).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(CORPUS).unwrap_or_default();
    let recorded: std::collections::HashMap<&str, &str> =
        recorded.lines().filter_map(|l| l.split_once(' ')).collect();
    let moved: Vec<String> = cases
        .iter()
        .filter(|(id, _, answer)| recorded.get(id.as_str()) != Some(&digest(answer).as_str()))
        .map(|(id, input, answer)| {
            let answer: String = answer.chars().take(300).collect();
            format!("{id}\n  input: {input}\n  answer: {answer}")
        })
        .collect();
    assert_eq!(recorded.len(), cases.len(), "cases added or removed");
    assert!(
        moved.is_empty(),
        "{} of {} answers moved:\n{}",
        moved.len(),
        cases.len(),
        moved[..moved.len().min(5)].join("\n")
    );
}
