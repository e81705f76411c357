//! Embedding: reading a host page's options (element attributes, `awscost.mount` options, the
//! iframe route's query) into what the widget starts from. Pure, so it is tested natively.
//!
//! - `panels`: service codes separated by commas (`lambda,ec2,ebs,s3`); empty: every panel.
//! - `region`: a region code; it overrides the workload's region.
//! - `workload`: the CLI's workload JSON; each section given fills its panel's form, as a link
//!   does: each value goes into its field as text and is checked there, as typed text is (a
//!   value the form refuses shows its error beside the field). The document itself must be JSON
//!   with a `region` and only the workload's fields ([`json`] reads it).
//! - `compact`: no header (title, region picker, reset).

pub mod json;

use crate::state::keys::{self, KeyError};
use crate::state::{Service, State, PLAN_STEPS};
use awscost::money::parse_number;
use awscost::Region;
use json::Value;

/// What a host page asked for, read and checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    /// The panels offered, in tab order; never empty.
    pub panels: Vec<Service>,
    pub compact: bool,
    /// The state the widget starts from.
    pub state: State,
}

/// A host's options as text, before they are read.
#[derive(Clone, Debug, Default)]
pub struct EmbedText<'a> {
    pub panels: Option<&'a str>,
    pub region: Option<&'a str>,
    pub workload: Option<&'a str>,
    pub compact: bool,
}

/// Reads the panel list (`"lambda,s3"`); unknown names are an error naming them.
pub fn parse_panels(text: &str) -> Result<Vec<Service>, String> {
    let mut panels = vec![];
    for code in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        match Service::ALL.iter().find(|s| s.code() == code) {
            Some(s) if !panels.contains(s) => panels.push(*s),
            Some(_) => {}
            None => {
                return Err(format!(
                    "panels: \"{code}\" is not a panel; use lambda, ec2, ebs or s3, separated by commas."
                ))
            }
        }
    }
    if panels.is_empty() {
        panels = Service::ALL.to_vec();
    }
    Ok(panels)
}

/// Reads a host's options; the error is a sentence naming the option and what to change.
pub fn read(text: &EmbedText) -> Result<Embed, String> {
    let panels = parse_panels(text.panels.unwrap_or_default())?;
    let mut state = match text.workload.map(str::trim).filter(|w| !w.is_empty()) {
        Some(json) => state_from_json(json).map_err(|e| format!("workload: {e}"))?,
        None => State::default(),
    };
    if let Some(code) = text.region.map(str::trim).filter(|r| !r.is_empty()) {
        state.region = Region::from_code(code).ok_or_else(|| {
            format!("region: \"{code}\" is not a bundled region; use us-east-1, eu-west-1 or ap-south-1.")
        })?;
    }
    if !panels.contains(&state.service) {
        state.service = panels[0];
    }
    Ok(Embed {
        panels,
        compact: text.compact,
        state,
    })
}

/// Workload fields no panel's form holds (the S3 panel derives the object size from the count);
/// a workload may give them, and the widget leaves them out.
const NOT_IN_A_FORM: &[&str] = &["s3.average_object_size_kb"];

/// The widget's state for a workload document: each section given fills its panel's form, as
/// text; the first section given (in tab order) is the panel on show.
pub fn state_from_json(text: &str) -> Result<State, String> {
    let values = json::values(text).map_err(|e| e.to_string())?;
    let mut s = State::default();
    let mut given = vec![];
    let mut region = false;
    let mut plan: Vec<String> = vec![];
    for (path, value) in &values {
        let path = path.as_str();
        let section = Service::ALL.iter().find(|sv| sv.code() == path);
        let step = lifecycle_step(path);
        let scalar = match (value, section, step) {
            (Value::Object, _, _) if path.is_empty() => continue,
            (Value::Object, Some(sv), _) => {
                given.push(*sv);
                continue;
            }
            (_, Some(_), _) => {
                return Err(format!(
                    "{path}: give the section as an object of its fields"
                ))
            }
            (_, _, _) if path.is_empty() => {
                return Err("it is not a JSON object such as {\"region\":\"us-east-1\"}".into())
            }
            (Value::Array, _, _) if path == "s3.lifecycle" => continue,
            (Value::Object, _, Some((_, ""))) => continue,
            (Value::Null, _, _) if path != "region" => continue,
            (Value::Text(t), _, _) => t.clone(),
            (Value::Bool(b), _, _) => b.to_string(),
            (Value::Number(n), _, _) => number(path, n)?,
            (Value::Object | Value::Array | Value::Null, _, _) => {
                return Err(not_an_input(path, value))
            }
        };
        match step {
            // A lifecycle longer than the editor's steps keeps its first steps.
            Some((n, ".class")) => {
                if n < PLAN_STEPS {
                    plan.push(scalar);
                }
                continue;
            }
            Some((_, ".days")) if keys::find(path).is_none() => continue,
            _ => {}
        }
        if NOT_IN_A_FORM.contains(&path) {
            continue;
        }
        region |= path == "region";
        keys::set(&mut s, path, &scalar).map_err(|e| key_error(e, value, &scalar))?;
        // Hours a day or days a week given: the EC2 form schedules by the week.
        if matches!(path, "ec2.hours_per_day" | "ec2.days_per_week") {
            let _ = keys::set(&mut s, "ec2.usage", "weekly");
        }
    }
    if !region {
        return Err("region: give the region code, such as \"region\":\"us-east-1\"".into());
    }
    if !plan.is_empty() {
        let codes = plan.join(",");
        keys::set(&mut s, "s3.lifecycle", &codes).map_err(|_| {
            format!(
                "s3.lifecycle: \"{}\" is not a list of storage class codes",
                cut(&codes)
            )
        })?;
    }
    if let Some(first) = Service::ALL.iter().find(|sv| given.contains(sv)) {
        s.service = *first;
    }
    Ok(s)
}

/// The step and the rest of a lifecycle path: `s3.lifecycle[1].days` is `(1, ".days")`.
fn lifecycle_step(path: &str) -> Option<(usize, &str)> {
    let (n, tail) = path.strip_prefix("s3.lifecycle[")?.split_once(']')?;
    Some((n.parse().ok()?, tail))
}

/// At most 40 characters of a value, for a message.
fn cut(v: &str) -> String {
    v.chars().take(40).collect()
}

fn key_error(e: KeyError, value: &Value, scalar: &str) -> String {
    match e {
        KeyError::Unknown(k) => not_an_input(&k, value),
        KeyError::TooLong(k) => format!("{k}: longer than {} characters", keys::MAX_VALUE),
        KeyError::NotAChoice("region") => format!(
            "region: \"{}\" is not a bundled region; use us-east-1, eu-west-1 or ap-south-1.",
            cut(scalar)
        ),
        KeyError::NotAChoice(k) => format!("{k}: \"{}\" is not one of its choices", cut(scalar)),
    }
}

/// A JSON number as the form's text: `1e3` is `1000`; one no decimal can hold is named.
fn number(path: &str, n: &str) -> Result<String, String> {
    parse_number(n)
        .map(|d| d.normalize().to_string())
        .ok_or_else(|| format!("{path}: {n} is not a number the widget can hold (at most 28 digits, and below 7.9e28)"))
}

fn not_an_input(path: &str, value: &Value) -> String {
    let what = match value {
        Value::Object => "an object",
        Value::Array => "a list",
        Value::Null => "null",
        _ => "a value",
    };
    if keys::find(path).is_some() || path == "region" {
        format!("{path}: {what} is not what this input takes; give a number, text or true/false")
    } else {
        format!("{}: the workload has no such field", cut(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Form;
    use crate::state::{LambdaForm, Usage};
    use awscost::Workload;

    #[test]
    fn panels_are_read_in_the_hosts_order() {
        assert_eq!(
            parse_panels(" s3, lambda ,s3").unwrap(),
            vec![Service::S3, Service::Lambda]
        );
        assert_eq!(parse_panels("").unwrap(), Service::ALL.to_vec());
        assert!(parse_panels("lambda,rds").unwrap_err().contains("\"rds\""));
    }

    #[test]
    fn a_workload_fills_the_forms_and_picks_the_panel() {
        let e = read(&EmbedText {
            panels: Some("lambda,ebs"),
            region: None,
            workload: Some(r#"{"region":"eu-west-1","ebs":{"size_gib":100,"iops":3000,"throughput_mibps":125}}"#),
            compact: true,
        })
        .unwrap();
        assert_eq!(e.state.region, Region::EuWest1);
        assert_eq!(e.state.service, Service::Ebs);
        assert_eq!(e.state.ebs.size_gib, "100");
        assert_eq!(e.state.ebs.iops, "3000");
        assert_eq!(e.state.lambda, LambdaForm::default());
        assert!(e.compact);
    }

    #[test]
    fn the_region_attribute_wins_and_the_panel_on_show_is_offered() {
        let e = read(&EmbedText {
            panels: Some("s3"),
            region: Some("ap-south-1"),
            workload: Some(r#"{"region":"eu-west-1","lambda":{"memory_mb":1024,"duration_ms":100,"invocations_per_month":1000}}"#),
            compact: false,
        })
        .unwrap();
        assert_eq!(e.state.region, Region::ApSouth1);
        assert_eq!(e.state.service, Service::S3);
        assert_eq!(e.state.lambda.memory_mb, "1024");
    }

    #[test]
    fn bad_options_are_named() {
        let bad = |t: EmbedText| read(&t).unwrap_err();
        let workload = |w| {
            bad(EmbedText {
                workload: Some(w),
                ..EmbedText::default()
            })
        };
        assert!(bad(EmbedText {
            region: Some("mars-1"),
            ..EmbedText::default()
        })
        .starts_with("region:"));
        for (w, says) in [
            (
                r#"{"region":"us-east-1","lambda":{"memory_mb":{}}}"#,
                "workload: lambda.memory_mb: an object is not",
            ),
            (
                r#"{"region":"us-east-1","lamda":{}}"#,
                "workload: lamda: the workload has no such field",
            ),
            (
                r#"{"region":"us-east-1","ebs":{"size":1}}"#,
                "workload: ebs.size: the workload has no such field",
            ),
            (
                r#"{"region":"us-east-1","ebs":4}"#,
                "workload: ebs: give the section as an object",
            ),
            (
                r#"{"region":"mars-1"}"#,
                "workload: region: \"mars-1\" is not a bundled region",
            ),
            (r#"{"ebs":{}}"#, "workload: region: give the region code"),
            (
                r#"{"region":"us-east-1","lambda":{"memory_mb":1e400}}"#,
                "workload: lambda.memory_mb: 1e400 is not a number the widget can hold",
            ),
            (
                r#"{"region":"us-east-1","lambda":{"architecture":"sparc"}}"#,
                "workload: lambda.architecture: \"sparc\" is not one of its choices",
            ),
            (
                r#"{"region":"us-east-1","s3":{"lifecycle":[{"class":"TAPE"}]}}"#,
                "workload: s3.lifecycle: \"TAPE\" is not a list",
            ),
            ("[1]", "workload: it is not a JSON object"),
            (
                "<script>",
                "workload: it is not JSON: a value was expected at character 1",
            ),
        ] {
            let got = workload(w);
            assert!(got.starts_with(says), "{w}: {got}");
        }
    }

    #[test]
    fn values_are_text_in_the_form_and_checked_there() {
        let e = read(&EmbedText {
            workload: Some(
                r#"{"region":"us-east-1","lambda":{"memory_mb":"lots","duration_ms":1.5e2}}"#,
            ),
            ..EmbedText::default()
        })
        .unwrap();
        assert_eq!(e.state.lambda.memory_mb, "lots");
        assert_eq!(e.state.lambda.duration_ms, "150");
        let errors = e.state.lambda.workload().unwrap_err();
        assert_eq!(errors[0].field, "lambda.memory_mb");
    }

    #[test]
    fn an_s3_plan_and_an_ec2_schedule_fill_the_forms() {
        let text = r#"{"region":"us-east-1",
                "s3":{"storage_gb":500,"average_object_size_kb":64,"lifecycle":[{"class":"STANDARD","days":10},{"class":"GLACIER"}]},
                "ec2":{"instance_type":"m5.large","count":2,"hours_per_day":8,"days_per_week":5,"horizon_years":1}}"#;
        let w = Workload::from_json(text).unwrap();
        let s = state_from_json(text).unwrap();
        assert_eq!(s.s3.storage_gb, "500");
        assert_eq!(s.s3.plan_len(), 2);
        assert_eq!(s.s3.plan_days[0], "10");
        assert_eq!(s.s3.workload().unwrap().lifecycle, w.s3.unwrap().lifecycle);
        assert_eq!(s.ec2.usage, Usage::Weekly);
        assert_eq!(s.ec2.horizon_years, 1);
        assert_eq!(s.ec2.count, "2");
        assert_eq!(s.service, Service::Ec2);
    }

    /// A workload filled into the forms prices as the CLI reads it: each section the forms hold
    /// reads back as the engine's serde types read the same document.
    #[test]
    fn the_forms_read_back_what_the_engine_reads() {
        for text in [
            r#"{"region":"eu-west-1","lambda":{"architecture":"arm64","memory_mb":1024,"duration_ms":120.5,"invocations_per_month":3000000,
                "ephemeral_storage_mb":1024,"free_tier":false,"provisioned_concurrency":2,"provisioned_hours_per_month":100,
                "cpu_bound_percent":50,"multi_threaded":true,"invocation_type":"async","payload_kb":8}}"#,
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3e6}}"#,
            r#"{"region":"ap-south-1","ebs":{"size_gib":500,"iops":4000,"throughput_mibps":250,"hours_per_month":730,"boot":true,
                "multi_attach":true,"attach_instances":2,"snapshot_gib":100,"snapshot_tier":"archive"}}"#,
            r#"{"region":"eu-west-1","ebs":{"size_gib":100,"iops":3000,"throughput_mibps":125}}"#,
            r#"{"region":"us-east-1","s3":{"storage_gb":5000,"object_count":5000000,"put_requests_per_month":10,
                "get_requests_per_month":1000,"retrieval_gb_per_month":10,"retention_days":2555,"monthly_read_fraction":0.1,
                "retrieval_tier":"bulk","lifecycle":[{"class":"STANDARD","days":30},{"class":"DEEP_ARCHIVE"}]}}"#,
            r#"{"region":"us-east-1","ec2":{"instance_type":"m5.large","count":2,"hours_per_month":730,"horizon_years":3,
                "interruption_tolerant":true,"needs_dedicated":false,"core_bound_license":true,"baseline_count":1,"peak_pricing":"spot"}}"#,
            r#"{"region":"eu-west-1","ec2":{"instance_type":"t3.small","count":1,"hours_per_day":4,"days_per_week":5,"horizon_years":1}}"#,
        ] {
            let w = Workload::from_json(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let s = state_from_json(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(s.region, w.region, "{text}");
            if let Some(l) = &w.lambda {
                assert_eq!(&s.lambda.workload().unwrap(), l, "{text}");
            }
            if let Some(e) = &w.ebs {
                assert_eq!(&s.ebs.workload().unwrap(), e, "{text}");
            }
            if let Some(x) = &w.s3 {
                assert_eq!(&s.s3.workload().unwrap(), x, "{text}");
            }
            if let Some(e) = &w.ec2 {
                assert_eq!(&s.ec2.workload().unwrap(), e, "{text}");
            }
        }
    }
}
