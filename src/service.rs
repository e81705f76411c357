//! What every service answers for the engine's shared parts, so that knowledge of a service
//! lives in its own folder: how it prices a workload section, which of its figures a scenario
//! comparison shows, and how its inputs are listed side by side. Each service implements
//! [`Service`] once (`src/<service>/mod.rs`); [`crate::services`] registers them.

use crate::error::FieldError;
use crate::input::Inputs;
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::LineItem;
use serde::Serialize;

/// One monthly figure of a service and what it is (the option picked, or why there is none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// `None`: no priced figure (see `note`).
    pub monthly_usd: Option<Usd>,
    pub note: String,
}

impl Figure {
    pub fn new(monthly_usd: Option<Usd>, note: impl Into<String>) -> Figure {
        Figure {
            monthly_usd,
            note: note.into(),
        }
    }
}

/// A service's figures for one scenario: its headline, and every option as `(id, label, figure)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub headline: Figure,
    pub options: Vec<(String, String, Figure)>,
}

/// One step of a figure's working, as a sentence a person can say aloud ("Requests: 3,000,000
/// requests × $0.0000002 per request = $0.60"), with the amount it reaches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub text: String,
    /// The amount this step reaches, when it is one.
    pub usd: Option<Usd>,
}

impl Step {
    pub fn new(text: impl Into<String>, usd: Option<Usd>) -> Step {
        Step {
            text: text.into(),
            usd,
        }
    }

    /// A line item's step: its quantity × its rate = its amount.
    pub fn of_line(l: &LineItem) -> Step {
        Step::new(l.said(), Some(l.amount_usd))
    }
}

/// The working as numbered sentences, one a line (`1. Requests: … = $0.40`), as an exercise's
/// Markdown and the scenario export say it; the same words for anything that explains a figure.
/// A line break inside a step becomes a space, so each step stays one line.
pub fn narration(steps: &[Step]) -> String {
    let mut out = String::new();
    for (n, s) in steps.iter().enumerate() {
        out.push_str(&(n + 1).to_string());
        out.push_str(". ");
        out.extend(s.text.chars().map(|c| if c.is_control() { ' ' } else { c }));
        out.push('\n');
    }
    out
}

/// What "which option is cheapest?" chooses among: every option as `(id, label, figure)` (no
/// figure: it has no bundled rate or does not suit), what the figures are, and the option the
/// service names cheapest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    pub options: Vec<(String, String, Option<Usd>)>,
    /// What each figure is, e.g. "a month" or "over the retention period".
    pub measure: &'static str,
    pub cheapest: Option<String>,
}

/// A service of the calculator.
pub trait Service {
    /// Its short name, as a table row reads it (`EC2`).
    const NAME: &'static str;
    /// What its headline figure in a scenario comparison is.
    const MEASURE: &'static str;
    /// Its panel's title in the widget.
    const TITLE: &'static str;
    /// Its pricing file's typed form.
    type Pricing;
    /// Its section of the workload, as given.
    type Workload;
    /// What it answers for that section.
    type Result;

    /// Every option for the section, with its working; or every field that cannot be priced.
    fn compare(
        pricing: &Self::Pricing,
        region: Region,
        workload: &Self::Workload,
    ) -> Result<Self::Result, Vec<FieldError>>;

    /// Its headline figure alone (what [`Service::figures`] gives as `headline`), for what
    /// prices a section many times over (ranges): a service with a cheaper way than its whole
    /// comparison says so here.
    fn monthly(
        pricing: &Self::Pricing,
        region: Region,
        workload: &Self::Workload,
    ) -> Result<Option<Usd>, Vec<FieldError>> {
        Self::compare(pricing, region, workload).map(|r| Self::figures(&r).headline.monthly_usd)
    }

    /// The `as_of` of the pricing table the result used.
    fn as_of(result: &Self::Result) -> &str;

    /// Its figures in a scenario comparison.
    fn figures(result: &Self::Result) -> Figures;

    /// The working of its headline figure (`option` `None`) or of one option (by id), as steps
    /// that end at the figure the panel shows; `None` for an unknown option.
    fn steps(result: &Self::Result, option: Option<&str>) -> Option<Vec<Step>>;

    /// What a "which is cheapest?" question chooses among.
    fn choices(result: &Self::Result) -> Choices;

    /// Its section's inputs as `(JSON path, value)` pairs, in field order.
    fn inputs(workload: &Self::Workload, out: &mut Inputs);
}
