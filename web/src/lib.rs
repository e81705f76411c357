//! The awscost widget: a thin Yew layer over the `awscost` engine. Components render what the
//! engine returns; the page's state lives in one reducer ([`state`]).
#![forbid(unsafe_code)]

pub mod api;
pub mod app;
pub mod components;
pub mod hooks;
pub mod presets;
pub mod share;
pub mod state;

use wasm_bindgen::prelude::*;

/// The element the widget mounts into on its own page.
pub const ROOT_ID: &str = "awscost-app";

/// Runs when the module loads: installs the JS API and mounts the widget where the page asks.
#[wasm_bindgen(start)]
pub fn start() {
    api::install();
    let root = gloo::utils::document().get_element_by_id(ROOT_ID);
    if let Some(root) = root {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
