//! The learner's side of an exercise: the question, the workload it is asked of (read-only but
//! for the fields the teacher opened), an answer graded right, close or wrong, and the working
//! revealed one step at a time. No figure is shown before the learner chooses to see one.

use super::task_for;
use crate::components::working::copy_text;
use crate::hooks::use_ids;
use crate::state::{keys, label_of, Action, State};
use awscost::exercise::{Grade, Graded, Question, MAX_LISTED};
use awscost::service::narration;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExerciseViewProps {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

/// The scenarios a question is about: the one asked, and for a difference the baseline too.
fn shown_scenarios(state: &State, question: Question, n: usize) -> Vec<usize> {
    let mut out = vec![];
    if question == Question::ScenarioDifference && state.baseline() != n {
        out.push(state.baseline());
    }
    if n < state.scenarios().len() {
        out.push(n);
    }
    out
}

#[function_component]
pub fn ExerciseView(props: &ExerciseViewProps) -> Html {
    let ids = use_ids();
    let id = |s: &str| ids.of(s);
    let answer = use_state(String::new);
    let graded = use_state(|| None::<Result<Graded, String>>);
    let revealed = use_state(|| 0usize);
    let status = use_state(String::new);
    let state = &props.state;
    // Worked out again only when the page's state changes (an open field typed into).
    let worked = use_memo((*props.state).clone(), |s| {
        s.exercise.as_ref().map(|ex| task_for(s, ex))
    });
    let (Some(ex), Some(worked)) = (state.exercise.clone(), (*worked).clone()) else {
        return Html::default();
    };
    let leave = {
        let a = props.on_action.clone();
        Callback::from(move |_: MouseEvent| a.emit(Action::SetExercise(None)))
    };
    let title = ex.title.clone().unwrap_or_else(|| "Exercise".into());
    let heading = html! { <h2 id={id("exercise-title")}>{ title }</h2> };
    let (set, task) = match &worked {
        Ok(t) => t.clone(),
        Err(why) => {
            return html! {
                <section class="exercise" aria-labelledby={id("exercise-title")}>
                    { heading }
                    <p class="error" role="alert" id={id("exercise-problem")}>
                        { format!("This exercise cannot be worked out for the workload: {why}") }</p>
                    <button type="button" id={id("exercise-leave")} onclick={leave}>{ "Open the calculator" }</button>
                </section>
            };
        }
    };
    let numeric = task.choices.is_empty() || task.choices.len() > MAX_LISTED;
    let on_check = {
        let (answer, graded, ex, set) = (answer.clone(), graded.clone(), ex.clone(), set.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let g = awscost::exercise::grade(&set, &ex, &answer).map_err(|e| {
                e.errors
                    .iter()
                    .map(|f| f.message())
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            graded.set(Some(g));
        })
    };
    let on_answer = {
        let answer = answer.clone();
        Callback::from(move |e: Event| {
            let t: web_sys::HtmlInputElement = e.target_unchecked_into();
            answer.set(t.value());
        })
    };
    let on_typed = {
        let answer = answer.clone();
        Callback::from(move |e: InputEvent| {
            let t: web_sys::HtmlInputElement = e.target_unchecked_into();
            answer.set(t.value());
        })
    };
    let steps = task.steps.clone();
    let all = *revealed >= steps.len();
    let on_next = {
        let (revealed, n) = (revealed.clone(), steps.len());
        Callback::from(move |_: MouseEvent| revealed.set((*revealed + 1).min(n)))
    };
    let on_reveal = {
        let (revealed, n) = (revealed.clone(), steps.len());
        Callback::from(move |_: MouseEvent| revealed.set(n))
    };
    let on_copy = {
        let (text, status) = (narration(&steps), status.clone());
        Callback::from(move |_: MouseEvent| copy_text(&text, None, status.clone()))
    };
    let right = matches!(&*graded, Some(Ok(g)) if g.grade == Grade::Right);
    let answer_label = if numeric {
        format!("Your answer ({})", task.unit)
    } else {
        "Your answer".to_string()
    };
    let shown = shown_scenarios(state, ex.question, ex.scenario);
    html! {
        <section class="exercise" aria-labelledby={id("exercise-title")}>
            { heading }
            <p class="prompt" id={id("exercise-prompt")}>{ &task.prompt }</p>
            if let Some(h) = &ex.hint {
                <details class="hint"><summary>{ "Hint" }</summary><p>{ h }</p></details>
            }
            { for shown.iter().map(|&n| workload(state, n, &ex.open_fields, &props.on_action, &ids)) }
            <form class="answer" onsubmit={on_check} novalidate=true>
                <div class="field">
                    <label for={id("exercise-answer")}>{ answer_label }</label>
                    if numeric {
                        <input id={id("exercise-answer")} type="text" inputmode="decimal" autocomplete="off"
                            value={(*answer).clone()} oninput={on_typed} />
                    } else {
                        <select id={id("exercise-answer")} onchange={on_answer}>
                            <option value="" selected={answer.is_empty()}>{ "Choose an option" }</option>
                            { for task.choices.iter().map(|c| html! {
                                <option value={c.id.clone()} selected={*answer == c.id}>{ &c.label }</option>
                            }) }
                        </select>
                    }
                </div>
                <button type="submit" id={id("exercise-check")}>{ if graded.is_some() { "Check again" } else { "Check" } }</button>
            </form>
            <p role="status" id={id("exercise-verdict")} class={classes!("verdict", verdict_class(&graded))}>
                { match &*graded {
                    Some(Ok(g)) => g.verdict.clone(),
                    Some(Err(why)) => why.clone(),
                    None => "Not answered yet: answer, then check.".to_string(),
                } }
            </p>
            <h3>{ "The working" }</h3>
            <ol class="steps" id={id("exercise-steps")} aria-live="polite">
                { for steps.iter().take(*revealed).map(|s| html! { <li>{ &s.text }</li> }) }
            </ol>
            <div class="step-controls">
                if !all {
                    <button type="button" id={id("exercise-next")} onclick={on_next}>
                        { format!("Next step ({} of {})", *revealed + 1, steps.len()) }</button>
                    <button type="button" id={id("exercise-reveal")} onclick={on_reveal}>{ "Show the answer" }</button>
                } else {
                    <p id={id("exercise-answer-shown")}>{ format!("Answer: {}", answer_said(&task)) }</p>
                    <button type="button" id={id("exercise-copy")} onclick={on_copy}>{ "Copy the working as text" }</button>
                    <span role="status">{ (*status).clone() }</span>
                }
            </div>
            <p class="note">{ format!("{} Prices as of {}.", task.note, task.pricing_as_of) }</p>
            if all || right {
                <button type="button" id={id("exercise-leave")} onclick={leave}>{ "Open the calculator on this workload" }</button>
            }
        </section>
    }
}

/// The answer as the page states it once revealed: an option's name, or the figure and its unit.
pub(super) fn answer_said(task: &awscost::exercise::Task) -> String {
    match &task.expected_label {
        Some(l) => l.clone(),
        None if task.unit.starts_with("USD") => format!("${} ({})", task.expected, task.unit),
        None => format!("{} {}", task.expected, task.unit),
    }
}

fn verdict_class(g: &Option<Result<Graded, String>>) -> Option<&'static str> {
    match g {
        Some(Ok(g)) => Some(match g.grade {
            Grade::Right => "right",
            Grade::Close => "close",
            Grade::Wrong => "wrong",
        }),
        Some(Err(_)) => Some("wrong"),
        None => None,
    }
}

/// A value with the unit its JSON name gives (`memory_mb` → "512 MB", `retention_days` → "365
/// days"): the workload's field names carry their units.
fn with_unit(key: &str, label: &str, value: &str) -> String {
    const UNITS: &[(&str, &str)] = &[
        ("_gb_per_month", "GB a month"),
        ("hours_per_month", "hours a month"),
        ("hours_per_day", "hours a day"),
        ("days_per_week", "days a week"),
        ("_per_month", "a month"),
        ("_mb", "MB"),
        ("_ms", "ms"),
        ("_kb", "KB"),
        ("_gib", "GiB"),
        ("_gb", "GB"),
        ("_mibps", "MiB/s"),
        ("_percent", "%"),
        ("_days", "days"),
        ("].days", "days"),
        ("_years", "years"),
    ];
    match UNITS.iter().find(|(suffix, _)| key.ends_with(suffix)) {
        // "Invocations per month" needs no "a month" after its figure.
        Some((_, unit)) if !value.trim().is_empty() && !label.contains("per month") => {
            format!("{value} {unit}")
        }
        _ => value.to_string(),
    }
}

/// Scenario `n`'s inputs for the services it describes: read-only, but for the open fields.
fn workload(
    state: &State,
    n: usize,
    open: &[String],
    on_action: &Callback<Action>,
    ids: &crate::hooks::Ids,
) -> Html {
    let scenario = &state.scenarios()[n];
    // The service asked about (named, or the question's only one); else every one compared.
    let asked = state
        .exercise
        .as_ref()
        .and_then(|e| e.question.service_of(e.service));
    let shown = asked.map_or_else(|| state.counted_services(), |v| vec![v]);
    let described = |key: &str| {
        key == "region"
            || shown
                .iter()
                .any(|v| key.starts_with(&format!("{}.", v.code())))
    };
    let name = state.name_of(n);
    html! {
        <table class="workload">
            <caption>{ format!("Scenario {name}: the workload") }</caption>
            <tbody>
                { for keys::all().filter(|k| described(k)).map(|key| {
                    let label = label_of(key).unwrap_or(key);
                    let value = keys::get(scenario, key);
                    let field = ids.of(&format!("exercise-{n}-{}", key.replace(['.', '[', ']'], "-")));
                    html! {
                        <tr>
                            <th scope="row">
                                if open.iter().any(|o| o == key) {
                                    <label for={field.clone()}>{ label }</label>
                                } else { { label } }
                            </th>
                            <td>
                                if open.iter().any(|o| o == key) {
                                    <input id={field} type="text" autocomplete="off" value={value}
                                        oninput={ let a = on_action.clone(); move |e: InputEvent| {
                                            let t: web_sys::HtmlInputElement = e.target_unchecked_into();
                                            a.emit(Action::SetInput(n, key, t.value()));
                                        } } />
                                } else { { with_unit(key, label, &value) } }
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
