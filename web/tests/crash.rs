//! In-browser test of the crash message: when the widget's code stops, every widget this module
//! mounted is replaced by what went wrong, what the person was doing, a Reload button and a report
//! to copy (with the state as a link fragment), all as text.
#![cfg(target_arch = "wasm32")]

use awscost_web::{crash, embed};
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_stopped_widget_says_what_happened_and_offers_reload_and_a_report() {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let options = embed::read(&embed::EmbedText {
        panels: Some("lambda"),
        ..embed::EmbedText::default()
    })
    .unwrap();
    awscost_web::mount(root.clone(), options);
    settle().await;
    type_into(&root, "lambda-memory_mb", "1024");
    settle().await;
    assert_eq!(text(&root, "#lambda-requested-total"), "$43.73");
    // What the panic hook calls, with a message that holds markup.
    crash::show("index out of bounds <img src=x onerror=alert(1)>");
    assert_eq!(root.get_attribute("role").as_deref(), Some("alert"));
    let said = root.text_content().unwrap_or_default();
    assert!(
        said.starts_with("The calculator stopped while changing the Lambda panel."),
        "{said}"
    );
    assert!(root.query_selector("img").unwrap().is_none(), "text only");
    assert_eq!(text(&root, "button"), "Reload");
    let report: web_sys::HtmlTextAreaElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector("textarea").unwrap().unwrap()).unwrap();
    let report = report.value();
    assert!(
        report.contains("stopped: index out of bounds <img"),
        "{report}"
    );
    assert!(
        report.contains("Last action: changing the Lambda panel"),
        "{report}"
    );
    assert!(report.contains("#v1&lambda.memory_mb=1024"), "{report}");
    assert_eq!(crash::report("x").lines().count(), 3);
}

#[wasm_bindgen_test]
async fn a_real_panic_runs_the_hook() {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let options = embed::read(&embed::EmbedText {
        panels: Some("ebs"),
        ..embed::EmbedText::default()
    })
    .unwrap();
    crash::install();
    awscost_web::mount(root.clone(), options);
    settle().await;
    // A deliberate panic in a callback of the page, as a bug in a handler would be.
    gloo::timers::callback::Timeout::new(0, || panic!("a deliberate stop")).forget();
    gloo::timers::future::TimeoutFuture::new(50).await;
    let said = root.text_content().unwrap_or_default();
    assert!(said.starts_with("The calculator stopped while"), "{said}");
    assert!(said.contains("a deliberate stop"), "{said}");
}
