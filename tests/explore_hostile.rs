//! Hostile explore requests: generated requests for the EC2 explorers (cheaper alternatives,
//! Spot with interruptions) with every field at a valid value, at a boundary and at an invalid
//! one, unknown fields, and no `ec2` section, through `explore_json`. Each gives an answer or
//! errors that name a field of the request with a sentence, never a panic (and, built with
//! `cargo test --profile hostile`, within 50 ms). `HOSTILE_SEED=<seed>` replays a run;
//! `HOSTILE_COUNT` sets its size.

use serde_json::{json, Map, Value};
#[path = "common/checked.rs"]
mod checked;
use checked::Checks;

const DEFAULT_SEED: u64 = 0xe491_05e5;
const SMOKE_COUNT: usize = 200;
const FULL_COUNT: usize = 20_000;

/// SplitMix64: the same seed gives the same requests on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize].clone()
    }
}

fn num(text: &str) -> Value {
    Value::Number(text.parse().unwrap_or_else(|e| panic!("{text}: {e}")))
}

/// A number for a field whose range is `[0, max]`: inside, at an edge, or not a number at all.
fn number(r: &mut Rng, max: u64) -> Value {
    match r.below(40) {
        0 => num("0"),
        1 => num(&max.to_string()),
        2 => num(&(max + 1).to_string()),
        3 => num("-1"),
        4 => num("1e-30"),
        5 => num("1e308"),
        6 => num("0.0000001"),
        7 => num("79228162514264337593543950336"),
        8 => Value::String("12".into()),
        9 => Value::Null,
        10 => num("0.001"),
        _ => num(&format!("{}.{}", r.below(max + 1), r.below(1000))),
    }
}

fn request(r: &mut Rng) -> Value {
    let types = [
        "m5.large",
        "t3.nano",
        "t2.nano",
        "c7a.16xlarge",
        "m6g.large",
        "x2iedn.32xlarge",
        "r5.16xlarge",
        "m5.huge",
        "",
    ];
    let mut ec2 = Map::new();
    ec2.insert("instance_type".into(), json!(r.pick(&types)));
    if r.chance(50) {
        ec2.insert("count".into(), number(r, 100_000));
    }
    if r.chance(50) {
        ec2.insert("hours_per_month".into(), number(r, 744));
    }
    if r.chance(30) {
        ec2.insert("horizon_years".into(), json!(r.pick(&[1, 3, 2])));
    }
    if r.chance(30) {
        ec2.insert("interruption_tolerant".into(), json!(r.chance(50)));
    }
    let mut workload = Map::new();
    workload.insert(
        "region".into(),
        json!(r.pick(&["us-east-1", "eu-west-1", "ap-south-1", "mars-1"])),
    );
    if r.chance(92) {
        workload.insert("ec2".into(), Value::Object(ec2));
    }
    let mut doc = Map::new();
    doc.insert("workload".into(), Value::Object(workload));
    if r.chance(70) {
        let mut a = Map::new();
        if r.chance(60) {
            a.insert(
                "architecture".into(),
                json!(r.pick(&["same", "any", "ANY", "x86_64"])),
            );
        }
        if r.chance(80) {
            let ids = awscost::ec2::option_ids();
            let id = if r.chance(85) {
                r.pick(&ids)
            } else {
                r.pick(&["", "reserved", "on-demand ", "\u{0}"]).to_string()
            };
            a.insert("option".into(), json!(id));
        }
        if r.chance(5) {
            a.insert("sort".into(), json!("price"));
        }
        doc.insert("alternatives".into(), Value::Object(a));
    }
    if r.chance(70) {
        let mut s = Map::new();
        if r.chance(60) {
            s.insert(
                "band".into(),
                json!(r.pick(&["<5%", "5-10%", "10-15%", "15-20%", ">20%", "25%", ""])),
            );
        }
        if r.chance(60) {
            s.insert("interruptions_per_day".into(), number(r, 24));
        }
        if r.chance(95) {
            s.insert("checkpoint_minutes".into(), number(r, 10_080));
        }
        if r.chance(95) {
            s.insert("restart_minutes".into(), number(r, 1_440));
        }
        doc.insert("spot_interruptions".into(), Value::Object(s));
    }
    Value::Object(doc)
}

#[test]
fn hostile_explore_requests() {
    let seed = checked::seed(DEFAULT_SEED);
    let full = checked::full_run();
    let count = checked::count(SMOKE_COUNT, FULL_COUNT);
    let mut checks = Checks::new(seed, full, 600);
    Checks::quiet_panics();
    let mut r = Rng(seed);
    let (mut answered, mut refused) = (0, 0);
    for n in 0..count {
        let text = request(&mut r).to_string();
        let what = format!("explore request {n}");
        let Some(out) = checks.timed(&what, &text, || awscost::explore::explore_json(&text)) else {
            continue;
        };
        match out {
            Ok(json) => {
                answered += 1;
                if serde_json::from_str::<Value>(&json).is_err() {
                    checks.fail(&what, &text, "the answer is not JSON");
                }
            }
            Err(errors) => {
                refused += 1;
                for e in &errors.errors {
                    let root = e.field.split(['.', '[']).next().unwrap_or("");
                    let named =
                        ["", "workload", "alternatives", "spot_interruptions"].contains(&root);
                    if !named || e.message().trim().is_empty() {
                        checks.fail(
                            &what,
                            &text,
                            &format!("error {:?}: {}", e.field, e.message()),
                        );
                    }
                }
            }
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "explore hostile: {count} requests ({answered} answered, {refused} refused), slowest {:.1} ms ({}), {} panics, seed {seed}",
        checks.slowest.as_secs_f64() * 1000.0,
        checks.slowest_case,
        checks.panics
    );
    assert!(checks.failures.is_empty(), "{}", checks.failures.join("\n"));
    assert!(answered > 0 && refused > 0);
}
