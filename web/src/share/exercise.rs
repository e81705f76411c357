//! An exercise in a link: page keys of `v2` links, `x=<question>` then `x.service`, `x.option`,
//! `x.scenario`, `x.tolerance`, `x.open` (the learner's open fields, link keys separated by
//! commas), `x.title` and `x.hint`, each written only when given (`x.tolerance` when not the
//! default 10). The answer is never in the link: it is worked out from the bundled tables.
//!
//! An exercise the page cannot read (an unknown question or service, a tolerance that is not a
//! number, an open field that is not an input) leaves the rest of the link to open as it is; the
//! page says what was wrong (see [`super::decode_with_notice`]).

use super::{cut, push, ShareError};
use crate::state::keys;
use crate::state::Service;
use awscost::exercise::{Exercise, Question, DEFAULT_TOLERANCE_PERCENT, MAX_OPEN_FIELDS, MAX_TEXT};
use rust_decimal::Decimal;

pub(super) const QUESTION: &str = "x";
const SERVICE: &str = "x.service";
const OPTION: &str = "x.option";
const SCENARIO: &str = "x.scenario";
const TOLERANCE: &str = "x.tolerance";
const OPEN: &str = "x.open";
const TITLE: &str = "x.title";
const HINT: &str = "x.hint";

/// Every exercise key, in the order links write them.
pub(super) const KEYS: [&str; 8] = [
    QUESTION, SERVICE, OPTION, SCENARIO, TOLERANCE, OPEN, TITLE, HINT,
];

/// Writes the exercise's keys.
pub(super) fn push_exercise(out: &mut String, ex: &Exercise) {
    push(out, QUESTION, ex.question.id());
    if let Some(s) = ex.service {
        push(out, SERVICE, s.code());
    }
    if let Some(o) = &ex.option {
        push(out, OPTION, o);
    }
    if ex.scenario != 0 {
        push(out, SCENARIO, &ex.scenario.to_string());
    }
    if ex.tolerance_percent != Decimal::from(DEFAULT_TOLERANCE_PERCENT) {
        push(
            out,
            TOLERANCE,
            &ex.tolerance_percent.normalize().to_string(),
        );
    }
    if !ex.open_fields.is_empty() {
        push(out, OPEN, &ex.open_fields.join(","));
    }
    if let Some(t) = &ex.title {
        push(out, TITLE, t);
    }
    if let Some(h) = &ex.hint {
        push(out, HINT, h);
    }
}

/// The longest value an exercise key takes: a title or hint of [`MAX_TEXT`] characters, or every
/// open field's key.
const MAX_EXERCISE_VALUE: usize = 2000;

/// Checks an exercise value's length and characters as a link is read (so an over-long or
/// broken link is refused as a whole, as any other key's value is).
pub(super) fn checked(key: &'static str, v: &str) -> Result<(), ShareError> {
    if v.chars().count() > MAX_EXERCISE_VALUE {
        return Err(ShareError::ValueTooLong(key));
    }
    if v.chars().any(char::is_control) {
        return Err(ShareError::BadValue(key));
    }
    Ok(())
}

/// The exercise the keys give, or why it cannot be asked (a sentence for the page's notice).
pub(super) fn read(parts: &[(&'static str, String)]) -> Result<Exercise, String> {
    let get = |k: &str| {
        parts
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.as_str())
    };
    let question = get(QUESTION).ok_or("it gives no question (\"x=\")")?;
    let question = Question::from_id(question)
        .ok_or_else(|| format!("\"{}\" is not a question this page asks", cut(question)))?;
    let service = match get(SERVICE) {
        Some(code) => Some(
            Service::ALL
                .into_iter()
                .find(|s| s.code() == code)
                .ok_or_else(|| format!("\"{}\" is not a service", cut(code)))?,
        ),
        None => None,
    };
    let scenario = match get(SCENARIO) {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n < crate::state::MAX_SCENARIOS)
            .ok_or_else(|| format!("its scenario \"{}\" is not one of 0 to 7", cut(n)))?,
        None => 0,
    };
    let tolerance_percent = match get(TOLERANCE) {
        Some(t) => awscost::money::read_number(t)
            .ok()
            .filter(|t| *t >= Decimal::ZERO && *t <= Decimal::ONE_HUNDRED)
            .ok_or_else(|| {
                format!(
                    "its tolerance \"{}\" is not a percentage from 0 to 100",
                    cut(t)
                )
            })?,
        None => Decimal::from(DEFAULT_TOLERANCE_PERCENT),
    };
    let mut open_fields = vec![];
    for f in get(OPEN)
        .unwrap_or_default()
        .split(',')
        .filter(|f| !f.is_empty())
    {
        let key =
            keys::find(f).ok_or_else(|| format!("\"{}\" is not an input it could open", cut(f)))?;
        if !open_fields.iter().any(|o| o == key) {
            open_fields.push(key.to_string());
        }
    }
    if open_fields.len() > MAX_OPEN_FIELDS {
        return Err(format!("it opens more than {MAX_OPEN_FIELDS} fields"));
    }
    let text = |k: &str| -> Result<Option<String>, String> {
        match get(k) {
            Some(t) if t.chars().count() > MAX_TEXT => Err(format!(
                "its {} is longer than {MAX_TEXT} characters",
                &k[2..]
            )),
            Some(t) if !t.trim().is_empty() => Ok(Some(t.to_string())),
            _ => Ok(None),
        }
    };
    Ok(Exercise {
        question,
        service,
        option: get(OPTION).map(String::from),
        scenario,
        tolerance_percent,
        open_fields,
        title: text(TITLE)?,
        hint: text(HINT)?,
    })
}
