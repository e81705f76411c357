//! Scenarios side by side: one workload described several ways (A, B, C…), each service and the
//! total priced per scenario and set against a pinned baseline, as the AWS Well-Architected cost
//! optimisation pillar asks of a what-if
//! (<https://docs.aws.amazon.com/wellarchitected/latest/cost-optimization-pillar/welcome.html>).
//!
//! Every figure is a monthly USD amount taken from the service's own comparison, so its working is
//! the working shown in that service's panel. Deltas are worked from the figures as shown (to the
//! cent), so that baseline + delta is exactly the other figure on the page.

use crate::error::{FieldError, InputErrors, Problem};
use crate::money::Usd;
use crate::pricing::Region;
use crate::service::{Figure, Figures, Step};
use crate::workload::Workload;
use crate::Comparison;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

/// The most scenarios compared at once.
pub const MAX_SCENARIOS: usize = 8;
/// The longest scenario name, in characters.
pub const MAX_NAME: usize = 40;

/// The input: named workloads and which one is the baseline (public JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSet {
    /// Index into `scenarios` of the one the others are measured against; default 0.
    #[serde(default)]
    pub baseline: usize,
    pub scenarios: Vec<NamedWorkload>,
    /// An exercise file's question (see [`crate::exercise`]): accepted here, so that an exercise
    /// file compares as plain scenarios, and read by [`crate::exercise::from_json`]. Not typed
    /// here, which keeps the exercise reader out of every build that only compares.
    #[serde(default, skip_serializing)]
    pub exercise: Option<serde::de::IgnoredAny>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedWorkload {
    pub name: String,
    pub workload: Workload,
}

pub use crate::services::ServiceCode;

/// One scenario's figure in a row, and how it compares with the baseline's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Null when the scenario has no priced figure here (see `note`).
    pub monthly_usd: Option<Usd>,
    /// What the figure is for this scenario (e.g. the option picked), or why there is none.
    pub note: Option<String>,
    /// This figure minus the baseline's, both to the cent; null for the baseline itself or when
    /// either figure is missing.
    pub delta_usd: Option<Usd>,
    /// `delta_usd` as a percentage of the baseline's figure, two decimals; null when that is zero.
    pub delta_percent: Option<Decimal>,
}

/// A row of cells, one per scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub cells: Vec<Cell>,
}

/// One service across the scenarios.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceRows {
    pub service: ServiceCode,
    /// What the headline figure is.
    pub measure: &'static str,
    /// The service's headline figure per scenario (empty cell: the scenario does not describe it).
    pub headline: Row,
    /// Every option of the service, matched by id across the scenarios, each a monthly figure.
    pub options: Vec<Row>,
}

/// An input that differs from the baseline's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The input's JSON path in the workload, e.g. `ec2.count`.
    pub field: String,
    /// Null: the baseline does not give it.
    pub baseline: Option<String>,
    /// Null: this scenario does not give it.
    pub value: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioSummary {
    pub name: String,
    pub region: Region,
    /// The sum of the service headline figures as shown (to the cent).
    pub total: Cell,
    /// False when a service the scenario describes has no priced figure, so the total leaves it out.
    pub complete: bool,
    /// The inputs that differ from the baseline's (empty for the baseline).
    pub differences: Vec<Difference>,
    pub pricing_as_of: String,
}

/// The answer: every scenario, every service, each against the baseline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScenarioComparison {
    pub baseline: usize,
    pub scenarios: Vec<ScenarioSummary>,
    pub services: Vec<ServiceRows>,
    /// How every delta is worked out.
    pub method: &'static str,
    /// Each scenario's working of the headline figure of every service it describes, in the
    /// services' order (`working[n]` for `scenarios[n]`), as [`crate::services::ServiceCode::steps`]
    /// says it: what the Markdown export writes under "Working". Not in the JSON.
    #[serde(skip)]
    pub working: Vec<Vec<(ServiceCode, Vec<Step>)>>,
}

pub const METHOD: &str = "Each figure is the monthly USD amount from the service's own comparison, rounded to the cent. Delta = scenario figure − baseline figure (both to the cent); % = delta ÷ baseline figure × 100, to two decimals. A scenario's total is the sum of its service headline figures.";

/// Reads a scenario set, naming the field of any problem.
pub fn from_json(text: &str) -> Result<ScenarioSet, InputErrors> {
    crate::input::read_json(text)
}

/// Prices every scenario and sets each against the baseline. Problems name the field as
/// `scenarios[N].workload.<path>`.
pub fn compare(set: &ScenarioSet) -> Result<ScenarioComparison, InputErrors> {
    let mut errors = vec![];
    if set.scenarios.is_empty() {
        errors.push(FieldError::new(
            "scenarios",
            Problem::Malformed("Give at least one scenario to compare.".into()),
        ));
    }
    if set.scenarios.len() > MAX_SCENARIOS {
        errors.push(FieldError::new(
            "scenarios",
            Problem::Malformed(format!(
                "At most {MAX_SCENARIOS} scenarios are compared at once; remove {}.",
                set.scenarios.len() - MAX_SCENARIOS
            )),
        ));
    }
    if set.baseline >= set.scenarios.len().max(1) {
        errors.push(FieldError::new(
            "baseline",
            Problem::Malformed(format!(
                "The baseline must be the index of a scenario (0 to {}).",
                set.scenarios.len().saturating_sub(1)
            )),
        ));
    }
    let priced = price(set);
    let workload_errors = priced.as_ref().err().map_or(&[][..], Vec::as_slice);
    for (n, s) in set.scenarios.iter().enumerate() {
        if s.name.trim().is_empty() || s.name.chars().count() > MAX_NAME {
            errors.push(FieldError::new(
                format!("scenarios[{n}].name"),
                Problem::Malformed(format!(
                    "Give the scenario a name of 1 to {MAX_NAME} characters."
                )),
            ));
        }
        for (_, f) in workload_errors.iter().filter(|(i, _)| *i == n) {
            let mut f = f.clone();
            f.field = if f.field.is_empty() {
                format!("scenarios[{n}].workload")
            } else {
                format!("scenarios[{n}].workload.{}", f.field)
            };
            errors.push(f);
        }
    }
    match priced {
        Ok(results) if errors.is_empty() => Ok(compare_results(set, &results)),
        _ => Err(InputErrors { errors }),
    }
}

/// Prices each scenario's workload with [`crate::compare`]; every problem comes with the index of
/// its scenario.
pub fn price(set: &ScenarioSet) -> Result<Vec<Comparison>, Vec<(usize, FieldError)>> {
    price_kept(set, &mut crate::kept::Kept::none())
}

/// [`price`], with each section's answer from `kept` when it was asked before.
pub fn price_kept(
    set: &ScenarioSet,
    kept: &mut crate::kept::Kept,
) -> Result<Vec<Comparison>, Vec<(usize, FieldError)>> {
    let mut results = vec![];
    let mut problems = vec![];
    for (n, s) in set.scenarios.iter().enumerate() {
        match crate::compare_kept(&s.workload, kept) {
            Ok(c) => results.push(c),
            Err(e) => problems.extend(e.errors.into_iter().map(|f| (n, f))),
        }
    }
    if problems.is_empty() {
        Ok(results)
    } else {
        Err(problems)
    }
}

/// The comparison of already-priced scenarios (`results[n]` prices `set.scenarios[n]`).
pub fn compare_results(set: &ScenarioSet, results: &[Comparison]) -> ScenarioComparison {
    let base = set.baseline.min(results.len().saturating_sub(1));
    let mut services = vec![];
    let mut working: Vec<Vec<(ServiceCode, Vec<Step>)>> = vec![vec![]; results.len()];
    for code in ServiceCode::ALL {
        let per: Vec<Option<Figures>> = results.iter().map(|c| code.figures(c)).collect();
        if per.iter().all(Option::is_none) {
            continue;
        }
        for ((w, c), f) in working.iter_mut().zip(results).zip(&per) {
            if let Some(f) = f {
                let steps = code
                    .steps(c, None)
                    .unwrap_or_else(|| vec![Step::new(f.headline.note.clone(), None)]);
                w.push((code, steps));
            }
        }
        let headline = Row {
            id: "headline".into(),
            label: code.name().into(),
            cells: per
                .iter()
                .map(|f| f.as_ref().map(|f| cell(&f.headline)).unwrap_or_default())
                .collect(),
        };
        // Option ids in first-seen order across the scenarios.
        let mut ids: Vec<(String, String)> = vec![];
        for f in per.iter().flatten() {
            for (id, label, _) in &f.options {
                if !ids.iter().any(|(i, _)| i == id) {
                    ids.push((id.clone(), label.clone()));
                }
            }
        }
        let options = ids
            .into_iter()
            .map(|(id, label)| {
                let cells = per
                    .iter()
                    .map(|f| {
                        f.as_ref()
                            .and_then(|f| f.options.iter().find(|(i, _, _)| *i == id))
                            .map(|(_, _, c)| cell(c))
                            .unwrap_or_default()
                    })
                    .collect();
                Row { id, label, cells }
            })
            .collect();
        services.push(ServiceRows {
            service: code,
            measure: code.measure(),
            headline,
            options,
        });
    }
    for s in &mut services {
        with_deltas(&mut s.headline.cells, base);
        for r in &mut s.options {
            with_deltas(&mut r.cells, base);
        }
    }
    // A headline cell with neither figure nor note: the scenario does not describe the service.
    let headlines = |n: usize| services.iter().map(move |s| &s.headline.cells[n]);
    let mut totals: Vec<Cell> = (0..results.len())
        .map(|n| Cell {
            monthly_usd: Some(
                headlines(n)
                    .filter_map(|c| c.monthly_usd.map(|u| Usd(u.cents())))
                    .sum(),
            ),
            ..Cell::default()
        })
        .collect();
    let complete: Vec<bool> = (0..results.len())
        .map(|n| headlines(n).all(|c| c.note.is_none() || c.monthly_usd.is_some()))
        .collect();
    with_deltas(&mut totals, base);
    let inputs: Vec<Vec<(String, String)>> =
        set.scenarios.iter().map(|s| s.workload.inputs()).collect();
    let scenarios = set
        .scenarios
        .iter()
        .zip(results)
        .zip(totals)
        .enumerate()
        .map(|(n, ((s, c), total))| ScenarioSummary {
            name: s.name.clone(),
            region: c.region,
            total,
            complete: complete[n],
            differences: if n == base {
                vec![]
            } else {
                differences(&inputs[base], &inputs[n])
            },
            pricing_as_of: c.pricing_as_of.clone(),
        })
        .collect();
    ScenarioComparison {
        baseline: base,
        scenarios,
        services,
        method: METHOD,
        working,
    }
}

/// A figure as a cell of the comparison, before its delta.
fn cell(f: &Figure) -> Cell {
    Cell {
        monthly_usd: f.monthly_usd,
        note: Some(f.note.clone()),
        ..Cell::default()
    }
}

/// Fills each cell's delta against the baseline's cell.
fn with_deltas(cells: &mut [Cell], base: usize) {
    let Some(b) = cells.get(base).and_then(|c| c.monthly_usd).map(Usd::cents) else {
        return;
    };
    for (n, c) in cells.iter_mut().enumerate() {
        if n == base {
            continue;
        }
        if let Some(v) = c.monthly_usd.map(Usd::cents) {
            let delta = v - b;
            c.delta_usd = Some(Usd(delta));
            c.delta_percent = (!b.is_zero()).then(|| {
                (delta * Decimal::ONE_HUNDRED / b)
                    .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            });
        }
    }
}

/// The inputs of `other` that differ from `base`'s, in `base`'s order then `other`'s new ones.
fn differences(base: &[(String, String)], other: &[(String, String)]) -> Vec<Difference> {
    let find = |list: &[(String, String)], f: &str| {
        list.iter().find(|(k, _)| k == f).map(|(_, v)| v.clone())
    };
    let mut out: Vec<Difference> = base
        .iter()
        .filter_map(|(f, v)| {
            let theirs = find(other, f);
            (theirs.as_deref() != Some(v)).then(|| Difference {
                field: f.clone(),
                baseline: Some(v.clone()),
                value: theirs,
            })
        })
        .collect();
    out.extend(
        other
            .iter()
            .filter(|(f, _)| find(base, f).is_none())
            .map(|(f, v)| Difference {
                field: f.clone(),
                baseline: None,
                value: Some(v.clone()),
            }),
    );
    out
}
