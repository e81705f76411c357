//! us-east-1's Dedicated Instance and Dedicated Host Reservation tables from Infracost's goldens.

use super::{some, table, Builder};
use crate::ec2::{HostReservationTable, Payment, RegionTables, ReservedPrice, SplitPrice, Term};
use crate::ec2_import::ImportError;
use crate::ec2_tidy::rows::{field, num, term, Row};
use crate::ec2_tidy::sources;
use crate::pricing::SortedMap;
use rust_decimal::Decimal;

impl Builder<'_> {
    /// us-east-1: Dedicated Instance and Dedicated Host Reservation rates from Infracost's goldens.
    pub(crate) fn infracost(&self, t: &mut RegionTables, rows: &[Row]) -> Result<(), ImportError> {
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
