//! Reading the CSV inputs: rows as maps of trimmed header to trimmed cell, and their typed
//! fields.

use crate::ec2::Term;
use crate::ec2_import::ImportError;
use crate::pricing::Region;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

pub(super) type Row = HashMap<String, String>;

pub(super) fn rows(what: &str, text: &str) -> Result<Vec<Row>, ImportError> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r
        .headers()
        .map_err(|e| ImportError(format!("{what}: {e}")))?
        .clone();
    r.records()
        .map(|rec| {
            let rec = rec.map_err(|e| ImportError(format!("{what}: {e}")))?;
            Ok(headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.trim().to_string(), v.trim().to_string()))
                .collect())
        })
        .collect()
}

pub(super) fn field<'a>(what: &str, r: &'a Row, name: &str) -> Result<&'a str, ImportError> {
    r.get(name)
        .map(String::as_str)
        .ok_or_else(|| ImportError(format!("{what}: no column {name}")))
}

/// A decimal cell; empty is `None`.
pub(super) fn num(what: &str, r: &Row, name: &str) -> Result<Option<Decimal>, ImportError> {
    let v = field(what, r, name)?;
    if v.is_empty() {
        return Ok(None);
    }
    Decimal::from_str(v)
        .map(Some)
        .map_err(|_| ImportError(format!("{what}: {name} {v:?} is not a number")))
}

pub(super) fn region(what: &str, r: &Row) -> Result<Region, ImportError> {
    let code = field(what, r, "region")?;
    Region::from_code(code).ok_or_else(|| ImportError(format!("{what}: unknown region {code}")))
}

pub(super) fn term(what: &str, s: &str) -> Result<Term, ImportError> {
    match s {
        "1yr" | "1y" => Ok(Term::OneYear),
        "3yr" | "3y" => Ok(Term::ThreeYears),
        _ => Err(ImportError(format!("{what}: unknown term {s:?}"))),
    }
}
