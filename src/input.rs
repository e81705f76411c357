//! Reading the public JSON inputs (a workload, a scenario set): the document read with the field
//! of any problem named, the range checks every service's section shares, and the inputs listed
//! as `(JSON path, value)` pairs.

use crate::error::{Collector, FieldError, InputErrors, Problem};
use rust_decimal::prelude::*;
use std::fmt::Write;

/// Reads a JSON document of the public interface (a workload, a scenario set); a problem names
/// the field it is in, as a JSON path ("" for the document as a whole).
pub fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, InputErrors> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let mut field = String::new();
        let mut number = false;
        for segment in e.path().iter() {
            match segment {
                // serde_json hands a number over as a one-entry map under this key; the field
                // is the one that holds the number.
                serde_path_to_error::Segment::Map { key } if key == NUMBER_TOKEN => number = true,
                serde_path_to_error::Segment::Seq { index } => {
                    let _ = write!(field, "[{index}]");
                }
                other => {
                    if !field.is_empty() {
                        field.push('.');
                    }
                    let _ = write!(field, "{other}");
                }
            }
        }
        let inner = e.inner();
        let problem = if number {
            // A number the reader could not hold (1e400, 1e-30, 40 digits): say why in the
            // words a typed number gets.
            match crate::money::read_number(number_before(text, inner.line(), inner.column())) {
                Err(p) => p,
                Ok(_) => Problem::Malformed(malformed(inner)),
            }
        } else {
            Problem::Malformed(malformed(inner))
        };
        // A field left out is named by its own path, not its object's.
        if let Some(name) = missing_field(&inner.to_string()) {
            if !field.is_empty() {
                field.push('.');
            }
            field.push_str(name);
        }
        InputErrors::one(FieldError::new(field, problem))
    })
}

/// The map key serde_json (with `arbitrary_precision`) gives a number under.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The name in serde's "missing field `name`" message.
fn missing_field(msg: &str) -> Option<&str> {
    let rest = msg.strip_prefix("missing field `")?;
    let end = rest.find('`')?;
    Some(&rest[..end])
}

/// The number that ends at serde_json's error position (`line` from 1, `column` in bytes from
/// the start of the line).
fn number_before(text: &str, line: usize, column: usize) -> &str {
    let start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| i + 1);
    let start = if line <= 1 { 0 } else { start };
    let end = (start + column).min(text.len());
    let head = text.get(..end).unwrap_or_default();
    let from = head
        .rfind(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
        .map_or(0, |i| i + 1);
    &head[from..]
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
    let trimmed = quoted_cut(trimmed);
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

/// The longest message kept from serde, in characters.
const MAX_MESSAGE: usize = 1000;

/// serde's message with every quoted value (`` `…` `` or `"…"`) cut to a few words, and the whole
/// cut to [`MAX_MESSAGE`] characters: a 10 MB value given where a region belongs is named, not
/// sent back whole.
fn quoted_cut(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let Some(close) = rest.find(quote) else {
            break;
        };
        out.push_str(&crate::error::cut(&rest[..close]));
        out.push_str(quote);
        rest = &rest[close + 1..];
        if out.len() > 4 * MAX_MESSAGE {
            break;
        }
    }
    out.push_str(rest);
    if out.chars().count() > MAX_MESSAGE {
        out = out.chars().take(MAX_MESSAGE).collect();
        out.push('…');
    }
    out
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

    /// A decimal with at most `max` decimal places (trailing zeros do not count); returns it as
    /// given when it has.
    pub fn places(
        &mut self,
        field: &str,
        value: Decimal,
        max: u32,
        unit: &'static str,
    ) -> Option<Decimal> {
        if value.normalize().scale() > max {
            self.push(field, Problem::TooPrecise { places: max, unit });
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

    /// Found by generated workloads (`tests/hostile.rs`): a number beyond a Decimal was named
    /// by serde_json's internal key with rust_decimal's words, and a field left out at the top
    /// by no field at all.
    #[test]
    fn names_the_field_of_a_number_out_of_reach_and_of_a_missing_field() {
        let read = |t: &str| read_json::<crate::Workload>(t).unwrap_err().errors[0].clone();
        let e = read(
            r#"{"region":"us-east-1","lambda":{"memory_mb":1e400,"duration_ms":1,"invocations_per_month":1}}"#,
        );
        assert_eq!(e.field, "lambda.memory_mb");
        assert_eq!(e.problem, Problem::OutOfReach { large: true });
        let e = read("{\"region\":\"us-east-1\",\n \"s3\":{\"storage_gb\":1,\n\"lifecycle\":[{\"class\":\"GLACIER\",\"days\":1e-30}]}}");
        assert_eq!(e.field, "s3.lifecycle[0].days");
        assert_eq!(e.problem, Problem::OutOfReach { large: false });
        let e = read(
            r#"{"region":"us-east-1","ebs":{"size_gib":-123456789012345678901234567890123456789}}"#,
        );
        assert_eq!(e.field, "ebs.size_gib");
        assert_eq!(e.problem, Problem::OutOfReach { large: true });
        let e = read(r#"{"lambda":null}"#);
        assert_eq!(e.field, "region");
        let e = read(r#"{"region":"us-east-1","ec2":{}}"#);
        assert_eq!(e.field, "ec2.instance_type");
        assert!(e.message().contains("instance_type"), "{e}");
    }

    /// Found by generated workloads: a 10 MB value where a region or an instance type belongs
    /// came back whole in the message (and took over 50 ms to copy about).
    #[test]
    fn messages_quote_a_long_value_cut_short() {
        let x = "x".repeat(100_000);
        for doc in [
            format!(r#"{{"region":"{x}"}}"#),
            format!(r#"{{"region":"us-east-1","{x}":1}}"#),
            format!(r#"{{"region":"us-east-1","ebs":{{"size_gib":"{x}"}}}}"#),
        ] {
            let e = read_json::<crate::Workload>(&doc).unwrap_err();
            let m = e.errors[0].message();
            assert!(m.len() < 400, "{} bytes: {}", m.len(), &m[..200]);
            assert!(m.contains("xxxxxxxx…"), "{m}");
        }
        let e = crate::compare_json(&format!(
            r#"{{"region":"us-east-1","ec2":{{"instance_type":"{x}"}}}}"#
        ))
        .unwrap_err();
        assert!(e.to_string().len() < 1000, "{}", e.to_string().len());
        assert_eq!(
            quoted_cut("unknown variant `ab`, expected `a` or `b`"),
            "unknown variant `ab`, expected `a` or `b`"
        );
        assert!(quoted_cut(&"`x` ".repeat(10_000)).chars().count() <= MAX_MESSAGE + 1);
    }

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

    #[test]
    fn places_count_without_trailing_zeros_and_keep_the_value_as_given() {
        let mut c = Collector::default();
        // 1.5000 has one place once its trailing zeros go; it comes back as given.
        let v = c.places("a", Decimal::new(15_000, 4), 3, "ms");
        assert_eq!(v.map(|v| v.scale()), Some(4));
        assert_eq!(c.places("b", Decimal::new(10_005, 4), 3, "ms"), None);
        assert_eq!(c.errors.len(), 1);
        assert_eq!(c.errors[0].field, "b");
        assert_eq!(
            c.errors[0].problem,
            Problem::TooPrecise {
                places: 3,
                unit: "ms"
            }
        );
    }
}
