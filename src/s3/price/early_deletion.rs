//! "Early deletion (N-day minimum)": data deleted, overwritten or transitioned before the class's
//! minimum storage duration is charged for the rest of it at the class rate, prorated by day
//! over 30-day months. It covers what is billed at the class rate (with the 128 KB minimum and
//! the 32 KB archive index), not the 8 KB per archived object billed at the Standard rate.

use super::{Month, Pricer};
use crate::limits::s3 as lim;
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::report::LineItem;
use rust_decimal::Decimal;

impl Pricer<'_> {
    /// The charge for keeping a class's data only `days` days; `None` when that meets its minimum.
    pub(super) fn early_deletion(&self, m: &Month, days: u32, prefix: &str) -> Option<LineItem> {
        let code = m.class.code();
        let min = m.class.minimum_days();
        if days >= min {
            return None;
        }
        let short = min - days;
        let gb_months = m.class_gb * Decimal::from(short) / Decimal::from(lim::DAYS_PER_MONTH);
        let mut l = LineItem::priced(
            format!("{prefix}Early deletion ({min}-day minimum)"),
            gb_months,
            "GB-month",
            m.class_rate,
            "USD per GB-month",
            format!(
                "kept {days} of {min} days: {} GB × {short} days ÷ 30 = {} GB-months × {}",
                qty(m.class_gb),
                qty(gb_months.round_dp(6)),
                fmt_rate(m.class_rate)
            ),
            self.src(format!("{code} storage tier 1")),
        );
        let exact =
            m.class_gb * Decimal::from(short) * m.class_rate / Decimal::from(lim::DAYS_PER_MONTH);
        l.exact_usd = exact;
        l.amount_usd = Usd(exact);
        Some(l)
    }
}
