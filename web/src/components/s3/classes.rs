//! One row per S3 storage class: monthly and whole-retention cost, availability, AZs and first-byte
//! latency; each row expands into its line items.

use super::money;
use crate::components::chart::Shared;
use crate::components::working::LineItems;
use crate::hooks::{use_ids, use_open_set};
use awscost::report::total;
use awscost::s3::{S3Option, S3Result};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct S3ClassesProps {
    pub result: Shared<S3Result>,
}

#[function_component]
pub fn S3Classes(props: &S3ClassesProps) -> Html {
    let ids = use_ids();
    // Each class's working is drawn only while it is open.
    let open = use_open_set();
    let r = &props.result.0;
    let days = r.retention_days;
    html! {
        { crate::components::scroll_x("Storage classes compared", html! {
            <table class="s3-classes">
                <caption>{ format!("Every class for this data ({} objects of {} KB on average); expand a class for its working",
                    awscost::money::qty(r.object_count), awscost::money::qty(r.average_object_size_kb)) }</caption>
                <thead><tr>
                    <th scope="col">{ "Class" }</th><th scope="col" class="num">{ "Monthly" }</th>
                    <th scope="col" class="num">{ format!("Over {days} days") }</th>
                    <th scope="col">{ "Availability (study notes)" }</th><th scope="col">{ "AZs" }</th>
                    <th scope="col">{ "First byte" }</th>
                </tr></thead>
                { for r.options.iter().enumerate().map(|(i, o)| {
                    let f = &o.facts;
                    let tags = [
                        (o.cheapest, "cheapest"),
                        (r.cheapest_monthly == Some(o.id) && !o.cheapest, "lowest monthly"),
                    ];
                    html! {
                        <tbody class={classes!(o.cheapest.then_some("cheapest"))}>
                            <tr id={ids.of(&format!("s3-row-{}", o.id.code()))} data-class={o.id.code()}>
                                <th scope="row">{ o.name }
                                    { for tags.iter().filter(|t| t.0).map(|t| html! { <strong class="tag best">{ format!(" ★ {}", t.1) }</strong> }) }
                                </th>
                                <td class="num monthly">{ money(o.monthly_usd) }</td>
                                <td class="num retention">{ money(o.retention_total_usd) }
                                    if o.early_deletion_usd.cents() > rust_decimal::Decimal::ZERO {
                                        <br /><small class="early">{ format!("incl. {} early deletion", o.early_deletion_usd) }</small>
                                    }
                                </td>
                                <td>{ f.availability }
                                    if f.availability_current != f.availability {
                                        <br /><small class="tag">{ format!("AWS now: {}", f.availability_current) }</small>
                                    }
                                </td>
                                <td>{ f.azs }</td>
                                <td>{ f.first_byte }</td>
                            </tr>
                            <tr class="working" id={ids.of(&format!("s3-working-{}", o.id.code()))}>
                                <td colspan="6">
                                    <details ontoggle={open.on_toggle(i)}>
                                        <summary>{ format!("Working for {}", o.name) }</summary>
                                        if open.is_open(i) { { working(o, days) } }
                                    </details>
                                </td>
                            </tr>
                        </tbody>
                    }
                }) }
            </table>
        }) }
    }
}

/// A class's working: its facts, missing rates, and the line items of a steady month and of the
/// `days` of retention.
fn working(o: &S3Option, days: u32) -> Html {
    let f = &o.facts;
    html! {
        <>
            <p>{ format!("Durability {}. Minimum storage duration: {}.{}{}", f.durability,
                if o.minimum_storage_days == 0 { "none".to_string() } else { format!("{} days", o.minimum_storage_days) },
                o.minimum_billable_object_kb.map(|kb| format!(" Every object billed as at least {kb} KB.")).unwrap_or_default(),
                o.per_object_overhead_kb.map(|kb| format!(" {kb} KB added per object (8 KB at the Standard rate).")).unwrap_or_default()) }</p>
            { for o.missing_rates.iter().map(|m| html! { <p class="error">{ m }</p> }) }
            <LineItems lines={o.lines.clone()} total={o.monthly_usd.unwrap_or_else(|| total(&o.lines))}
                caption={AttrValue::from(format!("{}: a steady 30-day month", o.name))} />
            <LineItems lines={o.retention_lines.clone()} total={o.retention_total_usd.unwrap_or_else(|| total(&o.retention_lines))}
                caption={AttrValue::from(format!("{}: the {days} days, with any early-deletion charge", o.name))} amount_heading="Amount" total_label="Total" />
        </>
    }
}
