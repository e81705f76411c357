//! The EC2 purchasing options, one row each, every row expandable into its working.

use crate::components::ec2_chart::SharedEc2;
use crate::components::line_items::LineItems;
use crate::hooks::use_ids;
use awscost::ec2::{Ec2Option, HourlyUsd, OptionKind};
use awscost::money::qty;
use awscost::Usd;
use rust_decimal::{Decimal, RoundingStrategy};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Ec2OptionsProps {
    pub result: SharedEc2,
    /// The ids drawn on the chart.
    pub picks: Vec<String>,
    /// `(id, ticked)` when a chart checkbox changes.
    pub on_pick: Callback<(String, bool)>,
}

/// `$0.0960`: an hourly rate to four places.
pub fn hourly(h: HourlyUsd) -> String {
    let mut d =
        h.0.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(4);
    format!("${d}")
}

/// `62.38 %`.
pub fn percent(d: Decimal) -> String {
    format!("{} %", qty(d))
}

fn usd(u: Option<Usd>) -> String {
    u.map(|u| u.to_string()).unwrap_or_else(|| "—".into())
}

fn break_even(o: &Ec2Option, months: u32) -> Html {
    if !matches!(o.kind, OptionKind::Reserved | OptionKind::SavingsPlan)
        || o.horizon_total_usd.is_none()
    {
        return html! { "—" };
    }
    let usage = match (
        o.break_even_hours_per_month,
        o.break_even_utilisation_percent,
    ) {
        (Some(h), Some(p)) => format!("above {} h/mo ({})", qty(h), percent(p)),
        _ => "never within 730 h/mo".into(),
    };
    let month = match o.break_even_month {
        Some(m) => format!("ahead by month {m}"),
        None => format!("not ahead in {months} months"),
    };
    html! { <><span class="hours">{ usage }</span><br /><span class="month">{ month }</span></> }
}

#[function_component]
pub fn Ec2Options(props: &Ec2OptionsProps) -> Html {
    let ids = use_ids();
    let r = &props.result.0;
    let cheapest = r.cheapest_suitable.as_deref();
    // The rows whose working is shown.
    let open = use_state(Vec::<String>::new);
    html! {
        <table class="ec2-options" id={ids.of("ec2-options")}>
            <caption>{ format!("{} × {}, {} h a month each, over {} year{}: every way to pay",
                r.count, r.instance.instance_type, qty(r.hours_per_month), r.horizon_years,
                if r.horizon_years == 1 { "" } else { "s" }) }</caption>
            <thead><tr>
                <th scope="col">{ "Option (expand for the working)" }</th>
                <th scope="col" class="num">{ "Upfront" }</th>
                <th scope="col" class="num">{ "Monthly" }</th>
                <th scope="col" class="num">{ "Effective hourly" }</th>
                <th scope="col" class="num">{ format!("Total, {} months", r.horizon_months) }</th>
                <th scope="col" class="num">{ "Saving vs On-Demand" }<br /><small>{ "(study notes say)" }</small></th>
                <th scope="col">{ "Break-even" }</th>
                <th scope="col">{ "Suitable?" }</th>
            </tr></thead>
            <tbody>
                { for r.options.iter().map(|o| {
                    let is_cheapest = cheapest == Some(o.id.as_str());
                    let ticked = props.picks.contains(&o.id);
                    let expanded = open.contains(&o.id);
                    let toggle = {
                        let open = open.clone();
                        let id = o.id.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut v: Vec<String> = open.iter().filter(|x| **x != id).cloned().collect();
                            if !expanded {
                                v.push(id.clone());
                            }
                            open.set(v);
                        })
                    };
                    let working_id = format!("ec2-working-{}", o.id);
                    let on_pick = {
                        let cb = props.on_pick.clone();
                        let id = o.id.clone();
                        Callback::from(move |e: Event| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            cb.emit((id.clone(), input.checked()));
                        })
                    };
                    html! { <>
                        <tr id={ids.of(&format!("ec2-row-{}", o.id))}
                            class={classes!(is_cheapest.then_some("cheapest"), (!o.suitable).then_some("unsuitable"))}>
                            <th scope="row">
                                if !o.cumulative_usd.is_empty() {
                                    <input type="checkbox" id={ids.of(&format!("ec2-chart-{}", o.id))} checked={ticked}
                                        onchange={on_pick} aria-label={format!("Draw {} on the chart", o.label)} />
                                }
                                if o.lines.is_empty() {
                                    <span class="label">{ &o.label }</span>
                                } else {
                                    <button type="button" class="expand" aria-expanded={expanded.to_string()}
                                        aria-controls={ids.of(&working_id.clone())} onclick={toggle}>{ &o.label }</button>
                                }
                                if is_cheapest { <strong class="badge">{ " cheapest suitable" }</strong> }
                            </th>
                            <td class="num upfront">{ usd(o.upfront_usd) }</td>
                            <td class="num monthly">{ usd(o.monthly_usd) }</td>
                            <td class="num hourly">{ o.effective_hourly_usd.map(hourly).unwrap_or_else(|| "—".into()) }</td>
                            <td class="num horizon">{ usd(o.horizon_total_usd) }</td>
                            <td class="num saving">
                                if let (Some(p), Some(u)) = (o.saving_percent, o.saving_usd) {
                                    { percent(p) }<br />{ u.to_string() }
                                } else { { "—" } }
                                <br /><small class="notes">{ format!("({})", o.notes_saving) }</small>
                            </td>
                            <td class="break-even">{ break_even(o, r.horizon_months) }</td>
                            <td class="why">
                                if o.suitable { { "yes" } } else { <strong>{ "no" }</strong> }
                                if let Some(reason) = &o.reason { <small>{ reason }</small> }
                            </td>
                        </tr>
                        if !o.lines.is_empty() {
                            <tr class="working" id={ids.of(&working_id)} hidden={!expanded}>
                                <td colspan="8">
                                    <LineItems lines={o.lines.clone()} total={o.horizon_total_usd.unwrap_or_default()}
                                        amount_heading="Over the horizon" total_label="Total over the horizon"
                                        caption={AttrValue::from(format!("Working for {}", o.label))} />
                                </td>
                            </tr>
                        }
                    </> }
                }) }
            </tbody>
        </table>
    }
}
