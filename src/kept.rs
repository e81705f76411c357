//! Answers kept between comparisons. A page that compares on every keystroke asks again, each
//! time, for sections that did not change: the other services, the other scenarios, and the
//! panel's own answer, which the scenario comparison needs too. A [`Shelf`] keeps a service's
//! last few answers by pricing table, region and workload section, and gives a copy of the one
//! asked for again instead of working it out anew; [`Kept`] has one shelf per service.
//!
//! An answer depends on nothing but the table, the region and the section (the engine reads no
//! clock and no state), so a kept answer is the answer.

use crate::error::FieldError;
use crate::scenarios::MAX_SCENARIOS;
use crate::service::Service;
use crate::{ebs::Ebs, ec2::Ec2, lambda::Lambda, s3::S3, Region};

/// How many answers a shelf keeps: one per scenario, and the one before the last change.
pub const KEEP: usize = MAX_SCENARIOS + 1;

/// A service's answer as [`Service::compare`] gives it.
type Answer<S> = Result<<S as Service>::Result, Vec<FieldError>>;

/// One service's kept answers, the most recently asked first.
pub struct Shelf<S: Service> {
    /// (the pricing table's address, region, section, answer).
    items: Vec<(usize, Region, S::Workload, Answer<S>)>,
    keep: usize,
}

impl<S: Service> Default for Shelf<S> {
    fn default() -> Self {
        Shelf {
            items: vec![],
            keep: KEEP,
        }
    }
}

impl<S: Service> Shelf<S>
where
    S::Workload: Clone + PartialEq,
    S::Result: Clone,
{
    /// A shelf that keeps nothing: every question is worked out (one-off comparisons).
    pub fn none() -> Self {
        Shelf {
            items: vec![],
            keep: 0,
        }
    }

    /// [`Service::compare`] of the section, from the shelf when it was asked before.
    pub fn compare(
        &mut self,
        pricing: &S::Pricing,
        region: Region,
        workload: &S::Workload,
    ) -> Answer<S> {
        if self.keep == 0 {
            return S::compare(pricing, region, workload);
        }
        let table = std::ptr::from_ref(pricing) as usize;
        let found = self
            .items
            .iter()
            .position(|(t, r, w, _)| *t == table && *r == region && w == workload);
        if let Some(n) = found {
            // The one asked for becomes the most recent.
            self.items[..=n].rotate_right(1);
            return self.items[0].3.clone();
        }
        let answer = S::compare(pricing, region, workload);
        self.items
            .insert(0, (table, region, workload.clone(), answer.clone()));
        self.items.truncate(self.keep);
        answer
    }

    /// How many answers the shelf holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A shelf for each service.
#[derive(Default)]
pub struct Kept {
    pub lambda: Shelf<Lambda>,
    pub ebs: Shelf<Ebs>,
    pub s3: Shelf<S3>,
    pub ec2: Shelf<Ec2>,
}

impl Kept {
    /// Shelves that keep nothing (a comparison asked once).
    pub fn none() -> Self {
        Kept {
            lambda: Shelf::none(),
            ebs: Shelf::none(),
            s3: Shelf::none(),
            ec2: Shelf::none(),
        }
    }
}

/// A service whose answers a [`Kept`] holds: its shelf there.
pub trait Shelved: Service<Workload: Clone + PartialEq, Result: Clone> + Sized {
    fn shelf(kept: &mut Kept) -> &mut Shelf<Self>;
}

impl Shelved for Lambda {
    fn shelf(kept: &mut Kept) -> &mut Shelf<Self> {
        &mut kept.lambda
    }
}

impl Shelved for Ebs {
    fn shelf(kept: &mut Kept) -> &mut Shelf<Self> {
        &mut kept.ebs
    }
}

impl Shelved for S3 {
    fn shelf(kept: &mut Kept) -> &mut Shelf<Self> {
        &mut kept.s3
    }
}

impl Shelved for Ec2 {
    fn shelf(kept: &mut Kept) -> &mut Shelf<Self> {
        &mut kept.ec2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::lambda::LambdaWorkload;

    fn workload(invocations: u64) -> LambdaWorkload {
        serde_json::from_value(serde_json::json!({
            "memory_mb": 512, "duration_ms": 1000, "invocations_per_month": invocations
        }))
        .unwrap()
    }

    #[test]
    fn a_kept_answer_is_the_answer_worked_out_anew() {
        let table = catalog::lambda().unwrap();
        let mut shelf = Shelf::<Lambda>::default();
        for n in [3_000_000, 1_000_000, 3_000_000, 3_000_000, 7] {
            let kept = shelf.compare(table, Region::UsEast1, &workload(n));
            let anew = Lambda::compare(table, Region::UsEast1, &workload(n));
            assert_eq!(kept, anew);
        }
        // Three different sections asked: three kept.
        assert_eq!(shelf.len(), 3);
        // Another region is another answer.
        let other = shelf.compare(table, Region::EuWest1, &workload(7));
        assert_eq!(other, Lambda::compare(table, Region::EuWest1, &workload(7)));
        assert_eq!(shelf.len(), 4);
    }

    #[test]
    fn a_shelf_keeps_at_most_its_number_the_oldest_leaving_first() {
        let table = catalog::lambda().unwrap();
        let mut shelf = Shelf::<Lambda>::default();
        for n in 1..=(KEEP as u64 + 3) {
            shelf
                .compare(table, Region::UsEast1, &workload(n * 1000))
                .unwrap();
        }
        assert_eq!(shelf.len(), KEEP);
        // The first three asked have left; the last is first.
        assert!(!shelf.items.iter().any(|(_, _, w, _)| *w == workload(1000)));
        assert_eq!(shelf.items[0].2, workload((KEEP as u64 + 3) * 1000));
        let mut none = Shelf::<Lambda>::none();
        none.compare(table, Region::UsEast1, &workload(5)).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn errors_are_kept_as_they_were_given() {
        let table = catalog::lambda().unwrap();
        let mut shelf = Shelf::<Lambda>::default();
        let mut w = workload(5);
        w.memory_mb = rust_decimal::Decimal::from(64);
        let first = shelf.compare(table, Region::UsEast1, &w);
        assert!(first.is_err());
        assert_eq!(first, shelf.compare(table, Region::UsEast1, &w));
    }
}
