//! The Savings Plans rate file: smaller (tens of MB), read into typed structs directly.

use super::{date_of, payment_of, price, term_of, usage_prefix, ImportError, ImportSummary};
use crate::ec2::{Payment, PlanType, SavingsPlanTable, Term};
use crate::pricing::Region;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

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

pub(super) fn read_savings_plans(
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
