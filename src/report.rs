//! The shape of every answer: line items that carry their working, and warnings.
//!
//! The widget's "show the math", the CLI's JSON and the embed API all render these same values.

use crate::money::Usd;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which bundled pricing row (or limit) a figure used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Bundled file, e.g. `pricing/lambda.json`.
    pub table: String,
    /// The row within it, e.g. `us-east-1 x86_64 duration tier 1`.
    pub row: String,
    /// The public page the row was read from.
    pub url: String,
    pub as_of: String,
}

/// One charge, with everything needed to check it by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    /// What is charged, e.g. `Compute (GB-seconds), tier 1`.
    pub label: String,
    /// Billable quantity, exact.
    pub quantity: Decimal,
    /// Unit of `quantity`, e.g. `GB-s`.
    pub unit: String,
    /// Price per unit, exact, as in the pricing table.
    pub rate: Decimal,
    /// Unit of `rate`, e.g. `USD per GB-s`.
    pub rate_unit: String,
    /// Amount, rounded to the cent in JSON (`"18.33"`).
    pub amount_usd: Usd,
    /// Amount before rounding.
    pub exact_usd: Decimal,
    /// The working, in words and numbers.
    pub formula: String,
    pub source: SourceRef,
}

impl LineItem {
    /// The line as a sentence: "Requests: 3,000,000 requests × $0.0000002 per request = $0.60".
    pub fn said(&self) -> String {
        format!(
            "{}: {} {} × {} {} = {}",
            self.label,
            crate::money::qty(self.quantity),
            self.unit,
            crate::money::rate(self.rate),
            self.rate_unit.trim_start_matches("USD "),
            self.amount_usd
        )
    }

    /// A line whose amount is `quantity × rate`.
    pub fn priced(
        label: impl Into<String>,
        quantity: Decimal,
        unit: impl Into<String>,
        rate: Decimal,
        rate_unit: impl Into<String>,
        formula: impl Into<String>,
        source: SourceRef,
    ) -> LineItem {
        let amount = quantity * rate;
        LineItem {
            label: label.into(),
            quantity,
            unit: unit.into(),
            rate,
            rate_unit: rate_unit.into(),
            amount_usd: Usd(amount),
            exact_usd: amount,
            formula: formula.into(),
            source,
        }
    }
}

/// The sum of some line items, exact.
pub fn total(lines: &[LineItem]) -> Usd {
    lines.iter().map(|l| l.amount_usd).sum()
}

/// Something the user should know that does not stop the calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable, machine-readable, e.g. `concurrency_above_default_limit`.
    pub code: String,
    pub message: String,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>) -> Warning {
        Warning {
            code: code.into(),
            message: message.into(),
        }
    }
}
