//! "Day N: lifecycle transition to …": one lifecycle transition request per object moved into a
//! class by a lifecycle plan, per 1,000 requests at the destination class's rate.

use super::{per_1000, Pricer};
use crate::money::{qty, rate as fmt_rate};
use crate::report::LineItem;
use crate::s3::StorageClass;

impl Pricer<'_> {
    /// The transition of every object into `class` on `day`, or the sentence saying its rate has
    /// no public figure.
    pub(crate) fn transition(&self, class: StorageClass, day: u32) -> Result<LineItem, String> {
        let spec = self.spec;
        match self
            .table
            .class(class)
            .and_then(|r| r.lifecycle_transition_per_1000)
        {
            Some(r) => Ok(LineItem::priced(
                format!("Day {}: lifecycle transition to {}", day, class.name()),
                per_1000(spec.objects),
                "1,000 requests",
                r,
                "USD per 1,000 requests",
                format!(
                    "{} objects ÷ 1,000 × {} per 1,000 transition requests",
                    qty(spec.objects),
                    fmt_rate(r)
                ),
                self.src(format!("{} lifecycle_transition_per_1000", class.code())),
            )),
            None => Err(self.no_rate(class, "lifecycle transitions")),
        }
    }
}
