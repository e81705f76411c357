//! The `awscost` command line: the JSON contract and its exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn awscost(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_awscost"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const EXAMPLE: &str = r#"{"region": "us-east-1",
 "lambda": {"architecture": "x86_64", "memory_mb": 512, "duration_ms": 1000,
            "invocations_per_month": 3000000, "ephemeral_storage_mb": 512,
            "free_tier": true, "provisioned_concurrency": 0,
            "provisioned_hours_per_month": 0, "cpu_bound_percent": 100}}"#;

#[test]
fn compare_prints_the_contract() {
    let (code, out, err) = awscost(&["compare", "-"], EXAMPLE);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["region"], "us-east-1");
    assert_eq!(v["pricing_as_of"], "2026-10-01");
    let l = &v["lambda"];
    assert_eq!(l["requested"]["memory_mb"], 512);
    assert_eq!(l["requested"]["monthly_usd"], "18.73");
    assert!(l["requested"]["lines"].as_array().unwrap().len() >= 2);
    let options = l["options"].as_array().unwrap();
    assert_eq!(options.len(), 10_113);
    assert_eq!(options[0]["memory_mb"], 128);
    assert!(options[0]["duration_ms"].is_string());
    assert!(options[0]["monthly_usd"].is_string());
    assert!(l["cheapest"]["memory_mb"].is_u64());
    assert!(l["cheapest"]["monthly_usd"].is_string());
    assert!(l["warnings"].is_array());
}

#[test]
fn compare_reads_a_file() {
    let dir = std::env::temp_dir().join(format!("awscost-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("w.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let (code, out, _) = awscost(&["compare", path.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(out.contains("\"monthly_usd\":\"18.73\""));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn defaults_apply_to_omitted_fields() {
    let (code, out, _) = awscost(
        &["compare", "-"],
        r#"{"region":"eu-west-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000}}"#,
    );
    assert_eq!(code, 0);
    assert!(out.contains("\"monthly_usd\":\"18.73\""), "{}", &out[..300]);
}

#[test]
fn invalid_input_exits_2_naming_the_field() {
    let cases = [
        (
            r#"{"region":"us-east-1","lambda":{"memory_mb":64,"duration_ms":10,"invocations_per_month":1}}"#,
            "lambda.memory_mb",
        ),
        (
            r#"{"region":"us-east-1","lambda":{"memory_mb":128,"duration_ms":1000000,"invocations_per_month":1}}"#,
            "lambda.duration_ms",
        ),
        (
            r#"{"region":"us-east-1","lambda":{"memory_mb":"x","duration_ms":1,"invocations_per_month":1}}"#,
            "lambda.memory_mb",
        ),
        (r#"{"region":"us-west-9"}"#, "region"),
        (
            r#"{"region":"us-east-1","lambda":{"memory_mb":128,"duration_ms":1,"invocations_per_month":1,"colour":1}}"#,
            "colour",
        ),
        ("not json", "invalid workload"),
    ];
    for (input, field) in cases {
        let (code, out, err) = awscost(&["compare", "-"], input);
        assert_eq!(code, 2, "{input}");
        assert!(out.is_empty());
        assert!(err.contains(field), "{input}: {err}");
    }
}

#[test]
fn unknown_commands_and_missing_files_exit_2() {
    assert_eq!(awscost(&["frobnicate"], "").0, 2);
    assert_eq!(awscost(&["compare", "/nonexistent/w.json"], "").0, 2);
    let (code, out, _) = awscost(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("compare"));
    let (code, out, _) = awscost(&["limits"], "");
    assert_eq!(code, 0);
    assert!(out.contains("lambda.timeout"));
}

const SCENARIOS: &str = r#"{"scenarios": [
  {"name": "A", "workload": {"region": "us-east-1",
    "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000}}},
  {"name": "B", "workload": {"region": "us-east-1",
    "lambda": {"memory_mb": 1024, "duration_ms": 1000, "invocations_per_month": 3000000}}}]}"#;

#[test]
fn scenarios_print_json_markdown_and_csv() {
    let (code, out, err) = awscost(&["scenarios", "-"], SCENARIOS);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scenarios"][1]["total"]["delta_usd"], "25.00");
    assert_eq!(v["services"][0]["service"], "lambda");
    assert_eq!(
        v["scenarios"][1]["differences"][0]["field"],
        "lambda.memory_mb"
    );
    let (code, md, _) = awscost(&["scenarios", "-", "--format", "markdown"], SCENARIOS);
    assert_eq!(code, 0);
    assert!(
        md.contains("| **Total** | $18.73 | $43.73 | +$25.00 (+133.48%) |"),
        "{md}"
    );
    // The working of each headline, ending at it: B's 2,600,000 GB-s (3,000,000 − 400,000 free) ×
    // $0.0000166667 = $43.33342 → $43.33, + 2M billed requests × $0.20/M = $0.40: $43.73.
    assert!(
        md.contains("### Working\n\n#### A\n\nLambda:\n\n1. Requests: 2 million requests × $0.2 per 1M requests = $0.40\n"),
        "{md}"
    );
    assert!(
        md.contains("#### B\n\nLambda:\n\n1. Requests: 2 million requests × $0.2 per 1M requests = $0.40\n2. Compute (first 6,000,000,000 GB-s): 2,600,000 GB-s × $0.0000166667 per GB-s = $43.33\n3. Total at 1,024 MB: $43.73 a month\n"),
        "{md}"
    );
    assert!(v.get("working").is_none(), "the JSON is unchanged");
    let (code, csv, _) = awscost(&["scenarios", "--format", "csv", "-"], SCENARIOS);
    assert_eq!(code, 0);
    assert!(csv.starts_with("scenario,baseline,"), "{csv}");
    let (code, _, err) = awscost(&["scenarios", "-", "--format", "pdf"], SCENARIOS);
    assert_eq!(code, 2);
    assert!(err.contains("json, markdown or csv"), "{err}");
    let (code, _, err) = awscost(
        &["scenarios", "-"],
        r#"{"scenarios": [{"name": "A", "workload": {"region": "us-east-1", "lambda": {"memory_mb": 64, "duration_ms": 1, "invocations_per_month": 1}}}]}"#,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("scenarios[0].workload.lambda.memory_mb"),
        "{err}"
    );
}

#[test]
fn exercise_grades_and_narrates() {
    // One m5.large always on over 3 years in us-east-1: the 3-year Standard RI all upfront,
    // $949.00 ÷ 36 months = $26.36 a month.
    let file = r#"{"scenarios": [{"name": "A", "workload": {"region": "us-east-1",
        "ec2": {"instance_type": "m5.large", "count": 1, "hours_per_month": 730, "horizon_years": 3}}}],
        "exercise": {"question": "monthly_cost", "service": "ec2"}}"#;
    let (code, json, err) = awscost(&["exercise", "-", "--answer", "26.36"], file);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (v["grade"].as_str(), v["expected"].as_str()),
        (Some("right"), Some("26.36"))
    );
    let (code, md, err) = awscost(
        &["exercise", "-", "--answer", "70.08", "--format", "markdown"],
        file,
    );
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("Not this time"), "{md}");
    assert!(
        md.contains("3. $949.00 ÷ 36 months = $26.36 a month"),
        "{md}"
    );
    let (code, _, _) = awscost(&["exercise", "-", "--answer", "lots"], file);
    assert_eq!(code, 2);
}

#[test]
fn exercise_accepts_every_question_kind() {
    // m5.large always on in us-east-1, 3-year Standard RI All Upfront: $949 ÷ 36 = $26.361111 a
    // month ÷ $0.096 On-Demand = 274.59 h a month = 37.62 % of 730 h.
    let ec2 = r#"{"scenarios": [{"name": "A", "workload": {"region": "us-east-1",
        "ec2": {"instance_type": "m5.large", "count": 1, "hours_per_month": 730, "horizon_years": 3}}}],
        "exercise": {"question": "break_even_utilisation", "option": "reserved-standard-3y-all-upfront"}}"#;
    let (code, json, err) = awscost(&["exercise", "-", "--answer", "37.62"], ec2);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (
            v["question"].as_str(),
            v["grade"].as_str(),
            v["expected"].as_str()
        ),
        (Some("break_even_utilisation"), Some("right"), Some("37.62"))
    );
    // The S3 issue example at 1,000 GB retrieved a month: Deep Archive is cheapest until Glacier
    // Flexible at (36.428533935546875 − 10.32056884765625) ÷ (0.021 − 0.0105) = 2,486.472866 GB
    // (worked in tests/exercise.rs).
    let s3 = r#"{"scenarios": [{"name": "A", "workload": {"region": "us-east-1",
        "s3": {"storage_gb": 10000, "object_count": 100000, "get_requests_per_month": 1000000,
               "retrieval_gb_per_month": 1000, "monthly_read_fraction": 0.1}}}],
        "exercise": {"question": "retrieval_crossover"}}"#;
    let (code, json, err) = awscost(&["exercise", "-"], s3);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (
            v["question"].as_str(),
            v["expected"].as_str(),
            v["unit"].as_str()
        ),
        (
            Some("retrieval_crossover"),
            Some("2486.472866"),
            Some("GB a month")
        )
    );
    let (code, md, err) = awscost(
        &[
            "exercise", "-", "--answer", "2500 GB", "--format", "markdown",
        ],
        s3,
    );
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("Right: 2486.472866 GB a month."), "{md}");
    // A question the engine does not ask is refused, naming the field.
    let (code, _, err) = awscost(
        &["exercise", "-"],
        &s3.replace("retrieval_crossover", "retrieval_crossing"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("exercise.question"), "{err}");
}

/// `awscost explore`: the three explorers in one request; ranges through `compare`.
#[test]
fn explore_answers_each_explorer_and_compare_answers_ranges() {
    let (code, out, _) = awscost(
        &["explore", "-"],
        r#"{"workload": {"region": "us-east-1",
              "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000},
              "ec2": {"instance_type": "m5.large"}},
            "lambda_to_ec2": {"instance_type": "c5.large", "option": "reserved-standard-3y-all-upfront"},
            "alternatives": {"architecture": "any"},
            "spot_interruptions": {"band": "5-10%", "checkpoint_minutes": 30, "restart_minutes": 5}}"#,
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // AWS's first Lambda example against c5.large at $815 ÷ 36 a month.
    assert_eq!(
        v["lambda_to_ec2"]["crossover"]["invocations_per_month"],
        serde_json::json!(3457678)
    );
    assert_eq!(v["alternatives"]["chosen"]["monthly_usd"], "70.08");
    assert_eq!(v["spot_interruptions"]["on_demand"]["monthly_usd"], "70.08");
    let (code, _, err) = awscost(
        &["explore", "-"],
        r#"{"workload": {"region": "us-east-1"}, "alternatives": {}}"#,
    );
    assert_eq!(code, 2);
    assert!(err.contains("workload.ec2"), "{err}");
    let (code, out, _) = awscost(
        &["compare", "-"],
        r#"{"region": "us-east-1",
            "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000},
            "ranges": {"lambda.invocations_per_month": {"low": "1000000", "high": "5000000"}}}"#,
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["band"]["total"]["at_high_inputs_usd"], "35.80");
    assert_eq!(v["sensitivity"][0]["swing_usd"], "34.13");
}
