//! Ephemeral storage: GB-seconds of the /tmp configured above the free 512 MB.

use super::{amount_line, gb_s, LambdaSpec, Lines, Prepared};
use crate::limits::lambda as lim;
use crate::money::{qty, rate as fmt_rate};
use crate::report::LineItem;
use rust_decimal::Decimal;

/// MB-ms of /tmp above the free 512 MB over every invocation's billed duration, and their amount
/// numerator.
pub(super) fn charge(spec: &LambdaSpec, p: &Prepared, inv: u128, billed: u128) -> (u128, u128) {
    let ephemeral_mb_ms = inv * billed * u128::from(spec.ephemeral_mb - lim::EPHEMERAL_MIN_MB);
    let ephemeral = ephemeral_mb_ms * p.ephemeral;
    (ephemeral_mb_ms, ephemeral)
}

/// The "Ephemeral storage" line.
pub(super) fn line(l: &Lines) -> LineItem {
    let Lines {
        spec, table, p, c, ..
    } = *l;
    let billed = c.billed_ms;
    let inv = Decimal::from(spec.invocations);
    amount_line(
        LineItem::priced(
            "Ephemeral storage",
            gb_s(c.ephemeral_mb_ms),
            "GB-s",
            table.ephemeral_storage_gb_s,
            "USD per GB-s",
            format!(
                "({} MB − 512 MB free) ÷ 1,024 × {} invocations × {billed} ms ÷ 1,000 = {} GB-s × {}",
                spec.ephemeral_mb,
                qty(inv),
                qty(gb_s(c.ephemeral_mb_ms)),
                fmt_rate(table.ephemeral_storage_gb_s)
            ),
            l.src("ephemeral_storage_gb_s".into()),
        ),
        p.usd(c.ephemeral),
    )
}
