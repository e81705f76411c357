//! Number inputs given as low / likely / high: the texts as typed (the likely value is the
//! field's own), their link form, and the workload's `ranges` they read into.

use super::keys;
use awscost::error::{FieldError, Problem};
use awscost::explore::ranges::{Range, Ranges, MAX_RANGES};
use std::collections::BTreeMap;

/// One input's low and high, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RangeText {
    pub low: String,
    pub high: String,
}

/// A scenario's ranged inputs, by link key (the workload JSON path).
pub type RangeTexts = BTreeMap<&'static str, RangeText>;

/// The prefix of a range's link key: `range.lambda.memory_mb=512~2048`.
pub const PREFIX: &str = "range.";

impl RangeText {
    /// Its link value: `low~high`.
    pub fn link(&self) -> String {
        format!("{}~{}", self.low, self.high)
    }

    /// A link value back (`low~high`), each part checked as an input value is.
    pub fn from_link(key: &'static str, v: &str) -> Result<RangeText, keys::KeyError> {
        let (low, high) = v.split_once('~').ok_or(keys::KeyError::NotAChoice(key))?;
        keys::checked(key, low)?;
        keys::checked(key, high)?;
        Ok(RangeText {
            low: low.into(),
            high: high.into(),
        })
    }
}

/// The ranges of the inputs in `on` (the sections the workload has), read; every text that is
/// not a number, as an error on `ranges.<path>`.
pub fn read(texts: &RangeTexts, on: impl Fn(&str) -> bool) -> Result<Ranges, Vec<FieldError>> {
    let mut out = Ranges::new();
    let mut errors = vec![];
    for (&key, t) in texts.iter().filter(|(k, _)| on(k)) {
        let field = format!("ranges.{key}");
        let number = |text: &str, end: &str| {
            awscost::money::read_number(text).map_err(|p| {
                FieldError::new(
                    field.clone(),
                    Problem::Malformed(format!(
                        "The {end} value: {}",
                        FieldError::new("", p).message()
                    )),
                )
            })
        };
        match (number(&t.low, "low"), number(&t.high, "high")) {
            (Ok(low), Ok(high)) => {
                out.insert(key.to_string(), Range { low, high });
            }
            (a, b) => errors.extend(a.err().into_iter().chain(b.err())),
        }
    }
    if texts.len() > MAX_RANGES {
        errors.push(FieldError::new(
            "ranges",
            Problem::Malformed(format!(
                "At most {MAX_RANGES} inputs can be ranges at once; give the others as one number."
            )),
        ));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
