//! Reserved Instance and Savings Plans tables from the effective-rate inputs: Standard All
//! Upfront fees for every region, and us-east-1's Partial Upfront and Compute Savings Plans rates
//! from pricesim.

use super::{some, Builder};
use crate::ec2::{
    EffectivePrice, OfferingClass, Payment, PlanType, RegionTables, ReservedPrice, ReservedTable,
    SavingsPlanTable, SplitPrice, Term,
};
use crate::ec2_import::ImportError;
use crate::ec2_tidy::rows::{field, num, region, term, Row};
use crate::ec2_tidy::sources;
use crate::pricing::{Region, SortedMap};

impl Builder<'_> {
    /// Standard All Upfront fees, derived from effective rates (one table per term).
    pub(crate) fn all_upfront(
        &self,
        want: Region,
        fees: &[Row],
    ) -> Result<Vec<ReservedTable>, ImportError> {
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
    pub(crate) fn pricesim(
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
}
