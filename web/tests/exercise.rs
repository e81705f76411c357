//! In-browser tests of exercises: a learner answers before any figure is shown, is graded, and
//! reveals the working step by step; an open field can be changed and the answer follows it; a
//! teacher makes an exercise from the page and answers it there. AWS's first Lambda example
//! (512 MB, 1 s, 3M requests) is $18.73 a month, at 1,024 MB $43.73
//! (https://aws.amazon.com/lambda/pricing/); AWS's EBS example need (2,000 GiB, 10,000 IOPS,
//! 500 MiB/s) is cheapest on gp3 at $210.00 (https://aws.amazon.com/ebs/pricing/).
#![cfg(target_arch = "wasm32")]

use awscost_web::app::AppProps;
use awscost_web::share;
use std::rc::Rc;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn asked(link: &str) -> web_sys::Element {
    let state = share::decode(link).unwrap();
    assert!(state.exercise.is_some(), "{link}");
    mount_app(AppProps {
        initial: Some(Rc::new(state)),
        ..AppProps::default()
    })
}

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// Types (or, for a choice, chooses) an answer, checks it and returns the verdict.
async fn answer(root: &web_sys::Element, value: &str) -> String {
    if count(root, "select#exercise-answer") == 1 {
        choose(root, "exercise-answer", value);
    } else {
        type_into(root, "exercise-answer", value);
    }
    click(root, "exercise-check");
    settle().await;
    text(root, "#exercise-verdict")
}

/// Opens the "Make an exercise" form, and waits until it is drawn (it is drawn only when open).
async fn open_maker(root: &web_sys::Element) {
    open_details(root, "#make-exercise", "#exercise-question").await;
}

#[wasm_bindgen_test]
async fn a_learner_answers_before_seeing_a_figure_then_steps_through_the_working() {
    let root = asked("v2&x=monthly_cost&x.service=lambda&x.title=The%20bill&s=A");
    settle().await;
    assert_eq!(text(&root, "h2"), "The bill");
    assert!(text(&root, "#exercise-prompt").contains("Lambda"));
    // No panel and no figure before an answer.
    assert_eq!(count(&root, "#lambda-requested-total"), 0);
    assert!(!text(&root, ".exercise").contains("18.73"));
    // 30 − 18.73 = 11.27, 60.17 % of 18.73: wrong at the default 10 %.
    let verdict = answer(&root, "30").await;
    assert!(
        verdict.starts_with("Not this time: 11.27 off (60.17 %)"),
        "{verdict}"
    );
    click(&root, "exercise-next");
    settle().await;
    assert_eq!(count(&root, "#exercise-steps li"), 1);
    assert!(text(&root, "#exercise-steps li").ends_with("= $0.40"));
    click(&root, "exercise-reveal");
    settle().await;
    assert!(text(&root, "#exercise-steps").contains("$18.73"));
    assert!(text(&root, "#exercise-answer-shown").contains("$18.73"));
    // A fresh guess: 19.50 is within 10 % of 18.73.
    assert!(answer(&root, "$19.50").await.starts_with("Right: $18.73"));
    click(&root, "exercise-leave");
    settle().await;
    assert_eq!(text(&root, "#lambda-requested-total"), "$18.73");
}

#[wasm_bindgen_test]
async fn an_open_field_changes_the_answer_and_closed_ones_stay_read_only() {
    let root = asked("v2&x=monthly_cost&x.service=lambda&x.open=lambda.memory_mb&s=A");
    settle().await;
    assert_eq!(count(&root, ".exercise table.workload input"), 1);
    type_into(&root, "exercise-0-lambda-memory_mb", "1024");
    settle().await;
    let verdict = answer(&root, "43.73").await;
    assert!(verdict.starts_with("Right: $43.73"), "{verdict}");
}

#[wasm_bindgen_test]
async fn a_choice_among_the_real_options_is_graded() {
    let root = asked("v2&x=cheapest_option&x.service=ebs&s=A");
    settle().await;
    assert!(answer(&root, "io2").await.starts_with("Not this time"));
    let verdict = answer(&root, "gp3").await;
    assert!(verdict.starts_with("Right"), "{verdict}");
}

#[wasm_bindgen_test]
async fn an_exercise_the_workload_cannot_answer_says_why() {
    // The 3-year Standard RI of an instance type the catalog does not have.
    let root = asked(
        "v2&x=saving_percent&x.option=reserved-standard-3y-all-upfront&s=A&ec2.instance_type=m9.huge",
    );
    settle().await;
    assert!(count(&root, "#exercise-problem") == 1);
    click(&root, "exercise-leave");
    settle().await;
    assert_eq!(count(&root, ".exercise"), 0);
}

#[wasm_bindgen_test]
async fn a_teacher_makes_an_exercise_and_answers_it_here() {
    // The widget's own page (where a link opens it) has an #awscost-app.
    let doc = gloo::utils::document();
    let own = doc.create_element("div").unwrap();
    own.set_id(awscost_web::ROOT_ID);
    doc.body().unwrap().append_child(&own).unwrap();
    let root = mount_app(AppProps::default());
    settle().await;
    // Closed, the form is not drawn (nothing is worked out on a keystroke).
    assert_eq!(count(&root, "#exercise-question"), 0);
    open_maker(&root).await;
    choose(&root, "exercise-question", "cheapest_option");
    settle().await;
    choose(&root, "exercise-service", "ebs");
    type_into(&root, "exercise-title-text", "Which volume?");
    settle().await;
    let link = input(&root, "exercise-link").value();
    assert!(
        link.contains("#v2&x=cheapest_option&x.service=ebs&x.title=Which%20volume%3F&s=A"),
        "{link}"
    );
    assert!(text(&root, "#make-exercise .made").contains("General Purpose SSD (gp3)"));
    click(&root, "exercise-try");
    settle().await;
    assert_eq!(text(&root, "h2"), "Which volume?");
    assert_eq!(count(&root, "#exercise-answer option"), 7);
}

#[wasm_bindgen_test]
async fn a_difference_between_scenarios_is_asked_of_one_that_is_not_the_baseline() {
    // A is AWS's first Lambda example ($18.73), B the same at 1,024 MB ($43.73): B costs
    // $25.00 a month more.
    let state = share::decode("v2&s=A&s=B&lambda.memory_mb=1024").unwrap();
    let root = mount_app(AppProps {
        initial: Some(Rc::new(state)),
        ..AppProps::default()
    });
    settle().await;
    open_maker(&root).await;
    choose(&root, "exercise-question", "scenario_difference");
    settle().await;
    let made = text(&root, "#make-exercise .made");
    assert!(made.contains("scenario B cost a month than A"), "{made}");
    assert!(made.contains("$25.00"), "{made}");
}
