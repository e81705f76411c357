//! What every chart draws with: coordinates and tick labels written without float formatting
//! (which is large in wasm), cents as plotting values, and results shared without copying.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;

/// A coordinate with one decimal.
pub fn c(v: f64) -> String {
    let mut out = String::new();
    push_c(&mut out, v);
    out
}

/// [`c`] written onto the end of `out` (a polyline's points, without a string per number).
pub fn push_c(out: &mut String, v: f64) {
    use std::fmt::Write;
    let t = (v * 10.0).round() as i64;
    let _ = write!(out, "{}.{}", t / 10, (t % 10).abs());
}

/// A tick label in dollars.
pub fn usd_tick(v: f64) -> String {
    awscost::Usd(Decimal::new((v * 100.0).round() as i64, 2)).to_string()
}

/// Whole cents as a plotting value (display only).
pub fn cents(usd: awscost::Usd) -> f64 {
    (usd.cents() * Decimal::ONE_HUNDRED).to_i64().unwrap_or(0) as f64
}

/// An engine result shared between a panel's components without copying; equal only to itself,
/// so props compare in O(1).
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_one_decimal_and_append_without_a_string_each() {
        assert_eq!(c(64.0), "64.0");
        assert_eq!(c(223.96), "224.0");
        assert_eq!(c(16.04), "16.0");
        assert_eq!(c(101.25), "101.3");
        let mut points = String::from("1.0,2.0 ");
        push_c(&mut points, 3.12);
        points.push(',');
        push_c(&mut points, 0.0);
        assert_eq!(points, "1.0,2.0 3.1,0.0");
    }
}
