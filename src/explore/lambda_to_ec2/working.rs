//! The answer's working: EC2's line items at the count worked, the answer in a sentence, and what
//! the comparison assumes.

use super::checks::Options;
use super::choice::burstable;
use super::model::Model;
use super::CostPoint;
use crate::ec2::{self, Ec2Option, Ec2Pricing, Ec2Result};
use crate::limits::lambda::DEFAULT_CONCURRENCY;
use crate::money::{qty, Usd};
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

/// The type and purchasing option weighed, with why each was chosen.
pub(super) struct Chosen<'r> {
    pub result: &'r Ec2Result,
    pub option: &'r Ec2Option,
    /// One always-on instance's month of `option`.
    pub instance_monthly: Decimal,
    pub type_reason: String,
    pub option_reason: String,
}

impl Chosen<'_> {
    /// `<type> (<option>)`.
    pub fn label(&self) -> String {
        format!(
            "{} ({})",
            self.result.instance.instance_type, self.option.label
        )
    }
}

/// ` × (1 + h % headroom)` when there is headroom.
fn headroom_text(options: &Options) -> String {
    if options.headroom > 0 {
        format!(" × (1 + {} % headroom)", options.headroom)
    } else {
        String::new()
    }
}

/// The function's measured duration in ms.
fn duration_ms(model: &Model<'_>) -> Decimal {
    Decimal::from_u128(model.duration_us).unwrap_or_default() / Decimal::ONE_THOUSAND
}

/// EC2's line items at `at` invocations: the fleet, and the amount added as asked.
pub(super) fn ec2_lines(
    model: &Model<'_>,
    chosen: &Chosen<'_>,
    options: &Options,
    region: Region,
    at: u64,
) -> Vec<LineItem> {
    let (result, option) = (chosen.result, chosen.option);
    let info = &result.instance;
    let k = model.instances(at);
    let source_line = option.lines.first().map(|l| &l.source);
    let ec2_source = SourceRef {
        table: ec2::PRICING_FILE.into(),
        row: format!("{region} {} {}", info.instance_type, option.id),
        url: source_line.map_or_else(|| result.source.clone(), |s| s.url.clone()),
        as_of: source_line.map_or_else(|| result.as_of.clone(), |s| s.as_of.clone()),
    };
    let mut lines = vec![LineItem::priced(
        format!("EC2: {} ({})", info.instance_type, option.label),
        Decimal::from(k),
        "instances",
        chosen.instance_monthly,
        "USD per instance-month",
        format!(
            "{} invocations × {} ms ÷ (730 h × 3,600 s) = {} concurrent requests{} ÷ {} vCPU (one request per vCPU) → {} (rounded up, at least 1) × {} a month ({}'s horizon total ÷ {} months)",
            qty(at.into()),
            qty(duration_ms(model)),
            qty(model.concurrency(at)),
            headroom_text(options),
            info.vcpu,
            if k == 1 { "1 instance".to_string() } else { format!("{} instances", qty(k.into())) },
            crate::money::rate(chosen.instance_monthly.round_dp(6)),
            option.label,
            result.horizon_months
        ),
        ec2_source,
    )];
    if options.extra > Decimal::ZERO {
        lines.push(LineItem::priced(
            "Added to EC2's month (as given)",
            Decimal::ONE,
            "month",
            options.extra,
            "USD per month",
            format!(
                "1 month × {} (lambda_to_ec2.extra_monthly_usd)",
                crate::money::rate(options.extra)
            ),
            SourceRef {
                table: "explore request".into(),
                row: "lambda_to_ec2.extra_monthly_usd".into(),
                url: String::new(),
                as_of: String::new(),
            },
        ));
    }
    lines
}

/// The answer in a sentence: where EC2 first costs less and whether it stays cheaper, or that
/// Lambda costs no more up to `max`.
pub(super) fn answer(
    label: &str,
    crossover: Option<&CostPoint>,
    stays: Option<u64>,
    max: u64,
) -> String {
    let against = |c: &CostPoint| {
        if c.ec2_monthly_usd.cents() == c.lambda_monthly_usd.cents() {
            format!(
                "both about {} a month there, EC2 less by under a cent",
                c.ec2_monthly_usd
            )
        } else {
            format!("{} against {}", c.ec2_monthly_usd, c.lambda_monthly_usd)
        }
    };
    match (crossover, stays) {
        (Some(c), Some(s)) if s == c.invocations_per_month => format!(
            "Above {} invocations a month, {} × {label} costs less than Lambda (at {}: {}).",
            qty(c.invocations_per_month.saturating_sub(1).into()),
            c.instances,
            qty(c.invocations_per_month.into()),
            against(c)
        ),
        (Some(c), Some(s)) => format!(
            "From {} invocations a month, {} × {label} costs less than Lambda ({}); each added instance then makes Lambda cheaper again for a while, and from {} invocations EC2 stays cheaper.",
            qty(c.invocations_per_month.into()),
            c.instances,
            against(c),
            qty(s.into())
        ),
        (Some(c), None) => format!(
            "From {} invocations a month, {} × {label} costs less than Lambda ({}), but not throughout: right after each added instance Lambda is cheaper again, up to {} invocations.",
            qty(c.invocations_per_month.into()),
            c.instances,
            against(c),
            qty(max.into())
        ),
        (None, _) => format!(
            "Lambda costs no more than {label} at any count up to {} invocations a month, where the function's average concurrency reaches Lambda's default quota of {} concurrent executions.",
            qty(max.into()),
            qty(DEFAULT_CONCURRENCY.into())
        ),
    }
}

/// What the comparison assumes, in sentences.
pub(super) fn assumptions(
    model: &Model<'_>,
    chosen: &Chosen<'_>,
    options: &Options,
    ec2_pricing: &Ec2Pricing,
    max: u64,
) -> Vec<String> {
    let spec = &model.lambda.spec;
    let info = &chosen.result.instance;
    let duration_ms = duration_ms(model);
    let headroom_text = headroom_text(options);
    let mut out = vec![
        format!(
            "An instance serves one request per vCPU at a time, each taking the function's measured {} ms.",
            qty(duration_ms)
        ),
        format!(
            "Instances needed = invocations × {} ms ÷ (730 h × 3,600 s){headroom_text} ÷ {} vCPU, rounded up, at least 1: the average concurrency, {}.",
            qty(duration_ms),
            info.vcpu,
            if options.headroom > 0 {
                "with the headroom asked for"
            } else {
                "with no headroom for peaks"
            }
        ),
        format!(
            "Each instance is always on (730 hours a month) at {}'s horizon total ÷ {} months: {} a month, upfronts spread evenly.",
            chosen.option.label,
            chosen.result.horizon_months,
            Usd(chosen.instance_monthly)
        ),
        if options.extra > Decimal::ZERO {
            format!(
                "{} a month is added to EC2 as asked; nothing else (load balancer, data transfer, storage, operations) is counted.",
                Usd(options.extra)
            )
        } else {
            "No load balancer, data transfer, storage or operations work is counted for EC2.".into()
        },
        format!(
            "Lambda is priced as the Lambda panel prices it at {} MB ({}): requests, compute by volume tier{}{}.",
            qty(spec.memory_mb.into()),
            spec.architecture.code(),
            if spec.free_tier_applies() {
                ", after the free tier"
            } else {
                ""
            },
            if spec.has_provisioned() {
                ", ephemeral storage and Provisioned Concurrency"
            } else {
                " and ephemeral storage"
            }
        ),
        chosen.type_reason.clone(),
        chosen.option_reason.clone(),
        format!(
            "The search ends at {} invocations a month, where the average concurrency reaches Lambda's default quota of {} concurrent executions.",
            qty(max.into()),
            qty(DEFAULT_CONCURRENCY.into())
        ),
    ];
    if let Some(t) = ec2_pricing.instance(&info.instance_type) {
        if burstable(t) {
            out.push(format!(
                "{} is burstable: it runs at full speed only while it has CPU credits, so one request per vCPU at the full duration is optimistic.",
                t.name
            ));
        }
    }
    if info.memory_gib * Decimal::from(1024) < Decimal::from(spec.memory_mb) {
        out.push(format!(
            "{} has {} GiB of memory, less than the function's {} MB.",
            info.instance_type,
            qty(info.memory_gib),
            qty(spec.memory_mb.into())
        ));
    }
    out
}
