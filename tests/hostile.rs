//! Hostile workloads: generated workload documents (every field at a valid value, at a boundary
//! and at an invalid one; sections missing or null; unknown fields at every level; a few huge or
//! deeply nested documents) through `compare_json`, and sets of them through
//! `export::scenarios_text` as JSON, Markdown and CSV. Each gives a comparison or errors that
//! name a field of the input with a sentence, never a panic, within 50 ms; CSV cells a
//! spreadsheet would run as a formula stay guarded.
//!
//! The full run (100,000 workloads) is built with `cargo test --profile hostile`; in any other
//! profile a smoke run of a few hundred cases is made (or `HOSTILE_COUNT` of them). The seed is
//! printed; `HOSTILE_SEED=<seed>` replays a run and `HOSTILE_CASE=<n>` one case of it.

use serde_json::{json, Map, Number, Value};
use std::time::Instant;
#[path = "common/checked.rs"]
mod checked;
use checked::Checks;

const DEFAULT_SEED: u64 = 0x5eed_a105_c057;
const FULL_COUNT: usize = 100_000;
const SMOKE_COUNT: usize = 300;

// ---------------------------------------------------------------------------------------------
// A small deterministic PRNG (SplitMix64): the same seed gives the same cases on every machine.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// The seed of case `n` of the run seeded `seed`.
fn case_seed(seed: u64, n: usize) -> u64 {
    Rng::new(seed ^ (n as u64).wrapping_mul(0x2545_f491_4f6c_dd1d)).next()
}

// ---------------------------------------------------------------------------------------------
// The workload's fields, as `src/*/workload.rs` declares them, with their ranges.

#[derive(Clone, Copy)]
enum Kind {
    /// A whole number in `[min, max]`.
    Whole(u64, u64),
    /// A decimal in `[min, max]`.
    Dec(u64, u64),
    Bool,
    Choice(&'static [&'static str]),
}

use Kind::*;

const LAMBDA: &[(&str, Kind)] = &[
    ("architecture", Choice(&["x86_64", "arm64"])),
    ("memory_mb", Whole(128, 10_240)),
    ("duration_ms", Dec(0, 900_000)),
    ("invocations_per_month", Whole(0, 1_000_000_000_000)),
    ("ephemeral_storage_mb", Whole(512, 10_240)),
    ("free_tier", Bool),
    ("provisioned_concurrency", Whole(0, 100_000)),
    ("provisioned_hours_per_month", Dec(0, 744)),
    ("cpu_bound_percent", Whole(0, 100)),
    ("multi_threaded", Bool),
    ("invocation_type", Choice(&["sync", "async"])),
    ("payload_kb", Dec(0, 6144)),
];
const LAMBDA_REQUIRED: &[&str] = &["memory_mb", "duration_ms", "invocations_per_month"];

const EBS: &[(&str, Kind)] = &[
    ("size_gib", Whole(1, 65_536)),
    ("iops", Whole(0, 256_000)),
    ("throughput_mibps", Whole(0, 4_000)),
    ("hours_per_month", Dec(0, 744)),
    ("boot", Bool),
    ("multi_attach", Bool),
    ("attach_instances", Whole(1, 16)),
    ("snapshot_gib", Dec(0, 10_000_000)),
    ("snapshot_tier", Choice(&["standard", "archive"])),
];
const EBS_REQUIRED: &[&str] = &["size_gib"];

const S3: &[(&str, Kind)] = &[
    ("storage_gb", Dec(0, 1_000_000_000_000)),
    ("object_count", Whole(0, 1_000_000_000_000_000)),
    ("average_object_size_kb", Dec(0, 5_368_709_120)),
    ("put_requests_per_month", Whole(0, 1_000_000_000_000_000)),
    ("get_requests_per_month", Whole(0, 1_000_000_000_000_000)),
    ("retrieval_gb_per_month", Dec(0, 1_000_000_000_000)),
    ("retention_days", Whole(0, 36_500)),
    ("monthly_read_fraction", Dec(0, 1)),
    ("retrieval_tier", Choice(&["expedited", "standard", "bulk"])),
];
const S3_REQUIRED: &[&str] = &["storage_gb"];
const CLASSES: &[&str] = &[
    "STANDARD",
    "INTELLIGENT_TIERING",
    "STANDARD_IA",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
];

const EC2: &[(&str, Kind)] = &[
    ("count", Whole(1, 100_000)),
    ("hours_per_month", Dec(0, 744)),
    ("hours_per_day", Dec(0, 24)),
    ("days_per_week", Whole(0, 7)),
    ("interruption_tolerant", Bool),
    ("horizon_years", Choice(&["1", "3"])),
    ("needs_dedicated", Bool),
    ("core_bound_license", Bool),
    ("baseline_count", Whole(0, 100_000)),
    ("peak_pricing", Choice(&["on-demand", "spot"])),
];
const INSTANCE_TYPES: &[&str] = &[
    "m5.large",
    "t3.micro",
    "c5.xlarge",
    "c6g.large",
    "c7a.16xlarge",
    "r5.2xlarge",
    "m5.huge",
    "M5.LARGE",
    "",
    "m5",
    ".",
    "m5.large ",
];

const REGIONS: &[&str] = &["us-east-1", "eu-west-1", "ap-south-1"];

/// Every path the workload schema has, for naming a field the input left out.
fn schema_paths() -> Vec<String> {
    let mut out: Vec<String> = vec!["region".into()];
    for (section, fields) in [("lambda", LAMBDA), ("ebs", EBS), ("s3", S3), ("ec2", EC2)] {
        out.push(section.into());
        for (f, _) in fields {
            out.push(format!("{section}.{f}"));
        }
    }
    out.push("ec2.instance_type".into());
    out.push("s3.lifecycle".into());
    out
}

// ---------------------------------------------------------------------------------------------
// Values.

fn num(text: &str) -> Value {
    Value::Number(
        text.parse::<Number>()
            .unwrap_or_else(|e| panic!("{text}: {e}")),
    )
}

/// A value that no field takes, or that stretches the reader.
fn invalid(r: &mut Rng) -> Value {
    match r.below(24) {
        0 => num("-1"),
        1 => num(&format!("-{}", r.range(1, 1_000_000))),
        2 => num(&format!("{}.5", r.below(1000))),
        3 => num("1e308"),
        4 => num("-1e308"),
        5 => num("1e-30"),
        6 => num("1e400"),
        7 => num("123456789012345678901234567890123456789"),
        8 => num("18446744073709551616"),
        9 => num("79228162514264337593543950336"),
        10 => num("0.0000000000000000000000000000001"),
        11 => num("-0"),
        12 => Value::String(
            r.pick(&["512", "", " ", "abc", "1e3", "NaN", "Infinity"])
                .into(),
        ),
        13 => Value::String(
            r.pick(&["=1+1", "+1", "-1", "@SUM(A1)", "\t1", "\r1", "é", "\u{0}"])
                .into(),
        ),
        14 => Value::Null,
        15 => Value::Bool(r.chance(50)),
        16 => json!([]),
        17 => json!([1, 2]),
        18 => json!({}),
        19 => json!({"a": 1}),
        20 => num("1.0000000000000000000000000001"),
        21 => num("4.2e1"),
        22 => num(&format!("{}", r.next())),
        _ => num(&format!("0.{}", r.next())),
    }
}

fn valid(r: &mut Rng, kind: Kind) -> Value {
    match kind {
        Whole(lo, hi) => num(&skewed(r, lo, hi).to_string()),
        Dec(lo, hi) => {
            let whole = skewed(r, lo, hi);
            if whole < hi && r.chance(50) {
                num(&format!("{whole}.{}", r.range(1, 999)))
            } else {
                num(&whole.to_string())
            }
        }
        Bool => Value::Bool(r.chance(50)),
        Choice(xs) => {
            let c = r.pick(xs);
            match c.parse::<u64>() {
                Ok(n) if r.chance(50) => num(&n.to_string()),
                _ => Value::String(c.into()),
            }
        }
    }
}

/// A number in `[lo, hi]`, mostly small ones (as workloads are).
fn skewed(r: &mut Rng, lo: u64, hi: u64) -> u64 {
    let top = match r.below(4) {
        0 => hi,
        1 => hi.min(lo.saturating_add(1_000_000)),
        2 => hi.min(lo.saturating_add(10_000)),
        _ => hi.min(lo.saturating_add(100)),
    };
    r.range(lo, top)
}

fn boundary(r: &mut Rng, kind: Kind) -> Value {
    match kind {
        Whole(lo, hi) | Dec(lo, hi) => {
            let n = r.pick(&[lo as i128, hi as i128, hi as i128 + 1, lo as i128 - 1, 0, 1]);
            num(&n.to_string())
        }
        Bool => Value::Bool(r.chance(50)),
        Choice(xs) => {
            let c = r.pick(xs);
            Value::String(match r.below(4) {
                0 => c.to_uppercase(),
                1 => format!(" {c}"),
                2 => c[..c.len() / 2].to_string(),
                _ => c.to_string(),
            })
        }
    }
}

/// A field's value: valid, at a boundary, or invalid.
fn field_value(r: &mut Rng, kind: Kind) -> Value {
    match r.below(100) {
        0..=59 => valid(r, kind),
        60..=79 => boundary(r, kind),
        _ => invalid(r),
    }
}

const UNKNOWN_KEYS: &[&str] = &[
    "lamda",
    "memory",
    "MEMORY_MB",
    "__proto__",
    "constructor",
    "",
    " ",
    "x",
    "region2",
    "é",
    "<script>",
];

fn maybe_unknown(r: &mut Rng, m: &mut Map<String, Value>) {
    if r.chance(3) {
        let v = invalid(r);
        m.insert(r.pick(UNKNOWN_KEYS).into(), v);
    }
}

fn section(
    r: &mut Rng,
    fields: &[(&str, Kind)],
    required: &[&str],
    extra: impl FnOnce(&mut Rng, &mut Map<String, Value>),
) -> Value {
    match r.below(100) {
        0..=1 => return Value::Null,
        2..=3 => return invalid(r),
        _ => {}
    }
    let mut m = Map::new();
    let sparse = r.chance(30);
    for &(name, kind) in fields {
        let keep = if required.contains(&name) {
            !r.chance(3)
        } else {
            !r.chance(if sparse { 80 } else { 20 })
        };
        if keep {
            let v = field_value(r, kind);
            m.insert(name.into(), v);
        }
    }
    extra(r, &mut m);
    if r.chance(12) {
        m.insert("ranges".into(), ranges(r));
    }
    maybe_unknown(r, &mut m);
    Value::Object(m)
}

/// `ranges`: number inputs (or other paths, or junk) with a low and a high drawn like the
/// field's own values, so most ends are in range and some are not.
fn ranges(r: &mut Rng) -> Value {
    if r.chance(3) {
        return invalid(r);
    }
    let mut m = Map::new();
    for _ in 0..r.range(1, 10) {
        let (section, fields) =
            r.pick(&[("lambda", LAMBDA), ("ebs", EBS), ("s3", S3), ("ec2", EC2)]);
        let (name, kind) = fields[r.below(fields.len() as u64) as usize];
        let path = match r.below(20) {
            0 => "nope.nothing".to_string(),
            1 => String::new(),
            _ => format!("{section}.{name}"),
        };
        let end = |r: &mut Rng| {
            if r.chance(5) {
                invalid(r)
            } else {
                field_value(r, kind)
            }
        };
        let v = if r.chance(3) {
            invalid(r)
        } else {
            let (low, high) = (end(r), end(r));
            let mut e = Map::new();
            e.insert("low".into(), low);
            e.insert("high".into(), high);
            maybe_unknown(r, &mut e);
            Value::Object(e)
        };
        m.insert(path, v);
    }
    Value::Object(m)
}

fn lifecycle(r: &mut Rng) -> Value {
    if r.chance(5) {
        return invalid(r);
    }
    let n = r.pick(&[0, 1, 2, 3, 4, 7, 8, 9]);
    let mut steps = vec![];
    for i in 0..n {
        if r.chance(2) {
            steps.push(invalid(r));
            continue;
        }
        let mut m = Map::new();
        if !r.chance(3) {
            let class = if r.chance(90) {
                Value::String(r.pick(CLASSES).into())
            } else {
                boundary(r, Choice(CLASSES))
            };
            m.insert("class".into(), class);
        }
        if i > 0 || r.chance(30) {
            m.insert("days".into(), field_value(r, Whole(0, 36_500)));
        }
        maybe_unknown(r, &mut m);
        steps.push(Value::Object(m));
    }
    Value::Array(steps)
}

/// A generated workload document.
fn workload(r: &mut Rng) -> Value {
    if r.chance(1) {
        return invalid(r);
    }
    let mut m = Map::new();
    match r.below(100) {
        0..=89 => {
            m.insert("region".into(), Value::String(r.pick(REGIONS).into()));
        }
        90..=93 => {}
        94..=96 => {
            m.insert("region".into(), boundary(r, Choice(REGIONS)));
        }
        _ => {
            m.insert("region".into(), invalid(r));
        }
    }
    let mut any = false;
    for name in ["lambda", "ebs", "s3", "ec2"] {
        // Most workloads describe one or two services: Lambda's sweep is the costly part.
        if !r.chance(if any { 20 } else { 45 }) {
            continue;
        }
        any = true;
        let v = match name {
            "lambda" => section(r, LAMBDA, LAMBDA_REQUIRED, |_, _| {}),
            "ebs" => section(r, EBS, EBS_REQUIRED, |_, _| {}),
            "s3" => section(r, S3, S3_REQUIRED, |r, m| {
                if r.chance(40) {
                    m.insert("lifecycle".into(), lifecycle(r));
                }
            }),
            _ => section(r, EC2, &[], |r, m| {
                if !r.chance(3) {
                    let t = if r.chance(5) {
                        invalid(r)
                    } else {
                        Value::String(r.pick(INSTANCE_TYPES).into())
                    };
                    m.insert("instance_type".into(), t);
                }
            }),
        };
        m.insert(name.into(), v);
    }
    maybe_unknown(r, &mut m);
    Value::Object(m)
}

/// The value at a JSON path of `v` (`s3.lifecycle[2].days`), if the path is in it.
fn resolve<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(v);
    }
    // `ranges.<input path>[.low|.high]`: the input's path is one key of `ranges`.
    if let Some(rest) = path.strip_prefix("ranges.") {
        let ranges = v.as_object()?.get("ranges")?.as_object()?;
        if let Some(e) = ranges.get(rest) {
            return Some(e);
        }
        let (key, end) = rest.rsplit_once('.')?;
        return ranges.get(key)?.as_object()?.get(end);
    }
    let mut at = v;
    for seg in path.split('.') {
        let (key, idx) = match seg.find('[') {
            Some(i) => (&seg[..i], &seg[i..]),
            None => (seg, ""),
        };
        if !key.is_empty() {
            at = at.as_object()?.get(key)?;
        }
        for ix in idx.split('[').filter(|s| !s.is_empty()) {
            let n: usize = ix.strip_suffix(']')?.parse().ok()?;
            at = at.as_array()?.get(n)?;
        }
    }
    Some(at)
}

// ---------------------------------------------------------------------------------------------
// A few huge or deeply nested documents: spliced in as text, since serde_json's own writer
// (and its `Value`'s drop) would recurse 10,000 levels deep.

const MARK: &str = "\"@@HOSTILE@@\"";

fn huge(r: &mut Rng, doc: &mut Value) -> Option<String> {
    let m = doc.as_object_mut()?;
    let (big, target) = match r.below(6) {
        0 => ("string", "region"),
        1 => ("string", "ec2"),
        2 => ("arrays", "lambda"),
        3 => ("objects", "s3"),
        4 => ("arrays", "unknown"),
        _ => ("string", "unknown"),
    };
    let text = match big {
        "string" => format!("\"{}\"", "x".repeat(10 * 1024 * 1024)),
        "arrays" => format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        _ => format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
    };
    match target {
        "ec2" => {
            m.insert(
                "ec2".into(),
                json!({"instance_type": "@@HOSTILE@@", "count": 1}),
            );
        }
        "lambda" => {
            m.insert(
                "lambda".into(),
                json!({"memory_mb": "@@HOSTILE@@", "duration_ms": 1, "invocations_per_month": 1}),
            );
        }
        "s3" => {
            m.insert("s3".into(), json!({"storage_gb": "@@HOSTILE@@"}));
        }
        "region" => {
            m.insert("region".into(), Value::String("@@HOSTILE@@".into()));
        }
        _ => {
            m.insert("big".into(), Value::String("@@HOSTILE@@".into()));
        }
    }
    Some(doc.to_string().replacen(MARK, &text, 1))
}

// ---------------------------------------------------------------------------------------------
// Checks.

/// Top-level names an error may give that are not paths of a workload: the document as a whole
/// (syntax), and a scenario set's own fields and the export format.
const TOP_LEVEL: &[&str] = &["scenarios", "baseline", "format"];

/// Why an answer is wrong, if it is.
fn check_errors(
    errors: &awscost::InputErrors,
    doc: Option<&Value>,
    schema: &[String],
    prefix_of: impl Fn(&str) -> Option<(String, String)>,
) -> Option<String> {
    if errors.errors.is_empty() {
        return Some("an Err with no errors".into());
    }
    for e in &errors.errors {
        if e.message().trim().is_empty() {
            return Some(format!("{:?} has no message", e.field));
        }
        if TOP_LEVEL.contains(&e.field.as_str()) {
            continue;
        }
        // "" names the document as a whole: only right when it is not a JSON object.
        let Some(doc) = doc else {
            continue;
        };
        if e.field.is_empty() {
            // The document as a whole, or an unknown key that is itself empty (whose path is "").
            if !doc.is_object() || e.message().starts_with("Unknown field ``") {
                continue;
            }
            return Some(format!("an error names no field: {}", e.message()));
        }
        if resolve(doc, &e.field).is_some() {
            continue;
        }
        // A field the input left out (required, or a default that does not fit) is named by its
        // schema path, under an object the input gave.
        let (outer, inner) = prefix_of(&e.field).unwrap_or_default();
        let scenario_field = e.field.starts_with("scenarios[")
            && (e.field.ends_with("].name") || e.field.ends_with("].workload"));
        let schema_path = scenario_field
            || schema.contains(&inner)
            || inner.starts_with("s3.lifecycle[") && {
                let (parent, last) = inner.rsplit_once('.').unwrap_or(("", ""));
                ["class", "days"].contains(&last)
                    && resolve(doc, &format!("{outer}{parent}")).is_some()
            };
        let parent = e.field.rsplit_once('.').map_or("", |(p, _)| p);
        if schema_path && resolve(doc, parent).is_some_and(Value::is_object) {
            continue;
        }
        return Some(format!(
            "error field {:?} is not a path of the input: {}",
            e.field,
            e.message()
        ));
    }
    None
}

/// Text columns of the CSV a spreadsheet could run as a formula, or numbers that are not numbers.
fn check_csv(text: &str) -> Option<String> {
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    for rec in rd.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => return Some(format!("CSV does not read back: {e}")),
        };
        for (i, cell) in rec.iter().enumerate() {
            let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            if i >= 7 {
                if !cell.is_empty() && cell.parse::<rust_decimal_like::Num>().is_err() {
                    return Some(format!("CSV column {i} is not a number: {cell:?}"));
                }
            } else if formula {
                return Some(format!("CSV cell {cell:?} (column {i}) is not guarded"));
            }
        }
    }
    None
}

/// A plain decimal number, as CSV's figure columns hold.
mod rust_decimal_like {
    pub struct Num;
    impl std::str::FromStr for Num {
        type Err = ();
        fn from_str(s: &str) -> Result<Num, ()> {
            let body = s.strip_prefix('-').unwrap_or(s);
            let mut parts = body.splitn(2, '.');
            let int = parts.next().unwrap_or_default();
            let frac = parts.next().unwrap_or("0");
            let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            if digits(int) && digits(frac) {
                Ok(Num)
            } else {
                Err(())
            }
        }
    }
}

const NAMES: &[&str] = &[
    "A",
    "B",
    "Baseline",
    "=SUM(A1:A9)",
    "=HYPERLINK(\"http://x\")",
    "+1",
    "-1",
    "@cmd",
    "\tTab",
    "\rCR",
    "a,b",
    "say \"hi\"",
    "line\nbreak",
    "",
    "   ",
    "<script>alert(1)</script>",
    "é ü 中文",
    "0123456789012345678901234567890123456789",
    "01234567890123456789012345678901234567890",
    "| pipe |",
    "`code`",
];

struct Run {
    checks: Checks,
    workloads: usize,
    sets: usize,
    /// Workloads of 10 MB or nested 10,000 levels, and sets with an exercise nested so.
    huge: usize,
    deep_sets: usize,
    /// Replaying one case: show its input and answer.
    verbose: bool,
}

impl std::ops::Deref for Run {
    type Target = Checks;
    fn deref(&self) -> &Checks {
        &self.checks
    }
}

impl std::ops::DerefMut for Run {
    fn deref_mut(&mut self) -> &mut Checks {
        &mut self.checks
    }
}

impl Run {}

/// The workload of case `n`, the generator as it stands after it, and the document's text when
/// it is huge or deeply nested (about one case in 2,000).
fn generate(seed: u64, n: usize) -> (Rng, Value, Option<String>) {
    let mut r = Rng::new(case_seed(seed, n));
    let mut doc = workload(&mut r);
    let big = if r.chance(1) && r.chance(5) {
        huge(&mut r, &mut doc)
    } else {
        None
    };
    (r, doc, big)
}

/// Case `n`: one workload through `compare_json`, and every 8th case a scenario set of recent
/// workloads through `scenarios_text`.
fn case(run: &mut Run, n: usize, recent: &mut Vec<Value>, schema: &[String]) {
    let (mut r, doc, big) = generate(run.seed, n);
    let text = big.clone().unwrap_or_else(|| doc.to_string());
    let what = format!("case {n} compare_json");
    run.workloads += 1;
    run.huge += usize::from(big.is_some());
    if let Some(out) = run.timed(&what, &text, || awscost::compare_json(&text)) {
        if run.verbose {
            let shown = |t: &str| t.chars().take(400).collect::<String>();
            println!(
                "{what}\n  input: {}\n  output: {}",
                shown(&text),
                shown(&format!("{out:?}"))
            );
        }
        let inner = |p: &str| Some((String::new(), p.to_string()));
        let why = match &out {
            Ok(json) if json.is_empty() => Some("an empty comparison".into()),
            Ok(_) => None,
            // A huge document's errors are checked against the document it was made from.
            Err(e) if big.is_some() => e
                .errors
                .iter()
                .find(|e| e.message().is_empty())
                .map(|e| format!("{:?} has no message", e.field)),
            Err(e) => check_errors(e, Some(&doc), schema, inner),
        };
        if let Some(why) = why {
            run.fail(&what, &text, &why);
        }
    }
    if big.is_none() {
        recent.push(doc);
        if recent.len() > 16 {
            recent.remove(0);
        }
    }
    if n % 8 == 7 {
        scenario_set(run, n, &mut r, recent, schema);
    }
}

fn scenario_set(run: &mut Run, n: usize, r: &mut Rng, recent: &[Value], schema: &[String]) {
    let count = r.range(1, 8.min(recent.len() as u64).max(1)) as usize;
    let mut scenarios = vec![];
    for _ in 0..count {
        let w = recent[r.below(recent.len() as u64) as usize].clone();
        let mut s = Map::new();
        if !r.chance(2) {
            let name = if r.chance(70) {
                r.pick(NAMES).to_string()
            } else {
                format!(
                    "{}{}",
                    r.pick(&["=", "+", "-", "@", "\t", "\r", ""]),
                    r.pick(NAMES)
                )
            };
            s.insert("name".into(), Value::String(name));
        }
        s.insert("workload".into(), w);
        maybe_unknown(r, &mut s);
        scenarios.push(Value::Object(s));
    }
    if r.chance(2) {
        // More than the most compared at once.
        scenarios.extend(scenarios.clone());
        scenarios.extend(scenarios.clone());
    }
    let mut set = Map::new();
    if !r.chance(10) {
        let b = if r.chance(85) {
            num(&r.below(count as u64).to_string())
        } else if r.chance(50) {
            num(&r.range(count as u64, 20).to_string())
        } else {
            invalid(r)
        };
        set.insert("baseline".into(), b);
    }
    set.insert("scenarios".into(), Value::Array(scenarios));
    // One set in 100 has an exercise (which a comparison skips unread) nested 10,000 levels.
    let deep = r.chance(1);
    if deep {
        set.insert("exercise".into(), Value::String("@@HOSTILE@@".into()));
    } else if r.chance(5) {
        set.insert("exercise".into(), invalid(r));
    }
    maybe_unknown(r, &mut set);
    let set = Value::Object(set);
    let mut text = set.to_string();
    if deep {
        let nested = if r.chance(50) {
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))
        } else {
            format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000))
        };
        text = text.replacen(MARK, &nested, 1);
        run.deep_sets += 1;
    }
    let format = if r.chance(2) {
        r.pick(&["html", "", "CSV", "json "])
    } else {
        r.pick(&awscost::export::FORMATS)
    };
    let what = format!("case {n} scenarios_text({format:?})");
    run.sets += 1;
    let Some(out) = run.timed(&what, &text, || {
        awscost::export::scenarios_text(&text, format)
    }) else {
        return;
    };
    // Errors under `scenarios[N].workload.` name workload paths.
    let split = |p: &str| {
        let rest = p.strip_prefix("scenarios[")?;
        let (_, rest) = rest.split_once("].workload.")?;
        Some((p[..p.len() - rest.len()].to_string(), rest.to_string()))
    };
    let why = match &out {
        Ok(t) if t.is_empty() => Some("an empty export".into()),
        Ok(t) if format == "csv" => check_csv(t),
        Ok(_) => None,
        Err(e) => check_errors(e, Some(&set), schema, split),
    };
    if let Some(why) = why {
        run.fail(&what, &text, &why);
    }
}

#[test]
fn hostile_workloads() {
    let seed = checked::seed(DEFAULT_SEED);
    let full = checked::full_run();
    let count = checked::count(SMOKE_COUNT, FULL_COUNT);
    let only: Option<usize> = checked::env_number("HOSTILE_CASE");
    let schema = schema_paths();
    let mut run = Run {
        checks: Checks::new(seed, full, 600),
        workloads: 0,
        sets: 0,
        huge: 0,
        deep_sets: 0,
        verbose: only.is_some(),
    };
    Checks::quiet_panics();
    println!("hostile: seed {seed} (HOSTILE_SEED={seed} replays this run)");
    let start = Instant::now();
    let mut recent = vec![];
    match only {
        Some(n) => {
            // The workloads a set at case `n` draws from are those of the 16 cases before it.
            for k in n.saturating_sub(16)..n {
                if let (_, doc, None) = generate(seed, k) {
                    recent.push(doc);
                }
            }
            case(&mut run, n, &mut recent, &schema);
        }
        None => {
            for n in 0..count {
                case(&mut run, n, &mut recent, &schema);
            }
        }
    }
    let elapsed = start.elapsed();
    // The usual panic message again after the run.
    let _ = std::panic::take_hook();
    println!(
        "hostile: {} workloads ({} scenario sets) in {:.1} s, slowest {:.1} ms ({}), {} panics, {} failures, seed {}",
        run.workloads,
        run.sets,
        elapsed.as_secs_f64(),
        run.slowest.as_secs_f64() * 1000.0,
        run.slowest_case,
        run.panics,
        run.failures.len(),
        seed
    );
    println!(
        "  {} of the workloads 10 MB or nested 10,000 levels deep, {} sets with an exercise nested so",
        run.huge, run.deep_sets
    );
    let shown = std::env::var("HOSTILE_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    for f in run.failures.iter().take(shown) {
        println!("FAIL {f}");
    }
    assert!(run.failures.is_empty(), "{} failures", run.failures.len());
    if full && only.is_none() {
        assert!(run.workloads >= FULL_COUNT);
    }
}
