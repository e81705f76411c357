//! What every pricing table is made of, whatever its service: regions, values by name, volume
//! tiers, the one-time checks a table passes when the crate is built ([`Table`], [`Check`]) and
//! the compact form it is compiled in ([`packed`]). Each service's own table types live in its
//! folder (`src/<service>/table.rs`); [`crate::catalog`] gathers them.
//!
//! Every table carries `source` (a public https URL) and `as_of` (YYYY-MM-DD). Rates are decimal
//! strings, never floats. Validation: rates are non-negative, tiers ascend and end open, each
//! region appears once. The build script (`build.rs`) reads the files with the [`Table`] readers
//! and validates them; an invalid table stops the build, naming the file and the path in it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub mod packed;

crate::closed_set! {
    /// The regions the bundled tables cover.
    pub enum Region {
        UsEast1 = "us-east-1", "US East (N. Virginia)";
        EuWest1 = "eu-west-1", "Europe (Ireland)";
        ApSouth1 = "ap-south-1", "Asia Pacific (Mumbai)";
    }
}

/// Values by name (instance type, family, size, Availability Zone): a JSON object, kept as a list
/// sorted by name. It reads, writes, orders and looks up like a `BTreeMap<String, V>`, with far
/// less code in the widget.
#[derive(Clone, PartialEq, Eq)]
pub struct SortedMap<V>(Vec<(String, V)>);

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<V> SortedMap<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Entries in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V> From<BTreeMap<String, V>> for SortedMap<V> {
    fn from(m: BTreeMap<String, V>) -> Self {
        SortedMap(m.into_iter().collect())
    }
}

impl<V> FromIterator<(String, V)> for SortedMap<V> {
    /// Later entries win over earlier ones with the same name, as in a `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        BTreeMap::from_iter(iter).into()
    }
}

impl<'a, V> IntoIterator for &'a SortedMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&(String, V)) -> (&String, &V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V> std::ops::Index<&str> for SortedMap<V> {
    type Output = V;

    /// The value of `key`; panics if there is none, as a `BTreeMap` does.
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no entry with this name")
    }
}

impl<V: fmt::Debug> fmt::Debug for SortedMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V: Serialize> Serialize for SortedMap<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for SortedMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BTreeMap::deserialize(d).map(SortedMap::from)
    }
}

/// One step of a volume-tiered price: units up to `up_to` (cumulative; `None` = no upper bound)
/// are charged `rate` each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub up_to: Option<Decimal>,
    pub rate: Decimal,
}

/// How much of a quantity falls in one tier, and what it costs there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierUse {
    pub index: usize,
    /// Units below this tier (its lower bound).
    pub from: Decimal,
    pub quantity: Decimal,
    pub rate: Decimal,
    pub amount: Decimal,
}

/// The label of tier `index` of `tiers`, in `unit` (left out when empty): `first 32,000`,
/// `32,000 – 64,000`, `over 64,000`. Bands meet at the bounds the table gives: a band holds what
/// is above its lower bound, up to and including its upper one, so the same label reads right
/// for whole units (IOPS) and continuous ones (GB-s, GB).
pub fn tier_band(tiers: &[Tier], index: usize, unit: &str) -> String {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let from = index
        .checked_sub(1)
        .and_then(|i| tiers.get(i))
        .and_then(|t| t.up_to)
        .unwrap_or(Decimal::ZERO);
    match tiers.get(index).and_then(|t| t.up_to) {
        Some(u) if index == 0 => format!("first {}{unit}", crate::money::qty(u)),
        Some(u) => format!(
            "{} – {}{unit}",
            crate::money::qty(from),
            crate::money::qty(u)
        ),
        None => format!("over {}{unit}", crate::money::qty(from)),
    }
}

/// Splits `quantity` across ascending tiers, starting `already` units in (usage billed earlier in
/// the month). Tiers with no use are skipped. Validated tiers end open, so nothing is left over.
pub fn split_tiers(
    tiers: &[Tier],
    already: Decimal,
    quantity: Decimal,
) -> impl Iterator<Item = TierUse> + '_ {
    let end = already + quantity.max(Decimal::ZERO);
    let mut lower = Decimal::ZERO;
    tiers.iter().enumerate().filter_map(move |(index, t)| {
        let upper = t.up_to.unwrap_or(Decimal::MAX);
        let from = lower;
        lower = upper;
        let start = already.max(from);
        let stop = end.min(upper);
        (stop > start).then(|| {
            let q = stop - start;
            TierUse {
                index,
                from,
                quantity: q,
                rate: t.rate,
                amount: q * t.rate,
            }
        })
    })
}

/// The cost of `quantity` units across tiers (the sum of [`split_tiers`]).
pub fn tiered_amount(tiers: &[Tier], quantity: Decimal) -> Decimal {
    split_tiers(tiers, Decimal::ZERO, quantity)
        .map(|u| u.amount)
        .sum()
}

/// A problem in a bundled pricing file, found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PricingError {
    pub file: &'static str,
    pub path: String,
    pub message: String,
}

impl fmt::Display for PricingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pricing table {} at {}: {}",
            self.file, self.path, self.message
        )
    }
}

impl std::error::Error for PricingError {}

/// Checks made once when a table loads.
pub struct Check {
    pub file: &'static str,
    pub errors: Vec<PricingError>,
}

impl Check {
    pub fn new(file: &'static str) -> Self {
        Check {
            file,
            errors: vec![],
        }
    }

    pub fn fail(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(PricingError {
            file: self.file,
            path: path.to_string(),
            message: message.into(),
        });
    }

    pub fn rate(&mut self, path: &str, d: Decimal) {
        if d.is_sign_negative() && !d.is_zero() {
            self.fail(path, format!("rate {d} is negative"));
        }
    }

    /// Every table says where its figures come from and when they were read.
    pub fn meta(&mut self, path: &str, as_of: &str, source: &str) {
        if !source.starts_with("https://") || source.len() < 12 {
            self.fail(path, "source must be a public https URL");
        }
        if !valid_date(as_of) {
            self.fail(path, format!("as_of {as_of:?} is not a YYYY-MM-DD date"));
        }
    }

    pub fn tiers(&mut self, path: &str, tiers: &[Tier]) {
        if tiers.is_empty() {
            self.fail(path, "needs at least one tier");
            return;
        }
        let mut last = Decimal::ZERO;
        for (i, t) in tiers.iter().enumerate() {
            self.rate(&format!("{path}[{i}].rate"), t.rate);
            if let Some(u) = t.up_to {
                if u <= last {
                    self.fail(path, format!("tier bounds must ascend; {u} follows {last}"));
                }
                last = u;
            }
            match (t.up_to, i + 1 == tiers.len()) {
                (None, false) => self.fail(path, "only the last tier may be open-ended"),
                (Some(_), true) => self.fail(path, "the last tier must be open-ended (up_to null)"),
                _ => {}
            }
        }
    }

    pub fn regions<'a>(&mut self, path: &str, regions: impl Iterator<Item = &'a Region>) {
        let mut seen: Vec<Region> = vec![];
        for r in regions {
            if seen.contains(r) {
                self.fail(path, format!("region {r} appears twice"));
            }
            seen.push(*r);
        }
        for r in Region::ALL {
            if !seen.contains(&r) {
                self.fail(path, format!("region {r} is missing"));
            }
        }
    }

    pub fn finish(self) -> Result<(), Vec<PricingError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(y), Some(m), Some(d)) if (2006..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    )
}

/// A bundled pricing file: parsed into its typed form, then validated once.
pub trait Table: serde::de::DeserializeOwned {
    /// Its path in the repository, e.g. `pricing/lambda.json`.
    const FILE: &'static str;

    /// Reports every problem of the parsed table.
    fn check(&self, c: &mut Check);

    /// Every problem of the table, if it has any.
    fn validate(&self) -> Result<(), Vec<PricingError>> {
        let mut c = Check::new(Self::FILE);
        self.check(&mut c);
        c.finish()
    }

    /// Parses and validates the file's text.
    fn load(text: &str) -> Result<Self, Vec<PricingError>> {
        let table: Self = parse(Self::FILE, text).map_err(|e| vec![e])?;
        table.validate()?;
        Ok(table)
    }
}

/// Parses one bundled file into its typed table. serde's messages name the offending field
/// (`unknown field `requests_per_millon``) and its line.
pub fn parse<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, PricingError> {
    serde_json::from_str(text).map_err(|e| PricingError {
        file,
        path: format!("line {} column {}", e.line(), e.column()),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    fn lambda_x86_tiers() -> Vec<Tier> {
        vec![
            Tier {
                up_to: Some(d("6000000000")),
                rate: d("0.0000166667"),
            },
            Tier {
                up_to: Some(d("15000000000")),
                rate: d("0.0000150000"),
            },
            Tier {
                up_to: None,
                rate: d("0.0000133334"),
            },
        ]
    }

    #[test]
    fn splits_across_tiers() {
        let t = lambda_x86_tiers();
        let uses: Vec<_> = split_tiers(&t, Decimal::ZERO, d("16000000000")).collect();
        assert_eq!(uses.len(), 3);
        assert_eq!(uses[0].quantity, d("6000000000"));
        assert_eq!(uses[1].quantity, d("9000000000"));
        assert_eq!(uses[2].quantity, d("1000000000"));
        assert_eq!(
            tiered_amount(&t, d("16000000000")),
            d("6000000000") * d("0.0000166667")
                + d("9000000000") * d("0.000015")
                + d("1000000000") * d("0.0000133334")
        );
    }

    #[test]
    fn bands_meet_at_the_bounds_the_table_gives() {
        let t = lambda_x86_tiers();
        let labels: Vec<String> = (0..3).map(|i| tier_band(&t, i, "GB-s")).collect();
        assert_eq!(
            labels,
            [
                "first 6,000,000,000 GB-s",
                "6,000,000,000 – 15,000,000,000 GB-s",
                "over 15,000,000,000 GB-s"
            ]
        );
        // io2's IOPS tiers: the band after 32,000 starts at 32,000, as the one after it starts
        // at 64,000.
        let io2 = [
            Tier {
                up_to: Some(d("32000")),
                rate: d("0.065"),
            },
            Tier {
                up_to: Some(d("64000")),
                rate: d("0.0455"),
            },
            Tier {
                up_to: None,
                rate: d("0.03185"),
            },
        ];
        assert_eq!(tier_band(&io2, 1, ""), "32,000 – 64,000");
        assert_eq!(tier_band(&io2, 2, ""), "over 64,000");
    }

    #[test]
    fn split_starts_after_earlier_usage() {
        let t = lambda_x86_tiers();
        let uses: Vec<_> = split_tiers(&t, d("5000000000"), d("2000000000")).collect();
        assert_eq!(uses.len(), 2);
        assert_eq!(uses[0].quantity, d("1000000000"));
        assert_eq!(uses[1].quantity, d("1000000000"));
        assert_eq!(uses[1].index, 1);
    }

    #[test]
    fn zero_and_negative_quantities_cost_nothing() {
        let t = lambda_x86_tiers();
        assert_eq!(tiered_amount(&t, Decimal::ZERO), Decimal::ZERO);
        assert_eq!(tiered_amount(&t, d("-5")), Decimal::ZERO);
    }

    #[test]
    fn tier_checks_catch_bad_tables() {
        let mut c = Check::new("t.json");
        c.tiers(
            "x",
            &[
                Tier {
                    up_to: Some(d("10")),
                    rate: d("1"),
                },
                Tier {
                    up_to: Some(d("5")),
                    rate: d("-1"),
                },
            ],
        );
        let errs = c.finish().unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
    }

    #[test]
    fn meta_checks_source_and_date() {
        let mut c = Check::new("t.json");
        c.meta("m", "2026-13-01", "http://example");
        assert_eq!(c.finish().unwrap_err().len(), 2);
        assert!(valid_date("2026-11-01"));
        assert!(!valid_date("2026-1-01"));
    }

    #[test]
    fn sorted_map_reads_writes_and_looks_up_as_a_btreemap() {
        let text = r#"{"m5.large":"0.096","c5.large":null,"t3.large":"0.0832","c5.large":"0.085"}"#;
        let mut m: SortedMap<Option<Decimal>> = serde_json::from_str(text).unwrap();
        let mut b: BTreeMap<String, Option<Decimal>> = serde_json::from_str(text).unwrap();
        let same = |m: &SortedMap<Option<Decimal>>, b: &BTreeMap<String, Option<Decimal>>| {
            assert_eq!(
                serde_json::to_string(m).unwrap(),
                serde_json::to_string(b).unwrap()
            );
            assert!(m.iter().eq(b.iter()));
            assert_eq!(m.len(), b.len());
            for k in ["c5.large", "m5.large", "t3.large", "x", ""] {
                assert_eq!(m.get(k), b.get(k));
                assert_eq!(m.contains_key(k), b.contains_key(k));
            }
        };
        same(&m, &b);
        assert_eq!(
            m.insert("a1.large".into(), None),
            b.insert("a1.large".into(), None)
        );
        assert_eq!(
            m.insert("m5.large".into(), Some(d("0.1"))),
            b.insert("m5.large".into(), Some(d("0.1")))
        );
        assert_eq!(m.remove("t3.large"), b.remove("t3.large"));
        assert_eq!(m.remove("t3.large"), b.remove("t3.large"));
        same(&m, &b);
        assert_eq!(SortedMap::from(b.clone()), m);
        assert_eq!(b.into_iter().collect::<SortedMap<_>>(), m);
    }
}
