//! Exercises graded right, close and wrong on worked cases from the AWS pricing pages' examples,
//! each step list ending at the figure the panel shows.

use awscost::exercise::{check, from_json, grade_json, markdown, task_json, Grade, Question};
use awscost::service::{narration, Step};
use awscost::services::ServiceCode;
use rust_decimal::Decimal;

/// AWS's first Lambda pricing example (512 MB, 1 s, 3M requests: $18.73,
/// https://aws.amazon.com/lambda/pricing/) and one m5.large always on over 3 years in us-east-1
/// ($0.096 an hour = $70.08 a month On-Demand; the 3-year Standard RI all upfront $949 = $26.36 a
/// month averaged).
const LAMBDA: &str = r#"{"region": "us-east-1", "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000}}"#;
const EC2: &str = r#"{"region": "us-east-1", "ec2": {"instance_type": "m5.large", "count": 1, "hours_per_month": 730, "horizon_years": 3}}"#;
/// AWS's EBS example need: 2,000 GiB, 10,000 IOPS, 500 MiB/s: gp3 at $210.00
/// (https://aws.amazon.com/ebs/pricing/).
const EBS: &str =
    r#"{"region": "us-east-1", "ebs": {"size_gib": 2000, "iops": 10000, "throughput_mibps": 500}}"#;

fn file(workloads: &[&str], exercise: &str) -> String {
    let scenarios: Vec<String> = workloads
        .iter()
        .enumerate()
        .map(|(n, w)| format!(r#"{{"name": "{}", "workload": {w}}}"#, ["A", "B", "C"][n]))
        .collect();
    format!(
        r#"{{"scenarios": [{}], "exercise": {exercise}}}"#,
        scenarios.join(",")
    )
}

fn graded(text: &str, answer: &str) -> (Grade, String) {
    let g = grade_json(text, answer).unwrap_or_else(|e| panic!("{e}"));
    (g.grade, g.task.expected)
}

/// Every money answer's working ends at the answer, to the cent.
fn ends_at_answer(text: &str) {
    let t = task_json(text).unwrap();
    let last = t.steps.last().expect("steps");
    assert_eq!(
        last.usd.map(|u| u.cents().to_string()).as_deref(),
        Some(t.expected.as_str()),
        "{:?}",
        t.steps
    );
}

#[test]
fn monthly_cost_of_a_service() {
    let f = file(
        &[LAMBDA],
        r#"{"question": "monthly_cost", "service": "lambda", "tolerance_percent": 5}"#,
    );
    assert_eq!(graded(&f, "18.73"), (Grade::Right, "18.73".into()));
    assert_eq!(graded(&f, "$19.50").0, Grade::Right); // 4.1 % off
    assert_eq!(graded(&f, "20").0, Grade::Close); // 6.8 % off, within 2 × 5 %
    assert_eq!(graded(&f, "30").0, Grade::Wrong);
    ends_at_answer(&f);
    let g = grade_json(&f, "20").unwrap();
    assert_eq!(g.off.as_deref(), Some("1.27"));
    assert!(g.verdict.starts_with("Close: 1.27 off"), "{}", g.verdict);
    // The working is the panel's line items, AWS's example 1 after the Free Tier: 2M requests
    // $0.40 + 1,100,000 GB-s $18.33 = $18.73.
    let said: Vec<&str> = g.task.steps.iter().map(|s| s.text.as_str()).collect();
    assert!(
        said[0].ends_with("= $0.40")
            && said[1].contains("1,100,000 GB-s")
            && said[1].ends_with("= $18.33"),
        "{said:?}"
    );
}

#[test]
fn monthly_cost_of_the_whole_scenario() {
    // Lambda $18.73 + EC2 $26.36 = $45.09.
    let both = r#"{"region": "us-east-1",
        "lambda": {"memory_mb": 512, "duration_ms": 1000, "invocations_per_month": 3000000},
        "ec2": {"instance_type": "m5.large", "count": 1, "hours_per_month": 730, "horizon_years": 3}}"#;
    let f = file(&[both], r#"{"question": "monthly_cost"}"#);
    assert_eq!(graded(&f, "45.09"), (Grade::Right, "45.09".into()));
    assert_eq!(graded(&f, "100").0, Grade::Wrong);
    ends_at_answer(&f);
}

#[test]
fn cheapest_option_is_a_choice_among_the_real_ones() {
    let f = file(
        &[EBS],
        r#"{"question": "cheapest_option", "service": "ebs"}"#,
    );
    assert_eq!(graded(&f, "gp3"), (Grade::Right, "gp3".into()));
    assert_eq!(graded(&f, "GP3").0, Grade::Right);
    assert_eq!(graded(&f, "io2").0, Grade::Wrong);
    let t = task_json(&f).unwrap();
    assert_eq!(t.question, Question::CheapestOption);
    assert_eq!(t.choices.len(), 6, "gp2, gp3, io1, io2, st1, sc1");
    assert!(t.steps.iter().any(|s| s.text.starts_with("Cheapest: ")));
    // An option that is not one is an error naming the answer.
    let e = grade_json(&f, "gp9").unwrap_err();
    assert_eq!(e.errors[0].field, "answer");

    // Lambda: the answer is a memory setting; the cheapest as the panel names it is right.
    let f = file(
        &[LAMBDA],
        r#"{"question": "cheapest_option", "service": "lambda"}"#,
    );
    let t = task_json(&f).unwrap();
    let mb = t.expected.clone();
    assert_eq!(graded(&f, &format!("{mb} MB")).0, Grade::Right);
    assert_eq!(graded(&f, "10240").0, Grade::Wrong);
    assert!(
        serde_json::to_value(&t).unwrap().get("choices").is_none(),
        "10,113 settings are not listed"
    );
}

#[test]
fn saving_and_break_even_of_a_commitment() {
    // On-Demand over 36 months: 36 × $70.08 = $2,522.88; the RI $949.00: saving $1,573.88 =
    // 62.38 %. Cumulative On-Demand passes $949 in month 14 (13 × $70.08 = $911.04).
    let saving = file(
        &[EC2],
        r#"{"question": "saving_percent", "service": "ec2", "option": "reserved-standard-3y-all-upfront"}"#,
    );
    assert_eq!(graded(&saving, "62.38%"), (Grade::Right, "62.38".into()));
    assert_eq!(graded(&saving, "50").0, Grade::Close); // 19.85 % off
    assert_eq!(graded(&saving, "40").0, Grade::Wrong);
    let month = file(
        &[EC2],
        r#"{"question": "break_even_month", "option": "reserved-standard-3y-all-upfront", "tolerance_percent": 0}"#,
    );
    assert_eq!(graded(&month, "14"), (Grade::Right, "14".into()));
    assert_eq!(graded(&month, "13").0, Grade::Wrong);
    let t = task_json(&month).unwrap();
    assert!(
        t.steps
            .iter()
            .any(|s| s.text.contains("End of month 13") && s.text.contains("$911.04")),
        "{:?}",
        t.steps
    );
    assert!(t
        .steps
        .iter()
        .any(|s| s.text.contains("End of month 14") && s.text.ends_with("cheaper")));
    let bad = file(
        &[EC2],
        r#"{"question": "saving_percent", "option": "reserved-forever"}"#,
    );
    assert_eq!(
        task_json(&bad).unwrap_err().errors[0].field,
        "exercise.option"
    );
}

#[test]
fn a_scenario_against_the_baseline() {
    let two = EC2.replace(r#""count": 1"#, r#""count": 2"#);
    let f = file(
        &[EC2, &two],
        r#"{"question": "scenario_difference", "scenario": 1}"#,
    );
    assert_eq!(graded(&f, "26.36"), (Grade::Right, "26.36".into()));
    assert_eq!(graded(&f, "-26.36").0, Grade::Wrong);
    ends_at_answer(&f);
    let same = file(
        &[EC2, &two],
        r#"{"question": "scenario_difference", "scenario": 0}"#,
    );
    assert_eq!(
        task_json(&same).unwrap_err().errors[0].field,
        "exercise.scenario"
    );
}

#[test]
fn a_malformed_exercise_names_its_field() {
    for (exercise, field) in [
        (r#"{"question": "cheapest_option"}"#, "exercise.service"),
        (
            r#"{"question": "monthly_cost", "scenario": 3}"#,
            "exercise.scenario",
        ),
        (
            r#"{"question": "monthly_cost", "tolerance_percent": 150}"#,
            "exercise.tolerance_percent",
        ),
        (
            r#"{"question": "monthly_cost", "service": "ebs"}"#,
            "exercise.service",
        ),
        (r#"{"question": "what_is_love"}"#, "exercise.question"),
        (r#"{"question": "monthly_cost", "answer": 5}"#, "exercise"),
    ] {
        let f = file(&[LAMBDA], exercise);
        let e = task_json(&f).unwrap_err();
        assert!(e.errors[0].field.starts_with(field), "{exercise}: {e}");
    }
    let no_exercise = format!(r#"{{"scenarios": [{{"name": "A", "workload": {LAMBDA}}}]}}"#);
    assert_eq!(
        task_json(&no_exercise).unwrap_err().errors[0].field,
        "exercise"
    );
}

#[test]
fn markdown_narrates_the_question_first() {
    let f = file(&[EC2], r#"{"question": "monthly_cost", "service": "ec2"}"#);
    let g = grade_json(&f, "26").unwrap();
    let md = markdown(&g);
    assert!(md.starts_with("**Scenario A, EC2"));
    // The working, numbered as narration() says it: the RI's line items, then $949.00 over the
    // 36-month horizon ÷ 36 = $26.36 a month.
    assert!(md.contains(&narration(&g.task.steps)), "{md}");
    assert!(
        md.contains("\n3. $949.00 ÷ 36 months = $26.36 a month\n"),
        "{md}"
    );
}

#[test]
fn narration_is_one_numbered_sentence_a_line() {
    let steps = [
        Step::new(
            "Requests: 2,000,000 requests × $0.0000002 per request = $0.40",
            None,
        ),
        Step::new("Total of A\nB: $0.40 a month", None),
    ];
    assert_eq!(
        narration(&steps),
        "1. Requests: 2,000,000 requests × $0.0000002 per request = $0.40\n2. Total of A B: $0.40 a month\n"
    );
    assert_eq!(narration(&[]), "");
}

#[test]
fn an_exercise_file_compares_as_plain_scenarios() {
    // The scenario reader accepts the exercise and leaves it be; its JSON out has none.
    let f = file(
        &[EC2],
        r#"{"question": "monthly_cost", "service": "ec2", "title": "RI or not?"}"#,
    );
    let set = awscost::scenarios::from_json(&f).unwrap();
    let c = awscost::scenarios::compare(&set).unwrap();
    assert_eq!(
        c.scenarios[0]
            .total
            .monthly_usd
            .unwrap()
            .cents()
            .to_string(),
        "26.36"
    );
    assert!(!serde_json::to_string(&set).unwrap().contains("exercise"));
}

#[test]
fn every_question_by_its_json_name() {
    for q in Question::ALL {
        assert_eq!(Question::from_id(q.id()), Some(q));
        assert_eq!(serde_json::to_value(q).unwrap(), q.id(), "{q:?}");
        assert_eq!(
            serde_json::from_str::<Question>(&format!("\"{}\"", q.id())).unwrap(),
            q
        );
        assert!(!q.label().is_empty());
        assert!(
            !q.service_required() || !q.services().is_empty(),
            "{q:?} requires a service it cannot be asked of"
        );
    }
    let mut ids: Vec<&str> = Question::ALL.iter().map(|q| q.id()).collect();
    let mut labels: Vec<&str> = Question::ALL.iter().map(|q| q.label()).collect();
    ids.sort_unstable();
    ids.dedup();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(
        (ids.len(), labels.len()),
        (Question::ALL.len(), Question::ALL.len())
    );
    assert_eq!(Question::from_id("Monthly cost"), None);
    assert_eq!(Question::from_id("MONTHLY_COST"), None);
    assert_eq!(Question::MonthlyCost.label(), "Monthly cost");
    assert_eq!(Question::SavingPercent.services(), [ServiceCode::Ec2]);
    assert!(Question::ScenarioDifference.services().is_empty());
}

/// What each question needs, as its metadata says, is what `check()` asks for, naming the field.
#[test]
fn each_question_names_the_field_it_lacks() {
    for q in Question::ALL {
        let bare = file(&[EC2], &format!(r#"{{"question": "{}"}}"#, q.id()));
        let (set, ex) = from_json(&bare).unwrap();
        let fields: Vec<String> = match check(&set, &ex) {
            Ok(_) => vec![],
            Err(e) => e.errors.into_iter().map(|f| f.field).collect(),
        };
        for (needed, field) in [
            (q.service_required(), "exercise.service"),
            (q.needs_option(), "exercise.option"),
            (q.needs_other_scenario(), "exercise.question"),
        ] {
            assert_eq!(
                fields.iter().any(|f| f == field),
                needed,
                "{q:?} without anything: {fields:?}"
            );
        }
        // A service the question is not asked of.
        if let Some(other) = ServiceCode::ALL
            .into_iter()
            .find(|s| !q.services().is_empty() && !q.services().contains(s))
        {
            let f = file(
                &[EC2],
                &format!(
                    r#"{{"question": "{}", "service": "{}", "option": "on-demand"}}"#,
                    q.id(),
                    other.code()
                ),
            );
            let (set, ex) = from_json(&f).unwrap();
            let e = check(&set, &ex).unwrap_err();
            assert!(
                e.errors.iter().any(|f| f.field == "exercise.service"),
                "{q:?} of {other:?}: {e}"
            );
        }
    }
}

#[test]
fn break_even_utilisation_of_a_commitment() {
    // m5.large in us-east-1 (pricing/ec2.json): On-Demand $0.096 an hour. The 3-year Standard RI
    // All Upfront is $949 paid once for 36 months, billed whether the instance runs or not:
    // $949 ÷ 36 = $26.361111 a month; ÷ $0.096 an hour = 274.594907 h a month (the panel's
    // 274.59 h); ÷ 730 h × 100 = 37.615741 % → 37.62 %.
    let f = file(
        &[EC2],
        r#"{"question": "break_even_utilisation", "option": "reserved-standard-3y-all-upfront"}"#,
    );
    assert_eq!(graded(&f, "37.62"), (Grade::Right, "37.62".into()));
    assert_eq!(graded(&f, "40 %").0, Grade::Right); // 2.38 off: 6.33 %, within 10 %
    assert_eq!(graded(&f, "42").0, Grade::Close); // 4.38 off: 11.64 %, within 20 %
    assert_eq!(graded(&f, "50").0, Grade::Wrong); // 12.38 off: 32.91 %
    let t = task_json(&f).unwrap();
    assert_eq!(
        (t.question, t.unit.as_str()),
        (Question::BreakEvenUtilisation, "%")
    );
    assert!(
        t.prompt.contains("3-year") || t.prompt.contains("Reserved"),
        "{}",
        t.prompt
    );
    assert!(!t.prompt.contains("37.62"));
    let said: Vec<&str> = t.steps.iter().map(|s| s.text.as_str()).collect();
    assert!(
        said[0].contains("$949.00 upfront ÷ 36 months = $26.3611 a month"),
        "{said:?}"
    );
    assert!(said
        .iter()
        .any(|s| s.contains("$26.3611 ÷ 730 h = $0.0361 an hour")));
    assert!(said
        .iter()
        .any(|s| s.starts_with("On-Demand: $0.096 an hour")));
    assert!(said
        .iter()
        .any(|s| s.contains("$26.3611 a month ÷ $0.096 an hour = 274.59 h a month")));
    assert_eq!(said.last(), Some(&"274.59 h ÷ 730 h × 100 = 37.62 %"));

    // Two instances on the 1-year Standard RI No Upfront at $0.06 an hour: each is billed
    // 730 h × $0.06 = $43.80 a month; ÷ $0.096 = 456.25 h; ÷ 730 × 100 = 62.5 % exactly, so with
    // no tolerance only 62.5 is right.
    let two = EC2.replace(r#""count": 1"#, r#""count": 2"#);
    let f = file(
        &[&two],
        r#"{"question": "break_even_utilisation", "service": "ec2", "option": "reserved-standard-1y-no-upfront", "tolerance_percent": 0}"#,
    );
    assert_eq!(graded(&f, "62.5"), (Grade::Right, "62.50".into()));
    assert_eq!(graded(&f, "62.6").0, Grade::Wrong);
    let t = task_json(&f).unwrap();
    assert!(
        t.steps[0]
            .text
            .contains("for each instance: $43.80 a month"),
        "{:?}",
        t.steps
    );
    assert_eq!(
        t.steps[0].usd.map(|u| u.cents().to_string()).as_deref(),
        Some("43.80")
    );
    assert_eq!(
        t.steps.last().unwrap().text,
        "456.25 h ÷ 730 h × 100 = 62.5 %"
    );

    // The 3-year Standard Partial Upfront is bundled as its effective rate only, $0.0382161 an
    // hour: × 730 h = $27.897753 a month; ÷ $0.096 = 290.601594 h (290.6 h);
    // $0.0382161 ÷ $0.096 × 100 = 39.808438 % → 39.81 %.
    let f = file(
        &[EC2],
        r#"{"question": "break_even_utilisation", "option": "reserved-standard-3y-partial-upfront"}"#,
    );
    assert_eq!(graded(&f, "39.81"), (Grade::Right, "39.81".into()));
    let t = task_json(&f).unwrap();
    assert!(
        t.steps[0]
            .text
            .contains("effective rate $0.0382161 an hour")
            && t.steps[0].text.contains("= $27.8978 a month"),
        "{:?}",
        t.steps
    );
    assert_eq!(
        t.steps.last().unwrap().text,
        "290.6 h ÷ 730 h × 100 = 39.81 %"
    );

    // Options paid by the hour have no break-even utilisation: the error names the option.
    for option in ["on-demand", "spot", "reserved-forever"] {
        let f = file(
            &[EC2],
            &format!(r#"{{"question": "break_even_utilisation", "option": "{option}"}}"#),
        );
        let e = task_json(&f).unwrap_err();
        assert_eq!(e.errors[0].field, "exercise.option", "{option}: {e}");
    }
    let f = file(
        &[EC2],
        r#"{"question": "break_even_utilisation", "option": "on-demand"}"#,
    );
    assert!(task_json(&f)
        .unwrap_err()
        .to_string()
        .contains("On-Demand is paid only for the hours it runs"));
}

/// The S3 issue example (as in tests/s3_cases.rs): 10,000 GB in 100,000 objects, 1M GETs and a
/// tenth of the data read a month, in us-east-1, retrieved at the standard tier.
fn s3(retrieval_gb: &str) -> String {
    format!(
        r#"{{"region": "us-east-1", "s3": {{"storage_gb": 10000, "object_count": 100000, "get_requests_per_month": 1000000, "retrieval_gb_per_month": {retrieval_gb}, "monthly_read_fraction": 0.1}}}}"#
    )
}

#[test]
fn retrieval_crossover_of_the_cheapest_class() {
    // Each class a month as fixed + per GB retrieved, from pricing/s3.json (us-east-1):
    // - Deep Archive: 10,000 GB × $0.00099 = $9.90; index 100,000 × 32 KB = 3.0517578125 GB ×
    //   $0.00099 = $0.003021240234375; metadata 100,000 × 8 KB = 0.762939453125 GB × $0.023 =
    //   $0.017547607421875; GETs 1,000 × $0.0004 = $0.40: fixed $10.32056884765625. Per GB:
    //   $0.02 + one restore per object (10 objects a GB) × $0.10/1,000 = $0.021.
    // - Glacier Flexible: $36 + 3.0517578125 × $0.0036 = $0.010986328125 + $0.017547607421875
    //   + $0.40: fixed $36.428533935546875; per GB $0.01 + 10 × $0.05/1,000 = $0.0105.
    // - Intelligent-Tiering: $23 + $21.375 + $29.16 + $0.25 + $0.40 = $74.185; nothing per GB.
    // The lower envelope from 0 GB: Deep Archive (lowest fixed) until Glacier Flexible at
    // (36.428533935546875 − 10.32056884765625) ÷ (0.021 − 0.0105) = 26.107965087890625 ÷ 0.0105
    // = 2,486.4728655… GB (before Intelligent-Tiering's 3,041.16 and One Zone-IA's 8,243.58);
    // then Glacier Flexible until Intelligent-Tiering at (74.185 − 36.428533935546875) ÷ 0.0105
    // = 3,595.8539109… GB; Intelligent-Tiering, flat, from there on.
    // At 1,000 GB a month Deep Archive is cheapest; the change above it is at 2,486.472866 GB,
    // where both cost 10.32056884765625 + 0.021 × 2,486.4728655 = $62.5365 → $62.54.
    let f = file(&[&s3("1000")], r#"{"question": "retrieval_crossover"}"#);
    let t = task_json(&f).unwrap();
    assert_eq!(t.question, Question::RetrievalCrossover);
    assert_eq!(
        t.expected.parse::<Decimal>().unwrap(),
        Decimal::new(2_486_472_866, 6)
    );
    assert_eq!(t.unit, "GB a month");
    assert!(
        t.prompt.contains("1,000 GB")
            && t.prompt.contains("S3 Glacier Deep Archive is the cheapest"),
        "{}",
        t.prompt
    );
    assert!(t.prompt.contains("grows"));
    assert!(
        !t.prompt.contains("2,486") && !t.prompt.contains("2486") && !t.prompt.contains("Flexible")
    );
    let said: Vec<&str> = t.steps.iter().map(|s| s.text.as_str()).collect();
    assert!(
        said.iter().any(|s| s.contains(
            "S3 Glacier Deep Archive: fixed $10.32056885 a month + $0.021 per GB retrieved"
        )),
        "{said:?}"
    );
    assert!(said.iter().any(|s| s.contains(
        "S3 Glacier Flexible Retrieval: fixed $36.42853394 a month + $0.0105 per GB retrieved"
    )));
    assert!(
        said.iter().any(|s| s
            .ends_with("x = ($36.42853394 − $10.32056885) ÷ ($0.021 − $0.0105) = 2,486.472866 GB")),
        "{said:?}"
    );
    assert!(said.contains(&"At 2,486.472866 GB a month both cost $62.54"));
    assert!(said.last().unwrap().ends_with(
        "from S3 Glacier Deep Archive to S3 Glacier Flexible Retrieval at 2,486.472866 GB"
    ));
    assert_eq!(graded(&f, "2486.472866").0, Grade::Right);
    assert_eq!(graded(&f, "2,700 GB").0, Grade::Right); // 8.59 % off
    assert_eq!(graded(&f, "2900gb").0, Grade::Close); // 16.63 % off
    assert_eq!(graded(&f, "1000").0, Grade::Wrong); // 59.78 % off
    let g = grade_json(&f, "2,700 GB").unwrap();
    assert_eq!(g.off.as_deref(), Some("213.527134"));

    // At 5,000 GB a month Intelligent-Tiering is cheapest, in the last, open-ended range: the
    // change is below, at 3,595.853911 GB (to Glacier Flexible as retrieval falls).
    let f = file(
        &[&s3("5000")],
        r#"{"question": "retrieval_crossover", "service": "s3", "tolerance_percent": 1}"#,
    );
    let t = task_json(&f).unwrap();
    assert_eq!(
        t.expected.parse::<Decimal>().unwrap(),
        Decimal::new(3_595_853_911, 6)
    );
    assert!(
        t.prompt.contains("S3 Intelligent-Tiering is the cheapest") && t.prompt.contains("falls"),
        "{}",
        t.prompt
    );
    assert!(t.steps.last().unwrap().text.ends_with(
        "from S3 Intelligent-Tiering to S3 Glacier Flexible Retrieval at 3,595.853911 GB"
    ));
    assert_eq!(graded(&f, "3596").0, Grade::Right); // 0.004 % off
    assert_eq!(graded(&f, "3650").0, Grade::Close); // 1.51 % off, within 2 × 1 %
    assert_eq!(graded(&f, "2486.47").0, Grade::Wrong);

    // A volume on a boundary belongs to the range starting there: at 2,486.472866 GB Glacier
    // Flexible is cheapest, and the next change up is at 3,595.853911 GB.
    let f = file(
        &[&s3("2486.472866")],
        r#"{"question": "retrieval_crossover"}"#,
    );
    let t = task_json(&f).unwrap();
    assert_eq!(t.expected, "3595.853911");
    assert!(
        t.prompt
            .contains("S3 Glacier Flexible Retrieval is the cheapest"),
        "{}",
        t.prompt
    );
}

#[test]
fn retrieval_crossover_needs_two_classes_on_the_envelope() {
    // 1 GB in 1,048,576 objects of 1 KB, nothing read: Standard and Intelligent-Tiering (objects
    // under 128 KB are not monitored, so all Frequent Access) both cost 1 GB × $0.023 with nothing
    // per GB retrieved, and every other class costs more at 0 GB (the 128 KB minimum bills
    // Standard-IA for 128 GB; the archive classes add 40 KB an object): one class is cheapest at
    // every volume, so the cheapest class never changes.
    let tiny = r#"{"region": "us-east-1", "s3": {"storage_gb": 1, "object_count": 1048576}}"#;
    let f = file(&[tiny], r#"{"question": "retrieval_crossover"}"#);
    let e = task_json(&f).unwrap_err();
    assert_eq!(e.errors[0].field, "exercise.question", "{e}");
    assert!(e.to_string().contains("never changes"), "{e}");
    // A scenario without S3.
    let f = file(&[EC2], r#"{"question": "retrieval_crossover"}"#);
    assert_eq!(
        task_json(&f).unwrap_err().errors[0].field,
        "exercise.service"
    );
}

#[test]
fn s3_monthly_cost_ends_at_the_steady_month() {
    // The S3 issue example at 1,000 GB retrieved a month: Deep Archive is cheapest over the
    // 365-day retention, and its steady month is fixed $10.32056884765625 + 1,000 GB × $0.021
    // (per GB and restores, worked in retrieval_crossover_of_the_cheapest_class) = $31.32.
    let f = file(
        &[&s3("1000")],
        r#"{"question": "monthly_cost", "service": "s3"}"#,
    );
    assert_eq!(graded(&f, "31.32"), (Grade::Right, "31.32".into()));
    ends_at_answer(&f);
    let t = task_json(&f).unwrap();
    assert!(
        t.steps[0].text.starts_with(
            "S3 Glacier Deep Archive costs the least over the 365-day retention period"
        ),
        "{:?}",
        t.steps
    );
}
