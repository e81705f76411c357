//! Input errors: each names the workload field (its JSON path) and says in a sentence what to change.

use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was given where a value is needed.
    Required,
    /// The text is not a number.
    NotANumber,
    /// A count or size in whole units was given a fraction.
    NotWholeNumber { unit: &'static str },
    /// Below the smallest allowed value; `rule` says whose rule it is.
    TooSmall {
        min: Decimal,
        unit: &'static str,
        rule: &'static str,
    },
    /// Above the largest allowed value; `rule` says whose rule it is.
    TooLarge {
        max: Decimal,
        unit: &'static str,
        rule: &'static str,
    },
    /// More decimal places than the calculation resolves.
    TooPrecise { places: u32, unit: &'static str },
    /// Not one of a closed set of choices.
    UnknownChoice {
        given: String,
        allowed: &'static [&'static str],
    },
    /// A well-formed number beyond what the calculator works with: too large (`1e400`), or, when
    /// not `large`, more decimal places than it keeps.
    OutOfReach { large: bool },
    /// The workload document itself could not be read (syntax, wrong type, unknown field).
    Malformed(String),
}

/// A problem with one named field of the workload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `lambda.memory_mb`.
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        FieldError {
            field: field.into(),
            problem,
        }
    }

    /// The sentence shown beside the field (without the field name).
    pub fn message(&self) -> String {
        match &self.problem {
            Problem::Required => "Enter a value.".into(),
            Problem::NotANumber => "Enter a number, e.g. 512.".into(),
            Problem::NotWholeNumber { unit } => format!("Enter a whole number of {unit}."),
            Problem::TooSmall { min, unit, rule } => {
                format!(
                    "Must be at least {} {}: {rule}.",
                    crate::money::qty(*min),
                    unit_of(*min, unit)
                )
            }
            Problem::TooLarge { max, unit, rule } => {
                format!(
                    "Must be at most {} {}: {rule}.",
                    crate::money::qty(*max),
                    unit_of(*max, unit)
                )
            }
            Problem::OutOfReach { large: true } => format!(
                "Too large to work with: enter a number below {}.",
                crate::money::qty(Decimal::MAX)
            ),
            Problem::OutOfReach { large: false } => {
                "Too many decimal places: the calculator works with at most 28.".into()
            }
            Problem::TooPrecise { places, unit } => {
                format!("Use at most {places} decimal places of {unit}.")
            }
            Problem::UnknownChoice { given, allowed } => {
                format!("\"{}\" is not one of: {}.", cut(given), allowed.join(", "))
            }
            Problem::Malformed(m) => m.clone(),
        }
    }
}

/// A unit's word for a quantity: the singular for exactly 1 of a plural word ("1 object",
/// "1 day", "1 vCPU"); units that are abbreviations stay as they are ("1 IOPS", "1 ms", "1 MiB/s").
fn unit_of(n: Decimal, unit: &'static str) -> &'static str {
    let b = unit.as_bytes();
    let plural_word = b.len() > 2
        && b.ends_with(b"s")
        && b[b.len() - 2].is_ascii_alphabetic()
        && !unit.bytes().all(|c| c.is_ascii_uppercase())
        && !unit.contains('/');
    if n == Decimal::ONE && plural_word {
        &unit[..unit.len() - 1]
    } else {
        unit
    }
}

/// The longest piece of a given value an error message quotes, in characters.
pub const MAX_QUOTED: usize = 40;

/// A given value as an error message quotes it: at most [`MAX_QUOTED`] characters, then `…`.
pub fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message())
        } else {
            write!(f, "{}: {}", self.field, self.message())
        }
    }
}

impl Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("FieldError", 2)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("message", &self.message())?;
        st.end()
    }
}

/// Every problem found in a workload; never empty when returned as an error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputErrors {
    pub errors: Vec<FieldError>,
}

impl InputErrors {
    pub fn one(e: FieldError) -> Self {
        InputErrors { errors: vec![e] }
    }

    /// The message for one field, if it has a problem.
    pub fn for_field(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(FieldError::message)
    }
}

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

/// Collects field problems while a section is validated.
#[derive(Default)]
pub struct Collector {
    pub errors: Vec<FieldError>,
}

impl Collector {
    pub fn push(&mut self, field: &str, problem: Problem) {
        self.errors.push(FieldError::new(field, problem));
    }

    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(value())
        } else {
            Err(self.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_unit_is_singular() {
        let at_least = |min: u64, unit| {
            FieldError::new(
                "s3.object_count",
                Problem::TooSmall {
                    min: min.into(),
                    unit,
                    rule: "a rule",
                },
            )
            .message()
        };
        assert_eq!(at_least(1, "objects"), "Must be at least 1 object: a rule.");
        assert_eq!(
            at_least(2, "objects"),
            "Must be at least 2 objects: a rule."
        );
        assert_eq!(at_least(1, "days"), "Must be at least 1 day: a rule.");
        assert_eq!(at_least(1, "IOPS"), "Must be at least 1 IOPS: a rule.");
        assert_eq!(at_least(1, "MiB/s"), "Must be at least 1 MiB/s: a rule.");
        assert_eq!(at_least(1, "ms"), "Must be at least 1 ms: a rule.");
        assert_eq!(at_least(1, "vCPUs"), "Must be at least 1 vCPU: a rule.");
    }

    #[test]
    fn a_number_out_of_reach_says_so() {
        let m =
            |large| FieldError::new("lambda.memory_mb", Problem::OutOfReach { large }).message();
        assert_eq!(
            m(true),
            "Too large to work with: enter a number below 79,228,162,514,264,337,593,543,950,335."
        );
        assert!(m(false).starts_with("Too many decimal places"));
    }

    #[test]
    fn sentences_name_the_rule() {
        let e = FieldError::new(
            "lambda.memory_mb",
            Problem::TooLarge {
                max: Decimal::from(10240),
                unit: "MB",
                rule: "Lambda's largest memory setting",
            },
        );
        assert_eq!(
            e.to_string(),
            "lambda.memory_mb: Must be at most 10,240 MB: Lambda's largest memory setting."
        );
        let e = FieldError::new(
            "region",
            Problem::UnknownChoice {
                given: "mars-1".into(),
                allowed: &["us-east-1", "eu-west-1"],
            },
        );
        assert_eq!(
            e.message(),
            "\"mars-1\" is not one of: us-east-1, eu-west-1."
        );
    }
}
