//! The page: region, presets, a tab per service panel, and the read-only pricing catalog in
//! context. The state is kept in the URL fragment ([`crate::share`]) and in local storage.

use crate::components::ebs_panel::EbsPanel;
use crate::components::ec2_panel::Ec2Panel;
use crate::components::lambda_panel::LambdaPanel;
use crate::components::s3_panel::S3Panel;
use crate::components::select_field::SelectField;
use crate::presets::PRESETS;
use crate::share;
use crate::state::{Action, Service, State};
use awscost::pricing::{Catalog, Region};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Where the page keeps its state between visits (the fragment's text).
pub const STORAGE_KEY: &str = "awscost:v1";

/// The state to open with — the link's, else the saved one, else the defaults — and, when the
/// link could not be read, why.
fn load() -> (State, Option<String>) {
    let window = gloo::utils::window();
    let hash = window.location().hash().unwrap_or_default();
    if hash.len() > 1 {
        return match share::decode(&hash) {
            Ok(s) => (s, None),
            Err(e) => (State::default(), Some(e.to_string())),
        };
    }
    let saved = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    (
        saved
            .and_then(|f| share::decode(&f).ok())
            .unwrap_or_default(),
        None,
    )
}

/// Writes the state into the address bar (without a new history entry) and local storage.
fn save(state: &State) {
    let window = gloo::utils::window();
    let fragment = share::encode(state);
    if let Ok(history) = window.history() {
        let url = format!("#{fragment}");
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    if let Some(storage) = window.local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, &fragment);
    }
}

/// The bundled pricing, shared read-only with every component.
#[derive(Clone, Copy)]
pub struct Pricing(pub &'static Catalog);

impl PartialEq for Pricing {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

#[function_component]
pub fn App() -> Html {
    let boot = use_memo((), |_| load());
    let state = use_reducer({
        let s = boot.0.clone();
        move || s
    });
    let notice = use_state(|| boot.1.clone());
    {
        let boot = boot.clone();
        use_effect_with((*state).clone(), move |s| {
            // A link that could not be read stays in the address bar, and the saved page stays
            // saved, until something is changed.
            if boot.1.is_none() || *s != boot.0 {
                save(s);
            }
        });
    }
    let catalog = match awscost::pricing::catalog() {
        Ok(c) => c,
        Err(errors) => {
            return html! {
                <main class="awscost"><p class="error" role="alert">{ format!(
                    "The bundled pricing tables are invalid, so nothing can be priced: {}",
                    errors.first().map(ToString::to_string).unwrap_or_default()) }</p></main>
            }
        }
    };
    let on_action = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let on_region = {
        let on_action = on_action.clone();
        Callback::from(move |code: String| {
            if let Some(r) = Region::from_code(&code) {
                on_action.emit(Action::SetRegion(r));
            }
        })
    };
    let regions = Region::ALL
        .iter()
        .map(|r| {
            (
                AttrValue::from(r.code()),
                AttrValue::from(format!("{} — {}", r.code(), r.name())),
            )
        })
        .collect::<Vec<_>>();
    // The date of the table behind the panel on show.
    let as_of = match state.service {
        Service::Lambda => catalog.lambda.table(state.region).map(|t| t.as_of.clone()),
        Service::Ebs => catalog.ebs.table(state.region).map(|t| t.as_of.clone()),
        Service::S3 => catalog.s3.table(state.region).map(|t| t.as_of.clone()),
        // EC2's rates come from several tables; each option shows its own row and date.
        Service::Ec2 => None,
    };
    let dated = match as_of {
        Some(d) => format!("Prices as of {d}, from the bundled tables"),
        None => "Prices from the bundled tables, each dated in its pricing row".to_string(),
    };
    html! {
        <ContextProvider<Pricing> context={Pricing(catalog)}>
            <main class="awscost">
                <header>
                    <h1>{ "AWS cost and sizing" }</h1>
                    <div class="workload-bar">
                        <SelectField id="region" label="Region" options={regions}
                            value={AttrValue::from(state.region.code())} on_change={on_region} />
                        <p class="as-of">{ format!("{dated}; every figure expands to its working.") }</p>
                        <button type="button" onclick={ let a = on_action.clone(); move |_| a.emit(Action::Reset) }>{ "Reset" }</button>
                    </div>
                    <div class="presets" role="group" aria-labelledby="presets-label">
                        <span id="presets-label">{ "Start from a preset:" }</span>
                        { for PRESETS.iter().enumerate().map(|(n, p)| {
                            let a = on_action.clone();
                            html! {
                                <button type="button" id={format!("preset-{}", p.id)}
                                    onclick={move |_| a.emit(Action::ApplyPreset(n))}>{ p.name }</button>
                            }
                        }) }
                    </div>
                </header>
                if let Some(why) = (*notice).clone() {
                    <div class="notice" role="status" id="share-notice">
                        { format!("The link could not be read: {why}. The default workload is shown instead. ") }
                        <button type="button" id="share-notice-dismiss"
                            onclick={ let n = notice.clone(); move |_| n.set(None) }>{ "Dismiss" }</button>
                    </div>
                }
                if Service::ALL.len() > 1 {
                    <nav class="tabs" role="tablist" aria-label="Services">
                        { for Service::ALL.iter().map(|&v| {
                            let a = on_action.clone();
                            html! {
                                <button type="button" role="tab" id={format!("tab-{}", v.code())}
                                    aria-selected={(state.service == v).to_string()}
                                    aria-controls={format!("panel-{}", v.code())}
                                    onclick={move |_| a.emit(Action::ShowService(v))}>{ v.title() }</button>
                            }
                        }) }
                    </nav>
                }
                <div role="tabpanel" id={format!("panel-{}", state.service.code())}
                    aria-labelledby={format!("tab-{}", state.service.code())}>
                    { match state.service {
                        Service::Lambda => html! {
                            <LambdaPanel region={state.region} form={state.lambda.clone()} on_action={on_action.clone()} />
                        },
                        Service::S3 => html! {
                            <S3Panel region={state.region} form={state.s3.clone()} on_action={on_action.clone()} />
                        },
                        Service::Ec2 => html! {
                            <Ec2Panel region={state.region} form={state.ec2.clone()}
                                chart={state.ec2_chart.clone()} on_action={on_action.clone()} />
                        },
                        Service::Ebs => html! {
                            <EbsPanel region={state.region} form={state.ebs.clone()} on_action={on_action.clone()} />
                        },
                    } }
                </div>
            </main>
        </ContextProvider<Pricing>>
    }
}
