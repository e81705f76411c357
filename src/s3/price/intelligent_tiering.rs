//! "Frequent Access", "Infrequent Access (unread 30 days)", "Archive Instant Access (unread 90
//! days)" and "Monitoring and automation": Intelligent-Tiering's storage, split across its tiers
//! by the monthly read fraction (see [`MODEL`](crate::s3::MODEL)), and its per-object
//! monitoring; also its storage cost in the three phases of a retention period.

use super::{per_1000, Month, Pricer};
use crate::money::{qty, rate as fmt_rate};
use crate::pricing::tiered_amount;
use crate::report::LineItem;
use crate::s3::{monitored, tiering_split, ClassRates, StorageClass};
use rust_decimal::Decimal;

impl Pricer<'_> {
    /// Intelligent-Tiering's storage lines and phases; a missing rate is noted when monitored.
    pub(super) fn tiering(&mut self, m: &mut Month, rates: &ClassRates) {
        let class = StorageClass::IntelligentTiering;
        let s = self.spec;
        let (gb, n) = (s.storage_gb, s.objects);
        let tiers = &rates.storage_tiers;
        let it = &self.table.intelligent_tiering;
        let all_frequent = tiered_amount(tiers, gb);
        if !monitored(gb, n) {
            m.storage = self.tiered(
                class,
                tiers,
                "Frequent Access",
                gb,
                "objects under 128 KB are not monitored and stay in Frequent Access: ",
            );
            m.phases = Some([all_frequent; 3]);
            return;
        }
        let (Some(mon), Some(ia), Some(aia)) = (
            it.monitoring_per_1000_objects,
            it.infrequent_access_gb_month,
            it.archive_instant_access_gb_month,
        ) else {
            for (v, what) in [
                (
                    it.monitoring_per_1000_objects,
                    "Intelligent-Tiering monitoring",
                ),
                (it.infrequent_access_gb_month, "the Infrequent Access tier"),
                (
                    it.archive_instant_access_gb_month,
                    "the Archive Instant Access tier",
                ),
            ] {
                if v.is_none() {
                    m.missing.push(self.no_rate(class, what));
                }
            }
            return;
        };
        let f = s.read_fraction;
        let (fr, inf, arc) = tiering_split(f);
        let how_f = if s.read_fraction_given {
            format!("{} of the data read in a month", qty(f))
        } else {
            format!(
                "{} of the data read in a month (retrieval ÷ storage)",
                qty(f)
            )
        };
        let frequent_gb = gb * fr;
        m.storage = self.tiered(
            class,
            tiers,
            "Frequent Access",
            frequent_gb,
            &format!("{how_f}: {} GB × {} = ", qty(gb), qty(fr)),
        );
        let src = |row: &str| self.src(format!("INTELLIGENT_TIERING {row}"));
        let cold = Decimal::ONE - f;
        if !(gb * inf).is_zero() {
            m.storage.push(LineItem::priced(
                "Infrequent Access (unread 30 days)",
                gb * inf,
                "GB-month",
                ia,
                "USD per GB-month",
                format!(
                    "unread last month but read within 90 days: (1 − {f}) − (1 − {f})³ = {} − {} = {}; {} GB × {} = {} GB × {}",
                    qty(cold),
                    qty(arc),
                    qty(inf),
                    qty(gb),
                    qty(inf),
                    qty(gb * inf),
                    fmt_rate(ia),
                    f = qty(f)
                ),
                src("infrequent_access_gb_month"),
            ));
        }
        if !(gb * arc).is_zero() {
            m.storage.push(LineItem::priced(
                "Archive Instant Access (unread 90 days)",
                gb * arc,
                "GB-month",
                aia,
                "USD per GB-month",
                format!(
                    "unread for three months: (1 − {})³ = {}; {} GB × {} = {} GB × {}",
                    qty(f),
                    qty(arc),
                    qty(gb),
                    qty(arc),
                    qty(gb * arc),
                    fmt_rate(aia)
                ),
                src("archive_instant_access_gb_month"),
            ));
        }
        let monitoring = LineItem::priced(
            "Monitoring and automation",
            per_1000(n),
            "1,000 objects",
            mon,
            "USD per 1,000 objects",
            format!(
                "{} objects of 128 KB or more ÷ 1,000 × {} per 1,000",
                qty(n),
                fmt_rate(mon)
            ),
            src("monitoring_per_1000_objects"),
        );
        let mon_usd = monitoring.exact_usd;
        m.storage.push(monitoring);
        let freq = |g: Decimal| tiered_amount(tiers, g);
        let steady: Decimal = m.storage.iter().map(|l| l.exact_usd).sum();
        m.phases = Some([
            all_frequent + mon_usd,
            freq(frequent_gb) + gb * cold * ia + mon_usd,
            steady,
        ]);
    }
}
