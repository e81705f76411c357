//! A labelled checkbox.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckboxFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub on_toggle: Callback<bool>,
}

#[function_component]
pub fn CheckboxField(props: &CheckboxFieldProps) -> Html {
    let on_change = {
        let cb = props.on_toggle.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="field checkbox">
            <input id={props.id.clone()} type="checkbox" checked={props.checked} onchange={on_change}
                aria-describedby={props.hint.is_some().then(|| hint_id.clone())} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(h) = &props.hint { <small id={hint_id} class="hint">{ h.clone() }</small> }
        </div>
    }
}
