//! What every panel's form is: its inputs kept as typed, the actions its controls send, the link
//! keys it is written under, and how it becomes the engine's workload and answer. Each service
//! implements [`Form`] in its own module; the page's reducer, the link codec and the presets
//! ask the forms through it.

use awscost::error::{FieldError, Problem};
use awscost::kept::{Kept, Shelved};
use awscost::money;
use awscost::pricing::PricingError;
use awscost::service::Service;
use awscost::Region;
use rust_decimal::Decimal;

/// The engine's workload section of a form's service.
pub type WorkloadOf<F> = <<F as Form>::Service as Service>::Workload;
/// The pricing table of a form's service.
pub type PricingOf<F> = <<F as Form>::Service as Service>::Pricing;
/// The engine's answer for a form's service.
pub type ResultOf<F> = <<F as Form>::Service as Service>::Result;

/// A service panel's inputs, as typed.
pub trait Form: Clone + PartialEq + Default {
    /// The engine's side of the service.
    type Service: Shelved;
    /// What the panel's controls send.
    type Action;

    /// The link keys of the form's inputs, in the order links write them.
    const KEYS: &'static [&'static str];

    /// The form after one of its controls changed.
    fn apply(&mut self, action: Self::Action);

    /// The value of one of its [`Form::KEYS`], as a link writes it.
    fn get(&self, key: &str) -> String;

    /// Puts a link's value back; `None` when it is not one of the key's choices.
    fn set(&mut self, key: &str, value: &str) -> Option<()>;

    /// Reads the typed text into the workload section; every unreadable field is reported.
    fn workload(&self) -> Result<WorkloadOf<Self>, Vec<FieldError>>;

    /// The range problems of the fields that can be read, with unreadable ones at their
    /// defaults (so a person fixing one field sees the others' problems too).
    fn range_problems(&self) -> Result<(), Vec<FieldError>>;

    /// The service's bundled pricing table (read on first use, on its own: a build with one
    /// panel carries one table).
    fn pricing() -> Result<&'static PricingOf<Self>, &'static [PricingError]>;

    /// The engine's answer for the form, or every field problem: the unreadable ones, then the
    /// range problems of the others.
    fn evaluate(
        &self,
        pricing: &PricingOf<Self>,
        region: Region,
    ) -> Result<ResultOf<Self>, Vec<FieldError>> {
        match self.workload() {
            // With the scenario comparison the answer is kept for it too; a one-panel build
            // asks once per change and keeps nothing (less code to load).
            #[cfg(feature = "scenarios")]
            Ok(w) => with_kept(|k| Self::Service::shelf(k).compare(pricing, region, &w)),
            #[cfg(not(feature = "scenarios"))]
            Ok(w) => Self::Service::compare(pricing, region, &w),
            Err(mut unreadable) => {
                if let Err(range) = self.range_problems() {
                    for e in range {
                        if !unreadable.iter().any(|u| u.field == e.field) {
                            unreadable.push(e);
                        }
                    }
                }
                Err(unreadable)
            }
        }
    }
}

thread_local! {
    /// The page's kept answers (see [`awscost::kept`]): a keystroke reprices the section it
    /// changed once, for the panel and the scenario comparison both, and no other.
    static KEPT: std::cell::RefCell<Kept> = std::cell::RefCell::new(Kept::default());
}

/// Runs `f` with the page's kept answers.
pub fn with_kept<T>(f: impl FnOnce(&mut Kept) -> T) -> T {
    KEPT.with(|k| f(&mut k.borrow_mut()))
}

/// Reads one typed number; an empty (`Required`) or unreadable (`NotANumber`, `OutOfReach`) field is reported
/// under its JSON path and reads as `None`.
pub(crate) fn read_number(text: &str, path: &str, errors: &mut Vec<FieldError>) -> Option<Decimal> {
    if text.trim().is_empty() {
        errors.push(FieldError::new(path, Problem::Required));
        return None;
    }
    money::read_number(text)
        .map_err(|problem| errors.push(FieldError::new(path, problem)))
        .ok()
}

/// The value read, or every field that could not be read.
pub(crate) fn read_all<T>(value: T, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// A yes/no input as a link writes it.
pub(crate) fn flag(b: bool) -> String {
    if b { "true" } else { "false" }.into()
}

/// A link's yes/no value.
pub(crate) fn read_flag(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}
