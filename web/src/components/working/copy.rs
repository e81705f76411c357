//! Copying text to the clipboard, and saying how it went.

use yew::UseStateHandle;

/// Copies `text`; first selects the text box `select`, if given, so that when the browser
/// refuses (a page without a secure context) the person can press Ctrl+C. `status` says which.
pub fn copy_text(
    text: &str,
    select: Option<web_sys::HtmlTextAreaElement>,
    status: UseStateHandle<String>,
) {
    if let Some(a) = &select {
        a.select();
    }
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(text);
    let selected = select.is_some();
    wasm_bindgen_futures::spawn_local(async move {
        status.set(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => "Copied.".into(),
            Err(_) if selected => {
                "The browser refused to copy; the text is selected: press Ctrl+C (⌘C).".into()
            }
            Err(_) => "The browser refused to copy; select the text and press Ctrl+C (⌘C).".into(),
        });
    });
}
