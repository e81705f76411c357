//! What every chart draws with: coordinates and tick labels written without float formatting
//! (which is large in wasm), cents as plotting values, and results shared without copying.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::rc::Rc;

/// A coordinate with one decimal.
pub fn c(v: f64) -> String {
    let t = (v * 10.0).round() as i64;
    format!("{}.{}", t / 10, (t % 10).abs())
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
