//! What every in-browser panel test does: mount a host component, wait for Yew, find, type, tick
//! and choose. (Test-only code: a missing element is a failed test, so it unwraps.)
#![allow(dead_code)]

use awscost_web::state::{Action, State};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A fresh element appended to the test page.
fn fresh_root() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

/// How a test shows a panel: from the page's state and its action callback.
pub type Render = fn(&State, Callback<Action>) -> Html;

#[derive(Properties)]
pub struct HostProps {
    pub render: Render,
}

/// A test's render function never changes.
impl PartialEq for HostProps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Hosts a panel with a real reducer, like the page does.
#[function_component]
pub fn Host(props: &HostProps) -> Html {
    let state = use_reducer(State::default);
    let on_action = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    (props.render)(&state, on_action)
}

/// Mounts a panel, rendered by `render`, into a fresh element of the test page.
pub fn mount_panel(render: Render) -> web_sys::Element {
    let root = fresh_root();
    yew::Renderer::<Host>::with_root_and_props(root.clone(), HostProps { render }).render();
    root
}

/// Waits until Yew has rendered everything the last input caused.
pub async fn settle() {
    // Yew renders in slices of at most 16 ms, yielding to the browser between them: wait until
    // it has run every one, let what rendering queued run, and wait again.
    yew::scheduler::flush().await;
    gloo::timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

pub fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn element<T: JsCast>(root: &web_sys::Element, id: &str) -> T {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("#{id} is not the expected kind of element"))
}

pub fn input(root: &web_sys::Element, id: &str) -> web_sys::HtmlInputElement {
    element(root, id)
}

/// Sets an input's text and fires `input`, as typing does.
pub fn type_into(root: &web_sys::Element, id: &str, value: &str) {
    let el = input(root, id);
    el.set_value(value);
    el.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
}

/// Toggles a checkbox and fires `change`, as a click does.
pub fn tick(root: &web_sys::Element, id: &str) {
    let el = input(root, id);
    el.set_checked(!el.checked());
    el.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Picks a `<select>` option by value and fires `change`.
pub fn choose(root: &web_sys::Element, id: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = element(root, id);
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Clicks a button (or any element) by id.
pub fn click(root: &web_sys::Element, id: &str) {
    let el: web_sys::HtmlElement = element(root, id);
    el.click();
}

/// Mounts the whole widget with these properties.
pub fn mount_app(props: awscost_web::app::AppProps) -> web_sys::Element {
    let root = fresh_root();
    yew::Renderer::<awscost_web::app::App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Opens the `<details>` at `details` (a disclosure drawn or worked out only while open) and
/// waits until `drawn` is on the page.
pub async fn open_details(root: &web_sys::Element, details: &str, drawn: &str) {
    let d: web_sys::HtmlDetailsElement = root
        .query_selector(details)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok())
        .unwrap_or_else(|| panic!("no {details}"));
    d.set_open(true);
    for _ in 0..50 {
        settle().await;
        if root.query_selector(drawn).unwrap().is_some() {
            break;
        }
    }
}
