//! In-browser tests of the Lambda panel: render it, type into it, read what it shows.
#![cfg(target_arch = "wasm32")]

use awscost_web::components::lambda::LambdaPanel;
#[allow(unused_imports)]
use awscost_web::state::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The panel as the page shows it.
fn panel(s: &State, on_action: Callback<Action>) -> Html {
    html! { <LambdaPanel region={s.region} form={s.lambda.clone()} on_change={on_action.reform(Action::Lambda)} /> }
}

#[wasm_bindgen_test]
async fn shows_the_aws_example_total() {
    let root = mount_panel(panel);
    settle().await;
    assert_eq!(text(&root, "#lambda-requested-total"), "$18.73");
    // Every line expands into its working (the panel's own table, not the explorer's below it).
    let details = root
        .query_selector_all(".panel > .results > .lines details")
        .unwrap();
    assert_eq!(details.length(), 2);
    assert!(text(&root, ".lines").contains("1,100,000 GB-s"));
    // The chart and its table alternative are there.
    assert!(root.query_selector(".chart svg").unwrap().is_some());
    // The table behind the chart is drawn when opened, not before.
    assert!(root.query_selector(".sweep").unwrap().is_none());
    open_details(&root, ".chart details", ".sweep tbody tr").await;
    assert!(root.query_selector_all(".sweep tbody tr").unwrap().length() > 20);
}

#[wasm_bindgen_test]
async fn typing_recomputes_and_bad_input_is_explained_and_kept() {
    let root = mount_panel(panel);
    settle().await;
    type_into(&root, "lambda-memory_mb", "1536");
    type_into(&root, "lambda-duration_ms", "120");
    settle().await;
    // AWS's "mobile application backend" example: $2.73.
    assert_eq!(text(&root, "#lambda-requested-total"), "$2.73");

    type_into(&root, "lambda-memory_mb", "64");
    settle().await;
    let err = text(&root, "#lambda-memory_mb-error");
    assert!(err.contains("at least 128 MB"), "{err}");
    let input: web_sys::HtmlInputElement = root
        .query_selector("#lambda-memory_mb")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "64", "what was typed is kept");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The last good figures stay, marked as such.
    assert!(root.query_selector(".results.stale").unwrap().is_some());
    assert_eq!(text(&root, "#lambda-requested-total"), "$2.73");

    type_into(&root, "lambda-memory_mb", "abc");
    settle().await;
    assert!(text(&root, "#lambda-memory_mb-error").contains("Enter a number"));
    type_into(&root, "lambda-duration_ms", "9999999");
    settle().await;
    assert!(text(&root, "#lambda-duration_ms-error").contains("15 minutes"));
}

#[wasm_bindgen_test]
fn reducer_is_pure() {
    let before = State::default();
    let after = before.apply(Action::Lambda(LambdaAction::Set(
        LambdaField::Invocations,
        "1e6".into(),
    )));
    assert_eq!(before, State::default());
    assert_eq!(after.lambda.invocations_per_month, "1e6");
}
