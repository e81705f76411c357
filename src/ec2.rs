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
use crate::pricing::{Check, Region, SortedMap};
use crate::report::{LineItem, SourceRef, Warning};
use crate::workload::{HOURS_PER_MONTH, MAX_HOURS_PER_MONTH};
use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize, Serializer};

pub const PRICING_FILE: &str = "pricing/ec2.json";

/// The highest hourly rate a table may hold (well above any EC2 instance or host).
pub const MAX_RATE: u64 = 100_000;
/// The most instances one comparison accepts.
pub const MAX_COUNT: u64 = 100_000;

// ---------------------------------------------------------------------------------------------
// Closed sets
// ---------------------------------------------------------------------------------------------

/// Standard (change AZ, size within the family, network) or Convertible (exchange for another
/// family, OS or tenancy).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfferingClass {
    Standard,
    Convertible,
}

/// Commitment length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Term {
    #[serde(rename = "1y")]
    OneYear,
    #[serde(rename = "3y")]
    ThreeYears,
}

/// How much of a commitment is paid at the start of the term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payment {
    NoUpfront,
    PartialUpfront,
    AllUpfront,
}

/// Savings Plan type: Compute (any family, size, region, OS, tenancy; also Fargate and Lambda)
/// or EC2 Instance (one family in one region).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanType {
    Compute,
    Ec2Instance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Architecture {
    #[serde(rename = "x86_64")]
    X86_64,
    #[serde(rename = "arm64")]
    Arm64,
}

impl OfferingClass {
    pub const ALL: [OfferingClass; 2] = [OfferingClass::Standard, OfferingClass::Convertible];
    pub fn code(self) -> &'static str {
        match self {
            OfferingClass::Standard => "standard",
            OfferingClass::Convertible => "convertible",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            OfferingClass::Standard => "Standard",
            OfferingClass::Convertible => "Convertible",
        }
    }
}

impl Term {
    pub const ALL: [Term; 2] = [Term::OneYear, Term::ThreeYears];
    pub fn years(self) -> u32 {
        match self {
            Term::OneYear => 1,
            Term::ThreeYears => 3,
        }
    }
    pub fn months(self) -> u32 {
        self.years() * 12
    }
    pub fn code(self) -> &'static str {
        match self {
            Term::OneYear => "1y",
            Term::ThreeYears => "3y",
        }
    }
}

impl Payment {
    pub const ALL: [Payment; 3] = [
        Payment::NoUpfront,
        Payment::PartialUpfront,
        Payment::AllUpfront,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Payment::NoUpfront => "no-upfront",
            Payment::PartialUpfront => "partial-upfront",
            Payment::AllUpfront => "all-upfront",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Payment::NoUpfront => "No Upfront",
            Payment::PartialUpfront => "Partial Upfront",
            Payment::AllUpfront => "All Upfront",
        }
    }
}

impl PlanType {
    pub const ALL: [PlanType; 2] = [PlanType::Compute, PlanType::Ec2Instance];
    pub fn code(self) -> &'static str {
        match self {
            PlanType::Compute => "compute",
            PlanType::Ec2Instance => "ec2-instance",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            PlanType::Compute => "Compute",
            PlanType::Ec2Instance => "EC2 Instance",
        }
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceType {
    /// `family.size`, e.g. `m5.large`.
    pub name: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    pub architecture: Architecture,
}

impl InstanceType {
    pub fn family(&self) -> &str {
        self.name.split('.').next().unwrap_or("")
    }
    pub fn size(&self) -> &str {
        self.name.split_once('.').map(|(_, s)| s).unwrap_or("")
    }
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

/// One region's tables; each carries its own source and date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionTables {
    pub region: Region,
    /// Linux, shared tenancy, USD per instance-hour; every catalog type, null where unsourced.
    pub on_demand: RateTable,
    pub spot: SpotTable,
    pub reserved: Vec<ReservedTable>,
    pub savings_plans: Vec<SavingsPlanTable>,
    /// Linux, dedicated tenancy, USD per instance-hour; every catalog type, null where unsourced.
    pub dedicated_instance: RateTable,
    /// USD per host-hour, by family; null where unsourced.
    pub dedicated_host: RateTable,
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

/// Spot price snapshots, USD per instance-hour, by instance type and Availability Zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub rates: SortedMap<SortedMap<Decimal>>,
}

/// The Reserved Instance offers of one instance type (Linux, shared tenancy, regional).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservedTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub instance_type: String,
    pub offers: Vec<ReservedOffer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReservedOffer {
    pub offering_class: OfferingClass,
    pub term: Term,
    pub payment: Payment,
    /// USD paid once per reservation at the start of the term.
    pub upfront: Decimal,
    /// USD per hour, billed for every hour of the term.
    pub hourly: Decimal,
}

/// The Savings Plans rates of one instance type (Linux, shared tenancy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingsPlanTable {
    pub as_of: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub instance_type: String,
    pub rates: Vec<SavingsPlanRate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingsPlanRate {
    pub plan: PlanType,
    pub term: Term,
    pub payment: Payment,
    /// Effective USD per instance-hour covered (the published `discountedRate`).
    pub hourly: Decimal,
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
}

impl crate::pricing::Table for Ec2Pricing {
    const FILE: &'static str = PRICING_FILE;

    fn check(&self, c: &mut Check) {
        let cat = &self.instance_types;
        c.meta("instance_types", &cat.as_of, &cat.source);
        let names: Vec<&str> = cat.types.iter().map(|t| t.name.as_str()).collect();
        let families: Vec<&str> = cat.types.iter().map(InstanceType::family).collect();
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
        for (ri, r) in self.regions.iter().enumerate() {
            let at = format!("regions[{ri}]");
            for (name, t, keys) in [
                ("on_demand", &r.on_demand, &names),
                ("dedicated_instance", &r.dedicated_instance, &names),
            ] {
                rate_table(c, &format!("{at}.{name}"), t, keys, true);
            }
            let mut fams = families.clone();
            fams.dedup();
            rate_table(
                c,
                &format!("{at}.dedicated_host"),
                &r.dedicated_host,
                &fams,
                false,
            );
            let s = &r.spot;
            c.meta(&format!("{at}.spot"), &s.as_of, &s.source);
            for (k, azs) in &s.rates {
                let p = format!("{at}.spot.rates.{k}");
                if !names.contains(&k.as_str()) {
                    c.fail(&p, format!("{k} is not in the catalog"));
                }
                if azs.is_empty() {
                    c.fail(&p, "needs at least one Availability Zone price");
                }
                for (az, v) in azs {
                    bounded(c, &format!("{p}.{az}"), *v);
                }
            }
            for (i, t) in r.reserved.iter().enumerate() {
                let p = format!("{at}.reserved[{i}]");
                c.meta(&p, &t.as_of, &t.source);
                if !names.contains(&t.instance_type.as_str()) {
                    c.fail(&p, format!("{} is not in the catalog", t.instance_type));
                }
                if r.reserved[..i]
                    .iter()
                    .any(|o| o.instance_type == t.instance_type)
                {
                    c.fail(&p, format!("{} has two tables", t.instance_type));
                }
                for (j, o) in t.offers.iter().enumerate() {
                    let q = format!("{p}.offers[{j}]");
                    bounded(c, &format!("{q}.upfront"), o.upfront);
                    bounded(c, &format!("{q}.hourly"), o.hourly);
                    let key = (o.offering_class, o.term, o.payment);
                    if t.offers[..j]
                        .iter()
                        .any(|x| (x.offering_class, x.term, x.payment) == key)
                    {
                        c.fail(&q, "the same class, term and payment appear twice");
                    }
                    payment_shape(c, &q, o.payment, o.upfront, o.hourly);
                }
            }
            for (i, t) in r.savings_plans.iter().enumerate() {
                let p = format!("{at}.savings_plans[{i}]");
                c.meta(&p, &t.as_of, &t.source);
                if !names.contains(&t.instance_type.as_str()) {
                    c.fail(&p, format!("{} is not in the catalog", t.instance_type));
                }
                if r.savings_plans[..i]
                    .iter()
                    .any(|o| o.instance_type == t.instance_type)
                {
                    c.fail(&p, format!("{} has two tables", t.instance_type));
                }
                for (j, o) in t.rates.iter().enumerate() {
                    let q = format!("{p}.rates[{j}]");
                    bounded(c, &format!("{q}.hourly"), o.hourly);
                    let key = (o.plan, o.term, o.payment);
                    if t.rates[..j]
                        .iter()
                        .any(|x| (x.plan, x.term, x.payment) == key)
                    {
                        c.fail(&q, "the same plan, term and payment appear twice");
                    }
                }
            }
        }
    }
}

fn bounded(c: &mut Check, path: &str, v: Decimal) {
    c.rate(path, v);
    if v > Decimal::from(MAX_RATE) {
        c.fail(path, format!("rate {v} is implausibly large"));
    }
}

fn payment_shape(c: &mut Check, path: &str, p: Payment, upfront: Decimal, hourly: Decimal) {
    match p {
        Payment::NoUpfront if !upfront.is_zero() => {
            c.fail(path, "a No Upfront offer has no upfront payment")
        }
        Payment::AllUpfront if !hourly.is_zero() => {
            c.fail(path, "an All Upfront offer has no hourly charge")
        }
        _ => {}
    }
}

fn rate_table(c: &mut Check, path: &str, t: &RateTable, keys: &[&str], every: bool) {
    c.meta(path, &t.as_of, &t.source);
    for (k, v) in &t.rates {
        if !keys.contains(&k.as_str()) {
            c.fail(path, format!("{k} is not in the catalog"));
        }
        if let Some(v) = v {
            bounded(c, &format!("{path}.rates.{k}"), *v);
        }
    }
    if every {
        for k in keys {
            if !t.rates.contains_key(k) {
                c.fail(
                    path,
                    format!("{k} is missing (use null where no rate was found)"),
                );
            }
        }
    }
}

impl RegionTables {
    pub fn reserved_offer(
        &self,
        instance_type: &str,
        class: OfferingClass,
        term: Term,
        payment: Payment,
    ) -> Option<(&ReservedTable, &ReservedOffer)> {
        let t = self
            .reserved
            .iter()
            .find(|t| t.instance_type == instance_type)?;
        let o = t
            .offers
            .iter()
            .find(|o| o.offering_class == class && o.term == term && o.payment == payment)?;
        Some((t, o))
    }

    pub fn savings_plan_rate(
        &self,
        instance_type: &str,
        plan: PlanType,
        term: Term,
        payment: Payment,
    ) -> Option<(&SavingsPlanTable, &SavingsPlanRate)> {
        let t = self
            .savings_plans
            .iter()
            .find(|t| t.instance_type == instance_type)?;
        let r = t
            .rates
            .iter()
            .find(|r| r.plan == plan && r.term == term && r.payment == payment)?;
        Some((t, r))
    }
}

// ---------------------------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------------------------

/// How the instances above the committed baseline are paid for in the mixed strategy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeakPricing {
    #[default]
    OnDemand,
    Spot,
}

impl PeakPricing {
    pub fn code(self) -> &'static str {
        match self {
            PeakPricing::OnDemand => "on-demand",
            PeakPricing::Spot => "spot",
        }
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

/// The study-notes row for an option id.
pub fn study_note(id: &str) -> Option<&'static StudyNote> {
    STUDY_NOTES.iter().find(|n| {
        if n.ids.ends_with('-') {
            id.starts_with(n.ids)
        } else {
            id == n.ids
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

/// What kind of purchase an option is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptionKind {
    OnDemand,
    Reserved,
    SavingsPlan,
    Spot,
    DedicatedInstance,
    DedicatedHost,
    CapacityReservation,
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
    ids.extend(
        [
            "spot",
            "dedicated-instance",
            "dedicated-host",
            "capacity-reservation",
        ]
        .map(String::from),
    );
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
        }
    }

    /// A commitment of `upfront` per instance per term and `hourly` for every hour of the term.
    fn commitment(
        &self,
        term: Term,
        upfront: Decimal,
        hourly: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Charges {
        let tm = term.months();
        let terms = self.months.div_ceil(tm).max(1);
        let mut lines = vec![];
        if !upfront.is_zero() {
            let q = self.n * Decimal::from(terms);
            lines.push(LineItem::priced(
                "Upfront payment",
                q,
                "reservations × terms",
                upfront,
                "USD per instance per term",
                format!(
                    "{} × {} started in {} months × {} upfront = {}",
                    plural(self.spec.count, "instance"),
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
            let q = self.n * hours * self.m();
            lines.push(LineItem::priced(
                format!("{what} hourly charge (every hour of the term)"),
                q,
                "instance-hours",
                hourly,
                "USD per instance-hour",
                format!(
                    "billed for all 730 h a month, used or not: {} × 730 h × {} months = {} instance-hours × {} = {} ({} a month)",
                    plural(self.spec.count, "instance"),
                    self.months,
                    qty(q),
                    fmt_rate(hourly),
                    Usd(q * hourly),
                    Usd(self.n * hours * hourly)
                ),
                src,
            ));
        }
        Charges {
            upfront: self.n * upfront,
            term_months: Some(tm),
            monthly: self.n * Decimal::from(HOURS_PER_MONTH) * hourly,
            lines,
            hosts: None,
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
    opt.upfront_usd = Some(Usd(ch.upfront));
    opt.monthly_usd = Some(Usd(ch.monthly));
    opt.horizon_total_usd = Some(Usd(total));
    opt.exact_total = Some(total);
    opt.effective_hourly_usd = (!used_hours.is_zero()).then(|| HourlyUsd(total / used_hours));
    opt.cumulative_usd = (0..=ctx.months).map(|m| Usd(ch.cumulative(m))).collect();
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
    if base.kind != OptionKind::OnDemand {
        opt.break_even_month = (1..=ctx.months)
            .find(|&m| on_demand_cum(ctx, m).is_some_and(|od| ch.cumulative(m) < od));
    }
    opt.lines = ch.lines;
    opt.hosts = ch.hosts;

    // Suitability, first reason wins.
    let years = |y: u32| if y == 1 { "1-year" } else { "3-year" };
    let reason = if spec.needs_dedicated && base.shared_tenancy() {
        Some("These are shared-tenancy rates and the workload needs dedicated hardware: choose a Dedicated Instance or a Dedicated Host.".to_string())
    } else if spec.core_bound_license && base.kind != OptionKind::DedicatedHost {
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
        let names: Vec<&str> = pricing
            .instance_types
            .types
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        return Err(vec![FieldError::new(
            "ec2.instance_type",
            Problem::Malformed(format!(
                "\"{}\" is not in the catalog; choose one of: {}.",
                spec.instance_type,
                names.join(", ")
            )),
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
    let od = tables.on_demand.rates.get(&it.name).copied().flatten();
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
    let t = &tables.on_demand;
    let od_src = (t.as_of.as_str(), t.source.as_str());

    // On-Demand.
    options.push(build(
        &ctx,
        Base::simple("on-demand", "On-Demand", OptionKind::OnDemand),
        match od {
            Some(r) => {
                used.push(&t.as_of);
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

    // Reserved Instances.
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
                        "Reserved Instance, {}, {} year{}, {}",
                        class.name(),
                        term.years(),
                        if term.years() == 1 { "" } else { "s" },
                        payment.name()
                    ),
                    kind: OptionKind::Reserved,
                    offering_class: Some(class),
                    plan: None,
                    term: Some(term),
                    payment: Some(payment),
                };
                let charges = match tables.reserved_offer(&it.name, class, term, payment) {
                    Some((t, o)) => {
                        used.push(&t.as_of);
                        Ok(ctx.commitment(
                            term,
                            o.upfront,
                            o.hourly,
                            "Reserved Instance",
                            ctx.src(
                                (&t.as_of, &t.source),
                                format!(
                                    "reserved {} {} {} {}",
                                    it.name,
                                    class.code(),
                                    term.code(),
                                    payment.code()
                                ),
                            ),
                        ))
                    }
                    None => Err(ctx.no_rate(&format!(
                        "a {} {}-year {} Reserved Instance",
                        class.name(),
                        term.years(),
                        payment.name()
                    ))),
                };
                options.push(build(&ctx, base, charges));
            }
        }
    }

    // Savings Plans.
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
                        "{} Savings Plan, {} year{}, {}",
                        plan.name(),
                        term.years(),
                        if term.years() == 1 { "" } else { "s" },
                        payment.name()
                    ),
                    kind: OptionKind::SavingsPlan,
                    offering_class: None,
                    plan: Some(plan),
                    term: Some(term),
                    payment: Some(payment),
                };
                let charges = match tables.savings_plan_rate(&it.name, plan, term, payment) {
                    Some((t, r)) => {
                        used.push(&t.as_of);
                        // The published rate is effective: split it as AWS bills it.
                        let hours_in_term = Decimal::from(term.years() * 8760);
                        let (upfront, hourly) = match payment {
                            Payment::NoUpfront => (Decimal::ZERO, r.hourly),
                            Payment::PartialUpfront => (
                                r.hourly * hours_in_term / Decimal::TWO,
                                r.hourly / Decimal::TWO,
                            ),
                            Payment::AllUpfront => (r.hourly * hours_in_term, Decimal::ZERO),
                        };
                        Ok(ctx.commitment(
                            term,
                            upfront,
                            hourly,
                            "Savings Plan",
                            ctx.src(
                                (&t.as_of, &t.source),
                                format!(
                                    "savings_plans {} {} {} {}",
                                    it.name,
                                    plan.code(),
                                    term.code(),
                                    payment.code()
                                ),
                            ),
                        ))
                    }
                    None => Err(ctx.no_rate(&format!(
                        "{} {} Savings Plan ({}-year, {})",
                        article(plan.name()),
                        plan.name(),
                        term.years(),
                        payment.name()
                    ))),
                };
                options.push(build(&ctx, base, charges));
            }
        }
    }

    // Spot.
    let spot = spot_reference(tables, &it.name);
    options.push(build(
        &ctx,
        Base::simple("spot", "Spot (reference price)", OptionKind::Spot),
        match spot {
            Some((high, _, azs)) => {
                let s = &tables.spot;
                used.push(&s.as_of);
                Ok(ctx.pay_as_you_go(
                    "Spot instance-hours (highest AZ snapshot)",
                    high,
                    ctx.h,
                    ctx.src(
                        (&s.as_of, &s.source),
                        format!("spot {} (highest of {azs} AZ snapshots)", it.name),
                    ),
                ))
            }
            None => Err(ctx.no_rate("Spot")),
        },
    ));

    // Dedicated Instance.
    let di = &tables.dedicated_instance;
    options.push(build(
        &ctx,
        Base::simple(
            "dedicated-instance",
            "Dedicated Instance",
            OptionKind::DedicatedInstance,
        ),
        match di.rates.get(&it.name).copied().flatten() {
            Some(r) => {
                used.push(&di.as_of);
                Ok(ctx.pay_as_you_go(
                    "Dedicated Instance instance-hours",
                    r,
                    ctx.h,
                    ctx.src(
                        (&di.as_of, &di.source),
                        format!("dedicated_instance {}", it.name),
                    ),
                ))
            }
            None => Err(ctx.no_rate("a Dedicated Instance")),
        },
    ));

    // Dedicated Host.
    options.push(build(
        &ctx,
        Base::simple(
            "dedicated-host",
            "Dedicated Host",
            OptionKind::DedicatedHost,
        ),
        dedicated_host(&ctx, &mut used),
    ));

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
    let mixed = mixed(&ctx, &options, spot.map(|s| s.0));
    let warnings = warnings(&ctx, &options, spot, mixed.as_ref());
    let as_of = used
        .iter()
        .min()
        .map(|s| s.to_string())
        .unwrap_or_else(|| tables.on_demand.as_of.clone());
    Ok(Ec2Result {
        instance: InstanceInfo {
            instance_type: it.name.clone(),
            vcpu: it.vcpu,
            memory_gib: it.memory_gib,
            architecture: it.architecture,
        },
        count: spec.count,
        hours_per_month: spec.hours,
        horizon_years: spec.horizon_years,
        horizon_months: spec.horizon_months(),
        options,
        cheapest_suitable,
        mixed,
        study_notes: STUDY_NOTES,
        warnings,
        as_of,
        source: tables.on_demand.source.clone(),
    })
}

/// The highest and lowest Spot snapshot for a type, and how many AZs were sampled.
pub fn spot_reference(
    tables: &RegionTables,
    instance_type: &str,
) -> Option<(Decimal, Decimal, usize)> {
    let azs = tables.spot.rates.get(instance_type)?;
    let high = azs.values().max()?;
    let low = azs.values().min()?;
    Some((*high, *low, azs.len()))
}

fn dedicated_host<'a>(ctx: &Ctx<'a>, used: &mut Vec<&'a str>) -> Result<Charges, String> {
    let fam = ctx.it.family();
    let cap = ctx
        .pricing
        .host(fam)
        .and_then(|h| Some((h, *h.instances_per_host.get(ctx.it.size())?)));
    let Some((host, per_host)) = cap else {
        return Err(format!(
            "No public Dedicated Host capacity bundled for {} hosts; import AWS's Price List file (awscost import-ec2) to add it.",
            fam
        ));
    };
    let t = &ctx.tables.dedicated_host;
    let Some(rate) = t.rates.get(fam).copied().flatten() else {
        return Err(format!(
            "No public rate bundled for {} {fam} Dedicated Host in {}; import AWS's Price List file (awscost import-ec2) to add it.",
            article(fam),
            ctx.region
        ));
    };
    used.push(&t.as_of);
    used.push(&host.as_of);
    let hosts = ctx.spec.count.div_ceil(per_host);
    let q = Decimal::from(hosts) * ctx.h * ctx.m();
    let line = LineItem::priced(
        format!("{fam} Dedicated Host host-hours"),
        q,
        "host-hours",
        rate,
        "USD per host-hour",
        format!(
            "a {fam} host holds {per_host} × {} ({} physical cores); {} ÷ {per_host} rounded up = {}; {} × {} h a month × {} months = {} host-hours × {} = {}",
            ctx.it.name,
            host.physical_cores,
            plural(ctx.spec.count, "instance"),
            plural(hosts, "host"),
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
    })
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
    spot: Option<(Decimal, Decimal, usize)>,
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
    if let Some(t) = ctx
        .tables
        .reserved
        .iter()
        .find(|t| t.instance_type == ctx.it.name)
    {
        let od = &ctx.tables.on_demand.as_of;
        if year(&t.as_of) + 1 < year(od) {
            w.push(Warning::new(
                "reserved_rates_older",
                format!(
                    "The Reserved Instance rates for {} are from the Price List of {}, older than the On-Demand rate ({od}); re-import the current Price List file to confirm the savings.",
                    ctx.it.name, t.as_of
                ),
            ));
        }
    }
    if let Some((high, low, azs)) = spot {
        w.push(Warning::new(
            "spot_price_floats",
            format!(
                "Spot prices move with supply and demand: the reference is the highest of {azs} Availability Zone snapshot{} ({}–{} an hour, read {}). Spot Instances can be interrupted with a 2-minute warning.",
                if azs == 1 { "" } else { "s" },
                fmt_rate(low),
                fmt_rate(high),
                ctx.tables.spot.as_of
            ),
        ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Table;

    fn pricing() -> &'static Ec2Pricing {
        &crate::pricing::catalog().unwrap().ec2
    }

    #[test]
    fn bundled_file_is_in_the_importers_layout() {
        let text = include_str!("../pricing/ec2.json");
        assert_eq!(pricing().to_json(), text);
    }

    #[test]
    fn validation_catches_bad_tables() {
        let mut p = pricing().clone();
        let us = &mut p.regions[0];
        us.on_demand.rates.remove("m5.large");
        us.on_demand.rates.insert("m9.huge".into(), None);
        us.reserved[0].offers[0].upfront = Decimal::ONE; // a No Upfront offer with an upfront
        us.spot
            .rates
            .insert("c5.large".into(), SortedMap::default());
        p.regions.pop();
        let errs = p.validate().unwrap_err();
        let text: Vec<String> = errs.iter().map(ToString::to_string).collect();
        for want in [
            "m5.large is missing",
            "m9.huge is not in the catalog",
            "No Upfront offer has no upfront",
            "at least one Availability Zone",
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
