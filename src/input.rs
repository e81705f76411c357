//! Reading the public JSON inputs (a workload, a scenario set): the document read with the field
//! of any problem named, the range checks every service's section shares, and the inputs listed
//! as `(JSON path, value)` pairs.

use crate::error::{Collector, FieldError, InputErrors, Problem};
use rust_decimal::prelude::*;

/// Reads a JSON document of the public interface (a workload, a scenario set); a problem names
/// the field it is in, as a JSON path ("" for the document as a whole).
pub fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, InputErrors> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        InputErrors::one(FieldError::new(
            field,
            Problem::Malformed(malformed(e.inner())),
        ))
    })
}

/// serde_json's message, made into a sentence a person can act on.
fn malformed(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // Drop serde_json's " at line L column C" suffix unless it is a syntax error, where it helps.
    let trimmed = match (e.classify(), msg.find(" at line ")) {
        (serde_json::error::Category::Syntax | serde_json::error::Category::Eof, _) => &msg[..],
        (_, Some(i)) => &msg[..i],
        (_, None) => &msg[..],
    };
    // serde's messages begin with an ASCII word ("invalid type", "unknown field", …); an ASCII
    // capital keeps the Unicode case tables out of the widget.
    let mut s = String::with_capacity(trimmed.len() + 1);
    let mut chars = trimmed.chars();
    if let Some(c) = chars.next() {
        s.push(c.to_ascii_uppercase());
    }
    s.push_str(chars.as_str());
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// Range checks shared by every section, each reporting into a [`Collector`].
impl Collector {
    /// A whole number in `[min, max]`; returns it when valid.
    pub fn whole(
        &mut self,
        field: &str,
        value: Decimal,
        unit: &'static str,
        (min, min_rule): (u64, &'static str),
        (max, max_rule): (u64, &'static str),
    ) -> Option<u64> {
        if value < Decimal::from(min) {
            self.push(
                field,
                Problem::TooSmall {
                    min: min.into(),
                    unit,
                    rule: min_rule,
                },
            );
            None
        } else if value > Decimal::from(max) {
            self.push(
                field,
                Problem::TooLarge {
                    max: max.into(),
                    unit,
                    rule: max_rule,
                },
            );
            None
        } else if !value.fract().is_zero() {
            self.push(field, Problem::NotWholeNumber { unit });
            None
        } else {
            value.to_u64()
        }
    }

    /// A decimal in `[min, max]`; returns it when valid.
    pub fn within(
        &mut self,
        field: &str,
        value: Decimal,
        unit: &'static str,
        (min, min_rule): (Decimal, &'static str),
        (max, max_rule): (Decimal, &'static str),
    ) -> Option<Decimal> {
        if value < min {
            self.push(
                field,
                Problem::TooSmall {
                    min,
                    unit,
                    rule: min_rule,
                },
            );
            None
        } else if value > max {
            self.push(
                field,
                Problem::TooLarge {
                    max,
                    unit,
                    rule: max_rule,
                },
            );
            None
        } else {
            Some(value)
        }
    }
}

/// A workload section's inputs as `(JSON path, value)` pairs, in field order; an absent optional
/// field is left out. Lets two workloads be set side by side input by input.
#[derive(Default)]
pub struct Inputs(pub Vec<(String, String)>);

impl Inputs {
    pub fn text(&mut self, path: &str, v: &str) {
        self.0.push((path.into(), v.into()));
    }
    pub fn num(&mut self, path: &str, v: Option<Decimal>) {
        if let Some(v) = v {
            self.0.push((path.into(), v.normalize().to_string()));
        }
    }
    pub fn flag(&mut self, path: &str, v: bool) {
        self.text(path, if v { "true" } else { "false" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_ranges_once() {
        let mut c = Collector::default();
        assert_eq!(
            c.whole("a", Decimal::from(5), "MB", (1, "min"), (10, "max")),
            Some(5)
        );
        assert_eq!(
            c.whole("b", Decimal::new(55, 1), "MB", (1, "min"), (10, "max")),
            None
        );
        assert_eq!(
            c.whole("c", Decimal::from(11), "MB", (1, "min"), (10, "max")),
            None
        );
        assert_eq!(c.errors.len(), 2);
        assert_eq!(c.errors[1].field, "c");
    }
}
