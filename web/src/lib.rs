//! The awscost widget: a thin Yew layer over the `awscost` engine. Components render what the
//! engine returns; the page's state lives in one reducer ([`state`]).
#![forbid(unsafe_code)]

#[cfg(feature = "api")]
pub mod api;
pub mod app;
pub mod components;
pub mod crash;
pub mod embed;
pub mod hooks;

pub mod share;
pub mod state;

/// Every module's allocator (see `Cargo.toml`: smaller than the default one).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The element the widget mounts into on its own page.
pub const ROOT_ID: &str = "awscost-app";

/// The attribute that marks a host page's element as a widget (see [`embed`]).
pub const EMBED_ATTR: &str = "data-awscost";

/// Mounts a widget into `root` as `options` ask (embedded: the host page's address bar and
/// storage are left alone).
pub fn mount(root: web_sys::Element, options: embed::Embed) {
    mount_with(root, options, false, None);
}

/// Asks an exercise of an embedded widget: the exercise object as JSON (`data-exercise`, the
/// iframe route's `exercise=`, `mount`'s `exercise`), the same object as the scenario JSON's
/// `exercise`. One that cannot be read leaves the calculator, with a notice saying why.
pub fn with_exercise(options: &mut embed::Embed, text: Option<&str>) -> Option<String> {
    let text = text.map(str::trim).filter(|t| !t.is_empty())?;
    #[cfg(feature = "exercise")]
    {
        match serde_json::from_str::<awscost::exercise::Exercise>(text) {
            Ok(ex) => {
                options.state.exercise = Some(ex);
                None
            }
            Err(e) => Some(format!(
                "The exercise could not be read ({e}). The calculator is shown instead."
            )),
        }
    }
    #[cfg(not(feature = "exercise"))]
    {
        let _ = (options, text);
        Some("This build of the widget does not ask exercises.".into())
    }
}

/// The attribute a widget's element gets once mounted. A page can hold two modules (a one-panel
/// module first, the full one when the JS API is asked for): each mounts only what the other
/// has not, and the marks number the widgets across both.
pub const MOUNTED_ATTR: &str = "data-awscost-mounted";

pub(crate) fn mount_with(
    root: web_sys::Element,
    options: embed::Embed,
    persist: bool,
    notice: Option<String>,
) {
    let n = gloo::utils::document()
        .query_selector_all(&format!("[{MOUNTED_ATTR}]"))
        .map_or(0, |l| l.length() as usize)
        + 1;
    let _ = root.set_attribute(MOUNTED_ATTR, &n.to_string());
    crash::mounted(&root);
    let props = app::AppProps {
        // The first widget's scenario and export controls keep their plain ids; later ones on the
        // same page are told apart.
        id_prefix: if n == 1 {
            yew::AttrValue::default()
        } else {
            format!("awscost-{n}-").into()
        },
        panels: options.panels,
        compact: options.compact,
        initial: Some(Rc::new(options.state)),
        persist,
        notice: notice.map(Into::into),
    };
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
}

/// A widget's options, and the exercise it asks (as JSON text).
type Options = Result<(embed::Embed, Option<String>), String>;

/// Reads an element's `data-panels`, `data-region`, `data-workload`, `data-compact` and
/// `data-exercise`.
fn options_of(el: &web_sys::Element) -> Options {
    let panels = el.get_attribute("data-panels");
    let region = el.get_attribute("data-region");
    let workload = el.get_attribute("data-workload");
    embed::read(&embed::EmbedText {
        panels: panels.as_deref(),
        region: region.as_deref(),
        workload: workload.as_deref(),
        compact: el.has_attribute("data-compact"),
    })
    .map(|o| (o, el.get_attribute("data-exercise")))
}

/// The iframe route: `?embed=1&panels=lambda&region=eu-west-1` renders compact, without header.
fn page_options() -> Options {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let q = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let get = |k: &str| q.as_ref().and_then(|q| q.get(k));
    let (panels, region, workload) = (get("panels"), get("region"), get("workload"));
    embed::read(&embed::EmbedText {
        panels: panels.as_deref(),
        region: region.as_deref(),
        workload: workload.as_deref(),
        compact: get("embed").is_some_and(|e| e != "0"),
    })
    .map(|o| (o, get("exercise")))
}

/// Mounts where the options can be read; otherwise says why, in the element, as text.
fn mount_or_explain(root: web_sys::Element, options: Options, persist: bool) {
    match options {
        Ok((mut o, exercise)) => {
            let notice = with_exercise(&mut o, exercise.as_deref());
            mount_with(root, o, persist, notice)
        }
        Err(problem) => {
            root.set_text_content(Some(&format!("The awscost widget cannot start: {problem}")));
            let _ = root.set_attribute("role", "alert");
        }
    }
}

/// Mounts the widget into its own page's `#awscost-app`, unless a widget is there already. The
/// loader calls it when the full module takes over from a one-panel module (see
/// [`app::FULL_EVENT`]): it gives the loader a fresh, unmarked element, and this module opens
/// from the state the other saved into the link.
#[wasm_bindgen]
pub fn mount_page() {
    if let Some(root) = gloo::utils::document()
        .get_element_by_id(ROOT_ID)
        .filter(|r| !r.has_attribute(MOUNTED_ATTR))
    {
        // The widget's own page keeps its state in the link and local storage; the iframe
        // route (`?embed=1…`) starts from its query instead.
        let standalone = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default()
            .len()
            <= 1;
        mount_or_explain(root, page_options(), standalone);
    }
}

/// Runs when the module loads: installs the JS API, mounts the widget on its own page and into
/// every `[data-awscost]` element of a host page.
#[wasm_bindgen(start)]
pub fn start() {
    crash::install();
    #[cfg(feature = "api")]
    api::install();
    mount_page();
    let document = gloo::utils::document();
    if let Ok(list) = document.query_selector_all(&format!("[{EMBED_ATTR}]:not([{MOUNTED_ATTR}])"))
    {
        for i in 0..list.length() {
            if let Some(el) = list
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let options = options_of(&el);
                mount_or_explain(el, options, false);
            }
        }
    }
}
