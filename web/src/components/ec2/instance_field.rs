//! A text input with a searchable list of EC2 instance types (vCPU and memory beside each name).

use awscost::ec2::InstanceType;
use awscost::money::qty;
use yew::prelude::*;

#[derive(Properties)]
pub struct InstanceFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The catalog's types (static: compared by address, below).
    pub types: &'static [InstanceType],
    #[prop_or_default]
    pub error: Option<String>,
    pub on_input: Callback<String>,
}

impl PartialEq for InstanceFieldProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.label == other.label
            && self.value == other.value
            && std::ptr::eq(self.types, other.types)
            && self.error == other.error
            && self.on_input == other.on_input
    }
}

#[derive(Properties)]
struct TypeListProps {
    id: AttrValue,
    types: &'static [InstanceType],
}

impl PartialEq for TypeListProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && std::ptr::eq(self.types, other.types)
    }
}

/// The field's list of every catalog type: a component of its own, so that a change elsewhere in
/// the panel (its props stay the same) does not draw its ~170 entries again.
#[function_component]
fn TypeList(props: &TypeListProps) -> Html {
    html! {
        <datalist id={props.id.clone()}>
            { for props.types.iter().map(|t| html! { <option value={t.name.clone()}>{ describe(t) }</option> }) }
        </datalist>
    }
}

/// `m5.large — 2 vCPU, 8 GiB, x86_64`.
fn describe(t: &InstanceType) -> String {
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
            <TypeList id={AttrValue::from(list_id)} types={props.types} />
            <small id={hint_id} class="hint">{ match chosen {
                Some(t) => describe(t),
                None => format!("Type to search {} types, e.g. m5.large", props.types.len()),
            } }</small>
            if let Some(e) = &props.error { <small id={error_id} class="error" role="alert">{ e.clone() }</small> }
        </div>
    }
}
