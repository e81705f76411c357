//! What every panel needs: its pricing table, the engine's answer kept while a field is being
//! fixed, and the error for a field.

use crate::state::form::{Form, PricingOf};
use awscost::error::FieldError;
use awscost::pricing::Region;
use yew::prelude::*;

/// What a panel shows.
pub struct Shown<R, E = FieldError> {
    /// The engine's answer; while a field is being fixed, the last one that could be computed.
    pub result: Option<R>,
    /// The problems of the current input, by field.
    pub errors: Vec<E>,
    /// True while `result` is from earlier input.
    pub stale: bool,
}

/// Keeps the last answer that could be computed on screen while the input has problems.
#[hook]
pub fn use_last_good<R: Clone + 'static, E>(current: Result<R, Vec<E>>) -> Shown<R, E> {
    let last = use_mut_ref(|| None::<R>);
    match current {
        Ok(r) => {
            *last.borrow_mut() = Some(r.clone());
            Shown {
                result: Some(r),
                errors: vec![],
                stale: false,
            }
        }
        Err(errors) => Shown {
            result: last.borrow().clone(),
            errors,
            stale: true,
        },
    }
}

/// How a panel computes its answer from its table, the region and its form.
pub type Evaluate<F, R> = fn(&'static PricingOf<F>, Region, &F) -> Result<R, Vec<FieldError>>;

/// A panel's pricing table and what it shows for its form: `evaluate` runs again only when the
/// region or the form changes, and the last answer stays while a field is being fixed. `None`
/// when the bundled table is invalid (see [`invalid_tables`]).
#[hook]
pub fn use_panel<F, R>(
    region: Region,
    form: F,
    evaluate: Evaluate<F, R>,
) -> Option<(&'static PricingOf<F>, Shown<R>)>
where
    F: Form + 'static,
    R: Clone + 'static,
{
    let pricing = F::pricing().ok();
    let evaluation = use_memo((region, form), move |(region, form)| match pricing {
        Some(p) => evaluate(p, *region, form),
        None => Err(vec![]),
    });
    let shown = use_last_good((*evaluation).clone());
    pricing.map(|p| (p, shown))
}

/// The message for one field, if it has a problem.
pub fn error_for(errors: &[FieldError], path: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == path)
        .map(FieldError::message)
}

/// Shown in place of a panel when the bundled tables do not load.
pub fn invalid_tables() -> Html {
    html! { <p class="error" role="alert">{ "The bundled pricing tables are invalid." }</p> }
}

/// The widget's element ids: the first widget on a page uses them as they are; later ones put
/// their prefix (`awscost-2-`…) before each, so that several widgets on one page keep every id,
/// label and ARIA reference unique. Provided by the page ([`crate::app::App`]) as context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ids(pub AttrValue);

impl Ids {
    /// The page id of a widget-local id.
    pub fn of(&self, local: &str) -> AttrValue {
        if self.0.is_empty() {
            AttrValue::from(local.to_string())
        } else {
            AttrValue::from(format!("{}{local}", self.0))
        }
    }

    /// Several ids, for `aria-labelledby`.
    pub fn list(&self, locals: &[&str]) -> AttrValue {
        let all: Vec<AttrValue> = locals.iter().map(|l| self.of(l)).collect();
        AttrValue::from(all.join(" "))
    }
}

/// The widget's [`Ids`]; unprefixed outside a page (a component mounted on its own).
#[hook]
pub fn use_ids() -> Ids {
    use_context::<Ids>().unwrap_or_default()
}

/// A disclosure's open state, for drawing (and working out) its content only while it is open:
/// `(open, ontoggle)` for a `<details>`. Closed content is neither shown nor printed, so drawing
/// it on every change would only cost each keystroke its reconciling.
#[hook]
pub fn use_open() -> (bool, Callback<Event>) {
    let open = use_state(|| false);
    let set = open.setter();
    let on_toggle = Callback::from(move |e: Event| {
        let d: web_sys::HtmlDetailsElement = e.target_unchecked_into();
        set.set(d.open());
    });
    (*open, on_toggle)
}

/// Which of a list's disclosures are open, by place (the first 64), for drawing each one's
/// content only while it is open: one hook for a table whose every row expands.
pub struct OpenSet {
    bits: std::rc::Rc<std::cell::RefCell<u64>>,
    redraw: UseForceUpdateHandle,
}

impl OpenSet {
    pub fn is_open(&self, i: usize) -> bool {
        i < 64 && (*self.bits.borrow() >> i) & 1 == 1
    }

    /// The `ontoggle` of the disclosure at `i`.
    pub fn on_toggle(&self, i: usize) -> Callback<Event> {
        let (bits, redraw) = (self.bits.clone(), self.redraw.clone());
        Callback::from(move |e: Event| {
            let d: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if i < 64 {
                let mut b = bits.borrow_mut();
                *b = if d.open() {
                    *b | 1 << i
                } else {
                    *b & !(1 << i)
                };
            }
            redraw.force_update();
        })
    }
}

#[hook]
pub fn use_open_set() -> OpenSet {
    OpenSet {
        bits: use_mut_ref(|| 0),
        redraw: use_force_update(),
    }
}
