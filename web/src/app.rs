//! The page: region, presets, a tab per service panel, and the read-only pricing catalog in
//! context. On its own page the state is kept in the URL fragment ([`crate::share`]) and in local
//! storage; embedded in a host page it is not (the host's address bar is the host's).

#[cfg(feature = "ebs")]
use crate::components::ebs::EbsPanel;
#[cfg(feature = "ec2")]
use crate::components::ec2::Ec2Panel;
use crate::components::fields::SelectField;
#[cfg(feature = "lambda")]
use crate::components::lambda::LambdaPanel;
#[cfg(feature = "s3")]
use crate::components::s3::S3Panel;
#[cfg(feature = "scenarios")]
use crate::components::scenarios::{ScenarioBar, ScenarioCompare};
use crate::hooks::Ids;
use crate::share;
use crate::state::presets::PRESETS;
use crate::state::{Action, Service, State};
use awscost::pricing::Region;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the page keeps its state between visits (the fragment's text).
pub const STORAGE_KEY: &str = "awscost:v1";

/// The state to open with — the link's, else the saved one, else the defaults — and, when the
/// link could not be read (or its exercise cannot be asked), a notice saying why.
fn load() -> (State, Option<String>) {
    let window = gloo::utils::window();
    let hash = window.location().hash().unwrap_or_default();
    if hash.len() > 1 {
        return match share::decode_with_notice(&hash) {
            Ok((s, None)) => (s, None),
            Ok((s, Some(why))) => (
                s,
                Some(format!(
                    "The link opened, but {why}. The calculator is shown instead."
                )),
            ),
            Err(e) => (
                State::default(),
                Some(format!(
                    "The link could not be read: {e}. The default workload is shown instead."
                )),
            ),
        };
    }
    let saved = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    // Saved work that cannot be read (cut short, another version, edited by hand) opens the
    // defaults with a notice; it is overwritten only once something is changed.
    match saved.map(|f| share::decode_with_notice(&f)) {
        None => (State::default(), None),
        Some(Ok((s, None))) => (s, None),
        Some(Ok((s, Some(why)))) => (
            s,
            Some(format!("The saved page opened, but {why}.")),
        ),
        Some(Err(e)) => (
            State::default(),
            Some(format!(
                "The page saved in this browser could not be read: {e}. The default workload is shown instead."
            )),
        ),
    }
}

/// How long after the last change the state is saved, in milliseconds.
const SAVE_AFTER_MS: u32 = 250;

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

/// The event a module without every part fires on `document` when the person asks for one it
/// lacks (another panel, or the scenarios) on the widget's own page; the loader then swaps in
/// the full module, which opens from the state this one has just saved into the link.
pub const FULL_EVENT: &str = "awscost:full";

/// The attribute on the controls that lead to a part this build lacks: the loader starts
/// fetching the full module when the pointer or focus reaches one.
pub const FULL_HINT_ATTR: &str = "data-awscost-full";

/// Whether this build carries `service`'s panel (each panel is a cargo feature of its own).
pub fn built(service: Service) -> bool {
    match service {
        Service::Lambda => cfg!(feature = "lambda"),
        Service::Ec2 => cfg!(feature = "ec2"),
        Service::Ebs => cfg!(feature = "ebs"),
        Service::S3 => cfg!(feature = "s3"),
    }
}

/// Whether this build has every panel and the scenarios (the full module).
fn complete() -> bool {
    Service::ALL.into_iter().all(built) && cfg!(feature = "scenarios")
}

/// Tells the loader, on `document`, that this page needs another module ([`FULL_EVENT`],
/// [`EXERCISE_EVENT`]).
fn ask_loader(event: &str) {
    if let Ok(event) = web_sys::Event::new(event) {
        let _ = gloo::utils::document().dispatch_event(&event);
    }
}

thread_local! {
    /// The state changed since the last save, saved when typing pauses or when the page is left
    /// (`pagehide`), whichever comes first; cleared when a newer change or the widget's end
    /// takes its place.
    static UNSAVED: std::cell::RefCell<Option<State>> = const { std::cell::RefCell::new(None) };
    /// Whether the `pagehide` listener that saves [`UNSAVED`] is in place (one for the page's
    /// life, instead of one added and removed per keystroke).
    static ON_HIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Saves the state once typing pauses ([`SAVE_AFTER_MS`]) or the page is left first; the
/// returned timer cancels the pause's save when dropped.
fn save_later(s: &State) -> gloo::timers::callback::Timeout {
    UNSAVED.set(Some(s.clone()));
    if !ON_HIDE.replace(true) {
        let on_hide = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(save_unsaved);
        let _ = gloo::utils::window()
            .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        // Listens for the page's whole life.
        on_hide.forget();
    }
    gloo::timers::callback::Timeout::new(SAVE_AFTER_MS, save_unsaved)
}

/// Saves the unsaved state, if any.
fn save_unsaved() {
    if let Some(s) = UNSAVED.take() {
        save(&s);
    }
}

/// What a host page asks of the widget (see [`crate::embed`]); the default is the full page.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The panels offered, in tab order; empty: every panel.
    #[prop_or_default]
    pub panels: Vec<Service>,
    /// No header (title, region picker, reset): for embedding.
    #[prop_or_default]
    pub compact: bool,
    /// The state to start from; `None`: the default workload.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// Keep the state in the page's URL fragment and local storage (the widget's own page only).
    #[prop_or_default]
    pub persist: bool,
    /// Put before every element id of the widget (see [`crate::hooks::Ids`]), so that several
    /// widgets on one page keep them unique; empty for the first.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// A notice to show on opening (an embedded exercise that cannot be asked).
    #[prop_or_default]
    pub notice: Option<AttrValue>,
}

/// Whether this widget keeps its state in the page's link and storage: on the widget's own page,
/// in builds with the own page's code (`page`; the one-panel modules built for embeds leave it
/// out, so none of it is in them).
fn persists(props: &AppProps) -> bool {
    cfg!(feature = "page") && props.persist
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let persist = persists(props);
    let boot = {
        let initial = props.initial.clone();
        use_memo((), move |_| {
            if persist {
                load()
            } else {
                (initial.map(|s| (*s).clone()).unwrap_or_default(), None)
            }
        })
    };
    let state = use_reducer({
        let s = boot.0.clone();
        move || s
    });
    let notice = use_state(|| {
        boot.1
            .clone()
            .or_else(|| props.notice.as_ref().map(|n| n.to_string()))
    });
    let panels: &[Service] = if props.panels.is_empty() {
        &Service::ALL
    } else {
        &props.panels
    };
    // The panel on show, among those offered (a reset may ask for another).
    let service = if panels.contains(&state.service) {
        state.service
    } else {
        panels[0]
    };
    // On its own page the loader starts with the module of the panel on show alone; asking for
    // another panel or for the scenarios brings the full module (see FULL_EVENT).
    let scenarios_asked = use_state(|| false);
    let lazy = persist && !complete();
    let missing = lazy && (!built(service) || *scenarios_asked);
    {
        let boot = boot.clone();
        use_effect_with(((*state).clone(), missing), move |(s, missing)| {
            // A link that could not be read stays in the address bar, and the saved page stays
            // saved, until something is changed. Saved once typing pauses (a change within
            // SAVE_AFTER_MS cancels the pending save), so a keystroke's frame does not wait
            // for the address bar and local storage, or when the page is left; saved at once when the full module is
            // about to take over from the link.
            // What a crash report would carry: the state as a link reopens it.
            crate::crash::now({
                let s = s.clone();
                move || share::encode(&s)
            });
            let changed = persist && (boot.1.is_none() || *s != boot.0);
            let pending = if *missing {
                if changed {
                    save(s);
                }
                ask_loader(FULL_EVENT);
                None
            } else {
                // Leaving the page (closing it, following a link) before the pause saves too.
                changed.then(|| save_later(s))
            };
            move || {
                drop(pending);
                UNSAVED.take();
            }
        });
    }
    let ids = Ids(props.id_prefix.clone());
    let on_action = {
        let state = state.clone();
        Callback::from(move |a: Action| {
            crate::crash::did(a.said());
            state.dispatch(a)
        })
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
    let as_of = as_of(service, state.region);
    // Exercise mode: the question, the workload and the answer take the panels' place, so
    // that the figures are not shown before the learner has answered.
    let asking = asking(&state, &on_action);
    let dated = match as_of {
        Some(d) => format!("Prices as of {d}, from the bundled tables"),
        None => "Prices from the bundled tables, each dated in its pricing row".to_string(),
    };
    html! {
        <ContextProvider<Ids> context={ids.clone()}>
            <div class={classes!("awscost", props.compact.then_some("compact"))}>
                if !props.compact {
                if asking.is_none() {
                <a class="skip" href={format!("#{}", ids.of(&format!("panel-{}", service.code())))}
                    id={ids.of("skip")} onclick={skip_to_panel(&ids, service)}>
                    { format!("Skip to the {} inputs", service.name()) }</a>
                }
                <header>
                    <h1>{ "AWS cost and sizing" }</h1>
                    if asking.is_none() {
                    <div class="workload-bar">
                        <SelectField id={ids.of("region")} label="Region" options={regions}
                            value={AttrValue::from(state.region.code())} on_change={on_region} />
                        <p class="as-of">{ format!("{dated}; every figure expands to its working.") }</p>
                        <button type="button" onclick={ let a = on_action.clone(); move |_| a.emit(Action::Reset) }>{ "Reset" }</button>
                    </div>
                    <div class="presets" role="group" aria-labelledby={ids.of("presets-label")}>
                        <span id={ids.of("presets-label")}>{ "Start from a preset:" }</span>
                        { for PRESETS.iter().enumerate().map(|(n, p)| {
                            let a = on_action.clone();
                            html! {
                                <button type="button" id={ids.of(&format!("preset-{}", p.id))}
                                    data-awscost-full={lazy.then_some("")}
                                    onclick={move |_| a.emit(Action::ApplyPreset(n))}>{ p.name }</button>
                            }
                        }) }
                    </div>
                    }
                </header>
                } else {
                    <p class="as-of">{ format!("{}: {dated}.", state.region.code()) }</p>
                }
                if let Some(why) = (*notice).clone() {
                    <div class="notice" role="status" id={ids.of("share-notice")}>
                        { format!("{why} ") }
                        <button type="button" id={ids.of("share-notice-dismiss")}
                            onclick={ let n = notice.clone(); move |_| n.set(None) }>{ "Dismiss" }</button>
                    </div>
                }
                if let Some(view) = asking {
                    { view }
                } else {
                if lazy {
                    <div class="scenario-bar">
                        <button type="button" id={ids.of("scenarios-open")} data-awscost-full=""
                            disabled={*scenarios_asked}
                            onclick={ let asked = scenarios_asked.clone(); move |_| asked.set(true) }>
                            { "Compare scenarios and export" }</button>
                        if *scenarios_asked { <span role="status">{ "Loading the scenarios…" }</span> }
                    </div>
                } else {
                    { scenarios(&state, &ids, &on_action) }
                }
                if panels.len() > 1 {
                    <nav class="tabs" role="tablist" aria-label="Services"
                        onkeydown={on_tab_key(panels, service, &ids, &on_action)}>
                        { for panels.iter().map(|&v| {
                            let a = on_action.clone();
                            // On a phone the tab shows the service's name alone ("EC2").
                            let more = v.title().strip_prefix(v.name()).unwrap_or_default();
                            html! {
                                <button type="button" role="tab" id={ids.of(&format!("tab-{}", v.code()))}
                                    aria-selected={(service == v).to_string()}
                                    aria-controls={ids.of(&format!("panel-{}", v.code()))}
                                    tabindex={if service == v { "0" } else { "-1" }}
                                    data-awscost-full={(lazy && !built(v)).then_some("")}
                                    onclick={move |_| a.emit(Action::ShowService(v))}>
                                    { v.name() }<span class="more">{ more }</span></button>
                            }
                        }) }
                    </nav>
                }
                <section role={(panels.len() > 1).then_some("tabpanel")} id={ids.of(&format!("panel-{}", service.code()))}
                    aria-labelledby={(panels.len() > 1).then(|| ids.of(&format!("tab-{}", service.code())))}
                    aria-label={(panels.len() == 1).then_some(service.title())}>
                    { explorers(&state, &on_action, panel(service, &state, &on_action, lazy), persist) }
                </section>
                if !lazy { { comparison(&state, panels, &on_action, persist) } }
                }
            </div>
        </ContextProvider<Ids>>
    }
}

/// The WAI-ARIA tabs pattern: the tab list is one Tab stop (the selected tab); the arrow keys move
/// to the previous or next tab (wrapping), Home and End to the first and last, each shown as
/// it gets the focus.
fn on_tab_key(
    panels: &[Service],
    service: Service,
    ids: &Ids,
    on_action: &Callback<Action>,
) -> Callback<KeyboardEvent> {
    let (panels, ids, on_action) = (panels.to_vec(), ids.clone(), on_action.clone());
    Callback::from(move |e: KeyboardEvent| {
        let (n, at) = (
            panels.len(),
            panels.iter().position(|&v| v == service).unwrap_or(0),
        );
        let to = match e.key().as_str() {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        e.prevent_default();
        on_action.emit(Action::ShowService(panels[to]));
        focus(&format!(
            "#{}",
            ids.of(&format!("tab-{}", panels[to].code()))
        ));
    })
}

/// The skip link: the focus goes to the panel's first field (the link's own `#panel-…` is not
/// followed, as the page's fragment holds its state).
fn skip_to_panel(ids: &Ids, service: Service) -> Callback<MouseEvent> {
    let panel = ids.of(&format!("panel-{}", service.code()));
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        focus(&format!("#{panel} input, #{panel} select"));
    })
}

/// Moves the focus to the first element matching this CSS selector, if there is one.
fn focus(selector: &str) {
    if let Some(el) = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The scenario bar and the comparison (in builds with the `scenarios` feature; a one-panel
/// module leaves them to the full widget).
#[cfg(feature = "scenarios")]
fn scenarios(state: &State, ids: &Ids, on_action: &Callback<Action>) -> Html {
    let to_comparison = {
        let title = ids.of("compare-title");
        Callback::from(move |_: MouseEvent| focus(&format!("#{title}")))
    };
    html! {
        <>
            <ScenarioBar names={(0..state.scenarios().len()).map(|n| state.name_of(n)).collect::<Vec<_>>()}
                typed_name={state.name.clone()} active={state.active()} baseline={state.baseline()}
                on_action={on_action.clone()} />
            <p class="to-comparison"><button type="button" class="link" id={ids.of("compare-jump")}
                onclick={to_comparison}>{ "Go to the comparison (below the panel)" }</button></p>
        </>
    }
}

/// The scenario comparison, after the panel: what is being edited comes first.
#[cfg(feature = "scenarios")]
fn comparison(
    state: &State,
    panels: &[Service],
    on_action: &Callback<Action>,
    persist: bool,
) -> Html {
    let state = Rc::new(state.clone());
    html! {
        <>
            <ScenarioCompare state={state.clone()} panels={panels.to_vec()}
                on_action={on_action.clone()} />
            { make_exercise(&state, on_action, persist) }
        </>
    }
}

/// The event the full module fires on `document` when "Make an exercise" is asked for on the
/// widget's own page: the loader swaps in the module with the exercises, which opens from the
/// state just saved into the link, with its form open.
pub const EXERCISE_EVENT: &str = "awscost:exercise";

/// "Make an exercise" of the page as it is (in builds with the `exercise` feature).
#[cfg(feature = "exercise")]
fn make_exercise(state: &Rc<State>, on_action: &Callback<Action>, _: bool) -> Html {
    use crate::components::exercise::MakeExercise;
    html! { <MakeExercise state={state.clone()} on_action={on_action.clone()} /> }
}

/// The full module leaves the exercises to their own module: on the widget's own page, the
/// button brings it (fetched as soon as the pointer or focus reaches the button).
#[cfg(all(feature = "scenarios", not(feature = "exercise")))]
fn make_exercise(state: &Rc<State>, _: &Callback<Action>, persist: bool) -> Html {
    if !persist {
        return Html::default();
    }
    let asked = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            save(&state);
            ask_loader(EXERCISE_EVENT);
        })
    };
    html! {
        <p class="make-exercise"><button type="button" id="make-exercise-open" data-awscost-exercise=""
            onclick={asked}>{ "Make an exercise of this page" }</button></p>
    }
}

#[cfg(not(feature = "scenarios"))]
fn scenarios(_: &State, _: &Ids, _: &Callback<Action>) -> Html {
    Html::default()
}

#[cfg(not(feature = "scenarios"))]
fn comparison(_: &State, _: &[Service], _: &Callback<Action>, _: bool) -> Html {
    Html::default()
}

/// The exercise the page asks, in place of the panels (see [`State::exercise`]).
#[cfg(feature = "exercise")]
fn asking(state: &State, on_action: &Callback<Action>) -> Option<Html> {
    use crate::components::exercise::ExerciseView;
    state.exercise.as_ref()?;
    Some(html! { <ExerciseView state={Rc::new(state.clone())} on_action={on_action.clone()} /> })
}

#[cfg(not(feature = "exercise"))]
fn asking(_: &State, _: &Callback<Action>) -> Option<Html> {
    None
}

/// The panel with the trade-off explorers that span it (ranges: the toggle beside each number
/// and what moves the bill below), in builds with the `explore` feature.
#[cfg(feature = "explore")]
fn explorers(state: &State, on_action: &Callback<Action>, panel: Html, _: bool) -> Html {
    use crate::components::explore::WithRanges;
    html! { <WithRanges state={Rc::new(state.clone())} on_action={on_action.clone()}>{ panel }</WithRanges> }
}

/// The event a module without the explorers fires on `document` when they are asked for on the
/// widget's own page: the loader swaps in the module that has them (with the exercises), which
/// opens from the state just saved into the link.
pub const EXPLORE_EVENT: &str = "awscost:explore";

/// The explorers are in the module with the exercises: on the widget's own page, a button
/// below the panel brings it (fetched as soon as the pointer or focus reaches the button).
#[cfg(not(feature = "explore"))]
fn explorers(state: &State, _: &Callback<Action>, panel: Html, persist: bool) -> Html {
    if !persist {
        return panel;
    }
    let asked = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            save(&state);
            ask_loader(EXPLORE_EVENT);
        })
    };
    html! { <>
        { panel }
        <p class="explore-open"><button type="button" id="explore-open" data-awscost-explore=""
            onclick={asked}>{ "Explore trade-offs: what moves the bill, Lambda vs EC2, cheaper types, Spot interruptions" }</button></p>
    </> }
}

/// The date of the table behind the panel on show, if this build has that panel (a build
/// carries the tables of its own panels only).
fn as_of(service: Service, region: Region) -> Option<String> {
    let _ = region;
    match service {
        #[cfg(feature = "lambda")]
        Service::Lambda => awscost::catalog::lambda()
            .ok()?
            .table(region)
            .map(|t| t.as_of.clone()),
        #[cfg(feature = "ebs")]
        Service::Ebs => awscost::catalog::ebs()
            .ok()?
            .table(region)
            .map(|t| t.as_of.clone()),
        #[cfg(feature = "s3")]
        Service::S3 => awscost::catalog::s3()
            .ok()?
            .table(region)
            .map(|t| t.as_of.clone()),
        // EC2's rates come from several tables; each option shows its own row and date.
        _ => None,
    }
}

/// The panel on show, if this build has it; on the widget's own page (`lazy`), a panel it lacks
/// is on its way in the full module.
fn panel(service: Service, state: &State, on_action: &Callback<Action>, lazy: bool) -> Html {
    // Used by every arm a build has; a build without panels uses neither.
    let _ = (state, on_action);
    match service {
        #[cfg(feature = "lambda")]
        Service::Lambda => html! {
            <LambdaPanel region={state.region} form={state.lambda.clone()} on_change={on_action.reform(Action::Lambda)} />
        },
        #[cfg(feature = "s3")]
        Service::S3 => html! {
            <S3Panel region={state.region} form={state.s3.clone()} on_change={on_action.reform(Action::S3)} />
        },
        #[cfg(feature = "ec2")]
        Service::Ec2 => html! {
            <Ec2Panel region={state.region} form={state.ec2.clone()}
                chart={state.ec2_chart.clone()} on_change={on_action.reform(Action::Ec2)}
                on_chart={on_action.reform(Action::SetEc2Chart)} />
        },
        #[cfg(feature = "ebs")]
        Service::Ebs => html! {
            <EbsPanel region={state.region} form={state.ebs.clone()} on_change={on_action.reform(Action::Ebs)} />
        },
        #[allow(unreachable_patterns)]
        other if lazy => html! {
            <p class="loading" role="status">{ format!("Loading the {} panel…", other.title()) }</p>
        },
        #[allow(unreachable_patterns)]
        other => html! {
            <p class="error" role="alert">{ format!("The {} panel is not in this build of the widget.", other.title()) }</p>
        },
    }
}
