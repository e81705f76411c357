//! Spot with interruptions: what [`awscost::ec2::interruptions`] answers for the panel's
//! workload: the effective Spot month once lost work is run again, against On-Demand and the
//! best commitment, the rates where it crosses them, a chart of the month against the rate (with
//! the table behind it) and the working.

use crate::components::chart::c;
use crate::components::chart::Shared;
use crate::components::fields::{NumberField, SelectField};
use crate::components::working::LineItems;
use crate::hooks::{error_for, use_ids, use_open};
use awscost::ec2::interruptions::{
    spot_interruptions_of, Crossing, InterruptionAsk, InterruptionBand, SpotInterruptions,
};
use awscost::ec2::{Ec2Pricing, Ec2Result};
use awscost::error::{FieldError, Problem};
use awscost::money::{parse_number, qty};
use awscost::{Region, Usd};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

const HEADING: &str = "Spot with interruptions";

#[derive(Properties, PartialEq)]
pub struct InterruptionsPanelProps {
    pub pricing: &'static Ec2Pricing,
    pub region: Region,
    /// The panel's comparison (its On-Demand and commitments, its count and hours).
    pub result: Shared<Ec2Result>,
}

/// What the person typed; the band's code, or empty for a rate of their own.
#[derive(Clone, PartialEq)]
struct Inputs {
    band: String,
    per_day: String,
    checkpoint: String,
    restart: String,
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            band: InterruptionBand::Under5.code().into(),
            per_day: "1".into(),
            checkpoint: "60".into(),
            restart: "5".into(),
        }
    }
}

/// The request read from the inputs, or the fields that are not numbers.
fn ask(i: &Inputs) -> Result<InterruptionAsk, Vec<FieldError>> {
    let mut errors = vec![];
    let mut num = |text: &str, field: &str| match parse_number(text) {
        Some(d) => d,
        None => {
            errors.push(FieldError::new(
                format!("spot_interruptions.{field}"),
                Problem::NotANumber,
            ));
            Decimal::ZERO
        }
    };
    let band = InterruptionBand::from_code(&i.band);
    let per_day = band
        .is_none()
        .then(|| num(&i.per_day, "interruptions_per_day"));
    let checkpoint = num(&i.checkpoint, "checkpoint_minutes");
    let restart = num(&i.restart, "restart_minutes");
    if errors.is_empty() {
        Ok(InterruptionAsk {
            interruptions_per_day: per_day,
            band,
            checkpoint_minutes: checkpoint,
            restart_minutes: restart,
        })
    } else {
        Err(errors)
    }
}

const H: f64 = 290.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 560.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 244.0;

/// A display coordinate from an exact value (to the ten-thousandth; display only).
fn f(d: Decimal) -> f64 {
    (d * Decimal::from(10_000))
        .round()
        .to_i64()
        .map_or(f64::MAX, |v| v as f64 / 10_000.0)
}

fn rate_text(d: Decimal) -> String {
    qty(d.round_dp(4))
}

fn crossing_text(c: &Crossing) -> String {
    match c.interruptions_per_day {
        Some(r) if r.is_zero() => "already at no interruptions".into(),
        Some(r) => format!("{} interruptions per instance-day", rate_text(r)),
        None => "never".into(),
    }
}

#[function_component]
pub fn InterruptionsPanel(props: &InterruptionsPanelProps) -> Html {
    let ids = use_ids();
    let inputs = use_state(Inputs::default);
    // Worked out only while open: closed, it costs a keystroke nothing.
    let (open, on_toggle) = use_open();
    let answer = use_memo(
        (props.region, props.result.clone(), (*inputs).clone(), open),
        |(region, r, i, open)| {
            open.then(|| {
                ask(i).and_then(|a| spot_interruptions_of(props.pricing, *region, &r.0, &a))
            })
        },
    );
    let id = |s: &str| ids.of(&format!("ec2-int-{s}"));
    let set = |f: fn(&mut Inputs, String)| {
        let inputs = inputs.clone();
        Callback::from(move |v: String| {
            let mut next = (*inputs).clone();
            f(&mut next, v);
            inputs.set(next);
        })
    };
    let Some(answer) = &*answer else {
        return html! {
            <section class="explore interruptions" id={id("box")} aria-labelledby={id("heading")}>
                <details ontoggle={on_toggle}>
                    <summary id={id("open")}><h3 id={id("heading")}>{ HEADING }</h3></summary>
                </details>
            </section>
        };
    };
    let errors: &[FieldError] = match answer {
        Err(e) => e,
        Ok(_) => &[],
    };
    let mut bands: Vec<(AttrValue, AttrValue)> = vec![(
        AttrValue::Static(""),
        AttrValue::Static("My own rate (interruptions per day)"),
    )];
    bands.extend(InterruptionBand::ALL.iter().map(|b| {
        (
            AttrValue::Static(b.code()),
            AttrValue::from(format!("Spot Instance Advisor band {}", b.name())),
        )
    }));
    let general: Vec<&FieldError> = errors
        .iter()
        .filter(|e| !e.field.starts_with("spot_interruptions."))
        .collect();
    html! {
        <section class="explore interruptions" id={id("box")} aria-labelledby={id("heading")}>
            <details open=true ontoggle={on_toggle}>
            <summary id={id("open")}><h3 id={id("heading")}>{ HEADING }</h3></summary>
            <div class="inputs">
                <SelectField id={id("band")} label="Interruption frequency" options={bands}
                    value={AttrValue::from(inputs.band.clone())} on_change={set(|i, v| i.band = v)} />
                if inputs.band.is_empty() {
                    <NumberField id={id("per-day")} label="Interruptions per instance per day of running"
                        value={AttrValue::from(inputs.per_day.clone())} hint={AttrValue::Static("0 – 24")}
                        error={error_for(errors, "spot_interruptions.interruptions_per_day")}
                        on_input={set(|i, v| i.per_day = v)} />
                }
                <NumberField id={id("checkpoint")} label="Checkpoint every" unit="minutes"
                    value={AttrValue::from(inputs.checkpoint.clone())}
                    hint={AttrValue::Static("Work since the last checkpoint is lost: half an interval on average; 0 = continuous")}
                    error={error_for(errors, "spot_interruptions.checkpoint_minutes")}
                    on_input={set(|i, v| i.checkpoint = v)} />
                <NumberField id={id("restart")} label="Restart takes" unit="minutes"
                    value={AttrValue::from(inputs.restart.clone())}
                    error={error_for(errors, "spot_interruptions.restart_minutes")}
                    on_input={set(|i, v| i.restart = v)} />
            </div>
            { for general.iter().map(|e| html! { <p class="error" role="alert">{ e.message() }</p> }) }
            if let Ok(s) = answer {
                { figures(s, &id) }
            }
            </details>
        </section>
    }
}

fn figures(s: &SpotInterruptions, id: &dyn Fn(&str) -> AttrValue) -> Html {
    let Some(effective) = s.effective_monthly_usd else {
        return html! {
            <p class="notice" id={id("reason")}>{ s.reason.clone().unwrap_or_default() }</p>
        };
    };
    let od = s.on_demand.as_ref();
    let best = s.best_commitment.as_ref();
    html! {
        <>
        <p class="hint" id={id("rate")}>{ &s.rate_basis }{ ". " }
            <a href={s.advisor_url} target="_blank" rel="noopener noreferrer">{ "Spot Instance Advisor" }</a></p>
        <div class="cards">
            <div class="card">
                <h4>{ "Spot, with the re-run" }</h4>
                <p class="figure" id={id("effective")}>{ effective.to_string() }<span class="period">{ " a month" }</span></p>
                <p>{ format!("{} interruptions a month × {} h lost each = {} instance-hours run again; {} with no interruptions",
                    qty(s.interruptions_per_month.round_dp(4)), qty(s.lost_hours_per_interruption.round_dp(4)),
                    qty(s.rerun_hours_per_month.round_dp(4)),
                    s.spot_monthly_usd.map(|u| u.to_string()).unwrap_or_default()) }</p>
                <p class="hint">{ format!("Spot rate: {}", s.spot_rate_basis.clone().unwrap_or_default()) }</p>
            </div>
            <div class="card">
                <h4>{ "On-Demand" }</h4>
                <p class="figure" id={id("on-demand")}>{ od.map(|b| b.monthly_usd.to_string()).unwrap_or_else(|| "no rate".into()) }<span class="period">{ " a month" }</span></p>
                <p id={id("cross-on-demand")}>{ "Spot costs more above: " }
                    <strong>{ s.crosses_on_demand.as_ref().map(crossing_text).unwrap_or_else(|| "—".into()) }</strong></p>
            </div>
            <div class="card">
                <h4>{ best.map(|b| format!("Best commitment: {}", b.label)).unwrap_or_else(|| "Best commitment".into()) }</h4>
                <p class="figure" id={id("commitment")}>{ best.map(|b| b.monthly_usd.to_string()).unwrap_or_else(|| "none suitable".into()) }
                    if best.is_some() { <span class="period">{ " a month, amortised" }</span> }</p>
                <p id={id("cross-commitment")}>{ "Spot costs more above: " }
                    <strong>{ s.crosses_commitment.as_ref().map(crossing_text).unwrap_or_else(|| "—".into()) }</strong></p>
            </div>
        </div>
        { chart(s, id) }
        <details>
            <summary>{ "Working" }</summary>
            <LineItems lines={s.lines.clone()} total={effective}
                caption={AttrValue::from("Spot with interruptions, a month")} />
            { for [s.crosses_on_demand.as_ref(), s.crosses_commitment.as_ref()].into_iter().flatten().map(|c| html! { <p>{ &c.note }</p> }) }
            <p class="hint">{ s.model }</p>
        </details>
        </>
    }
}

fn chart(s: &SpotInterruptions, id: &dyn Fn(&str) -> AttrValue) -> Html {
    let (Some(first), Some(last)) = (s.points.first(), s.points.last()) else {
        return html! {};
    };
    let x_max = last.interruptions_per_day.max(Decimal::new(1, 4));
    let benchmarks: Vec<(&str, &str, Usd, Option<&Crossing>)> = [
        s.on_demand.as_ref().map(|b| {
            (
                "on-demand",
                "On-Demand",
                b.monthly_usd,
                s.crosses_on_demand.as_ref(),
            )
        }),
        s.best_commitment.as_ref().map(|b| {
            (
                "commitment",
                b.label.as_str(),
                b.monthly_usd,
                s.crosses_commitment.as_ref(),
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let y_top = benchmarks
        .iter()
        .map(|b| b.2 .0)
        .chain([last.effective_monthly_usd.0, first.effective_monthly_usd.0])
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE)
        * Decimal::new(11, 1);
    let (xm, ym) = (f(x_max), f(y_top));
    let x = |r: Decimal| LEFT + f(r.min(x_max)) / xm * (RIGHT - LEFT);
    let y = |u: Decimal| BOTTOM - f(u.min(y_top)) / ym * (BOTTOM - TOP);
    let points: String = s
        .points
        .iter()
        .map(|p| {
            format!(
                "{},{}",
                c(x(p.interruptions_per_day)),
                c(y(p.effective_monthly_usd.0))
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let ticks = [0i64, 1, 2, 3, 4];
    html! {
        <figure class="chart interruptions-chart" id={id("chart")}>
            <svg viewBox="0 0 600 290" role="img" aria-labelledby={id("chart-title")}>
                <title id={id("chart-title")}>{ "Spot's effective month against the interruption rate, with On-Demand and the best commitment" }</title>
                <line class="axis" x1={c(LEFT)} y1={c(BOTTOM)} x2={c(RIGHT)} y2={c(BOTTOM)} />
                <line class="axis" x1={c(LEFT)} y1={c(TOP)} x2={c(LEFT)} y2={c(BOTTOM)} />
                { for ticks.iter().map(|&i| {
                    let gx = x_max * Decimal::from(i) / Decimal::from(4);
                    let uy = y_top * Decimal::from(i) / Decimal::from(4);
                    html! { <>
                        <text class="tick" x={c(x(gx))} y={c(BOTTOM + 16.0)} text-anchor="middle">{ rate_text(gx.round_dp(2)) }</text>
                        <text class="tick" x={c(LEFT - 6.0)} y={c(y(uy) + 4.0)} text-anchor="end">{ Usd(uy.round_dp(0)).to_string() }</text>
                    </> }
                }) }
                <text class="axis-label" x={c((LEFT + RIGHT) / 2.0)} y={c(H - 8.0)} text-anchor="middle">{ "Interruptions per instance per day of running" }</text>
                <line class="you" x1={c(x(s.interruptions_per_day))} y1={c(TOP)} x2={c(x(s.interruptions_per_day))} y2={c(BOTTOM)}>
                    <title>{ format!("Your rate: {} a day", rate_text(s.interruptions_per_day)) }</title>
                </line>
                { for benchmarks.iter().map(|(key, label, usd, _)| html! {
                    <line class={classes!("series", "benchmark", *key)} data-series={*key}
                        x1={c(LEFT)} y1={c(y(usd.0))} x2={c(RIGHT)} y2={c(y(usd.0))}>
                        <title>{ format!("{label}: {usd} a month") }</title>
                    </line>
                }) }
                <polyline class="series spot" data-series="spot" points={points} fill="none">
                    <title>{ "Spot with the re-run" }</title>
                </polyline>
                { for benchmarks.iter().filter_map(|(key, label, usd, cr)| {
                    // A crossing beyond the chart's range is in the figures, not drawn.
                    let r = cr.and_then(|c| c.interruptions_per_day).filter(|r| *r <= x_max)?;
                    Some(html! {
                        <g class={classes!("marker", "crossing", *key)}>
                            <circle cx={c(x(r))} cy={c(y(usd.0))} r="6">
                                <title>{ format!("Spot reaches {label} at {} a day", rate_text(r)) }</title>
                            </circle>
                        </g>
                    })
                }) }
            </svg>
            <figcaption>{ "Line: Spot's month with the re-run; flat lines: On-Demand and the best commitment; circles: where Spot reaches them; vertical line: your rate." }</figcaption>
            <details>
                <summary>{ "Chart data as a table (Spot with interruptions)" }</summary>
                { crate::components::scroll_x("Spot's month against the interruption rate", html! {
                    <table class="interruption-points" id={id("points")}>
                        <thead><tr>
                            <th scope="col" class="num">{ "Interruptions per instance-day" }</th>
                            <th scope="col" class="num">{ "Spot, with the re-run, a month" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.points.iter().map(|p| html! { <tr>
                                <td class="num">{ qty(p.interruptions_per_day.round_dp(6)) }</td>
                                <td class="num">{ p.effective_monthly_usd.to_string() }</td>
                            </tr> }) }
                        </tbody>
                    </table>
                }) }
                { crate::components::scroll_x("The Spot Instance Advisor's bands", html! {
                    <table class="interruption-bands" id={id("bands")}>
                        <caption>{ "The Spot Instance Advisor's bands, as the model reads them" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Band" }</th>
                            <th scope="col" class="num">{ "Interruptions per instance-day" }</th>
                            <th scope="col" class="num">{ "Spot, with the re-run, a month" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.bands.iter().map(|b| html! { <tr>
                                <th scope="row">{ b.band.name() }</th>
                                <td class="num">{ qty(b.interruptions_per_day.round_dp(6)) }</td>
                                <td class="num">{ b.effective_monthly_usd.map(|u| u.to_string()).unwrap_or_else(|| "—".into()) }</td>
                            </tr> }) }
                        </tbody>
                    </table>
                }) }
            </details>
        </figure>
    }
}
