//! `pricing/ec2.json`: the instance catalog, the Dedicated Host capacities and each region's rate
//! tables, the checks a table must pass to be bundled, and the lookups the prices use.

use super::{OfferingClass, Payment, PlanType, Term};
use crate::pricing::{Check, Region, SortedMap};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

pub const PRICING_FILE: &str = "pricing/ec2.json";

/// The highest hourly rate a table may hold (well above any EC2 instance or host).
pub const MAX_RATE: u64 = 100_000;
/// The largest upfront fee a table may hold (a 3-year host reservation is about $150,000).
pub const MAX_UPFRONT: u64 = 10_000_000;

crate::closed_set! {
    /// The instruction set of an instance type.
    pub enum Architecture {
        X86_64 = "x86_64", "x86_64";
        Arm64 = "arm64", "arm64";
    }
}

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
    /// AWS's Free Tier for EC2 as it is today (the study notes' version is in
    /// [`STUDY_FREE_TIER`](super::STUDY_FREE_TIER)).
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
