//! A text input with a searchable list of EC2 instance types (vCPU and memory beside each name).

use awscost::ec2::InstanceType;
use awscost::money::qty;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InstanceFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The catalog's types (static, so props compare cheaply).
    pub types: &'static [InstanceType],
    #[prop_or_default]
    pub error: Option<String>,
    pub on_input: Callback<String>,
}

#[function_component]
pub fn InstanceField(props: &InstanceFieldProps) -> Html {
    let on_input = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let list_id = format!("{}-list", props.id);
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let chosen = props.types.iter().find(|t| t.name == props.value.trim());
    let describe = |t: &InstanceType| {
        format!(
            "{} — {} vCPU, {} GiB, {}",
            t.name,
            t.vcpu,
            qty(t.memory_gib),
            match t.architecture {
                awscost::ec2::Architecture::X86_64 => "x86_64",
                awscost::ec2::Architecture::Arm64 => "arm64",
            }
        )
    };
    let described = if props.error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="text" list={list_id.clone()} autocomplete="off"
                spellcheck="false" value={props.value.clone()} oninput={on_input}
                aria-invalid={props.error.is_some().then_some("true")} aria-describedby={described} />
            <datalist id={list_id}>
                { for props.types.iter().map(|t| html! { <option value={t.name.clone()}>{ describe(t) }</option> }) }
            </datalist>
            <small id={hint_id} class="hint">{ match chosen {
                Some(t) => describe(t),
                None => format!("Type to search {} types, e.g. m5.large", props.types.len()),
            } }</small>
            if let Some(e) = &props.error { <small id={error_id} class="error" role="alert">{ e.clone() }</small> }
        </div>
    }
}
