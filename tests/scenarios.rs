//! Scenarios side by side, worked by hand from AWS's pricing pages at the us-east-1 list rates:
//! Lambda <https://aws.amazon.com/lambda/pricing/> ($0.0000166667 per GB-s, $0.20 per million
//! requests, 400,000 GB-s and 1M requests free a month) and EBS
//! <https://aws.amazon.com/ebs/pricing/> (gp3 $0.08/GB-month, $0.005/IOPS-month over 3,000,
//! $0.04/MiB/s-month over 125).

use awscost::scenarios::{compare, from_json, ScenarioComparison, ServiceCode};

/// A: the Lambda page's "512 MB, 3M invocations of 1 s" ($18.73) and EBS example 1 for a full
/// month (gp3: $160 + $35 + $15 = $210.00).
/// B: the same function at 1,024 MB, measured at the same 1 s: 3,000,000 GB-s − 400,000 free =
/// 2,600,000 × $0.0000166667 = $43.33342, + 2M requests × $0.20/M = $0.40: $43.73.
const AB: &str = r#"{"baseline": BASE, "scenarios": [
  {"name": "A", "workload": {"region": "us-east-1",
    "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000},
    "ebs": {"size_gib": 2000, "iops": 10000, "throughput_mibps": 500}}},
  {"name": "B: more memory", "workload": {"region": "us-east-1",
    "lambda": {"memory_mb": 1024, "duration_ms": 1000, "invocations_per_month": 3000000},
    "ebs": {"size_gib": 2000, "iops": 10000, "throughput_mibps": 500}}}]}"#;

fn run(baseline: usize) -> ScenarioComparison {
    let set = from_json(&AB.replace("BASE", &baseline.to_string())).unwrap();
    compare(&set).unwrap()
}

fn cents(v: Option<awscost::Usd>) -> String {
    v.map(|u| u.cents().to_string()).unwrap_or_default()
}

#[test]
fn b_against_a() {
    let c = run(0);
    assert_eq!(c.baseline, 0);
    let lambda = &c.services[0];
    assert_eq!(lambda.service, ServiceCode::Lambda);
    let ebs = &c.services[1];
    assert_eq!(ebs.service, ServiceCode::Ebs);
    assert_eq!(c.services.len(), 2, "only the services described");

    // Per service: the figures and the deltas worked from them.
    assert_eq!(cents(lambda.headline.cells[0].monthly_usd), "18.73");
    assert_eq!(cents(lambda.headline.cells[1].monthly_usd), "43.73");
    assert_eq!(
        lambda.headline.cells[0].delta_usd, None,
        "the baseline has no delta"
    );
    assert_eq!(cents(lambda.headline.cells[1].delta_usd), "25.00");
    // 25.00 ÷ 18.73 × 100 = 133.4757…
    assert_eq!(
        lambda.headline.cells[1].delta_percent,
        Some("133.48".parse().unwrap())
    );
    assert_eq!(
        lambda.headline.cells[1].note.as_deref(),
        Some("1,024 MB, x86_64")
    );
    assert_eq!(cents(ebs.headline.cells[0].monthly_usd), "210.00");
    assert_eq!(cents(ebs.headline.cells[1].delta_usd), "0.00");
    assert_eq!(
        ebs.headline.cells[1].delta_percent,
        Some("0".parse().unwrap())
    );
    assert_eq!(
        ebs.headline.cells[0].note.as_deref(),
        Some("General Purpose SSD (gp3), 2,000 GiB")
    );

    // Totals: 18.73 + 210.00 = 228.73 and 43.73 + 210.00 = 253.73; +25.00 is 10.9299…%.
    assert_eq!(cents(c.scenarios[0].total.monthly_usd), "228.73");
    assert_eq!(cents(c.scenarios[1].total.monthly_usd), "253.73");
    assert_eq!(cents(c.scenarios[1].total.delta_usd), "25.00");
    assert_eq!(
        c.scenarios[1].total.delta_percent,
        Some("10.93".parse().unwrap())
    );
    assert!(c.scenarios.iter().all(|s| s.complete));

    // Which inputs differ.
    assert!(c.scenarios[0].differences.is_empty());
    let d = &c.scenarios[1].differences;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].field, "lambda.memory_mb");
    assert_eq!(d[0].baseline.as_deref(), Some("512"));
    assert_eq!(d[0].value.as_deref(), Some("1024"));

    // Every EBS type is a row, matched across the scenarios: io1 2,000 × $0.125 + 10,000 ×
    // $0.065 = $900.00 in both.
    let io1 = ebs.options.iter().find(|r| r.id == "io1").unwrap();
    assert_eq!(cents(io1.cells[0].monthly_usd), "900.00");
    assert_eq!(cents(io1.cells[1].delta_usd), "0.00");
    let gp2 = ebs.options.iter().find(|r| r.id == "gp2").unwrap();
    assert_eq!(gp2.cells[0].monthly_usd, None, "gp2 cannot give 500 MiB/s");
    assert!(gp2.cells[0].note.as_deref().unwrap().contains("250 MiB/s"));
}

#[test]
fn a_against_a_pinned_b() {
    let c = run(1);
    assert_eq!(c.baseline, 1);
    // −25.00 ÷ 253.73 × 100 = −9.8530…
    assert_eq!(cents(c.scenarios[0].total.delta_usd), "-25.00");
    assert_eq!(
        c.scenarios[0].total.delta_percent,
        Some("-9.85".parse().unwrap())
    );
    assert_eq!(c.scenarios[1].total.delta_usd, None);
    let d = &c.scenarios[0].differences[0];
    assert_eq!(
        (d.baseline.as_deref(), d.value.as_deref()),
        (Some("1024"), Some("512"))
    );
}

#[test]
fn a_service_only_one_scenario_describes() {
    let text = r#"{"scenarios": [
      {"name": "A", "workload": {"region": "us-east-1",
        "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000}}},
      {"name": "B", "workload": {"region": "us-east-1",
        "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000},
        "ebs": {"size_gib": 2000, "iops": 10000, "throughput_mibps": 500}}}]}"#;
    let c = compare(&from_json(text).unwrap()).unwrap();
    let ebs = &c.services[1];
    assert_eq!(ebs.headline.cells[0].monthly_usd, None);
    assert_eq!(ebs.headline.cells[0].note, None, "A does not describe EBS");
    assert_eq!(
        ebs.headline.cells[1].delta_usd, None,
        "nothing to set it against"
    );
    assert_eq!(cents(c.scenarios[1].total.delta_usd), "210.00");
    assert_eq!(c.scenarios[0].total.delta_percent, None);
    let added: Vec<&str> = c.scenarios[1]
        .differences
        .iter()
        .map(|d| d.field.as_str())
        .collect();
    assert!(
        added.contains(&"ebs.size_gib") && added.contains(&"ebs.snapshot_tier"),
        "{added:?}"
    );
    assert!(c.scenarios[1]
        .differences
        .iter()
        .all(|d| d.baseline.is_none()));
}

#[test]
fn ec2_headline_spreads_the_horizon_over_its_months() {
    let text = r#"{"scenarios": [{"name": "web", "workload": {"region": "us-east-1",
        "ec2": {"instance_type": "m5.large", "count": 2, "hours_per_month": 730, "horizon_years": 3}}}]}"#;
    let set = from_json(text).unwrap();
    let c = compare(&set).unwrap();
    let full = awscost::compare(&set.scenarios[0].workload).unwrap();
    let e = full.ec2.unwrap();
    let pick = e.cheapest_suitable.clone().unwrap();
    let o = e.options.iter().find(|o| o.id == pick).unwrap();
    let want = o.horizon_total_usd.unwrap().0 / rust_decimal::Decimal::from(36);
    let ec2 = &c.services[0];
    assert_eq!(ec2.headline.cells[0].monthly_usd.unwrap().0, want);
    assert!(ec2.headline.cells[0]
        .note
        .as_deref()
        .unwrap()
        .contains(&o.label));
    // On-Demand: 2 × 730 h × $0.096 = $140.16 a month, every month.
    let od = ec2.options.iter().find(|r| r.id == "on-demand").unwrap();
    assert_eq!(cents(od.cells[0].monthly_usd), "140.16");
}

#[test]
fn problems_name_the_scenario_and_field() {
    let text = r#"{"baseline": 3, "scenarios": [
      {"name": "", "workload": {"region": "us-east-1", "lambda": {"memory_mb": 64, "duration_ms": 1, "invocations_per_month": 1}}}]}"#;
    let e = compare(&from_json(text).unwrap()).unwrap_err();
    let fields: Vec<&str> = e.errors.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "baseline",
            "scenarios[0].name",
            "scenarios[0].workload.lambda.memory_mb"
        ]
    );
    let e = from_json(
        r#"{"scenarios": [{"name": "A", "workload": {"region": "us-east-1", "lamda": {}}}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.errors[0].field, "scenarios[0].workload.lamda");
    assert!(e.to_string().contains("lamda"));
    let none = compare(&from_json(r#"{"scenarios": []}"#).unwrap()).unwrap_err();
    assert_eq!(none.errors[0].field, "scenarios");
}

/// The Markdown's "Working" section as `(scenario, service, numbered lines)`.
fn working(md: &str) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = vec![];
    let mut scenario = String::new();
    let rest = &md[md.find("### Working").unwrap()..];
    for line in rest.lines().skip(1) {
        if let Some(name) = line.strip_prefix("#### ") {
            scenario = name.to_string();
        } else if let Some(service) = line.strip_suffix(':') {
            out.push((scenario.clone(), service.to_string(), vec![]));
        } else if line.starts_with(|c: char| c.is_ascii_digit()) {
            out.last_mut().unwrap().2.push(line.to_string());
        } else if !line.is_empty() {
            break;
        }
    }
    out
}

#[test]
fn markdown_and_csv_carry_the_same_figures() {
    let c = run(0);
    let md = awscost::export::markdown(&c);
    assert!(
        md.contains("| Service | A (baseline) | B: more memory | B: more memory vs A |"),
        "{md}"
    );
    assert!(md.contains("| Lambda | $18.73 (512 MB, x86\\_64) | $43.73 (1,024 MB, x86\\_64) | +$25.00 (+133.48%) |"), "{md}");
    assert!(
        md.contains("| **Total** | $228.73 | $253.73 | +$25.00 (+10.93%) |"),
        "{md}"
    );
    assert!(md.contains("`lambda.memory_mb` 512 → 1024"), "{md}");
    // After the tables, each scenario's working of each service's headline, ending at the
    // figure in the table to the cent: A's Lambda is AWS's example ($0.40 of requests + 1,100,000
    // GB-s × $0.0000166667 = $18.33), B's the 2,600,000 GB-s × $0.0000166667 = $43.33342 → $43.33
    // + $0.40 = $43.73 above; both EBS volumes gp3 at $160 + $35 + $15 = $210.00.
    let tables_end = md.find("### Lambda options").unwrap();
    let at = md.find("### Working").expect("a working section");
    assert!(at > tables_end, "{md}");
    let w = working(&md);
    let said: Vec<(&str, &str)> = w.iter().map(|(s, v, _)| (s.as_str(), v.as_str())).collect();
    assert_eq!(
        said,
        [
            ("A", "Lambda"),
            ("A", "EBS"),
            ("B: more memory", "Lambda"),
            ("B: more memory", "EBS")
        ]
    );
    for (scenario, service, lines) in &w {
        let n = c
            .scenarios
            .iter()
            .position(|s| &s.name == scenario)
            .unwrap();
        let row = c
            .services
            .iter()
            .find(|s| s.service.name() == service)
            .unwrap();
        let figure = row.headline.cells[n].monthly_usd.unwrap();
        let last = lines.last().unwrap();
        assert!(
            last.ends_with(&format!(": {figure} a month")),
            "{scenario} {service}: {lines:?}"
        );
        assert!(lines[0].starts_with("1. ") && last.starts_with(&format!("{}. ", lines.len())));
    }
    assert_eq!(
        w[0].2[0],
        "1. Requests: 2 million requests × $0.2 per 1M requests = $0.40"
    );
    assert_eq!(
        w[2].2.last().unwrap(),
        "3. Total at 1,024 MB: $43.73 a month"
    );
    assert_eq!(
        w[3].2.last().unwrap(),
        "5. Total for General Purpose SSD (gp3): $210.00 a month"
    );
    // The JSON is unchanged: the working is the Markdown's only.
    let json = serde_json::to_value(&c).unwrap();
    assert!(json.get("working").is_none(), "{json}");
    let csv = awscost::export::csv(&c);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "scenario,baseline,region,service,row,label,note,monthly_usd,delta_usd,delta_percent"
    );
    assert!(lines.contains(&"B: more memory,false,us-east-1,lambda,headline,Lambda,\"1,024 MB, x86_64\",43.73,25.00,133.48"), "{csv}");
    assert!(
        lines.contains(&"A,true,us-east-1,total,total,Total,,228.73,,"),
        "{csv}"
    );
}

#[test]
fn user_text_cannot_break_the_exports() {
    let text = AB
        .replace("BASE", "0")
        .replace("\"B: more memory\"", "\"=HYPERLINK(\\\"x\\\")|<b>\"");
    let c = compare(&from_json(&text).unwrap()).unwrap();
    let csv = awscost::export::csv(&c);
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")|<b>\""), "{csv}");
    let md = awscost::export::markdown(&c);
    assert!(md.contains("=HYPERLINK(\"x\")\\|\\<b\\>"), "{md}");
    assert!(!md.contains("<b>"));
}
