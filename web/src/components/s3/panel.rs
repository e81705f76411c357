//! The S3 panel: the data and how it is used on the left; every storage class priced, the chart of
//! cost against retrieval, and the lifecycle plan on the right.

use super::{money, S3Chart, S3Classes, S3Plan};
use crate::components::chart::Shared;
use crate::components::fields::{NumberField, SelectField};
use crate::components::working::{LimitsTable, WarningList};
use crate::hooks::{error_for, invalid_tables, use_ids, use_panel, Ids, Shown};
use crate::state::{Form, S3Action, S3Field, S3Form, PLAN_STEPS};
use awscost::error::FieldError;
use awscost::s3::S3Result;
use awscost::s3::{RetrievalTier, StorageClass, MODEL};
use awscost::Region;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct S3PanelProps {
    pub region: Region,
    pub form: S3Form,
    /// Each change of one of the panel's inputs.
    pub on_change: Callback<S3Action>,
}

/// `(field, unit, hint)` of each workload input (its label: `S3Field::label`).
const FIELDS: [(S3Field, &str, &str); 7] = [
    (S3Field::StorageGb, "GB", "1 GB = 2^30 bytes, as AWS bills"),
    (
        S3Field::ObjectCount,
        "",
        "Average object size = data ÷ objects",
    ),
    (S3Field::PutRequests, "per month", ""),
    (S3Field::GetRequests, "per month", ""),
    (S3Field::RetrievalGb, "GB per month", ""),
    (
        S3Field::RetentionDays,
        "days",
        "Deleting sooner than a class's minimum duration is charged to the minimum",
    ),
    (
        S3Field::ReadFraction,
        "0 – 1",
        "For Intelligent-Tiering's tiers; leave empty for retrieved ÷ stored",
    ),
];

const TIERS: [(RetrievalTier, &str); 3] = [
    (
        RetrievalTier::Expedited,
        "Expedited (1–5 minutes; not Deep Archive)",
    ),
    (
        RetrievalTier::Standard,
        "Standard (3–5 hours; 12 for Deep Archive)",
    ),
    (
        RetrievalTier::Bulk,
        "Bulk (5–12 hours; 48 for Deep Archive)",
    ),
];

fn plan_path(n: usize) -> String {
    format!("s3.lifecycle[{n}].class")
}

#[function_component]
pub fn S3Panel(props: &S3PanelProps) -> Html {
    let ids = use_ids();
    // The last figures that could be computed stay on screen while a field is being fixed.
    let Some((_, shown)) = use_panel(props.region, props.form.clone(), |c, region, form| {
        form.evaluate(c, region).map(|r| {
            let gb = form
                .workload()
                .map_or(Decimal::ZERO, |w| w.retrieval_gb_per_month);
            (Shared(Rc::new(r)), gb)
        })
    }) else {
        return invalid_tables();
    };
    let Shown {
        result,
        errors,
        stale,
    } = shown;
    let form = &props.form;
    let on = |f: S3Field| {
        let cb = props.on_change.clone();
        Callback::from(move |text: String| cb.emit(S3Action::Set(f, text)))
    };
    let number = |f: S3Field, label: AttrValue, unit: &'static str, hint: &'static str| {
        html! {
            <NumberField id={ids.of(&f.id())} label={label} unit={unit}
                hint={(!hint.is_empty()).then(|| AttrValue::from(hint))}
                value={AttrValue::from(form.text(f).to_string())}
                range_key={f.path()} error={error_for(&errors, f.path())} on_input={on(f)} />
        }
    };
    let on_tier = {
        let cb = props.on_change.clone();
        Callback::from(move |v: String| {
            if let Some((t, _)) = TIERS.iter().find(|(t, _)| t.code() == v) {
                cb.emit(S3Action::Tier(*t));
            }
        })
    };
    let class_options = |none: &'static str| {
        std::iter::once((AttrValue::from(""), AttrValue::from(none)))
            .chain(
                StorageClass::ALL
                    .iter()
                    .map(|c| (AttrValue::from(c.code()), AttrValue::from(c.name()))),
            )
            .collect::<Vec<_>>()
    };
    let plan_len = form.plan_len();
    let step = |n: usize| {
        let cb = props.on_change.clone();
        let on_class = Callback::from(move |v: String| {
            let class = StorageClass::ALL.into_iter().find(|c| c.code() == v);
            cb.emit(S3Action::PlanClass(n, class));
        });
        let id = format!("s3-lifecycle-{n}-class");
        html! {
            <div class="plan-step">
                <SelectField id={ids.of(&id.clone())}
                    label={if n == 0 { AttrValue::from("Step 1: start in") } else { format!("Step {}: then move to", n + 1).into() }}
                    options={class_options(if n == 0 { "No plan" } else { "— stay to the end —" })}
                    value={AttrValue::from(form.plan[n].map_or("", StorageClass::code))} on_change={on_class} />
                if let Some(e) = error_for(&errors, &plan_path(n)) {
                    <small id={ids.of(&format!("{id}-error"))} class="error" role="alert">{ e }</small>
                }
                if let Some(f) = form.plan_days_shown(n) {
                    { number(f, format!("Step {}: time in {}", n + 1, form.plan[n].map_or("it", StorageClass::name)).into(), "days", "") }
                }
            </div>
        }
    };
    let on_panel =
        |path: &str| FIELDS.iter().any(|f| f.0.path() == path) || path.starts_with("s3.lifecycle");
    let general: Vec<&FieldError> = errors.iter().filter(|e| !on_panel(&e.field)).collect();
    let plan_general = error_for(&errors, "s3.lifecycle");

    html! {
        <section class="panel s3" aria-labelledby={ids.of("s3-heading")}>
            <h2 id={ids.of("s3-heading")}>{ "S3: the same data in every storage class" }</h2>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                { for FIELDS.iter().map(|&(f, unit, hint)| number(f, f.label().into(), unit, hint)) }
                <SelectField id={ids.of("s3-retrieval_tier")} label="Archive retrieval tier (Glacier Flexible, Deep Archive)"
                    options={TIERS.iter().map(|(t, l)| (AttrValue::from(t.code()), AttrValue::from(*l))).collect::<Vec<_>>()}
                    value={AttrValue::from(form.retrieval_tier.code())} on_change={on_tier} />
                <fieldset>
                    <legend>{ "Lifecycle plan" }</legend>
                    { for (0..PLAN_STEPS).filter(|&n| n <= plan_len).map(step) }
                    if let Some(e) = plan_general {
                        <small id={ids.of("s3-lifecycle-error")} class="error" role="alert">{ e }</small>
                    }
                </fieldset>
            </form>
            <div class={classes!("results", stale.then_some("stale"))} aria-live="polite">
                if stale {
                    <p class="notice" role="status">{ "Fix the highlighted field to update; the figures below are the last ones that could be computed." }</p>
                    { for general.iter().map(|e| html! { <p class="error" role="alert">{ e.message() }</p> }) }
                }
                if let Some((shared, gb)) = result.clone() {
                    { summary(&shared, &ids) }
                    <WarningList warnings={shared.0.warnings.clone()} />
                    <S3Classes result={shared.clone()} />
                    <S3Chart result={shared.clone()} retrieval_gb={gb} />
                    <S3Plan result={shared.clone()} />
                    <details class="model">
                        <summary>{ "How the calculator models S3" }</summary>
                        <p>{ MODEL }</p>
                    </details>
                }
                <LimitsTable rows={awscost::limits::S3} />
                <p class="source">
                    { "Rates: " }
                    if let Some((r, _)) = &result {
                        <a href={r.0.source.clone()} target="_blank" rel="noopener noreferrer">{ &r.0.source }</a>
                        { format!(" (as of {})", r.0.as_of) }
                    }
                </p>
            </div>
        </section>
    }
}

fn summary(shared: &Shared<S3Result>, ids: &Ids) -> Html {
    let r = &shared.0;
    let find = |c: Option<StorageClass>| c.and_then(|c| r.options.iter().find(|o| o.id == c));
    let cheapest = find(r.cheapest);
    let monthly = find(r.cheapest_monthly);
    html! {
        <div class="cards">
            <div class="card cheapest">
                <h3>{ format!("Cheapest over {} days", r.retention_days) }</h3>
                <p class="figure" id={ids.of("s3-cheapest")}>{ cheapest.map_or("no class is fully priced".into(), |o| format!("{}: {}", o.name, money(o.retention_total_usd))) }</p>
                if let Some(o) = cheapest {
                    <p>{ format!("{} a month; includes any early-deletion charge", money(o.monthly_usd)) }</p>
                }
            </div>
            <div class="card">
                <h3>{ "Lowest steady month" }</h3>
                <p class="figure" id={ids.of("s3-cheapest-monthly")}>{ monthly.map_or("—".into(), |o| format!("{}: {}", o.name, money(o.monthly_usd))) }</p>
                <p>{ format!("Average object {} KB; {} of the data read a month", awscost::money::qty(r.average_object_size_kb), awscost::money::qty(r.monthly_read_fraction)) }</p>
            </div>
            if let Some(total) = r.lifecycle.as_ref().map(|l| l.total_usd) {
                <div class="card">
                    <h3>{ "Lifecycle plan" }</h3>
                    <p class="figure">{ money(total) }</p>
                    <p>{ "over the same period, with transitions" }</p>
                </div>
            }
        </div>
    }
}
