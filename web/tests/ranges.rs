//! In-browser tests of ranges: the toggle beside a number field, the band and the tornado below
//! the panel, and the link that carries them. AWS's first Lambda example (512 MB, 1 s, 3 million
//! requests a month, with the Free Tier) is $18.73 (https://aws.amazon.com/lambda/pricing/); at
//! 1 million requests the month is $1.67 and at 5 million $35.80 (worked in
//! `src/explore/ranges.rs`).
#![cfg(target_arch = "wasm32")]

use awscost_web::app::AppProps;
use awscost_web::share;
use std::rc::Rc;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn a_range_beside_a_field_gives_the_band_and_the_tornado() {
    let root = mount_app(AppProps::default());
    settle().await;
    // Before any range: the hint, no band.
    assert!(text(&root, ".ranges").contains("Range"));
    assert_eq!(count(&root, "table.band"), 0);
    let toggle = "#lambda-invocations_per_month ~ .range .range-toggle";
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector(toggle).unwrap().unwrap()).unwrap();
    button.click();
    settle().await;
    // Low and high start at the field's value: a band of one point.
    assert_eq!(
        input(&root, "lambda-invocations_per_month-low").value(),
        "3000000"
    );
    type_into(&root, "lambda-invocations_per_month-low", "1000000");
    type_into(&root, "lambda-invocations_per_month-high", "5000000");
    settle().await;
    // Every service is counted (none changed from its example): Lambda's row is its band.
    let band = text(&root, "table.band tbody tr:first-child");
    assert!(
        band.contains("$1.67") && band.contains("$18.73") && band.contains("$35.80"),
        "{band}"
    );
    assert_eq!(count(&root, ".tornado rect.bar"), 1);
    assert!(text(&root, ".tornado table").contains("$34.13"));
    // A low above the field's value is said beside the range.
    type_into(&root, "lambda-invocations_per_month-low", "4000000");
    settle().await;
    assert!(text(&root, "#lambda-invocations_per_month-range-error").contains("low"));
    // Back within the field's value: the band again.
    type_into(&root, "lambda-invocations_per_month-low", "1000000");
    settle().await;
    assert_eq!(count(&root, "#lambda-invocations_per_month-range-error"), 0);
    assert!(text(&root, "table.band tbody tr:first-child").contains("$1.67"));
}

#[wasm_bindgen_test]
async fn a_link_with_ranges_opens_them_in_two_services() {
    let state = share::decode(
        "v1&range.lambda.invocations_per_month=1000000~5000000&ec2.count=2&range.ec2.count=1~6",
    )
    .unwrap();
    let root = mount_app(AppProps {
        initial: Some(Rc::new(state)),
        ..AppProps::default()
    });
    settle().await;
    assert_eq!(count(&root, ".tornado rect.bar"), 2);
    assert_eq!(count(&root, "table.band tbody tr"), 2);
    // Back to one number: its bar goes.
    let clear: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(
        root.query_selector(".ranged-inputs li button")
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    clear.click();
    settle().await;
    assert_eq!(count(&root, ".tornado rect.bar"), 1);
}
