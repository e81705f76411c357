//! Monthly cost and modelled duration against memory, as an SVG chart with a table behind it.

use crate::components::chart::{c, cents, push_c, usd_tick, Shared};
use crate::hooks::{use_ids, use_open};
use awscost::lambda::{LambdaOption, LambdaResult, Sweep};
use awscost::money::qty;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    pub result: Shared<LambdaResult>,
}

const H: f64 = 270.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 576.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 224.0;
const MIN_MB: f64 = 128.0;
const MAX_MB: f64 = 10_240.0;
/// Points drawn per line: every 16 MB is finer than the chart's pixels.
const STEP: usize = 16;

fn x(mb: u32) -> f64 {
    LEFT + (f64::from(mb) - MIN_MB) / (MAX_MB - MIN_MB) * (RIGHT - LEFT)
}

fn y(v: f64, max: f64) -> f64 {
    if max <= 0.0 {
        BOTTOM
    } else {
        BOTTOM - v / max * (BOTTOM - TOP)
    }
}

fn dollars(sweep: &Sweep, o: &LambdaOption) -> f64 {
    sweep.cents(o) as f64 / 100.0
}

fn ms(us: u64) -> f64 {
    us as f64 / 1000.0
}

fn fmt_ms(us: u64) -> String {
    qty(Decimal::new(i64::try_from(us).unwrap_or(i64::MAX), 3).round_dp(1))
}

#[function_component]
pub fn CostChart(props: &CostChartProps) -> Html {
    let ids = use_ids();
    // The table behind the chart is drawn only while it is open.
    let (open, on_toggle) = use_open();
    let r = &props.result.0;
    let opts = &r.options;
    let shown: Vec<&LambdaOption> = opts.iter().filter(|o| o.within_timeout).collect();
    if shown.is_empty() {
        return html! { <p>{ "No memory setting finishes within the 15-minute timeout." }</p> };
    }
    // A setting's cents grow with its exact amount (one denominator for the sweep), so the
    // dearest is found without rounding every setting to cents.
    let max_cost = shown
        .iter()
        .max_by_key(|o| o.exact_numerator)
        .map_or(0.0, |o| dollars(opts, o))
        * 1.1;
    let max_ms = shown.iter().map(|o| ms(o.duration_us)).fold(0.0, f64::max) * 1.1;
    let mut path_cost = String::with_capacity(shown.len() / STEP * 16);
    let mut path_ms = String::with_capacity(shown.len() / STEP * 16);
    let last = shown.len() - 1;
    for (i, o) in shown.iter().enumerate() {
        if i % STEP == 0 || i == last {
            let at = x(o.memory_mb);
            for (path, v) in [
                (&mut path_cost, y(dollars(opts, o), max_cost)),
                (&mut path_ms, y(ms(o.duration_us), max_ms)),
            ] {
                push_c(path, at);
                path.push(',');
                push_c(path, v);
                path.push(' ');
            }
        }
    }
    let marker = |mb: u32, usd: f64, class: &'static str, label: String| {
        html! {
            <g class={classes!("marker", class)}>
                <circle cx={c(x(mb))} cy={c(y(usd, max_cost))} r="5">
                    <title>{ label }</title>
                </circle>
            </g>
        }
    };
    let usd = |d: awscost::Usd| cents(d) / 100.0;
    let ticks_x = [128u32, 2048, 4096, 6144, 8192, 10240];
    let ticks_y = [0.0, 0.5, 1.0];

    // The table behind the chart: every 512 MB, plus the marked settings.
    let marked = [
        r.requested.memory_mb,
        r.cheapest.memory_mb,
        r.fastest.memory_mb,
    ];
    let rows = opts
        .iter()
        .filter(|o| o.memory_mb == 128 || o.memory_mb % 512 == 0 || marked.contains(&o.memory_mb));
    html! {
        <figure class="chart">
            <svg viewBox="0 0 640 270" role="img" aria-labelledby={ids.list(&["chart-title", "chart-desc"])}>
                <title id={ids.of("chart-title")}>{ "Monthly cost and modelled duration against memory" }</title>
                <desc id={ids.of("chart-desc")}>{ format!(
                    "Cheapest at {} MB ({}); fastest at {} MB ({} ms); requested {} MB ({}).",
                    r.cheapest.memory_mb, r.cheapest.monthly_usd, r.fastest.memory_mb, fmt_ms(r.fastest.duration_us),
                    r.requested.memory_mb, r.requested.monthly_usd) }</desc>
                <line class="axis" x1={c(LEFT)} y1={c(BOTTOM)} x2={c(RIGHT)} y2={c(BOTTOM)} />
                <line class="axis" x1={c(LEFT)} y1={c(TOP)} x2={c(LEFT)} y2={c(BOTTOM)} />
                <line class="axis" x1={c(RIGHT)} y1={c(TOP)} x2={c(RIGHT)} y2={c(BOTTOM)} />
                { for ticks_x.iter().map(|&m| html! {
                    <text class="tick" x={c(x(m))} y={c(BOTTOM + 16.0)} text-anchor="middle">{ m.to_string() }</text>
                }) }
                { for ticks_y.iter().map(|&f| html! { <>
                    <text class="tick cost" x={c(LEFT - 6.0)} y={c(y(f * max_cost, max_cost) + 4.0)} text-anchor="end">{ usd_tick(f * max_cost) }</text>
                    <text class="tick duration" x={c(RIGHT + 6.0)} y={c(y(f * max_ms, max_ms) + 4.0)} text-anchor="start">{ format!("{} ms", (f * max_ms).round() as i64) }</text>
                </> }) }
                <text class="axis-label" x={c((LEFT + RIGHT) / 2.0)} y={c(H - 6.0)} text-anchor="middle">{ "Memory (MB)" }</text>
                <polyline class="series cost" points={path_cost} />
                <polyline class="series duration" points={path_ms} />
                { marker(r.requested.memory_mb, usd(r.requested.monthly_usd), "requested", format!("Requested: {} MB, {}", r.requested.memory_mb, r.requested.monthly_usd)) }
                { marker(r.fastest.memory_mb, usd(r.fastest.monthly_usd), "fastest", format!("Fastest: {} MB, {} ms, {}", r.fastest.memory_mb, fmt_ms(r.fastest.duration_us), r.fastest.monthly_usd)) }
                { marker(r.cheapest.memory_mb, usd(r.cheapest.monthly_usd), "cheapest", format!("Cheapest: {} MB, {}", r.cheapest.memory_mb, r.cheapest.monthly_usd)) }
            </svg>
            <figcaption>
                <span class="key cost">{ "— monthly cost (left axis)" }</span>
                <span class="key duration">{ "- - modelled duration (right axis)" }</span>
                <span class="key cheapest">{ "● cheapest" }</span>
                <span class="key fastest">{ "● fastest" }</span>
                <span class="key requested">{ "● requested" }</span>
            </figcaption>
            <details ontoggle={on_toggle}>
                <summary>{ "Chart data as a table" }</summary>
                if open {
                    <table class="sweep">
                        <thead><tr>
                            <th scope="col">{ "Memory (MB)" }</th><th scope="col" class="num">{ "Duration (ms)" }</th>
                            <th scope="col" class="num">{ "Billed (ms)" }</th><th scope="col" class="num">{ "Monthly" }</th><th scope="col">{ "Note" }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.map(|o| {
                                let mut notes = vec![];
                                if o.memory_mb == r.cheapest.memory_mb { notes.push("cheapest"); }
                                if o.memory_mb == r.fastest.memory_mb { notes.push("fastest"); }
                                if o.memory_mb == r.requested.memory_mb { notes.push("requested"); }
                                if !o.within_timeout { notes.push("over the 15-minute timeout"); }
                                html! { <tr>
                                    <th scope="row">{ o.memory_mb }</th>
                                    <td class="num">{ fmt_ms(o.duration_us) }</td>
                                    <td class="num">{ o.billed_duration_ms }</td>
                                    <td class="num">{ opts.usd(o).to_string() }</td>
                                    <td>{ notes.join(", ") }</td>
                                </tr> }
                            }) }
                        </tbody>
                    </table>
                }
            </details>
        </figure>
    }
}
