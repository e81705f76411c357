//! A minimal Yew page, built with the widget's release profile and wasm-opt settings, so the
//! size budget compares the widget with the smallest Yew app (the floor).
#![forbid(unsafe_code)]

use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <p>{ "Hello, world" }</p> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
