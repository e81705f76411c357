//! The [`Builder`] that turns the inputs' rows into EC2 tables: here the instance catalog and each
//! region's tables from the catalog (On-Demand, No Upfront Reserved, Spot, Dedicated Host); the
//! Reserved Instance and Savings Plans tables of the effective-rate inputs in [`commitments`], and
//! us-east-1's Dedicated Instance and Host Reservation tables in [`dedicated`].

mod commitments;
mod dedicated;

use super::rows::{field, num, Row};
use super::{sources, TidyInputs, TidySummary};
use crate::ec2::{
    Architecture, EffectivePrice, HostReservationTable, InstanceType, OfferingClass, Payment,
    RateTable, RegionTables, ReservedPrice, ReservedTable, SplitPrice, SpotRange, SpotTable, Term,
};
use crate::ec2_import::ImportError;
use crate::pricing::{Region, SortedMap};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn table(as_of: &str, source: String, note: &str) -> RateTable {
    RateTable {
        as_of: as_of.into(),
        source,
        note: Some(note.into()),
        rates: SortedMap::default(),
    }
}

/// Keeps a table only if it has rates.
pub(super) fn some<T: crate::ec2::Sourced>(t: T) -> Option<T> {
    (!t.rates().is_empty()).then_some(t)
}

/// An effective rate × term hours that lands within this of a whole dollar is an upfront fee.
fn whole_dollar(effective: Decimal, term: Term) -> Option<Decimal> {
    let exact = effective * Decimal::from(term.years() * 8760);
    let fee = exact.round();
    ((exact - fee).abs() <= Decimal::new(5, 2)).then_some(fee)
}

pub(super) struct Builder<'a> {
    pub(super) inputs: &'a TidyInputs,
    pub(super) summary: TidySummary,
}

impl Builder<'_> {
    pub(super) fn types(&self, catalog: &[Row]) -> Result<Vec<InstanceType>, ImportError> {
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
    pub(super) fn region(
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
}
