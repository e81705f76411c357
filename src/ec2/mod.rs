//! Amazon EC2 purchasing options: every way to pay for the same instances, with break-even,
//! following <https://aws.amazon.com/ec2/pricing/> (On-Demand, Reserved Instances, Savings Plans,
//! Spot, Dedicated Instances and Hosts, On-Demand Capacity Reservations).
//!
//! # Billing, as AWS describes it
//! - On-Demand: the hourly rate for each hour an instance runs (Linux is billed per second; this
//!   works in hours).
//! - Reserved Instances and Savings Plans: a 1- or 3-year commitment billed for **every hour of the
//!   term**, used or not (730 hours a month), plus any upfront payment at the start of the term.
//!   A Savings Plan's published rate is its effective hourly rate: All Upfront pays it all at the
//!   start, Partial Upfront pays half at the start and half monthly (AWS requires at least half),
//!   No Upfront pays it monthly.
//! - Spot: the current Spot price for each hour run; EC2 can take the instance back with a
//!   2-minute warning.
//! - Dedicated Instances: a per-instance rate on hardware dedicated to one account.
//! - Dedicated Hosts: a per-host rate for each hour the host is allocated; a host holds a fixed
//!   number of instances of each size.
//! - On-Demand Capacity Reservations: the On-Demand rate for every reserved hour, whether an
//!   instance runs in it or not.
//!
//! Every figure is exact `Decimal` arithmetic on the string rates in `pricing/ec2.json`; a rate the
//! table does not have (null) makes its option unsuitable with the reason in words, never a guess.
//!
//! The pages the rates and rules follow:
//! - <https://aws.amazon.com/ec2/pricing/> (On-Demand, Dedicated Instances and Hosts),
//! - <https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/> (Reserved Instances),
//! - <https://aws.amazon.com/savingsplans/compute-pricing/> (Savings Plans),
//! - <https://aws.amazon.com/ec2/spot/pricing/> (Spot),
//! - <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-reservations-pricing-billing.html>
//!   (On-Demand Capacity Reservations).
//!
//! # Where each charge is computed
//! One file per purchasing-option group in `price/`, each building that group's options; the
//! lines every commitment shares (`Upfront payment`, `… hourly charge (every hour of the term)`,
//! `… effective rate (…)`) are drawn by `Ctx::commitment` and `Ctx::effective_commitment` in
//! `price/mod.rs`, for the group that names them:
//! - `On-Demand instance-hours` → `price/on_demand.rs`
//! - Reserved Instances: `Upfront payment`, `Reserved Instance hourly charge`, `Reserved Instance
//!   effective rate` → `price/reserved.rs`
//! - Savings Plans: `Upfront payment`, `Savings Plan hourly charge` → `price/savings_plans.rs`
//! - `Spot instance-hours` (and the Spot reference) → `price/spot.rs`
//! - `Dedicated Instance instance-hours`, `… Dedicated Host host-hours`, Dedicated Host
//!   Reservations (`Upfront payment`, `Dedicated Host Reservation hourly charge` or `… effective
//!   rate`), and the hosts a count needs → `price/dedicated.rs`
//! - `Reserved capacity instance-hours` (On-Demand Capacity Reservation) →
//!   `price/capacity_reservation.rs`
//! - each option's saving, break-even and suitability → `price/mod.rs` (`build`)
//! - the mixed strategy: `Baseline: …`, `Peak: … instance-hours` → `mixed.rs`
//! - the best savings the bundled rates reach → `savings.rs`
//!
//! The explorers that question a comparison: `alternatives.rs` (cheaper types under the same
//! purchasing option) and `interruptions.rs` (Spot with interruptions and re-run work).
//!
//! The other rooms: `table.rs` (the pricing table, its checks and lookups), `commitment.rs`
//! (offering class, term, payment, plan type), `workload.rs` (the input and its validation),
//! `quantities.rs` (the horizon and the units a commitment is counted in), `result.rs` (the
//! result types and [`compare`], which calls the groups in the table's order), `study_notes.rs`,
//! `warnings.rs`.

pub mod alternatives;
mod commitment;
mod explain;
pub mod interruptions;
mod mixed;
mod price;
mod quantities;
mod result;
mod savings;
mod study_notes;
mod table;
#[cfg(test)]
mod tests;
mod warnings;
mod workload;

pub use commitment::{OfferingClass, Payment, PlanType, Term};
pub use price::spot::{spot_reference, SpotReference};
pub use result::{
    compare, option_ids, BestSaving, Ec2Option, Ec2Result, FreeTierInfo, HostUse, HourlyUsd,
    InstanceInfo, MixedResult, OptionGroup, OptionKind,
};
pub use study_notes::{study_note, StudyFreeTier, StudyNote, STUDY_FREE_TIER, STUDY_NOTES};
pub use table::{
    lookup, Architecture, Ec2Pricing, EffectivePrice, FreeTier, HostCapacity, HostReservationTable,
    InstanceCatalog, InstanceType, RateTable, RegionTables, ReservedPrice, ReservedTable,
    SavingsPlanTable, Sourced, SplitPrice, SpotRange, SpotTable, MAX_RATE, MAX_UPFRONT,
    PRICING_FILE,
};
pub use workload::{Ec2Spec, Ec2Workload, PeakPricing, MAX_COUNT};

use crate::error::FieldError;
use crate::money::Usd;
use crate::pricing::Region;
use rust_decimal::Decimal;

/// EC2 as the engine's shared parts see it ([`crate::service::Service`]).
pub struct Ec2;

impl crate::service::Service for Ec2 {
    const NAME: &'static str = "EC2";
    const MEASURE: &'static str = "Average monthly cost of the cheapest suitable purchasing option: its total over the horizon ÷ the horizon's months (upfronts spread evenly)";
    const TITLE: &'static str = "EC2 purchasing options";
    type Pricing = Ec2Pricing;
    type Workload = Ec2Workload;
    type Result = Ec2Result;

    fn compare(
        pricing: &Ec2Pricing,
        region: Region,
        w: &Ec2Workload,
    ) -> Result<Ec2Result, Vec<FieldError>> {
        compare(pricing, region, w)
    }

    fn as_of(r: &Ec2Result) -> &str {
        &r.as_of
    }

    /// The cheapest suitable option's horizon total spread over its months; every option beside
    /// it.
    fn figures(e: &Ec2Result) -> crate::service::Figures {
        use crate::service::{Figure, Figures};
        let months = Decimal::from(e.horizon_months.max(1));
        let monthly = |o: &Ec2Option| o.horizon_total_usd.map(|t| Usd(t.0 / months));
        let options: Vec<(String, String, Figure)> = e
            .options
            .iter()
            .map(|o| {
                let note = match (&o.reason, o.suitable) {
                    (Some(r), _) => r.clone(),
                    (None, false) => "Not suitable for this workload".into(),
                    (None, true) => format!("{} × {}", e.count, e.instance.instance_type),
                };
                let usd = if o.suitable { monthly(o) } else { None };
                (o.id.clone(), o.label.clone(), Figure::new(usd, note))
            })
            .collect();
        let headline = match e
            .cheapest_suitable
            .as_ref()
            .and_then(|id| e.options.iter().find(|o| &o.id == id))
        {
            Some(o) => Figure::new(
                monthly(o),
                format!("{} × {}, {}", e.count, e.instance.instance_type, o.label),
            ),
            None => Figure::new(None, "No suitable option has a bundled rate"),
        };
        Figures { headline, options }
    }

    fn steps(r: &Ec2Result, option: Option<&str>) -> Option<Vec<crate::service::Step>> {
        explain::steps(r, option)
    }

    fn choices(r: &Ec2Result) -> crate::service::Choices {
        explain::choices(r)
    }

    fn inputs(e: &Ec2Workload, out: &mut crate::input::Inputs) {
        out.text("ec2.instance_type", &e.instance_type);
        out.num("ec2.count", Some(e.count));
        out.num("ec2.hours_per_month", e.hours_per_month);
        out.num("ec2.hours_per_day", e.hours_per_day);
        out.num("ec2.days_per_week", e.days_per_week);
        out.flag("ec2.interruption_tolerant", e.interruption_tolerant);
        out.num("ec2.horizon_years", Some(e.horizon_years));
        out.flag("ec2.needs_dedicated", e.needs_dedicated);
        out.flag("ec2.core_bound_license", e.core_bound_license);
        out.num("ec2.baseline_count", e.baseline_count);
        out.text("ec2.peak_pricing", e.peak_pricing.code());
    }
}
