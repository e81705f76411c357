//! Cheaper alternatives to a chosen EC2 type: every catalog type the region offers that is at
//! least as large (vCPUs and memory) and costs less under the same purchasing option, beside
//! the chosen type's nearest larger and nearest smaller neighbours.
//!
//! # How a type is priced
//! Each candidate is priced by the same purchasing-option group that [`compare`](super::compare)
//! uses (`price/`), for that one group only: the option's effective hourly rate (its total over
//! the horizon ÷ the instance-hours used, [`Ec2Option::effective_hourly_usd`]: what one used hour
//! really costs, upfronts included) and its amortised month (the horizon total ÷ its months) for
//! the workload's count and hours. The full comparison (forty options, the best savings over the
//! whole region) is not run per type: one group's options per type keeps the answer to a few
//! milliseconds per keystroke. A type whose option has no bundled rate is counted and named as
//! "no public rate bundled", never listed as cheaper.
//!
//! # Nearest larger and smaller
//! The nearest larger type is the same family's next size up: the family's types the region
//! offers, ordered by vCPUs then memory, the first above the chosen one. When the family has no
//! larger size, it is the type (of the architecture asked) with at least the vCPUs and at least
//! the memory of the chosen one, not the same size, with the fewest vCPUs, then the least memory,
//! then the lowest On-Demand rate, then the name. The nearest smaller is the mirror image: the
//! family's next size down, else the type with at most the vCPUs and at most the memory, not the
//! same size, with the most vCPUs, then the most memory, then the lowest On-Demand rate, then the
//! name.

use super::price::{
    capacity_reservation, dedicated, on_demand, reserved, savings_plans, spot, Ctx,
};
use super::{
    option_ids, Architecture, Ec2Option, Ec2Pricing, Ec2Workload, HourlyUsd, InstanceType,
};
use crate::error::{FieldError, Problem};
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

crate::closed_set! {
    /// Which architectures an alternative may have.
    #[derive(Default)]
    pub enum ArchitectureScope {
        #[default]
        Same = "same", "Same architecture";
        Any = "any", "Any architecture";
    }
}

crate::closed_set! {
    /// How an alternative relates to the chosen type.
    pub enum Relation {
        Chosen = "chosen", "Chosen type";
        CheaperFit = "cheaper-fit", "Cheaper fit";
        NearestLarger = "nearest-larger", "Nearest larger";
        NearestSmaller = "nearest-smaller", "Nearest smaller";
    }
}

/// What to ask of the alternatives explorer (public JSON, `alternatives` in an explore request).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativesAsk {
    /// `same` (the default): only the chosen type's architecture; `any`: x86_64 and arm64.
    #[serde(default)]
    pub architecture: ArchitectureScope,
    /// The purchasing option every type is priced under: an option id of the EC2 comparison
    /// (`on-demand`, the default; `reserved-standard-3y-all-upfront`, `spot`, …).
    #[serde(default = "on_demand_id")]
    pub option: String,
}

fn on_demand_id() -> String {
    "on-demand".into()
}

impl Default for AlternativesAsk {
    fn default() -> Self {
        AlternativesAsk {
            architecture: ArchitectureScope::Same,
            option: on_demand_id(),
        }
    }
}

/// One type beside the chosen one, priced under the option asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alternative {
    pub instance_type: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    pub architecture: Architecture,
    /// AWS's network performance class.
    pub network: String,
    pub relation: Relation,
    /// What one used instance-hour costs under the option (upfronts spread over the hours
    /// used); null: no public rate bundled, or no hours used.
    pub hourly_usd: Option<HourlyUsd>,
    /// The horizon total ÷ its months, for the workload's count and hours.
    pub monthly_usd: Option<Usd>,
    /// This type's month minus the chosen type's (negative: cheaper).
    pub difference_usd: Option<Usd>,
    /// `difference_usd` as a percentage of the chosen type's month, two decimals.
    pub difference_percent: Option<Decimal>,
    /// vCPUs more (negative: fewer) than the chosen type.
    pub vcpu_difference: i64,
    /// GiB of memory more (negative: less) than the chosen type.
    pub memory_gib_difference: Decimal,
    /// `hourly_usd` ÷ vCPUs, six decimals.
    pub usd_per_vcpu_hour: Option<Decimal>,
    /// `hourly_usd` ÷ GiB of memory, six decimals.
    pub usd_per_gib_hour: Option<Decimal>,
    /// Why there are no figures ("No public rate bundled …"), or, with figures, why the option
    /// does not suit the workload as the comparison says (e.g. Spot for a workload that does not
    /// tolerate interruption): the rate is still compared.
    pub reason: Option<String>,
    /// The pricing row the rate came from (the option's first line's).
    pub source: Option<SourceRef>,
    /// The option's working for this type: lines that add up to its horizon total.
    pub lines: Vec<LineItem>,
    #[serde(skip)]
    exact_total: Option<Decimal>,
}

/// The answer of the alternatives explorer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alternatives {
    pub instance_type: String,
    pub architecture: ArchitectureScope,
    /// The option id every type is priced under, and its name.
    pub option: String,
    pub option_label: String,
    pub count: u32,
    pub hours_per_month: Decimal,
    pub horizon_months: u32,
    /// The chosen type under the option.
    pub chosen: Alternative,
    /// The cheaper fits and the nearest larger and smaller types, cheapest first (types without
    /// a rate last, by name).
    pub rows: Vec<Alternative>,
    pub nearest_larger: Option<String>,
    pub nearest_smaller: Option<String>,
    /// Types that would fit (at least the vCPUs and memory, the architecture asked) but have no
    /// public rate bundled for the option in the region.
    pub no_rate_count: u32,
    pub no_rate: Vec<String>,
    /// How the types are compared and how "nearest" is chosen, in words.
    pub basis: &'static str,
}

/// How the explorer compares and picks, as shown beside the table.
pub const BASIS: &str = "Each type is priced under the same purchasing option for the same count and hours: the effective hourly rate is the option's total over the horizon ÷ the instance-hours used, the month is that total ÷ the horizon's months. A cheaper fit has at least the vCPUs and memory of the chosen type and costs less. The nearest larger (smaller) type is the same family's next size up (down); without one, the type with at least (at most) the vCPUs and memory that is closest in vCPUs, then memory.";

/// Prices every fitting type in the region under the option asked and lists the cheaper ones,
/// with the nearest larger and smaller types.
pub fn alternatives(
    pricing: &Ec2Pricing,
    region: Region,
    w: &Ec2Workload,
    ask: &AlternativesAsk,
) -> Result<Alternatives, Vec<FieldError>> {
    if !option_ids().contains(&ask.option) {
        return Err(vec![FieldError::new(
            "alternatives.option",
            Problem::Malformed(format!(
                "\"{}\" is not an EC2 option id; accepted: {}.",
                crate::error::cut(&ask.option),
                option_ids().join(", ")
            )),
        )]);
    }
    // The checks of the comparison itself: the workload's fields, the type, the region.
    let base = super::result::prelude(pricing, region, w)?;
    let (spec, it, tables) = (&base.spec, base.it, base.tables);
    let offered: Vec<&InstanceType> = pricing
        .instance_types
        .types
        .iter()
        .filter(|t| tables.offers(&t.name))
        .filter(|t| ask.architecture == ArchitectureScope::Any || t.architecture == it.architecture)
        .collect();

    let price = |t: &InstanceType| -> Option<Ec2Option> {
        let (od_table, od) = tables.on_demand(&t.name)?;
        let ctx = Ctx {
            spec,
            region,
            tables,
            pricing,
            it: t,
            n: Decimal::from(spec.count),
            h: spec.hours,
            months: spec.horizon_months(),
            od,
            only: Some(&ask.option),
        };
        option_of(&ctx, od_table, &ask.option)
    };
    let chosen_opt = price(it);
    let option_label = chosen_opt
        .as_ref()
        .map(|o| o.label.clone())
        .unwrap_or_else(|| ask.option.clone());
    let chosen = row(it, it, Relation::Chosen, chosen_opt, None);
    let chosen_total = chosen.exact_total;
    let chosen_month = chosen.monthly_usd;

    let mut rows = vec![];
    let mut no_rate = vec![];
    for t in offered.iter().filter(|t| t.name != it.name) {
        if t.vcpu < it.vcpu || t.memory_gib < it.memory_gib {
            continue;
        }
        let opt = price(t);
        match opt.as_ref().and_then(|o| o.exact_total) {
            None => no_rate.push(t.name.clone()),
            Some(total) => {
                if chosen_total.is_some_and(|c| total < c) {
                    rows.push(row(t, it, Relation::CheaperFit, opt, chosen_month));
                }
            }
        }
    }
    let od_rate = |t: &InstanceType| tables.on_demand(&t.name).and_then(|(_, r)| r);
    let nearest_larger = nearest(&offered, it, Ordering::Greater, &od_rate);
    let nearest_smaller = nearest(&offered, it, Ordering::Less, &od_rate);
    for (n, rel) in [
        (nearest_larger, Relation::NearestLarger),
        (nearest_smaller, Relation::NearestSmaller),
    ] {
        if let Some(n) = n {
            if !rows.iter().any(|r| r.instance_type == n.name) {
                rows.push(row(n, it, rel, price(n), chosen_month));
            }
        }
    }
    rows.sort_by(|a, b| match (a.exact_total, b.exact_total) {
        (Some(x), Some(y)) => x
            .cmp(&y)
            .then_with(|| a.instance_type.cmp(&b.instance_type)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.instance_type.cmp(&b.instance_type),
    });
    Ok(Alternatives {
        instance_type: it.name.clone(),
        architecture: ask.architecture,
        option: ask.option.clone(),
        option_label,
        count: spec.count,
        hours_per_month: spec.hours,
        horizon_months: spec.horizon_months(),
        chosen,
        rows,
        nearest_larger: nearest_larger.map(|t| t.name.clone()),
        nearest_smaller: nearest_smaller.map(|t| t.name.clone()),
        no_rate_count: u32::try_from(no_rate.len()).unwrap_or(u32::MAX),
        no_rate,
        basis: BASIS,
    })
}

/// The one option `id` for the context's type, built by its group alone.
fn option_of(ctx: &Ctx, od_table: &super::RateTable, id: &str) -> Option<Ec2Option> {
    let mut options = Vec::with_capacity(12);
    let mut used = vec![];
    match id {
        "on-demand" => on_demand::on_demand_option(ctx, od_table, &mut options, &mut used),
        "spot" => {
            spot::spot_option(ctx, &mut options, &mut used);
        }
        "capacity-reservation" => {
            capacity_reservation::capacity_reservation_option(ctx, od_table, &mut options)
        }
        _ if id.starts_with("reserved-") => {
            reserved::reserved_options(ctx, &mut options, &mut used)
        }
        _ if id.starts_with("savings-plan-") => {
            savings_plans::savings_plan_options(ctx, &mut options, &mut used)
        }
        _ => dedicated::dedicated_options(ctx, &mut options, &mut used),
    }
    options.into_iter().find(|o| o.id == id)
}

/// A row for `t` against the chosen type `c`.
fn row(
    t: &InstanceType,
    c: &InstanceType,
    relation: Relation,
    opt: Option<Ec2Option>,
    chosen_month: Option<Usd>,
) -> Alternative {
    let six = |d: Decimal| d.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero);
    let (hourly, month, total, reason, lines) = match opt {
        Some(o) if o.exact_total.is_some() => (
            o.effective_hourly_usd,
            o.amortised_monthly_usd,
            o.exact_total,
            o.reason,
            o.lines,
        ),
        Some(o) => (None, None, None, o.reason, vec![]),
        None => (
            None,
            None,
            None,
            Some(format!("No public rate bundled for {}.", t.name)),
            vec![],
        ),
    };
    let (difference_usd, difference_percent) = match (month, chosen_month) {
        (Some(m), Some(c)) => (
            Some(m - c),
            (!c.0.is_zero())
                .then(|| super::price::round2((m.0 - c.0) / c.0 * Decimal::ONE_HUNDRED)),
        ),
        _ => (None, None),
    };
    Alternative {
        instance_type: t.name.clone(),
        vcpu: t.vcpu,
        memory_gib: t.memory_gib,
        architecture: t.architecture,
        network: t.network.clone(),
        relation,
        hourly_usd: hourly,
        monthly_usd: month,
        difference_usd,
        difference_percent,
        vcpu_difference: i64::from(t.vcpu) - i64::from(c.vcpu),
        memory_gib_difference: t.memory_gib - c.memory_gib,
        usd_per_vcpu_hour: hourly
            .filter(|_| t.vcpu > 0)
            .map(|h| six(h.0 / Decimal::from(t.vcpu))),
        usd_per_gib_hour: hourly
            .filter(|_| !t.memory_gib.is_zero())
            .map(|h| six(h.0 / t.memory_gib)),
        reason,
        source: lines.first().map(|l| l.source.clone()),
        lines,
        exact_total: total,
    }
}

/// The nearest type above (`Greater`) or below (`Less`) the chosen one; see the module's doc.
fn nearest<'a>(
    offered: &[&'a InstanceType],
    it: &InstanceType,
    dir: Ordering,
    od_rate: &dyn Fn(&InstanceType) -> Option<Decimal>,
) -> Option<&'a InstanceType> {
    let size = |t: &InstanceType| (t.vcpu, t.memory_gib);
    let beyond = |t: &&&InstanceType| {
        let same = size(t) == size(it);
        let above = t.vcpu >= it.vcpu && t.memory_gib >= it.memory_gib;
        let below = t.vcpu <= it.vcpu && t.memory_gib <= it.memory_gib;
        t.name != it.name
            && !same
            && match dir {
                Ordering::Greater => above,
                _ => below,
            }
    };
    // Closest first: for larger, fewest vCPUs then least memory; for smaller, the reverse.
    let closer = |a: &&InstanceType, b: &&InstanceType| {
        let by_size = size(a).cmp(&size(b));
        let by_size = if dir == Ordering::Greater {
            by_size
        } else {
            by_size.reverse()
        };
        let rate = |t: &InstanceType| od_rate(t).unwrap_or(Decimal::MAX);
        by_size
            .then_with(|| rate(a).cmp(&rate(b)))
            .then_with(|| a.name.cmp(&b.name))
    };
    let family = offered
        .iter()
        .filter(|t| t.family() == it.family())
        .filter(beyond)
        .copied()
        .min_by(closer);
    family.or_else(|| offered.iter().filter(beyond).copied().min_by(closer))
}

#[cfg(test)]
mod tests;
