//! The mixed strategy: commit for a baseline of instances with the cheapest suitable commitment,
//! pay On-Demand or Spot for the peak above it.

use super::price::{on_demand_cum, plural, round2, round3, Ctx};
use super::{Ec2Option, MixedResult, OptionKind, PeakPricing};
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::report::LineItem;
use rust_decimal::prelude::*;

/// The baseline-plus-peak strategy, when the workload asks for one and the rates allow it.
pub(crate) fn mixed(
    ctx: &Ctx,
    options: &[Ec2Option],
    spot_high: Option<Decimal>,
) -> Option<MixedResult> {
    let spec = ctx.spec;
    let b = spec.baseline_count?;
    if b == 0 || spec.needs_dedicated || spec.core_bound_license {
        return None;
    }
    let (total, best) = options
        .iter()
        .filter(|o| matches!(o.kind, OptionKind::Reserved | OptionKind::SavingsPlan))
        .filter(|o| o.term.is_some_and(|t| t.years() <= spec.horizon_years))
        // The month-by-month curve needs the upfront/hourly split.
        .filter(|o| !o.effective_rate_only)
        .filter_map(|o| Some((o.exact_total?, o)))
        .min_by(|a, b| a.0.cmp(&b.0))?;
    let (peak_rate, peak_src) = match spec.peak_pricing {
        PeakPricing::OnDemand => (ctx.od?, "on-demand"),
        PeakPricing::Spot => (spot_high?, "spot"),
    };
    let peak_src = options
        .iter()
        .find(|o| o.id == peak_src)
        .and_then(|o| o.lines.first())
        .map(|l| l.source.clone())?;
    let n = ctx.n;
    let bd = Decimal::from(b);
    let peak = spec.count - b;
    let pd = Decimal::from(peak);
    let per_instance = total / n;
    let base_src = best.lines.first().map(|l| l.source.clone())?;
    let mut lines = vec![LineItem::priced(
        format!("Baseline: {}", best.label),
        bd,
        "instances",
        per_instance,
        "USD per instance over the horizon",
        format!(
            "{} committed × {} each over {} months ({} for {}) = {}",
            plural(b, "instance"),
            Usd(per_instance),
            ctx.months,
            Usd(total),
            plural(spec.count, "instance"),
            Usd(bd * per_instance)
        ),
        base_src,
    )];
    if peak > 0 {
        let q = pd * ctx.h * ctx.m();
        let what = match spec.peak_pricing {
            PeakPricing::OnDemand => "On-Demand",
            PeakPricing::Spot => "Spot",
        };
        lines.push(LineItem::priced(
            format!("Peak: {what} instance-hours"),
            q,
            "instance-hours",
            peak_rate,
            "USD per instance-hour",
            format!(
                "{} above the baseline × {} h a month × {} months = {} instance-hours × {} = {}",
                plural(peak, "instance"),
                qty(round3(ctx.h)),
                ctx.months,
                qty(round3(q)),
                fmt_rate(peak_rate),
                Usd(q * peak_rate)
            ),
            peak_src,
        ));
    }
    let horizon: Decimal = lines.iter().map(|l| l.exact_usd).sum();
    let peak_monthly = pd * ctx.h * peak_rate;
    let cumulative = best
        .cumulative_usd
        .iter()
        .enumerate()
        .map(|(m, c)| Usd(c.0 / n * bd + peak_monthly * Decimal::from(m as u32)))
        .collect();
    let od_total = on_demand_cum(ctx, ctx.months);
    Some(MixedResult {
        baseline_count: b,
        peak_count: peak,
        peak_pricing: spec.peak_pricing,
        baseline_option: best.id.clone(),
        upfront_usd: Usd(best.upfront_usd.map(|u| u.0).unwrap_or_default() / n * bd),
        monthly_usd: Usd(best.monthly_usd.map(|u| u.0).unwrap_or_default() / n * bd + peak_monthly),
        horizon_total_usd: Usd(horizon),
        saving_usd: od_total.map(|od| Usd(od - horizon)),
        saving_percent: od_total
            .filter(|od| !od.is_zero())
            .map(|od| round2((od - horizon) / od * Decimal::ONE_HUNDRED)),
        cumulative_usd: cumulative,
        lines,
    })
}
