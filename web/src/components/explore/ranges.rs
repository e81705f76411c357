//! What moves the bill: the range toggle beside each number field, and the answer below the
//! panel — the cost band of each service and of the total, and the tornado chart of each ranged
//! input swung from low to high (the others at likely), with the table behind it and the working.

use crate::components::chart::{c, cents, usd_tick};
use crate::components::scroll_x;
use crate::hooks::use_ids;
use crate::state::ranges::{self, RangeText, RangeTexts};
use crate::state::{label_of, Action, Service, State};
use awscost::error::FieldError;
use awscost::explore::ranges::{Band, Bands, Sensitivity, MAX_RANGES};
use awscost::money::qty;
use awscost::Workload;
use std::rc::Rc;
use yew::prelude::*;

/// What the range toggles read and send: the active scenario's ranges, the problems of each
/// (`ranges.<path>`), and the action that sets or clears one.
#[derive(Clone, PartialEq)]
pub struct Ranging {
    pub ranges: RangeTexts,
    pub errors: Rc<Vec<FieldError>>,
    pub on_range: Callback<(&'static str, Option<RangeText>)>,
    /// One end of a range as typed: (input, high?, text).
    pub on_end: Callback<(&'static str, bool, String)>,
}

#[derive(Properties, PartialEq)]
pub struct RangeToggleProps {
    /// The number field's element id (the range fields' ids start with it).
    pub id: AttrValue,
    pub label: AttrValue,
    /// The input's workload JSON path.
    pub key_path: &'static str,
}

/// "Range" beside a number field: pressed, the field's value is the likely one and a low and a
/// high field appear below it.
#[function_component]
pub fn RangeToggle(props: &RangeToggleProps) -> Html {
    let Some(ctx) = use_context::<Ranging>() else {
        return Html::default();
    };
    let key = props.key_path;
    let on = ctx.ranges.get(key).cloned();
    let full = on.is_none() && ctx.ranges.len() >= MAX_RANGES;
    let toggle = {
        let (cb, on) = (ctx.on_range.clone(), on.is_some());
        let value_id = props.id.to_string();
        Callback::from(move |_: MouseEvent| {
            let likely = gloo::utils::document()
                .get_element_by_id(&value_id)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
                .map(|i| i.value())
                .unwrap_or_default();
            cb.emit((
                key,
                (!on).then(|| RangeText {
                    low: likely.clone(),
                    high: likely,
                }),
            ));
        })
    };
    let error = ctx
        .errors
        .iter()
        .find(|e| e.field.strip_prefix("ranges.") == Some(key))
        .map(FieldError::message);
    let (low_id, high_id, error_id) = (
        format!("{}-low", props.id),
        format!("{}-high", props.id),
        format!("{}-range-error", props.id),
    );
    let set = |high: bool| {
        let cb = ctx.on_end.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit((key, high, input.value()));
        })
    };
    let described = error.is_some().then(|| error_id.clone());
    html! {
        <div class="range">
            <button type="button" class="link range-toggle" aria-pressed={if on.is_some() { "true" } else { "false" }}
                disabled={full} title={full.then(|| format!("At most {MAX_RANGES} inputs can be ranges at once."))}
                aria-label={format!("Range for {}: low, likely, high", props.label)} onclick={toggle}>
                { "Range" }
            </button>
            if let Some(r) = &on {
                <span class="range-ends">
                    <label for={low_id.clone()}><span class="vh">{ format!("{}: ", props.label) }</span>{ "low" }</label>
                    <input id={low_id} type="text" inputmode="decimal" autocomplete="off" value={r.low.clone()}
                        oninput={set(false)} aria-invalid={error.is_some().then_some("true")} aria-describedby={described.clone()} />
                    <label for={high_id.clone()}><span class="vh">{ format!("{}: ", props.label) }</span>{ "high" }</label>
                    <input id={high_id} type="text" inputmode="decimal" autocomplete="off" value={r.high.clone()}
                        oninput={set(true)} aria-invalid={error.is_some().then_some("true")} aria-describedby={described} />
                </span>
                if let Some(e) = error { <small id={error_id} class="error" role="alert">{ e }</small> }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct WithRangesProps {
    pub state: Rc<State>,
    pub on_action: Callback<Action>,
    /// The panel: its number fields offer the range toggle.
    pub children: Html,
}

/// The active scenario's workload for the band: the sections the comparison counts and those
/// with a ranged input, with its ranges; or every field that cannot be read.
fn workload(state: &State) -> Result<Workload, Vec<FieldError>> {
    let counted = state.counted_services();
    let has_range = |s: Service| state.ranges.keys().any(|k| k.starts_with(s.code()));
    let on = |s: Service| counted.contains(&s) || has_range(s);
    let (mut w, mut errors) = state.workload_of(on);
    w.ranges = match ranges::read(&state.ranges, |k| {
        Service::ALL
            .into_iter()
            .any(|s| on(s) && k.starts_with(s.code()))
    }) {
        Ok(r) => r,
        Err(e) => {
            errors.extend(e);
            Default::default()
        }
    };
    if errors.is_empty() {
        Ok(w)
    } else {
        Err(errors)
    }
}

type Answer = Result<Option<(Bands, Vec<Sensitivity>)>, Vec<FieldError>>;

/// The panel with range toggles on its number fields, then what the ranges answer.
#[function_component]
pub fn WithRanges(props: &WithRangesProps) -> Html {
    let read = workload(&props.state);
    // Figures priced on earlier changes: a keystroke in one service reprices only its points.
    let prices = use_mut_ref(awscost::explore::ranges::Prices::default);
    let answer: Rc<Answer> = {
        let w = read.clone().ok();
        use_memo(w, move |w| match w {
            Some(w) => awscost::explore::ranges::bands_with(w, &mut prices.borrow_mut()),
            None => Ok(None),
        })
    };
    let errors: Vec<FieldError> = match (&read, answer.as_ref()) {
        (Err(e), _) | (_, Err(e)) => e.clone(),
        _ => vec![],
    };
    let ctx = Ranging {
        ranges: props.state.ranges.clone(),
        errors: Rc::new(
            errors
                .iter()
                .filter(|e| e.field.starts_with("ranges."))
                .cloned()
                .collect(),
        ),
        on_range: props.on_action.reform(|(k, r)| Action::SetRange(k, r)),
        on_end: props
            .on_action
            .reform(|(k, h, t)| Action::SetRangeEnd(k, h, t)),
    };
    let clear = props
        .on_action
        .reform(|k: &'static str| Action::SetRange(k, None));
    html! {
        <ContextProvider<Ranging> context={ctx}>
            { props.children.clone() }
            <RangeAnswer answer={answer} ranged={props.state.ranges.len()} read_ok={read.is_ok()}
                others={Rc::new(errors.into_iter().filter(|e| !e.field.starts_with("ranges.")).collect::<Vec<_>>())}
                on_clear={clear} keys={props.state.ranges.keys().copied().collect::<Vec<_>>()} />
        </ContextProvider<Ranging>>
    }
}

#[derive(Properties, PartialEq)]
struct RangeAnswerProps {
    answer: Rc<Answer>,
    ranged: usize,
    read_ok: bool,
    others: Rc<Vec<FieldError>>,
    keys: Vec<&'static str>,
    on_clear: Callback<&'static str>,
}

/// An input's name as the panels label it, else its path.
fn name(path: &str) -> String {
    label_of(path).map_or_else(|| path.to_string(), str::to_string)
}

fn usd(u: Option<awscost::Usd>) -> String {
    u.map_or_else(|| "—".into(), |u| u.to_string())
}

/// "What moves the bill": the bands, the tornado and its table, the working.
#[function_component]
fn RangeAnswer(props: &RangeAnswerProps) -> Html {
    let ids = use_ids();
    let title = ids.of("ranges-title");
    let head = html! { <h2 id={title.clone()}>{ "What moves the bill" }</h2> };
    if props.ranged == 0 {
        return html! {
            <div class="ranges">
                { head }
                <p class="hint">{ format!("Press \u{201c}Range\u{201d} beside any number above to give it as low, likely and high (up to {MAX_RANGES} inputs): each service's cost band and a tornado chart of what moves the monthly total appear here.") }</p>
            </div>
        };
    }
    let body = match props.answer.as_ref() {
        _ if !props.read_ok && !props.others.is_empty() => html! {
            <p class="error" role="status">{ format!("Fix the fields above to see the band ({}).", props.others.iter().map(crate::state::said).collect::<Vec<_>>().join("; ")) }</p>
        },
        Err(e) if e.iter().all(|e| e.field.starts_with("ranges.")) => html! {
            <p class="error" role="status">{ "Fix the ranges marked above (low ≤ the field's value ≤ high) to see the band." }</p>
        },
        Err(e) => html! {
            <p class="error" role="status">{ e.iter().map(crate::state::said).collect::<Vec<_>>().join("; ") }</p>
        },
        Ok(None) => {
            html! { <p class="hint">{ "The ranged inputs belong to services this comparison does not count." }</p> }
        }
        Ok(Some((bands, bars))) => html! { <>
            { band_table(bands) }
            { tornado(&ids, bands, bars) }
            <h3>{ "Working" }</h3>
            <ol class="working-steps">
                <li>{ format!("Likely: every input at its value gives {} a month.", usd(bands.total.likely_usd)) }</li>
                <li>{ format!("Every ranged input at its low value: {}; at its high value: {}.", usd(bands.total.at_low_inputs_usd), usd(bands.total.at_high_inputs_usd)) }</li>
                { for bars.iter().map(|b| html! { <li>{ format!("{} {}", name(&b.input), b.said.split_once(": ").map_or(b.said.as_str(), |(_, s)| s)) }</li> }) }
                <li>{ format!("The band runs from the least to the most of these figures: {} to {}.", usd(bands.total.low_usd), usd(bands.total.high_usd)) }</li>
            </ol>
        </> },
    };
    html! {
        <div class="ranges">
            { head }
            <ul class="ranged-inputs" aria-label="Inputs given as ranges">
                { for props.keys.iter().map(|&k| {
                    let cb = props.on_clear.clone();
                    html! { <li>{ name(k) }{ " " }
                        <button type="button" class="link" aria-label={format!("Give {} as one number again", name(k))}
                            onclick={Callback::from(move |_: MouseEvent| cb.emit(k))}>{ "one number" }</button></li> }
                }) }
            </ul>
            { body }
        </div>
    }
}

fn band_row(label: &str, measure: &str, b: &Band) -> Html {
    html! { <tr>
        <th scope="row">{ label }<small class="unit">{ format!(" ({measure})") }</small></th>
        <td class="num">{ usd(b.at_low_inputs_usd) }</td>
        <td class="num">{ usd(b.likely_usd) }</td>
        <td class="num">{ usd(b.at_high_inputs_usd) }</td>
        <td class="num">{ format!("{} – {}", usd(b.low_usd), usd(b.high_usd)) }</td>
    </tr> }
}

fn band_table(bands: &Bands) -> Html {
    scroll_x(
        "Cost band by service",
        html! {
            <table class="band">
                <caption>{ "Cost band: every ranged input at low, likely and high" }</caption>
                <thead><tr>
                    <th scope="col">{ "Service" }</th><th scope="col" class="num">{ "All low" }</th>
                    <th scope="col" class="num">{ "Likely" }</th><th scope="col" class="num">{ "All high" }</th>
                    <th scope="col" class="num">{ "Band" }</th>
                </tr></thead>
                <tbody>
                    { for bands.services.iter().map(|s| band_row(s.service.title(), s.measure, &s.band)) }
                </tbody>
                <tfoot>{ band_row("Total", "a month", &bands.total) }</tfoot>
            </table>
        },
    )
}

/// The tornado: a bar per ranged input from its total at low to its total at high, around the
/// likely total, largest swing at the top.
fn tornado(ids: &crate::hooks::Ids, bands: &Bands, bars: &[Sensitivity]) -> Html {
    let (w, left, right, row, top): (f64, f64, f64, f64, f64) = (640.0, 200.0, 620.0, 28.0, 24.0);
    let figures: Vec<f64> = bars
        .iter()
        .flat_map(|b| [b.at_low_usd, b.at_high_usd])
        .chain([bands.total.likely_usd])
        .flatten()
        .map(|u| cents(u) / 100.0)
        .collect();
    let lo = figures.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = figures.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (0.0, lo.max(1.0) * 2.0)
    };
    let x = |v: f64| left + (v - lo) / (hi - lo) * (right - left);
    let h = top + row * bars.len() as f64 + 30.0;
    let likely = bands.total.likely_usd.map(|u| cents(u) / 100.0);
    let first = bars.first();
    html! {
        <figure class="chart tornado">
            <svg viewBox={format!("0 0 {} {}", w as i64, h as i64)} role="img" aria-labelledby={ids.list(&["tornado-title", "tornado-desc"])}>
                <title id={ids.of("tornado-title")}>{ "What moves the monthly total: each ranged input from low to high, the others at likely" }</title>
                <desc id={ids.of("tornado-desc")}>{ match first {
                    Some(t) => format!("{} moves the total most: {} to {}.", name(&t.input), usd(t.at_low_usd), usd(t.at_high_usd)),
                    None => String::new(),
                } }</desc>
                { for bars.iter().enumerate().map(|(n, b)| {
                    let y = top + row * n as f64;
                    let label = html! { <text class="tick" x={c(left - 8.0)} y={c(y + row / 2.0 + 4.0)} text-anchor="end">{ name(&b.input) }</text> };
                    match (b.at_low_usd, b.at_high_usd) {
                        (Some(a), Some(z)) => {
                            let (a, z) = (cents(a) / 100.0, cents(z) / 100.0);
                            let (l, r) = (x(a.min(z)), x(a.max(z)));
                            html! { <>
                                { label }
                                <rect class={classes!("bar", if z >= a { "up" } else { "down" })} x={c(l)} y={c(y + 4.0)} width={c((r - l).max(1.0))} height={c(row - 8.0)} />
                                <text class="tick" x={c(x(a) + if z >= a { -3.0 } else { 3.0 })} y={c(y + row / 2.0 + 4.0)} text-anchor={if z >= a { "end" } else { "start" }}>{ qty(b.low) }</text>
                                <text class="tick" x={c(x(z) + if z >= a { 3.0 } else { -3.0 })} y={c(y + row / 2.0 + 4.0)} text-anchor={if z >= a { "start" } else { "end" }}>{ qty(b.high) }</text>
                            </> }
                        }
                        _ => html! { <>{ label }<text class="tick" x={c(left)} y={c(y + row / 2.0 + 4.0)}>{ "cannot be priced at both ends" }</text></> },
                    }
                }) }
                if let Some(l) = likely {
                    <line class="likely" x1={c(x(l))} y1={c(top - 6.0)} x2={c(x(l))} y2={c(h - 26.0)} />
                    <text class="tick" x={c(x(l))} y={c(top - 10.0)} text-anchor="middle">{ format!("likely {}", usd(bands.total.likely_usd)) }</text>
                }
                <text class="tick" x={c(left)} y={c(h - 8.0)} text-anchor="start">{ usd_tick(lo) }</text>
                <text class="tick" x={c(right)} y={c(h - 8.0)} text-anchor="end">{ usd_tick(hi) }</text>
            </svg>
            <figcaption>{ "Monthly total with one input at its low and at its high value (the labels at the bar ends), the others at likely; largest swing first." }</figcaption>
            <details>
                <summary>{ "Chart data as a table (what moves the bill)" }</summary>
                { scroll_x("Sensitivity of the monthly total", html! {
                    <table class="sensitivity">
                        <thead><tr>
                            <th scope="col">{ "Input" }</th><th scope="col" class="num">{ "Low" }</th><th scope="col" class="num">{ "Likely" }</th>
                            <th scope="col" class="num">{ "High" }</th><th scope="col" class="num">{ "Total at low" }</th>
                            <th scope="col" class="num">{ "Total at high" }</th><th scope="col" class="num">{ "Swing" }</th>
                        </tr></thead>
                        <tbody>
                            { for bars.iter().map(|b| html! { <tr>
                                <th scope="row">{ name(&b.input) }</th>
                                <td class="num">{ qty(b.low) }</td><td class="num">{ qty(b.likely) }</td><td class="num">{ qty(b.high) }</td>
                                <td class="num">{ usd(b.at_low_usd) }</td><td class="num">{ usd(b.at_high_usd) }</td>
                                <td class="num">{ b.swing_usd.map_or_else(|| b.note.clone().unwrap_or_default(), |s| s.to_string()) }</td>
                            </tr> }) }
                        </tbody>
                    </table>
                }) }
            </details>
        </figure>
    }
}
