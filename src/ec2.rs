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

use crate::error::{Collector, FieldError, Problem};
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::money::{HOURS_PER_MONTH, MAX_HOURS_PER_MONTH};
use crate::pricing::{Check, Region, SortedMap};
use crate::report::{LineItem, SourceRef, Warning};
use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize, Serializer};

pub const PRICING_FILE: &str = "pricing/ec2.json";

/// The highest hourly rate a table may hold (well above any EC2 instance or host).
pub const MAX_RATE: u64 = 100_000;
/// The largest upfront fee a table may hold (a 3-year host reservation is about $150,000).
pub const MAX_UPFRONT: u64 = 10_000_000;
/// The most instances one comparison accepts.
pub const MAX_COUNT: u64 = 100_000;

// ---------------------------------------------------------------------------------------------
// Closed sets
// ---------------------------------------------------------------------------------------------

crate::closed_set! {
    /// Standard (change AZ, size within the family, network) or Convertible (exchange for
    /// another family, OS or tenancy).
    pub enum OfferingClass {
        Standard = "standard", "Standard";
        Convertible = "convertible", "Convertible";
    }
}

crate::closed_set! {
    /// Commitment length.
    pub enum Term {
        OneYear = "1y", "1 year";
        ThreeYears = "3y", "3 years";
    }
}

crate::closed_set! {
    /// How much of a commitment is paid at the start of the term.
    pub enum Payment {
        NoUpfront = "no-upfront", "No Upfront";
        PartialUpfront = "partial-upfront", "Partial Upfront";
        AllUpfront = "all-upfront", "All Upfront";
    }
}

crate::closed_set! {
    /// Savings Plan type: Compute (any family, size, region, OS, tenancy; also Fargate and
    /// Lambda) or EC2 Instance (one family in one region).
    pub enum PlanType {
        Compute = "compute", "Compute";
        Ec2Instance = "ec2-instance", "EC2 Instance";
    }
}

crate::closed_set! {
    /// The instruction set of an instance type.
    pub enum Architecture {
        X86_64 = "x86_64", "x86_64";
        Arm64 = "arm64", "arm64";
    }
}

impl Term {
    pub fn years(self) -> u32 {
        match self {
            Term::OneYear => 1,
            Term::ThreeYears => 3,
        }
    }
    pub fn months(self) -> u32 {
        self.years() * 12
    }
}

// ---------------------------------------------------------------------------------------------
// Pricing table
// ---------------------------------------------------------------------------------------------

/// `pricing/ec2.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Pricing {
    pub instance_types: InstanceCatalog,
    /// How many instances of each size fit on one Dedicated Host of a family.
    pub dedicated_hosts: Vec<HostCapacity>,
    pub regions: Vec<RegionTables>,
}

/// The instance types the calculator offers, with their size (the same in every region).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceCatalog {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub types: Vec<InstanceType>,
    /// AWS's Free Tier for EC2 as it is today (the study notes' version is in [`STUDY_FREE_TIER`]).
    pub free_tier: FreeTier,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceType {
    /// `family.size`, e.g. `m5.large`.
    pub name: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    pub architecture: Architecture,
    /// AWS's network performance class, e.g. `Up to 12.5 Gigabit`.
    pub network: String,
}

impl InstanceType {
    pub fn family(&self) -> &str {
        self.name.split('.').next().unwrap_or("")
    }
    pub fn size(&self) -> &str {
        self.name.split_once('.').map(|(_, s)| s).unwrap_or("")
    }
}

/// Which instance types AWS's Free Tier covers, and on what terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTier {
    pub as_of: String,
    pub source: String,
    /// The terms in one or two sentences, as AWS states them.
    pub terms: String,
    /// Instance types eligible today (catalog types only).
    pub types: Vec<String>,
}

/// One Dedicated Host type's capacity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostCapacity {
    pub family: String,
    pub physical_cores: u32,
    /// Instances of each size one host holds, e.g. `{"large": 48}`.
    pub instances_per_host: SortedMap<u32>,
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One region's tables. Each kind of rate is a list of tables, each with its own source and
/// date; a name (instance type or family) appears in at most one table of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionTables {
    pub region: Region,
    /// Linux, shared tenancy, USD per instance-hour. A catalog type no table lists is not offered
    /// in the region; `null` = offered, but no public rate was read.
    pub on_demand: Vec<RateTable>,
    /// Spot snapshots across the region's Availability Zones.
    pub spot: Vec<SpotTable>,
    /// Average Spot prices, for types with no per-AZ snapshot.
    pub spot_average: Vec<RateTable>,
    pub reserved: Vec<ReservedTable>,
    pub savings_plans: Vec<SavingsPlanTable>,
    /// Linux, dedicated tenancy, USD per instance-hour; a type not listed has no public rate.
    pub dedicated_instance: Vec<RateTable>,
    /// USD per host-hour, by family.
    pub dedicated_host: Vec<RateTable>,
    /// Dedicated Host Reservations, per host, by family.
    pub host_reservations: Vec<HostReservationTable>,
}

/// Hourly rates by key (instance type or family); `null` = no public rate was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub rates: SortedMap<Option<Decimal>>,
}

/// Spot prices across a region's Availability Zones, USD per instance-hour, by instance type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub rates: SortedMap<SpotRange>,
}

/// The lowest and highest Spot price of one snapshot across `azs` Availability Zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotRange {
    pub low: Decimal,
    pub high: Decimal,
    pub azs: u32,
}

/// One Reserved Instance option (class, term, payment) from one source, by instance type
/// (Linux, shared tenancy, regional).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservedTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub offering_class: OfferingClass,
    pub term: Term,
    pub payment: Payment,
    pub rates: SortedMap<ReservedPrice>,
}

/// One Dedicated Host Reservation option (term, payment) from one source, per host, by family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostReservationTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub term: Term,
    pub payment: Payment,
    pub rates: SortedMap<ReservedPrice>,
}

/// What a source gives for one reservation: the fee and the hourly charge as AWS bills them,
/// or only the effective rate (both spread over every hour of the term).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ReservedPrice {
    Split(SplitPrice),
    Effective(EffectivePrice),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitPrice {
    /// USD paid once per reservation at the start of the term.
    pub upfront: Decimal,
    /// USD per hour, billed for every hour of the term.
    pub hourly: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectivePrice {
    /// Upfront fee ÷ hours in the term + hourly charge, USD per hour.
    pub effective_hourly: Decimal,
}

/// One Savings Plans option (plan, term, payment) from one source, by instance type (Linux,
/// shared tenancy): the published rate per instance-hour covered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingsPlanTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub plan: PlanType,
    pub term: Term,
    pub payment: Payment,
    pub rates: SortedMap<Decimal>,
}

/// A dated, sourced table of values by name.
pub trait Sourced {
    type Value;
    fn as_of(&self) -> &str;
    fn source(&self) -> &str;
    fn note(&self) -> Option<&str>;
    fn rates(&self) -> &SortedMap<Self::Value>;
}

macro_rules! sourced {
    ($($t:ty => $v:ty),+ $(,)?) => {$(
        impl Sourced for $t {
            type Value = $v;
            fn as_of(&self) -> &str {
                &self.as_of
            }
            fn source(&self) -> &str {
                &self.source
            }
            fn note(&self) -> Option<&str> {
                self.note.as_deref()
            }
            fn rates(&self) -> &SortedMap<$v> {
                &self.rates
            }
        }
    )+};
}

sourced! {
    RateTable => Option<Decimal>,
    SpotTable => SpotRange,
    ReservedTable => ReservedPrice,
    HostReservationTable => ReservedPrice,
    SavingsPlanTable => Decimal,
}

/// The first of `tables` that lists `key`, with its value.
pub fn lookup<'a, T: Sourced>(tables: &'a [T], key: &str) -> Option<(&'a T, &'a T::Value)> {
    tables
        .iter()
        .find_map(|t| t.rates().get(key).map(|v| (t, v)))
}

impl Ec2Pricing {
    /// The file as written to disk: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn region(&self, region: Region) -> Option<&RegionTables> {
        self.regions.iter().find(|r| r.region == region)
    }

    pub fn instance(&self, name: &str) -> Option<&InstanceType> {
        self.instance_types.types.iter().find(|t| t.name == name)
    }

    pub fn host(&self, family: &str) -> Option<&HostCapacity> {
        self.dedicated_hosts.iter().find(|h| h.family == family)
    }

    /// Whether AWS's Free Tier covers the type today.
    pub fn free_tier_today(&self, name: &str) -> bool {
        self.instance_types
            .free_tier
            .types
            .iter()
            .any(|t| t == name)
    }
}

impl crate::pricing::Table for Ec2Pricing {
    const FILE: &'static str = PRICING_FILE;

    fn check(&self, c: &mut Check) {
        let cat = &self.instance_types;
        c.meta("instance_types", &cat.as_of, &cat.source);
        let names: Vec<&str> = cat.types.iter().map(|t| t.name.as_str()).collect();
        let mut families: Vec<&str> = cat.types.iter().map(InstanceType::family).collect();
        families.sort_unstable();
        families.dedup();
        if cat.types.is_empty() {
            c.fail("instance_types.types", "needs at least one instance type");
        }
        for (i, t) in cat.types.iter().enumerate() {
            let at = format!("instance_types.types[{i}]");
            if t.family().is_empty() || t.size().is_empty() {
                c.fail(&at, format!("{:?} is not family.size", t.name));
            }
            if names[..i].contains(&t.name.as_str()) {
                c.fail(&at, format!("{} appears twice", t.name));
            }
            if t.vcpu == 0 || t.memory_gib <= Decimal::ZERO {
                c.fail(&at, "vCPU and memory must be more than zero");
            }
        }
        let ft = &cat.free_tier;
        c.meta("instance_types.free_tier", &ft.as_of, &ft.source);
        for t in &ft.types {
            if !names.contains(&t.as_str()) {
                c.fail(
                    "instance_types.free_tier",
                    format!("{t} is not in the catalog"),
                );
            }
        }
        for (i, h) in self.dedicated_hosts.iter().enumerate() {
            let at = format!("dedicated_hosts[{i}]");
            c.meta(&at, &h.as_of, &h.source);
            if !families.contains(&h.family.as_str()) {
                c.fail(&at, format!("family {} is not in the catalog", h.family));
            }
            if self.dedicated_hosts[..i]
                .iter()
                .any(|o| o.family == h.family)
            {
                c.fail(&at, format!("family {} appears twice", h.family));
            }
            if h.physical_cores == 0 || h.instances_per_host.values().any(|&n| n == 0) {
                c.fail(&at, "cores and capacities must be more than zero");
            }
        }
        c.regions("regions", self.regions.iter().map(|r| &r.region));
        for name in &names {
            let offered = self
                .regions
                .iter()
                .any(|r| lookup(&r.on_demand, name).is_some());
            if !offered {
                c.fail(
                    "regions",
                    format!("{name} is in no region's on_demand table (use null where no rate was found)"),
                );
            }
        }
        for (ri, r) in self.regions.iter().enumerate() {
            r.check(c, &format!("regions[{ri}]"), &names, &families);
        }
    }
}

impl RegionTables {
    fn check(&self, c: &mut Check, at: &str, names: &[&str], families: &[&str]) {
        let offered: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| lookup(&self.on_demand, n).is_some())
            .collect();
        let plain = |c: &mut Check, v: &Option<Decimal>, p: &str| {
            if let Some(v) = v {
                bounded(c, p, *v);
            }
        };
        list(c, &format!("{at}.on_demand"), &self.on_demand, names, plain);
        list(
            c,
            &format!("{at}.spot_average"),
            &self.spot_average,
            &offered,
            plain,
        );
        list(
            c,
            &format!("{at}.dedicated_instance"),
            &self.dedicated_instance,
            &offered,
            plain,
        );
        list(
            c,
            &format!("{at}.dedicated_host"),
            &self.dedicated_host,
            families,
            plain,
        );
        list(c, &format!("{at}.spot"), &self.spot, &offered, |c, s, p| {
            bounded(c, &format!("{p}.low"), s.low);
            bounded(c, &format!("{p}.high"), s.high);
            if s.low > s.high || s.azs == 0 {
                c.fail(p, "needs low ≤ high and at least one Availability Zone");
            }
        });
        for (i, t) in self.reserved.iter().enumerate() {
            let p = format!("{at}.reserved[{i}]");
            let key = (t.offering_class, t.term, t.payment);
            let same = |o: &ReservedTable| (o.offering_class, o.term, o.payment) == key;
            entries(
                c,
                &p,
                t,
                &offered,
                self.reserved[..i].iter().filter(|o| same(o)),
            );
            for (k, v) in &t.rates {
                price_shape(c, &format!("{p}.rates.{k}"), t.payment, v);
            }
        }
        for (i, t) in self.host_reservations.iter().enumerate() {
            let p = format!("{at}.host_reservations[{i}]");
            let key = (t.term, t.payment);
            let earlier = self.host_reservations[..i]
                .iter()
                .filter(|o| (o.term, o.payment) == key);
            entries(c, &p, t, families, earlier);
            for (k, v) in &t.rates {
                price_shape(c, &format!("{p}.rates.{k}"), t.payment, v);
            }
        }
        for (i, t) in self.savings_plans.iter().enumerate() {
            let p = format!("{at}.savings_plans[{i}]");
            let key = (t.plan, t.term, t.payment);
            let earlier = self.savings_plans[..i]
                .iter()
                .filter(|o| (o.plan, o.term, o.payment) == key);
            entries(c, &p, t, &offered, earlier);
            for (k, v) in &t.rates {
                bounded(c, &format!("{p}.rates.{k}"), *v);
            }
        }
    }
}

/// Checks a list of tables for one kind of rate: each sourced, each name known and in one table
/// only, each value by `value`.
fn list<T: Sourced>(
    c: &mut Check,
    path: &str,
    tables: &[T],
    keys: &[&str],
    value: impl Fn(&mut Check, &T::Value, &str),
) {
    for (i, t) in tables.iter().enumerate() {
        let p = format!("{path}[{i}]");
        entries(c, &p, t, keys, tables[..i].iter());
        for (k, v) in t.rates() {
            value(c, v, &format!("{p}.rates.{k}"));
        }
    }
}

/// A table's source, and its names: known, and in none of the `earlier` tables of its kind.
fn entries<'a, T: Sourced + 'a>(
    c: &mut Check,
    path: &str,
    t: &T,
    keys: &[&str],
    earlier: impl Iterator<Item = &'a T> + Clone,
) {
    c.meta(path, t.as_of(), t.source());
    for k in t.rates().keys() {
        if !keys.contains(&k.as_str()) {
            c.fail(
                path,
                format!("{k} is not in the catalog (or not offered in the region)"),
            );
        }
        if earlier.clone().any(|o| o.rates().contains_key(k)) {
            c.fail(
                path,
                format!("{k} is priced by an earlier table of the same option"),
            );
        }
    }
}

fn bounded(c: &mut Check, path: &str, v: Decimal) {
    c.rate(path, v);
    if v > Decimal::from(MAX_RATE) {
        c.fail(path, format!("rate {v} is implausibly large"));
    }
}

/// No Upfront has no fee and All Upfront no hourly charge; only a split gives No Upfront.
fn price_shape(c: &mut Check, path: &str, p: Payment, price: &ReservedPrice) {
    match (p, price) {
        (_, ReservedPrice::Split(s)) => {
            c.rate(&format!("{path}.upfront"), s.upfront);
            if s.upfront > Decimal::from(MAX_UPFRONT) {
                c.fail(
                    path,
                    format!("upfront fee {} is implausibly large", s.upfront),
                );
            }
            bounded(c, &format!("{path}.hourly"), s.hourly);
            match p {
                Payment::NoUpfront if !s.upfront.is_zero() => {
                    c.fail(path, "a No Upfront offer has no upfront payment")
                }
                Payment::AllUpfront if !s.hourly.is_zero() => {
                    c.fail(path, "an All Upfront offer has no hourly charge")
                }
                _ => {}
            }
        }
        (Payment::NoUpfront, ReservedPrice::Effective(_)) => c.fail(
            path,
            "a No Upfront rate is its hourly charge: give it as {upfront: 0, hourly}",
        ),
        (_, ReservedPrice::Effective(e)) => {
            bounded(c, &format!("{path}.effective_hourly"), e.effective_hourly)
        }
    }
}

impl RegionTables {
    /// The On-Demand rate of a type: `None` if the region does not offer it, `Some(None)` if it
    /// does but no rate is bundled.
    pub fn on_demand(&self, instance_type: &str) -> Option<(&RateTable, Option<Decimal>)> {
        lookup(&self.on_demand, instance_type).map(|(t, v)| (t, *v))
    }

    pub fn offers(&self, instance_type: &str) -> bool {
        lookup(&self.on_demand, instance_type).is_some()
    }

    pub fn reserved_offer(
        &self,
        instance_type: &str,
        class: OfferingClass,
        term: Term,
        payment: Payment,
    ) -> Option<(&ReservedTable, ReservedPrice)> {
        self.reserved
            .iter()
            .filter(|t| t.offering_class == class && t.term == term && t.payment == payment)
            .find_map(|t| t.rates.get(instance_type).map(|p| (t, *p)))
    }

    pub fn host_reservation(
        &self,
        family: &str,
        term: Term,
        payment: Payment,
    ) -> Option<(&HostReservationTable, ReservedPrice)> {
        self.host_reservations
            .iter()
            .filter(|t| t.term == term && t.payment == payment)
            .find_map(|t| t.rates.get(family).map(|p| (t, *p)))
    }

    pub fn savings_plan_rate(
        &self,
        instance_type: &str,
        plan: PlanType,
        term: Term,
        payment: Payment,
    ) -> Option<(&SavingsPlanTable, Decimal)> {
        self.savings_plans
            .iter()
            .filter(|t| t.plan == plan && t.term == term && t.payment == payment)
            .find_map(|t| t.rates.get(instance_type).map(|r| (t, *r)))
    }
}

// ---------------------------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------------------------

crate::closed_set! {
    /// How the instances above the committed baseline are paid for in the mixed strategy.
    #[derive(Default)]
    pub enum PeakPricing {
        #[default]
        OnDemand = "on-demand", "On-Demand";
        Spot = "spot", "Spot";
    }
}

/// The `ec2` section of a workload, as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Workload {
    /// A catalog type, e.g. `m5.large`.
    pub instance_type: String,
    #[serde(default = "one")]
    pub count: Decimal,
    /// Hours each instance runs in a month; 730 = always on (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Decimal>,
    /// Alternative schedule: hours a day on `days_per_week` days (730 ÷ 168 weeks a month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_day: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_per_week: Option<Decimal>,
    #[serde(default)]
    pub interruption_tolerant: bool,
    /// 1 or 3 years: how far ahead to compare.
    #[serde(default = "three")]
    pub horizon_years: Decimal,
    /// Needs hardware not shared with other accounts.
    #[serde(default)]
    pub needs_dedicated: bool,
    /// Brings a licence counted by physical cores or sockets.
    #[serde(default)]
    pub core_bound_license: bool,
    /// Mixed strategy: commit for this many instances, pay `peak_pricing` for the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_count: Option<Decimal>,
    #[serde(default)]
    pub peak_pricing: PeakPricing,
}

fn one() -> Decimal {
    Decimal::ONE
}
fn three() -> Decimal {
    Decimal::from(3)
}

impl Default for Ec2Workload {
    /// One m5.large, always on, over three years.
    fn default() -> Self {
        Ec2Workload {
            instance_type: "m5.large".into(),
            count: one(),
            hours_per_month: None,
            hours_per_day: None,
            days_per_week: None,
            interruption_tolerant: false,
            horizon_years: three(),
            needs_dedicated: false,
            core_bound_license: false,
            baseline_count: None,
            peak_pricing: PeakPricing::OnDemand,
        }
    }
}

/// An EC2 workload whose every field is in range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ec2Spec {
    pub instance_type: String,
    pub count: u32,
    /// Hours each instance runs a month, in `[0, 744]`.
    pub hours: Decimal,
    pub interruption_tolerant: bool,
    pub horizon_years: u32,
    pub needs_dedicated: bool,
    pub core_bound_license: bool,
    pub baseline_count: Option<u32>,
    pub peak_pricing: PeakPricing,
}

impl Ec2Spec {
    pub fn horizon_months(&self) -> u32 {
        self.horizon_years * 12
    }
}

impl Ec2Workload {
    /// Checks every field; reports all problems at once. Whether the instance type is in the
    /// catalog is checked by [`compare`], which has the catalog.
    pub fn validate(&self) -> Result<Ec2Spec, Vec<FieldError>> {
        let mut c = Collector::default();
        if self.instance_type.trim().is_empty() {
            c.push("ec2.instance_type", Problem::Required);
        }
        let count = c.whole(
            "ec2.count",
            self.count,
            "instances",
            (1, "compare at least one instance"),
            (MAX_COUNT, "split larger fleets into several comparisons"),
        );
        let max_h = Decimal::from(MAX_HOURS_PER_MONTH);
        let hours = match (self.hours_per_month, self.hours_per_day, self.days_per_week) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                c.push(
                    "ec2.hours_per_day",
                    Problem::Malformed(
                        "Give either hours_per_month or hours_per_day with days_per_week, not both."
                            .into(),
                    ),
                );
                None
            }
            (Some(h), None, None) => c
                .within(
                    "ec2.hours_per_month",
                    h,
                    "hours",
                    (Decimal::ZERO, "hours cannot be negative"),
                    (max_h, "a month has at most 744 hours (31 days)"),
                )
                .and_then(|h| precise(&mut c, "ec2.hours_per_month", h, "hours")),
            (None, None, None) => Some(Decimal::from(HOURS_PER_MONTH)),
            (None, d, w) => {
                let d = c
                    .within(
                        "ec2.hours_per_day",
                        d.unwrap_or(Decimal::from(24)),
                        "hours",
                        (Decimal::ZERO, "hours cannot be negative"),
                        (Decimal::from(24), "a day has 24 hours"),
                    )
                    .and_then(|d| precise(&mut c, "ec2.hours_per_day", d, "hours"));
                let w = c.whole(
                    "ec2.days_per_week",
                    w.unwrap_or(Decimal::from(7)),
                    "days",
                    (0, "days cannot be negative"),
                    (7, "a week has 7 days"),
                );
                match (d, w) {
                    // 730 h a month ÷ 168 h a week: AWS's average month has 4.345… weeks.
                    (Some(d), Some(w)) => Some(
                        d * Decimal::from(w) * Decimal::from(HOURS_PER_MONTH) / Decimal::from(168),
                    ),
                    _ => None,
                }
            }
        };
        let horizon = c.whole(
            "ec2.horizon_years",
            self.horizon_years,
            "years",
            (1, "Reserved Instances and Savings Plans last 1 or 3 years"),
            (3, "Reserved Instances and Savings Plans last 1 or 3 years"),
        );
        let horizon = match horizon {
            Some(2) => {
                c.push(
                    "ec2.horizon_years",
                    Problem::UnknownChoice {
                        given: "2".into(),
                        allowed: &["1", "3"],
                    },
                );
                None
            }
            h => h,
        };
        let baseline = match self.baseline_count {
            Some(b) => {
                let max = count.unwrap_or(MAX_COUNT);
                c.whole(
                    "ec2.baseline_count",
                    b,
                    "instances",
                    (0, "a count cannot be negative"),
                    (max, "the baseline is part of the instance count"),
                )
                .map(Some)
            }
            None => Some(None),
        };
        match (count, hours, horizon, baseline) {
            (Some(n), Some(h), Some(y), Some(b)) if c.errors.is_empty() => Ok(Ec2Spec {
                instance_type: self.instance_type.trim().to_string(),
                count: n as u32,
                hours: h,
                interruption_tolerant: self.interruption_tolerant,
                horizon_years: y as u32,
                needs_dedicated: self.needs_dedicated,
                core_bound_license: self.core_bound_license,
                baseline_count: b.map(|b| b as u32),
                peak_pricing: self.peak_pricing,
            }),
            _ => Err(c.errors),
        }
    }
}

fn precise(c: &mut Collector, field: &str, d: Decimal, unit: &'static str) -> Option<Decimal> {
    if d.normalize().scale() > 3 {
        c.push(field, Problem::TooPrecise { places: 3, unit });
        None
    } else {
        Some(d)
    }
}

// ---------------------------------------------------------------------------------------------
// Study notes
// ---------------------------------------------------------------------------------------------

/// One row of the purchasing-options table the study notes teach (`shared/study-notes.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StudyNote {
    /// The option ids this row describes: an exact id, or a prefix ending in `-`.
    pub ids: &'static str,
    pub option: &'static str,
    pub notes: &'static str,
    /// The saving vs On-Demand the notes quote.
    pub saving: &'static str,
}

/// What the study notes say about each purchasing option, shown beside the computed savings.
pub const STUDY_NOTES: &[StudyNote] = &[
    StudyNote {
        ids: "on-demand",
        option: "On-Demand",
        notes: "pay per second (Linux) or hour, no commitment; short or unpredictable workloads",
        saving: "baseline",
    },
    StudyNote {
        ids: "reserved-",
        option: "Reserved Instances",
        notes: "1- or 3-year commitment; Standard or Convertible (Convertible can change family, size, AZ…); steady workloads",
        saving: "up to 72 %",
    },
    StudyNote {
        ids: "savings-plan-",
        option: "Savings Plans",
        notes: "1- or 3-year commitment to a $/hour spend; covers EC2, Fargate, Lambda",
        saving: "up to 66 % (Compute) / 72 % (EC2 Instance)",
    },
    StudyNote {
        ids: "spot",
        option: "Spot",
        notes: "spare capacity; can be interrupted with a 2-minute warning; fault-tolerant batch, CI, stateless",
        saving: "up to 90 %",
    },
    StudyNote {
        ids: "dedicated-host",
        option: "Dedicated Hosts",
        notes: "a whole physical server; control of placement; bring your own socket/core-bound licences; compliance",
        saving: "0–30 % via BYOL",
    },
    StudyNote {
        ids: "dedicated-instance",
        option: "Dedicated Instances",
        notes: "hardware not shared with other customers (may share with your own non-dedicated instances); no placement control",
        saving: "small premium over On-Demand",
    },
    StudyNote {
        ids: "capacity-reservation",
        option: "Capacity Reservations",
        notes: "reserve capacity in one AZ for any duration; charged the On-Demand rate whether instances run or not",
        saving: "none",
    },
];

/// The Free Tier as the study notes teach it.
pub struct StudyFreeTier {
    pub types: &'static [&'static str],
    pub terms: &'static str,
}

/// `shared/study-notes.md`: "Free tier (12 months, new accounts): 750 hours/month of t2.micro or
/// t3.micro."
pub const STUDY_FREE_TIER: StudyFreeTier = StudyFreeTier {
    types: &["t2.micro", "t3.micro"],
    terms: "12 months for new accounts: 750 hours a month of t2.micro or t3.micro",
};

/// The study-notes row for an option id.
pub fn study_note(id: &str) -> Option<&'static StudyNote> {
    STUDY_NOTES.iter().find(|n| {
        if n.ids.ends_with('-') {
            id.starts_with(n.ids)
        } else {
            // `dedicated-host` also covers `dedicated-host-reservation-…`.
            id == n.ids || id.strip_prefix(n.ids).is_some_and(|r| r.starts_with('-'))
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

/// What one option charges for all `count` instances.
struct Charges {
    /// Paid at the start of each term.
    upfront: Decimal,
    /// Term length in months, for options with a commitment.
    term_months: Option<u32>,
    /// The recurring monthly charge.
    monthly: Decimal,
    /// Lines whose amounts add up to the horizon total.
    lines: Vec<LineItem>,
    hosts: Option<HostUse>,
    /// False when the source gives only an effective rate: the total is known, but not how much
    /// of it is paid upfront, so neither is how it falls across the months.
    split: bool,
}

impl Charges {
    /// Terms started by the end of month `m` (the first starts at month 0).
    fn terms_started(&self, m: u32) -> u32 {
        match self.term_months {
            Some(t) if t > 0 && !self.upfront.is_zero() => m.saturating_sub(1) / t + 1,
            _ => 0,
        }
    }

    fn cumulative(&self, m: u32) -> Decimal {
        self.upfront * Decimal::from(self.terms_started(m)) + self.monthly * Decimal::from(m)
    }
}

struct Ctx<'a> {
    spec: &'a Ec2Spec,
    region: Region,
    tables: &'a RegionTables,
    pricing: &'a Ec2Pricing,
    it: &'a InstanceType,
    n: Decimal,
    h: Decimal,
    months: u32,
    od: Option<Decimal>,
}

impl Ctx<'_> {
    fn src(&self, table: (&str, &str), row: String) -> SourceRef {
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{} {row}", self.region),
            url: table.1.to_string(),
            as_of: table.0.to_string(),
        }
    }

    fn m(&self) -> Decimal {
        Decimal::from(self.months)
    }

    fn no_host_rate(&self, what: &str) -> String {
        format!(
            "No public rate bundled for {what} of the {} family in {}; import AWS's Price List file (awscost import-ec2) to add it.",
            self.it.family(),
            self.region
        )
    }

    fn no_rate(&self, what: &str) -> String {
        format!(
            "No public rate bundled for {what} for {} in {}; import AWS's Price List file (awscost import-ec2) to add it.",
            self.it.name, self.region
        )
    }

    /// `count × hours × months × rate`, as one line.
    fn usage_line(&self, label: &str, rate: Decimal, hours: Decimal, src: SourceRef) -> LineItem {
        let q = self.n * hours * self.m();
        LineItem::priced(
            label,
            q,
            "instance-hours",
            rate,
            "USD per instance-hour",
            format!(
                "{} × {} h a month × {} months = {} instance-hours × {} = {} ({} a month)",
                plural(self.spec.count, "instance"),
                qty(round3(hours)),
                self.months,
                qty(round3(q)),
                fmt_rate(rate),
                Usd(q * rate),
                Usd(self.n * hours * rate)
            ),
            src,
        )
    }

    fn pay_as_you_go(&self, label: &str, rate: Decimal, hours: Decimal, src: SourceRef) -> Charges {
        Charges {
            upfront: Decimal::ZERO,
            term_months: None,
            monthly: self.n * hours * rate,
            lines: vec![self.usage_line(label, rate, hours, src)],
            hosts: None,
            split: true,
        }
    }

    /// A reservation (or Savings Plan) for each of the `count` instances, priced as its source
    /// gives it.
    fn reservation(
        &self,
        term: Term,
        price: ReservedPrice,
        what: &str,
        src: SourceRef,
    ) -> Result<Charges, String> {
        let units = Units::instances(self.spec.count);
        match price {
            ReservedPrice::Split(p) => {
                Ok(self.commitment(&units, term, p.upfront, p.hourly, what, src))
            }
            ReservedPrice::Effective(e) => {
                self.effective_within_horizon(&units, term, e.effective_hourly, what, src)
            }
        }
    }

    /// [`Self::effective_commitment`] when the horizon holds whole terms; a longer term's cost
    /// within the horizon depends on the split the source does not give.
    fn effective_within_horizon(
        &self,
        units: &Units,
        term: Term,
        effective: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Result<Charges, String> {
        if term.months() > self.months {
            return Err(format!(
                "A {} term is longer than the {}-month horizon, and the bundled source gives only its effective rate ({} an hour): what falls within the horizon depends on the upfront fee, which the source does not give.",
                term.name(),
                self.months,
                fmt_rate(effective)
            ));
        }
        Ok(self.effective_commitment(units, term, effective, what, src))
    }

    /// A commitment of `upfront` per unit per term and `hourly` for every hour of the term.
    fn commitment(
        &self,
        units: &Units,
        term: Term,
        upfront: Decimal,
        hourly: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Charges {
        let tm = term.months();
        let terms = self.months.div_ceil(tm).max(1);
        let n = Decimal::from(units.count);
        let mut lines = vec![];
        if !upfront.is_zero() {
            let q = n * Decimal::from(terms);
            lines.push(LineItem::priced(
                "Upfront payment",
                q,
                "reservations × terms",
                upfront,
                units.per_term,
                format!(
                    "{} × {} started in {} months × {} upfront = {}",
                    plural(units.count, units.one),
                    plural(terms, &format!("{}-year term", term.years())),
                    self.months,
                    fmt_rate(upfront),
                    Usd(q * upfront)
                ),
                src.clone(),
            ));
        }
        if !hourly.is_zero() {
            let hours = Decimal::from(HOURS_PER_MONTH);
            let q = n * hours * self.m();
            lines.push(LineItem::priced(
                format!("{what} hourly charge (every hour of the term)"),
                q,
                units.hours,
                hourly,
                units.per_hour,
                format!(
                    "billed for all 730 h a month, used or not: {} × 730 h × {} months = {} {} × {} = {} ({} a month)",
                    plural(units.count, units.one),
                    self.months,
                    qty(q),
                    units.hours,
                    fmt_rate(hourly),
                    Usd(q * hourly),
                    Usd(n * hours * hourly)
                ),
                src,
            ));
        }
        Charges {
            upfront: n * upfront,
            term_months: Some(tm),
            monthly: n * Decimal::from(HOURS_PER_MONTH) * hourly,
            lines,
            hosts: None,
            split: true,
        }
    }

    /// A commitment known only by its effective rate (fee ÷ term hours + hourly): every hour of
    /// every term started in the horizon costs that rate. The horizon must hold whole terms.
    fn effective_commitment(
        &self,
        units: &Units,
        term: Term,
        effective: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Charges {
        let n = Decimal::from(units.count);
        let hours = Decimal::from(HOURS_PER_MONTH);
        let q = n * hours * self.m();
        let line = LineItem::priced(
            format!("{what} effective rate (fee and hourly charge spread over every hour of the term)"),
            q,
            units.hours,
            effective,
            units.per_hour,
            format!(
                "the source gives only the effective rate (upfront fee ÷ {} h + hourly charge); billed for all 730 h a month, used or not: {} × 730 h × {} months = {} {} × {} = {}",
                qty(Decimal::from(term.years() * 8760)),
                plural(units.count, units.one),
                self.months,
                qty(q),
                units.hours,
                fmt_rate(effective),
                Usd(q * effective)
            ),
            src,
        );
        Charges {
            upfront: Decimal::ZERO,
            term_months: Some(term.months()),
            monthly: n * hours * effective,
            lines: vec![line],
            hosts: None,
            split: false,
        }
    }
}

/// What a commitment is counted in: instances, or Dedicated Hosts.
struct Units {
    count: u32,
    one: &'static str,
    hours: &'static str,
    per_hour: &'static str,
    per_term: &'static str,
}

impl Units {
    fn instances(count: u32) -> Units {
        Units {
            count,
            one: "instance",
            hours: "instance-hours",
            per_hour: "USD per instance-hour",
            per_term: "USD per instance per term",
        }
    }

    fn hosts(count: u32) -> Units {
        Units {
            count,
            one: "host",
            hours: "host-hours",
            per_hour: "USD per host-hour",
            per_term: "USD per host per term",
        }
    }
}

/// "a" or "an" before a name.
fn article(next: &str) -> &'static str {
    match next.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'A' | 'E' | 'I' | 'O' | 'm' | 'r') => "an",
        _ => "a",
    }
}

fn round3(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero)
}

fn round2(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

fn plural(n: u32, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{} {what}s", qty(Decimal::from(n)))
    }
}

struct Base {
    id: String,
    label: String,
    kind: OptionKind,
    offering_class: Option<OfferingClass>,
    plan: Option<PlanType>,
    term: Option<Term>,
    payment: Option<Payment>,
}

impl Base {
    fn simple(id: &str, label: &str, kind: OptionKind) -> Base {
        Base {
            id: id.into(),
            label: label.into(),
            kind,
            offering_class: None,
            plan: None,
            term: None,
            payment: None,
        }
    }

    fn shared_tenancy(&self) -> bool {
        matches!(
            self.kind,
            OptionKind::OnDemand
                | OptionKind::Reserved
                | OptionKind::SavingsPlan
                | OptionKind::Spot
                | OptionKind::CapacityReservation
        )
    }
}

/// The On-Demand cost at the workload's usage over `m` months.
fn on_demand_cum(ctx: &Ctx, m: u32) -> Option<Decimal> {
    ctx.od.map(|od| od * ctx.h * ctx.n * Decimal::from(m))
}

fn build(ctx: &Ctx, base: Base, charges: Result<Charges, String>) -> Ec2Option {
    let note = study_note(&base.id).map(|n| n.saving).unwrap_or("");
    let mut opt = Ec2Option {
        id: base.id.clone(),
        label: base.label.clone(),
        kind: base.kind,
        offering_class: base.offering_class,
        plan: base.plan,
        term: base.term,
        payment: base.payment,
        upfront_usd: None,
        monthly_usd: None,
        effective_hourly_usd: None,
        horizon_total_usd: None,
        amortised_monthly_usd: None,
        effective_rate_only: false,
        break_even_month_note: None,
        group: base.kind.group(),
        suitable: false,
        reason: None,
        saving_usd: None,
        saving_percent: None,
        break_even_hours_per_month: None,
        break_even_utilisation_percent: None,
        break_even_month: None,
        cumulative_usd: vec![],
        lines: vec![],
        notes_saving: note,
        hosts: None,
        exact_total: None,
    };
    let ch = match charges {
        Ok(c) => c,
        Err(reason) => {
            opt.reason = Some(reason);
            return opt;
        }
    };
    let spec = ctx.spec;
    let total: Decimal = ch.lines.iter().map(|l| l.exact_usd).sum();
    let used_hours = ctx.n * ctx.h * ctx.m();
    if ch.split {
        opt.upfront_usd = Some(Usd(ch.upfront));
        opt.monthly_usd = Some(Usd(ch.monthly));
        opt.cumulative_usd = (0..=ctx.months).map(|m| Usd(ch.cumulative(m))).collect();
    } else {
        opt.effective_rate_only = true;
        opt.break_even_month_note = Some(
            "The bundled source gives only the effective hourly rate, not the split into an upfront fee and an hourly charge; the month in which the commitment overtakes On-Demand depends on that split.".into(),
        );
    }
    opt.horizon_total_usd = Some(Usd(total));
    opt.amortised_monthly_usd = Some(Usd(total / ctx.m().max(Decimal::ONE)));
    opt.exact_total = Some(total);
    opt.effective_hourly_usd = (!used_hours.is_zero()).then(|| HourlyUsd(total / used_hours));
    let od_total = on_demand_cum(ctx, ctx.months);
    if let Some(od_total) = od_total {
        let saving = od_total - total;
        opt.saving_usd = Some(Usd(saving));
        opt.saving_percent =
            (!od_total.is_zero()).then(|| round2(saving / od_total * Decimal::ONE_HUNDRED));
    }
    let committed = matches!(base.kind, OptionKind::Reserved | OptionKind::SavingsPlan);
    if committed {
        if let (Some(od), Some(tm)) = (ctx.od, ch.term_months) {
            // Amortised cost of one instance a month, against On-Demand's od × hours.
            let per_month = (ch.upfront / Decimal::from(tm) + ch.monthly) / ctx.n;
            let full = od * Decimal::from(HOURS_PER_MONTH);
            if !od.is_zero() && per_month < full {
                let hours = per_month / od;
                opt.break_even_hours_per_month = Some(round2(hours));
                opt.break_even_utilisation_percent = Some(round2(
                    hours / Decimal::from(HOURS_PER_MONTH) * Decimal::ONE_HUNDRED,
                ));
            }
        }
    }
    if base.kind != OptionKind::OnDemand && ch.split {
        opt.break_even_month = (1..=ctx.months)
            .find(|&m| on_demand_cum(ctx, m).is_some_and(|od| ch.cumulative(m) < od));
    }
    opt.lines = ch.lines;
    opt.hosts = ch.hosts;

    // Suitability, first reason wins.
    let years = |y: u32| if y == 1 { "1-year" } else { "3-year" };
    let reason = if spec.needs_dedicated && base.shared_tenancy() {
        Some("These are shared-tenancy rates and the workload needs dedicated hardware: choose a Dedicated Instance or a Dedicated Host.".to_string())
    } else if spec.core_bound_license
        && !matches!(
            base.kind,
            OptionKind::DedicatedHost | OptionKind::DedicatedHostReservation
        )
    {
        Some("A licence counted by physical cores or sockets needs a Dedicated Host, which shows the sockets and cores to license.".to_string())
    } else if let Some(t) = base.term.filter(|t| t.years() > spec.horizon_years) {
        let extra = t.months() - ctx.months;
        Some(format!(
            "A {} term is longer than the {} horizon: the commitment runs {extra} months past it, and they are billed too ({} more).",
            years(t.years()),
            years(spec.horizon_years),
            Usd(ch.monthly * Decimal::from(extra))
        ))
    } else if base.kind == OptionKind::Spot && !spec.interruption_tolerant {
        Some("Spot Instances can be interrupted with a 2-minute warning whenever EC2 needs the capacity back; this workload does not tolerate interruption.".to_string())
    } else if committed && od_total.is_some_and(|od| total > od) {
        Some(match opt.break_even_hours_per_month {
            Some(h) => format!(
                "The commitment is larger than the usage: it is billed for every hour (730 h a month) and beats On-Demand only above {} h a month ({} % utilisation); this workload runs {} h.",
                qty(h),
                opt.break_even_utilisation_percent.map(qty).unwrap_or_default(),
                qty(round3(ctx.h))
            ),
            None => "It costs more than On-Demand even when the instances run every hour.".to_string(),
        })
    } else {
        None
    };
    opt.suitable = reason.is_none();
    opt.reason = reason;
    opt
}

/// Compares every way to pay for the workload's instances.
pub fn compare(
    pricing: &Ec2Pricing,
    region: Region,
    w: &Ec2Workload,
) -> Result<Ec2Result, Vec<FieldError>> {
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
    };
    let mut used: Vec<&str> = vec![];
    let mut options = vec![];
    let od_src = (od_table.as_of.as_str(), od_table.source.as_str());

    // On-Demand.
    options.push(build(
        &ctx,
        Base::simple("on-demand", "On-Demand", OptionKind::OnDemand),
        match od {
            Some(r) => {
                used.push(&od_table.as_of);
                Ok(ctx.pay_as_you_go(
                    "On-Demand instance-hours",
                    r,
                    ctx.h,
                    ctx.src(od_src, format!("on_demand {}", it.name)),
                ))
            }
            None => Err(ctx.no_rate("On-Demand")),
        },
    ));
    reserved_options(&ctx, &mut options, &mut used);
    savings_plan_options(&ctx, &mut options, &mut used);
    let spot = spot_reference(tables, &it.name);
    options.push(build(
        &ctx,
        Base::simple("spot", "Spot (reference price)", OptionKind::Spot),
        match &spot {
            Some(s) => {
                used.push(s.as_of);
                Ok(ctx.pay_as_you_go(
                    s.line_label(),
                    s.rate,
                    ctx.h,
                    ctx.src((s.as_of, s.source), s.row(&it.name)),
                ))
            }
            None => Err(ctx.no_rate("Spot")),
        },
    ));
    options.push(build(
        &ctx,
        Base::simple(
            "dedicated-instance",
            "Dedicated Instance",
            OptionKind::DedicatedInstance,
        ),
        match lookup(&tables.dedicated_instance, &it.name) {
            Some((t, Some(r))) => {
                used.push(&t.as_of);
                Ok(ctx.pay_as_you_go(
                    "Dedicated Instance instance-hours",
                    *r,
                    ctx.h,
                    ctx.src(
                        (&t.as_of, &t.source),
                        format!("dedicated_instance {}", it.name),
                    ),
                ))
            }
            _ => Err(ctx.no_rate("a Dedicated Instance")),
        },
    ));
    options.push(build(
        &ctx,
        Base::simple(
            "dedicated-host",
            "Dedicated Host",
            OptionKind::DedicatedHost,
        ),
        dedicated_host(&ctx, &mut used),
    ));
    host_reservation_options(&ctx, &mut options, &mut used);

    // Capacity Reservation: the On-Demand rate for every reserved hour.
    options.push(build(
        &ctx,
        Base::simple(
            "capacity-reservation",
            "On-Demand Capacity Reservation",
            OptionKind::CapacityReservation,
        ),
        match od {
            Some(r) => Ok(ctx.pay_as_you_go(
                "Reserved capacity instance-hours (On-Demand rate, used or not)",
                r,
                Decimal::from(HOURS_PER_MONTH),
                ctx.src(od_src, format!("on_demand {}", it.name)),
            )),
            None => Err(ctx.no_rate("On-Demand (which a Capacity Reservation is billed at)")),
        },
    ));

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

/// The error for a type the catalog does not have, with the names a person probably meant.
fn not_in_catalog(pricing: &Ec2Pricing, given: &str) -> String {
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

/// The twelve Reserved Instance options.
fn reserved_options<'a>(ctx: &Ctx<'a>, options: &mut Vec<Ec2Option>, used: &mut Vec<&'a str>) {
    let it = ctx.it;
    for class in OfferingClass::ALL {
        for term in Term::ALL {
            for payment in Payment::ALL {
                let base = Base {
                    id: format!(
                        "reserved-{}-{}-{}",
                        class.code(),
                        term.code(),
                        payment.code()
                    ),
                    label: format!(
                        "Reserved Instance, {}, {}, {}",
                        class.name(),
                        term.name(),
                        payment.name()
                    ),
                    kind: OptionKind::Reserved,
                    offering_class: Some(class),
                    plan: None,
                    term: Some(term),
                    payment: Some(payment),
                };
                let charges = match ctx.tables.reserved_offer(&it.name, class, term, payment) {
                    Some((t, price)) => {
                        used.push(&t.as_of);
                        let src = ctx.src(
                            (&t.as_of, &t.source),
                            format!(
                                "reserved {} {} {} {}",
                                it.name,
                                class.code(),
                                term.code(),
                                payment.code()
                            ),
                        );
                        ctx.reservation(term, price, "Reserved Instance", src)
                    }
                    None => Err(ctx.no_rate(&format!(
                        "a {} {} {} Reserved Instance",
                        class.name(),
                        term.name(),
                        payment.name()
                    ))),
                };
                options.push(build(ctx, base, charges));
            }
        }
    }
}

/// The twelve Savings Plans options.
fn savings_plan_options<'a>(ctx: &Ctx<'a>, options: &mut Vec<Ec2Option>, used: &mut Vec<&'a str>) {
    let it = ctx.it;
    for plan in PlanType::ALL {
        for term in Term::ALL {
            for payment in Payment::ALL {
                let base = Base {
                    id: format!(
                        "savings-plan-{}-{}-{}",
                        plan.code(),
                        term.code(),
                        payment.code()
                    ),
                    label: format!(
                        "{} Savings Plan, {}, {}",
                        plan.name(),
                        term.name(),
                        payment.name()
                    ),
                    kind: OptionKind::SavingsPlan,
                    offering_class: None,
                    plan: Some(plan),
                    term: Some(term),
                    payment: Some(payment),
                };
                let charges = match ctx.tables.savings_plan_rate(&it.name, plan, term, payment) {
                    Some((t, rate)) => {
                        used.push(&t.as_of);
                        // The published rate is effective: split it as AWS bills it.
                        let hours_in_term = Decimal::from(term.years() * 8760);
                        let (upfront, hourly) = match payment {
                            Payment::NoUpfront => (Decimal::ZERO, rate),
                            Payment::PartialUpfront => {
                                (rate * hours_in_term / Decimal::TWO, rate / Decimal::TWO)
                            }
                            Payment::AllUpfront => (rate * hours_in_term, Decimal::ZERO),
                        };
                        let src = ctx.src(
                            (&t.as_of, &t.source),
                            format!(
                                "savings_plans {} {} {} {}",
                                it.name,
                                plan.code(),
                                term.code(),
                                payment.code()
                            ),
                        );
                        let units = Units::instances(ctx.spec.count);
                        Ok(ctx.commitment(&units, term, upfront, hourly, "Savings Plan", src))
                    }
                    None => Err(ctx.no_rate(&format!(
                        "{} {} Savings Plan ({}, {})",
                        article(plan.name()),
                        plan.name(),
                        term.name(),
                        payment.name()
                    ))),
                };
                options.push(build(ctx, base, charges));
            }
        }
    }
}

/// The Spot price a comparison uses for a type, and what it is.
pub struct SpotReference<'a> {
    /// The rate charged: the highest AZ snapshot, or the average.
    pub rate: Decimal,
    /// Lowest and highest AZ snapshot and the number of AZs, where the source has them.
    pub range: Option<SpotRange>,
    pub as_of: &'a str,
    pub source: &'a str,
}

impl SpotReference<'_> {
    fn line_label(&self) -> &'static str {
        match self.range {
            Some(_) => "Spot instance-hours (highest AZ snapshot)",
            None => "Spot instance-hours (average Spot price)",
        }
    }

    fn row(&self, name: &str) -> String {
        match self.range {
            Some(r) => format!(
                "spot {name} (highest of {} AZ snapshot{})",
                r.azs,
                if r.azs == 1 { "" } else { "s" }
            ),
            None => format!("spot_average {name}"),
        }
    }
}

/// The Spot reference of a type: per-AZ snapshots where bundled (priced at the highest), else
/// the average.
pub fn spot_reference<'a>(
    tables: &'a RegionTables,
    instance_type: &str,
) -> Option<SpotReference<'a>> {
    if let Some((t, r)) = lookup(&tables.spot, instance_type) {
        return Some(SpotReference {
            rate: r.high,
            range: Some(*r),
            as_of: &t.as_of,
            source: &t.source,
        });
    }
    match lookup(&tables.spot_average, instance_type) {
        Some((t, Some(avg))) => Some(SpotReference {
            rate: *avg,
            range: None,
            as_of: &t.as_of,
            source: &t.source,
        }),
        _ => None,
    }
}

fn dedicated_host<'a>(ctx: &Ctx<'a>, used: &mut Vec<&'a str>) -> Result<Charges, String> {
    let (host, per_host, hosts) = host_need(ctx)?;
    let fam = ctx.it.family();
    let (t, rate) = match lookup(&ctx.tables.dedicated_host, fam) {
        Some((t, Some(r))) => (t, *r),
        _ => return Err(ctx.no_host_rate("a Dedicated Host")),
    };
    used.push(&t.as_of);
    let q = Decimal::from(hosts) * ctx.h * ctx.m();
    let line = LineItem::priced(
        format!("{fam} Dedicated Host host-hours"),
        q,
        "host-hours",
        rate,
        "USD per host-hour",
        format!(
            "{}; {} × {} h a month × {} months = {} host-hours × {} = {}",
            host_sentence(ctx, host, per_host, hosts),
            plural(hosts, "host"),
            qty(round3(ctx.h)),
            ctx.months,
            qty(round3(q)),
            fmt_rate(rate),
            Usd(q * rate)
        ),
        ctx.src((&t.as_of, &t.source), format!("dedicated_host {fam}")),
    );
    Ok(Charges {
        upfront: Decimal::ZERO,
        term_months: None,
        monthly: Decimal::from(hosts) * ctx.h * rate,
        lines: vec![line],
        hosts: Some(HostUse {
            instances_per_host: per_host,
            hosts_needed: hosts,
            physical_cores_per_host: host.physical_cores,
        }),
        split: true,
    })
}

/// The host type of the chosen family, how many instances of the chosen size one holds, and
/// how many hosts the count needs.
fn host_need<'a>(ctx: &Ctx<'a>) -> Result<(&'a HostCapacity, u32, u32), String> {
    let fam = ctx.it.family();
    let cap = ctx
        .pricing
        .host(fam)
        .and_then(|h| Some((h, *h.instances_per_host.get(ctx.it.size())?)));
    match cap {
        Some((host, per_host)) => Ok((host, per_host, ctx.spec.count.div_ceil(per_host))),
        None => Err(format!(
            "No public Dedicated Host capacity for {} is bundled (AWS's Dedicated Hosts instance-capacity table for the {fam} host type); without it the hosts needed cannot be counted.",
            ctx.it.name
        )),
    }
}

fn host_sentence(ctx: &Ctx, host: &HostCapacity, per_host: u32, hosts: u32) -> String {
    format!(
        "{} {} host holds {per_host} × {} ({} physical cores); {} ÷ {per_host} rounded up = {}",
        article(ctx.it.family()),
        ctx.it.family(),
        ctx.it.name,
        host.physical_cores,
        plural(ctx.spec.count, "instance"),
        plural(hosts, "host")
    )
}

/// The six Dedicated Host Reservation options, per host.
fn host_reservation_options<'a>(
    ctx: &Ctx<'a>,
    options: &mut Vec<Ec2Option>,
    used: &mut Vec<&'a str>,
) {
    let fam = ctx.it.family();
    for term in Term::ALL {
        for payment in Payment::ALL {
            let base = Base {
                id: format!(
                    "dedicated-host-reservation-{}-{}",
                    term.code(),
                    payment.code()
                ),
                label: format!(
                    "Dedicated Host Reservation, {}, {}",
                    term.name(),
                    payment.name()
                ),
                kind: OptionKind::DedicatedHostReservation,
                offering_class: None,
                plan: None,
                term: Some(term),
                payment: Some(payment),
            };
            let charges = match ctx.tables.host_reservation(fam, term, payment) {
                None => Err(ctx.no_host_rate(&format!(
                    "a {} {} Dedicated Host Reservation",
                    term.name(),
                    payment.name()
                ))),
                Some((t, price)) => host_need(ctx).and_then(|(host, per_host, hosts)| {
                    used.push(&t.as_of);
                    let src = ctx.src(
                        (&t.as_of, &t.source),
                        format!("host_reservations {fam} {} {}", term.code(), payment.code()),
                    );
                    let units = Units::hosts(hosts);
                    let what = "Dedicated Host Reservation";
                    let mut ch = match price {
                        ReservedPrice::Split(p) => {
                            Ok(ctx.commitment(&units, term, p.upfront, p.hourly, what, src))
                        }
                        ReservedPrice::Effective(e) => ctx.effective_within_horizon(
                            &units,
                            term,
                            e.effective_hourly,
                            what,
                            src,
                        ),
                    }?;
                    if let Some(first) = ch.lines.first_mut() {
                        first.formula = format!(
                            "{}; {}",
                            host_sentence(ctx, host, per_host, hosts),
                            first.formula
                        );
                    }
                    ch.hosts = Some(HostUse {
                        instances_per_host: per_host,
                        hosts_needed: hosts,
                        physical_cores_per_host: host.physical_cores,
                    });
                    Ok(ch)
                }),
            };
            options.push(build(ctx, base, charges));
        }
    }
}

/// The Free Tier facts for a type, if either the study notes or today's terms cover it.
fn free_tier(pricing: &Ec2Pricing, name: &str) -> Option<FreeTierInfo> {
    let notes = STUDY_FREE_TIER.types.contains(&name);
    let today = pricing.free_tier_today(name);
    let ft = &pricing.instance_types.free_tier;
    (notes || today).then(|| FreeTierInfo {
        in_study_notes: notes,
        study_notes_terms: STUDY_FREE_TIER.terms,
        today,
        today_terms: ft.terms.clone(),
        as_of: ft.as_of.clone(),
        source: ft.source.clone(),
    })
}

/// What a commitment saves against On-Demand at 100 % use, in percent: 1 − its effective hourly
/// rate ÷ the On-Demand rate.
fn saving_at_full_use(od: Decimal, effective: Decimal) -> Option<Decimal> {
    (!od.is_zero()).then(|| round2((od - effective) / od * Decimal::ONE_HUNDRED))
}

fn effective_of(term: Term, price: ReservedPrice) -> Decimal {
    match price {
        ReservedPrice::Split(p) => p.upfront / Decimal::from(term.years() * 8760) + p.hourly,
        ReservedPrice::Effective(e) => e.effective_hourly,
    }
}

/// The best saving of each kind for one type: (percent, option id).
fn type_savings(tables: &RegionTables, name: &str) -> [Option<(Decimal, String)>; 3] {
    let Some((_, Some(od))) = tables.on_demand(name) else {
        return [None, None, None];
    };
    let best = |a: Option<(Decimal, String)>, b: Option<(Decimal, String)>| match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    let mut ri = None;
    let mut sp = None;
    for term in Term::ALL {
        for payment in Payment::ALL {
            for class in OfferingClass::ALL {
                if let Some((_, p)) = tables.reserved_offer(name, class, term, payment) {
                    let id = format!(
                        "reserved-{}-{}-{}",
                        class.code(),
                        term.code(),
                        payment.code()
                    );
                    ri = best(
                        ri,
                        saving_at_full_use(od, effective_of(term, p)).map(|s| (s, id)),
                    );
                }
            }
            for plan in PlanType::ALL {
                if let Some((_, r)) = tables.savings_plan_rate(name, plan, term, payment) {
                    let id = format!(
                        "savings-plan-{}-{}-{}",
                        plan.code(),
                        term.code(),
                        payment.code()
                    );
                    sp = best(sp, saving_at_full_use(od, r).map(|s| (s, id)));
                }
            }
        }
    }
    let spot = spot_reference(tables, name).and_then(|s| {
        let low = s.range.map(|r| r.low).unwrap_or(s.rate);
        saving_at_full_use(od, low).map(|p| (p, "spot".to_string()))
    });
    [ri, sp, spot]
}

/// The largest savings the bundled rates reach in the region, beside the study notes'.
fn best_savings(pricing: &Ec2Pricing, tables: &RegionTables, chosen: &str) -> Vec<BestSaving> {
    let mut region: [Option<(Decimal, String, String)>; 3] = [None, None, None];
    for t in &pricing.instance_types.types {
        for (slot, v) in region.iter_mut().zip(type_savings(tables, &t.name)) {
            if let Some((p, id)) = v {
                if slot.as_ref().is_none_or(|s| p > s.0) {
                    *slot = Some((p, t.name.clone(), id));
                }
            }
        }
    }
    let mine = type_savings(tables, chosen);
    let kinds = [
        (OptionKind::Reserved, "reserved-"),
        (OptionKind::SavingsPlan, "savings-plan-"),
        (OptionKind::Spot, "spot"),
    ];
    kinds
        .into_iter()
        .zip(region)
        .zip(mine)
        .map(|(((kind, id), r), m)| BestSaving {
            kind,
            notes_saving: study_note(id).map(|n| n.saving).unwrap_or(""),
            region_best_percent: r.as_ref().map(|r| r.0),
            region_best_type: r.as_ref().map(|r| r.1.clone()),
            region_best_option: r.map(|r| r.2),
            chosen_type_percent: m.as_ref().map(|m| m.0),
            chosen_type_option: m.map(|m| m.1),
            basis: if kind == OptionKind::Spot {
                "1 − lowest Spot snapshot (or average) ÷ On-Demand rate"
            } else {
                "1 − effective hourly rate (upfront fee ÷ term hours + hourly) ÷ On-Demand rate, at 100 % use"
            },
        })
        .collect()
}

fn mixed(ctx: &Ctx, options: &[Ec2Option], spot_high: Option<Decimal>) -> Option<MixedResult> {
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

fn warnings(
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

// The compact form the bundled tables are compiled in (`crate::pricing::packed`).
crate::packed_struct! {
    Ec2Pricing { instance_types, dedicated_hosts, regions }
    InstanceCatalog { as_of, source, note, types, free_tier }
    InstanceType { name, vcpu, memory_gib, architecture, network }
    FreeTier { as_of, source, terms, types }
    HostCapacity { family, physical_cores, instances_per_host, as_of, source, note }
    RegionTables {
        region, on_demand, spot, spot_average, reserved, savings_plans, dedicated_instance,
        dedicated_host, host_reservations,
    }
    RateTable { as_of, source, note, rates }
    SpotTable { as_of, source, note, rates }
    SpotRange { low, high, azs }
    ReservedTable { as_of, source, note, offering_class, term, payment, rates }
    HostReservationTable { as_of, source, note, term, payment, rates }
    SplitPrice { upfront, hourly }
    EffectivePrice { effective_hourly }
    SavingsPlanTable { as_of, source, note, plan, term, payment, rates }
}

/// A split price is its two values; an effective one a `*` before its one value (no split
/// begins with it, as a decimal never does).
impl crate::pricing::packed::Packed for ReservedPrice {
    fn write(&self, w: &mut crate::pricing::packed::Writer) {
        match self {
            ReservedPrice::Split(p) => p.write(w),
            ReservedPrice::Effective(e) => {
                w.token("*");
                e.write(w);
            }
        }
    }
    fn read(r: &mut crate::pricing::packed::Reader<'_>) -> Self {
        if r.take("*") {
            ReservedPrice::Effective(crate::pricing::packed::Packed::read(r))
        } else {
            ReservedPrice::Split(crate::pricing::packed::Packed::read(r))
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Table;

    fn pricing() -> &'static Ec2Pricing {
        &crate::catalog::catalog().unwrap().ec2
    }

    #[test]
    fn bundled_file_is_in_the_importers_layout() {
        let text = include_str!("../pricing/ec2.json");
        assert_eq!(pricing().to_json(), text);
    }

    #[test]
    fn validation_catches_bad_tables() {
        let mut p = pricing().clone();

        for r in p.regions.iter_mut() {
            for t in r.on_demand.iter_mut() {
                t.rates.remove("t2.nano");
            }
        }
        let us = &mut p.regions[0];
        us.on_demand[0].rates.insert("m9.huge".into(), None);
        let nu = us
            .reserved
            .iter_mut()
            .find(|t| t.payment == Payment::NoUpfront)
            .unwrap();
        if let Some(ReservedPrice::Split(s)) = nu.rates.get("m5.large").copied() {
            // a No Upfront offer with an upfront payment
            nu.rates.insert(
                "m5.large".into(),
                ReservedPrice::Split(SplitPrice {
                    upfront: Decimal::ONE,
                    ..s
                }),
            );
        }
        us.spot[0].rates.insert(
            "c5.large".into(),
            SpotRange {
                low: Decimal::TWO,
                high: Decimal::ONE,
                azs: 0,
            },
        );
        let dup = us.savings_plans[0].clone();
        us.savings_plans.push(dup);
        p.regions.pop();
        let errs = p.validate().unwrap_err();
        let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
        for want in [
            "t2.nano is in no region's on_demand table",
            "m9.huge is not in the catalog",
            "No Upfront offer has no upfront",
            "at least one Availability Zone",
            "priced by an earlier table of the same option",
            "region ap-south-1 is missing",
        ] {
            assert!(text.iter().any(|t| t.contains(want)), "{want}: {text:?}");
        }
    }

    #[test]
    fn terms_started_counts_renewals() {
        let c = Charges {
            upfront: Decimal::from(252),
            term_months: Some(12),
            monthly: Decimal::ONE,
            lines: vec![],
            hosts: None,
            split: true,
        };
        let started: Vec<u32> = [0, 1, 12, 13, 24, 25, 36]
            .map(|m| c.terms_started(m))
            .to_vec();
        assert_eq!(started, vec![1, 1, 1, 2, 2, 3, 3]);
        assert_eq!(c.cumulative(13), Decimal::from(252 * 2 + 13));
    }

    #[test]
    fn study_notes_match_option_ids() {
        for id in option_ids() {
            assert!(study_note(&id).is_some(), "{id}");
        }
        assert_eq!(study_note("spot").unwrap().saving, "up to 90 %");
        assert_eq!(
            study_note("reserved-convertible-3y-all-upfront")
                .unwrap()
                .saving,
            "up to 72 %"
        );
    }

    #[test]
    fn hourly_rates_show_four_decimals() {
        let s = serde_json::to_string(&HourlyUsd(Decimal::new(36111, 6))).unwrap();
        assert_eq!(s, "\"0.0361\"");
        let s = serde_json::to_string(&HourlyUsd(Decimal::new(96, 3))).unwrap();
        assert_eq!(s, "\"0.0960\"");
    }

    #[test]
    fn a_two_year_horizon_is_refused() {
        let w = Ec2Workload {
            horizon_years: Decimal::TWO,
            ..Ec2Workload::default()
        };
        let e = w.validate().unwrap_err();
        assert_eq!(e[0].field, "ec2.horizon_years");
        assert!(e[0].message().contains("\"2\" is not one of: 1, 3"));
        let w = Ec2Workload {
            hours_per_month: Some(Decimal::from(100)),
            hours_per_day: Some(Decimal::from(8)),
            ..Ec2Workload::default()
        };
        assert_eq!(w.validate().unwrap_err()[0].field, "ec2.hours_per_day");
    }
}
