//! Export: the comparison as Markdown, CSV or JSON (the same JSON as `awscost scenarios`), and
//! the input that reproduces it on the command line; copied or downloaded.

use crate::components::working::copy_text;
use crate::hooks::use_ids;
use awscost::export::{csv, markdown};
use awscost::scenarios::{ScenarioComparison, ScenarioSet};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    pub set: Rc<ScenarioSet>,
    pub comparison: Rc<ScenarioComparison>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Markdown,
    Csv,
    Json,
    Input,
}

impl Format {
    const ALL: [Format; 4] = [Format::Markdown, Format::Csv, Format::Json, Format::Input];

    /// (id, button label, file name, media type)
    fn about(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Format::Markdown => ("markdown", "Markdown", "awscost.md", "text/markdown"),
            Format::Csv => ("csv", "CSV", "awscost.csv", "text/csv"),
            Format::Json => ("json", "JSON", "awscost.json", "application/json"),
            Format::Input => (
                "input",
                "Input for the CLI",
                "awscost-scenarios.json",
                "application/json",
            ),
        }
    }
}

#[function_component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let format = use_state(|| None::<Format>);
    let status = use_state(String::new);
    let area = use_node_ref();
    let ids = use_ids();
    let id = |s: &str| ids.of(s);
    let text = format.map(|f| match f {
        Format::Markdown => markdown(&props.comparison),
        Format::Csv => csv(&props.comparison),
        Format::Json => serde_json::to_string(&*props.comparison).unwrap_or_default(),
        Format::Input => serde_json::to_string(&*props.set).unwrap_or_default(),
    });
    let on_copy = {
        let (text, status, area) = (
            text.clone().unwrap_or_default(),
            status.clone(),
            area.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            copy_text(
                &text,
                area.cast::<web_sys::HtmlTextAreaElement>(),
                status.clone(),
            )
        })
    };
    html! {
        <div class="export" role="group" aria-labelledby={id("export-label")}>
            <span id={id("export-label")}>{ "Export:" }</span>
            { for Format::ALL.iter().map(|&f| {
                let (code, label, ..) = f.about();
                let (format, status) = (format.clone(), status.clone());
                html! {
                    <button type="button" id={id(&format!("export-{code}"))} aria-pressed={(*format == Some(f)).to_string()}
                        onclick={move |_| { format.set(Some(f)); status.set(String::new()); }}>{ label }</button>
                }
            }) }
            if let (Some(f), Some(text)) = (*format, text) {
                <div class="export-out">
                    <textarea id={id("export-text")} ref={area} readonly=true rows="10"
                        aria-label={format!("{} export", f.about().1)} value={text.clone()} />
                    <button type="button" id={id("export-copy")} onclick={on_copy}>{ "Copy" }</button>
                    <a id={id("export-download")} download={f.about().2}
                        href={format!("data:{};charset=utf-8,{}", f.about().3, String::from(js_sys::encode_uri_component(&text)))}>
                        { format!("Download {}", f.about().2) }</a>
                    <span role="status" id={id("export-status")}>{ (*status).clone() }</span>
                </div>
            }
        </div>
    }
}
