//! Never a dead widget: if the widget's code ever panics, the hook installed here replaces every
//! widget this module mounted with a short message saying what went wrong and what the person was
//! doing, a "Reload" button and a report to copy (the message, the last action and the page's
//! state as a link fragment, which reopens the same workload). A WebAssembly module cannot go on
//! after a panic, so the message is all that is left to do; other modules on the page (a
//! one-panel module beside the full one) keep their widgets.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The elements this module mounted widgets into.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    /// What the person last did, in words, and how to write the page's state as a link
    /// fragment (written only when a report is made, not on every change).
    static LAST: RefCell<(&'static str, Option<Fragment>)> = const { RefCell::new(("opening the page", None)) };
}

/// Writes the page's state as a link fragment.
type Fragment = Box<dyn Fn() -> String>;

/// Notes an element this module mounted a widget into.
pub fn mounted(root: &web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Notes what the person just did, in words ("typing in the Lambda panel").
pub fn did(action: &'static str) {
    LAST.with(|l| l.borrow_mut().0 = action);
}

/// Notes the page's state: `fragment` writes it as a link fragment if a report is made.
pub fn now(fragment: impl Fn() -> String + 'static) {
    LAST.with(|l| l.borrow_mut().1 = Some(Box::new(fragment)));
}

/// Installs the panic hook (once per module).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = match (
            info.payload().downcast_ref::<&str>(),
            info.payload().downcast_ref::<String>(),
        ) {
            (Some(s), _) => (*s).to_string(),
            (_, Some(s)) => s.clone(),
            _ => "an unexpected error".to_string(),
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        show(&format!("{message}{at}"));
    }));
}

/// The report a person can copy: the message, what they were doing and the state as a link.
pub fn report(message: &str) -> String {
    LAST.with(|l| {
        let (action, fragment) = &*l.borrow();
        let fragment = fragment.as_ref().map(|f| f()).unwrap_or_default();
        format!(
            "awscost {} stopped: {message}\nLast action: {action}\nState (a link fragment that reopens it): #{fragment}\n",
            env!("CARGO_PKG_VERSION")
        )
    })
}

/// Replaces every widget of this module with the message, the last action, a Reload button and
/// the report. Built with the DOM alone (text only, never HTML), as nothing of the widget can run.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let report = report(message);
    let action = LAST.with(|l| l.borrow().0);
    let roots = ROOTS.with(|r| r.borrow().clone());
    for root in roots {
        let element = |tag: &str, text: &str| {
            let e = document.create_element(tag).ok()?;
            e.set_text_content(Some(text));
            Some(e)
        };
        root.set_text_content(None);
        let _ = root.set_attribute("role", "alert");
        let _ = root.set_attribute("class", "awscost crashed");
        let parts = [
            element(
                "p",
                &format!(
                    "The calculator stopped while {action}. Reload to start it again; the report below says what happened."
                ),
            ),
            element("button", "Reload").inspect(|b| {
                let _ = b.set_attribute("type", "button");
                let _ = b.set_attribute("class", "crash-reload");
                let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
                    let _ = web_sys::window().map(|w| w.location().reload());
                });
                let _ = b.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
                reload.forget();
            }),
            element("label", "Report to copy").inspect(|l| {
                let _ = l.set_attribute("class", "crash-report");
                if let Some(area) = element("textarea", &report) {
                    let _ = area.set_attribute("readonly", "");
                    let _ = area.set_attribute("rows", "5");
                    let _ = l.append_child(&area);
                }
            }),
        ];
        for p in parts.into_iter().flatten() {
            let _ = root.append_child(&p);
        }
    }
}
