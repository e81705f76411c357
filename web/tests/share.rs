//! In-browser test of the page's memory: what is typed goes into the address bar's fragment and
//! local storage, and the fragment reads back to the same inputs.
#![cfg(target_arch = "wasm32")]

use awscost_web::app::{App, AppProps, STORAGE_KEY};
use awscost_web::share;
use awscost_web::state::Service;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn typing_writes_the_link_and_the_link_reads_back() {
    let window = gloo::utils::window();
    // The widget's own page: its state lives in the link and local storage.
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::document()
        .body()
        .unwrap()
        .append_child(&root)
        .unwrap();
    let props = AppProps {
        persist: true,
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let history_before = window.history().unwrap().length().unwrap();
    type_into(&root, "lambda-memory_mb", "1536");
    settle().await;
    tick(&root, "lambda-multi_threaded");
    settle().await;
    // Saved once typing pauses (250 ms after the last change).
    gloo::timers::future::TimeoutFuture::new(400).await;

    let hash = window.location().hash().unwrap();
    assert!(hash.starts_with("#v1&"), "{hash}");
    assert!(hash.contains("lambda.memory_mb=1536"), "{hash}");
    // Replaced, not pushed: the back button is not filled with keystrokes.
    assert_eq!(window.history().unwrap().length().unwrap(), history_before);

    let state = share::decode(&hash).unwrap();
    assert_eq!(state.lambda.memory_mb, "1536");
    assert!(state.lambda.multi_threaded);
    assert_eq!(state.service, Service::Lambda);

    let saved = window
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(STORAGE_KEY)
        .unwrap();
    assert_eq!(saved.as_deref(), Some(&hash[1..]));
    // Leave the test page as it was found.
    let _ = window
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item(STORAGE_KEY);
}
