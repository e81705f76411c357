//! What the engine's integration tests share.
#![allow(dead_code)]

use rust_decimal::Decimal;

/// A decimal written as in the pricing pages: `d("0.0000166667")`.
pub fn d(s: &str) -> Decimal {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
}

/// The bundled catalog, as the build compiled it in.
pub fn catalog() -> &'static awscost::catalog::Catalog {
    awscost::catalog::catalog().expect("the bundled pricing tables read back")
}
