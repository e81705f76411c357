//! Lambda ↔ EC2 crossover: the monthly invocation count above which an always-on fleet of one EC2
//! instance type costs less than the Lambda function doing the same work.
//!
//! # The model, stated in every answer
//! - **Instances**: at `N` invocations a month of the function's measured duration `d`, the
//!   average concurrency is `N × d ÷ (730 h × 3,600 s)` (Little's law); an instance serves one
//!   request per vCPU at a time, at the same duration, so the fleet needs
//!   `⌈concurrency × (1 + headroom) ÷ vCPU⌉` instances, at least 1. No allowance for peaks
//!   beyond the optional headroom.
//! - **EC2's month**: instances × one always-on instance's month of the chosen purchasing option
//!   (its horizon total ÷ the horizon's months, [`crate::ec2::Ec2Option::amortised_monthly_usd`]),
//!   plus an optional fixed amount (a load balancer, say); nothing else is counted.
//! - **Lambda's month**: exactly as the Lambda panel prices it at the memory asked for
//!   ([`Pricer`]): requests, compute GB-seconds by volume tier, the free tier where it applies,
//!   ephemeral storage, Provisioned Concurrency.
//!
//! # Exact, segment by segment
//! EC2's month is a step function of `N` (constant while the instance count is), Lambda's is
//! piecewise linear and never falls ([`Pricer::slope_changes`]). Within one EC2 step, the first
//! `N` at which Lambda costs more is found on the Lambda segment where it happens by one exact
//! integer division (`N = a + ⌈(T − L(a)) ÷ s⌉`, with `T` the EC2 month as the smallest Lambda
//! numerator above it, [`crate::lambda::Fraction::above_usd`]). The steps are walked up to the count at which the
//! function's average concurrency reaches Lambda's default quota of 1,000 concurrent executions
//! (at most 10,000 steps: 1,000 × 10 with the largest headroom, one vCPU).
//!
//! Right after each added instance EC2's month jumps while Lambda's rises smoothly, so EC2 can be
//! cheaper in the upper part of each step and not in the lower: the answer gives both the first
//! count at which EC2 costs less (`crossover`) and the count from which it stays cheaper up to
//! the search's end (`stays_cheaper_from`).
//!
//! # Where each part is
//! `checks` reads the ask's options; `choice` picks the type and purchasing option (asked, or
//! the smallest fitting type's cheapest suitable option); `model` holds both months and the
//! search; `chart` the counts plotted; `working` EC2's line items, the answer's sentence and the
//! assumptions. This file holds the answer's types and puts the parts together.

mod chart;
mod checks;
mod choice;
mod model;
#[cfg(test)]
mod tests;
mod working;

use crate::ec2::{self, Ec2Pricing};
use crate::error::{FieldError, Problem};
use crate::lambda::{LambdaPricing, LambdaWorkload, Pricer, MAX_INVOCATIONS};
use crate::limits::lambda::DEFAULT_CONCURRENCY;
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::LineItem;
use model::{Model, US_PER_MONTH};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use working::Chosen;

/// The most headroom accepted: ten times the average concurrency.
pub const MAX_HEADROOM_PERCENT: u64 = 900;
/// The largest fixed monthly amount accepted.
pub const MAX_EXTRA_MONTHLY_USD: u64 = 1_000_000_000;

/// `lambda_to_ec2` in an explore request: which EC2 type and purchasing option to weigh the
/// function against, and what else the fleet needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaToEc2Ask {
    /// A catalog type, e.g. `c6g.large`. Default: the smallest non-burstable type offered in the
    /// region with at least the function's memory, of the function's architecture if one fits
    /// (smallest: least memory, then fewest vCPU, then the lowest On-Demand rate, then the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// An EC2 option id (`on-demand`, `reserved-standard-3y-all-upfront`, …). Default: the type's
    /// cheapest suitable option for one always-on instance over three years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Instances beyond the average concurrency, in percent (0 to 900; default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headroom_percent: Option<Decimal>,
    /// A fixed amount added to EC2's month, e.g. a load balancer (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_monthly_usd: Option<Decimal>,
}

crate::closed_set! {
    /// Which costs less at an invocation count.
    pub enum Cheaper {
        Lambda = "lambda", "Lambda";
        Ec2 = "ec2", "EC2";
        Same = "same", "The same";
    }
}

/// Both months at one invocation count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostPoint {
    pub invocations_per_month: u64,
    /// Average concurrent requests, two decimals.
    pub concurrency: Decimal,
    /// Instances the EC2 fleet needs.
    pub instances: u64,
    pub lambda_monthly_usd: Usd,
    pub ec2_monthly_usd: Usd,
    pub cheaper: Cheaper,
}

/// A purchasing option the explorer could weigh for the type: suitable for one always-on
/// instance and priced by a bundled rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionChoice {
    pub id: String,
    pub label: String,
    /// One always-on instance's month of it (horizon total ÷ months).
    pub instance_monthly_usd: Usd,
}

/// What the Lambda ↔ EC2 explorer answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LambdaToEc2 {
    pub instance_type: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    pub architecture: ec2::Architecture,
    /// How the type was chosen, in a sentence.
    pub instance_type_reason: String,
    /// The purchasing option's id and label.
    pub option: String,
    pub option_label: String,
    /// How the option was chosen, in a sentence.
    pub option_reason: String,
    /// Every option `option` may name for this type, in the comparison's order.
    pub option_choices: Vec<OptionChoice>,
    /// One always-on instance's month of the option: its horizon total ÷ the horizon's months.
    pub instance_monthly_usd: Usd,
    pub headroom_percent: u64,
    pub extra_monthly_usd: Usd,
    /// The workload's own invocation count.
    pub now: CostPoint,
    /// The smallest whole invocation count at which EC2 costs less than Lambda (none: not up to
    /// `search_max_invocations`).
    pub crossover: Option<CostPoint>,
    /// The count from which EC2 costs less at every count up to `search_max_invocations`.
    pub stays_cheaper_from: Option<u64>,
    /// Where the search ends: the count at which the function's average concurrency reaches
    /// Lambda's default quota of 1,000 concurrent executions.
    pub search_max_invocations: u64,
    /// The answer in a sentence.
    pub answer: String,
    /// Both months against invocations a month, ascending: log-spaced, plus the workload's count,
    /// the crossover and the instance-count edges near it.
    pub points: Vec<CostPoint>,
    /// The count the working is worked at: the crossover, else the workload's own.
    pub working_invocations: u64,
    /// Lambda's line items at `working_invocations`.
    pub lambda_lines: Vec<LineItem>,
    /// EC2's line items at `working_invocations`.
    pub ec2_lines: Vec<LineItem>,
    /// What the comparison assumes, in sentences.
    pub assumptions: Vec<String>,
    /// The older of the two tables' dates.
    pub as_of: String,
}

/// Answers the crossover for the workload's Lambda function.
pub fn lambda_to_ec2(
    lambda_pricing: &LambdaPricing,
    ec2_pricing: &Ec2Pricing,
    region: Region,
    workload: &LambdaWorkload,
    ask: &LambdaToEc2Ask,
) -> Result<LambdaToEc2, Vec<FieldError>> {
    let pricer = Pricer::new(lambda_pricing, region, workload).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| FieldError::new(format!("workload.{}", e.field), e.problem))
            .collect::<Vec<_>>()
    });
    let (pricer, options) = match (pricer, checks::check_ask(ask)) {
        (Ok(p), Ok(o)) => (p, o),
        (p, o) => {
            let mut errors = p.err().unwrap_or_default();
            errors.extend(o.err().unwrap_or_default());
            return Err(errors);
        }
    };
    let spec = pricer.spec.clone();
    let arch = match spec.architecture {
        crate::lambda::Architecture::X86_64 => ec2::Architecture::X86_64,
        crate::lambda::Architecture::Arm64 => ec2::Architecture::Arm64,
    };

    // The type and its priced options, then the option weighed.
    let (result, type_reason) = choice::choose_type(
        ec2_pricing,
        region,
        ask.instance_type.as_deref(),
        spec.memory_mb,
        arch,
    )?;
    let (option, instance_monthly, option_reason) =
        choice::pick_option(&result, ask.option.as_deref(), region)?;
    let chosen = Chosen {
        result: &result,
        option,
        instance_monthly,
        type_reason,
        option_reason,
    };
    let info = &result.instance;

    let model = Model::new(
        pricer,
        info.vcpu,
        options.headroom,
        instance_monthly,
        options.extra,
    );
    let quota = u128::from(DEFAULT_CONCURRENCY) * US_PER_MONTH / model.duration_us.max(1);
    let max = u64::try_from(quota)
        .unwrap_or(u64::MAX)
        .min(MAX_INVOCATIONS);
    let (first, stays) = model.search(max);
    let now = model.point(spec.invocations);
    let crossover = first.map(|n| model.point(n));
    let points = chart::counts(&model, spec.invocations, first, stays, max)
        .into_iter()
        .map(|n| model.point(n))
        .collect();

    // The working, at the crossover or the workload's own count.
    let at = first.unwrap_or(spec.invocations);
    let lambda_lines: Vec<LineItem> = model.lambda.lines_at(at);
    let ec2_lines = working::ec2_lines(&model, &chosen, &options, region, at);
    let answer = working::answer(&chosen.label(), crossover.as_ref(), stays, max);
    let assumptions = working::assumptions(&model, &chosen, &options, ec2_pricing, max);
    let lambda_as_of = model.lambda.table().as_of.clone();
    Ok(LambdaToEc2 {
        instance_type: info.instance_type.clone(),
        vcpu: info.vcpu,
        memory_gib: info.memory_gib,
        architecture: info.architecture,
        option: option.id.clone(),
        option_label: option.label.clone(),
        option_choices: result
            .options
            .iter()
            .filter(|o| o.suitable)
            .filter_map(|o| {
                Some(OptionChoice {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    instance_monthly_usd: o.amortised_monthly_usd?,
                })
            })
            .collect(),
        instance_monthly_usd: Usd(instance_monthly),
        headroom_percent: options.headroom,
        extra_monthly_usd: Usd(options.extra),
        now,
        crossover,
        stays_cheaper_from: stays,
        search_max_invocations: max,
        answer,
        points,
        working_invocations: at,
        lambda_lines,
        ec2_lines,
        assumptions,
        as_of: lambda_as_of.min(result.as_of.clone()),
        instance_type_reason: chosen.type_reason,
        option_reason: chosen.option_reason,
    })
}

/// `lambda_to_ec2` of an explore request: asked of `workload.lambda` with the bundled tables.
pub fn ask(
    workload: &crate::workload::Workload,
    ask: &LambdaToEc2Ask,
) -> Result<LambdaToEc2, crate::error::InputErrors> {
    let Some(lambda) = &workload.lambda else {
        return Err(crate::error::InputErrors::one(FieldError::new(
            "workload.lambda",
            Problem::Malformed(
                "The Lambda ↔ EC2 crossover is asked of a Lambda function: add a lambda section to the workload."
                    .into(),
            ),
        )));
    };
    let unusable = |errs: &[crate::pricing::PricingError]| {
        vec![FieldError::new(
            "",
            Problem::Malformed(format!(
                "The bundled pricing tables are invalid ({}); this build cannot price anything.",
                errs.first().map(ToString::to_string).unwrap_or_default()
            )),
        )]
    };
    let tables = match (crate::catalog::lambda(), crate::catalog::ec2()) {
        (Ok(l), Ok(e)) => Ok((l, e)),
        (Err(errs), _) | (_, Err(errs)) => Err(unusable(errs)),
    };
    tables
        .and_then(|(l, e)| lambda_to_ec2(l, e, workload.region, lambda, ask))
        .map_err(|errors| crate::error::InputErrors { errors })
}
