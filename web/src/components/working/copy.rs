//! Copying text to the clipboard, and saying how it went.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use yew::UseStateHandle;

/// Copies `text`; first selects the text box `select`, if given, so that when the browser
/// refuses (a page without a secure context) the person can press Ctrl+C. `status` says which.
/// The clipboard's promise is answered by two one-shot callbacks (no async runtime is linked).
pub fn copy_text(
    text: &str,
    select: Option<web_sys::HtmlTextAreaElement>,
    status: UseStateHandle<String>,
) {
    if let Some(a) = &select {
        a.select();
    }
    let refused = if select.is_some() {
        "The browser refused to copy; the text is selected: press Ctrl+C (⌘C)."
    } else {
        "The browser refused to copy; select the text and press Ctrl+C (⌘C)."
    };
    let done = status.clone();
    let copied: Closure<dyn FnMut(JsValue)> =
        Closure::once(move |_: JsValue| done.set("Copied.".into()));
    let failed: Closure<dyn FnMut(JsValue)> =
        Closure::once(move |_: JsValue| status.set(refused.into()));
    let _ = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(text)
        .then2(&copied, &failed);
    // Handed to the browser's garbage collector: freed once neither can be called.
    let _ = (copied.into_js_value(), failed.into_js_value());
}
