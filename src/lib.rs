//! awscost: compares what a described workload costs on AWS, from bundled pricing tables that cite
//! the public AWS pricing pages (<https://aws.amazon.com/pricing/>).
//!
//! The engine has no UI dependencies. It reads a [`Workload`] (the public JSON contract shared by
//! the `awscost` CLI, share links and the embed API) and returns a [`Comparison`] whose every
//! figure carries its working. It never panics on input: problems come back as [`InputErrors`]
//! naming the field.
#![forbid(unsafe_code)]

pub mod ec2;
pub mod ec2_import;
pub mod error;
pub mod lambda;
pub mod limits;
pub mod money;
pub mod pricing;
pub mod report;
pub mod workload;

pub use error::{FieldError, InputErrors, Problem};
pub use money::Usd;
pub use pricing::Region;
pub use workload::Workload;

use serde::Serialize;

/// The answer for a whole workload: one section per service the workload describes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub region: Region,
    /// The oldest `as_of` of the pricing tables used.
    pub pricing_as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda: Option<lambda::LambdaResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ec2: Option<ec2::Ec2Result>,
}

/// Compares every option for every service section of the workload.
pub fn compare(w: &Workload) -> Result<Comparison, InputErrors> {
    let catalog = pricing::catalog().map_err(|errs| {
        InputErrors::one(FieldError::new(
            "",
            Problem::Malformed(format!(
                "The bundled pricing tables are invalid ({}); this build cannot price anything.",
                errs.first().map(ToString::to_string).unwrap_or_default()
            )),
        ))
    })?;
    let mut errors = vec![];
    let mut as_of: Vec<&str> = vec![];
    let lambda = match &w.lambda {
        Some(l) => match lambda::compare(&catalog.lambda, w.region, l) {
            Ok(r) => Some(r),
            Err(e) => {
                errors.extend(e);
                None
            }
        },
        None => None,
    };
    let ec2 = match &w.ec2 {
        Some(e) => match ec2::compare(&catalog.ec2, w.region, e) {
            Ok(r) => Some(r),
            Err(e) => {
                errors.extend(e);
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return Err(InputErrors { errors });
    }
    if let Some(l) = &lambda {
        as_of.push(&l.as_of);
    }
    if let Some(e) = &ec2 {
        as_of.push(&e.as_of);
    }
    if as_of.is_empty() {
        as_of.extend(catalog.lambda.table(w.region).map(|t| t.as_of.as_str()));
    }
    Ok(Comparison {
        region: w.region,
        pricing_as_of: as_of.into_iter().min().unwrap_or_default().to_string(),
        lambda,
        ec2,
    })
}

/// Reads a workload document and returns the comparison as JSON.
pub fn compare_json(text: &str) -> Result<String, InputErrors> {
    let w = Workload::from_json(text)?;
    let c = compare(&w)?;
    serde_json::to_string(&c)
        .map_err(|e| InputErrors::one(FieldError::new("", Problem::Malformed(e.to_string()))))
}
