//! "Explain": a figure's working as numbered sentences a person can say aloud ("Requests:
//! 2,000,000 requests × $0.0000002 per request = $0.40"), copyable as text. The sentences are
//! the engine's ([`awscost::service::Step`]), worked out only when the box is opened.

use super::copy_text;
use crate::hooks::use_open;
use awscost::service::{narration, Step};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    /// The figure explained, for the control's name ("Explain (At 512 MB)").
    pub name: AttrValue,
    /// The working, asked for when the box opens.
    pub steps: Callback<(), Vec<Step>>,
}

#[function_component]
pub fn Explain(props: &ExplainProps) -> Html {
    let (open, on_toggle) = use_open();
    let status = use_state(String::new);
    let steps = if open { props.steps.emit(()) } else { vec![] };
    let on_copy = {
        let (text, status) = (narration(&steps), status.clone());
        Callback::from(move |_: MouseEvent| copy_text(&text, None, status.clone()))
    };
    html! {
        <details class="explain" ontoggle={on_toggle}>
            <summary>{ "Explain" }<span class="vh">{ format!(" ({})", props.name) }</span></summary>
            if open {
                <ol>{ for steps.iter().map(|s| html! { <li>{ &s.text }</li> }) }</ol>
                <button type="button" class="copy" onclick={on_copy}>{ "Copy as text" }
                    <span class="vh">{ format!(" ({})", props.name) }</span></button>
                <span role="status">{ (*status).clone() }</span>
            }
        </details>
    }
}
