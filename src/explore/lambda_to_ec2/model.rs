//! The function's month and the fleet's month at any invocation count, and the exact search for
//! where they cross.

use super::{Cheaper, CostPoint};
use crate::lambda::{Fraction, Pricer};
use crate::money::{Usd, HOURS_PER_MONTH};
use rust_decimal::prelude::*;
use std::cmp::Ordering;

/// Microseconds in AWS's average month (730 hours).
pub(super) const US_PER_MONTH: u128 = HOURS_PER_MONTH as u128 * 3_600 * 1_000_000;

/// One stretch of Lambda's month between two slope changes: from `start`, `at_start` plus
/// `slope` per invocation (numerators).
#[derive(Clone, Copy, Debug)]
struct Segment {
    start: u64,
    at_start: u128,
    slope: u128,
}

/// The function's month and the fleet's month at any invocation count.
pub(super) struct Model<'a> {
    pub(super) lambda: Pricer<'a>,
    pub(super) fraction: Fraction,
    /// Measured duration, µs.
    pub(super) duration_us: u128,
    pub(super) vcpu: u128,
    headroom: u128,
    instance_monthly: Decimal,
    extra: Decimal,
    /// Lambda's month, segment by segment, ascending from 0.
    segments: Vec<Segment>,
}

impl<'a> Model<'a> {
    /// The model of `lambda`'s month against instances of `vcpu` vCPU at `instance_monthly` each,
    /// plus `extra`, with `headroom` percent over the average concurrency.
    pub(super) fn new(
        lambda: Pricer<'a>,
        vcpu: u32,
        headroom: u64,
        instance_monthly: Decimal,
        extra: Decimal,
    ) -> Model<'a> {
        // Each segment's start and slope from the engine's own month at its first two counts
        // (exactly linear between slope changes: see the tests).
        let segments = lambda
            .slope_changes()
            .into_iter()
            .map(|start| {
                let at_start = lambda.total_at(start);
                let slope = lambda
                    .total_at(start.saturating_add(1))
                    .saturating_sub(at_start);
                Segment {
                    start,
                    at_start,
                    slope,
                }
            })
            .collect();
        Model {
            fraction: lambda.fraction(),
            duration_us: u128::from(lambda.spec.duration_us),
            vcpu: u128::from(vcpu.max(1)),
            headroom: u128::from(headroom),
            instance_monthly,
            extra,
            segments,
            lambda,
        }
    }

    /// `⌈N × d × (100 + headroom) ÷ (month × vCPU × 100)⌉`, at least 1.
    pub(super) fn instances(&self, n: u64) -> u64 {
        let num = u128::from(n) * self.duration_us * (100 + self.headroom);
        let den = US_PER_MONTH * self.vcpu * 100;
        u64::try_from(num.div_ceil(den)).unwrap_or(u64::MAX).max(1)
    }

    /// The largest count that `k` instances serve.
    pub(super) fn last_served(&self, k: u64) -> u64 {
        let num = u128::from(k) * US_PER_MONTH * self.vcpu * 100;
        let den = self.duration_us * (100 + self.headroom);
        u64::try_from(num / den.max(1)).unwrap_or(u64::MAX)
    }

    /// The first count `k` instances serve.
    pub(super) fn first_served(&self, k: u64) -> u64 {
        if k <= 1 {
            0
        } else {
            self.last_served(k - 1).saturating_add(1)
        }
    }

    /// Average concurrency at `n`, two decimals.
    pub(super) fn concurrency(&self, n: u64) -> Decimal {
        let per_s = Decimal::from(n) / Decimal::from(US_PER_MONTH / 1_000_000);
        let mut c = (per_s * Decimal::from_u128(self.duration_us).unwrap_or(Decimal::MAX)
            / Decimal::from(1_000_000))
        .round_dp(2);
        c.rescale(2);
        c
    }

    pub(super) fn ec2_usd(&self, k: u64) -> Decimal {
        Decimal::from(k)
            .checked_mul(self.instance_monthly)
            .and_then(|m| m.checked_add(self.extra))
            .unwrap_or(Decimal::MAX)
    }

    /// The segment holding `n`.
    fn segment(&self, n: u64) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.start <= n);
        self.segments.get(i.checked_sub(1)?)
    }

    /// Lambda's month at `n` from its segment: `L(start) + (n − start) × slope`.
    pub(super) fn lambda_at(&self, n: u64) -> u128 {
        match self.segment(n) {
            Some(s) => s
                .at_start
                .saturating_add(u128::from(n - s.start).saturating_mul(s.slope)),
            None => self.lambda.total_at(n),
        }
    }

    /// The smallest `n` in `[lo, hi]` at which Lambda's numerator reaches `t`, solved on the
    /// Lambda segment where it happens.
    pub(super) fn first_reaching(&self, lo: u64, hi: u64, t: u128) -> Option<u64> {
        if lo > hi || self.lambda_at(hi) < t {
            return None;
        }
        let mut a = lo;
        loop {
            let end = self
                .segments
                .iter()
                .find(|s| s.start > a)
                .map_or(hi, |s| (s.start - 1).min(hi));
            let la = self.lambda_at(a);
            if la >= t {
                return Some(a);
            }
            if self.lambda_at(end) >= t {
                // Linear on [a, end]: L(n) = L(a) + (n − a) × slope, and L(end) ≥ t > L(a), so
                // the slope is above zero.
                let slope = self.segment(a).map_or(1, |s| s.slope.max(1));
                let steps = u64::try_from((t - la).div_ceil(slope)).unwrap_or(u64::MAX);
                return Some(a.saturating_add(steps).min(end));
            }
            if end >= hi {
                return None;
            }
            a = end + 1;
        }
    }

    pub(super) fn point(&self, n: u64) -> CostPoint {
        let k = self.instances(n);
        let ec2 = self.ec2_usd(k);
        // The engine's own month (the search reads it segment by segment).
        let lambda = self.lambda.total_at(n);
        let cheaper = match self.fraction.cmp_usd(lambda, ec2) {
            Ordering::Greater => Cheaper::Ec2,
            Ordering::Less => Cheaper::Lambda,
            Ordering::Equal => Cheaper::Same,
        };
        CostPoint {
            invocations_per_month: n,
            concurrency: self.concurrency(n),
            instances: k,
            lambda_monthly_usd: Usd(self.fraction.usd(lambda)),
            ec2_monthly_usd: Usd(ec2),
            cheaper,
        }
    }

    /// The first count at which EC2 costs less, and the count from which it stays cheaper, up to
    /// `max`.
    pub(super) fn search(&self, max: u64) -> (Option<u64>, Option<u64>) {
        let mut first = None;
        // The last count at which Lambda costs no more than EC2.
        let mut last_not: Option<u64> = None;
        for k in 1..=self.instances(max) {
            let (lo, hi) = (self.first_served(k), self.last_served(k).min(max));
            if lo > hi {
                continue;
            }
            let t = self.fraction.above_usd(self.ec2_usd(k));
            match self.first_reaching(lo, hi, t) {
                Some(n) => {
                    first.get_or_insert(n);
                    if n > lo {
                        last_not = Some(n - 1);
                    }
                }
                None => last_not = Some(hi),
            }
        }
        let stays = match last_not {
            None => first.map(|_| 0),
            Some(l) if l >= max => None,
            Some(l) => Some(l + 1),
        };
        (first, stays)
    }
}
