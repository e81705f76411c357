//! Compute: the on-demand duration's GB-seconds (invocations × billed duration × memory ÷ 1,024),
//! after the free tier's, charged by monthly volume tier.

use super::{amount_line, dec, gb_s, Lines, Prepared, MAX_TIERS};
use crate::money::{qty, rate as fmt_rate};
use crate::pricing::tier_band;
use crate::report::LineItem;

/// The on-demand MB-ms, the free part of them, `(MB-ms, amount)` per tier, and the amount
/// numerator over all tiers.
pub(super) fn charge(
    p: &Prepared,
    on_demand_invocations: u128,
    billed: u128,
    mem: u128,
) -> (u128, u128, [(u128, u128); MAX_TIERS], u128) {
    let on_demand_mb_ms = on_demand_invocations * billed * mem;
    let free_mb_ms = on_demand_mb_ms.min(p.free_mb_ms);
    let billable = on_demand_mb_ms - free_mb_ms;
    let mut tiers = [(0, 0); MAX_TIERS];
    let mut lower = 0u128;
    let mut duration = 0;
    for (slot, &(upper, r)) in tiers.iter_mut().zip(&p.tiers) {
        let upper = upper.unwrap_or(u128::MAX);
        let q = billable.min(upper).saturating_sub(lower);
        *slot = (q, q * r);
        duration += q * r;
        lower = upper;
        if billable <= upper {
            break;
        }
    }
    (on_demand_mb_ms, free_mb_ms, tiers, duration)
}

/// The "Compute" lines: one per volume tier the month reaches (`Compute (<band>)` when the
/// price has more than one tier).
pub(super) fn lines(l: &Lines, out: &mut Vec<LineItem>) {
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
    let total_gb_s = gb_s(c.on_demand_mb_ms);
    let free_gb_s = gb_s(c.free_mb_ms);
    let tier_count = rates.duration_tiers.len();
    for (i, (tier, &(q, amount))) in rates.duration_tiers.iter().zip(&c.tiers).enumerate() {
        if i > 0 && q == 0 {
            break;
        }
        let q = gb_s(q);
        let band = tier_band(&rates.duration_tiers, i, "GB-s");
        let mut formula = String::new();
        if i == 0 {
            formula = format!(
                "{} on-demand invocations × {billed} ms ÷ 1,000 × {mem} MB ÷ 1,024 = {} GB-s",
                qty(dec(c.on_demand_invocations)),
                qty(total_gb_s)
            );
            if spec.free_tier_applies() {
                formula += &format!(" − {} free GB-s", qty(free_gb_s));
            }
            formula += "; ";
        }
        formula += &format!("{} GB-s in {band} × {}", qty(q), fmt_rate(tier.rate));
        let label = if tier_count > 1 {
            format!("Compute ({band})")
        } else {
            "Compute".to_string()
        };
        out.push(amount_line(
            LineItem::priced(
                label,
                q,
                "GB-s",
                tier.rate,
                "USD per GB-s",
                formula,
                l.src(format!("{arch} duration tier {}", i + 1)),
            ),
            p.usd(amount),
        ));
    }
}
