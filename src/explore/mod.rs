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

use crate::error::InputErrors;
use crate::input::read_json;
use crate::workload::Workload;
use serde::{Deserialize, Serialize};

/// What to explore (public JSON): the workload and each explorer asked for, with its options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExploreRequest {
    pub workload: Workload,
    /// The Lambda ↔ EC2 crossover, asked of `workload.lambda`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda_to_ec2: Option<lambda_to_ec2::LambdaToEc2Ask>,
}

/// What the explorers asked for answer; an explorer not asked for is absent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exploration {
    pub region: crate::Region,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda_to_ec2: Option<lambda_to_ec2::LambdaToEc2>,
}

/// Runs every explorer the request asks for.
pub fn explore(request: &ExploreRequest) -> Result<Exploration, InputErrors> {
    let w = &request.workload;
    let lambda_to_ec2 = match &request.lambda_to_ec2 {
        Some(ask) => Some(lambda_to_ec2::ask(w, ask)?),
        None => None,
    };
    Ok(Exploration {
        region: w.region,
        lambda_to_ec2,
    })
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
