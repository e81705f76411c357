//! What an EC2 comparison answers ([`Ec2Result`]: every option with its working, the mixed
//! strategy, the best savings, the warnings) and [`compare`], which assembles it from the
//! options of each purchasing-option group in `price/`, in the table's order.

use super::mixed::mixed;
use super::price::{
    capacity_reservation, dedicated, on_demand, reserved, savings_plans, spot, Ctx,
};
use super::savings::best_savings;
use super::study_notes::free_tier;
use super::warnings::warnings;
use super::{
    Architecture, Ec2Pricing, Ec2Workload, InstanceType, OfferingClass, Payment, PeakPricing,
    PlanType, StudyNote, Term, STUDY_NOTES,
};
use crate::error::{FieldError, Problem};
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::{LineItem, Warning};
use rust_decimal::prelude::*;
use serde::{Serialize, Serializer};

crate::closed_set! {
    /// What kind of purchase an option is.
    pub enum OptionKind {
        OnDemand = "on-demand", "On-Demand";
        Reserved = "reserved", "Reserved Instance";
        SavingsPlan = "savings-plan", "Savings Plan";
        Spot = "spot", "Spot";
        DedicatedInstance = "dedicated-instance", "Dedicated Instance";
        DedicatedHost = "dedicated-host", "Dedicated Host";
        DedicatedHostReservation = "dedicated-host-reservation", "Dedicated Host Reservation";
        CapacityReservation = "capacity-reservation", "On-Demand Capacity Reservation";
    }
}

impl OptionKind {
    pub fn group(self) -> OptionGroup {
        match self {
            OptionKind::OnDemand => OptionGroup::OnDemand,
            OptionKind::Reserved => OptionGroup::Reserved,
            OptionKind::SavingsPlan => OptionGroup::SavingsPlans,
            OptionKind::Spot => OptionGroup::Spot,
            OptionKind::DedicatedInstance
            | OptionKind::DedicatedHost
            | OptionKind::DedicatedHostReservation
            | OptionKind::CapacityReservation => OptionGroup::DedicatedAndCapacity,
        }
    }
}

crate::closed_set! {
    /// The groups the comparison is read in, in order.
    pub enum OptionGroup {
        OnDemand = "on-demand", "On-Demand";
        Reserved = "reserved", "Reserved Instances";
        SavingsPlans = "savings-plans", "Savings Plans";
        Spot = "spot", "Spot";
        DedicatedAndCapacity = "dedicated-and-capacity", "Dedicated and capacity";
    }
}

/// A rate per hour, shown to four decimal places (`"0.0564"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct HourlyUsd(pub Decimal);

impl Serialize for HourlyUsd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut d = self
            .0
            .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
        d.rescale(4);
        s.serialize_str(&d.to_string())
    }
}

/// Instances of the chosen size on Dedicated Hosts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostUse {
    pub instances_per_host: u32,
    pub hosts_needed: u32,
    pub physical_cores_per_host: u32,
}

/// One way to pay, over the horizon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ec2Option {
    /// Stable id, e.g. `reserved-standard-3y-partial-upfront`.
    pub id: String,
    pub label: String,
    pub kind: OptionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offering_class: Option<OfferingClass>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
    /// Paid at the start of each term for all `count` instances (null: no rate bundled).
    pub upfront_usd: Option<Usd>,
    /// The recurring monthly charge for all `count` instances.
    pub monthly_usd: Option<Usd>,
    /// Total over the horizon ÷ instance-hours used: what each used hour really costs.
    pub effective_hourly_usd: Option<HourlyUsd>,
    /// Everything paid over the horizon: upfronts (one per term started) plus monthly charges.
    pub horizon_total_usd: Option<Usd>,
    /// The horizon total ÷ the horizon's months: a month of this option, upfronts spread out,
    /// comparable with any other option's.
    pub amortised_monthly_usd: Option<Usd>,
    /// The source gives only the effective hourly rate of this commitment, not its split into an
    /// upfront fee and an hourly charge: `upfront_usd`, `monthly_usd`, the cumulative curve and
    /// the break-even month are then unknown (null or empty), and `break_even_month_note` says so.
    pub effective_rate_only: bool,
    /// Why `break_even_month` is null although the option is priced.
    pub break_even_month_note: Option<String>,
    /// The comparison's group: `on-demand`, `reserved`, `savings-plans`, `spot` or
    /// `dedicated-and-capacity`.
    pub group: OptionGroup,
    pub suitable: bool,
    /// Why the option is unsuitable, or why it has no figures.
    pub reason: Option<String>,
    /// On-Demand's horizon total minus this option's (negative: dearer than On-Demand).
    pub saving_usd: Option<Usd>,
    /// `saving_usd` as a percentage of On-Demand's horizon total, two decimals.
    pub saving_percent: Option<Decimal>,
    /// Commitments: the hours a month each instance must run for the commitment to cost less
    /// than On-Demand (null when it never does within 730 hours).
    pub break_even_hours_per_month: Option<Decimal>,
    /// The same as a share of 730 hours, two decimals, between 0 and 100.
    pub break_even_utilisation_percent: Option<Decimal>,
    /// The first month (1-based) at whose end the cumulative cost is below On-Demand's at the
    /// given usage (null: not within the horizon).
    pub break_even_month: Option<u32>,
    /// Cumulative cost at the end of each month, index 0 = the start (upfront paid).
    pub cumulative_usd: Vec<Usd>,
    /// The working: lines that add up to `horizon_total_usd`.
    pub lines: Vec<LineItem>,
    /// What the study notes say this kind of option saves.
    pub notes_saving: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hosts: Option<HostUse>,
    #[serde(skip)]
    pub exact_total: Option<Decimal>,
}

/// Commit for a baseline, pay On-Demand or Spot for the peak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MixedResult {
    pub baseline_count: u32,
    pub peak_count: u32,
    pub peak_pricing: PeakPricing,
    /// The commitment option used for the baseline (the cheapest suitable one over the horizon).
    pub baseline_option: String,
    pub upfront_usd: Usd,
    pub monthly_usd: Usd,
    pub horizon_total_usd: Usd,
    pub saving_usd: Option<Usd>,
    pub saving_percent: Option<Decimal>,
    pub cumulative_usd: Vec<Usd>,
    pub lines: Vec<LineItem>,
}

/// The chosen instance type, for the picker and the table header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InstanceInfo {
    pub instance_type: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    pub architecture: Architecture,
    /// AWS's network performance class.
    pub network: String,
    /// Set when the study notes' or today's Free Tier covers the type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_tier: Option<FreeTierInfo>,
}

/// The Free Tier as the study notes teach it and as AWS offers it today, for one type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FreeTierInfo {
    pub in_study_notes: bool,
    pub study_notes_terms: &'static str,
    pub today: bool,
    pub today_terms: String,
    pub as_of: String,
    pub source: String,
}

/// The largest saving against On-Demand (at 100 % use) that the bundled rates reach in the
/// region, for one kind of option, beside what the study notes promise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BestSaving {
    pub kind: OptionKind,
    /// The study notes' figure, e.g. "up to 72 %".
    pub notes_saving: &'static str,
    /// The largest saving in percent (two decimals) over every catalog type in the region, or
    /// null when no rate of this kind is bundled there.
    pub region_best_percent: Option<Decimal>,
    /// The type and option that reach it.
    pub region_best_type: Option<String>,
    pub region_best_option: Option<String>,
    /// The best saving of this kind for the chosen type.
    pub chosen_type_percent: Option<Decimal>,
    pub chosen_type_option: Option<String>,
    /// How the saving is measured.
    pub basis: &'static str,
}

/// The EC2 section of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ec2Result {
    pub instance: InstanceInfo,
    pub count: u32,
    /// Hours each instance runs a month (as given, or from the daily schedule).
    pub hours_per_month: Decimal,
    pub horizon_years: u32,
    pub horizon_months: u32,
    pub options: Vec<Ec2Option>,
    /// The cheapest suitable option over the horizon.
    pub cheapest_suitable: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mixed: Option<MixedResult>,
    pub study_notes: &'static [StudyNote],
    /// What the bundled rates reach, beside the study notes' "up to" savings.
    pub best_savings: Vec<BestSaving>,
    pub warnings: Vec<Warning>,
    /// The oldest `as_of` of the tables whose rates were used.
    pub as_of: String,
    /// The On-Demand table's source.
    pub source: String,
}

/// Every option id, in table order.
pub fn option_ids() -> Vec<String> {
    let mut ids = vec!["on-demand".to_string()];
    for c in OfferingClass::ALL {
        for t in Term::ALL {
            for p in Payment::ALL {
                ids.push(format!("reserved-{}-{}-{}", c.code(), t.code(), p.code()));
            }
        }
    }
    for pl in PlanType::ALL {
        for t in Term::ALL {
            for p in Payment::ALL {
                ids.push(format!(
                    "savings-plan-{}-{}-{}",
                    pl.code(),
                    t.code(),
                    p.code()
                ));
            }
        }
    }
    ids.extend(["spot", "dedicated-instance", "dedicated-host"].map(String::from));
    for t in Term::ALL {
        for p in Payment::ALL {
            ids.push(format!(
                "dedicated-host-reservation-{}-{}",
                t.code(),
                p.code()
            ));
        }
    }
    ids.push("capacity-reservation".into());
    ids
}

/// Compares every way to pay for the workload's instances.
pub fn compare(
    pricing: &Ec2Pricing,
    region: Region,
    w: &Ec2Workload,
) -> Result<Ec2Result, Vec<FieldError>> {
    let Prelude {
        spec,
        it,
        tables,
        od_table,
        od,
    } = prelude(pricing, region, w)?;
    let ctx = Ctx {
        spec: &spec,
        region,
        tables,
        pricing,
        it,
        n: Decimal::from(spec.count),
        h: spec.hours,
        months: spec.horizon_months(),
        od,
        only: None,
    };
    let mut used: Vec<&str> = vec![];
    let mut options = vec![];
    on_demand::on_demand_option(&ctx, od_table, &mut options, &mut used);
    reserved::reserved_options(&ctx, &mut options, &mut used);
    savings_plans::savings_plan_options(&ctx, &mut options, &mut used);
    let spot = spot::spot_option(&ctx, &mut options, &mut used);
    dedicated::dedicated_options(&ctx, &mut options, &mut used);
    capacity_reservation::capacity_reservation_option(&ctx, od_table, &mut options);

    let cheapest_suitable = options
        .iter()
        .filter(|o| o.suitable)
        .filter_map(|o| o.exact_total.map(|t| (t, o)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, o)| o.id.clone());
    let mixed = mixed(&ctx, &options, spot.as_ref().map(|s| s.rate));
    let warnings = warnings(&ctx, &options, spot.as_ref(), mixed.as_ref());
    let best_savings = best_savings(pricing, tables, &it.name);
    let as_of = used
        .iter()
        .min()
        .map(|s| s.to_string())
        .unwrap_or_else(|| od_table.as_of.clone());
    Ok(Ec2Result {
        instance: InstanceInfo {
            instance_type: it.name.clone(),
            vcpu: it.vcpu,
            memory_gib: it.memory_gib,
            architecture: it.architecture,
            network: it.network.clone(),
            free_tier: free_tier(pricing, &it.name),
        },
        count: spec.count,
        hours_per_month: spec.hours,
        horizon_years: spec.horizon_years,
        horizon_months: spec.horizon_months(),
        options,
        cheapest_suitable,
        mixed,
        study_notes: STUDY_NOTES,
        best_savings,
        warnings,
        as_of,
        source: od_table.source.clone(),
    })
}

/// What every EC2 question checks first: the workload's fields, the type in the catalog, the
/// region's tables and the type offered there.
pub(crate) struct Prelude<'a> {
    pub(crate) spec: super::Ec2Spec,
    pub(crate) it: &'a InstanceType,
    pub(crate) tables: &'a super::RegionTables,
    pub(crate) od_table: &'a super::RateTable,
    pub(crate) od: Option<Decimal>,
}

/// The checks of [`compare`], for the explorers that price the same workload.
pub(crate) fn prelude<'a>(
    pricing: &'a Ec2Pricing,
    region: Region,
    w: &Ec2Workload,
) -> Result<Prelude<'a>, Vec<FieldError>> {
    let spec = w.validate()?;
    let Some(it) = pricing.instance(&spec.instance_type) else {
        return Err(vec![FieldError::new(
            "ec2.instance_type",
            Problem::Malformed(not_in_catalog(pricing, &spec.instance_type)),
        )]);
    };
    let Some(tables) = pricing.region(region) else {
        return Err(vec![FieldError::new(
            "region",
            Problem::Malformed(format!(
                "The bundled EC2 pricing has no tables for {region}."
            )),
        )]);
    };
    let Some((od_table, od)) = tables.on_demand(&it.name) else {
        return Err(vec![FieldError::new(
            "ec2.instance_type",
            Problem::Malformed(format!(
                "{} is not offered in {region} (no bundled source lists it there); choose another type or region.",
                it.name
            )),
        )]);
    };
    Ok(Prelude {
        spec,
        it,
        tables,
        od_table,
        od,
    })
}

/// The error for a type the catalog does not have, with the names a person probably meant.
fn not_in_catalog(pricing: &Ec2Pricing, given: &str) -> String {
    let given = &crate::error::cut(given);
    let types = &pricing.instance_types.types;
    let family = given.split('.').next().unwrap_or("").to_ascii_lowercase();
    let same: Vec<&str> = types
        .iter()
        .filter(|t| t.family() == family)
        .map(|t| t.name.as_str())
        .collect();
    if !same.is_empty() {
        return format!(
            "\"{given}\" is not in the catalog; {family} sizes bundled: {}.",
            same.join(", ")
        );
    }
    let mut families: Vec<&str> = types.iter().map(InstanceType::family).collect();
    families.dedup();
    format!(
        "\"{given}\" is not in the catalog of {} types; write family.size, e.g. t3.micro or m5.large (families: {}).",
        types.len(),
        families.join(", ")
    )
}
