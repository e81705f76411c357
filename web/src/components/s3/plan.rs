//! The lifecycle plan over the retention period, step by step, against keeping the data in one
//! class.

use super::short;
use crate::components::chart::Shared;
use crate::components::working::LineItems;
use crate::hooks::{use_ids, use_open};
use awscost::s3::S3Result;
use awscost::Usd;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct S3PlanProps {
    pub result: Shared<S3Result>,
}

#[function_component]
pub fn S3Plan(props: &S3PlanProps) -> Html {
    let ids = use_ids();
    // The plan's working is drawn only while it is open.
    let (open, on_toggle) = use_open();
    let r = &props.result.0;
    let Some(plan) = &r.lifecycle else {
        return html! {};
    };
    let verdict = match (plan.total_usd, plan.best_single_class) {
        (None, _) => {
            "The plan needs a rate with no public figure; see the lines below.".to_string()
        }
        (Some(t), _) if plan.cheaper_than_any_single_class => {
            format!("The plan ({t}) costs less than keeping the data in any one class.")
        }
        (Some(t), Some(best)) => {
            let single = plan.versus.iter().find(|v| v.id == best);
            match single.and_then(|v| v.retention_total_usd) {
                Some(b) => format!(
                    "Keeping everything in {} ({b}) costs {} less than the plan ({t}).",
                    best.name(),
                    t - b
                ),
                None => format!("The plan costs {t}."),
            }
        }
        (Some(t), None) => format!("The plan costs {t}."),
    };
    html! {
        <section class="s3-plan" aria-labelledby={ids.of("s3-plan-heading")}>
            <h3 id={ids.of("s3-plan-heading")}>{ format!("Lifecycle plan over {} days", r.retention_days) }</h3>
            <p id={ids.of("s3-plan-verdict")}>{ verdict }</p>
            { crate::components::scroll_x("Lifecycle plan steps", html! {
                <table class="s3-steps">
                    <thead><tr>
                        <th scope="col">{ "Class" }</th><th scope="col">{ "Days" }</th>
                        <th scope="col" class="num">{ "Transition" }</th><th scope="col" class="num">{ "Storage" }</th>
                        <th scope="col" class="num">{ "Requests and retrieval" }</th><th scope="col" class="num">{ "Early deletion" }</th>
                        <th scope="col" class="num">{ "Step total" }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.steps.iter().map(|s| html! { <tr>
                            <th scope="row">{ short(s.class) }</th>
                            <td>{ format!("{} – {}", s.from_day, s.to_day) }</td>
                            <td class="num">{ s.transition_usd.to_string() }</td>
                            <td class="num">{ s.storage_usd.to_string() }</td>
                            <td class="num">{ s.activity_usd.to_string() }</td>
                            <td class="num">{ s.early_deletion_usd.to_string() }</td>
                            <td class="num">{ s.total_usd.to_string() }</td>
                        </tr> }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="6">{ format!("Plan total (transitions {})", plan.transitions_usd) }</th>
                        <td class="num total" id={ids.of("s3-plan-total")}>{ plan.total_usd.map_or("no public rate".into(), |t| t.to_string()) }</td>
                    </tr></tfoot>
                </table>
            }) }
            { for plan.missing_rates.iter().map(|m| html! { <p class="error">{ m }</p> }) }
            <details ontoggle={on_toggle}>
                <summary>{ "The plan's working" }</summary>
                if open {
                    <LineItems lines={plan.lines.clone()} total={plan.total_usd.unwrap_or_else(|| awscost::report::total(&plan.lines))}
                        caption={AttrValue::from("Each step, its transition requests and any early-deletion charge")} amount_heading="Amount" total_label="Total" />
                }
            </details>
            { crate::components::scroll_x("The plan against one class", html! {
                <table class="s3-versus">
                    <caption>{ "Against one class for the whole period (negative: the plan is cheaper)" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Kept in" }</th><th scope="col" class="num">{ "Total" }</th>
                        <th scope="col" class="num">{ "Plan minus this" }</th>
                    </tr></thead>
                    <tbody>
                        { for plan.versus.iter().map(|v| html! { <tr>
                            <th scope="row">{ v.id.name() }</th>
                            <td class="num">{ money(v.retention_total_usd) }</td>
                            <td class="num">{ money(v.plan_minus_class_usd) }</td>
                        </tr> }) }
                    </tbody>
                </table>
            }) }
        </section>
    }
}

/// An amount, or the words for a missing rate.
pub fn money(u: Option<Usd>) -> String {
    u.map_or_else(|| "no public rate".to_string(), |u| u.to_string())
}
