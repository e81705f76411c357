//! awscost: compares what a described workload costs on AWS, from bundled pricing tables that cite
//! the public AWS pricing pages (<https://aws.amazon.com/pricing/>).
//!
//! The engine has no UI dependencies. It reads a [`Workload`] (the public JSON contract shared by
//! the `awscost` CLI, share links and the embed API) and returns a [`Comparison`] whose every
//! figure carries its working. It never panics on input: problems come back as [`InputErrors`]
//! naming the field.
#![forbid(unsafe_code)]

pub mod catalog;
pub mod closed;
pub mod ebs;
pub mod ec2;
pub mod ec2_import;
// Native only, and not in the build script (which compiles the engine without its csv reader).
#[cfg(all(awscost_bundled, not(target_arch = "wasm32")))]
pub mod ec2_tidy;
pub mod error;
pub mod exercise;
pub mod explore;
pub mod export;
pub mod input;
pub mod kept;
pub mod lambda;
pub mod limits;
pub mod money;
pub mod pricing;
pub mod report;
pub mod s3;
pub mod scenarios;
pub mod service;
pub mod services;
#[cfg(test)]
pub(crate) mod testing;
pub mod workload;

pub use error::{FieldError, InputErrors, Problem};
pub use money::Usd;
pub use pricing::Region;
pub use workload::Workload;

use serde::Serialize;
use service::Service;
use {ebs::Ebs, ec2::Ec2, lambda::Lambda, s3::S3};

/// The answer for a whole workload: one section per service the workload describes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub region: Region,
    /// The oldest `as_of` of the pricing tables used.
    pub pricing_as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda: Option<lambda::LambdaResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ebs: Option<ebs::EbsResult>,
    pub s3: Option<s3::S3Result>,
    pub ec2: Option<ec2::Ec2Result>,
    /// With `ranges` in the workload: each service's and the total's monthly figure at every
    /// ranged input's low, likely and high value ([`explore::ranges`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<explore::ranges::Bands>,
    /// With `ranges`: each ranged input swung from low to high, the others at likely, largest
    /// swing of the monthly total first (a tornado chart's bars).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sensitivity: Vec<explore::ranges::Sensitivity>,
}

/// Compares every option for every service section of the workload.
pub fn compare(w: &Workload) -> Result<Comparison, InputErrors> {
    compare_kept(w, &mut kept::Kept::none())
}

/// [`compare`], taking each section's answer from `kept` when it was asked before (a page
/// comparing on every keystroke reprices only the sections that changed).
pub fn compare_kept(w: &Workload, kept: &mut kept::Kept) -> Result<Comparison, InputErrors> {
    let mut errors = vec![];
    let r = w.region;
    let lambda = section(
        w.lambda
            .as_ref()
            .map(|x| kept.lambda.compare(bundled(catalog::lambda())?, r, x)),
        &mut errors,
    );
    let ebs = section(
        w.ebs
            .as_ref()
            .map(|x| kept.ebs.compare(bundled(catalog::ebs())?, r, x)),
        &mut errors,
    );
    let s3 = section(
        w.s3.as_ref()
            .map(|x| kept.s3.compare(bundled(catalog::s3())?, r, x)),
        &mut errors,
    );
    let ec2 = section(
        w.ec2
            .as_ref()
            .map(|x| kept.ec2.compare(bundled(catalog::ec2())?, r, x)),
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(InputErrors { errors });
    }
    let mut as_of: Vec<&str> = [
        lambda.as_ref().map(Lambda::as_of),
        ebs.as_ref().map(Ebs::as_of),
        s3.as_ref().map(S3::as_of),
        ec2.as_ref().map(Ec2::as_of),
    ]
    .into_iter()
    .flatten()
    .collect();
    if as_of.is_empty() {
        as_of.extend(
            bundled(catalog::lambda())
                .map_err(|errors| InputErrors { errors })?
                .table(w.region)
                .map(|t| t.as_of.as_str()),
        );
    }
    let mut c = Comparison {
        region: w.region,
        pricing_as_of: as_of.into_iter().min().unwrap_or_default().to_string(),
        lambda,
        ebs,
        s3,
        ec2,
        band: None,
        sensitivity: vec![],
    };
    if let Some((band, sensitivity)) =
        explore::ranges::explore(w, &c).map_err(|errors| InputErrors { errors })?
    {
        c.band = Some(band);
        c.sensitivity = sensitivity;
    }
    Ok(c)
}

/// A bundled table, or the error that says this build cannot price anything.
pub(crate) fn bundled<T>(
    table: Result<&'static T, &'static [pricing::PricingError]>,
) -> Result<&'static T, Vec<FieldError>> {
    table.map_err(|errs| {
        vec![FieldError::new(
            "",
            Problem::Malformed(format!(
                "The bundled pricing tables are invalid ({}); this build cannot price anything.",
                errs.first().map(ToString::to_string).unwrap_or_default()
            )),
        )]
    })
}

/// The result of a workload section that was given; its problems are collected.
fn section<T>(
    result: Option<Result<T, Vec<FieldError>>>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    match result? {
        Ok(v) => Some(v),
        Err(e) => {
            errors.extend(e);
            None
        }
    }
}

/// Reads a workload document and returns the comparison as JSON.
pub fn compare_json(text: &str) -> Result<String, InputErrors> {
    let w = Workload::from_json(text)?;
    let c = compare(&w)?;
    serde_json::to_string(&c)
        .map_err(|e| InputErrors::one(FieldError::new("", Problem::Malformed(e.to_string()))))
}
