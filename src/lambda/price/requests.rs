//! Requests: per million, after the free tier's requests.

use super::{amount_line, dec, Lines, Prepared};
use crate::money::{qty, rate as fmt_rate};
use crate::report::LineItem;
use rust_decimal::Decimal;

/// Billable requests (invocations after the free tier's) and their amount numerator.
pub(super) fn charge(p: &Prepared, inv: u128) -> (u128, u128) {
    let billable_requests = inv.saturating_sub(p.free_requests);
    let requests = billable_requests * p.requests;
    (billable_requests, requests)
}

/// The "Requests" line.
pub(super) fn line(l: &Lines) -> LineItem {
    let Lines {
        spec,
        table,
        p,
        c,
        arch,
        ..
    } = *l;
    let inv = Decimal::from(spec.invocations);
    let free_req = dec(u128::from(spec.invocations) - c.billable_requests);
    let million = Decimal::from(1_000_000);
    let mut req_formula = format!("{} invocations", qty(inv));
    if spec.free_tier_applies() {
        req_formula += &format!(" − {} free", qty(free_req));
    }
    req_formula += &format!(
        " = {} billable requests; {} ÷ 1,000,000 × {} per 1M",
        qty(dec(c.billable_requests)),
        qty(dec(c.billable_requests)),
        fmt_rate(table.requests_per_million)
    );
    amount_line(
        LineItem::priced(
            "Requests",
            dec(c.billable_requests) / million,
            "million requests",
            table.requests_per_million,
            "USD per 1M requests",
            req_formula,
            l.src(format!("{arch} requests_per_million")),
        ),
        p.usd(c.requests),
    )
}
