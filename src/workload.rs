//! The workload a person describes: the public JSON input of the CLI, share links and the embed
//! API. Field names are a contract: fields are added, never renamed.
//!
//! Reading is in two steps. [`Workload::from_json`] reads the document (syntax, types, unknown
//! fields), naming the field of any problem; each service then validates its section into a
//! checked spec, reporting every out-of-range field at once.

use crate::error::{Collector, FieldError, InputErrors, Problem};
use crate::pricing::Region;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

/// A whole workload; every service section is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    pub region: Region,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda: Option<crate::lambda::LambdaWorkload>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebs: Option<crate::ebs::EbsWorkload>,
    pub s3: Option<crate::s3::S3Workload>,
    pub ec2: Option<crate::ec2::Ec2Workload>,
}

impl Workload {
    /// Reads a workload document. A problem names the field it is in, as a JSON path.
    pub fn from_json(text: &str) -> Result<Workload, InputErrors> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let w: Workload = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." { String::new() } else { path };
            InputErrors::one(FieldError::new(
                field,
                Problem::Malformed(malformed(e.inner())),
            ))
        })?;
        Ok(w)
    }
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
    let mut s = String::with_capacity(trimmed.len() + 1);
    let mut chars = trimmed.chars();
    if let Some(c) = chars.next() {
        s.extend(c.to_uppercase());
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

/// Hours in the longest month (31 days); the most any monthly hour count can be.
pub const MAX_HOURS_PER_MONTH: u64 = 744;
/// AWS's average month for always-on pricing: 730 hours.
pub const HOURS_PER_MONTH: u64 = 730;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_of_a_type_error() {
        let e = Workload::from_json(r#"{"region":"us-east-1","lambda":{"memory_mb":"lots"}}"#)
            .unwrap_err();
        assert_eq!(e.errors[0].field, "lambda.memory_mb");
    }

    #[test]
    fn names_an_unknown_region() {
        let e = Workload::from_json(r#"{"region":"mars-1"}"#).unwrap_err();
        assert_eq!(e.errors[0].field, "region");
        assert!(e.errors[0].message().contains("us-east-1"), "{e}");
    }

    #[test]
    fn rejects_unknown_fields_and_bad_syntax() {
        let e = Workload::from_json(r#"{"region":"us-east-1","lamda":{}}"#).unwrap_err();
        assert!(e.to_string().contains("lamda"), "{e}");
        let e = Workload::from_json("{").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
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
}
