//! The EC2 offer file: its product and term types, the filter of the products kept, and the
//! streaming serde seeds and visitors that read products first and skip the terms of every other
//! SKU without storing them.

use super::{price, ImportError};
use crate::ec2::HostCapacity;
use crate::pricing::Region;
use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// What a kept product is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) struct OfferTerm {
    #[serde(rename = "priceDimensions")]
    pub(super) price_dimensions: BTreeMap<String, Dimension>,
    #[serde(default, rename = "termAttributes")]
    pub(super) term_attributes: TermAttrs,
}

#[derive(Default, Deserialize)]
pub(super) struct TermAttrs {
    #[serde(rename = "LeaseContractLength")]
    pub(super) lease: Option<String>,
    #[serde(rename = "OfferingClass")]
    pub(super) class: Option<String>,
    #[serde(rename = "PurchaseOption")]
    pub(super) purchase: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct Dimension {
    pub(super) unit: String,
    #[serde(rename = "pricePerUnit")]
    price_per_unit: BTreeMap<String, String>,
}

/// Which products to keep.
pub(super) struct Filter<'a> {
    pub(super) region: Region,
    pub(super) types: Vec<&'a str>,
    pub(super) families: Vec<&'a str>,
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
pub(super) struct Offer {
    pub(super) version: String,
    pub(super) publication_date: String,
    pub(super) products: HashMap<String, Kind>,
    pub(super) on_demand: HashMap<String, Vec<OfferTerm>>,
    pub(super) reserved: HashMap<String, Vec<OfferTerm>>,
    pub(super) terms_before_products: bool,
}

pub(super) struct OfferSeed<'a>(pub(super) &'a Filter<'a>);

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

pub(super) fn usd(d: &Dimension) -> Option<&str> {
    d.price_per_unit.get("USD").map(String::as_str)
}

pub(super) fn hourly(t: &OfferTerm, what: &str) -> Result<Option<Decimal>, ImportError> {
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
