//! "Storage": GB-months across a class's storage tiers (Standard and Intelligent-Tiering's
//! Frequent Access are volume-tiered, the other classes have one rate). The same tier lines
//! price Intelligent-Tiering's Frequent Access and the archive classes' 8 KB of metadata at the
//! Standard rate.

use super::Pricer;
use crate::money::{qty, rate as fmt_rate};
use crate::pricing::{split_tiers, tier_band, Tier};
use crate::report::LineItem;
use crate::s3::StorageClass;
use rust_decimal::Decimal;

/// ` (first 51,200 GB)`; nothing for a class with one tier.
fn band(tiers: &[Tier], index: usize) -> String {
    if tiers.len() == 1 {
        return String::new();
    }
    format!(" ({})", tier_band(tiers, index, "GB"))
}

impl Pricer<'_> {
    /// Lines for `gb` GB-months across a class's storage tiers.
    pub(super) fn tiered(
        &self,
        class: StorageClass,
        tiers: &[Tier],
        label: &str,
        gb: Decimal,
        how: &str,
    ) -> Vec<LineItem> {
        if gb.is_zero() {
            return vec![];
        }
        split_tiers(tiers, Decimal::ZERO, gb)
            .map(|u| {
                let b = band(tiers, u.index);
                LineItem::priced(
                    format!("{label}{b}"),
                    u.quantity,
                    "GB-month",
                    u.rate,
                    "USD per GB-month",
                    format!(
                        "{how}{} GB × {} per GB-month",
                        qty(u.quantity),
                        fmt_rate(u.rate)
                    ),
                    self.src(format!("{} storage tier {}", class.code(), u.index + 1)),
                )
            })
            .collect()
    }
}
