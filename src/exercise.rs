//! Exercises: a question about a scenario set that the engine can grade, from the same figures
//! the panels show, with the working revealed as steps a person can say aloud.
//!
//! The scenario JSON carries the question (`exercise`), never its answer: the answer is worked
//! out from the bundled tables whenever it is graded, so an exercise is for practice, not for an
//! exam (the answer can be computed by anyone holding the link).

use crate::ec2::{Ec2Option, Ec2Result, OptionKind};
use crate::error::{FieldError, InputErrors, Problem};
use crate::money::{qty, rate, read_number, Usd, HOURS_PER_MONTH};
use crate::s3::{break_even_gb, S3Result, StorageClass};
use crate::scenarios::{ScenarioComparison, ScenarioSet};
use crate::service::Step;
use crate::services::ServiceCode;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// What is asked: its code is the JSON name ([`Question::id`]), its name the label a teacher
    /// picks it by ([`Question::label`]); [`Question::ALL`] lists them in the order to offer them.
    pub enum Question {
        /// The monthly figure of a service (its headline, as the comparison shows it), or of the
        /// whole scenario when no service is named.
        MonthlyCost = "monthly_cost", "Monthly cost";
        /// Which option of a service is cheapest, as a choice among its real options.
        CheapestOption = "cheapest_option", "Cheapest option";
        /// What an EC2 purchasing option saves against On-Demand over the horizon, in %.
        SavingPercent = "saving_percent", "Saving against On-Demand (%)";
        /// The first month at whose end an EC2 commitment has cost less than On-Demand.
        BreakEvenMonth = "break_even_month", "Break-even month";
        /// The share of the month (%) each instance must run for an EC2 commitment to cost less
        /// than On-Demand: the option's `break_even_utilisation_percent`.
        BreakEvenUtilisation = "break_even_utilisation", "Break-even utilisation (%)";
        /// The monthly retrieval volume (GB) at which the S3 storage class cheapest for a steady
        /// month changes. Read from `S3Result::cheapest_by_retrieval` (the lower envelope of the
        /// classes' cost-against-retrieval lines) at the workload's `s3.retrieval_gb_per_month`
        /// (the GB retrieved a month the panel prices; a volume exactly on a boundary belongs to
        /// the range that starts there): the upper end (`to_gb`) of the range holding it, where
        /// the cheapest class changes from that range's class to the next one's as retrieval
        /// grows; when the volume is in the last, open-ended range, that range's lower end
        /// (`from_gb`), where the class changes to the one before as retrieval falls. An error
        /// (`exercise.question`) when one class is cheapest at every volume.
        RetrievalCrossover = "retrieval_crossover", "Retrieval volume where the cheapest S3 class changes";
        /// How much more a scenario costs a month than the baseline (negative: less).
        ScenarioDifference = "scenario_difference", "Difference between scenarios";
    }
}

impl Question {
    /// Its JSON name, e.g. `monthly_cost`.
    pub fn id(self) -> &'static str {
        self.code()
    }

    /// Its name for a teacher choosing it, e.g. "Break-even month".
    pub fn label(self) -> &'static str {
        self.name()
    }

    /// The question of a JSON name; `None` for any other text.
    pub fn from_id(id: &str) -> Option<Question> {
        Question::from_code(id)
    }

    /// The services it can be asked of; empty: it is not asked of a service (a `service` given
    /// is not read).
    pub fn services(self) -> &'static [ServiceCode] {
        match self {
            Question::MonthlyCost | Question::CheapestOption => &ServiceCode::ALL,
            Question::SavingPercent | Question::BreakEvenMonth | Question::BreakEvenUtilisation => {
                &[ServiceCode::Ec2]
            }
            Question::RetrievalCrossover => &[ServiceCode::S3],
            Question::ScenarioDifference => &[],
        }
    }

    /// Whether the exercise must name the service. When it need not: `monthly_cost` without one
    /// asks about the whole scenario, and a question of one service only asks about that one.
    pub fn service_required(self) -> bool {
        self == Question::CheapestOption
    }

    /// Whether the exercise must name an EC2 purchasing option (`option`, its id).
    pub fn needs_option(self) -> bool {
        matches!(
            self,
            Question::SavingPercent | Question::BreakEvenMonth | Question::BreakEvenUtilisation
        )
    }

    /// Whether the exercise compares `scenario` with the baseline, so needs a second scenario.
    pub fn needs_other_scenario(self) -> bool {
        self == Question::ScenarioDifference
    }

    /// The service asked about: the one given, or the question's only one.
    pub fn service_of(self, given: Option<ServiceCode>) -> Option<ServiceCode> {
        match (given, self.services()) {
            (Some(s), _) => Some(s),
            (None, [only]) => Some(*only),
            _ => None,
        }
    }
}

/// `"lambda", "ec2" or "s3"`.
fn codes_or(services: &[ServiceCode]) -> String {
    let codes: Vec<String> = services
        .iter()
        .map(|s| format!("\"{}\"", s.code()))
        .collect();
    match codes.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The tolerance a numeric answer is right within, unless the exercise says otherwise.
pub const DEFAULT_TOLERANCE_PERCENT: u32 = 10;
/// The most fields an exercise may open to the learner.
pub const MAX_OPEN_FIELDS: usize = 32;
/// The longest title or hint, in characters.
pub const MAX_TEXT: usize = 500;

/// The most choices the JSON lists.
pub const MAX_LISTED: usize = 64;

fn unlisted(c: &[Choice]) -> bool {
    c.is_empty() || c.len() > MAX_LISTED
}

fn default_tolerance() -> Decimal {
    DEFAULT_TOLERANCE_PERCENT.into()
}

/// An exercise, as the scenario JSON's `exercise` object (public JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub question: Question,
    /// The service asked about; none for the whole scenario (`monthly_cost`) or for
    /// `scenario_difference`; may be left out of a question asked of one service only
    /// ([`Question::services`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceCode>,
    /// The option asked about (`saving_percent`, `break_even_month`, `break_even_utilisation`:
    /// an EC2 option id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// The scenario asked about (an index into `scenarios`); for `scenario_difference`, the one
    /// set against the baseline.
    #[serde(default)]
    pub scenario: usize,
    /// A numeric answer within this share of the figure is right, within twice it close.
    #[serde(default = "default_tolerance")]
    pub tolerance_percent: Decimal,
    /// Workload fields (JSON paths) the learner may change; none: the workload is read-only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// How an answer fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Right,
    Close,
    Wrong,
}

/// One option a choice question offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// Its figure (`measure`); null: no bundled rate, or it does not suit the workload.
    pub usd: Option<Usd>,
}

/// The question worked out: what is asked, its answer and the working.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    pub question: Question,
    /// The question in words.
    pub prompt: String,
    /// The answer: a number as text (`"70.08"`), or an option id.
    pub expected: String,
    /// The answer's option label, for a choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_label: Option<String>,
    /// What the answer is in ("USD a month", "%", "month", or the choice's measure).
    pub unit: String,
    /// The options to choose among, for `cheapest_option` (left out of the JSON when there are
    /// more than [`MAX_LISTED`], as Lambda's 10,113 memory settings: answer with the memory in MB).
    #[serde(skip_serializing_if = "unlisted")]
    pub choices: Vec<Choice>,
    /// The working, step by step, ending at the answer.
    pub steps: Vec<Step>,
    pub tolerance_percent: Decimal,
    /// The oldest date of the bundled tables the figures come from.
    pub pricing_as_of: String,
    pub note: &'static str,
    #[serde(skip)]
    number: Option<Decimal>,
}

/// An answer graded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Graded {
    /// The answer as given.
    pub answer: String,
    pub grade: Grade,
    /// How far off: the answer minus the right one (for a choice, the chosen option's figure
    /// minus the cheapest's), as text; null when right to the unit.
    pub off: Option<String>,
    /// `off` as a percentage of the right figure, two decimals.
    pub off_percent: Option<Decimal>,
    /// A sentence saying how the answer fared.
    pub verdict: String,
    #[serde(flatten)]
    pub task: Task,
}

pub const NOTE: &str = "For practice: the answer is worked out in the page from the bundled pricing tables, so anyone with the link can see it.";

fn bad(field: &str, why: impl Into<String>) -> InputErrors {
    InputErrors::one(FieldError::new(field, Problem::Malformed(why.into())))
}

/// Checks the exercise against its scenario set; every problem names its `exercise.…` field.
pub fn check(set: &ScenarioSet, ex: &Exercise) -> Result<(), InputErrors> {
    let mut errors = vec![];
    let mut no = |field: &str, why: String| {
        errors.push(FieldError::new(
            format!("exercise.{field}"),
            Problem::Malformed(why),
        ))
    };
    if ex.scenario >= set.scenarios.len() {
        no(
            "scenario",
            format!(
                "Scenario {} does not exist: give 0 to {}.",
                ex.scenario,
                set.scenarios.len().saturating_sub(1)
            ),
        );
    }
    if ex.tolerance_percent < Decimal::ZERO || ex.tolerance_percent > Decimal::from(100) {
        no(
            "tolerance_percent",
            "Give a tolerance from 0 to 100 %.".into(),
        );
    }
    if ex.open_fields.len() > MAX_OPEN_FIELDS {
        no(
            "open_fields",
            format!("Open at most {MAX_OPEN_FIELDS} fields."),
        );
    }
    for (field, text) in [("title", &ex.title), ("hint", &ex.hint)] {
        if text.as_ref().is_some_and(|t| t.chars().count() > MAX_TEXT) {
            no(field, format!("Keep it to {MAX_TEXT} characters."));
        }
    }
    let q = ex.question;
    match ex.service {
        None if q.service_required() => no(
            "service",
            format!("Name the service asked about: {}.", codes_or(q.services())),
        ),
        Some(s) if !q.services().is_empty() && !q.services().contains(&s) => no(
            "service",
            format!(
                "\"{}\" is not asked of {}: give {}.",
                q.label(),
                s.name(),
                codes_or(q.services())
            ),
        ),
        _ => {}
    }
    if q.needs_option() && ex.option.is_none() {
        no(
            "option",
            "Name the EC2 purchasing option asked about (its id, e.g. \"reserved-standard-3y-all-upfront\")."
                .into(),
        );
    }
    if q.needs_other_scenario() {
        if set.scenarios.len() < 2 {
            no(
                "question",
                "A difference between scenarios needs at least two.".into(),
            );
        } else if ex.scenario == set.baseline {
            no(
                "scenario",
                "Ask about a scenario other than the baseline.".into(),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(InputErrors { errors })
    }
}

/// Works the exercise out: the question in words, its answer and the working.
pub fn task(set: &ScenarioSet, ex: &Exercise) -> Result<Task, InputErrors> {
    check(set, ex)?;
    let comparison = crate::scenarios::compare(set)?;
    let n = ex.scenario;
    let name = set.scenarios[n].name.clone();
    let priced = crate::compare(&set.scenarios[n].workload)?;
    let as_of = comparison.scenarios[n].pricing_as_of.clone();
    let service = || -> Result<ServiceCode, InputErrors> {
        let s = ex.question.service_of(ex.service).ok_or_else(|| {
            bad(
                "exercise.service",
                format!(
                    "Name the service asked about: {}.",
                    codes_or(ex.question.services())
                ),
            )
        })?;
        s.figures(&priced).map(|_| s).ok_or_else(|| {
            bad(
                "exercise.service",
                format!(
                    "Scenario {name} does not describe {}: add its section to the workload.",
                    s.name()
                ),
            )
        })
    };
    let base = Task {
        question: ex.question,
        prompt: String::new(),
        expected: String::new(),
        expected_label: None,
        unit: "USD a month".into(),
        choices: vec![],
        steps: vec![],
        tolerance_percent: ex.tolerance_percent,
        pricing_as_of: as_of,
        note: NOTE,
        number: None,
    };
    let money = |t: Task, usd: Usd| Task {
        expected: usd.cents().to_string(),
        number: Some(usd.cents()),
        ..t
    };
    let percent = |t: Task, pct: Decimal| Task {
        expected: pct.to_string(),
        unit: "%".into(),
        number: Some(pct),
        ..t
    };
    Ok(match ex.question {
        Question::MonthlyCost => match ex.service {
            Some(_) => {
                let s = service()?;
                let figure = s.figures(&priced).map(|f| f.headline);
                let usd = figure.as_ref().and_then(|f| f.monthly_usd).ok_or_else(|| {
                    bad(
                        "exercise.service",
                        format!("{} has no priced figure in scenario {name}.", s.name()),
                    )
                })?;
                money(
                    Task {
                        prompt: format!(
                            "Scenario {name}, {}: {}. What is it, in USD a month?",
                            s.name(),
                            lower_first(s.measure())
                        ),
                        steps: s.steps(&priced, None).unwrap_or_default(),
                        ..base
                    },
                    usd,
                )
            }
            None => {
                let (usd, steps) = total(&comparison, n)?;
                money(
                    Task {
                        prompt: format!(
                            "Scenario {name}: what does the whole workload cost a month, every service it describes counted?"
                        ),
                        steps,
                        ..base
                    },
                    usd,
                )
            }
        },
        Question::CheapestOption => {
            let s = service()?;
            let c = s.choices(&priced).ok_or_else(|| {
                bad(
                    "exercise.service",
                    format!("Scenario {name} does not describe {}.", s.name()),
                )
            })?;
            let id = c.cheapest.clone().ok_or_else(|| {
                bad(
                    "exercise.service",
                    format!(
                        "No {} option suits scenario {name} with a bundled rate.",
                        s.name()
                    ),
                )
            })?;
            let choices: Vec<Choice> = c
                .options
                .iter()
                .map(|(id, label, usd)| Choice {
                    id: id.clone(),
                    label: label.clone(),
                    usd: *usd,
                })
                .collect();
            let best = choices.iter().find(|o| o.id == id);
            let label = best.map(|o| o.label.clone()).unwrap_or_default();
            let mut ranked: Vec<&Choice> = choices.iter().filter(|o| o.usd.is_some()).collect();
            ranked.sort_by_key(|o| o.usd.map(Usd::cents));
            let mut steps: Vec<Step> = ranked
                .iter()
                .take(5)
                .map(|o| {
                    Step::new(
                        format!("{}: {} {}", o.label, o.usd.unwrap_or(Usd::ZERO), c.measure),
                        o.usd,
                    )
                })
                .collect();
            if ranked.len() > 5 {
                steps.push(Step::new(
                    format!("… and {} more, each dearer or the same", ranked.len() - 5),
                    None,
                ));
            }
            steps.push(Step::new(
                format!("Cheapest: {label} (ties to the cent go as the panel breaks them)"),
                best.and_then(|o| o.usd),
            ));
            steps.extend(s.steps(&priced, None).unwrap_or_default());
            Task {
                prompt: format!(
                    "Scenario {name}, {}: which option is cheapest ({})?",
                    s.name(),
                    c.measure
                ),
                expected: id,
                expected_label: Some(label),
                unit: c.measure.into(),
                choices,
                steps,
                ..base
            }
        }
        Question::BreakEvenUtilisation => {
            let (e, o, od) = ec2_option(&priced, ex, &name)?;
            let (steps, pct) = break_even_utilisation(e, o, od, &name)?;
            percent(
                Task {
                    prompt: format!(
                        "Scenario {name}: what share of the month must each instance run for {} to cost less than On-Demand, in %?",
                        o.label
                    ),
                    steps,
                    ..base
                },
                pct,
            )
        }
        Question::RetrievalCrossover => {
            let r = priced.s3.as_ref().ok_or_else(|| {
                bad(
                    "exercise.service",
                    format!("Scenario {name} does not describe S3: add its section."),
                )
            })?;
            // The GB retrieved a month as the workload gives it (checked when it was priced):
            // the volume the panel's "Data retrieval" lines and the curves' axis count.
            let current = set.scenarios[n]
                .workload
                .s3
                .as_ref()
                .map(|w| w.retrieval_gb_per_month)
                .unwrap_or_default();
            let c = retrieval_crossover(r, current, &name)?;
            Task {
                prompt: format!(
                    "Scenario {name}, S3: at the {} GB retrieved a month now, {} is the cheapest storage class for a steady month. As retrieval {}, at what monthly retrieval volume (GB) does the cheapest class change?",
                    qty(current),
                    c.here.name(),
                    if c.upward { "grows" } else { "falls" }
                ),
                expected: c.gb.normalize().to_string(),
                unit: "GB a month".into(),
                steps: c.steps,
                number: Some(c.gb),
                ..base
            }
        }
        Question::SavingPercent | Question::BreakEvenMonth => {
            let (e, o, od) = ec2_option(&priced, ex, &name)?;
            let (od_total, total) =
                match (od.and_then(|o| o.horizon_total_usd), o.horizon_total_usd) {
                    (Some(a), Some(b)) => (a, b),
                    _ => {
                        return Err(bad(
                            "exercise.option",
                            format!(
                                "{} or On-Demand has no bundled rate in scenario {name}.",
                                o.label
                            ),
                        ))
                    }
                };
            let mut steps = vec![
                Step::new(
                    format!(
                        "On-Demand over the {}-month horizon: {od_total}",
                        e.horizon_months
                    ),
                    Some(od_total),
                ),
                Step::new(
                    format!("{} over the same horizon: {total}", o.label),
                    Some(total),
                ),
            ];
            if ex.question == Question::SavingPercent {
                let (saving, pct) = match (o.saving_usd, o.saving_percent) {
                    (Some(s), Some(p)) => (s, p),
                    _ => {
                        return Err(bad(
                            "exercise.option",
                            format!("{} has no saving figure in scenario {name}.", o.label),
                        ))
                    }
                };
                steps.push(Step::new(
                    format!("Saving: {od_total} − {total} = {saving}"),
                    Some(saving),
                ));
                steps.push(Step::new(
                    format!("{saving} ÷ {od_total} × 100 = {} %", qty(pct)),
                    None,
                ));
                percent(
                    Task {
                        prompt: format!(
                            "Scenario {name}: what does {} save against On-Demand over the horizon, in %?",
                            o.label
                        ),
                        steps,
                        ..base
                    },
                    pct,
                )
            } else {
                let month = o.break_even_month.ok_or_else(|| {
                    bad(
                        "exercise.option",
                        o.break_even_month_note.clone().unwrap_or_else(|| {
                            format!(
                                "{} does not become cheaper than On-Demand within the {}-month horizon.",
                                o.label, e.horizon_months
                            )
                        }),
                    )
                })?;
                let at = |v: &[Usd], m: u32| v.get(m as usize).copied();
                let odc = od.map(|o| o.cumulative_usd.as_slice()).unwrap_or_default();
                for m in [month.saturating_sub(1), month] {
                    if let (Some(a), Some(b)) = (at(&o.cumulative_usd, m), at(odc, m)) {
                        steps.push(Step::new(
                            format!(
                                "End of month {m}: {} has cost {a} in all, On-Demand {b}{}",
                                o.label,
                                if a < b { ": cheaper" } else { "" }
                            ),
                            Some(a),
                        ));
                    }
                }
                steps.push(Step::new(format!("Break-even: month {month}"), None));
                Task {
                    prompt: format!(
                        "Scenario {name}: at the end of which month has {} first cost less than On-Demand?",
                        o.label
                    ),
                    expected: month.to_string(),
                    unit: "month".into(),
                    steps,
                    number: Some(month.into()),
                    ..base
                }
            }
        }
        Question::ScenarioDifference => {
            let b = set.baseline;
            let (this, mut steps) = total(&comparison, n)?;
            let (base_total, _) = total(&comparison, b)?;
            let base_name = &set.scenarios[b].name;
            let delta = Usd(this.cents() - base_total.cents());
            steps.push(Step::new(
                format!("{base_name} (the baseline): {base_total} a month"),
                Some(base_total),
            ));
            steps.push(Step::new(
                format!("{name} − {base_name}: {this} − {base_total} = {delta}"),
                Some(delta),
            ));
            money(
                Task {
                    prompt: format!(
                        "How much more does scenario {name} cost a month than {base_name}, in USD (negative if less)?"
                    ),
                    steps,
                    ..base
                },
                delta,
            )
        }
    })
}

/// The scenario's EC2 section, the purchasing option the exercise asks about, and On-Demand.
fn ec2_option<'a>(
    priced: &'a crate::Comparison,
    ex: &Exercise,
    name: &str,
) -> Result<(&'a Ec2Result, &'a Ec2Option, Option<&'a Ec2Option>), InputErrors> {
    let e = priced.ec2.as_ref().ok_or_else(|| {
        bad(
            "exercise.service",
            format!("Scenario {name} does not describe EC2: add its section."),
        )
    })?;
    let id = ex.option.clone().unwrap_or_default();
    let o = e.options.iter().find(|o| o.id == id).ok_or_else(|| {
        bad(
            "exercise.option",
            format!("\"{id}\" is not an EC2 purchasing option of scenario {name}."),
        )
    })?;
    Ok((e, o, e.options.iter().find(|o| o.id == "on-demand")))
}

/// An amount to four decimals, shown to the cent when that is all it has (`$26.3611`, `$43.80`).
fn usd4(d: Decimal) -> String {
    let r = d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    if r == r.round_dp(2) {
        Usd(r).to_string()
    } else {
        rate(r)
    }
}

/// An hourly rate to four decimals, as the EC2 panel shows one (`$0.0361`).
fn hourly(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(4);
    format!("${r}")
}

/// The working of a commitment's break-even utilisation, from the figures the EC2 panel shows
/// (`break_even_hours_per_month`, `break_even_utilisation_percent`), and that percentage.
fn break_even_utilisation(
    e: &Ec2Result,
    o: &Ec2Option,
    od: Option<&Ec2Option>,
    name: &str,
) -> Result<(Vec<Step>, Decimal), InputErrors> {
    let no = |why: String| Err(bad("exercise.option", why));
    if !matches!(o.kind, OptionKind::Reserved | OptionKind::SavingsPlan) {
        return no(format!(
            "{} is paid only for the hours it runs, so it has no break-even utilisation: ask about a Reserved Instance or a Savings Plan.",
            o.label
        ));
    }
    // On-Demand's rate, as its one line item gives it.
    let Some(od_rate) = od
        .and_then(|o| o.lines.first())
        .map(|l| l.rate)
        .filter(|r| !r.is_zero())
    else {
        return no(format!(
            "On-Demand has no bundled rate in scenario {name}, so nothing to break even against."
        ));
    };
    let Some(total) = o.horizon_total_usd else {
        return no(o
            .reason
            .clone()
            .unwrap_or_else(|| format!("{} has no bundled rate in scenario {name}.", o.label)));
    };
    let (Some(hours), Some(pct)) = (
        o.break_even_hours_per_month,
        o.break_even_utilisation_percent,
    ) else {
        return no(format!(
            "{} costs more than On-Demand even when each instance runs all 730 h a month, so it never breaks even.",
            o.label
        ));
    };
    let n = Decimal::from(e.count.max(1));
    let full = Decimal::from(HOURS_PER_MONTH);
    let billed = "billed for all 730 h whether it runs or not";
    // One instance's month of the commitment, its upfront fee spread over its term.
    let (per_month, first) = match (o.upfront_usd, o.monthly_usd, o.term) {
        (Some(u), Some(m), Some(t)) => {
            let (u, m, tm) = (u.0 / n, m.0 / n, t.months());
            let per_month = u / Decimal::from(tm) + m;
            let how = if u.is_zero() {
                format!("{} a month", Usd(m))
            } else if m.is_zero() {
                format!(
                    "{} upfront ÷ {tm} months = {} a month",
                    Usd(u),
                    usd4(per_month)
                )
            } else {
                format!(
                    "{} upfront ÷ {tm} months + {} a month = {} a month",
                    Usd(u),
                    usd4(m),
                    usd4(per_month)
                )
            };
            (
                per_month,
                format!("{}, for each instance: {how}, {billed}", o.label),
            )
        }
        // Known by its effective rate only: every hour of the term at that rate.
        _ => {
            let per_month = total.0 / (n * Decimal::from(e.horizon_months.max(1)));
            let per_hour = per_month / full;
            (
                per_month,
                format!(
                    "{}, for each instance: its effective rate {} an hour (fee and hourly charge spread over the term) × 730 h = {} a month, {billed}",
                    o.label,
                    rate(per_hour.normalize()),
                    usd4(per_month)
                ),
            )
        }
    };
    let shown = |d: Decimal| d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let from_shown = shown(hours * Decimal::ONE_HUNDRED / full);
    let steps = vec![
        Step::new(first, Some(Usd(per_month))),
        Step::new(
            format!(
                "As an hourly figure: {} ÷ 730 h = {} an hour",
                usd4(per_month),
                hourly(per_month / full)
            ),
            None,
        ),
        Step::new(
            format!(
                "On-Demand: {} an hour, paid only for the hours each instance runs",
                rate(od_rate.normalize())
            ),
            None,
        ),
        Step::new(
            format!(
                "Break-even: {} a month ÷ {} an hour = {} h a month; each instance must run longer than that for {} to cost less",
                usd4(per_month),
                rate(od_rate.normalize()),
                qty(hours),
                o.label
            ),
            None,
        ),
        Step::new(
            format!(
                "{} h ÷ 730 h × 100 = {} %{}",
                qty(hours),
                qty(pct),
                if from_shown == pct {
                    ""
                } else {
                    " (worked from the unrounded hours)"
                }
            ),
            None,
        ),
    ];
    Ok((steps, pct))
}

/// Where the cheapest S3 class changes, seen from the current retrieval volume (see
/// [`Question::RetrievalCrossover`]).
struct Crossover {
    /// The class cheapest at the current volume, and the one it gives way to.
    here: StorageClass,
    /// True: the change is above the current volume.
    upward: bool,
    /// The boundary, as `cheapest_by_retrieval` gives it (GB a month, to 6 decimals).
    gb: Decimal,
    steps: Vec<Step>,
}

fn retrieval_crossover(
    r: &S3Result,
    current: Decimal,
    name: &str,
) -> Result<Crossover, InputErrors> {
    let no = |why: String| bad("exercise.question", why);
    let ranges = &r.cheapest_by_retrieval;
    let Some(last) = ranges.len().checked_sub(1) else {
        return Err(no(format!(
            "No S3 storage class has every rate bundled in scenario {name}, so there is no cheapest class to follow."
        )));
    };
    if last == 0 {
        return Err(no(format!(
            "In scenario {name}, {} is the cheapest S3 class for a steady month at every retrieval volume, so the cheapest class never changes: ask another question, or change the workload.",
            ranges[0].class.name()
        )));
    }
    let i = ranges
        .iter()
        .position(|g| g.to_gb.is_none_or(|t| current < t))
        .unwrap_or(last);
    let (here, there, gb, upward) = match ranges[i].to_gb {
        Some(t) if i < last => (ranges[i].class, ranges[i + 1].class, t, true),
        _ => (
            ranges[i].class,
            ranges[i - 1].class,
            ranges[i].from_gb,
            false,
        ),
    };
    let curve = |c: StorageClass| {
        r.options
            .iter()
            .find(|o| o.id == c)
            .and_then(|o| o.curve.as_ref())
    };
    let (Some(a), Some(b)) = (curve(here), curve(there)) else {
        return Err(no(format!(
            "Scenario {name}: {} or {} has no bundled rate for every charge.",
            here.name(),
            there.name()
        )));
    };
    let exact = break_even_gb(a, b).unwrap_or(gb);
    // Each line's figures as said: the slope as the panel has it, the fixed month to the fewest
    // decimals (2 to 8) from which the equation gives the answer; else to 6, with a note.
    let round =
        |d: Decimal, dp: u32| d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let (b1, b2) = (a.per_retrieval_gb_usd, b.per_retrieval_gb_usd);
    let solve = |dp: u32| {
        let (a1, a2) = (round(a.fixed_usd, dp), round(b.fixed_usd, dp));
        // Rounded as `cheapest_by_retrieval` rounds its boundaries.
        let x = (a2 - a1).checked_div(b1 - b2).map(|x| x.round_dp(6));
        (a1, a2, x == Some(gb))
    };
    let (a1, a2, exactly) = [2, 4, 6, 8]
        .into_iter()
        .map(solve)
        .find(|s| s.2)
        .unwrap_or_else(|| solve(6));
    let said = |d: Decimal| rate(d.normalize());
    let line = |c: StorageClass, f: Decimal, per: Decimal| {
        Step::new(
            format!(
                "{}: fixed {} a month + {} per GB retrieved",
                c.name(),
                said(f),
                said(per)
            ),
            None,
        )
    };
    let steps = vec![
        Step::new(
            format!(
                "At the {} GB retrieved a month now, {} is the cheapest class for a steady month: {}",
                qty(current),
                here.name(),
                Usd(a.at(current))
            ),
            Some(Usd(a.at(current))),
        ),
        line(here, a1, b1),
        line(there, a2, b2),
        Step::new(
            format!(
                "They cost the same where {} + {} × x = {} + {} × x: x = ({} − {}) ÷ ({} − {}) = {} GB{}",
                said(a1),
                said(b1),
                said(a2),
                said(b2),
                said(a2),
                said(a1),
                said(b1),
                said(b2),
                qty(gb),
                if exactly {
                    ""
                } else {
                    " (worked from the unrounded figures)"
                }
            ),
            None,
        ),
        Step::new(
            format!(
                "At {} GB a month both cost {}",
                qty(gb),
                Usd(a.at(exact))
            ),
            Some(Usd(a.at(exact))),
        ),
        Step::new(
            format!(
                "{} the {} GB retrieved now, the cheapest class changes from {} to {} at {} GB",
                if upward { "Above" } else { "Below" },
                qty(current),
                here.name(),
                there.name(),
                qty(gb)
            ),
            None,
        ),
    ];
    Ok(Crossover {
        here,
        upward,
        gb,
        steps,
    })
}

/// A scenario's total, with a step per service.
fn total(c: &ScenarioComparison, n: usize) -> Result<(Usd, Vec<Step>), InputErrors> {
    let mut steps = vec![];
    for s in &c.services {
        let cell = &s.headline.cells[n];
        if let Some(u) = cell.monthly_usd {
            let note = cell
                .note
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            steps.push(Step::new(
                format!("{}: {u}{note}", s.service.name()),
                Some(u),
            ));
        }
    }
    let t = c.scenarios[n].total.monthly_usd.ok_or_else(|| {
        bad(
            "exercise.scenario",
            "The scenario has no priced figure to add up.",
        )
    })?;
    steps.push(Step::new(
        format!("Total of {}: {t} a month", c.scenarios[n].name),
        Some(t),
    ));
    Ok((t, steps))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A numeric answer without its unit: `$`, `%` or `GB`.
fn bare(answer: &str) -> &str {
    let a = answer.trim().trim_start_matches('$').trim_end_matches('%');
    let cut = a.len().saturating_sub(2);
    match (a.get(..cut), a.get(cut..)) {
        (Some(number), Some(unit)) if unit.eq_ignore_ascii_case("gb") => number,
        _ => a,
    }
}

/// Grades an answer to the exercise: right within the tolerance, close within twice it, wrong
/// beyond; a choice is right when it names the cheapest option (by id or label), close when the
/// option chosen costs within the tolerance of it.
pub fn grade(set: &ScenarioSet, ex: &Exercise, answer: &str) -> Result<Graded, InputErrors> {
    let task = task(set, ex)?;
    let tol = ex.tolerance_percent;
    let within = |off: Decimal, of: Decimal, times: Decimal| {
        if of.is_zero() {
            off.abs() < Decimal::new(1, 2)
        } else {
            off.abs() * Decimal::from(100) <= of.abs() * tol * times
        }
    };
    let percent = |off: Decimal, of: Decimal| {
        (!of.is_zero()).then(|| (off / of.abs() * Decimal::from(100)).round_dp(2))
    };
    let (grade, off, off_percent) = match task.number {
        Some(expected) => {
            let given = read_number(bare(answer))
                .map_err(|p| InputErrors::one(FieldError::new("answer", p)))?;
            let off = given - expected;
            let grade = if within(off, expected, Decimal::ONE) {
                Grade::Right
            } else if within(off, expected, Decimal::TWO) {
                Grade::Close
            } else {
                Grade::Wrong
            };
            let exact = off.is_zero();
            (
                grade,
                (!exact).then(|| qty(off)),
                percent(off, expected).filter(|_| !exact),
            )
        }
        None => {
            let a = answer.trim();
            let a_mb = a.trim_end_matches("MB").trim();
            let chosen = task
                .choices
                .iter()
                .find(|c| {
                    c.id.eq_ignore_ascii_case(a)
                        || c.label.eq_ignore_ascii_case(a)
                        || c.id.eq_ignore_ascii_case(a_mb)
                })
                .ok_or_else(|| {
                    bad(
                        "answer",
                        format!(
                            "\"{a}\" is not one of the options; answer with an option's id or name, e.g. \"{}\".",
                            task.expected
                        ),
                    )
                })?;
            let best = task.choices.iter().find(|c| c.id == task.expected);
            let off = match (chosen.usd, best.and_then(|b| b.usd)) {
                (Some(c), Some(b)) => Some((c.cents() - b.cents(), b.cents())),
                _ => None,
            };
            let grade = if chosen.id == task.expected {
                Grade::Right
            } else if off.is_some_and(|(o, b)| within(o, b, Decimal::ONE)) {
                Grade::Close
            } else {
                Grade::Wrong
            };
            (
                grade,
                off.filter(|(o, _)| !o.is_zero())
                    .map(|(o, _)| Usd(o).to_string()),
                off.and_then(|(o, b)| percent(o, b)),
            )
        }
    };
    let shown = |t: &Task| match &t.expected_label {
        Some(l) => l.clone(),
        None if t.unit.starts_with("USD") => format!("${}", qty(t.number.unwrap_or_default())),
        None => format!("{} {}", t.expected, t.unit),
    };
    let verdict = match grade {
        Grade::Right => format!("Right: {}.", shown(&task)),
        Grade::Close => format!(
            "Close: {} off ({} %); the answer is {}.",
            off.clone().unwrap_or_default(),
            off_percent.map(qty).unwrap_or_else(|| "—".into()),
            shown(&task)
        ),
        Grade::Wrong => format!(
            "Not this time: {} off{}. Step through the working, or try again.",
            off.clone().unwrap_or_else(|| "no figure".into()),
            off_percent
                .map(|p| format!(" ({} %)", qty(p)))
                .unwrap_or_default()
        ),
    };
    Ok(Graded {
        answer: answer.to_string(),
        grade,
        off,
        off_percent,
        verdict,
        task,
    })
}

/// The graded answer as Markdown: the question, the verdict and the working as numbered
/// sentences to say aloud.
pub fn markdown(g: &Graded) -> String {
    let mut out = format!(
        "**{}**\n\nAnswer: {} — {}\n\n",
        g.task.prompt, g.answer, g.verdict
    );
    out.push_str(&crate::service::narration(&g.task.steps));
    out.push_str(&format!(
        "\nPrices as of {}. {}\n",
        g.task.pricing_as_of, g.task.note
    ));
    out
}

/// An exercise file: the scenario JSON with its `exercise` (public JSON).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    #[serde(default)]
    baseline: usize,
    scenarios: Vec<crate::scenarios::NamedWorkload>,
    exercise: Option<Exercise>,
}

/// Reads an exercise file: the scenario JSON with its `exercise`.
pub fn from_json(text: &str) -> Result<(ScenarioSet, Exercise), InputErrors> {
    let file: ExerciseFile = crate::input::read_json(text)?;
    let ex = file.exercise.ok_or_else(|| {
        bad(
            "exercise",
            "This file has no exercise: add an \"exercise\" object (its question, and the service or option it asks about).",
        )
    })?;
    let set = ScenarioSet {
        baseline: file.baseline,
        scenarios: file.scenarios,
        exercise: None,
    };
    Ok((set, ex))
}

/// Reads an exercise file and grades `answer`.
pub fn grade_json(text: &str, answer: &str) -> Result<Graded, InputErrors> {
    let (set, ex) = from_json(text)?;
    grade(&set, &ex, answer)
}

/// Reads an exercise file and works it out.
pub fn task_json(text: &str) -> Result<Task, InputErrors> {
    let (set, ex) = from_json(text)?;
    task(&set, &ex)
}
