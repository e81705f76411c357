//! What every service answers for the engine's shared parts, so that knowledge of a service
//! lives in its own folder: how it prices a workload section, which of its figures a scenario
//! comparison shows, and how its inputs are listed side by side. Each service implements
//! [`Service`] once (`src/<service>/mod.rs`); [`crate::services`] registers them.

use crate::error::FieldError;
use crate::input::Inputs;
use crate::money::Usd;
use crate::pricing::Region;

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

    /// The `as_of` of the pricing table the result used.
    fn as_of(result: &Self::Result) -> &str;

    /// Its figures in a scenario comparison.
    fn figures(result: &Self::Result) -> Figures;

    /// Its section's inputs as `(JSON path, value)` pairs, in field order.
    fn inputs(workload: &Self::Workload, out: &mut Inputs);
}
