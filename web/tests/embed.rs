//! In-browser tests of embedding: `awscost.mount` with a host's options, and the App's props
//! (panels offered, compact). 100 GiB of gp3 in eu-west-1 at $0.088 a GB-month, with the
//! included 3,000 IOPS and 125 MiB/s, is $8.80 (the eu-west-1 row of pricing/ebs.json).
#![cfg(target_arch = "wasm32")]

use awscost_web::api;
use awscost_web::app::{App, AppProps};
use awscost_web::state::Service;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn element() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
async fn mount_reads_the_hosts_options() {
    let root = element();
    api::mount(
        root.clone().into(),
        options(
            r#"{"panels":["ebs"],"compact":true,"region":"eu-west-1",
                "workload":{"region":"us-east-1","ebs":{"size_gib":100,"iops":3000,"throughput_mibps":125}}}"#,
        ),
    )
    .unwrap();
    settle().await;
    assert_eq!(text(&root, "#ebs-cheapest-total"), "$8.80");
    assert_eq!(input(&root, "ebs-size_gib").value(), "100");
    for absent in ["header", "h1", "#region", "[role=tab]", "#tab-lambda"] {
        assert!(root.query_selector(absent).unwrap().is_none(), "{absent}");
    }
    assert!(text(&root, ".as-of").starts_with("eu-west-1"));
    // One panel: a labelled region, not a tab panel without its tab.
    let panel = root.query_selector("#panel-ebs").unwrap().unwrap();
    assert_eq!(
        panel.get_attribute("aria-label").as_deref(),
        Some("EBS volumes")
    );
    assert_eq!(panel.get_attribute("role"), None);
}

#[wasm_bindgen_test]
fn mount_names_a_bad_option() {
    let message = |o: &str| {
        let e = api::mount(element().into(), options(o)).unwrap_err();
        String::from(e.dyn_into::<js_sys::Error>().unwrap().message())
    };
    assert!(message(r#"{"panels":"lambda,rds"}"#).contains("\"rds\" is not a panel"));
    assert!(message(r#"{"region":"mars-1"}"#).starts_with("region:"));
    assert!(message(
        r#"{"workload":"{\"region\":\"us-east-1\",\"lambda\":{\"memory_mb\":[512]}}"}"#
    )
    .contains("lambda.memory_mb"));
    let not_an_element = api::mount(JsValue::NULL, JsValue::UNDEFINED).unwrap_err();
    assert!(String::from(
        not_an_element
            .dyn_into::<js_sys::Error>()
            .unwrap()
            .message()
    )
    .contains("element"));
}

#[wasm_bindgen_test]
async fn only_the_panels_offered_are_shown_even_after_a_reset() {
    let root = element();
    let props = AppProps {
        panels: vec![Service::S3, Service::Ebs],
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let tabs: Vec<String> = (0..2)
        .map(|i| {
            root.query_selector_all("[role=tab]")
                .unwrap()
                .get(i)
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(root.query_selector_all("[role=tab]").unwrap().length(), 2);
    assert_eq!(tabs, ["S3 storage classes", "EBS volumes"]);
    assert!(root.query_selector("#panel-s3").unwrap().is_some());
    // Reset goes back to the default workload, whose panel (Lambda) is not offered here.
    root.query_selector("header button")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert!(root.query_selector("#panel-lambda").unwrap().is_none());
    assert!(root.query_selector("#panel-s3").unwrap().is_some());
}
