//! The EC2 purchasing options, one row each, every row expandable into its working.

use crate::components::chart::Shared;
use crate::components::working::LineItems;
use crate::hooks::use_ids;
use awscost::ec2::Ec2Result;
use awscost::ec2::{Ec2Option, HourlyUsd, OptionGroup, OptionKind};
use awscost::money::qty;
use awscost::Usd;
use rust_decimal::{Decimal, RoundingStrategy};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Ec2OptionsProps {
    pub result: Shared<Ec2Result>,
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

/// `; saves $X (Y %) against <what>`, or `; costs $X (Y %) more than <what>` when it is dearer.
pub fn against(saving: Usd, saving_percent: Decimal, what: &str) -> String {
    if saving.0.is_sign_negative() && !saving.0.is_zero() {
        format!(
            "; costs {} ({}) more than {what}",
            Usd(saving.0.abs()),
            percent(saving_percent.abs())
        )
    } else {
        format!(
            "; saves {saving} ({}) against {what}",
            percent(saving_percent)
        )
    }
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
        None if o.effective_rate_only => "month: needs the upfront/hourly split".into(),
        None => format!("not ahead in {months} months"),
    };
    html! { <><span class="hours">{ usage }</span><br /><span class="month">{ month }</span></> }
}

/// A group's options: priced and suitable first (cheapest first), then priced but unsuitable,
/// then those with no bundled rate.
fn ordered(options: &[Ec2Option], group: OptionGroup) -> (Vec<&Ec2Option>, Vec<&Ec2Option>) {
    let mut priced: Vec<&Ec2Option> = options
        .iter()
        .filter(|o| o.group == group && o.horizon_total_usd.is_some())
        .collect();
    priced.sort_by_key(|o| (!o.suitable, o.horizon_total_usd.map(|u| u.exact())));
    let missing = options
        .iter()
        .filter(|o| o.group == group && o.horizon_total_usd.is_none())
        .collect();
    (priced, missing)
}

#[function_component]
pub fn Ec2Options(props: &Ec2OptionsProps) -> Html {
    let ids = use_ids();
    let r = &props.result.0;
    let cheapest = r.cheapest_suitable.as_deref();
    // The rows whose working is shown, and the groups shown in full.
    let open = use_state(Vec::<String>::new);
    let open_groups = use_state(Vec::<OptionGroup>::new);
    let row = |o: &Ec2Option, hidden: bool| {
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
        // The row's working is on show: its row is opened and its group shown.
        let open_here = expanded && !hidden;
        let on_pick = {
            let cb = props.on_pick.clone();
            let id = o.id.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                cb.emit((id.clone(), input.checked()));
            })
        };
        let split_note = o.effective_rate_only.then_some("effective rate only");
        html! { <>
            <tr id={ids.of(&format!("ec2-row-{}", o.id))} hidden={hidden}
                class={classes!(is_cheapest.then_some("cheapest"), (!o.suitable).then_some("unsuitable"))}>
                <th scope="row">
                    if !o.cumulative_usd.is_empty() {
                        <input type="checkbox" id={ids.of(&format!("ec2-chart-{}", o.id))} checked={ticked}
                            onchange={on_pick} aria-label={format!("Draw {} on the chart", o.label)} />
                    }
                    <button type="button" class="expand" aria-expanded={expanded.to_string()}
                        aria-controls={ids.of(&working_id.clone())} onclick={toggle}>{ &o.label }</button>
                    if is_cheapest { <strong class="badge">{ " cheapest suitable" }</strong> }
                </th>
                <td class="num average" data-label="A month, averaged">{ usd(o.amortised_monthly_usd) }</td>
                <td class="num horizon" data-label={format!("Total, {} months", r.horizon_months)}>{ usd(o.horizon_total_usd) }</td>
                <td class="num upfront" data-label="Upfront">{ split_note.map(String::from).unwrap_or_else(|| usd(o.upfront_usd)) }</td>
                <td class="num monthly" data-label="Billed monthly">{ split_note.map(String::from).unwrap_or_else(|| usd(o.monthly_usd)) }</td>
                <td class="num hourly" data-label="Effective hourly">{ o.effective_hourly_usd.map(hourly).unwrap_or_else(|| "—".into()) }</td>
                <td class="num saving" data-label="Saving vs On-Demand">
                    if let (Some(p), Some(u)) = (o.saving_percent, o.saving_usd) {
                        { percent(p) }<br />{ u.to_string() }
                    } else { { "—" } }
                    <br /><small class="notes">{ format!("({})", o.notes_saving) }</small>
                </td>
                <td class="break-even" data-label="Break-even">{ break_even(o, r.horizon_months) }</td>
                <td class="why" data-label="Suitable?">
                    if o.suitable { { "yes" } } else { <strong>{ "no" }</strong> }
                    if let Some(reason) = &o.reason { <small>{ reason }</small> }
                </td>
            </tr>
            // The working is drawn only while its row is open: a keystroke redraws the open
            // rows' working, not every option's.
            <tr class="working" id={ids.of(&working_id)} hidden={!open_here}>
                if open_here {
                <td colspan="9">
                    <LineItems lines={o.lines.clone()} total={o.horizon_total_usd.unwrap_or_default()}
                        amount_heading="Over the horizon" total_label="Total over the horizon"
                        caption={AttrValue::from(format!("Working for {}", o.label))} />
                    if let Some(n) = &o.break_even_month_note { <p class="hint">{ n }</p> }
                </td>
                }
            </tr>
        </> }
    };
    html! {
        <table class="ec2-options" id={ids.of("ec2-options")}>
            <caption>{ format!("{} × {}, {} h a month each, over {} year{}: every way to pay, by group, the best of each first",
                r.count, r.instance.instance_type, qty(r.hours_per_month), r.horizon_years,
                if r.horizon_years == 1 { "" } else { "s" }) }</caption>
            <thead><tr>
                <th scope="col">{ "Option (expand for the working)" }</th>
                <th scope="col" class="num">{ "A month, averaged" }</th>
                <th scope="col" class="num">{ format!("Total, {} months", r.horizon_months) }</th>
                <th scope="col" class="num">{ "Upfront" }</th>
                <th scope="col" class="num">{ "Billed monthly" }</th>
                <th scope="col" class="num">{ "Effective hourly" }</th>
                <th scope="col" class="num">{ "Saving vs On-Demand" }<br /><small>{ "(study notes say)" }</small></th>
                <th scope="col">{ "Break-even" }</th>
                <th scope="col">{ "Suitable?" }</th>
            </tr></thead>
            { for OptionGroup::ALL.into_iter().map(|g| {
                let (priced, missing) = ordered(&r.options, g);
                let full = open_groups.contains(&g);
                let toggle = {
                    let open_groups = open_groups.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut v: Vec<OptionGroup> = open_groups.iter().filter(|x| **x != g).copied().collect();
                        if !full {
                            v.push(g);
                        }
                        open_groups.set(v);
                    })
                };
                let best = priced.first().filter(|o| o.suitable);
                html! {
                    <tbody class="group" id={ids.of(&format!("ec2-group-{}", g.code()))}>
                        <tr class="group-head"><th colspan="9" scope="rowgroup">
                            <span class="group-name">{ g.name() }</span>
                            { match best {
                                Some(o) => format!(": best suitable {} ({} a month averaged)", o.label, usd(o.amortised_monthly_usd)),
                                None if priced.is_empty() => ": no public rate bundled".to_string(),
                                None => ": none suits this workload".to_string(),
                            } }
                            if priced.len() > 1 {
                                <button type="button" class="more" aria-expanded={full.to_string()} onclick={toggle}>
                                    { if full { "show the best only".to_string() } else { format!("show all {} priced", priced.len()) } }
                                    <span class="vh">{ format!(" ({})", g.name()) }</span>
                                </button>
                            }
                        </th></tr>
                        { for priced.iter().enumerate().map(|(i, o)| row(o, i > 0 && !full)) }
                        if !missing.is_empty() {
                            <tr class="missing" id={ids.of(&format!("ec2-missing-{}", g.code()))}
                                data-options={missing.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" ")}>
                                <td colspan="9">
                                    <strong>{ "No public rate bundled: " }</strong>
                                    { missing.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join("; ") }
                                    <small>{ format!(". {}", missing[0].reason.clone().unwrap_or_default()) }</small>
                                </td>
                            </tr>
                        }
                    </tbody>
                }
            }) }
        </table>
    }
}
