//! Cumulative cost over the horizon for the EC2 options the user picks, as an SVG chart with a
//! table behind it.

use crate::components::chart::{c, cents, Shared};
use crate::hooks::{use_ids, use_open};
use awscost::ec2::Ec2Result;
use awscost::Usd;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Ec2ChartProps {
    pub result: Shared<Ec2Result>,
    /// Option ids to draw (`mixed` for the mixed strategy).
    pub picks: Vec<String>,
}

const LEFT: f64 = 76.0;
const RIGHT: f64 = 616.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 220.0;
/// Distinct line styles; series beyond these reuse them.
const STYLES: usize = 6;

/// The picked series that have figures: `(label, cumulative cost by month)`.
pub fn series<'a>(r: &'a Ec2Result, picks: &[String]) -> Vec<(&'a str, &'a [Usd])> {
    picks
        .iter()
        .filter_map(|id| {
            if id == "mixed" {
                r.mixed
                    .as_ref()
                    .map(|m| ("Mixed strategy", m.cumulative_usd.as_slice()))
            } else {
                r.options
                    .iter()
                    .find(|o| &o.id == id && !o.cumulative_usd.is_empty())
                    .map(|o| (o.label.as_str(), o.cumulative_usd.as_slice()))
            }
        })
        .collect()
}

#[function_component]
pub fn Ec2Chart(props: &Ec2ChartProps) -> Html {
    let ids = use_ids();
    // The table behind the chart is drawn only while it is open.
    let (open, on_toggle) = use_open();
    let r = &props.result.0;
    let lines = series(r, &props.picks);
    if lines.is_empty() {
        return html! { <p class="chart-empty">{ "Tick an option with figures in the table to draw its cumulative cost." }</p> };
    }
    let months = r.horizon_months.max(1);
    let max = lines
        .iter()
        .flat_map(|(_, c)| c.iter().map(|u| cents(*u)))
        .fold(100.0, f64::max)
        * 1.05;
    let x = |m: u32| LEFT + f64::from(m) / f64::from(months) * (RIGHT - LEFT);
    let y = |v: f64| BOTTOM - v / max * (BOTTOM - TOP);
    let step = if months > 12 { 6 } else { 3 };
    let rows_step = if months > 12 { 3 } else { 1 };
    html! {
        <figure class="chart ec2-chart" id={ids.of("ec2-chart")}>
            <svg viewBox="0 0 640 262" role="img" aria-labelledby={ids.of("ec2-chart-title")}>
                <title id={ids.of("ec2-chart-title")}>{ format!("Cumulative cost over {months} months: {}",
                    lines.iter().map(|(l, c)| format!("{l} {}", c.last().copied().unwrap_or_default())).collect::<Vec<_>>().join("; ")) }</title>
                <line class="axis" x1={c(LEFT)} y1={c(BOTTOM)} x2={c(RIGHT)} y2={c(BOTTOM)} />
                <line class="axis" x1={c(LEFT)} y1={c(TOP)} x2={c(LEFT)} y2={c(BOTTOM)} />
                { for (0..=months).step_by(step).map(|m| html! {
                    <text class="tick" x={c(x(m))} y={c(BOTTOM + 16.0)} text-anchor="middle">{ m }</text>
                }) }
                { for [0.0, 0.5, 1.0].iter().map(|f| html! {
                    <text class="tick" x={c(LEFT - 6.0)} y={c(y(f * max) + 4.0)} text-anchor="end">
                        { Usd(Decimal::new((f * max).round() as i64, 2)).to_string() }</text>
                }) }
                <text class="axis-label" x={c((LEFT + RIGHT) / 2.0)} y="256" text-anchor="middle">{ "Month" }</text>
                { for lines.iter().enumerate().map(|(i, (label, cum))| {
                    let points: String = cum.iter().enumerate()
                        .map(|(m, u)| format!("{},{} ", c(x(m as u32)), c(y(cents(*u)))))
                        .collect();
                    html! { <polyline class={format!("series s{}", i % STYLES)} points={points}>
                        <title>{ *label }</title></polyline> }
                }) }
            </svg>
            <figcaption>
                { for lines.iter().enumerate().map(|(i, (label, _))| html! {
                    <span class={format!("key s{}", i % STYLES)}>{ format!("— {label}") }</span>
                }) }
            </figcaption>
            <details ontoggle={on_toggle}>
                <summary>{ "Chart data as a table" }</summary>
                if open {
                    <table class="cumulative">
                        <thead><tr>
                            <th scope="col">{ "End of month" }</th>
                            { for lines.iter().map(|(l, _)| html! { <th scope="col" class="num">{ *l }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for (0..=months).filter(|m| m % rows_step == 0).map(|m| html! { <tr>
                                <th scope="row">{ if m == 0 { "start".to_string() } else { m.to_string() } }</th>
                                { for lines.iter().map(|(_, cum)| html! {
                                    <td class="num">{ cum.get(m as usize).map(ToString::to_string).unwrap_or_default() }</td>
                                }) }
                            </tr> }) }
                        </tbody>
                    </table>
                }
            </details>
        </figure>
    }
}
