//! Hostile links and embed documents, natively: generated fragments (random keys and values from
//! the real key list, broken escapes, wrong versions, repeated and huge keys, over-long links,
//! every valid link of random states mutated by one character) through the link decoder, and
//! generated workload documents through the embed reader. Each gives a state or an error, never
//! a panic, within 50 ms; a link the page reads writes back to the same state.
//!
//! The seed is printed; `HOSTILE_SEED=<seed>` replays a run.
#![cfg(not(target_arch = "wasm32"))]

use awscost::exercise::{Exercise, Question};
use awscost::Region;
use awscost_web::embed::{self, EmbedText};
use awscost_web::share::{decode, decode_with_notice, encode, MAX_LEN};
use awscost_web::state::{keys, Action, Service, State};
use rust_decimal::Decimal;
use std::time::Instant;
#[path = "../../tests/common/checked.rs"]
mod checked;
use checked::Checks;

const DEFAULT_SEED: u64 = 0x11_4c5_11e;
const RANDOM_LINKS: usize = 45_000;
/// One-character changes of valid links (each position deleted, replaced, inserted before),
/// link after link until there are this many.
const CHANGED_LINKS: usize = 60_000;
const EMBED_DOCUMENTS: usize = 12_000;

/// SplitMix64: the same seed gives the same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

const PAGE_KEYS: &[&str] = &["tab", "ec2.chart", "on", "base", "compare", "s"];
const EXERCISE_KEYS: &[&str] = &[
    "x",
    "x.service",
    "x.option",
    "x.scenario",
    "x.tolerance",
    "x.open",
    "x.title",
    "x.hint",
];

/// Values typed into fields, chosen among, or hostile.
const VALUES: &[&str] = &[
    "",
    "0",
    "1",
    "-1",
    "512",
    "1024",
    "10240",
    "10241",
    "0.5",
    "1e308",
    "-1e308",
    "1e-30",
    "99999999999999999999999999999999",
    "NaN",
    "true",
    "false",
    "arm64",
    "x86_64",
    "async",
    "sync",
    "spot",
    "on-demand",
    "archive",
    "bulk",
    "STANDARD",
    "DEEP_ARCHIVE",
    "us-east-1",
    "eu-west-1",
    "mars-1",
    "lambda",
    "ec2",
    "ebs",
    "s3",
    "lambda,ec2",
    "s3,s3",
    "-",
    "m5.large",
    "monthly_cost",
    "saving_percent",
    "A",
    "B",
    "é",
    "中文",
    "<script>alert(1)</script>",
    "=SUM(A1)",
    "a b",
    "7",
    "8",
    "3",
    "100",
    "ec2.count,lambda.memory_mb",
];

/// Raw fragment pieces that a codec must refuse or read with care.
const RAW: &[&str] = &[
    "%",
    "%2",
    "%G0",
    "%+1",
    "%-1",
    "%zz",
    "%FF",
    "%C3",
    "%C3%28",
    "%E2%82",
    "%F0%9F%98",
    "%ED%A0%80",
    "%00",
    "%0A",
    "%7F",
    "%C0%AF",
    "&",
    "&&",
    "=",
    "==",
    "#",
    "+",
    "%25",
    "%26",
    "%3D",
    " ",
];

fn random_key(r: &mut Rng, all: &[&'static str]) -> String {
    match r.below(20) {
        0..=10 => r.pick(all).to_string(),
        11..=13 => r.pick(PAGE_KEYS).to_string(),
        14..=15 => r.pick(EXERCISE_KEYS).to_string(),
        16 => format!("{}x", r.pick(all)),
        17 => r.pick(all).to_uppercase(),
        18 => r.pick(RAW).to_string(),
        _ => "k".repeat(r.below(20_000)),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn random_value(r: &mut Rng) -> String {
    match r.below(20) {
        0..=11 => escape(r.pick(VALUES)),
        12..=13 => r.pick(VALUES).to_string(),
        14..=15 => format!("{}{}", escape(r.pick(VALUES)), r.pick(RAW)),
        16 => r.pick(RAW).to_string(),
        17 => "9".repeat(r.below(300)),
        18 => escape(&"é".repeat(r.below(120))),
        _ => "v".repeat(r.below(20_000)),
    }
}

/// A generated fragment.
fn random_link(r: &mut Rng, all: &[&'static str]) -> String {
    let version = match r.below(20) {
        0..=8 => "v1",
        9..=16 => "v2",
        _ => r.pick(&["v0", "v3", "V1", "", "v", "v2=1", "v1x", "%76%31", "#v1"]),
    };
    let mut out = String::from(version);
    let parts = match r.below(10) {
        0 => 0,
        1..=7 => r.below(12),
        8 => r.below(60),
        _ => r.below(600),
    };
    let mut last: Option<String> = None;
    for _ in 0..parts {
        out.push('&');
        match r.below(40) {
            0 => {}                                                                   // `&&`
            1 => out.push_str(&random_key(r, all)),                                   // no `=`
            2 if last.is_some() => out.push_str(last.as_deref().unwrap_or_default()), // repeated
            3 => out.push_str(&format!("s={}", random_value(r))),
            _ => {
                let part = format!("{}={}", random_key(r, all), random_value(r));
                out.push_str(&part);
                last = Some(part);
            }
        }
    }
    if r.chance(2) {
        // Longer than any link read.
        out.push_str(&format!("&x.title={}", "t".repeat(MAX_LEN)));
    }
    if r.chance(5) {
        out.insert(0, '#');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Random valid states.

fn text(r: &mut Rng) -> String {
    r.pick(VALUES).to_string()
}

fn random_exercise(r: &mut Rng, all: &[&'static str]) -> Exercise {
    let mut open_fields: Vec<String> = vec![];
    for _ in 0..r.below(5) {
        let k = r.pick(all).to_string();
        if !open_fields.contains(&k) {
            open_fields.push(k);
        }
    }
    let words = |r: &mut Rng| {
        r.chance(50)
            .then(|| {
                format!("{} {}", r.pick(VALUES), r.pick(VALUES))
                    .trim()
                    .to_string()
            })
            .filter(|t| !t.is_empty())
    };
    Exercise {
        question: r.pick(&Question::ALL),
        service: r.chance(60).then(|| r.pick(&Service::ALL)),
        option: r.chance(30).then(|| {
            r.pick(&["on-demand", "spot", "ri-1y-no", "sp-3y-all", "gp3", "x y"])
                .to_string()
        }),
        scenario: r.below(4),
        tolerance_percent: r.pick(&[
            Decimal::from(10),
            Decimal::ZERO,
            Decimal::from(100),
            Decimal::new(125, 1),
            Decimal::from(5),
        ]),
        open_fields,
        title: words(r),
        hint: words(r),
    }
}

fn random_action(r: &mut Rng, s: &State, all: &[&'static str]) -> Action {
    let n = r.below(s.scenarios().len() + 1);
    match r.below(30) {
        0..=13 => Action::SetInput(n, r.pick(all), text(r)),
        14..=15 => Action::AddScenario,
        16 => Action::SelectScenario(n),
        17 => Action::RemoveScenario(n),
        18 => Action::PinBaseline(n),
        19 => Action::RenameScenario(n, text(r)),
        20 => Action::SetCounted(r.pick(&Service::ALL), r.chance(50)),
        21 => Action::ShowService(r.pick(&Service::ALL)),
        22 => Action::SetRegion(r.pick(&Region::ALL)),
        23 => Action::SetEc2Chart(
            (0..r.below(4))
                .map(|_| {
                    r.pick(&["on-demand", "spot", "ri-1y-no", "sp-3y-all"])
                        .to_string()
                })
                .collect(),
        ),
        24 => Action::ApplyPreset(r.below(8)),
        25 => Action::SetExercise(r.chance(80).then(|| Box::new(random_exercise(r, all)))),
        26 if r.chance(20) => Action::Reset,
        _ => Action::SetInput(0, r.pick(all), text(r)),
    }
}

fn random_state(r: &mut Rng, all: &[&'static str]) -> State {
    let mut s = State::default();
    for _ in 0..r.below(40) {
        let a = random_action(r, &s, all);
        s = s.apply(a);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Embed documents.

fn json_string(t: &str) -> String {
    serde_json::to_string(t).unwrap()
}

fn random_document(r: &mut Rng, all: &[&'static str]) -> String {
    let scalar = |r: &mut Rng| match r.below(10) {
        0..=4 => json_string(r.pick(VALUES)),
        5..=6 => r
            .pick(&[
                "0", "1", "512", "-1", "0.5", "1e308", "1e999", "-0", "1E5", "12.50",
            ])
            .to_string(),
        7 => r.pick(&["true", "false", "null"]).to_string(),
        8 => r.pick(&["[]", "{}", "[1]", "{\"a\":1}"]).to_string(),
        _ => r
            .pick(&[
                "\"\\u00\"",
                "\"\\ud800\"",
                "\"\\x\"",
                "01",
                "-",
                "1.",
                ".5",
                "+1",
                "\"\u{7f}\"",
                "\"a",
                "tru",
                "nul",
                "[1,]",
                "{,}",
            ])
            .to_string(),
    };
    let mut sections: Vec<(String, Vec<String>)> = vec![];
    for _ in 0..r.below(14) {
        let key = r.pick(all);
        let (section, field) = key.split_once('.').unwrap_or(("", key));
        let member = format!("{}:{}", json_string(field), scalar(r));
        match sections.iter_mut().find(|(s, _)| s == section) {
            Some((_, m)) if !r.chance(5) => m.push(member),
            _ => sections.push((section.to_string(), vec![member])),
        }
    }
    let mut members = vec![];
    for (section, m) in sections {
        if section.is_empty() {
            members.extend(m);
        } else {
            members.push(format!("{}:{{{}}}", json_string(&section), m.join(",")));
        }
    }
    if r.chance(10) {
        members.push(format!(
            "\"s3\":{{\"storage_gb\":10,\"lifecycle\":[{{\"class\":{}}},{{\"class\":\"GLACIER\",\"days\":{}}}]}}",
            scalar(r),
            scalar(r)
        ));
    }
    let mut doc = format!("{{{}}}", members.join(","));
    match r.below(30) {
        0 => {
            let mut at = r.below(doc.len() + 1);
            while !doc.is_char_boundary(at) {
                at -= 1;
            }
            doc.truncate(at);
        }
        1 => {
            let d = r.below(40);
            doc = format!("{{\"lambda\":{}1{}}}", "[".repeat(d), "]".repeat(d));
        }
        2 => {
            let d = r.below(40);
            doc = format!("{}{}", "{\"a\":".repeat(d), "}".repeat(d));
        }
        3 => {
            doc = format!(
                "{{\"ec2\":{{\"instance_type\":{}}}}}",
                json_string(&"m".repeat(r.below(80_000)))
            )
        }
        4 => {
            doc = r
                .pick(&["", " ", "null", "[]", "1", "\"x\"", "{", "}", "{}{}"])
                .to_string()
        }
        5 => {
            let at = r.below(doc.len() + 1);
            if doc.is_char_boundary(at) {
                doc.insert_str(at, r.pick(&["\\", "\"", ",", "}", "]", "\u{0}", "é"]));
            }
        }
        _ => {}
    }
    doc
}

// ---------------------------------------------------------------------------------------------

struct Run {
    checks: Checks,
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

impl Run {
    /// One fragment through the decoder; a fragment that reads writes back to the same state.
    fn link(&mut self, what: &str, link: &str) {
        let Some(out) = self.timed(what, link, || decode_with_notice(link)) else {
            return;
        };
        if let Ok((state, _)) = out {
            let written = format!("{what}, written back");
            let Some(again) = self.timed(&written, link, || encode(&state)) else {
                return;
            };
            let back = self.timed(&written, &again, || decode(&again));
            if back.is_some_and(|b| b != Ok(state)) {
                self.fail(
                    what,
                    link,
                    &format!("reads, but does not write back: {again}"),
                );
            }
        }
    }
}

#[test]
fn hostile_links_and_embed_documents() {
    let seed = checked::seed(DEFAULT_SEED);
    let all: Vec<&'static str> = keys::all().collect();
    let mut r = Rng(seed);
    let mut run = Run {
        checks: Checks::new(seed, true, 400),
    };
    Checks::quiet_panics();
    println!("hostile: seed {seed} (HOSTILE_SEED={seed} replays this run)");
    let start = Instant::now();
    let mut links = 0;

    for n in 0..RANDOM_LINKS {
        let link = random_link(&mut r, &all);
        run.link(&format!("random link {n}"), &link);
        links += 1;
    }

    let random_done = start.elapsed();
    // Valid links: each writes back, and every one-character change of it is read or refused.
    let alphabet: Vec<char> = "&=%#.,-_~0123456789abcdefxyzAFvs é\u{0}+".chars().collect();
    let before = links;
    for n in 0.. {
        if links - before >= CHANGED_LINKS {
            break;
        }
        let what = format!("valid link {n}");
        let state = random_state(&mut r, &all);
        let Some(link) = run.timed(&what, "", || encode(&state)) else {
            continue;
        };
        match run.timed(&what, &link, || decode(&link)) {
            Some(Ok(back)) if back == state => {}
            Some(other) => run.fail(&what, &link, &format!("does not round-trip: {other:?}")),
            None => {}
        }
        links += 1;
        let chars: Vec<char> = link.chars().collect();
        for i in 0..=chars.len() {
            let mut variants = vec![];
            if i < chars.len() {
                let mut v = chars.clone();
                v.remove(i);
                variants.push(v);
                let mut v = chars.clone();
                v[i] = r.pick(&alphabet);
                variants.push(v);
            }
            let mut v = chars.clone();
            v.insert(i, r.pick(&alphabet));
            variants.push(v);
            for v in variants {
                let m: String = v.into_iter().collect();
                run.link(&format!("valid link {n} changed at {i}"), &m);
                links += 1;
            }
        }
    }

    let mutated_done = start.elapsed();
    let mut documents = 0;
    for n in 0..EMBED_DOCUMENTS {
        let doc = random_document(&mut r, &all);
        let what = format!("embed document {n}");
        let _ = run.timed(&what, &doc, || embed::state_from_json(&doc));
        let panels = r.pick(&["", "lambda", "s3,ec2", "ebs,ebs", "nope", ",,"]);
        let region = r.pick(&[None, Some(""), Some("eu-west-1"), Some("mars-1")]);
        let text = EmbedText {
            panels: Some(panels),
            region,
            workload: Some(&doc),
            compact: r.chance(50),
        };
        if let Some(Ok(e)) = run.timed(&what, &doc, || embed::read(&text)) {
            if e.panels.is_empty() || !e.panels.contains(&e.state.service) {
                run.fail(&what, &doc, "the panel on show is not offered");
            }
        }
        documents += 1;
    }

    let elapsed = start.elapsed();
    // The usual panic message again after the run.
    let _ = std::panic::take_hook();
    println!(
        "hostile: {links} links, {documents} embed documents in {:.1} s, slowest {:.1} ms ({}), {} panics, {} failures, seed {seed}",
        elapsed.as_secs_f64(),
        run.slowest.as_secs_f64() * 1000.0,
        run.slowest_case,
        run.panics,
        run.failures.len(),
    );
    let shown = std::env::var("HOSTILE_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    println!(
        "  random links {:.1} s, changed valid links {:.1} s, embed documents {:.1} s",
        random_done.as_secs_f64(),
        (mutated_done - random_done).as_secs_f64(),
        (elapsed - mutated_done).as_secs_f64()
    );
    for f in run.failures.iter().take(shown) {
        println!("FAIL {f}");
    }
    assert!(run.failures.is_empty(), "{} failures", run.failures.len());
    assert!(links >= 100_000, "{links} links");
    assert!(documents >= 10_000);
}

/// Link and workload text reaches the page only as text: the widget's code never hands a string
/// to the browser as HTML (Yew's `html!` writes text nodes and attribute values).
#[test]
fn no_text_reaches_the_page_as_html() {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = vec![];
    rust_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 10);
    for file in files {
        let code = std::fs::read_to_string(&file).unwrap();
        for api in [
            "inner_html",
            "outer_html",
            "from_html_unchecked",
            "insert_adjacent_html",
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
        ] {
            assert!(!code.contains(api), "{} uses {api}", file.display());
        }
    }
}
