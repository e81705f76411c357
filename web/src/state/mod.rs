//! The page's state: what the user typed, kept as typed, and the pure reducer over it.
//!
//! Number fields hold the text the user entered, so nothing typed is ever lost; each service's
//! form (one module each) reads its text into the engine's workload and reports every field it
//! cannot read.

mod lambda;
mod s3;

pub use lambda::*;
pub use s3::*;

use awscost::error::FieldError;
use awscost::lambda::{Architecture, InvocationType};
use awscost::s3::{RetrievalTier, StorageClass};
use awscost::Region;
use std::rc::Rc;
use yew::Reducible;

/// A service panel of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Service {
    #[default]
    Lambda,
    S3,
}

impl Service {
    /// Every panel, in tab order.
    pub const ALL: &'static [Service] = &[Service::Lambda, Service::S3];

    pub fn code(self) -> &'static str {
        match self {
            Service::Lambda => "lambda",
            Service::S3 => "s3",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Service::Lambda => "Lambda memory",
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
    pub s3: S3Form,
}

impl Default for State {
    fn default() -> Self {
        State {
            region: Region::UsEast1,
            service: Service::default(),
            lambda: LambdaForm::default(),
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
    SetS3(S3Field, String),
    SetS3Tier(RetrievalTier),
    /// The class of lifecycle step `n` (0-based); `None` ends the plan before it.
    SetS3PlanClass(usize, Option<StorageClass>),
    /// Start again from the default workload.
    Reset,
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
            Action::SetS3(f, text) => *s.s3.text_mut(f) = text,
            Action::SetS3Tier(t) => s.s3.retrieval_tier = t,
            Action::SetS3PlanClass(n, c) => {
                if let Some(step) = s.s3.plan.get_mut(n) {
                    *step = c;
                }
            }
            Action::Reset => s = State::default(),
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

/// Unreadable fields, plus the range problems of the fields that could be read.
pub(crate) fn with_range_errors<T>(
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
