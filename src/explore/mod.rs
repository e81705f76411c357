//! Trade-off explorers: the questions of the kind "when does X stop being the right choice",
//! asked of a workload and answered with a chart's points, a table and the working.
//!
//! - Ranges and what moves the bill: `ranges` in the workload itself ([`ranges`]), answered by
//!   [`crate::compare`] as a cost band and a tornado of sensitivities.
//! - Lambda ↔ EC2 crossover: [`lambda_to_ec2`].
//! - Cheaper alternatives to a chosen EC2 type: [`crate::ec2::alternatives`].
//! - Spot with interruptions: [`crate::ec2::interruptions`].
//!
//! The last three are asked with an [`ExploreRequest`] (the workload and which explorers to
//! run, each with its options): `awscost explore FILE.json` on the command line and
//! `awscost.explore(json)` in the JavaScript API speak the same JSON.

pub mod lambda_to_ec2;
pub mod ranges;

use crate::ec2::alternatives::{alternatives, Alternatives, AlternativesAsk};
use crate::ec2::interruptions::{spot_interruptions, InterruptionAsk, SpotInterruptions};
use crate::error::{FieldError, InputErrors, Problem};
use crate::input::read_json;
use crate::workload::Workload;
use serde::{Deserialize, Serialize};

/// What to explore (public JSON): the workload and each explorer asked for, with its options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExploreRequest {
    pub workload: Workload,
    /// Cheaper alternatives to `workload.ec2`'s type under one purchasing option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<AlternativesAsk>,
    /// `workload.ec2` on Spot with interruptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spot_interruptions: Option<InterruptionAsk>,
    /// The Lambda ↔ EC2 crossover, asked of `workload.lambda`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda_to_ec2: Option<lambda_to_ec2::LambdaToEc2Ask>,
}

/// What the explorers asked for answer; an explorer not asked for is absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exploration {
    pub region: crate::Region,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Alternatives>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spot_interruptions: Option<SpotInterruptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda_to_ec2: Option<lambda_to_ec2::LambdaToEc2>,
}

/// Runs every explorer the request asks for.
pub fn explore(request: &ExploreRequest) -> Result<Exploration, InputErrors> {
    let w = &request.workload;
    let mut errors = vec![];
    let mut out = Exploration {
        region: w.region,
        alternatives: None,
        spot_interruptions: None,
        lambda_to_ec2: None,
    };
    if let Some(ask) = &request.lambda_to_ec2 {
        match lambda_to_ec2::ask(w, ask) {
            Ok(a) => out.lambda_to_ec2 = Some(a),
            Err(e) => errors.extend(e.errors),
        }
    }
    if request.alternatives.is_none() && request.spot_interruptions.is_none() {
        return if errors.is_empty() {
            Ok(out)
        } else {
            Err(InputErrors { errors })
        };
    }
    let Some(ec2) = &w.ec2 else {
        let asked = if request.alternatives.is_some() {
            "alternatives"
        } else {
            "spot_interruptions"
        };
        errors.push(FieldError::new(
            "workload.ec2",
            Problem::Malformed(format!(
                "{asked} is asked of the workload's EC2 instances: add an ec2 section."
            )),
        ));
        return Err(InputErrors { errors });
    };
    let pricing = crate::bundled(crate::catalog::ec2()).map_err(|errors| InputErrors { errors })?;
    if let Some(ask) = &request.alternatives {
        match alternatives(pricing, w.region, ec2, ask) {
            Ok(a) => out.alternatives = Some(a),
            Err(e) => errors.extend(e.into_iter().map(in_workload)),
        }
    }
    if let Some(ask) = &request.spot_interruptions {
        match spot_interruptions(pricing, w.region, ec2, ask) {
            Ok(a) => out.spot_interruptions = Some(a),
            Err(e) => errors.extend(e.into_iter().map(in_workload)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        // The same workload error reached by both explorers is named once.
        errors.dedup();
        Err(InputErrors { errors })
    }
}

/// A workload field's error named by its path in the explore request (`workload.ec2.count`);
/// an explorer's own fields are already named from the request's root.
fn in_workload(mut e: FieldError) -> FieldError {
    if e.field == "region" || e.field.starts_with("ec2.") {
        e.field = format!("workload.{}", e.field);
    }
    e
}

/// Reads an explore request and returns what it asks as JSON.
pub fn explore_json(text: &str) -> Result<String, InputErrors> {
    let request: ExploreRequest = read_json(text)?;
    let e = explore(&request)?;
    serde_json::to_string(&e).map_err(|e| {
        InputErrors::one(crate::FieldError::new(
            "",
            crate::Problem::Malformed(e.to_string()),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both explorers asked in one request, as the CLI and the JavaScript API read it.
    #[test]
    fn both_explorers_answer_in_json() {
        let json = explore_json(
            r#"{"workload": {"region": "us-east-1", "ec2": {"instance_type": "m5.large"}},
                "alternatives": {"architecture": "any", "option": "on-demand"},
                "spot_interruptions": {"band": "5-10%", "checkpoint_minutes": 30, "restart_minutes": 5}}"#,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["alternatives"]["rows"][0]["instance_type"], "t4g.medium");
        assert_eq!(v["alternatives"]["chosen"]["monthly_usd"], "70.08");
        assert_eq!(v["spot_interruptions"]["band"], "5-10%");
        assert_eq!(v["spot_interruptions"]["on_demand"]["monthly_usd"], "70.08");
        // Not asked, not answered.
        let none = explore_json(r#"{"workload": {"region": "us-east-1"}}"#).unwrap();
        assert_eq!(none, r#"{"region":"us-east-1"}"#);
    }

    #[test]
    fn errors_name_the_request_field() {
        let e = explore_json(r#"{"workload": {"region": "us-east-1"}, "alternatives": {}}"#)
            .unwrap_err();
        assert_eq!(e.errors[0].field, "workload.ec2");
        let e = explore_json(
            r#"{"workload": {"region": "us-east-1", "ec2": {"instance_type": "m5.large", "count": 0}},
                "alternatives": {"option": "nope"}}"#,
        )
        .unwrap_err();
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["alternatives.option"]);
        let e = explore_json(
            r#"{"workload": {"region": "us-east-1", "ec2": {"instance_type": "m5.large", "count": 0}},
                "alternatives": {}}"#,
        )
        .unwrap_err();
        assert_eq!(e.errors[0].field, "workload.ec2.count");
        let e = explore_json(
            r#"{"workload": {"region": "us-east-1", "ec2": {"instance_type": "m5.large"}},
                "spot_interruptions": {"band": "30%", "checkpoint_minutes": 1, "restart_minutes": 1}}"#,
        )
        .unwrap_err();
        assert!(e.errors[0].field.starts_with("spot_interruptions"), "{e}");
    }
}
