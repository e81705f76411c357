//! "Minimum billable object size (128 KB)": Standard-IA, One Zone-IA and Glacier Instant
//! Retrieval bill every object as at least 128 KB, so objects under it are topped up at the
//! class rate.

use super::{Month, Pricer};
use crate::money::{qty, rate as fmt_rate};
use crate::report::LineItem;
use crate::s3::{gb_128kb, min_size_top_up_gb};

impl Pricer<'_> {
    /// The top-up line, after the class's storage lines; the class-rate GB includes it.
    pub(super) fn minimum_object_size(&self, m: &mut Month) {
        let s = self.spec;
        let (gb, n) = (s.storage_gb, s.objects);
        let class_rate = m.class_rate;
        let code = m.class.code();
        let top = min_size_top_up_gb(gb, n);
        if !top.is_zero() {
            m.storage.push(LineItem::priced(
                "Minimum billable object size (128 KB)",
                top,
                "GB-month",
                class_rate,
                "USD per GB-month",
                format!(
                    "{} objects × 128 KB ÷ 1,048,576 KB per GB = {} GB billed; − {} GB stored = {} GB × {}",
                    qty(n),
                    qty(n * gb_128kb()),
                    qty(gb),
                    qty(top),
                    fmt_rate(class_rate)
                ),
                self.src(format!("{code} storage tier 1")),
            ));
        }
        m.class_gb = gb + top;
    }
}
