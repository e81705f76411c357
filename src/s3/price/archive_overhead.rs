//! "Archive index (32 KB per object, class rate)" and "Archive metadata (8 KB per object,
//! Standard rate)": the 40 KB per object that Glacier Flexible Retrieval and Deep Archive add.

use super::{Month, Pricer};
use crate::money::{qty, rate as fmt_rate};
use crate::pricing::Tier;
use crate::report::LineItem;
use crate::s3::{gb_32kb, gb_8kb, StorageClass};

impl Pricer<'_> {
    /// The index and metadata lines, after the class's storage lines; `standard` is the Standard
    /// class's storage tiers. The class-rate GB includes the index.
    pub(super) fn archive_overhead(&self, m: &mut Month, standard: &[Tier]) {
        let s = self.spec;
        let (gb, n) = (s.storage_gb, s.objects);
        let class_rate = m.class_rate;
        let code = m.class.code();
        let idx = n * gb_32kb();
        m.storage.push(LineItem::priced(
            "Archive index (32 KB per object, class rate)",
            idx,
            "GB-month",
            class_rate,
            "USD per GB-month",
            format!(
                "{} objects × 32 KB ÷ 1,048,576 KB per GB = {} GB × {}",
                qty(n),
                qty(idx),
                fmt_rate(class_rate)
            ),
            self.src(format!("{code} storage tier 1")),
        ));
        let meta = n * gb_8kb();
        let how = format!("{} objects × 8 KB ÷ 1,048,576 KB per GB: ", qty(n));
        let mut lines = self.tiered(
            StorageClass::Standard,
            standard,
            "Archive metadata (8 KB per object, Standard rate)",
            meta,
            &how,
        );
        m.storage.append(&mut lines);
        m.class_gb = gb + idx;
    }
}
