//! Regenerates `pricing/ec2.json` from AWS's public Price List bulk files: the EC2 offer file
//! (<https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/REGION/index.json>)
//! and the Savings Plans rate file
//! (<https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/sp-offer-file.html>).
//!
//! The offer file is several gigabytes, so it is streamed: products are read first (as AWS lays
//! the file out) and only the Linux, shared or dedicated tenancy, no pre-installed software,
//! `Used` capacity products of catalog instance types (plus Dedicated Hosts of catalog families)
//! are kept; the terms of every other SKU are skipped without being stored.

use crate::ec2::{
    Ec2Pricing, HostCapacity, OfferingClass, Payment, PlanType, RateTable, ReservedPrice,
    ReservedTable, SavingsPlanTable, SplitPrice, Term,
};
use crate::pricing::{Region, Table};
use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::Read;

/// What a kept product is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Shared(String),
    Dedicated(String),
    Host(String, Option<HostCapacity>),
}

#[derive(Default, Deserialize)]
struct Product {
    #[serde(default, rename = "productFamily")]
    product_family: String,
    #[serde(default)]
    attributes: Attrs,
}

#[derive(Default, Deserialize)]
struct Attrs {
    #[serde(rename = "instanceType")]
    instance_type: Option<String>,
    location: Option<String>,
    #[serde(rename = "regionCode")]
    region_code: Option<String>,
    #[serde(rename = "operatingSystem")]
    operating_system: Option<String>,
    tenancy: Option<String>,
    #[serde(rename = "preInstalledSw")]
    pre_installed_sw: Option<String>,
    #[serde(rename = "licenseModel")]
    license_model: Option<String>,
    capacitystatus: Option<String>,
    operation: Option<String>,
    usagetype: Option<String>,
    #[serde(rename = "physicalCores")]
    physical_cores: Option<String>,
    #[serde(rename = "instanceCapacityLarge")]
    cap_large: Option<String>,
    #[serde(rename = "instanceCapacityXlarge")]
    cap_xlarge: Option<String>,
    #[serde(rename = "instanceCapacity2xlarge")]
    cap_2xlarge: Option<String>,
    #[serde(rename = "instanceCapacity4xlarge")]
    cap_4xlarge: Option<String>,
}

#[derive(Deserialize)]
struct OfferTerm {
    #[serde(rename = "priceDimensions")]
    price_dimensions: BTreeMap<String, Dimension>,
    #[serde(default, rename = "termAttributes")]
    term_attributes: TermAttrs,
}

#[derive(Default, Deserialize)]
struct TermAttrs {
    #[serde(rename = "LeaseContractLength")]
    lease: Option<String>,
    #[serde(rename = "OfferingClass")]
    class: Option<String>,
    #[serde(rename = "PurchaseOption")]
    purchase: Option<String>,
}

#[derive(Deserialize)]
struct Dimension {
    unit: String,
    #[serde(rename = "pricePerUnit")]
    price_per_unit: BTreeMap<String, String>,
}

/// Which products to keep.
struct Filter<'a> {
    region: Region,
    types: Vec<&'a str>,
    families: Vec<&'a str>,
}

fn is(v: &Option<String>, want: &str) -> bool {
    v.as_deref() == Some(want)
}

impl Filter<'_> {
    fn classify(&self, p: &Product) -> Option<Kind> {
        let a = &p.attributes;
        let here = match &a.region_code {
            Some(code) => code == self.region.code(),
            None => is(&a.location, self.region.name()),
        };
        if !here {
            return None;
        }
        if p.product_family == "Compute Instance" {
            let t = a.instance_type.as_deref()?;
            let plain = is(&a.operating_system, "Linux")
                && is(&a.pre_installed_sw, "NA")
                && is(&a.license_model, "No License required")
                && is(&a.capacitystatus, "Used")
                && is(&a.operation, "RunInstances")
                && self.types.contains(&t);
            if !plain {
                return None;
            }
            return match a.tenancy.as_deref() {
                Some("Shared") => Some(Kind::Shared(t.to_string())),
                Some("Dedicated") => Some(Kind::Dedicated(t.to_string())),
                _ => None,
            };
        }
        if p.product_family == "Dedicated Host" {
            let usage = a.usagetype.as_deref()?;
            let (kind, family) = usage.rsplit_once(':')?;
            if !kind.ends_with("HostUsage") || kind.ends_with("ReservedHostUsage") {
                return None;
            }
            if !self.families.contains(&family) {
                return None;
            }
            let mut per = BTreeMap::new();
            for (size, v) in [
                ("large", &a.cap_large),
                ("xlarge", &a.cap_xlarge),
                ("2xlarge", &a.cap_2xlarge),
                ("4xlarge", &a.cap_4xlarge),
            ] {
                if let Some(n) = v.as_deref().and_then(|s| s.parse::<u32>().ok()) {
                    if n > 0 {
                        per.insert(size.to_string(), n);
                    }
                }
            }
            let cores = a
                .physical_cores
                .as_deref()
                .and_then(|s| s.parse::<u32>().ok());
            let cap = match cores {
                Some(c) if c > 0 && !per.is_empty() => Some(HostCapacity {
                    family: family.to_string(),
                    physical_cores: c,
                    instances_per_host: per.into(),
                    as_of: String::new(),
                    source: String::new(),
                    note: None,
                }),
                _ => None,
            };
            return Some(Kind::Host(family.to_string(), cap));
        }
        None
    }
}

/// The parts of an offer file the importer keeps.
#[derive(Default)]
struct Offer {
    version: String,
    publication_date: String,
    products: HashMap<String, Kind>,
    on_demand: HashMap<String, Vec<OfferTerm>>,
    reserved: HashMap<String, Vec<OfferTerm>>,
    terms_before_products: bool,
}

struct OfferSeed<'a>(&'a Filter<'a>);

impl<'de> DeserializeSeed<'de> for OfferSeed<'_> {
    type Value = Offer;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Offer, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OfferSeed<'_> {
    type Value = Offer;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an EC2 Price List offer file")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Offer, A::Error> {
        let mut o = Offer::default();
        let mut seen_products = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "version" => o.version = map.next_value()?,
                "publicationDate" => o.publication_date = map.next_value()?,
                "products" => {
                    o.products = map.next_value_seed(ProductsSeed(self.0))?;
                    seen_products = true;
                }
                "terms" => {
                    if !seen_products {
                        o.terms_before_products = true;
                    }
                    let (od, rs) = map.next_value_seed(TermsSeed(&o.products))?;
                    o.on_demand = od;
                    o.reserved = rs;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(o)
    }
}

struct ProductsSeed<'a>(&'a Filter<'a>);

impl<'de> DeserializeSeed<'de> for ProductsSeed<'_> {
    type Value = HashMap<String, Kind>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProductsSeed<'_> {
    type Value = HashMap<String, Kind>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of products by SKU")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::new();
        while let Some((sku, p)) = map.next_entry::<String, Product>()? {
            if let Some(k) = self.0.classify(&p) {
                out.insert(sku, k);
            }
        }
        Ok(out)
    }
}

type ByTerm = HashMap<String, Vec<OfferTerm>>;

struct TermsSeed<'a>(&'a HashMap<String, Kind>);

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = (ByTerm, ByTerm);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = (ByTerm, ByTerm);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("terms by type (OnDemand, Reserved)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut od, mut rs) = (HashMap::new(), HashMap::new());
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "OnDemand" => od = map.next_value_seed(SkuTermsSeed(self.0))?,
                "Reserved" => rs = map.next_value_seed(SkuTermsSeed(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((od, rs))
    }
}

struct SkuTermsSeed<'a>(&'a HashMap<String, Kind>);

impl<'de> DeserializeSeed<'de> for SkuTermsSeed<'_> {
    type Value = ByTerm;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SkuTermsSeed<'_> {
    type Value = ByTerm;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of terms by SKU")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::new();
        while let Some(sku) = map.next_key::<String>()? {
            if self.0.contains_key(&sku) {
                let terms: BTreeMap<String, OfferTerm> = map.next_value()?;
                out.insert(sku, terms.into_values().collect());
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

// Savings Plans rate file: smaller (tens of MB), read into typed structs directly.

#[derive(Deserialize)]
struct SpFile {
    #[serde(default)]
    version: String,
    #[serde(default, rename = "publicationDate")]
    publication_date: String,
    products: Vec<SpProduct>,
    terms: SpTerms,
}

#[derive(Deserialize)]
struct SpProduct {
    sku: String,
    #[serde(default, rename = "productFamily")]
    product_family: String,
    #[serde(default)]
    attributes: SpAttrs,
}

#[derive(Default, Deserialize)]
struct SpAttrs {
    #[serde(rename = "purchaseOption")]
    purchase_option: Option<String>,
    #[serde(rename = "purchaseTerm")]
    purchase_term: Option<String>,
}

#[derive(Deserialize)]
struct SpTerms {
    #[serde(default, rename = "savingsPlan")]
    savings_plan: Vec<SpTerm>,
}

#[derive(Deserialize)]
struct SpTerm {
    sku: String,
    #[serde(default)]
    rates: Vec<SpRate>,
}

#[derive(Deserialize)]
struct SpRate {
    #[serde(rename = "discountedUsageType")]
    usage_type: String,
    #[serde(default, rename = "discountedOperation")]
    operation: String,
    #[serde(rename = "discountedRate")]
    rate: SpPrice,
    #[serde(default, rename = "discountedRegionCode")]
    region_code: Option<String>,
}

#[derive(Deserialize)]
struct SpPrice {
    price: String,
    #[serde(default)]
    currency: Option<String>,
}

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

fn usd(d: &Dimension) -> Option<&str> {
    d.price_per_unit.get("USD").map(String::as_str)
}

fn hourly(t: &OfferTerm, what: &str) -> Result<Option<Decimal>, ImportError> {
    match t
        .price_dimensions
        .values()
        .find(|d| d.unit == "Hrs")
        .and_then(usd)
    {
        Some(p) => price(p, what).map(Some),
        None => Ok(None),
    }
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

fn read_savings_plans(
    r: impl Read,
    region: Region,
    types: &[&str],
    summary: &mut ImportSummary,
) -> Result<Vec<SavingsPlanTable>, ImportError> {
    let f: SpFile = serde_json::from_reader(std::io::BufReader::new(r))
        .map_err(|e| ImportError(format!("cannot read the Savings Plans file: {e}")))?;
    let as_of = date_of(&f.publication_date)?;
    let source = format!(
        "https://pricing.us-east-1.amazonaws.com/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/{}/{}/index.json",
        f.version, region
    );
    let note = Some(format!(
        "Imported by awscost import-ec2 from the Savings Plans rate file, version {} (Linux, shared tenancy: BoxUsage, RunInstances).",
        f.version
    ));
    let plans: HashMap<&str, (PlanType, Term, Payment)> = f
        .products
        .iter()
        .filter_map(|p| {
            let plan = match p.product_family.as_str() {
                "ComputeSavingsPlans" => PlanType::Compute,
                "EC2InstanceSavingsPlans" => PlanType::Ec2Instance,
                _ => return None,
            };
            let term = term_of(p.attributes.purchase_term.as_deref()?)?;
            let pay = payment_of(p.attributes.purchase_option.as_deref()?)?;
            Some((p.sku.as_str(), (plan, term, pay)))
        })
        .collect();
    let prefix = format!("{}BoxUsage:", usage_prefix(region));
    let mut by_plan: BTreeMap<(PlanType, Term, Payment), BTreeMap<String, Decimal>> =
        BTreeMap::new();
    for t in &f.terms.savings_plan {
        let Some(&(plan, term, payment)) = plans.get(t.sku.as_str()) else {
            continue;
        };
        for r in &t.rates {
            let Some(it) = r.usage_type.strip_prefix(&prefix) else {
                continue;
            };
            let region_ok = r.region_code.as_deref().is_none_or(|c| c == region.code());
            let usd = r.rate.currency.as_deref().is_none_or(|c| c == "USD");
            if r.operation != "RunInstances" || !region_ok || !usd {
                continue;
            }
            let Some(&name) = types.iter().find(|n| **n == it) else {
                continue;
            };
            let rate = price(&r.rate.price, &t.sku)?;
            by_plan
                .entry((plan, term, payment))
                .or_default()
                .entry(name.to_string())
                .or_insert(rate);
        }
    }
    summary.savings_plans = by_plan.values().map(BTreeMap::len).sum();
    Ok(by_plan
        .into_iter()
        .map(|((plan, term, payment), rates)| SavingsPlanTable {
            as_of: as_of.clone(),
            source: source.clone(),
            note: note.clone(),
            plan,
            term,
            payment,
            rates: rates.into(),
        })
        .collect())
}
