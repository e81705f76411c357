//! Monthly cost of every S3 storage class against the data retrieved a month: one straight line
//! per class (from its curve), the points where the cheapest class changes named, and a table
//! behind the chart.

use crate::components::chart::{c, usd_tick, Shared};
use crate::hooks::{use_ids, use_open};
use awscost::money::{qty, rate};
use awscost::s3::{Curve, S3Option, S3Result, StorageClass};
use awscost::Usd;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct S3ChartProps {
    pub result: Shared<S3Result>,
    /// The retrieval volume of the workload, marked on the chart.
    pub retrieval_gb: Decimal,
}

const H: f64 = 290.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 470.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 244.0;

/// A class name without the "S3 " prefix, for tight spots.
pub fn short(class: StorageClass) -> &'static str {
    class.name().trim_start_matches("S3 ")
}

/// A display coordinate from an exact value (to the hundredth; display only).
fn f(d: Decimal) -> f64 {
    (d * Decimal::ONE_HUNDRED)
        .round()
        .to_i64()
        .map_or(f64::MAX, |v| v as f64 / 100.0)
}

/// The smallest of 1, 2, 5 × 10^k that is at least `v`.
fn nice(v: Decimal) -> Decimal {
    let mut step = Decimal::new(1, 2);
    for _ in 0..30 {
        for m in [1, 2, 5] {
            let n = step * Decimal::from(m);
            if n >= v {
                return n;
            }
        }
        step *= Decimal::TEN;
    }
    v
}

/// GB a month, to two decimals.
pub fn gb(d: Decimal) -> String {
    qty(d.round_dp(2))
}

#[function_component]
pub fn S3Chart(props: &S3ChartProps) -> Html {
    let ids = use_ids();
    // The table behind the chart is drawn only while it is open.
    let (open, on_toggle) = use_open();
    let r = &props.result.0;
    let lines: Vec<(&S3Option, &Curve)> = r
        .options
        .iter()
        .filter_map(|o| o.curve.as_ref().map(|cv| (o, cv)))
        .collect();
    if lines.is_empty() {
        return html! { <p>{ "No class is fully priced in this region, so there is nothing to chart." }</p> };
    }
    let last_change = r
        .cheapest_by_retrieval
        .last()
        .map_or(Decimal::ZERO, |c| c.from_gb);
    let x_max = nice(
        (props.retrieval_gb * Decimal::TWO)
            .max(last_change * Decimal::new(15, 1))
            .max(Decimal::TEN),
    );
    let y_max = nice(
        lines
            .iter()
            .map(|(_, cv)| cv.at(x_max).max(cv.fixed_usd))
            .max()
            .unwrap_or(Decimal::ONE)
            .max(Decimal::ONE),
    );
    let (xm, ym) = (f(x_max), f(y_max));
    let x = |g: Decimal| LEFT + f(g.min(x_max)) / xm * (RIGHT - LEFT);
    let y = |usd: Decimal| BOTTOM - f(usd.min(y_max)) / ym * (BOTTOM - TOP);

    // End labels, nudged apart so they do not overlap.
    let mut labels: Vec<(f64, StorageClass)> = lines
        .iter()
        .map(|(o, cv)| (y(cv.at(x_max)), o.id))
        .collect();
    // Seven labels: an insertion sort, smaller in wasm than the library sort.
    for i in 1..labels.len() {
        let mut j = i;
        while j > 0 && labels[j - 1].0 > labels[j].0 {
            labels.swap(j - 1, j);
            j -= 1;
        }
    }
    for i in 1..labels.len() {
        if labels[i].0 < labels[i - 1].0 + 12.0 {
            labels[i].0 = labels[i - 1].0 + 12.0;
        }
    }

    // Where the cheapest class changes along the axis, named.
    let changes: Vec<_> = r
        .cheapest_by_retrieval
        .windows(2)
        .filter_map(|w| {
            r.break_even.iter().find(|b| {
                b.cheaper_below == w[0].class
                    && b.cheaper_above == w[1].class
                    && b.retrieval_gb_per_month == w[1].from_gb
            })
        })
        .collect();
    let ticks = [0i64, 1, 2, 3, 4];
    html! {
        <figure class="chart s3-chart">
            <svg viewBox="0 0 600 290" role="img" aria-labelledby={ids.of("s3-chart-title")}>
                <title id={ids.of("s3-chart-title")}>{ "Monthly cost of each storage class against the data retrieved a month" }</title>
                <line class="axis" x1={c(LEFT)} y1={c(BOTTOM)} x2={c(RIGHT)} y2={c(BOTTOM)} />
                <line class="axis" x1={c(LEFT)} y1={c(TOP)} x2={c(LEFT)} y2={c(BOTTOM)} />
                { for ticks.iter().map(|&i| {
                    let gx = x_max * Decimal::from(i) / Decimal::from(4);
                    let uy = y_max * Decimal::from(i) / Decimal::from(4);
                    html! { <>
                        <text class="tick" x={c(x(gx))} y={c(BOTTOM + 16.0)} text-anchor="middle">{ qty(gx) }</text>
                        <text class="tick" x={c(LEFT - 6.0)} y={c(y(uy) + 4.0)} text-anchor="end">{ usd_tick(f(uy)) }</text>
                    </> }
                }) }
                <text class="axis-label" x={c((LEFT + RIGHT) / 2.0)} y={c(H - 8.0)} text-anchor="middle">{ "Data retrieved (GB a month)" }</text>
                <line class="you" x1={c(x(props.retrieval_gb))} y1={c(TOP)} x2={c(x(props.retrieval_gb))} y2={c(BOTTOM)}>
                    <title>{ format!("Your workload: {} GB a month", gb(props.retrieval_gb)) }</title>
                </line>
                { for lines.iter().map(|(o, cv)| html! {
                    <line class="series" data-class={o.id.code()}
                        x1={c(x(Decimal::ZERO))} y1={c(y(cv.fixed_usd))} x2={c(x(x_max))} y2={c(y(cv.at(x_max)))}>
                        <title>{ format!("{}: {} a month plus {} per GB retrieved", o.name, Usd(cv.fixed_usd), rate(cv.per_retrieval_gb_usd.round_dp(6))) }</title>
                    </line>
                }) }
                { for labels.iter().map(|(ly, id)| html! {
                    <text class="end-label" data-class={id.code()} x={c(RIGHT + 4.0)} y={c(ly + 4.0)}>{ short(*id) }</text>
                }) }
                { for changes.iter().enumerate().map(|(i, b)| html! {
                    <g class="marker break-even">
                        <circle cx={c(x(b.retrieval_gb_per_month))} cy={c(y(b.monthly_usd.exact()))} r="8" />
                        <text x={c(x(b.retrieval_gb_per_month))} y={c(y(b.monthly_usd.exact()) + 4.0)} text-anchor="middle">{ i + 1 }</text>
                    </g>
                }) }
            </svg>
            <figcaption>
                <span>{ "Dashed vertical line: your retrieval. Numbered points: where the cheapest class changes —" }</span>
                { for changes.iter().enumerate().map(|(i, b)| html! {
                    <span class="break-even-name">{ format!("{}: {} → {} at {} GB a month ({} a month)",
                        i + 1, short(b.cheaper_below), short(b.cheaper_above), gb(b.retrieval_gb_per_month), b.monthly_usd) }</span>
                }) }
                if changes.is_empty() {
                    <span>{ "none: one class is cheapest at every retrieval volume." }</span>
                }
            </figcaption>
            <details ontoggle={on_toggle}>
                <summary>{ "Chart data as a table" }</summary>
                if open {
                    <table class="s3-curves">
                        <thead><tr>
                            <th scope="col">{ "Class" }</th><th scope="col" class="num">{ "Monthly, nothing retrieved" }</th>
                            <th scope="col" class="num">{ "Added per GB retrieved" }</th>
                            <th scope="col" class="num">{ format!("At {} GB a month", gb(x_max)) }</th>
                        </tr></thead>
                        <tbody>
                            { for lines.iter().map(|(o, cv)| html! { <tr>
                                <th scope="row">{ o.name }</th>
                                <td class="num">{ Usd(cv.fixed_usd).to_string() }</td>
                                <td class="num">{ rate(cv.per_retrieval_gb_usd.round_dp(6)) }</td>
                                <td class="num">{ Usd(cv.at(x_max)).to_string() }</td>
                            </tr> }) }
                        </tbody>
                    </table>
                    { crate::components::scroll_x("Where two classes cost the same", html! {
                        <table class="s3-break-even">
                            <caption>{ "Every crossing: where two classes cost the same" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Cheaper below" }</th><th scope="col">{ "Cheaper above" }</th>
                                <th scope="col" class="num">{ "GB retrieved a month" }</th><th scope="col" class="num">{ "Monthly there" }</th>
                            </tr></thead>
                            <tbody>
                                { for r.break_even.iter().map(|b| html! { <tr>
                                    <td>{ short(b.cheaper_below) }</td><td>{ short(b.cheaper_above) }</td>
                                    <td class="num">{ gb(b.retrieval_gb_per_month) }</td><td class="num">{ b.monthly_usd.to_string() }</td>
                                </tr> }) }
                            </tbody>
                        </table>
                    }) }
                    <ul class="s3-ranges" aria-label="Cheapest class by retrieval volume">
                        { for r.cheapest_by_retrieval.iter().map(|rg| html! {
                            <li>{ match rg.to_gb {
                                Some(to) => format!("{} – {} GB a month: {}", gb(rg.from_gb), gb(to), rg.class.name()),
                                None => format!("{} GB a month and more: {}", gb(rg.from_gb), rg.class.name()),
                            } }</li>
                        }) }
                    </ul>
                }
            </details>
        </figure>
    }
}
