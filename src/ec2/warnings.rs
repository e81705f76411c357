//! The warnings an EC2 comparison gives: missing or older commitment rates, floating Spot
//! prices, assumed renewals, the Savings Plans split, burstable credits, the mixed strategy.

use super::price::Ctx;
use super::{Ec2Option, MixedResult, OptionKind, Payment, PeakPricing, SpotReference, Term};
use crate::money::rate as fmt_rate;
use crate::report::Warning;

pub(crate) fn warnings(
    ctx: &Ctx,
    options: &[Ec2Option],
    spot: Option<&SpotReference>,
    mixed: Option<&MixedResult>,
) -> Vec<Warning> {
    let mut w = vec![];
    let spec = ctx.spec;
    let priced = |kind: OptionKind| {
        options
            .iter()
            .filter(|o| o.kind == kind && o.exact_total.is_some())
            .count()
    };
    let (ri, sp) = (
        priced(OptionKind::Reserved),
        priced(OptionKind::SavingsPlan),
    );
    if ri == 0 && sp == 0 {
        w.push(Warning::new(
            "no_commitment_rates",
            format!(
                "No public Reserved Instance or Savings Plans rates are bundled for {} in {}; import AWS's Price List files (awscost import-ec2 --offer … --savings-plans …) to compare commitments.",
                ctx.it.name, ctx.region
            ),
        ));
    } else if sp == 0 {
        w.push(Warning::new(
            "no_savings_plan_rates",
            format!(
                "No public Savings Plans rates are bundled for {} in {}; import AWS's Savings Plans rate file (awscost import-ec2 --savings-plans …) to add them.",
                ctx.it.name, ctx.region
            ),
        ));
    }
    let od_as_of = options
        .first()
        .and_then(|o| o.lines.first())
        .map(|l| l.source.as_of.clone())
        .unwrap_or_default();
    let old: Vec<&Ec2Option> = options
        .iter()
        .filter(|o| o.kind == OptionKind::Reserved)
        .filter(|o| {
            o.lines
                .first()
                .is_some_and(|l| year(&l.source.as_of) + 1 < year(&od_as_of))
        })
        .collect();
    if let Some(first) = old.first() {
        let date = first
            .lines
            .first()
            .map(|l| l.source.as_of.as_str())
            .unwrap_or("");
        let names: Vec<&str> = old.iter().map(|o| o.label.as_str()).collect();
        w.push(Warning::new(
            "reserved_rates_older",
            format!(
                "These Reserved Instance rates for {} are from AWS's Price List of {date}, older than the On-Demand rate ({od_as_of}), because no newer public copy of them was found: {}. Re-import the current Price List file (awscost import-ec2) to confirm them.",
                ctx.it.name,
                names.join("; ")
            ),
        ));
    }
    match spot {
        Some(SpotReference {
            range: Some(r),
            as_of,
            ..
        }) => w.push(Warning::new(
            "spot_price_floats",
            format!(
                "Spot prices move with supply and demand: the reference is the highest of {} Availability Zone snapshot{} ({}–{} an hour, snapshot of {as_of}). Spot Instances can be interrupted with a 2-minute warning.",
                r.azs,
                if r.azs == 1 { "" } else { "s" },
                fmt_rate(r.low),
                fmt_rate(r.high),
            ),
        )),
        Some(s) => w.push(Warning::new(
            "spot_price_floats",
            format!(
                "Spot prices move with supply and demand: no per-Availability-Zone snapshot is bundled for {}, so the reference is an average Spot price ({} an hour, published no later than {}); today's price in any one zone can be well above or below it. Spot Instances can be interrupted with a 2-minute warning.",
                ctx.it.name,
                fmt_rate(s.rate),
                s.as_of
            ),
        )),
        None => {}
    }
    if spec.horizon_years == 3
        && options
            .iter()
            .any(|o| o.term == Some(Term::OneYear) && o.exact_total.is_some())
    {
        w.push(Warning::new(
            "renewal_assumed",
            "1-year commitments are assumed renewed at the same rates for years 2 and 3.",
        ));
    }
    if options.iter().any(|o| {
        o.kind == OptionKind::SavingsPlan
            && o.payment == Some(Payment::PartialUpfront)
            && o.exact_total.is_some()
    }) {
        w.push(Warning::new(
            "savings_plan_partial_upfront",
            "Partial Upfront Savings Plans are split as exactly half upfront and half monthly (AWS requires at least half upfront).",
        ));
    }
    if spec.hours.is_zero() {
        w.push(Warning::new(
            "no_usage",
            "At 0 hours a month only commitments and capacity reservations cost anything.",
        ));
    }
    if ctx.it.family().starts_with('t') {
        w.push(Warning::new(
            "burstable_credits",
            "t3 and t4g are burstable: sustained CPU use above the baseline is billed as CPU credits in Unlimited mode, which this comparison does not include.",
        ));
    }
    if spec.baseline_count.is_some_and(|b| b > 0) && mixed.is_none() {
        w.push(Warning::new(
            "no_mixed_strategy",
            "The mixed strategy needs a bundled commitment rate within the horizon and a peak rate, on shared tenancy; one of them is missing here.",
        ));
    }
    if mixed.is_some_and(|m| m.peak_pricing == PeakPricing::Spot && m.peak_count > 0)
        && !spec.interruption_tolerant
    {
        w.push(Warning::new(
            "peak_on_spot",
            "The peak runs on Spot, which can be interrupted with a 2-minute warning, but the workload is marked as not tolerating interruption.",
        ));
    }
    w
}

fn year(date: &str) -> u32 {
    date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}
