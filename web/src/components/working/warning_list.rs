//! The engine's warnings, as a list.

use awscost::report::Warning;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WarningListProps {
    pub warnings: Vec<Warning>,
}

#[function_component]
pub fn WarningList(props: &WarningListProps) -> Html {
    if props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="warnings" aria-label="Warnings">
            { for props.warnings.iter().map(|w| html! {
                <li data-code={w.code.clone()}>{ &w.message }</li>
            }) }
        </ul>
    }
}
