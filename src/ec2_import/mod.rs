//! Regenerates `pricing/ec2.json` from AWS's public Price List bulk files: the EC2 offer file
//! (<https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/REGION/index.json>)
//! and the Savings Plans rate file
//! (<https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/sp-offer-file.html>).
//!
//! The offer file is several gigabytes, so it is streamed: products are read first (as AWS lays
//! the file out) and only the Linux, shared or dedicated tenancy, no pre-installed software,
//! `Used` capacity products of catalog instance types (plus Dedicated Hosts of catalog families)
//! are kept; the terms of every other SKU are skipped without being stored.

mod offer;
mod savings_plans;

use crate::ec2::{
    Ec2Pricing, HostCapacity, OfferingClass, Payment, RateTable, ReservedPrice, ReservedTable,
    SplitPrice, Term,
};
use crate::pricing::{Region, Table};
use offer::{hourly, usd, Filter, Kind, OfferSeed};
use rust_decimal::Decimal;
use savings_plans::read_savings_plans;
use serde::de::DeserializeSeed;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;

/// Why an import failed.
#[derive(Debug)]
pub struct ImportError(pub String);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// How many rates an import found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub on_demand: usize,
    pub reserved: usize,
    pub savings_plans: usize,
    pub dedicated_instance: usize,
    pub dedicated_host: usize,
}

/// The usage-type prefix of a region in Price List usage types (`EU-BoxUsage:m5.large`).
pub fn usage_prefix(region: Region) -> &'static str {
    match region {
        Region::UsEast1 => "",
        Region::EuWest1 => "EU-",
        Region::ApSouth1 => "APS3-",
    }
}

fn price(s: &str, what: &str) -> Result<Decimal, ImportError> {
    s.parse::<Decimal>()
        .map(|d| d.normalize())
        .map_err(|_| ImportError(format!("{what}: {s:?} is not a decimal price")))
}

fn term_of(s: &str) -> Option<Term> {
    match s {
        "1yr" | "1 yr" => Some(Term::OneYear),
        "3yr" | "3 yr" => Some(Term::ThreeYears),
        _ => None,
    }
}

fn payment_of(s: &str) -> Option<Payment> {
    match s {
        "No Upfront" => Some(Payment::NoUpfront),
        "Partial Upfront" => Some(Payment::PartialUpfront),
        "All Upfront" => Some(Payment::AllUpfront),
        _ => None,
    }
}

fn date_of(publication: &str) -> Result<String, ImportError> {
    let d = publication.get(..10).unwrap_or("");
    let ok = d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-';
    if ok {
        Ok(d.to_string())
    } else {
        Err(ImportError(format!(
            "publicationDate {publication:?} is not an ISO date"
        )))
    }
}

/// Reads an EC2 offer file (and optionally a Savings Plans rate file) for `region` and returns
/// `base` with that region's On-Demand, Reserved, Dedicated (and Savings Plans) tables replaced.
/// Spot snapshots and other regions are kept as they are.
pub fn import(
    offer: impl Read,
    savings_plans: Option<impl Read>,
    region: Region,
    base: &Ec2Pricing,
) -> Result<(Ec2Pricing, ImportSummary), ImportError> {
    let types: Vec<&str> = base
        .instance_types
        .types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    let mut families: Vec<&str> = base
        .instance_types
        .types
        .iter()
        .map(|t| t.family())
        .collect();
    families.dedup();
    let filter = Filter {
        region,
        types: types.clone(),
        families: families.clone(),
    };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(offer));
    let o = OfferSeed(&filter)
        .deserialize(&mut de)
        .map_err(|e| ImportError(format!("cannot read the offer file: {e}")))?;
    if o.terms_before_products {
        return Err(ImportError(
            "the offer file lists terms before products; AWS's files list products first".into(),
        ));
    }
    let as_of = date_of(&o.publication_date)?;
    let source = format!(
        "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/{}/{}/index.json",
        o.version, region
    );
    let note = Some(format!(
        "Imported by awscost import-ec2 from the EC2 Price List offer file, version {} (Linux, no pre-installed software, Used capacity).",
        o.version
    ));
    let mut summary = ImportSummary::default();
    let mut out = base.clone();
    let mut on_demand: BTreeMap<String, Option<Decimal>> =
        types.iter().map(|t| (t.to_string(), None)).collect();
    let mut dedicated = on_demand.clone();
    let mut hosts: BTreeMap<String, Option<Decimal>> =
        families.iter().map(|f| (f.to_string(), None)).collect();
    type Option3 = (OfferingClass, Term, Payment);
    let mut reserved: BTreeMap<Option3, BTreeMap<String, ReservedPrice>> = BTreeMap::new();
    let mut skus: Vec<(&String, &Kind)> = o.products.iter().collect();
    skus.sort_by(|a, b| a.0.cmp(b.0));
    for (sku, kind) in skus {
        let od = o.on_demand.get(sku).and_then(|t| t.first());
        let od_rate = match od {
            Some(t) => hourly(t, sku)?,
            None => None,
        };
        match kind {
            Kind::Shared(t) => {
                if let Some(r) = od_rate {
                    on_demand.insert(t.clone(), Some(r));
                }
                for term in o.reserved.get(sku).into_iter().flatten() {
                    let a = &term.term_attributes;
                    let class = match a.class.as_deref() {
                        Some("standard") => OfferingClass::Standard,
                        Some("convertible") => OfferingClass::Convertible,
                        _ => continue,
                    };
                    let (Some(len), Some(pay)) = (
                        a.lease.as_deref().and_then(term_of),
                        a.purchase.as_deref().and_then(payment_of),
                    ) else {
                        continue;
                    };
                    let upfront = match term
                        .price_dimensions
                        .values()
                        .find(|d| d.unit == "Quantity")
                        .and_then(usd)
                    {
                        Some(p) => price(p, sku)?,
                        None => Decimal::ZERO,
                    };
                    let hourly = hourly(term, sku)?.unwrap_or(Decimal::ZERO);
                    reserved
                        .entry((class, len, pay))
                        .or_default()
                        .entry(t.clone())
                        .or_insert(ReservedPrice::Split(SplitPrice { upfront, hourly }));
                }
            }
            Kind::Dedicated(t) => {
                if let Some(r) = od_rate {
                    dedicated.insert(t.clone(), Some(r));
                }
            }
            Kind::Host(f, cap) => {
                if let Some(r) = od_rate {
                    hosts.insert(f.clone(), Some(r));
                }
                if let Some(cap) = cap {
                    let cap = HostCapacity {
                        as_of: as_of.clone(),
                        source: source.clone(),
                        note: note.clone(),
                        ..cap.clone()
                    };
                    match out.dedicated_hosts.iter_mut().find(|h| h.family == *f) {
                        Some(h) => *h = cap,
                        None => out.dedicated_hosts.push(cap),
                    }
                }
            }
        }
    }
    summary.on_demand = on_demand.values().flatten().count();
    summary.dedicated_instance = dedicated.values().flatten().count();
    summary.dedicated_host = hosts.values().flatten().count();
    summary.reserved = reserved.values().map(BTreeMap::len).sum();
    let table = |rates: BTreeMap<String, Option<Decimal>>| RateTable {
        as_of: as_of.clone(),
        source: source.clone(),
        note: note.clone(),
        rates: rates.into(),
    };
    let sp_tables = match savings_plans {
        Some(r) => Some(read_savings_plans(r, region, &types, &mut summary)?),
        None => None,
    };
    let Some(rt) = out.regions.iter_mut().find(|r| r.region == region) else {
        return Err(ImportError(format!(
            "the base table has no {region} region"
        )));
    };
    rt.on_demand = vec![table(on_demand)];
    dedicated.retain(|_, v| v.is_some());
    rt.dedicated_instance = if dedicated.is_empty() {
        vec![]
    } else {
        vec![table(dedicated)]
    };
    rt.dedicated_host = vec![table(hosts)];
    rt.reserved = reserved
        .into_iter()
        .map(|((offering_class, term, payment), rates)| ReservedTable {
            as_of: as_of.clone(),
            source: source.clone(),
            note: note.clone(),
            offering_class,
            term,
            payment,
            rates: rates.into(),
        })
        .collect();
    if let Some(sp) = sp_tables {
        rt.savings_plans = sp;
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
    Ok((out, summary))
}
