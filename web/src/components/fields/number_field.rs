//! A labelled number input that keeps exactly what was typed and shows its error beside it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub unit: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    pub on_input: Callback<String>,
    /// The input's workload JSON path: in builds with the trade-off explorers, the field can
    /// then be given as a range (low / likely / high) beside it.
    #[prop_or_default]
    pub range_key: Option<&'static str>,
}

#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let mut described = vec![];
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    if props.error.is_some() {
        described.push(error_id.clone());
    }
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }
                if !props.unit.is_empty() { <span class="unit">{ format!(" ({})", props.unit) }</span> }
            </label>
            <input id={props.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                value={props.value.clone()} oninput={on_input}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            if let Some(h) = &props.hint { <small id={hint_id} class="hint">{ h.clone() }</small> }
            if let Some(e) = &props.error { <small id={error_id} class="error" role="alert">{ e.clone() }</small> }
            { ranged(props) }
        </div>
    }
}

/// The range toggle and, when on, the low and high fields (builds with the explorers only).
#[cfg(feature = "explore")]
fn ranged(props: &NumberFieldProps) -> Html {
    let Some(key) = props.range_key else {
        return Html::default();
    };
    html! { <crate::components::explore::RangeToggle id={props.id.clone()} label={props.label.clone()} key_path={key} /> }
}

#[cfg(not(feature = "explore"))]
fn ranged(_: &NumberFieldProps) -> Html {
    Html::default()
}
