//! Money and quantities: exact `Decimal` arithmetic, and the one place amounts are rounded to the cent
//! (AWS bills in USD to the cent: <https://aws.amazon.com/premiumsupport/knowledge-center/billing-rounding/>).
//!
//! Every cost is computed exactly from the string rates in `pricing/`. Rounding happens only when an
//! amount is shown or serialised, through [`Usd::cents`], half away from zero.

use crate::error::Problem;
use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// An exact USD amount. Displays and serialises rounded to the cent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usd(pub Decimal);

impl Usd {
    pub const ZERO: Usd = Usd(Decimal::ZERO);

    /// The single rounding rule of the product: to the cent, half away from zero.
    pub fn cents(self) -> Decimal {
        let mut d = self
            .0
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        d.rescale(2);
        d
    }

    pub fn exact(self) -> Decimal {
        self.0
    }
}

impl std::ops::Add for Usd {
    type Output = Usd;
    fn add(self, rhs: Usd) -> Usd {
        Usd(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Usd {
    type Output = Usd;
    fn sub(self, rhs: Usd) -> Usd {
        Usd(self.0 - rhs.0)
    }
}

impl std::iter::Sum for Usd {
    fn sum<I: Iterator<Item = Usd>>(iter: I) -> Usd {
        iter.fold(Usd::ZERO, |a, b| a + b)
    }
}

/// `$1,234.56`, or `-$3.20`.
impl fmt::Display for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.cents();
        let sign = if c.is_sign_negative() && !c.is_zero() {
            "-"
        } else {
            ""
        };
        write!(f, "{sign}${}", group(&c.abs().to_string()))
    }
}

/// Serialised as a decimal string rounded to the cent: `"18.73"`.
impl Serialize for Usd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.cents().to_string())
    }
}

impl<'de> Deserialize<'de> for Usd {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <Decimal as Deserialize>::deserialize(d).map(Usd)
    }
}

/// Groups the integer part of a plain decimal string in thousands: `1234567.5` → `1,234,567.5`.
pub fn group(plain: &str) -> String {
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out.push_str(frac);
    out
}

/// A quantity for formula text: trailing zeros dropped, thousands grouped.
pub fn qty(d: Decimal) -> String {
    group(&d.normalize().to_string())
}

/// A rate for formula text: `$0.0000166667`.
pub fn rate(d: Decimal) -> String {
    format!("${}", group(&d.normalize().to_string()))
}

/// Parses what a person typed into a number field: spaces, thousands commas and underscores are
/// ignored; `1e6` is accepted.
pub fn parse_number(text: &str) -> Option<Decimal> {
    read_number(text).ok()
}

/// As [`parse_number`], saying why a text is not read: not a number at all
/// ([`Problem::NotANumber`]), or a number beyond what the calculator works with
/// ([`Problem::OutOfReach`]: `1e400`, or more than 28 decimal places).
pub fn read_number(text: &str) -> Result<Decimal, Problem> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    decimal(&cleaned).ok_or_else(|| match reach(&cleaned) {
        Some(large) => Problem::OutOfReach { large },
        None => Problem::NotANumber,
    })
}

/// For a well-formed number (`-12.5e3`) that does not fit a Decimal: whether it is too large
/// (rather than too finely divided); `None` when the text is not a number.
fn reach(text: &str) -> Option<bool> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    // The exponent's size, capped: anything beyond a few hundred places is out of reach anyway.
    let exp = match exponent {
        None => 0i64,
        Some(e) => {
            let (negative, d) = match e.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, e.strip_prefix('+').unwrap_or(e)),
            };
            if d.is_empty() || !digits(d) {
                return None;
            }
            let n = d
                .bytes()
                .fold(0i64, |n, b| (n * 10 + i64::from(b - b'0')).min(999_999));
            if negative {
                -n
            } else {
                n
            }
        }
    };
    let whole = int.trim_start_matches('0').len() as i64;
    Some(whole > 0 && whole + exp > 0 || whole == 0 && exp > 0)
}

/// The text as a Decimal, if it is one that fits.
fn decimal(cleaned: &str) -> Option<Decimal> {
    if cleaned.is_empty() || cleaned.len() > 40 {
        return None;
    }
    if cleaned.contains(['e', 'E']) {
        Decimal::from_scientific(cleaned).ok()
    } else {
        Decimal::from_str(cleaned).ok()
    }
}

/// Hours in the longest month (31 days); the most any monthly hour count can be.
pub const MAX_HOURS_PER_MONTH: u64 = 744;
/// AWS's average month for always-on pricing: 730 hours.
pub const HOURS_PER_MONTH: u64 = 730;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn rounds_half_away_from_zero_to_the_cent() {
        assert_eq!(Usd(d("18.33337")).cents().to_string(), "18.33");
        assert_eq!(Usd(d("0.005")).cents().to_string(), "0.01");
        assert_eq!(Usd(d("0.0049999")).cents().to_string(), "0.00");
        assert_eq!(Usd(d("2")).cents().to_string(), "2.00");
        assert_eq!(Usd(d("-1.005")).cents().to_string(), "-1.01");
    }

    #[test]
    fn displays_grouped_dollars() {
        assert_eq!(Usd(d("1234567.891")).to_string(), "$1,234,567.89");
        assert_eq!(Usd(d("0.4")).to_string(), "$0.40");
        assert_eq!(Usd(d("-3.2")).to_string(), "-$3.20");
        assert_eq!(Usd(d("-0.001")).to_string(), "$0.00");
    }

    #[test]
    fn serialises_as_cent_string() {
        assert_eq!(
            serde_json::to_string(&Usd(d("18.73337"))).unwrap(),
            "\"18.73\""
        );
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group("1000"), "1,000");
        assert_eq!(group("100"), "100");
        assert_eq!(group("-1234.5"), "-1,234.5");
        assert_eq!(qty(d("1100000.000")), "1,100,000");
        assert_eq!(rate(d("0.0000166667")), "$0.0000166667");
    }

    #[test]
    fn parses_typed_numbers() {
        assert_eq!(parse_number(" 3,000,000 "), Some(d("3000000")));
        assert_eq!(parse_number("1e6"), Some(d("1000000")));
        assert_eq!(parse_number("12.5"), Some(d("12.5")));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("1e999"), None);
        assert_eq!(parse_number(&"9".repeat(60)), None);
    }

    #[test]
    fn says_why_a_number_is_not_read() {
        let large = Err(Problem::OutOfReach { large: true });
        let small = Err(Problem::OutOfReach { large: false });
        assert_eq!(read_number("1e400"), large);
        assert_eq!(read_number("-1E+400"), large);
        assert_eq!(read_number("0.5e99"), large);
        assert_eq!(read_number(&"9".repeat(60)), large);
        assert_eq!(read_number("1e-400"), small);
        assert_eq!(read_number(&format!("0.{}1", "0".repeat(45))), small);
        assert_eq!(read_number("1e3"), Ok(d("1000")));
        for text in ["abc", "1e", "e5", "1.2.3", "--1", ".", "1e+-3", "0x10", "∞"] {
            assert_eq!(read_number(text), Err(Problem::NotANumber), "{text}");
        }
    }
}
