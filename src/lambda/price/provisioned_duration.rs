//! Provisioned duration: the invocations Provisioned Concurrency serves (up to its capacity,
//! concurrency × enabled time ÷ duration), at the provisioned duration rate.

use super::{amount_line, dec, div, gb_s, LambdaSpec, Lines};
use crate::money::{qty, rate as fmt_rate};
use crate::report::LineItem;

/// The invocations the environments serve, their MB-ms, and the amount numerator at `rate` (per
/// MB-ms).
pub(super) fn charge(
    spec: &LambdaSpec,
    inv: u128,
    billed: u128,
    mem: u128,
    rate: u128,
) -> (u128, u128, u128) {
    let envs = u128::from(spec.provisioned_concurrency);
    let ms = u128::from(spec.provisioned_ms);
    let capacity = div(envs * ms, billed);
    let provisioned_invocations = inv.min(capacity);
    let pc_duration_mb_ms = provisioned_invocations * billed * mem;
    let pc_duration = pc_duration_mb_ms * rate;
    (provisioned_invocations, pc_duration_mb_ms, pc_duration)
}

/// The "Provisioned duration" line.
pub(super) fn line(l: &Lines) -> LineItem {
    let Lines {
        spec,
        rates,
        p,
        c,
        arch,
        ..
    } = *l;
    let mem = spec.memory_mb;
    let billed = c.billed_ms;
    let pcd_rate = rates.provisioned_duration_gb_s.unwrap_or_default();
    let hours = l.provisioned_hours();
    amount_line(
        LineItem::priced(
            "Provisioned duration",
            gb_s(c.pc_duration_mb_ms),
            "GB-s",
            pcd_rate,
            "USD per GB-s",
            format!(
                "{} invocations fit the capacity of {} environments × {} h ÷ {billed} ms; {} × {billed} ms ÷ 1,000 × {mem} MB ÷ 1,024 = {} GB-s × {}",
                qty(dec(c.provisioned_invocations)),
                spec.provisioned_concurrency,
                qty(hours),
                qty(dec(c.provisioned_invocations)),
                qty(gb_s(c.pc_duration_mb_ms)),
                fmt_rate(pcd_rate)
            ),
            l.src(format!("{arch} provisioned_duration_gb_s")),
        ),
        p.usd(c.pc_duration),
    )
}
