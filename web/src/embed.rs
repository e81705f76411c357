//! Embedding: reading a host page's options (element attributes, `awscost.mount` options, the
//! iframe route's query) into what the widget starts from. Pure, so it is tested natively.
//!
//! - `panels`: service codes separated by commas (`lambda,ec2,ebs,s3`); empty: every panel.
//! - `region`: a region code; it overrides the workload's region.
//! - `workload`: the CLI's workload JSON; each section given fills its panel's form.
//! - `compact`: no header (title, region picker, reset).

use crate::state::{EbsForm, Ec2Form, LambdaForm, S3Form, Service, State, Usage, PLAN_STEPS};
use awscost::ec2::Ec2Workload;
use awscost::s3::S3Workload;
use awscost::{Region, Workload};
use rust_decimal::Decimal;

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
        Some(json) => match Workload::from_json(json) {
            Ok(w) => state_from_workload(&w),
            Err(e) => {
                let first = e.errors.first();
                return Err(format!(
                    "workload: {}",
                    first.map(ToString::to_string).unwrap_or_default()
                ));
            }
        },
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

/// The widget's state for a workload: each section given fills its panel's form, as text; the
/// first section given is the panel on show.
pub fn state_from_workload(w: &Workload) -> State {
    let mut s = State::default();
    s.region = w.region;
    let mut shown = vec![];
    if let Some(l) = &w.lambda {
        s.lambda = LambdaForm::from_workload(l);
        shown.push(Service::Lambda);
    }
    if let Some(e) = &w.ec2 {
        s.ec2 = ec2_form(e);
        shown.push(Service::Ec2);
    }
    if let Some(e) = &w.ebs {
        s.ebs = EbsForm::from_workload(e);
        shown.push(Service::Ebs);
    }
    if let Some(x) = &w.s3 {
        s.s3 = s3_form(x);
        shown.push(Service::S3);
    }
    if let Some(first) = shown.first() {
        s.service = *first;
    }
    s
}

fn text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The S3 form for a workload; a lifecycle longer than the editor's steps keeps its first steps.
fn s3_form(w: &S3Workload) -> S3Form {
    let d = S3Form::default();
    let mut f = S3Form {
        storage_gb: text(w.storage_gb),
        object_count: w.object_count.map(text).unwrap_or(d.object_count),
        put_requests_per_month: text(w.put_requests_per_month),
        get_requests_per_month: text(w.get_requests_per_month),
        retrieval_gb_per_month: text(w.retrieval_gb_per_month),
        retention_days: text(w.retention_days),
        monthly_read_fraction: w.monthly_read_fraction.map(text).unwrap_or_default(),
        retrieval_tier: w.retrieval_tier,
        plan: [None; PLAN_STEPS],
        plan_days: d.plan_days,
    };
    for (i, step) in w.lifecycle.iter().flatten().take(PLAN_STEPS).enumerate() {
        f.plan[i] = Some(step.class);
        if let (Some(days), Some(slot)) = (step.days, f.plan_days.get_mut(i)) {
            *slot = text(days);
        }
    }
    f
}

/// The EC2 form for a workload: a weekly schedule when hours a day or days a week are given.
fn ec2_form(w: &Ec2Workload) -> Ec2Form {
    let d = Ec2Form::default();
    let weekly = w.hours_per_day.is_some() || w.days_per_week.is_some();
    Ec2Form {
        instance_type: w.instance_type.clone(),
        count: text(w.count),
        usage: if weekly {
            Usage::Weekly
        } else {
            Usage::HoursPerMonth
        },
        hours_per_month: w.hours_per_month.map(text).unwrap_or(d.hours_per_month),
        hours_per_day: w.hours_per_day.map(text).unwrap_or(d.hours_per_day),
        days_per_week: w.days_per_week.map(text).unwrap_or(d.days_per_week),
        horizon_years: if w.horizon_years == Decimal::ONE {
            1
        } else {
            3
        },
        interruption_tolerant: w.interruption_tolerant,
        needs_dedicated: w.needs_dedicated,
        core_bound_license: w.core_bound_license,
        baseline_count: w.baseline_count.map(text).unwrap_or_default(),
        peak_pricing: w.peak_pricing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Form;

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
        assert!(bad(EmbedText {
            region: Some("mars-1"),
            ..EmbedText::default()
        })
        .starts_with("region:"));
        assert!(bad(EmbedText {
            workload: Some(r#"{"region":"us-east-1","lambda":{"memory_mb":"lots"}}"#),
            ..EmbedText::default()
        })
        .contains("lambda.memory_mb"));
        assert!(bad(EmbedText {
            workload: Some("<script>"),
            ..EmbedText::default()
        })
        .starts_with("workload:"));
    }

    #[test]
    fn an_s3_plan_and_an_ec2_schedule_round_trip_into_the_forms() {
        let w = Workload::from_json(
            r#"{"region":"us-east-1",
                "s3":{"storage_gb":500,"lifecycle":[{"class":"STANDARD","days":10},{"class":"GLACIER"}]},
                "ec2":{"instance_type":"m5.large","count":2,"hours_per_day":8,"days_per_week":5,"horizon_years":1}}"#,
        )
        .unwrap();
        let s = state_from_workload(&w);
        assert_eq!(s.s3.storage_gb, "500");
        assert_eq!(s.s3.plan_len(), 2);
        assert_eq!(s.s3.plan_days[0], "10");
        assert_eq!(s.s3.workload().unwrap().lifecycle, w.s3.unwrap().lifecycle);
        assert_eq!(s.ec2.usage, Usage::Weekly);
        assert_eq!(s.ec2.horizon_years, 1);
        assert_eq!(s.ec2.count, "2");
        assert_eq!(s.service, Service::Ec2);
    }
}
