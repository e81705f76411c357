//! Provisioned Concurrency: the configured environments' GB-seconds while enabled.

use super::{amount_line, gb_s, LambdaSpec, Lines};
use crate::money::{qty, rate as fmt_rate};
use crate::report::LineItem;

/// The configured environments' MB-ms while enabled, and their amount numerator at `rate` (per
/// MB-ms).
pub(super) fn charge(spec: &LambdaSpec, mem: u128, rate: u128) -> (u128, u128) {
    let envs = u128::from(spec.provisioned_concurrency);
    let ms = u128::from(spec.provisioned_ms);
    let pc_mb_ms = envs * mem * ms;
    let pc = pc_mb_ms * rate;
    (pc_mb_ms, pc)
}

/// The "Provisioned Concurrency" line.
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
    let pc_rate = rates.provisioned_concurrency_gb_s.unwrap_or_default();
    let hours = l.provisioned_hours();
    amount_line(
        LineItem::priced(
            "Provisioned Concurrency",
            gb_s(c.pc_mb_ms),
            "GB-s",
            pc_rate,
            "USD per GB-s",
            format!(
                "{} environments × {mem} MB ÷ 1,024 × {} h × 3,600 s = {} GB-s × {}",
                spec.provisioned_concurrency,
                qty(hours),
                qty(gb_s(c.pc_mb_ms)),
                fmt_rate(pc_rate)
            ),
            l.src(format!("{arch} provisioned_concurrency_gb_s")),
        ),
        p.usd(c.pc),
    )
}
