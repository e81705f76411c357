//! In-browser tests of the Lambda ↔ EC2 explorer at the bottom of the Lambda panel.
#![cfg(target_arch = "wasm32")]

use awscost_web::components::lambda::LambdaPanel;
use awscost_web::state::*;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn panel(s: &State, on_action: Callback<Action>) -> Html {
    html! { <LambdaPanel region={s.region} form={s.lambda.clone()} on_change={on_action.reform(Action::Lambda)} /> }
}

/// The Lambda panel with its explorer opened (it is worked out only while open).
async fn opened() -> web_sys::Element {
    let root = mount_panel(panel);
    settle().await;
    open_details(&root, "#l2e details", "#l2e-crossover").await;
    root
}

#[wasm_bindgen_test]
async fn shows_the_crossover_for_the_panels_function() {
    let root = opened().await;
    settle().await;
    // AWS's first example (512 MB, 1 s, 3M a month) against the smallest type that fits,
    // c5.large, on its 3-year Standard RI All Upfront ($815 ÷ 36 a month).
    assert_eq!(
        text(&root, "#l2e-crossover"),
        "3,457,678 invocations a month"
    );
    let answer = text(&root, "#l2e-answer");
    assert!(answer.starts_with("From 3,457,678 invocations a month, 1 × c5.large (Reserved Instance, Standard, 3 years, All Upfront) costs less"), "{answer}");
    assert_eq!(text(&root, "#l2e-now-lambda"), "$18.73");
    assert_eq!(text(&root, "#l2e-now-ec2"), "$22.64");
    assert_eq!(text(&root, "#l2e-now"), "Lambda costs less");
    assert_eq!(text(&root, "#l2e-now-instances"), "1 × c5.large");
    // The chart, its table (the crossover row marked) and the working.
    assert!(root
        .query_selector(".l2e-chart svg .series.ec2")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector(".l2e-chart .marker.cheapest")
        .unwrap()
        .is_some());
    assert!(text(&root, "#l2e-table").contains("EC2 (crossover)"));
    assert!(text(&root, ".lambda-to-ec2 .lines").contains("3,457,678"));
    assert!(text(&root, "#l2e-assumptions").contains("one request per vCPU"));
}

#[wasm_bindgen_test]
async fn changing_the_type_or_option_changes_the_crossover() {
    let root = opened().await;
    settle().await;
    choose(&root, "l2e-instance_type", "c5.xlarge");
    settle().await;
    let bigger = text(&root, "#l2e-crossover");
    assert_ne!(bigger, "3,457,678 invocations a month");
    assert!(text(&root, "#l2e-answer").contains("c5.xlarge"));
    choose(&root, "l2e-instance_type", "c5.large");
    settle().await;
    choose(&root, "l2e-option", "on-demand");
    settle().await;
    // On-Demand ($62.05 a month) never beats the function below the 1,000-concurrency quota.
    assert_eq!(text(&root, "#l2e-crossover"), "None below the quota");
    assert!(
        text(&root, "#l2e-answer").starts_with("Lambda costs no more than c5.large (On-Demand)")
    );
    // The function's own fields move it too.
    type_into(&root, "lambda-invocations_per_month", "10000000");
    settle().await;
    assert_eq!(text(&root, "#l2e-now-instances"), "2 × c5.large");
}

#[wasm_bindgen_test]
async fn a_field_with_a_problem_is_named_not_hidden() {
    let root = opened().await;
    settle().await;
    type_into(&root, "lambda-memory_mb", "64");
    settle().await;
    assert!(text(&root, ".lambda-to-ec2").contains("Fix the Lambda fields above"));
}

#[wasm_bindgen_test]
async fn headroom_and_an_added_cost_move_the_crossover() {
    let root = opened().await;
    settle().await;
    // 20 % headroom and $16.20 a month: two c5.large plus $16.20 are passed at 8,009,101
    // (the engine's hand-worked case).
    type_into(&root, "l2e-headroom_percent", "20");
    type_into(&root, "l2e-extra_monthly_usd", "16.20");
    settle().await;
    assert_eq!(
        text(&root, "#l2e-crossover"),
        "8,009,101 invocations a month"
    );
    assert!(text(&root, ".lambda-to-ec2").contains("Added to EC2's month (as given)"));
    type_into(&root, "l2e-headroom_percent", "-5");
    settle().await;
    assert!(text(&root, "#l2e-headroom_percent-error").contains("at least 0"));
    assert!(text(&root, ".lambda-to-ec2").contains("Fix the highlighted field"));
}
