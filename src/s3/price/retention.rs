//! The retention lines: "Storage, N days" (for Intelligent-Tiering "Storage, days a–b" by
//! phase), "Requests and retrieval, N days", and the early-deletion charge
//! (`early_deletion.rs`) when the days are short of the class's minimum: a class's month spread
//! over the days its data is kept, prorated over 30-day months.

use super::{Month, Pricer};
use crate::limits::s3 as lim;
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::report::LineItem;
use crate::s3::StorageClass;
use rust_decimal::Decimal;

impl Pricer<'_> {
    /// Lines for keeping a class's data `days` days, starting fresh in the class: storage (by
    /// Intelligent-Tiering phase), activity, and the early-deletion charge when `days` is short.
    pub(crate) fn keep(
        &self,
        m: &Month,
        days: u32,
        prefix: &str,
    ) -> (Vec<LineItem>, Decimal, Decimal, Decimal) {
        let code = m.class.code();
        let mut out = vec![];
        let months = |d: u32| Decimal::from(d) / Decimal::from(lim::DAYS_PER_MONTH);
        let month_line = |label: String, d: u32, rate: Decimal, what: &str, row: &str| {
            let q = months(d);
            let mut l = LineItem::priced(
                label,
                q,
                "months",
                rate,
                "USD per month",
                format!(
                    "{d} days ÷ 30 = {} months × {} a month of {what}",
                    qty(q.round_dp(6)),
                    fmt_rate(rate.round_dp(6))
                ),
                self.src(format!("{code} {row}")),
            );
            let exact = rate * Decimal::from(d) / Decimal::from(lim::DAYS_PER_MONTH);
            l.exact_usd = exact;
            l.amount_usd = Usd(exact);
            l
        };
        let mut storage = Decimal::ZERO;
        match m.phases {
            Some(p) if m.class == StorageClass::IntelligentTiering => {
                let spans = [
                    (0, lim::IT_INFREQUENT_AFTER_DAYS, "all in Frequent Access"),
                    (
                        lim::IT_INFREQUENT_AFTER_DAYS,
                        lim::IT_ARCHIVE_INSTANT_AFTER_DAYS,
                        "read share Frequent, the rest Infrequent Access",
                    ),
                    (
                        lim::IT_ARCHIVE_INSTANT_AFTER_DAYS,
                        u32::MAX,
                        "steady tier split",
                    ),
                ];
                for (i, (from, to, what)) in spans.into_iter().enumerate() {
                    let d = days.min(to).saturating_sub(from);
                    if d == 0 {
                        continue;
                    }
                    let l = month_line(
                        format!("{prefix}Storage, days {}–{} ({what})", from + 1, from + d),
                        d,
                        p[i],
                        "storage and monitoring",
                        "storage",
                    );
                    storage += l.exact_usd;
                    out.push(l);
                }
            }
            _ => {
                let l = month_line(
                    format!("{prefix}Storage, {days} days"),
                    days,
                    m.storage_usd(),
                    "storage",
                    "storage",
                );
                storage += l.exact_usd;
                out.push(l);
            }
        }
        let act = m.activity_usd();
        let mut activity = Decimal::ZERO;
        if !act.is_zero() {
            let l = month_line(
                format!("{prefix}Requests and retrieval, {days} days"),
                days,
                act,
                "requests and retrieval",
                "requests",
            );
            activity = l.exact_usd;
            out.push(l);
        }
        let mut early = Decimal::ZERO;
        if let Some(l) = self.early_deletion(m, days, prefix) {
            early = l.exact_usd;
            out.push(l);
        }
        (out, storage, activity, early)
    }
}
