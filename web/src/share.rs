//! The page's state as a URL fragment: `#v1&region=eu-west-1&tab=ec2&ec2.count=4`.
//!
//! Compact and versioned, so a link shared today still opens later. Keys are the public workload
//! JSON paths (plus `region`, `tab` and the panel's own choices `ec2.usage` and `ec2.chart`);
//! values are percent-encoded text exactly as the user typed it; only what differs from the
//! defaults is written. Decoding is strict: an unknown version or key, a repeated key, a bad
//! escape, an unknown choice or an over-long link is an error naming the reason, never a panic.
//! Values only ever go back into input fields as text.

use crate::state::{EbsField, Ec2Field, LambdaField, S3Field, Service, State, Usage};
use awscost::ebs::SnapshotTier;
use awscost::ec2::PeakPricing;
use awscost::lambda::{Architecture, InvocationType};
use awscost::s3::{RetrievalTier, StorageClass};
use awscost::Region;
use std::fmt;

/// The version this build writes (and the only one it reads so far).
pub const VERSION: &str = "v1";
/// The longest fragment read, in bytes.
pub const MAX_LEN: usize = 4096;
/// The longest value read, in characters (after decoding).
pub const MAX_VALUE: usize = 100;
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
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong(n) => {
                write!(f, "it is {n} characters long; links are at most {MAX_LEN}")
            }
            ShareError::UnknownVersion(v) if v.is_empty() => {
                write!(f, "it does not start with a version such as \"{VERSION}\"")
            }
            ShareError::UnknownVersion(v) => write!(
                f,
                "its version \"{v}\" is not one this page reads (it reads \"{VERSION}\")"
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
        }
    }
}

/// A shareable input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    Region,
    Tab,
    Lambda(LambdaField),
    Architecture,
    FreeTier,
    MultiThreaded,
    InvocationType,
    Ec2(Ec2Field),
    Usage,
    Horizon,
    InterruptionTolerant,
    NeedsDedicated,
    CoreBoundLicense,
    PeakPricing,
    Chart,
    Ebs(EbsField),
    Boot,
    MultiAttach,
    SnapshotTier,
    S3(S3Field),
    RetrievalTier,
    Plan,
}

const INVOCATION: [(InvocationType, &str); 2] = [
    (InvocationType::Sync, "sync"),
    (InvocationType::Async, "async"),
];
const PEAK: [(PeakPricing, &str); 2] = [
    (PeakPricing::OnDemand, "on-demand"),
    (PeakPricing::Spot, "spot"),
];
const USAGE: [(Usage, &str); 2] = [
    (Usage::HoursPerMonth, "hours_per_month"),
    (Usage::Weekly, "weekly"),
];

fn code_of<T: PartialEq + Copy>(table: &[(T, &'static str)], v: T) -> &'static str {
    table.iter().find(|(t, _)| *t == v).map_or("", |(_, c)| c)
}

fn from_code<T: Copy>(table: &[(T, &'static str)], code: &str) -> Option<T> {
    table.iter().find(|(_, c)| *c == code).map(|(t, _)| *t)
}

fn flag(b: bool) -> String {
    if b { "true" } else { "false" }.into()
}

fn read_flag(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

impl Key {
    /// Every key, in the order links write them.
    pub(crate) fn all() -> Vec<Key> {
        let mut keys = vec![Key::Region, Key::Tab, Key::Architecture];
        keys.extend(LambdaField::ALL.map(Key::Lambda));
        keys.extend([Key::FreeTier, Key::MultiThreaded, Key::InvocationType]);
        keys.extend(Ec2Field::ALL.map(Key::Ec2));
        keys.extend([
            Key::Usage,
            Key::Horizon,
            Key::InterruptionTolerant,
            Key::NeedsDedicated,
            Key::CoreBoundLicense,
            Key::PeakPricing,
            Key::Chart,
        ]);
        keys.extend(EbsField::ALL.map(Key::Ebs));
        keys.extend([Key::Boot, Key::MultiAttach, Key::SnapshotTier]);
        keys.extend(S3Field::WORKLOAD.map(Key::S3));
        keys.extend([
            Key::S3(S3Field::PlanDays0),
            Key::S3(S3Field::PlanDays1),
            Key::RetrievalTier,
            Key::Plan,
        ]);
        keys
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Key::Region => "region",
            Key::Tab => "tab",
            Key::Lambda(f) => f.path(),
            Key::Architecture => "lambda.architecture",
            Key::FreeTier => "lambda.free_tier",
            Key::MultiThreaded => "lambda.multi_threaded",
            Key::InvocationType => "lambda.invocation_type",
            Key::Ec2(f) => f.path(),
            Key::Usage => "ec2.usage",
            Key::Horizon => "ec2.horizon_years",
            Key::InterruptionTolerant => "ec2.interruption_tolerant",
            Key::NeedsDedicated => "ec2.needs_dedicated",
            Key::CoreBoundLicense => "ec2.core_bound_license",
            Key::PeakPricing => "ec2.peak_pricing",
            Key::Chart => "ec2.chart",
            Key::Ebs(f) => f.path(),
            Key::Boot => "ebs.boot",
            Key::MultiAttach => "ebs.multi_attach",
            Key::SnapshotTier => "ebs.snapshot_tier",
            Key::S3(f) => f.path(),
            Key::RetrievalTier => "s3.retrieval_tier",
            Key::Plan => "s3.lifecycle",
        }
    }

    pub(crate) fn find(name: &str) -> Option<Key> {
        Key::all().into_iter().find(|k| k.name() == name)
    }

    /// The input's value as text.
    pub(crate) fn get(self, s: &State) -> String {
        match self {
            Key::Region => s.region.code().into(),
            Key::Tab => s.service.code().into(),
            Key::Lambda(f) => s.lambda.text(f).into(),
            Key::Architecture => s.lambda.architecture.code().into(),
            Key::FreeTier => flag(s.lambda.free_tier),
            Key::MultiThreaded => flag(s.lambda.multi_threaded),
            Key::InvocationType => code_of(&INVOCATION, s.lambda.invocation_type).into(),
            Key::Ec2(f) => s.ec2.text(f).into(),
            Key::Usage => code_of(&USAGE, s.ec2.usage).into(),
            Key::Horizon => s.ec2.horizon_years.to_string(),
            Key::InterruptionTolerant => flag(s.ec2.interruption_tolerant),
            Key::NeedsDedicated => flag(s.ec2.needs_dedicated),
            Key::CoreBoundLicense => flag(s.ec2.core_bound_license),
            Key::PeakPricing => code_of(&PEAK, s.ec2.peak_pricing).into(),
            // "-": the default pick (On-Demand and the cheapest).
            Key::Chart => s.ec2_chart.as_ref().map_or("-".into(), |ids| ids.join(",")),
            Key::Ebs(f) => s.ebs.text(f).into(),
            Key::Boot => flag(s.ebs.boot),
            Key::MultiAttach => flag(s.ebs.multi_attach),
            Key::SnapshotTier => s.ebs.snapshot_tier.code().into(),
            Key::S3(f) => s.s3.text(f).into(),
            Key::RetrievalTier => s.s3.retrieval_tier.code().into(),
            Key::Plan => {
                s.s3.plan
                    .iter()
                    .map_while(|c| c.map(StorageClass::code))
                    .collect::<Vec<_>>()
                    .join(",")
            }
        }
    }

    /// Puts a value back; a value that is not one of the key's choices is an error.
    pub(crate) fn set(self, s: &mut State, v: &str) -> Result<(), ShareError> {
        let bad = ShareError::BadValue(self.name());
        if v.chars().count() > MAX_VALUE {
            return Err(ShareError::ValueTooLong(self.name()));
        }
        if v.chars().any(char::is_control) {
            return Err(bad);
        }
        let ok = |o: Option<()>| o.ok_or(bad.clone());
        match self {
            Key::Region => ok(Region::from_code(v).map(|r| s.region = r)),
            Key::Tab => ok(Service::ALL
                .iter()
                .find(|t| t.code() == v)
                .map(|t| s.service = *t)),
            Key::Lambda(f) => {
                *s.lambda.text_mut(f) = v.into();
                Ok(())
            }
            Key::Architecture => ok([Architecture::X86_64, Architecture::Arm64]
                .into_iter()
                .find(|a| a.code() == v)
                .map(|a| s.lambda.architecture = a)),
            Key::FreeTier => ok(read_flag(v).map(|b| s.lambda.free_tier = b)),
            Key::MultiThreaded => ok(read_flag(v).map(|b| s.lambda.multi_threaded = b)),
            Key::InvocationType => {
                ok(from_code(&INVOCATION, v).map(|t| s.lambda.invocation_type = t))
            }
            Key::Ec2(f) => {
                *s.ec2.text_mut(f) = v.into();
                Ok(())
            }
            Key::Usage => ok(from_code(&USAGE, v).map(|u| s.ec2.usage = u)),
            Key::Horizon => ok(match v {
                "1" => Some(1),
                "3" => Some(3),
                _ => None,
            }
            .map(|y| s.ec2.horizon_years = y)),
            Key::InterruptionTolerant => ok(read_flag(v).map(|b| s.ec2.interruption_tolerant = b)),
            Key::NeedsDedicated => ok(read_flag(v).map(|b| s.ec2.needs_dedicated = b)),
            Key::CoreBoundLicense => ok(read_flag(v).map(|b| s.ec2.core_bound_license = b)),
            Key::PeakPricing => ok(from_code(&PEAK, v).map(|p| s.ec2.peak_pricing = p)),
            Key::Chart => {
                if v == "-" {
                    s.ec2_chart = None;
                    return Ok(());
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
                if ids.len() > MAX_CHART || !ids.iter().all(id_ok) {
                    return Err(bad);
                }
                s.ec2_chart = Some(ids);
                Ok(())
            }
            Key::Ebs(f) => {
                *s.ebs.text_mut(f) = v.into();
                Ok(())
            }
            Key::Boot => ok(read_flag(v).map(|b| s.ebs.boot = b)),
            Key::MultiAttach => ok(read_flag(v).map(|b| s.ebs.multi_attach = b)),
            Key::SnapshotTier => ok([SnapshotTier::Standard, SnapshotTier::Archive]
                .into_iter()
                .find(|t| t.code() == v)
                .map(|t| s.ebs.snapshot_tier = t)),
            Key::S3(f) => {
                *s.s3.text_mut(f) = v.into();
                Ok(())
            }
            Key::RetrievalTier => ok([
                RetrievalTier::Expedited,
                RetrievalTier::Standard,
                RetrievalTier::Bulk,
            ]
            .into_iter()
            .find(|t| t.code() == v)
            .map(|t| s.s3.retrieval_tier = t)),
            Key::Plan => {
                let mut plan = [None; crate::state::PLAN_STEPS];
                let codes = v.split(',').filter(|c| !c.is_empty());
                for (n, code) in codes.enumerate() {
                    let class = StorageClass::ALL.into_iter().find(|c| c.code() == code);
                    match (plan.get_mut(n), class) {
                        (Some(step), Some(class)) => *step = Some(class),
                        _ => return Err(bad),
                    }
                }
                s.s3.plan = plan;
                Ok(())
            }
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

/// The fragment for a state (without `#`): the version, then every input that differs from the
/// defaults.
pub fn encode(state: &State) -> String {
    let defaults = State::default();
    let mut out = String::from(VERSION);
    for key in Key::all() {
        let v = key.get(state);
        if v != key.get(&defaults) {
            out.push('&');
            escape(&mut out, key.name());
            out.push('=');
            escape(&mut out, &v);
        }
    }
    out
}

/// The state a fragment describes (with or without its `#`), starting from the defaults.
pub fn decode(fragment: &str) -> Result<State, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LEN {
        return Err(ShareError::TooLong(fragment.len()));
    }
    let mut parts = fragment.split('&');
    let version = parts.next().unwrap_or_default();
    if version != VERSION {
        let shown = if version.contains('=') { "" } else { version };
        return Err(ShareError::UnknownVersion(cut(shown)));
    }
    let mut state = State::default();
    let mut seen: Vec<Key> = vec![];
    for part in parts {
        let (k, v) = part.split_once('=').ok_or(ShareError::Malformed)?;
        let name = unescape(k)?;
        let key = Key::find(&name).ok_or_else(|| ShareError::UnknownKey(cut(&name)))?;
        if seen.contains(&key) {
            return Err(ShareError::Repeated(key.name()));
        }
        seen.push(key);
        key.set(&mut state, &unescape(v)?)?;
    }
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    /// A non-default value for every key, and a state holding all of them.
    fn every_field() -> State {
        let mut s = State::default();
        for key in Key::all() {
            let v = match key {
                Key::Region => "ap-south-1",
                Key::Tab => "s3",
                Key::Architecture => "arm64",
                Key::FreeTier => "false",
                Key::MultiThreaded => "true",
                Key::InvocationType => "async",
                Key::Usage => "weekly",
                Key::Horizon => "1",
                Key::InterruptionTolerant | Key::NeedsDedicated | Key::CoreBoundLicense => "true",
                Key::PeakPricing => "spot",
                Key::Chart => "on-demand,spot",
                Key::Boot | Key::MultiAttach => "true",
                Key::SnapshotTier => "archive",
                Key::RetrievalTier => "bulk",
                Key::Plan => "GLACIER_IR,DEEP_ARCHIVE",
                // Typed text, kept as typed, awkward characters and all.
                _ => "1,5 & 2=x #é%",
            };
            key.set(&mut s, v).unwrap();
            assert_ne!(key.get(&s), key.get(&State::default()), "{}", key.name());
        }
        s
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
            .apply(Action::SetLambda(LambdaField::Memory, "1024".into()));
        assert_eq!(encode(&s), "v1&region=eu-west-1&lambda.memory_mb=1024");
    }

    #[test]
    fn every_field_round_trips_alone_and_together() {
        let all = every_field();
        assert_eq!(decode(&encode(&all)), Ok(all.clone()));
        for key in Key::all() {
            let mut one = State::default();
            key.set(&mut one, &key.get(&all)).unwrap();
            let link = encode(&one);
            assert!(link.contains(&format!("{}=", {
                let mut k = String::new();
                escape(&mut k, key.name());
                k
            })));
            assert_eq!(decode(&link), Ok(one), "{link}");
        }
    }

    #[test]
    fn every_choice_round_trips() {
        let choices: &[(Key, &[&str])] = &[
            (Key::Region, &["us-east-1", "eu-west-1", "ap-south-1"]),
            (Key::Tab, &["lambda", "ec2", "ebs", "s3"]),
            (Key::Architecture, &["x86_64", "arm64"]),
            (Key::InvocationType, &["sync", "async"]),
            (Key::Usage, &["hours_per_month", "weekly"]),
            (Key::Horizon, &["1", "3"]),
            (Key::PeakPricing, &["on-demand", "spot"]),
            (Key::Chart, &["-", "", "spot"]),
            (Key::SnapshotTier, &["standard", "archive"]),
            (Key::RetrievalTier, &["expedited", "standard", "bulk"]),
            (
                Key::Plan,
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
                key.set(&mut s, v).unwrap();
                assert_eq!(key.get(&s), *v);
                assert_eq!(decode(&encode(&s)), Ok(s));
            }
        }
    }

    #[test]
    fn typed_text_survives_any_characters() {
        let s = State::default().apply(Action::SetEc2(
            Ec2Field::InstanceType,
            "<script>alert(1)</script>&tab=ec2".into(),
        ));
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
                "v2&region=us-east-1",
                ShareError::UnknownVersion("v2".into()),
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
            "its version \"v9\" is not one this page reads (it reads \"v1\")"
        );
    }

    #[test]
    fn a_tampered_key_is_cut_short_in_the_message() {
        let link = format!("v1&{}=1", "k".repeat(300));
        let e = decode(&link).unwrap_err();
        assert_eq!(e, ShareError::UnknownKey("k".repeat(40)));
    }

    #[test]
    fn keys_are_unique_and_name_the_workload_json() {
        let keys = Key::all();
        for (i, k) in keys.iter().enumerate() {
            assert!(
                keys[i + 1..].iter().all(|o| o.name() != k.name()),
                "{}",
                k.name()
            );
            assert_eq!(Key::find(k.name()), Some(*k));
        }
        assert_eq!(Key::Lambda(LambdaField::Memory).name(), "lambda.memory_mb");
        assert_eq!(Key::S3(S3Field::PlanDays0).name(), "s3.lifecycle[0].days");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn decode_never_panics(s in ".{0,300}") {
            let _ = decode(&s);
        }

        #[test]
        fn decode_never_panics_on_near_links(s in "v1(&[a-z_.0-9%\\[\\]]{0,24}(=[a-zA-Z0-9%,._-]{0,12})?){0,8}") {
            if let Ok(state) = decode(&s) {
                // Whatever reads, writes back to the same state.
                prop_assert_eq!(decode(&encode(&state)), Ok(state));
            }
        }

        #[test]
        fn typed_text_round_trips(t in "\\PC{0,100}") {
            let s = State::default().apply(crate::state::Action::SetLambda(LambdaField::Duration, t));
            prop_assert_eq!(decode(&encode(&s)), Ok(s));
        }
    }
}
