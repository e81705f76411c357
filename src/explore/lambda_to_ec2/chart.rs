//! The invocation counts the chart plots.

use super::model::Model;

/// Log-spaced counts (1, 1.5, 2, 3, 5, 7 × 10ⁿ, whole) from `lo` to `hi`.
fn log_spaced(lo: u64, hi: u64) -> Vec<u64> {
    let mut out = vec![];
    let mut decade: u64 = 1;
    while decade <= hi {
        for m in [10, 15, 20, 30, 50, 70] {
            let n = decade.saturating_mul(m) / 10;
            if (lo..=hi).contains(&n) {
                out.push(n);
            }
        }
        match decade.checked_mul(10) {
            Some(d) => decade = d,
            None => break,
        }
    }
    out
}

/// The most instance-count steps whose every edge is charted.
const MAX_CHARTED_STEPS: u64 = 40;

/// The counts charted, ascending: log-spaced from a tenth of the lowest count of interest (the
/// crossover or the workload's own) to three times the highest, plus the workload's count, the
/// crossover, where EC2 starts to stay cheaper, and the instance-count edges near the crossover
/// (every edge when there are at most [`MAX_CHARTED_STEPS`] steps on the chart).
pub(super) fn counts(
    model: &Model<'_>,
    invocations: u64,
    first: Option<u64>,
    stays: Option<u64>,
    max: u64,
) -> Vec<u64> {
    let top_of_interest = first.map_or(max, |c| c.max(stays.unwrap_or(c)).saturating_mul(3));
    let top = top_of_interest
        .max(invocations)
        .min(max.max(invocations))
        .max(10);
    let low_of_interest = first.map_or(invocations, |c| c.min(invocations));
    let bottom = (low_of_interest / 10).max(1).min(top / 10).max(1);
    let mut counts = log_spaced(bottom, top);
    counts.extend([bottom, top, invocations]);
    if let Some(c) = first {
        counts.extend([c, c.saturating_sub(1)]);
        let k = model.instances(c);
        for j in k.saturating_sub(1).max(1)..=k + 1 {
            let (lo, hi) = (model.first_served(j), model.last_served(j));
            counts.extend([lo, lo.saturating_sub(1), hi, hi.saturating_add(1)]);
        }
    }
    if let Some(s) = stays {
        counts.extend([s, s.saturating_sub(1)]);
    }
    let (k_lo, k_hi) = (model.instances(bottom), model.instances(top));
    if k_hi.saturating_sub(k_lo) <= MAX_CHARTED_STEPS {
        for j in k_lo..=k_hi {
            let hi = model.last_served(j);
            counts.extend([hi, hi.saturating_add(1)]);
        }
    }
    counts.retain(|&n| (1..=top).contains(&n));
    counts.sort_unstable();
    counts.dedup();
    counts
}
