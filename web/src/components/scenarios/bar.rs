//! The scenarios: which one the panels edit, which is the baseline, and duplicating, naming and
//! removing them.

use crate::hooks::use_ids;
use crate::state::{Action, MAX_NAME, MAX_SCENARIOS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// Each scenario's name as shown.
    pub names: Vec<String>,
    /// The active scenario's name as typed.
    pub typed_name: String,
    pub active: usize,
    pub baseline: usize,
    pub on_action: Callback<Action>,
}

#[function_component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let n = props.names.len();
    let ids = use_ids();
    let id = |s: &str| ids.of(s);
    let active = props.active;
    let name = props.names.get(active).cloned().unwrap_or_default();
    let emit = |a: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let on_name = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(Action::RenameScenario(active, input.value()));
        })
    };
    html! {
        <div class="scenario-bar" role="group" aria-labelledby={id("scenarios-label")}>
            <span id={id("scenarios-label")}>{ "Scenario:" }</span>
            { for props.names.iter().enumerate().map(|(i, name)| html! {
                <button type="button" id={id(&format!("scenario-{i}"))} class="scenario"
                    aria-pressed={(i == active).to_string()} onclick={emit(Action::SelectScenario(i))}>
                    { name }
                    if i == props.baseline && n > 1 { <span class="badge">{ " · baseline" }</span> }
                </button>
            }) }
            <button type="button" id={id("scenario-add")} disabled={n >= MAX_SCENARIOS}
                title={(n >= MAX_SCENARIOS).then(|| format!("At most {MAX_SCENARIOS} scenarios"))}
                onclick={emit(Action::AddScenario)}>{ format!("Duplicate {name} as a new scenario") }</button>
            <span class="field inline">
                <label for={id("scenario-name")}>{ "Name" }</label>
                <input id={id("scenario-name")} type="text" maxlength={MAX_NAME.to_string()} size="14"
                    placeholder={name.clone()} value={props.typed_name.clone()} oninput={on_name} />
            </span>
            if n > 1 {
                if active == props.baseline {
                    <span class="hint" id={id("scenario-is-baseline")}>{ format!("{name} is the baseline the others are measured against") }</span>
                } else {
                    <button type="button" id={id("scenario-pin")} onclick={emit(Action::PinBaseline(active))}>
                        { format!("Pin {name} as the baseline") }</button>
                }
                <button type="button" id={id("scenario-remove")} onclick={emit(Action::RemoveScenario(active))}>
                    { format!("Remove {name}") }</button>
            }
        </div>
    }
}
