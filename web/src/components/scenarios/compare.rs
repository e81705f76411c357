//! Scenarios side by side: each service's figure and the total per scenario, with the delta ($
//! and %) against the pinned baseline, the inputs that differ, every option, and the exports.

use super::ExportPanel;
use crate::components::fields::CheckboxField;
use crate::hooks::{use_ids, use_last_good, use_open_set, OpenSet, Shown};
use crate::state::{evaluate_scenarios, said, Action, Counting, ScenarioProblem, Service, State};
use awscost::export::{delta_text, usd_text};
use awscost::scenarios::{Cell, ScenarioComparison, ScenarioSet};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioCompareProps {
    pub state: Rc<State>,
    /// The panels offered: the services that can be compared.
    pub panels: Vec<Service>,
    pub on_action: Callback<Action>,
}

type Computed = Result<(Rc<ScenarioSet>, Rc<ScenarioComparison>), Vec<ScenarioProblem>>;

#[function_component]
pub fn ScenarioCompare(props: &ScenarioCompareProps) -> Html {
    let s = &props.state;
    let computed = use_memo(
        (s.scenarios().to_vec(), s.baseline(), s.counted_services()),
        {
            let state = s.clone();
            move |_| -> Computed {
                evaluate_scenarios(&state).map(|(set, c)| (Rc::new(set), Rc::new(c)))
            }
        },
    );
    // The last comparison that could be made stays on show while a field is being fixed.
    let Shown {
        result: shown,
        errors: problems,
        ..
    } = use_last_good((*computed).clone());
    let several = s.scenarios().len() > 1;
    let ids = use_ids();
    // Each service's options table is drawn only while it is open.
    let open = use_open_set();
    let p = ids.0.as_str();
    let id = |s: &str| ids.of(s);
    let counted = s.counted_services();
    html! {
        <div class="compare" id={id("scenario-compare")}>
            <h2 id={id("compare-title")} tabindex="-1">{ if several { "Scenarios compared, per month" } else { "Monthly cost by service" } }</h2>
            <div class="counted" role="group" aria-label="Services compared">
                { for props.panels.iter().map(|&v| {
                    let cb = props.on_action.clone();
                    html! {
                        <CheckboxField id={id(&format!("compare-{}", v.code()))} label={format!("Count {}", v.title())}
                            checked={counted.contains(&v)}
                            on_toggle={Callback::from(move |on| cb.emit(Action::SetCounted(v, on)))} />
                    }
                }) }
            </div>
            <p class="hint" id={id("compare-counting")} role="status">{ counting_said(s, &counted) }</p>
            if !problems.is_empty() {
                <div class="notice" role="status" id={id("compare-problems")}>
                    <p>{ "Fix these before the scenarios can be compared" }
                        { if shown.is_some() { " (the figures below are from before the change):" } else { ":" } }</p>
                    <ul>{ for problems.iter().map(|p| problem(p, s, &props.on_action)) }</ul>
                </div>
            }
            if let Some((set, c)) = shown {
                { table(&c, p) }
                if several { { differences(&c, p) } }
                { for (0..c.services.len()).map(|service| options(&c, service, &open)) }
                <p class="model">{ c.method }</p>
                <ExportPanel set={set} comparison={c} />
            }
        </div>
    }
}

/// What the comparison counts, and why, in words: said again (a live region) whenever it changes,
/// so the first edit's switch from every example to the services changed is never silent.
fn counting_said(s: &State, counted: &[Service]) -> String {
    let names = counted
        .iter()
        .map(|v| v.name())
        .collect::<Vec<_>>()
        .join(", ");
    match s.counting() {
        Counting::Examples => "Counting every service's example workload: nothing has been changed yet. \
            Once a service is changed, only the services changed are counted; tick or untick to choose."
            .to_string(),
        Counting::Changed => format!(
            "Counting the services changed from their examples: {names}. Tick another to count its example too."
        ),
        Counting::Chosen if counted.is_empty() => {
            "Counting nothing: tick a service to count it.".to_string()
        }
        Counting::Chosen => format!("Counting the services ticked: {names}."),
    }
}

fn problem(p: &ScenarioProblem, s: &State, on_action: &Callback<Action>) -> Html {
    let (n, v) = (p.scenario, p.service);
    let cb = on_action.clone();
    let go = Callback::from(move |_: MouseEvent| {
        cb.emit(Action::SelectScenario(n));
        cb.emit(Action::ShowService(v));
    });
    html! {
        <li>
            { format!("{} — {}: {} ", s.name_of(n), v.title(), said(&p.error)) }
            <button type="button" class="link" onclick={go}>{ format!("Open {} in {}", v.title(), s.name_of(n)) }</button>
        </li>
    }
}

/// The header row: a column per scenario.
fn head(c: &ScenarioComparison, first: &str) -> Html {
    html! {
        <thead><tr>
            <th scope="col">{ first.to_string() }</th>
            { for c.scenarios.iter().enumerate().map(|(n, s)| html! {
                <th scope="col" class="num">{ &s.name }
                    if n == c.baseline && c.scenarios.len() > 1 { <span class="badge">{ " (baseline)" }</span> }
                </th>
            }) }
        </tr></thead>
    }
}

/// A figure, the note saying what it is, and its delta against the baseline.
fn cell(c: &Cell, id: Option<String>) -> Html {
    let d = delta_text(c);
    let class = match c.delta_usd.map(|u| u.cents()) {
        Some(v) if v.is_sign_positive() && !v.is_zero() => "delta up",
        Some(v) if v.is_sign_negative() && !v.is_zero() => "delta down",
        _ => "delta",
    };
    html! {
        <td class="num" id={id}>
            <span class="figure">{ usd_text(c.monthly_usd) }</span>
            if let Some(n) = c.note.as_ref().filter(|n| !n.is_empty()) { <small class="note">{ n }</small> }
            if !d.is_empty() { <span class={class}>{ d }</span> }
        </td>
    }
}

fn table(c: &ScenarioComparison, p: &str) -> Html {
    html! {
        { crate::components::scroll_x("Monthly cost by service and scenario", html! {
            <table class="compare-table" id={format!("{p}compare-table")}>
                <caption>{ "Monthly USD; each delta is against the baseline" }</caption>
                { head(c, "Service") }
                <tbody>
                    { for c.services.iter().map(|sv| html! {
                        <tr>
                            <th scope="row">{ sv.headline.label.as_str() }
                                <small class="note">{ sv.measure }</small></th>
                            { for sv.headline.cells.iter().enumerate().map(|(n, x)|
                                cell(x, Some(format!("{p}compare-{}-{n}", sv.service.code())))) }
                        </tr>
                    }) }
                    <tr class="total">
                        <th scope="row">{ "Total" }</th>
                        { for c.scenarios.iter().enumerate().map(|(n, s)| cell(&s.total, Some(format!("{p}compare-total-{n}")))) }
                    </tr>
                </tbody>
            </table>
        }) }
    }
}

fn differences(c: &ScenarioComparison, p: &str) -> Html {
    let base = c
        .scenarios
        .get(c.baseline)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    html! {
        <div class="differences" id={format!("{p}compare-differences")}>
            <h3>{ format!("Inputs that differ from {base}") }</h3>
            <ul>
                { for c.scenarios.iter().enumerate().filter(|(n, _)| *n != c.baseline).map(|(n, s)| html! {
                    <li id={format!("{p}compare-diff-{n}")}><strong>{ format!("{}: ", s.name) }</strong>
                        if s.differences.is_empty() { { "none" } }
                        { for s.differences.iter().enumerate().map(|(i, d)| html! {
                            <>
                                if i > 0 { { "; " } }
                                <code>{ &d.field }</code>
                                { format!(" {} → {}", d.baseline.as_deref().unwrap_or("(not given)"),
                                    d.value.as_deref().unwrap_or("(not given)")) }
                            </>
                        }) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// Every option of one service, per scenario. The table is drawn only while it is open: closed,
/// it is neither shown nor printed, and it is most of the comparison's elements.
fn options(c: &ScenarioComparison, service: usize, open: &OpenSet) -> Html {
    let Some(sv) = c.services.get(service) else {
        return Html::default();
    };
    html! {
        <details class="compare-options" ontoggle={open.on_toggle(service)}>
            <summary>{ format!("Every {} option, per scenario", sv.headline.label.as_str()) }</summary>
            if open.is_open(service) {
                <table>
                    { head(c, "Option") }
                    <tbody>
                        { for sv.options.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.label.as_str() }</th>
                                { for r.cells.iter().map(|x| cell(x, None)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </details>
    }
}
