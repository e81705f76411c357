//! The page's state as a URL fragment: `#v1&tab=ec2&region=eu-west-1&ec2.count=4`, or with
//! scenarios `#v2&base=0&s=A&ec2.count=4&s=B&ec2.count=6`.
//!
//! Compact and versioned, so a link shared today still opens later: `v1` (one scenario) links are
//! still written when they say everything, and read for good. Keys are the public workload JSON
//! paths (plus `region`, `tab` and the panel's own choices `ec2.usage` and `ec2.chart`); values
//! are percent-encoded text exactly as the user typed it; only what differs from the defaults
//! (or, for later scenarios, from the first) is written. Decoding is strict: an unknown version or key, a repeated key, a bad
//! escape, an unknown choice or an over-long link is an error naming the reason, never a panic.
//! Values only ever go back into input fields as text.

#[cfg(feature = "exercise")]
mod exercise;

use crate::state::keys::{self, KeyError};
#[cfg(feature = "explore")]
use crate::state::ranges::{self, RangeText};
use crate::state::{Scenario, Service, State};
use std::fmt;

/// The newest version, which this build writes for scenarios; it reads `v1` and `v2`.
pub const VERSION: &str = "v2";
/// The longest fragment read, in bytes.
pub const MAX_LEN: usize = 16384;
/// The longest value read, in characters (after decoding).
pub const MAX_VALUE: usize = keys::MAX_VALUE;
/// The most options drawn on the EC2 chart that a link may name.
const MAX_CHART: usize = 40;

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Longer than [`MAX_LEN`] bytes.
    TooLong(usize),
    /// Not `v1` (the text found, cut short).
    UnknownVersion(String),
    /// A `%` not followed by two hex digits, or bytes that are not UTF-8.
    BadEncoding,
    /// An empty part (`&&`) or a part without `=`.
    Malformed,
    /// A key this version does not know (cut short).
    UnknownKey(String),
    /// The same key twice.
    Repeated(&'static str),
    /// A value longer than [`MAX_VALUE`] characters.
    ValueTooLong(&'static str),
    /// A value that is not one of the key's choices.
    BadValue(&'static str),
    /// More than [`crate::state::MAX_SCENARIOS`] scenarios.
    TooManyScenarios,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong(n) => {
                write!(f, "it is {n} characters long; links are at most {MAX_LEN}")
            }
            ShareError::UnknownVersion(v) if v.is_empty() => {
                write!(
                    f,
                    "it does not start with a version such as \"v1\" or \"{VERSION}\""
                )
            }
            ShareError::UnknownVersion(v) => write!(
                f,
                "its version \"{v}\" is not one this page reads (it reads \"v1\" and \"{VERSION}\")"
            ),
            ShareError::BadEncoding => {
                f.write_str("it contains a broken %-escape or non-UTF-8 text")
            }
            ShareError::Malformed => f.write_str("a part of it is not of the form key=value"),
            ShareError::UnknownKey(k) => write!(f, "it names an unknown input \"{k}\""),
            ShareError::Repeated(k) => write!(f, "it gives \"{k}\" twice"),
            ShareError::ValueTooLong(k) => {
                write!(
                    f,
                    "the value of \"{k}\" is longer than {MAX_VALUE} characters"
                )
            }
            ShareError::BadValue(k) => write!(f, "the value of \"{k}\" is not one of its choices"),
            ShareError::TooManyScenarios => write!(
                f,
                "it holds more than {} scenarios",
                crate::state::MAX_SCENARIOS
            ),
        }
    }
}

impl From<KeyError> for ShareError {
    fn from(e: KeyError) -> Self {
        match e {
            KeyError::Unknown(k) => ShareError::UnknownKey(cut(&k)),
            KeyError::TooLong(k) => ShareError::ValueTooLong(k),
            KeyError::NotAChoice(k) => ShareError::BadValue(k),
        }
    }
}

/// Percent-encodes everything but `A–Z a–z 0–9 - . _ ~` (and `,`, which separates lists).
fn escape(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

fn unescape(text: &str) -> Result<String, ShareError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(ShareError::BadEncoding)?;
            let hex = std::str::from_utf8(hex).map_err(|_| ShareError::BadEncoding)?;
            let byte = u8::from_str_radix(hex, 16).map_err(|_| ShareError::BadEncoding)?;
            // from_str_radix accepts a sign; an escape is exactly two hex digits.
            if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                return Err(ShareError::BadEncoding);
            }
            out.push(byte);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ShareError::BadEncoding)
}

/// Cuts user text short for a message.
fn cut(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Checks a value's length and characters; `Ok` holds the error for a value that is not one of
/// the key's choices.
fn checked(name: &'static str, v: &str) -> Result<ShareError, ShareError> {
    keys::checked(name, v)?;
    Ok(ShareError::BadValue(name))
}

/// Page keys: the panel on show and the EC2 chart's options (every version), the active and
/// baseline scenarios and the services compared (v2), and `s`, which starts a scenario (v2).
const TAB: &str = "tab";
const CHART: &str = "ec2.chart";
const ACTIVE: &str = "on";
const BASELINE: &str = "base";
const COUNTED: &str = "compare";
const SCENARIO: &str = "s";

fn push(out: &mut String, key: &str, value: &str) {
    out.push('&');
    escape(out, key);
    out.push('=');
    escape(out, value);
}

fn services_text(list: &[Service]) -> String {
    list.iter().map(|s| s.code()).collect::<Vec<_>>().join(",")
}

/// The inputs of `s` that differ from `reference`'s, then its ranges that differ (`range.<key>`
/// with `low~high`; empty: a range of `reference` that `s` does not have).
fn push_scenario(out: &mut String, s: &Scenario, reference: &Scenario) {
    for key in keys::all() {
        let v = keys::get(s, key);
        if v != keys::get(reference, key) {
            push(out, key, &v);
        }
    }
    #[cfg(feature = "explore")]
    for key in keys::all() {
        let (mine, theirs) = (s.ranges.get(key), reference.ranges.get(key));
        if mine != theirs {
            let v = mine.map(RangeText::link).unwrap_or_default();
            push(out, &format!("{}{key}", ranges::PREFIX), &v);
        }
    }
}

/// The fragment for a state (without `#`). A single scenario named "A" compared the default way
/// is written as `v1` (which every build reads); anything else as `v2`: each scenario starts with
/// `s=<name>` and gives what differs from the defaults (the first) or from the first scenario
/// (the others, which usually start as its copies).
pub fn encode(state: &State) -> String {
    let scenarios = state.scenarios();
    let v2 = scenarios.len() > 1
        || state.name != "A"
        || state.counted.is_some()
        || state.exercise.is_some();
    let mut out = String::from(if v2 { VERSION } else { "v1" });
    if state.service != Service::default() {
        push(&mut out, TAB, state.service.code());
    }
    if let Some(ids) = &state.ec2_chart {
        // "-" in a link: the default pick (On-Demand and the cheapest).
        push(&mut out, CHART, &ids.join(","));
    }
    if !v2 {
        push_scenario(&mut out, state, &Scenario::default());
        return out;
    }
    if state.active() != 0 {
        push(&mut out, ACTIVE, &state.active().to_string());
    }
    if state.baseline() != 0 {
        push(&mut out, BASELINE, &state.baseline().to_string());
    }
    if let Some(c) = &state.counted {
        push(&mut out, COUNTED, &services_text(c));
    }
    #[cfg(feature = "exercise")]
    if let Some(ex) = &state.exercise {
        exercise::push_exercise(&mut out, ex);
    }
    let defaults = Scenario::default();
    for (n, s) in scenarios.iter().enumerate() {
        push(&mut out, SCENARIO, &s.name);
        push_scenario(&mut out, s, if n == 0 { &defaults } else { &scenarios[0] });
    }
    out
}

/// Reads a scenario index.
fn index(name: &'static str, v: &str) -> Result<usize, ShareError> {
    v.parse::<usize>()
        .ok()
        .filter(|n| *n < crate::state::MAX_SCENARIOS && !v.starts_with('+'))
        .ok_or(ShareError::BadValue(name))
}

/// The state a fragment describes (with or without its `#`), starting from the defaults.
pub fn decode(fragment: &str) -> Result<State, ShareError> {
    decode_with_notice(fragment).map(|(state, _)| state)
}

/// The state a fragment describes and, when its exercise cannot be asked, why (the rest of the
/// link opens all the same, without the exercise).
pub fn decode_with_notice(fragment: &str) -> Result<(State, Option<String>), ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LEN {
        return Err(ShareError::TooLong(fragment.len()));
    }
    let mut parts = fragment.split('&');
    let version = parts.next().unwrap_or_default();
    let v2 = match version {
        "v1" => false,
        VERSION => true,
        _ => {
            let shown = if version.contains('=') { "" } else { version };
            return Err(ShareError::UnknownVersion(cut(shown)));
        }
    };
    let mut page = State::default();
    let (mut active, mut baseline) = (0, 0);
    // v1 is one scenario from the start; v2 starts each with `s=`.
    let mut scenarios: Vec<Scenario> = if v2 {
        vec![]
    } else {
        vec![Scenario::default()]
    };
    let mut page_seen: Vec<&'static str> = vec![];
    let mut seen: Vec<&'static str> = vec![];
    #[cfg(feature = "exercise")]
    let mut asked: Vec<(&'static str, String)> = vec![];
    for part in parts {
        let (k, v) = part.split_once('=').ok_or(ShareError::Malformed)?;
        let name = unescape(k)?;
        let v = unescape(v)?;
        #[cfg(feature = "exercise")]
        if let Some(key) = exercise::KEYS.into_iter().find(|k| v2 && *k == name) {
            if asked.iter().any(|(k, _)| *k == key) {
                return Err(ShareError::Repeated(key));
            }
            exercise::checked(key, &v)?;
            asked.push((key, v));
            continue;
        }
        let page_key = [TAB, CHART, ACTIVE, BASELINE, COUNTED]
            .into_iter()
            .filter(|p| v2 || [TAB, CHART].contains(p))
            .find(|p| *p == name);
        if let Some(key) = page_key {
            if page_seen.contains(&key) {
                return Err(ShareError::Repeated(key));
            }
            page_seen.push(key);
            let bad = checked(key, &v)?;
            match key {
                TAB => {
                    page.service = *Service::ALL.iter().find(|t| t.code() == v).ok_or(bad)?;
                }
                CHART => page.ec2_chart = chart(&v).ok_or(bad)?,
                ACTIVE => active = index(key, &v)?,
                BASELINE => baseline = index(key, &v)?,
                _ => page.counted = Some(counted(&v).ok_or(bad)?),
            }
            continue;
        }
        if v2 && name == SCENARIO {
            if scenarios.len() == crate::state::MAX_SCENARIOS {
                return Err(ShareError::TooManyScenarios);
            }
            if v.chars().count() > crate::state::MAX_NAME || v.chars().any(char::is_control) {
                return Err(ShareError::BadValue(SCENARIO));
            }
            let mut s = scenarios.first().cloned().unwrap_or_default();
            s.name = v;
            scenarios.push(s);
            seen.clear();
            continue;
        }
        #[cfg(feature = "explore")]
        if let Some(input) = name.strip_prefix(ranges::PREFIX) {
            let key = keys::find(input).ok_or_else(|| ShareError::UnknownKey(cut(&name)))?;
            let current = scenarios.last_mut().ok_or(ShareError::Malformed)?;
            if v.is_empty() {
                current.ranges.remove(key);
            } else if current.ranges.len() < awscost::explore::ranges::MAX_RANGES
                || current.ranges.contains_key(key)
            {
                current.ranges.insert(key, RangeText::from_link(key, &v)?);
            } else {
                return Err(ShareError::BadValue(key));
            }
            continue;
        }
        let key = keys::find(&name).ok_or_else(|| ShareError::UnknownKey(cut(&name)))?;
        let current = scenarios.last_mut().ok_or(ShareError::Malformed)?;
        if seen.contains(&key) {
            return Err(ShareError::Repeated(key));
        }
        seen.push(key);
        keys::set(current, key, &v)?;
    }
    if scenarios.is_empty() {
        scenarios.push(Scenario::default());
    }
    let name = if active < scenarios.len() {
        BASELINE
    } else {
        ACTIVE
    };
    let mut state =
        State::with_scenarios(scenarios, active, baseline).ok_or(ShareError::BadValue(name))?;
    state.service = page.service;
    state.ec2_chart = page.ec2_chart;
    state.counted = page.counted;
    #[cfg(feature = "exercise")]
    if !asked.is_empty() {
        match exercise::read(&asked) {
            Ok(ex) => state.exercise = Some(ex),
            Err(why) => {
                return Ok((
                    state,
                    Some(format!("the exercise in it cannot be asked: {why}")),
                ))
            }
        }
    }
    Ok((state, None))
}

/// The EC2 chart's options: `-` for the default pick, else option ids separated by commas.
fn chart(v: &str) -> Option<Option<Vec<String>>> {
    if v == "-" {
        return Some(None);
    }
    let ids: Vec<String> = v
        .split(',')
        .filter(|id| !id.is_empty())
        .map(String::from)
        .collect();
    let id_ok = |id: &String| {
        id.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    (ids.len() <= MAX_CHART && ids.iter().all(id_ok)).then_some(Some(ids))
}

/// The services compared: codes separated by commas, each once.
fn counted(v: &str) -> Option<Vec<Service>> {
    let mut out = vec![];
    for code in v.split(',').filter(|c| !c.is_empty()) {
        let s = Service::ALL.iter().find(|s| s.code() == code)?;
        if out.contains(s) {
            return None;
        }
        out.push(*s);
    }
    Some(out)
}

#[cfg(test)]
mod tests {

    #[cfg(feature = "explore")]
    #[test]
    fn ranges_go_through_the_link() {
        use crate::state::ranges::RangeText;
        use crate::state::Action;
        let r = |low: &str, high: &str| {
            Some(RangeText {
                low: low.into(),
                high: high.into(),
            })
        };
        let s = State::default()
            .apply(Action::SetRange(
                "lambda.invocations_per_month",
                r("1000000", "5000000"),
            ))
            .apply(Action::SetRange("ec2.count", r("1", "6")));
        let link = encode(&s);
        assert!(link.starts_with("v1&"), "{link}");
        assert!(
            link.contains("range.lambda.invocations_per_month=1000000~5000000"),
            "{link}"
        );
        assert_eq!(decode(&link).unwrap(), s);
        // B drops A's range: said with an empty value.
        let two = s
            .apply(Action::AddScenario)
            .apply(Action::SetRange("ec2.count", None));
        let link = encode(&two);
        assert!(link.ends_with("&range.ec2.count="), "{link}");
        assert_eq!(decode(&link).unwrap(), two);
        // A range of an unknown input, or without its `~`, is refused.
        assert!(decode("v1&range.lambda.nope=1~2").is_err());
        assert!(decode("v1&range.ec2.count=12").is_err());
    }

    use super::*;
    #[allow(unused_imports)]
    use crate::state::*;
    use crate::state::{Action, EbsField, Ec2Action, Ec2Field, LambdaAction, LambdaField, S3Field};
    use awscost::Region;

    /// A non-default value for every key, and a state holding all of them.
    fn every_field() -> State {
        let mut s = State::default();
        for key in keys::all() {
            let v = match key {
                "region" => "ap-south-1",
                "lambda.architecture" => "arm64",
                "lambda.free_tier" => "false",
                "lambda.multi_threaded" => "true",
                "lambda.invocation_type" => "async",
                "ec2.usage" => "weekly",
                "ec2.horizon_years" => "1",
                "ec2.interruption_tolerant" | "ec2.needs_dedicated" | "ec2.core_bound_license" => {
                    "true"
                }
                "ec2.peak_pricing" => "spot",
                "ebs.boot" | "ebs.multi_attach" => "true",
                "ebs.snapshot_tier" => "archive",
                "s3.retrieval_tier" => "bulk",
                "s3.lifecycle" => "GLACIER_IR,DEEP_ARCHIVE",
                // Typed text, kept as typed, awkward characters and all.
                _ => "1,5 & 2=x #é%",
            };
            keys::set(&mut s, key, v).unwrap();
            assert_ne!(
                keys::get(&s, key),
                keys::get(&State::default(), key),
                "{key}"
            );
        }
        s.service = Service::S3;
        s.ec2_chart = Some(vec!["on-demand".into(), "spot".into()]);
        s
    }

    #[cfg(feature = "exercise")]
    #[test]
    fn an_exercise_round_trips_and_one_that_cannot_be_asked_is_named() {
        use awscost::exercise::{Exercise, Question};
        use rust_decimal::Decimal;
        let ex = Exercise {
            question: Question::SavingPercent,
            service: Some(Service::Ec2),
            option: Some("reserved-standard-3y-all-upfront".into()),
            scenario: 1,
            tolerance_percent: Decimal::new(55, 1),
            open_fields: vec!["ec2.count".into(), "region".into()],
            title: Some("RI & you: 50% = ?".into()),
            hint: Some("Think #months, é".into()),
        };
        let s = State::default()
            .apply(Action::AddScenario)
            .apply(Action::SetExercise(Some(Box::new(ex))));
        let link = encode(&s);
        assert!(
            link.starts_with("v2&on=1&x=saving_percent&x.service=ec2&"),
            "{link}"
        );
        assert_eq!(decode_with_notice(&link), Ok((s, None)));
        // One scenario with an exercise is a v2 link too (the full module reads it).
        let one = State::default().apply(Action::SetExercise(Some(Box::new(Exercise {
            question: Question::MonthlyCost,
            service: None,
            option: None,
            scenario: 0,
            tolerance_percent: Decimal::TEN,
            open_fields: vec![],
            title: None,
            hint: None,
        }))));
        assert_eq!(encode(&one), "v2&x=monthly_cost&s=A");
        assert_eq!(decode(&encode(&one)), Ok(one));
        // The rest of the link opens without an exercise that cannot be asked, with the reason.
        let memory = |s: &State| s.lambda.text(LambdaField::Memory).to_string();
        for (link, why) in [
            (
                "v2&x=guess&s=A&lambda.memory_mb=1024",
                "\"guess\" is not a question",
            ),
            (
                "v2&x=monthly_cost&x.service=rds&s=A&lambda.memory_mb=1024",
                "\"rds\" is not a service",
            ),
            (
                "v2&x=monthly_cost&x.tolerance=lots&s=A&lambda.memory_mb=1024",
                "tolerance \"lots\"",
            ),
            (
                "v2&x=monthly_cost&x.tolerance=101&s=A&lambda.memory_mb=1024",
                "from 0 to 100",
            ),
            (
                "v2&x=monthly_cost&x.open=lambda.nope&s=A&lambda.memory_mb=1024",
                "\"lambda.nope\" is not an input",
            ),
            ("v2&x.title=T&s=A&lambda.memory_mb=1024", "no question"),
        ] {
            let (s, notice) = decode_with_notice(link).unwrap();
            assert_eq!(
                (s.exercise.clone(), memory(&s)),
                (None, "1024".into()),
                "{link}"
            );
            let notice = notice.unwrap_or_default();
            assert!(notice.contains(why), "{link}: {notice}");
        }
        let long = format!("v2&x=monthly_cost&x.title={}&s=A", "t".repeat(501));
        assert!(decode_with_notice(&long)
            .unwrap()
            .1
            .unwrap()
            .contains("500 characters"));
        // As strict as any other key: repeated, broken, or outside v2.
        assert_eq!(
            decode("v2&x=monthly_cost&x=monthly_cost"),
            Err(ShareError::Repeated("x"))
        );
        assert_eq!(
            decode("v1&x=monthly_cost"),
            Err(ShareError::UnknownKey("x".into()))
        );
        assert_eq!(
            decode("v2&x=monthly_cost&x.hint=a%0Ab"),
            Err(ShareError::BadValue("x.hint"))
        );
    }

    #[test]
    fn defaults_are_just_the_version() {
        assert_eq!(encode(&State::default()), "v1");
        assert_eq!(decode("#v1"), Ok(State::default()));
        assert_eq!(decode("v1"), Ok(State::default()));
    }

    #[test]
    fn only_changed_inputs_are_written() {
        let s = State::default()
            .apply(Action::SetRegion(Region::EuWest1))
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Memory,
                "1024".into(),
            )));
        assert_eq!(encode(&s), "v1&region=eu-west-1&lambda.memory_mb=1024");
    }

    #[test]
    fn every_field_round_trips_alone_and_together() {
        let all = every_field();
        assert_eq!(decode(&encode(&all)), Ok(all.clone()));
        for key in keys::all() {
            let mut one = State::default();
            keys::set(&mut one, key, &keys::get(&all, key)).unwrap();
            let link = encode(&one);
            assert!(link.contains(&format!("{}=", {
                let mut k = String::new();
                escape(&mut k, key);
                k
            })));
            assert_eq!(decode(&link), Ok(one), "{link}");
        }
    }

    #[test]
    fn every_choice_round_trips() {
        let choices: &[(&str, &[&str])] = &[
            ("region", &["us-east-1", "eu-west-1", "ap-south-1"]),
            ("lambda.architecture", &["x86_64", "arm64"]),
            ("lambda.invocation_type", &["sync", "async"]),
            ("ec2.usage", &["hours_per_month", "weekly"]),
            ("ec2.horizon_years", &["1", "3"]),
            ("ec2.peak_pricing", &["on-demand", "spot"]),
            ("ebs.snapshot_tier", &["standard", "archive"]),
            ("s3.retrieval_tier", &["expedited", "standard", "bulk"]),
            (
                "s3.lifecycle",
                &[
                    "",
                    "STANDARD",
                    "STANDARD,INTELLIGENT_TIERING,ONEZONE_IA",
                    "GLACIER",
                ],
            ),
        ];
        for (key, values) in choices {
            for v in *values {
                let mut s = State::default();
                keys::set(&mut s, key, v).unwrap();
                assert_eq!(keys::get(&s, key), *v);
                assert_eq!(decode(&encode(&s)), Ok(s));
            }
        }
    }

    #[test]
    fn page_choices_round_trip_in_v1() {
        for tab in Service::ALL {
            for chart in [None, Some(vec![]), Some(vec!["spot".to_string()])] {
                let mut s = State::default();
                s.service = tab;
                s.ec2_chart = chart.clone();
                let link = encode(&s);
                assert!(link.starts_with("v1"), "{link}");
                assert_eq!(decode(&link), Ok(s));
            }
        }
        // "-" is the default pick, as older links wrote it.
        assert_eq!(decode("v1&ec2.chart=-"), Ok(State::default()));
    }

    /// Three scenarios, the second renamed, the third in another region, B pinned and C active.
    fn scenarios() -> State {
        State::default()
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "4".into())))
            .apply(Action::AddScenario)
            .apply(Action::RenameScenario(1, "Spot & more".into()))
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "6".into())))
            .apply(Action::AddScenario)
            .apply(Action::SetRegion(Region::EuWest1))
            .apply(Action::PinBaseline(1))
            .apply(Action::SetCounted(Service::Ec2, true))
    }

    #[test]
    fn scenarios_round_trip_in_v2() {
        let s = scenarios();
        assert_eq!(s.scenarios().len(), 3);
        let link = encode(&s);
        assert_eq!(
            link,
            "v2&on=2&base=1&compare=ec2&s=A&ec2.count=4&s=Spot%20%26%20more&ec2.count=6\
             &s=C&region=eu-west-1&ec2.count=6"
        );
        assert_eq!(decode(&link), Ok(s));
        // Every field, in every scenario.
        let all = every_field();
        let two = all
            .apply(Action::AddScenario)
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Memory,
                "2048".into(),
            )));
        assert_eq!(decode(&encode(&two)), Ok(two));
        // One renamed scenario is v2 too.
        let one = State::default().apply(Action::RenameScenario(0, "Today".into()));
        assert_eq!(encode(&one), "v2&s=Today");
        assert_eq!(decode("v2&s=Today"), Ok(one));
        assert_eq!(decode("v2"), Ok(State::default()));
    }

    #[test]
    fn malformed_v2_links_say_why() {
        let nine = format!("v2{}", "&s=x".repeat(9));
        let cases: &[(&str, ShareError)] = &[
            ("v2&region=eu-west-1", ShareError::Malformed),
            ("v2&s=A&on=1", ShareError::BadValue("on")),
            ("v2&s=A&s=B&base=2", ShareError::BadValue("base")),
            ("v2&s=A&base=-1", ShareError::BadValue("base")),
            ("v2&s=A&base=+0", ShareError::BadValue("base")),
            ("v2&on=99&s=A", ShareError::BadValue("on")),
            ("v2&compare=ec2,ec2&s=A", ShareError::BadValue("compare")),
            ("v2&compare=rds&s=A", ShareError::BadValue("compare")),
            ("v2&base=1&base=1&s=A&s=B", ShareError::Repeated("base")),
            (
                "v2&s=A&region=eu-west-1&region=eu-west-1",
                ShareError::Repeated("region"),
            ),
            (&nine, ShareError::TooManyScenarios),
            ("v2&s=a%0Ab", ShareError::BadValue("s")),
            ("v1&s=A", ShareError::UnknownKey("s".into())),
            ("v1&base=0", ShareError::UnknownKey("base".into())),
            ("v3&s=A", ShareError::UnknownVersion("v3".into())),
        ];
        for (link, want) in cases {
            assert_eq!(decode(link).as_ref().err(), Some(want), "{link}");
        }
        let long = format!("v2&s={}", "n".repeat(crate::state::MAX_NAME + 1));
        assert_eq!(decode(&long), Err(ShareError::BadValue("s")));
        // A repeated key is fine across scenarios.
        assert!(decode("v2&s=A&ec2.count=2&s=B&ec2.count=3").is_ok());
    }

    #[test]
    fn typed_text_survives_any_characters() {
        let s = State::default().apply(Action::Ec2(Ec2Action::Set(
            Ec2Field::InstanceType,
            "<script>alert(1)</script>&tab=ec2".into(),
        )));
        let link = encode(&s);
        assert!(!link.contains('<') && !link.contains("&tab"));
        assert_eq!(
            decode(&link).unwrap().ec2.instance_type,
            s.ec2.instance_type
        );
        assert_eq!(decode(&link).unwrap().service, Service::Lambda);
    }

    #[test]
    fn malformed_links_say_why() {
        let long = format!("v1&lambda.memory_mb={}", "1".repeat(MAX_LEN));
        let value = format!("v1&lambda.memory_mb={}", "1".repeat(MAX_VALUE + 1));
        let cases: &[(&str, ShareError)] = &[
            ("", ShareError::UnknownVersion("".into())),
            ("#", ShareError::UnknownVersion("".into())),
            ("region=us-east-1", ShareError::UnknownVersion("".into())),
            (
                "v9&region=us-east-1",
                ShareError::UnknownVersion("v9".into()),
            ),
            ("v0", ShareError::UnknownVersion("v0".into())),
            ("V1", ShareError::UnknownVersion("V1".into())),
            (&long, ShareError::TooLong(long.len())),
            (&value, ShareError::ValueTooLong("lambda.memory_mb")),
            ("v1&", ShareError::Malformed),
            ("v1&&region=us-east-1", ShareError::Malformed),
            ("v1&region", ShareError::Malformed),
            ("v1&colour=red", ShareError::UnknownKey("colour".into())),
            (
                "v1&lambda.memory=512",
                ShareError::UnknownKey("lambda.memory".into()),
            ),
            ("v1&region=us-west-2", ShareError::BadValue("region")),
            ("v1&tab=%3Cimg%3E", ShareError::BadValue("tab")),
            (
                "v1&lambda.free_tier=yes",
                ShareError::BadValue("lambda.free_tier"),
            ),
            (
                "v1&ec2.horizon_years=2",
                ShareError::BadValue("ec2.horizon_years"),
            ),
            (
                "v1&ec2.chart=spot,Bad_Id",
                ShareError::BadValue("ec2.chart"),
            ),
            (
                "v1&s3.lifecycle=STANDARD,GLACIER,GLACIER,GLACIER",
                ShareError::BadValue("s3.lifecycle"),
            ),
            (
                "v1&s3.lifecycle=standard",
                ShareError::BadValue("s3.lifecycle"),
            ),
            (
                "v1&lambda.memory_mb=5%0A12",
                ShareError::BadValue("lambda.memory_mb"),
            ),
            ("v1&lambda.memory_mb=5%2", ShareError::BadEncoding),
            ("v1&lambda.memory_mb=%zz", ShareError::BadEncoding),
            ("v1&lambda.memory_mb=%+1", ShareError::BadEncoding),
            ("v1&lambda.memory_mb=%FF", ShareError::BadEncoding),
            (
                "v1&region=eu-west-1&region=eu-west-1",
                ShareError::Repeated("region"),
            ),
        ];
        for (link, want) in cases {
            let got = decode(link);
            assert_eq!(got.as_ref().err(), Some(want), "{link}");
            assert!(!want.to_string().is_empty());
        }
        // What the notice says.
        assert_eq!(
            ShareError::UnknownVersion("v9".into()).to_string(),
            "its version \"v9\" is not one this page reads (it reads \"v1\" and \"v2\")"
        );
    }

    #[test]
    fn a_tampered_key_is_cut_short_in_the_message() {
        let link = format!("v1&{}=1", "k".repeat(300));
        let e = decode(&link).unwrap_err();
        assert_eq!(e, ShareError::UnknownKey("k".repeat(40)));
    }

    #[test]
    fn every_preset_survives_a_link() {
        for n in 0..crate::state::presets::PRESETS.len() {
            let s = State::default().apply(Action::ApplyPreset(n));
            assert_eq!(decode(&encode(&s)), Ok(s));
        }
    }

    #[test]
    fn keys_are_unique_and_name_the_workload_json() {
        let keys: Vec<&str> = keys::all().collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(keys[i + 1..].iter().all(|o| o != k), "{k}");
            assert_eq!(keys::find(k), Some(*k));
        }
        assert_eq!(LambdaField::Memory.path(), "lambda.memory_mb");
        assert!(keys.contains(&S3Field::PlanDays0.path()));
        for f in LambdaField::ALL {
            assert!(keys.contains(&f.path()), "{}", f.path());
        }
        for f in Ec2Field::ALL {
            assert!(keys.contains(&f.path()), "{}", f.path());
        }
        for f in EbsField::ALL {
            assert!(keys.contains(&f.path()), "{}", f.path());
        }
        for f in S3Field::WORKLOAD {
            assert!(keys.contains(&f.path()), "{}", f.path());
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    #[allow(unused_imports)]
    use crate::state::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = crate::state::Action> {
        use crate::state::{Action, Ec2Action, Ec2Field};
        prop_oneof![
            Just(Action::AddScenario),
            (0usize..10).prop_map(Action::SelectScenario),
            (0usize..10).prop_map(Action::RemoveScenario),
            (0usize..10).prop_map(Action::PinBaseline),
            (0usize..10, ".{0,50}").prop_map(|(n, t)| Action::RenameScenario(n, t)),
            "[0-9]{0,4}".prop_map(|t| Action::Ec2(Ec2Action::Set(Ec2Field::Count, t))),
            Just(Action::SetRegion(awscost::Region::ApSouth1)),
            Just(Action::Reset),
            (0usize..6).prop_map(Action::ApplyPreset),
        ]
    }

    proptest! {
        /// Whatever a person does, the state survives a link.
        #[test]
        fn every_state_survives_a_link(actions in proptest::collection::vec(action(), 0..30)) {
            let mut s = State::default();
            for a in actions {
                s = s.apply(a);
            }
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }

        #[test]
        fn decode_never_panics(s in ".{0,300}") {
            let _ = decode(&s);
        }

        #[test]
        fn decode_never_panics_on_near_links(s in "v[12](&[a-z_.0-9%\\[\\]]{0,24}(=[a-zA-Z0-9%,._-]{0,12})?){0,8}") {
            if let Ok(state) = decode(&s) {
                // Whatever reads, writes back to the same state.
                prop_assert_eq!(decode(&encode(&state)), Ok(state));
            }
        }

        #[test]
        fn v2_parts_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("s=A".to_string()), Just("s=B".to_string()), "on=[0-9]", "base=[0-9]",
            "compare=[a-z0-9,]{0,12}", "ec2.count=[0-9]{1,3}", "region=(us-east-1|eu-west-1|x)",
            Just("tab=s3".to_string()),
        ], 0..14)) {
            let link = format!("v2&{}", parts.join("&"));
            if let Ok(state) = decode(&link) {
                prop_assert_eq!(decode(&encode(&state)), Ok(state));
            }
        }

        #[test]
        fn typed_text_round_trips(t in "\\PC{0,100}") {
            let s = State::default().apply(crate::state::Action::Lambda(LambdaAction::Set(LambdaField::Duration, t)));
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }
    }
}
