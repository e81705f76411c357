//! In-browser tests of the S3 panel: render it, type a workload, read what it shows.
//! Figures are worked by hand from the us-east-1 list prices at <https://aws.amazon.com/s3/pricing/>.
#![cfg(target_arch = "wasm32")]

use awscost_web::components::s3::S3Panel;
#[allow(unused_imports)]
use awscost_web::state::*;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The panel as the page shows it.
fn panel(s: &State, on_action: Callback<Action>) -> Html {
    html! { <S3Panel region={s.region} form={s.s3.clone()} on_change={on_action.reform(Action::S3)} /> }
}

#[wasm_bindgen_test]
async fn shows_every_class_for_the_issue_example() {
    let root = mount_panel(panel);
    settle().await;
    // 10,000 GB in 100,000 objects, 1M GET and 1,000 GB retrieved a month, kept 365 days.
    // Standard-IA: 10,000 GB × $0.0125 = $125 + 1M GET × $0.001 per 1,000 = $1
    // + 1,000 GB × $0.01 retrieval = $10: $136.00 a month.
    assert_eq!(text(&root, "#s3-row-STANDARD_IA .monthly"), "$136.00");
    // Standard: 10,000 GB × $0.023 = $230 + 1M GET × $0.0004 per 1,000 = $0.40.
    assert_eq!(text(&root, "#s3-row-STANDARD .monthly"), "$230.40");
    for id in [
        "STANDARD",
        "INTELLIGENT_TIERING",
        "STANDARD_IA",
        "ONEZONE_IA",
        "GLACIER_IR",
        "GLACIER",
        "DEEP_ARCHIVE",
    ] {
        assert!(root
            .query_selector(&format!("#s3-row-{id}"))
            .unwrap()
            .is_some());
    }
    // Deep Archive: $9.90 storage a month plus overheads, requests and retrieval; cheapest over a year.
    assert!(text(&root, "#s3-cheapest").starts_with("S3 Glacier Deep Archive: "));
    assert!(text(&root, "#s3-row-DEEP_ARCHIVE").contains("cheapest"));
    // Where the study notes differ from AWS today, both are shown.
    assert!(text(&root, "#s3-row-GLACIER").contains("AWS now: 99.99 % (after restore)"));
    // Every row expands into its line items, drawn when opened.
    assert!(root
        .query_selector("#s3-working-STANDARD_IA .lines")
        .unwrap()
        .is_none());
    open_details(
        &root,
        "#s3-working-STANDARD_IA details",
        "#s3-working-STANDARD_IA .lines",
    )
    .await;
    assert!(text(&root, "#s3-working-STANDARD_IA .lines").contains("$0.0125"));
    // The chart draws a line per class and names where the cheapest class changes.
    assert_eq!(
        root.query_selector_all(".s3-chart line.series")
            .unwrap()
            .length(),
        7
    );
    assert!(
        text(&root, ".s3-chart figcaption").contains("Deep Archive → Glacier Flexible Retrieval")
    );
    // The issue's plan (worked in tests/s3_cases.rs): $1,109.54.
    assert_eq!(text(&root, "#s3-plan-total"), "$1,109.54");
}

#[wasm_bindgen_test]
async fn typing_a_workload_recomputes_and_bad_input_is_explained_and_kept() {
    let root = mount_panel(panel);
    settle().await;
    choose(&root, "s3-lifecycle-0-class", "");
    type_into(&root, "s3-storage_gb", "100");
    type_into(&root, "s3-object_count", "1000");
    type_into(&root, "s3-get_requests_per_month", "100,000");
    type_into(&root, "s3-retrieval_gb_per_month", "1000");
    type_into(&root, "s3-retention_days", "30");
    type_into(&root, "s3-monthly_read_fraction", "1");
    settle().await;
    assert!(root
        .query_selector("#s3-lifecycle-0-days")
        .unwrap()
        .is_none());
    // Reading 10× the data every month for 30 days: Standard, 100 GB × $0.023 = $2.30
    // + 100,000 GET × $0.0004 per 1,000 = $0.04: $2.34.
    assert_eq!(text(&root, "#s3-cheapest"), "S3 Standard: $2.34");
    // Glacier Instant Retrieval kept 30 of its 90 days: 60 more days of 100 GB × $0.004 = $0.80.
    assert!(text(&root, "#s3-row-GLACIER_IR .retention").contains("incl. $0.80 early deletion"));

    type_into(&root, "s3-storage_gb", "-5");
    settle().await;
    let err = text(&root, "#s3-storage_gb-error");
    assert!(err.contains("at least"), "{err}");
    let field = input(&root, "s3-storage_gb");
    assert_eq!(field.value(), "-5", "what was typed is kept");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The last good figures stay, marked as such.
    assert!(root.query_selector(".results.stale").unwrap().is_some());
    assert_eq!(text(&root, "#s3-cheapest"), "S3 Standard: $2.34");

    type_into(&root, "s3-retention_days", "a year");
    settle().await;
    assert!(text(&root, "#s3-retention_days-error").contains("Enter a number"));
    assert_eq!(input(&root, "s3-retention_days").value(), "a year");
}

#[wasm_bindgen_test]
async fn an_impossible_lifecycle_step_is_explained_beside_it() {
    let root = mount_panel(panel);
    settle().await;
    // Deep Archive cannot move back to Standard.
    choose(&root, "s3-lifecycle-0-class", "DEEP_ARCHIVE");
    choose(&root, "s3-lifecycle-1-class", "STANDARD");
    settle().await;
    let err = text(&root, "#s3-lifecycle-1-class-error");
    assert!(
        err.contains("cannot move data from DEEP_ARCHIVE to STANDARD"),
        "{err}"
    );
}
