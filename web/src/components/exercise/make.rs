//! "Make an exercise": a teacher or interviewer turns the page as it is into a question the engine
//! grades: the question, what it is asked of, the tolerance, the fields the learner may change, a
//! title and a hint. Out come a link (the page's own, in exercise mode), the embed attributes
//! and a preview of the question with its answer.

use super::task_for;
use crate::components::fields::{NumberField, SelectField};
use crate::components::working::copy_text;
use crate::hooks::{use_ids, use_open};
use crate::state::{keys, label_of, Action, Ec2Form, Form, Service, State};
use awscost::exercise::{Exercise, Question};
use awscost::scenarios::ScenarioSet;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MakeExerciseProps {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
}

/// What the teacher has chosen so far, as typed.
#[derive(Clone, PartialEq)]
struct Draft {
    question: Question,
    service: Option<Service>,
    option: String,
    scenario: usize,
    tolerance: String,
    open: Vec<&'static str>,
    title: String,
    hint: String,
}

impl Draft {
    /// The exercise, or why the draft is not one yet.
    fn exercise(&self) -> Result<Exercise, String> {
        let tolerance_percent = awscost::money::read_number(&self.tolerance)
            .ok()
            .filter(|t| *t >= Decimal::ZERO && *t <= Decimal::ONE_HUNDRED)
            .ok_or("Give a tolerance from 0 to 100 %.")?;
        let text = |t: &str| (!t.trim().is_empty()).then(|| t.trim().to_string());
        Ok(Exercise {
            question: self.question,
            service: self
                .service
                .filter(|_| !self.question.services().is_empty()),
            option: (self.question.needs_option() && !self.option.is_empty())
                .then(|| self.option.clone()),
            scenario: self.scenario,
            tolerance_percent,
            open_fields: self.open.iter().map(|k| k.to_string()).collect(),
            title: text(&self.title),
            hint: text(&self.hint),
        })
    }
}

/// A question's first service that the page can ask it of.
fn first_service(q: Question) -> Option<Service> {
    q.services().first().copied()
}

#[function_component]
pub fn MakeExercise(props: &MakeExerciseProps) -> Html {
    let ids = use_ids();
    let id = |s: &str| ids.of(s);
    let state = &props.state;
    let draft = use_state(|| Draft {
        question: Question::MonthlyCost,
        service: Some(state.service),
        option: String::new(),
        scenario: state.active(),
        tolerance: "10".into(),
        open: vec![],
        title: String::new(),
        hint: String::new(),
    });
    let status = use_state(String::new);
    // Worked out only while the form is open: closed, it costs a keystroke nothing.
    let (open, on_toggle) = use_open();
    if !open {
        return html! {
            <details class="make-exercise" id={id("make-exercise")} ontoggle={on_toggle}>
                <summary>{ "Make an exercise of this page" }</summary>
            </details>
        };
    }
    let mut d = (*draft).clone();
    // The scenario asked about is one of the page's, and not the baseline for a difference.
    let count = state.scenarios().len();
    if d.scenario >= count || (d.question.needs_other_scenario() && d.scenario == state.baseline())
    {
        d.scenario = (0..count)
            .find(|n| !d.question.needs_other_scenario() || *n != state.baseline())
            .unwrap_or(0);
    }
    let edit = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            f(&mut d, v);
            draft.set(d);
        })
    };
    let on_question = edit(|d, v| {
        if let Some(q) = Question::from_id(&v) {
            d.question = q;
            if !d.service.is_some_and(|s| q.services().contains(&s)) {
                d.service = first_service(q);
            }
        }
    });
    let on_service = edit(|d, v| {
        d.service = Service::ALL.into_iter().find(|s| s.code() == v);
        d.open.clear();
    });
    let on_option = edit(|d, v| d.option = v);
    let on_scenario = edit(|d, v| d.scenario = v.parse().unwrap_or(0));
    let on_tolerance = edit(|d, v| d.tolerance = v);
    let on_title = edit(|d, v| d.title = v);
    let on_hint = edit(|d, v| d.hint = v);

    let exercise = d.exercise();
    let worked = exercise
        .as_ref()
        .map_err(|e| e.to_string())
        .and_then(|ex| task_for(state, ex).map(|(set, t)| (ex.clone(), set, t)));
    // The options a question about one EC2 option may name: those of the scenario asked about.
    let ec2_options: Vec<(AttrValue, AttrValue)> = if d.question.needs_option() {
        ec2_options(state, d.scenario)
    } else {
        vec![]
    };
    let questions: Vec<(AttrValue, AttrValue)> = Question::ALL
        .iter()
        .map(|q| (AttrValue::from(q.id()), AttrValue::from(q.label())))
        .collect();
    let services: Vec<(AttrValue, AttrValue)> = d
        .question
        .services()
        .iter()
        .map(|s| (AttrValue::from(s.code()), AttrValue::from(s.title())))
        .collect();
    let scenarios: Vec<(AttrValue, AttrValue)> = (0..state.scenarios().len())
        .filter(|n| !d.question.needs_other_scenario() || *n != state.baseline())
        .map(|n| {
            (
                AttrValue::from(n.to_string()),
                AttrValue::from(state.name_of(n)),
            )
        })
        .collect();
    // The fields a learner may be let change: the service's, else every input and the region.
    let openable: Vec<&'static str> = keys::all()
        .filter(
            |k| match d.service.filter(|_| !d.question.services().is_empty()) {
                Some(v) => k.starts_with(&format!("{}.", v.code())),
                None => true,
            },
        )
        .collect();
    // A link opens the widget's own page; embedded in a host page, the element is what to share.
    let own_page = gloo::utils::document()
        .get_element_by_id(crate::ROOT_ID)
        .is_some();
    let link = worked.as_ref().ok().filter(|_| own_page).map(|(ex, _, _)| {
        let mut s = (**state).clone();
        s.exercise = Some(ex.clone());
        let location = gloo::utils::window().location();
        let page = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        format!("{page}#{}", crate::share::encode(&s))
    });
    let attributes = worked
        .as_ref()
        .ok()
        .and_then(|(ex, set, _)| embed_attributes(state, set, ex));
    let on_copy = {
        let (text, status) = (link.clone().unwrap_or_default(), status.clone());
        Callback::from(move |_: MouseEvent| copy_text(&text, None, status.clone()))
    };
    let on_try = {
        let (a, ex) = (
            props.on_action.clone(),
            worked.as_ref().ok().map(|(e, _, _)| e.clone()),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(ex) = ex.clone() {
                a.emit(Action::SetExercise(Some(Box::new(ex))));
            }
        })
    };
    html! {
        <details class="make-exercise" id={id("make-exercise")} open=true ontoggle={on_toggle}>
            <summary>{ "Make an exercise of this page" }</summary>
            <p class="hint">{ "The learner sees the workload and the question, answers, then steps through the working. The link carries the question, never its answer." }</p>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <SelectField id={id("exercise-question")} label="Question" options={questions}
                    value={AttrValue::from(d.question.id())} on_change={on_question} />
                if !services.is_empty() {
                    <SelectField id={id("exercise-service")} label="Of the service" options={services}
                        value={AttrValue::from(d.service.map(|s| s.code()).unwrap_or_default())} on_change={on_service} />
                }
                if d.question.needs_option() {
                    <SelectField id={id("exercise-option")} label="EC2 purchasing option"
                        options={std::iter::once((AttrValue::from(""), AttrValue::from("Choose an option"))).chain(ec2_options).collect::<Vec<_>>()}
                        value={AttrValue::from(d.option.clone())} on_change={on_option} />
                }
                if scenarios.len() > 1 {
                    <SelectField id={id("exercise-scenario")} label="Scenario asked about" options={scenarios}
                        value={AttrValue::from(d.scenario.to_string())} on_change={on_scenario} />
                }
                <NumberField id={id("exercise-tolerance")} label="Right within" unit="%"
                    hint={AttrValue::from("Within twice this is close")}
                    value={AttrValue::from(d.tolerance.clone())} on_input={on_tolerance} />
                <fieldset class="open-fields">
                    <legend>{ "The learner may change" }</legend>
                    { for openable.iter().map(|&k| {
                        let checked = d.open.contains(&k);
                        let draft = draft.clone();
                        let field = id(&format!("exercise-open-{}", k.replace(['.', '[', ']'], "-")));
                        html! {
                            <div class="field checkbox">
                                <input id={field.clone()} type="checkbox" checked={checked}
                                    onchange={move |e: Event| {
                                        let t: web_sys::HtmlInputElement = e.target_unchecked_into();
                                        let mut d = (*draft).clone();
                                        d.open.retain(|o| *o != k);
                                        if t.checked() { d.open.push(k); }
                                        draft.set(d);
                                    }} />
                                <label for={field}>{ label_of(k).unwrap_or(k) }
                                    <span class="vh">{ " (the learner may change it)" }</span></label>
                            </div>
                        }
                    }) }
                </fieldset>
                { text_field(&id("exercise-title-text"), "Title (optional)", &d.title, on_title) }
                { text_field(&id("exercise-hint-text"), "Hint (optional)", &d.hint, on_hint) }
            </form>
            <div class="made" aria-live="polite">
                { match &worked {
                    Ok((_, _, task)) => html! {
                        <>
                            <p id={id("exercise-preview")}><strong>{ "Asks: " }</strong>{ &task.prompt }</p>
                            <p><strong>{ "Answer (not in the link): " }</strong>{ super::view::answer_said(task) }</p>
                        </>
                    },
                    Err(why) => html! { <p class="error" role="alert" id={id("exercise-make-problem")}>{ why }</p> },
                } }
                if let Some(link) = link {
                    <label for={id("exercise-link")}>{ "Link for the learner" }</label>
                    <input id={id("exercise-link")} type="text" readonly=true value={link} />
                    <button type="button" id={id("exercise-copy-link")} onclick={on_copy}>{ "Copy the link" }</button>
                    <button type="button" id={id("exercise-try")} onclick={on_try}>{ "Answer it here" }</button>
                    <span role="status">{ (*status).clone() }</span>
                }
                if let Some(attrs) = attributes {
                    <label for={id("exercise-embed")}>{ "To embed it in a lesson page" }</label>
                    <textarea id={id("exercise-embed")} readonly=true rows="3" value={attrs} />
                }
            </div>
        </details>
    }
}

fn text_field(id: &AttrValue, label: &'static str, value: &str, on: Callback<String>) -> Html {
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <input id={id.clone()} type="text" autocomplete="off" value={value.to_string()}
                oninput={move |e: InputEvent| {
                    let t: web_sys::HtmlInputElement = e.target_unchecked_into();
                    on.emit(t.value());
                }} />
        </div>
    }
}

/// The EC2 purchasing options of scenario `n` that have a figure, as `(id, label)`.
fn ec2_options(state: &State, n: usize) -> Vec<(AttrValue, AttrValue)> {
    let Some(s) = state.scenarios().get(n) else {
        return vec![];
    };
    let Ok(pricing) = Ec2Form::pricing() else {
        return vec![];
    };
    match s.ec2.evaluate(pricing, s.region) {
        Ok(r) => r
            .options
            .iter()
            .filter(|o| o.id != "on-demand" && o.horizon_total_usd.is_some())
            .map(|o| {
                (
                    AttrValue::from(o.id.clone()),
                    AttrValue::from(o.label.clone()),
                )
            })
            .collect(),
        Err(_) => vec![],
    }
}

/// The embed element for a one-scenario exercise: `data-workload` and `data-exercise` (a
/// question about several scenarios needs the link).
fn embed_attributes(state: &State, set: &ScenarioSet, ex: &Exercise) -> Option<String> {
    if state.scenarios().len() > 1 {
        return None;
    }
    let workload = serde_json::to_string(&set.scenarios.first()?.workload).ok()?;
    let exercise = serde_json::to_string(ex).ok()?;
    let quote = |t: &str| t.replace('&', "&amp;").replace('\'', "&#39;");
    Some(format!(
        "<div data-awscost data-workload='{}' data-exercise='{}'></div>",
        quote(&workload),
        quote(&exercise)
    ))
}
