//! The compact form the bundled tables are compiled in: what `build.rs` writes and
//! `catalog::catalog()` reads back.
//!
//! `build.rs` loads `pricing/*.json` with the typed readers and validates every table
//! (`catalog::Catalog::load`); it then writes the validated catalog with [`Packed::write`] as a
//! flat list of text tokens, one value each, in field order: decimals as written (`0.20` stays
//! `0.20`), closed sets as their position (`closed_set!`), options and lists with a marker or a
//! count in front. Each table type lists its fields once, beside its definition
//! ([`packed_struct!`](crate::packed_struct)), for writing and reading alike, so the two cannot
//! drift apart.
//!
//! Reading needs no JSON parser and no field names, which keeps them out of the widget.
//!
//! Names (the keys of every [`SortedMap`]: instance types, families, sizes) are written once, in
//! a sorted dictionary at the start ([`Writer::with_dictionary`]); each map then writes its keys
//! as steps between dictionary positions, mostly `1`, which compresses to almost nothing.

use super::{SortedMap, Tier};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Ends every token. A table string that contains it stops the build.
pub const END: char = '\u{1f}';

/// A value of a bundled table, written to and read from the token list.
pub trait Packed: Sized {
    fn write(&self, w: &mut Writer);
    fn read(r: &mut Reader<'_>) -> Self;
}

/// Collects the tokens (in the build script).
#[derive(Default)]
pub struct Writer {
    pub out: String,
    /// Strings that cannot be written because they contain [`END`].
    pub errors: Vec<String>,
    /// The sorted names map keys are written against (empty: keys are written out).
    dictionary: Vec<String>,
    /// A dry run that only collects the map keys.
    collecting: Option<Vec<String>>,
    recent: Recent,
}

impl Writer {
    /// Writes the dictionary of `value`'s map keys, then `value` against it.
    pub fn with_dictionary<T: Packed>(value: &T) -> Writer {
        let mut dry = Writer {
            collecting: Some(vec![]),
            ..Writer::default()
        };
        value.write(&mut dry);
        let mut keys = dry.collecting.unwrap_or_default();
        keys.sort_unstable();
        keys.dedup();
        let mut w = Writer::default();
        keys.write(&mut w);
        w.dictionary = keys;
        value.write(&mut w);
        w
    }

    /// A map key: its step from the previous key's dictionary position, or itself.
    fn key(&mut self, key: &str, previous: &mut usize) {
        if let Some(keys) = &mut self.collecting {
            keys.push(key.to_string());
        }
        match self.dictionary.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(i) => {
                self.token(&(i - *previous).to_string());
                *previous = i;
            }
            Err(_) => self.token(key),
        }
    }

    /// Writes one token as it is (a marker such as `*`, never a value).
    pub fn token(&mut self, t: &str) {
        if t.contains(END) {
            self.errors
                .push(format!("{t:?} contains the control character U+001F"));
        }
        self.out.push_str(t);
        self.out.push(END);
    }
}

/// Reads the tokens back. Tokens that do not read as the type expected (only possible if the
/// data is not what the build wrote) make [`Reader::finish`] fail rather than give a price.
pub struct Reader<'a> {
    rest: &'a str,
    ok: bool,
    dictionary: Vec<String>,
    recent: Recent,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            rest: text,
            ok: true,
            dictionary: vec![],
            recent: Recent::default(),
        }
    }

    /// A reader of what [`Writer::with_dictionary`] wrote.
    pub fn with_dictionary(text: &'a str) -> Self {
        let mut r = Reader::new(text);
        r.dictionary = Vec::<String>::read(&mut r);
        r
    }

    fn key(&mut self, previous: &mut usize) -> String {
        let t = self.token();
        if self.dictionary.is_empty() {
            return t.to_owned();
        }
        let i = t
            .parse::<usize>()
            .ok()
            .and_then(|d| previous.checked_add(d));
        match i.and_then(|i| self.dictionary.get(i).map(|k| (i, k))) {
            Some((i, k)) => {
                *previous = i;
                k.clone()
            }
            None => {
                self.ok = false;
                String::new()
            }
        }
    }

    fn token(&mut self) -> &'a str {
        match self.rest.split_once(END) {
            Some((t, rest)) => {
                self.rest = rest;
                t
            }
            None => {
                self.ok = false;
                ""
            }
        }
    }

    fn count(&mut self) -> usize {
        let n = u32::read(self) as usize;
        // Never more items than tokens left.
        n.min(self.rest.len())
    }

    /// Whether the next token is `t`; if so, it is read.
    pub fn take(&mut self, t: &str) -> bool {
        match self.rest.split_once(END) {
            Some((next, rest)) if next == t => {
                self.rest = rest;
                true
            }
            _ => false,
        }
    }

    /// Marks the data as not what the build wrote (a value out of its range).
    pub fn refuse(&mut self) {
        self.ok = false;
    }

    /// Every token read, and each as its type.
    pub fn finish(self) -> bool {
        self.ok && self.rest.is_empty()
    }
}

impl Packed for String {
    fn write(&self, w: &mut Writer) {
        w.token(self);
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.token().to_owned()
    }
}

/// The last two decimals written (or read). Prices within a family scale with its sizes (an
/// `m5.xlarge` costs about twice an `m5.large`, and so on through every purchasing option), so
/// a decimal close to a small ratio of one of them is written as that ratio and the difference
/// in its last decimal place: `x2` is twice the last decimal, `x4/3` four thirds of it, `y1/8`
/// an eighth of the one before, `x2-1` twice the last less one unit of its last place (AWS
/// rounds each size's rate: `0.071` → `0.141`). Maps list a family's sizes in the same order in
/// every table, so the tokens repeat and compress to almost nothing. A token is used only where
/// it is shorter than the decimal and gives it back exactly, scale included (`0.20`, not `0.2`),
/// by the reader's own arithmetic ([`Recent::value_of`]).
#[derive(Clone, Copy, Debug, Default)]
struct Recent([Option<Decimal>; 2]);

/// The largest numerator and denominator a ratio is written with.
const MAX_RATIO_TERM: u32 = 64;
const MAX_RATIO_DENOMINATOR: u32 = 16;

impl Recent {
    fn push(&mut self, d: Decimal) {
        self.0 = [Some(d), self.0[0]];
    }

    /// `base × p ÷ q` rounded to `base`'s decimal places, plus `k` units of the last one.
    fn predicted(base: Decimal, p: u32, q: u32, k: i64) -> Option<Decimal> {
        let places = base.scale();
        let mut x = base
            .checked_mul(Decimal::from(p))?
            .checked_div(Decimal::from(q))?
            .round_dp(places);
        x.rescale(places);
        x.checked_add(Decimal::try_new(k, places).ok()?)
    }

    /// The shortest token that gives back `v` exactly.
    fn token_for(&self, v: Decimal) -> String {
        let text = v.to_string();
        let mut best = text.clone();
        for (mark, base) in [('x', self.0[0]), ('y', self.0[1])] {
            let Some(base) = base.filter(|b| b.is_sign_positive() && !b.is_zero()) else {
                continue;
            };
            if v.scale() != base.scale() || !v.is_sign_positive() {
                continue;
            }
            for q in 1..=MAX_RATIO_DENOMINATOR {
                let Some(p) = v
                    .checked_mul(Decimal::from(q))
                    .and_then(|x| x.checked_div(base))
                    .and_then(|x| x.round().normalize().to_string().parse::<u32>().ok())
                    .filter(|p| (1..=MAX_RATIO_TERM).contains(p))
                else {
                    continue;
                };
                let Some(pred) = Self::predicted(base, p, q, 0) else {
                    continue;
                };
                let Some(k) = v
                    .checked_sub(pred)
                    .and_then(|d| d.checked_mul(Decimal::from(10u64.pow(base.scale().min(18)))))
                    .and_then(|d| d.normalize().to_string().parse::<i64>().ok())
                else {
                    continue;
                };
                let mut t = format!("{mark}{p}");
                if q != 1 {
                    t.push_str(&format!("/{q}"));
                }
                if k != 0 {
                    t.push_str(&format!("{k:+}"));
                }
                if t.len() < best.len()
                    && self.value_of(&t).map(|d| d.to_string()) == Some(text.clone())
                {
                    best = t;
                }
            }
        }
        best
    }

    /// The decimal a token stands for.
    fn value_of(&self, t: &str) -> Option<Decimal> {
        let (base, ratio) = match t.as_bytes().first() {
            Some(b'x') => (self.0[0]?, &t[1..]),
            Some(b'y') => (self.0[1]?, &t[1..]),
            _ => return Decimal::from_str(t).ok(),
        };
        let (ratio, k) = match ratio.find(['+', '-']) {
            Some(i) => (&ratio[..i], ratio[i..].parse().ok()?),
            None => (ratio, 0),
        };
        let (p, q) = ratio.split_once('/').unwrap_or((ratio, "1"));
        Self::predicted(base, p.parse().ok()?, q.parse().ok()?, k)
    }
}

impl Packed for Decimal {
    fn write(&self, w: &mut Writer) {
        let t = w.recent.token_for(*self);
        w.token(&t);
        w.recent.push(*self);
    }
    fn read(r: &mut Reader<'_>) -> Self {
        let t = r.token();
        match r.recent.value_of(t) {
            Some(d) => {
                r.recent.push(d);
                d
            }
            None => {
                r.ok = false;
                Decimal::ZERO
            }
        }
    }
}

impl Packed for u32 {
    fn write(&self, w: &mut Writer) {
        w.token(&self.to_string());
    }
    fn read(r: &mut Reader<'_>) -> Self {
        r.token().parse().unwrap_or_else(|_| {
            r.ok = false;
            0
        })
    }
}

/// `None` is an empty token; `Some` a `+` before the value.
impl<T: Packed> Packed for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            None => w.token(""),
            Some(v) => {
                w.token("+");
                v.write(w);
            }
        }
    }
    fn read(r: &mut Reader<'_>) -> Self {
        match r.token() {
            "" => None,
            _ => Some(T::read(r)),
        }
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.token(&self.len().to_string());
        self.iter().for_each(|v| v.write(w));
    }
    fn read(r: &mut Reader<'_>) -> Self {
        (0..r.count()).map(|_| T::read(r)).collect()
    }
}

impl<V: Packed> Packed for SortedMap<V> {
    fn write(&self, w: &mut Writer) {
        w.token(&self.len().to_string());
        // All keys, then all values: like columns compress better than interleaved ones.
        let mut at = 0;
        for k in self.keys() {
            w.key(k, &mut at);
        }
        self.values().for_each(|v| v.write(w));
    }
    fn read(r: &mut Reader<'_>) -> Self {
        let mut at = 0;
        let keys: Vec<String> = (0..r.count()).map(|_| r.key(&mut at)).collect();
        let entries: Vec<(String, V)> = keys.into_iter().map(|k| (k, V::read(r))).collect();
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            r.ok = false;
        }
        SortedMap(entries)
    }
}

/// A struct, written field by field in the order listed (and read back in it). Each table type
/// lists its fields beside its definition; a field added to it fails to compile until it is
/// listed there.
#[macro_export]
macro_rules! packed_struct {
    ($($t:ty { $($f:ident),+ $(,)? })+) => {$(
        impl $crate::pricing::packed::Packed for $t {
            fn write(&self, w: &mut $crate::pricing::packed::Writer) {
                let Self { $($f),+ } = self;
                $($crate::pricing::packed::Packed::write($f, w);)+
            }
            fn read(r: &mut $crate::pricing::packed::Reader<'_>) -> Self {
                Self { $($f: $crate::pricing::packed::Packed::read(r)),+ }
            }
        }
    )+};
}

crate::packed_struct! {
    Tier { up_to, rate }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::Region;

    fn round_trip<T: Packed + PartialEq + std::fmt::Debug>(v: &T) -> String {
        let mut w = Writer::default();
        v.write(&mut w);
        assert!(w.errors.is_empty());
        let mut r = Reader::new(&w.out);
        let back = T::read(&mut r);
        assert!(r.finish(), "every token read");
        assert_eq!(format!("{v:?}"), format!("{back:?}"));
        w.out
    }

    #[test]
    fn values_round_trip_exactly() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let t = vec![
            Tier {
                up_to: Some(d("6000000000")),
                rate: d("0.0000166667"),
            },
            Tier {
                up_to: None,
                rate: d("0.20"),
            },
        ];
        let out = round_trip(&t);
        assert!(out.contains("0.20\u{1f}"), "scale kept: {out:?}");
        round_trip(&Some(Region::ApSouth1));
        round_trip(&SortedMap::from_iter([
            ("m5.large".to_string(), Some(d("0.096"))),
            ("c5.large".to_string(), None),
        ]));
    }

    #[test]
    fn prices_that_scale_are_written_as_ratios_and_read_back_exactly() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let m = SortedMap::from_iter(
            [
                ("m5.12xlarge", "2.304"),
                ("m5.16xlarge", "3.072"),
                ("m5.2xlarge", "0.384"),
                ("m5.large", "0.096"),
                ("m5.xlarge", "0.1920"),
                ("t3.nano", "0.0052"),
                ("z", "0.20"),
            ]
            .map(|(k, v)| (k.to_string(), d(v))),
        );
        let out = round_trip(&m);
        let values: Vec<&str> = out.split('\u{1f}').skip(8).take(7).collect();
        // 4/3 of 2.304; an eighth of 3.072; a quarter of 0.384; 0.1920 keeps its scale, so it
        // is written out; 0.0052 is no small ratio of either; 0.20 is written out too.
        assert_eq!(
            values,
            ["2.304", "x4/3", "x1/8", "x1/4", "0.1920", "0.0052", "0.20"]
        );
        // A ratio of the one before last.
        // AWS rounds each size's rate: twice 0.071 less a thousandth, then twice that plus one.
        let out = round_trip(&vec![d("0.071"), d("0.141"), d("0.283"), d("0.0710")]);
        assert_eq!(out, "4\u{1f}0.071\u{1f}x2-1\u{1f}x2+1\u{1f}0.0710\u{1f}");
        // Never a ratio of zero or a negative one, and only where it is shorter.
        let out = round_trip(&vec![
            d("0.125"),
            d("0"),
            d("0.375"),
            d("-0.5"),
            d("0.5"),
            d("1"),
        ]);
        assert_eq!(
            out,
            "6\u{1f}0.125\u{1f}0\u{1f}y3\u{1f}-0.5\u{1f}0.5\u{1f}1\u{1f}"
        );
    }

    #[test]
    fn ratio_tokens_without_a_base_are_refused() {
        for bad in ["x2\u{1f}", "y1/2\u{1f}", "x0/0\u{1f}", "xz\u{1f}"] {
            let mut r = Reader::new(bad);
            let _ = Decimal::read(&mut r);
            assert!(!r.finish(), "{bad:?}");
        }
    }

    #[test]
    fn maps_out_of_name_order_are_refused() {
        let mut r = Reader::new("2\u{1f}b\u{1f}1\u{1f}a\u{1f}2\u{1f}");
        let _ = SortedMap::<u32>::read(&mut r);
        assert!(!r.finish());
    }

    #[test]
    fn damaged_data_is_reported_not_priced() {
        for bad in ["", "x\u{1f}", "2\u{1f}\u{1f}"] {
            let mut r = Reader::new(bad);
            let _ = Vec::<Tier>::read(&mut r);
            assert!(!r.finish(), "{bad:?}");
        }
        let mut r = Reader::new("1\u{1f}7\u{1f}extra\u{1f}");
        let _ = Option::<Region>::read(&mut r);
        assert!(!r.finish(), "index out of range and tokens left over");
    }

    #[test]
    fn strings_with_the_separator_are_refused() {
        let mut w = Writer::default();
        "a\u{1f}b".to_string().write(&mut w);
        assert_eq!(w.errors.len(), 1);
    }
}
