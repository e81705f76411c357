//! What the engine's own unit tests share (test builds only).

use rust_decimal::Decimal;

/// A decimal written as in the pricing pages: `d("0.0000166667")`. A test's own typo fails it.
pub fn d(s: &str) -> Decimal {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
}

/// A bundled table read from its file with the engine's typed reader and checks, once per
/// test binary: a service's tests use their own table without the catalog above them.
#[macro_export]
#[doc(hidden)]
macro_rules! bundled_table {
    ($t:ty, $file:literal) => {{
        static TABLE: std::sync::OnceLock<$t> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            <$t as $crate::pricing::Table>::load(include_str!($file))
                .unwrap_or_else(|e| panic!("{} does not load: {e:?}", $file))
        })
    }};
}
