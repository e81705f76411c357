//! In-browser test of scenarios side by side: duplicate A into B, change B, read A vs B with the
//! deltas and the inputs that differ, pin B, remove it, and export.
//!
//! Figures: the Lambda pricing page's "512 MB, 3M invocations of 1 s" example ($18.73, see
//! tests/lambda_examples.rs) and the same function at 1,024 MB: 2,600,000 billable GB-s ×
//! $0.0000166667 + $0.40 of requests = $43.73 (<https://aws.amazon.com/lambda/pricing/>).
#![cfg(target_arch = "wasm32")]

use awscost_web::app::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_versus_b_with_deltas_a_pinned_baseline_and_export() {
    let root = mount_app(AppProps::default());
    settle().await;
    type_into(&root, "lambda-memory_mb", "512");
    type_into(&root, "lambda-duration_ms", "1000");
    type_into(&root, "lambda-invocations_per_month", "3000000");
    settle().await;
    // One scenario: its cost by service. Nothing differs from the defaults yet (the default
    // workload is that example), so every service counts until told otherwise.
    assert!(text(&root, "#compare-lambda-0").contains("$18.73"));
    assert!(root.query_selector("#compare-ec2-0").unwrap().is_some());
    for v in ["ec2", "ebs", "s3"] {
        tick(&root, &format!("compare-{v}"));
        settle().await;
    }
    assert!(root.query_selector("#compare-ec2-0").unwrap().is_none());
    assert!(text(&root, "#compare-total-0").contains("$18.73"));

    click(&root, "scenario-add");
    settle().await;
    assert_eq!(input(&root, "scenario-name").value(), "B");
    assert_eq!(
        input(&root, "lambda-memory_mb").value(),
        "512",
        "B starts as a copy of A"
    );
    type_into(&root, "lambda-memory_mb", "1024");
    settle().await;
    assert!(text(&root, "#compare-lambda-0").contains("$18.73"));
    let b = text(&root, "#compare-lambda-1");
    assert!(
        b.contains("$43.73") && b.contains("+$25.00 (+133.48%)"),
        "{b}"
    );
    assert!(text(&root, "#compare-total-1").contains("+$25.00 (+133.48%)"));
    let diff = text(&root, "#compare-diff-1");
    assert!(
        diff.contains("lambda.memory_mb") && diff.contains("512 → 1024"),
        "{diff}"
    );

    // Every Lambda option per scenario, drawn when opened: both scenarios' figures.
    assert!(root
        .query_selector(".compare-options table")
        .unwrap()
        .is_none());
    open_details(&root, ".compare-options", ".compare-options table").await;
    let options = text(&root, ".compare-options table");
    assert!(
        options.contains("$18.73") && options.contains("$43.73"),
        "{options}"
    );

    // Renaming shows everywhere; pinning B measures A against it: −25.00 ÷ 43.73 = −57.17 %.
    type_into(&root, "scenario-name", "Bigger");
    settle().await;
    assert!(text(&root, "#compare-table thead").contains("Bigger"));
    click(&root, "scenario-pin");
    settle().await;
    let a = text(&root, "#compare-total-0");
    assert!(a.contains("-$25.00 (-57.17%)"), "{a}");
    assert!(text(&root, "#scenario-1").contains("baseline"));

    // Editing A again: the panels follow the scenario chosen.
    click(&root, "scenario-0");
    settle().await;
    assert_eq!(input(&root, "lambda-memory_mb").value(), "512");

    // Export: Markdown and CSV carry the same figures.
    click(&root, "export-markdown");
    settle().await;
    let md = textarea(&root);
    assert!(
        md.contains("| **Total** | $18.73 | -$25.00 (-57.17%) | $43.73 |"),
        "{md}"
    );
    click(&root, "export-csv");
    settle().await;
    assert!(textarea(&root).contains("Bigger,true,us-east-1,total,total,Total,,43.73,,"));
    click(&root, "export-json");
    settle().await;
    let json: serde_json::Value = serde_json::from_str(&textarea(&root)).unwrap();
    assert_eq!(json["scenarios"][0]["total"]["delta_usd"], "-25.00");
    let href = root
        .query_selector("#export-download")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert!(
        href.starts_with("data:application/json;charset=utf-8,%7B"),
        "{href}"
    );

    // A field being fixed in B: the comparison says where, and keeps the last figures.
    click(&root, "scenario-1");
    settle().await;
    type_into(&root, "lambda-memory_mb", "");
    settle().await;
    let problems = text(&root, "#compare-problems");
    assert!(problems.contains("Bigger — Lambda memory"), "{problems}");
    assert!(text(&root, "#compare-lambda-1").contains("$43.73"));
    type_into(&root, "lambda-memory_mb", "1024");
    settle().await;

    click(&root, "scenario-remove");
    settle().await;
    assert!(root.query_selector("#scenario-1").unwrap().is_none());
    assert!(root.query_selector("#compare-diff-1").unwrap().is_none());
    assert!(text(&root, "#compare-total-0").contains("$18.73"));
}

fn textarea(root: &web_sys::Element) -> String {
    root.query_selector("#export-text")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .value()
}
