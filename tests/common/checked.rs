//! Checked calls for the hostile-input runs (`tests/hostile.rs` and, by path,
//! `web/tests/hostile_links.rs`): each call's panic is caught and reported with its input, each
//! call is timed against [`LIMIT`], and the slowest is kept for the run's summary.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// A whole number from the environment variable `name` (`HOSTILE_SEED`, `HOSTILE_COUNT`,
/// `HOSTILE_CASE`), if it is set to one.
pub fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|s| s.trim().parse().ok())
}

/// The run's seed: `HOSTILE_SEED`, else `default`.
pub fn seed(default: u64) -> u64 {
    env_number("HOSTILE_SEED").unwrap_or(default)
}

/// Whether this is the full run: built with `--profile hostile`, the test binary is under
/// `<target>/hostile/`. (The links run makes a fixed number of cases, so does not ask.)
#[allow(dead_code)]
pub fn full_run() -> bool {
    std::env::current_exe().is_ok_and(|p| p.components().any(|c| c.as_os_str() == "hostile"))
}

/// How many cases to make: `HOSTILE_COUNT`, else `full` in the full run and `smoke` in others.
#[allow(dead_code)]
pub fn count(smoke: usize, full: usize) -> usize {
    env_number("HOSTILE_COUNT").unwrap_or(if full_run() { full } else { smoke })
}

/// The longest a call may take.
pub const LIMIT: Duration = Duration::from_millis(50);

thread_local! {
    /// Whether a checked call is running (its panic is caught and reported).
    static CHECKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What a run has found so far.
pub struct Checks {
    pub seed: u64,
    pub slowest: Duration,
    pub slowest_case: String,
    pub failures: Vec<String>,
    pub panics: usize,
    /// Whether a call over [`LIMIT`] fails the run (in an optimised build).
    pub time_limit: bool,
    /// How much of a failing input is shown, in characters.
    shown: usize,
}

impl Checks {
    pub fn new(seed: u64, time_limit: bool, shown: usize) -> Checks {
        Checks {
            seed,
            slowest: Duration::ZERO,
            slowest_case: String::new(),
            failures: vec![],
            panics: 0,
            time_limit,
            shown,
        }
    }

    /// Keeps the panic message quiet inside a checked call (its panic is reported with its case
    /// and input); as usual anywhere else.
    pub fn quiet_panics() {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CHECKING.with(std::cell::Cell::get) {
                default(info);
            }
        }));
    }

    /// Runs a checked call: a panic is caught and reported. A call over [`LIMIT`] is timed
    /// twice more and the fastest run counts, so that a moment the machine was busy elsewhere
    /// is not taken for a slow input.
    pub fn timed<T>(&mut self, what: &str, input: &str, f: impl Fn() -> T) -> Option<T> {
        let run = || {
            let start = Instant::now();
            CHECKING.with(|c| c.set(true));
            let out = catch_unwind(AssertUnwindSafe(&f));
            CHECKING.with(|c| c.set(false));
            (out, start.elapsed())
        };
        let (mut out, mut took) = run();
        for _ in 0..2 {
            if took <= LIMIT || out.is_err() {
                break;
            }
            let (again, t) = run();
            out = again;
            took = took.min(t);
        }
        if took > self.slowest {
            self.slowest = took;
            self.slowest_case = format!("{what} ({} bytes)", input.len());
        }
        if took > LIMIT && self.time_limit {
            self.fail(what, input, &format!("took {took:?}"));
        }
        match out {
            Ok(v) => Some(v),
            Err(p) => {
                self.panics += 1;
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                self.fail(what, input, &format!("panicked: {msg}"));
                None
            }
        }
    }

    pub fn fail(&mut self, what: &str, input: &str, why: &str) {
        let shown: String = input.chars().take(self.shown).collect();
        self.failures.push(format!(
            "{what} (HOSTILE_SEED={}): {why}\n  input: {shown}",
            self.seed
        ));
    }
}
