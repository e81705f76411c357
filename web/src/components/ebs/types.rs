//! The EBS comparison: one row per volume type, each expandable into how it was sized and its
//! line items with their working.

use crate::components::chart::Shared;
use crate::components::working::LineItems;
use crate::hooks::{use_ids, use_open_set, Ids, OpenSet};
use awscost::ebs::{EbsOption, EbsResult};
use awscost::limits;
use awscost::money::qty;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EbsTypesProps {
    pub result: Shared<EbsResult>,
}

/// "3,000" or "3,000 (burst 3,000)".
fn with_burst(base: String, burst: Option<String>) -> String {
    match burst {
        Some(b) => format!("{base} (burst {b})"),
        None => base,
    }
}

fn mibps(d: Decimal) -> String {
    qty(d.round_dp(1))
}

fn row(result: &Shared<EbsResult>, i: usize, ids: &Ids, open: &OpenSet) -> Html {
    let Some(o) = result.0.options.get(i) else {
        return Html::default();
    };
    let code = o.id.code();
    let id = format!("ebs-row-{code}");
    let name = html! {
        <th scope="row">
            <span class="type">{ code }</span>
            if o.cheapest { <strong class="tag cheapest">{ " cheapest" }</strong> }
            <br /><small class="hint">{ o.name }</small>
        </th>
    };
    let main = if o.eligible {
        let gib = o.provisioned_gib.unwrap_or_default();
        let iops = with_burst(
            qty(o.delivered_iops.unwrap_or_default().into()),
            o.burst_iops.map(|b| qty(b.into())),
        );
        let tput = with_burst(
            mibps(o.delivered_throughput_mibps.unwrap_or_default()),
            o.burst_throughput_mibps.map(mibps),
        );
        html! {
            <tr id={ids.of(&id.clone())} class={classes!("eligible", o.cheapest.then_some("cheapest"))} data-eligible="true">
                { name }
                <td class="meets" aria-label="meets the need">{ "✓" }</td>
                <td class="num provisioned">{ qty(gib.into()) }
                    if o.grown { <strong class="tag grown" title="grown past the capacity asked for, to reach the performance">{ " grown" }</strong> }
                </td>
                <td class="num iops">{ iops }</td>
                <td class="num throughput">{ tput }</td>
                <td class="num monthly">{ match o.monthly_usd {
                    Some(u) => u.to_string(),
                    None => "no public rate".to_string(),
                } }</td>
            </tr>
        }
    } else {
        html! {
            <tr id={ids.of(&id.clone())} class="ineligible" data-eligible="false">
                { name }
                <td class="meets" aria-label="cannot meet the need">{ "✗" }</td>
                <td class="reason" colspan="4">{ o.reason.clone().unwrap_or_default() }</td>
            </tr>
        }
    };
    html! {
        <>
            { main }
            <tr id={ids.of(&format!("{id}-working"))} class="working">
                <td colspan="6">
                    <details ontoggle={open.on_toggle(i)}>
                        <summary>{ format!("{code}: how it was sized and priced") }</summary>
                        if open.is_open(i) { { working(o) } }
                    </details>
                </td>
            </tr>
        </>
    }
}

/// How a type was sized and priced: the sizing steps, a missing rate, its line items, and
/// the limits where the study notes differ from AWS now.
fn working(o: &EbsOption) -> Html {
    let code = o.id.code();
    let differing: Vec<&limits::Limit> = o
        .limits
        .iter()
        .filter_map(|l| limits::find(limits::EBS, l))
        .filter(|l| l.differs())
        .collect();
    html! {
        <>
            if !o.sizing.is_empty() {
                <ol class="steps">{ for o.sizing.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            }
            if let Some(r) = &o.no_rate { <p class="error">{ r }</p> }
            if let Some(total) = o.monthly_usd {
                <LineItems lines={o.lines.clone()} total={total}
                    caption={AttrValue::from(format!("{code} at {} GiB", qty(o.provisioned_gib.unwrap_or_default().into())))} />
            }
            if !differing.is_empty() {
                <ul class="notes-differ">
                    { for differing.iter().map(|l| html! {
                        <li>{ format!("{}: the study notes say {}; AWS now: {} (used here).", l.name, l.notes, l.current) }</li>
                    }) }
                </ul>
            }
        </>
    }
}

#[function_component]
pub fn EbsTypes(props: &EbsTypesProps) -> Html {
    let ids = use_ids();
    // Each type's working is drawn only while it is open.
    let open = use_open_set();
    let r = &props.result.0;
    html! {
        { crate::components::scroll_x("Volume types compared", html! {
            <table class="ebs-types">
                <caption>{ "Every volume type, sized to meet the need at its baseline (expand a type for its working)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Type" }</th>
                    <th scope="col">{ "Meets need" }</th>
                    <th scope="col" class="num">{ "Provisioned GiB" }</th>
                    <th scope="col" class="num">{ "IOPS" }</th>
                    <th scope="col" class="num">{ "MiB/s" }</th>
                    <th scope="col" class="num">{ "Monthly" }</th>
                </tr></thead>
                <tbody>{ for (0..r.options.len()).map(|i| row(&props.result, i, &ids, &open)) }</tbody>
            </table>
        }) }
    }
}
