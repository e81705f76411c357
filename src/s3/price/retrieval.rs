//! "Data retrieval" and "Retrieval requests": per GB retrieved, and for the archive classes per
//! 1,000 restore requests (one per object retrieved) at the chosen retrieval tier.

use super::{Month, Pricer};
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::report::{LineItem, Warning};
use crate::s3::{ClassRates, RetrievalTier};
use rust_decimal::Decimal;

impl Pricer<'_> {
    /// The month's retrieval lines at the chosen tier, and the rates the retrieval curve uses.
    pub(super) fn retrieval(&mut self, m: &mut Month, rates: &ClassRates) {
        let class = m.class;
        let s = self.spec;
        if rates.retrieval.is_empty() {
            return;
        }
        let mut tier = s.retrieval_tier;
        let find = |t: Option<RetrievalTier>| rates.retrieval.iter().find(|x| x.tier == t);
        let entry = if class.is_archive() {
            match find(Some(tier)) {
                Some(e) => e,
                None => {
                    if !s.retrieval_gb.is_zero() {
                        self.warnings.push(Warning::new(
                            "retrieval_tier_not_offered",
                            format!(
                                "{} has no {} retrieval; it is priced at standard retrieval.",
                                class.name(),
                                tier.code()
                            ),
                        ));
                    }
                    tier = RetrievalTier::Standard;
                    match find(Some(tier)) {
                        Some(e) => e,
                        None => return,
                    }
                }
            }
        } else {
            match find(None) {
                Some(e) => e,
                None => return,
            }
        };
        let label_tier = if class.is_archive() {
            format!(" ({})", tier.code())
        } else {
            String::new()
        };
        let row = |what: &str| {
            if class.is_archive() {
                format!("{} retrieval {} {what}", class.code(), tier.code())
            } else {
                format!("{} retrieval {what}", class.code())
            }
        };
        let mut complete = true;
        match entry.per_gb {
            Some(r) => {
                m.retrieval_rates.0 = r;
                if !s.retrieval_gb.is_zero() {
                    m.retrieval.push(LineItem::priced(
                        format!("Data retrieval{label_tier}"),
                        s.retrieval_gb,
                        "GB",
                        r,
                        "USD per GB",
                        format!(
                            "{} GB retrieved × {} per GB",
                            qty(s.retrieval_gb),
                            fmt_rate(r)
                        ),
                        self.src(row("per_gb")),
                    ));
                }
            }
            None => complete = false,
        }
        match entry.requests_per_1000 {
            Some(r) => {
                m.retrieval_rates.1 = r;
                if !s.retrieval_gb.is_zero() && !r.is_zero() {
                    let k = s.storage_gb * Decimal::ONE_THOUSAND;
                    let thousands = s.retrieval_gb * s.objects / k;
                    let mut l = LineItem::priced(
                        format!("Retrieval requests{label_tier}"),
                        thousands,
                        "1,000 requests",
                        r,
                        "USD per 1,000 requests",
                        format!(
                            "one restore per object: {} GB ÷ ({} GB ÷ {} objects) = {} requests ÷ 1,000 × {} per 1,000",
                            qty(s.retrieval_gb),
                            qty(s.storage_gb),
                            qty(s.objects),
                            qty((thousands * Decimal::ONE_THOUSAND).round_dp(3)),
                            fmt_rate(r)
                        ),
                        self.src(row("requests_per_1000")),
                    );
                    // One division of exact terms.
                    let exact = s.retrieval_gb * s.objects * r / k;
                    l.exact_usd = exact;
                    l.amount_usd = Usd(exact);
                    m.retrieval.push(l);
                }
            }
            None => complete = false,
        }
        if !complete && !s.retrieval_gb.is_zero() {
            m.missing
                .push(self.no_rate(class, &format!("{} retrieval", tier.code())));
        }
    }
}
