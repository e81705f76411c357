//! The page's state: what the user typed, kept as typed, and the pure reducer over it.
//!
//! Number fields hold the text the user entered, so nothing typed is ever lost; each service's
//! form (one module each) reads its text into the engine's workload and reports every field it
//! cannot read.

mod ebs;
mod ec2;
mod lambda;
mod s3;

pub use ebs::*;
pub use ec2::*;
pub use lambda::*;
pub use s3::*;

use awscost::ebs::SnapshotTier;
use awscost::ec2::PeakPricing;
use awscost::error::{FieldError, Problem};
use awscost::lambda::{Architecture, InvocationType};
use awscost::money::parse_number;
use awscost::s3::{RetrievalTier, StorageClass};
use awscost::Region;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

/// A service panel of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Service {
    #[default]
    Lambda,
    Ec2,
    Ebs,
    S3,
}

impl Service {
    /// Every panel, in tab order.
    pub const ALL: &'static [Service] = &[Service::Lambda, Service::Ec2, Service::Ebs, Service::S3];

    pub fn code(self) -> &'static str {
        match self {
            Service::Lambda => "lambda",
            Service::Ec2 => "ec2",
            Service::Ebs => "ebs",
            Service::S3 => "s3",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Service::Lambda => "Lambda memory",
            Service::Ec2 => "EC2 purchasing options",
            Service::Ebs => "EBS volumes",
            Service::S3 => "S3 storage classes",
        }
    }
}

/// Everything on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub region: Region,
    /// The panel on show.
    pub service: Service,
    pub lambda: LambdaForm,
    pub ec2: Ec2Form,
    /// The options drawn on the EC2 cumulative-cost chart; `None`: On-Demand and the cheapest.
    pub ec2_chart: Option<Vec<String>>,
    pub ebs: EbsForm,
    pub s3: S3Form,
}

impl Default for State {
    fn default() -> Self {
        State {
            region: Region::UsEast1,
            service: Service::default(),
            lambda: LambdaForm::default(),
            ec2: Ec2Form::default(),
            ec2_chart: None,
            ebs: EbsForm::default(),
            s3: S3Form::default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetRegion(Region),
    ShowService(Service),
    SetArchitecture(Architecture),
    SetLambda(LambdaField, String),
    SetFreeTier(bool),
    SetMultiThreaded(bool),
    SetInvocationType(InvocationType),
    SetEc2(Ec2Field, String),
    SetEc2Usage(Usage),
    SetEc2Horizon(u32),
    SetEc2Flag(Ec2Flag, bool),
    SetEc2PeakPricing(PeakPricing),
    /// The option ids to draw on the EC2 chart.
    SetEc2Chart(Vec<String>),
    SetEbs(EbsField, String),
    SetEbsBoot(bool),
    SetEbsMultiAttach(bool),
    SetSnapshotTier(SnapshotTier),
    SetS3(S3Field, String),
    SetS3Tier(RetrievalTier),
    /// The class of lifecycle step `n` (0-based); `None` ends the plan before it.
    SetS3PlanClass(usize, Option<StorageClass>),
    /// Start again from the default workload.
    Reset,
    /// Start from preset `n` of [`crate::presets::PRESETS`].
    ApplyPreset(usize),
    /// Everything at once (a link or a saved page).
    Load(Box<State>),
}

impl State {
    /// The state after an action; pure.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::SetRegion(r) => s.region = r,
            Action::ShowService(v) => s.service = v,
            Action::SetArchitecture(a) => s.lambda.architecture = a,
            Action::SetLambda(f, text) => *s.lambda.text_mut(f) = text,
            Action::SetFreeTier(b) => s.lambda.free_tier = b,
            Action::SetMultiThreaded(b) => s.lambda.multi_threaded = b,
            Action::SetInvocationType(t) => s.lambda.invocation_type = t,
            Action::SetEc2(f, text) => *s.ec2.text_mut(f) = text,
            Action::SetEc2Usage(u) => s.ec2.usage = u,
            Action::SetEc2Horizon(y) => s.ec2.horizon_years = y,
            Action::SetEc2Flag(f, b) => match f {
                Ec2Flag::InterruptionTolerant => s.ec2.interruption_tolerant = b,
                Ec2Flag::NeedsDedicated => s.ec2.needs_dedicated = b,
                Ec2Flag::CoreBoundLicense => s.ec2.core_bound_license = b,
            },
            Action::SetEc2PeakPricing(p) => s.ec2.peak_pricing = p,
            Action::SetEc2Chart(ids) => s.ec2_chart = Some(ids),
            Action::SetEbs(f, text) => *s.ebs.text_mut(f) = text,
            Action::SetEbsBoot(b) => s.ebs.boot = b,
            Action::SetEbsMultiAttach(b) => s.ebs.multi_attach = b,
            Action::SetSnapshotTier(t) => s.ebs.snapshot_tier = t,
            Action::SetS3(f, text) => *s.s3.text_mut(f) = text,
            Action::SetS3Tier(t) => s.s3.retrieval_tier = t,
            Action::SetS3PlanClass(n, c) => {
                if let Some(step) = s.s3.plan.get_mut(n) {
                    *step = c;
                }
            }
            Action::Reset => s = State::default(),
            Action::ApplyPreset(n) => {
                if let Some(Ok(p)) = crate::presets::PRESETS
                    .get(n)
                    .map(|p| crate::presets::apply(&s, p))
                {
                    s = p;
                }
            }
            Action::Load(state) => s = *state,
        }
        s
    }
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Reads one typed number; an empty (`Required`) or unreadable (`NotANumber`) field is reported
/// under its JSON path and reads as `None`.
pub(crate) fn read_number(text: &str, path: &str, errors: &mut Vec<FieldError>) -> Option<Decimal> {
    if text.trim().is_empty() {
        errors.push(FieldError::new(path, Problem::Required));
        return None;
    }
    let n = parse_number(text);
    if n.is_none() {
        errors.push(FieldError::new(path, Problem::NotANumber));
    }
    n
}

/// The value read, or every field that could not be read.
pub(crate) fn read_all<T>(value: T, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// A panel's answer: the engine's comparison of the workload read from the form, or every field
/// problem — the unreadable ones, plus the range problems of the fields that could be read
/// (checked on the `lenient` reading, which puts defaults where the text is unreadable).
pub(crate) fn evaluate<W, S, R>(
    read: Result<W, Vec<FieldError>>,
    lenient: impl FnOnce() -> Result<S, Vec<FieldError>>,
    compare: impl FnOnce(&W) -> Result<R, Vec<FieldError>>,
) -> Result<R, Vec<FieldError>> {
    match read {
        Ok(w) => compare(&w),
        Err(unreadable) => Err(with_range_errors(unreadable, lenient())),
    }
}

/// Unreadable fields, plus the range problems of the fields that could be read.
fn with_range_errors<T>(
    mut unreadable: Vec<FieldError>,
    checked: Result<T, Vec<FieldError>>,
) -> Vec<FieldError> {
    if let Err(range) = checked {
        for e in range {
            if !unreadable.iter().any(|u| u.field == e.field) {
                unreadable.push(e);
            }
        }
    }
    unreadable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_restores_defaults() {
        let s = State::default()
            .apply(Action::SetRegion(Region::ApSouth1))
            .apply(Action::Reset);
        assert_eq!(s, State::default());
    }
}
