//! The Lambda panel: inputs, the cost at the chosen memory with its working, and the sweep of
//! every memory setting.

use super::CostChart;
use crate::components::chart::Shared;
use crate::components::fields::{CheckboxField, NumberField, SelectField};
use crate::components::working::{LimitsTable, LineItems, WarningList};
use crate::hooks::{error_for, invalid_tables, use_ids, use_panel, Ids, Shown};
use crate::state::{Form, LambdaAction, LambdaField, LambdaForm};
use awscost::error::FieldError;
use awscost::lambda::{Architecture, InvocationType, DURATION_MODEL};
use awscost::money::qty;
use awscost::Region;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LambdaPanelProps {
    pub region: Region,
    pub form: LambdaForm,
    /// Each change of one of the panel's inputs.
    pub on_change: Callback<LambdaAction>,
}

struct FieldSpec {
    field: LambdaField,
    unit: &'static str,
    hint: &'static str,
}

const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        field: LambdaField::Memory,
        unit: "MB",
        hint: "128 – 10,240 MB in 1 MB steps",
    },
    FieldSpec {
        field: LambdaField::Duration,
        unit: "ms",
        hint: "Measured; at most 900,000 ms (the 15-minute timeout)",
    },
    FieldSpec {
        field: LambdaField::Invocations,
        unit: "",
        hint: "",
    },
    FieldSpec {
        field: LambdaField::Ephemeral,
        unit: "MB",
        hint: "512 – 10,240 MB; 512 MB is free",
    },
    FieldSpec {
        field: LambdaField::CpuBound,
        unit: "%",
        hint: "0 = waits on I/O; 100 = all computation",
    },
    FieldSpec {
        field: LambdaField::Provisioned,
        unit: "environments",
        hint: "0 for none",
    },
    FieldSpec {
        field: LambdaField::ProvisionedHours,
        unit: "hours per month",
        hint: "730 = always",
    },
    FieldSpec {
        field: LambdaField::Payload,
        unit: "KB",
        hint: "Optional; 6 MB sync, 1 MB async",
    },
];

#[function_component]
pub fn LambdaPanel(props: &LambdaPanelProps) -> Html {
    let ids = use_ids();
    // The last figures that could be computed stay on screen while a field is being fixed.
    let Some((_, shown)) = use_panel(props.region, props.form.clone(), |c, r, f| {
        f.evaluate(c, r).map(Rc::new)
    }) else {
        return invalid_tables();
    };
    let Shown {
        result,
        errors,
        stale,
    } = shown;
    let form = &props.form;
    let on = |f: LambdaField| {
        let cb = props.on_change.clone();
        Callback::from(move |text: String| cb.emit(LambdaAction::Set(f, text)))
    };
    let arch_options = vec![
        (AttrValue::from("x86_64"), AttrValue::from("x86_64")),
        (
            AttrValue::from("arm64"),
            AttrValue::from("arm64 (Graviton)"),
        ),
    ];
    let on_arch = {
        let cb = props.on_change.clone();
        Callback::from(move |v: String| {
            cb.emit(LambdaAction::Architecture(if v == "arm64" {
                Architecture::Arm64
            } else {
                Architecture::X86_64
            }))
        })
    };
    let on_type = {
        let cb = props.on_change.clone();
        Callback::from(move |v: String| {
            cb.emit(LambdaAction::InvocationType(if v == "async" {
                InvocationType::Async
            } else {
                InvocationType::Sync
            }))
        })
    };
    let on_free = {
        let cb = props.on_change.clone();
        Callback::from(move |b| cb.emit(LambdaAction::FreeTier(b)))
    };
    let on_multi = {
        let cb = props.on_change.clone();
        Callback::from(move |b| cb.emit(LambdaAction::MultiThreaded(b)))
    };
    // Errors that belong to no input of this panel (e.g. the region has no table).
    let general: Vec<&FieldError> = errors
        .iter()
        .filter(|e| !FIELDS.iter().any(|f| f.field.path() == e.field))
        .collect();

    html! {
        <section class="panel lambda" aria-labelledby={ids.of("lambda-heading")}>
            <h2 id={ids.of("lambda-heading")}>{ "Lambda: cost at every memory setting" }</h2>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <SelectField id={ids.of("lambda-architecture")} label="Architecture" options={arch_options}
                    value={AttrValue::from(form.architecture.code())} on_change={on_arch} />
                { for FIELDS.iter().take(5).map(|f| html! {
                    <NumberField id={ids.of(&format!("lambda-{}", f.field.path().trim_start_matches("lambda.")))} label={f.field.label()} unit={f.unit}
                        hint={(!f.hint.is_empty()).then(|| AttrValue::from(f.hint))}
                        value={AttrValue::from(form.text(f.field).to_string())}
                        range_key={f.field.path()} error={error_for(&errors, f.field.path())} on_input={on(f.field)} />
                }) }
                <CheckboxField id={ids.of("lambda-multi_threaded")} label="Multi-threaded (uses more than one vCPU)"
                    checked={form.multi_threaded} on_toggle={on_multi} />
                <CheckboxField id={ids.of("lambda-free_tier")} label="Apply the free tier (1M requests, 400,000 GB-s a month)"
                    checked={form.free_tier} on_toggle={on_free}
                    hint={AttrValue::from("Not applied to functions with Provisioned Concurrency")} />
                <fieldset>
                    <legend>{ "Provisioned Concurrency" }</legend>
                    { for FIELDS.iter().skip(5).take(2).map(|f| html! {
                        <NumberField id={ids.of(&format!("lambda-{}", f.field.path().trim_start_matches("lambda.")))} label={f.field.label()} unit={f.unit}
                            hint={(!f.hint.is_empty()).then(|| AttrValue::from(f.hint))}
                            value={AttrValue::from(form.text(f.field).to_string())}
                            range_key={f.field.path()} error={error_for(&errors, f.field.path())} on_input={on(f.field)} />
                    }) }
                </fieldset>
                <fieldset>
                    <legend>{ "Payload" }</legend>
                    <SelectField id={ids.of("lambda-invocation_type")} label="Invocation"
                        options={vec![(AttrValue::from("sync"), AttrValue::from("Synchronous (request/response)")), (AttrValue::from("async"), AttrValue::from("Asynchronous (event)"))]}
                        value={AttrValue::from(if form.invocation_type == InvocationType::Async { "async" } else { "sync" })}
                        on_change={on_type} />
                    { for FIELDS.iter().skip(7).map(|f| html! {
                        <NumberField id={ids.of(&format!("lambda-{}", f.field.path().trim_start_matches("lambda.")))} label={f.field.label()} unit={f.unit}
                            hint={(!f.hint.is_empty()).then(|| AttrValue::from(f.hint))}
                            value={AttrValue::from(form.text(f.field).to_string())}
                            range_key={f.field.path()} error={error_for(&errors, f.field.path())} on_input={on(f.field)} />
                    }) }
                </fieldset>
            </form>
            <div class={classes!("results", stale.then_some("stale"))} aria-live="polite">
                if stale {
                    <p class="notice" role="status">{ "Fix the highlighted field to update; the figures below are the last ones that could be computed." }</p>
                    { for general.iter().map(|e| html! { <p class="error" role="alert">{ e.message() }</p> }) }
                }
                if let Some(r) = result.clone() {
                    { summary(&r, &ids) }
                    <WarningList warnings={r.warnings.clone()} />
                    <LineItems lines={r.requested.lines.clone()} total={r.requested.monthly_usd}
                        caption={AttrValue::from(format!("At {} MB ({}), {}: billed {} ms per invocation",
                            r.requested.memory_mb, r.requested.architecture.code(), props.region, r.requested.billed_duration_ms))} />
                    <CostChart result={Shared(r.clone())} />
                    <p class="model"><strong>{ "Duration model: " }</strong>{ DURATION_MODEL }</p>
                }
                <LimitsTable rows={awscost::limits::LAMBDA} />
                <p class="source">
                    { "Rates: " }
                    if let Some(r) = &result {
                        <a href={r.source.clone()} target="_blank" rel="noopener noreferrer">{ &r.source }</a>
                        { format!(" (as of {})", r.as_of) }
                    }
                </p>
            </div>
            { explorer(props) }
        </section>
    }
}

/// The Lambda ↔ EC2 crossover for the panel's function (the full module only).
#[cfg(feature = "explore")]
fn explorer(props: &LambdaPanelProps) -> Html {
    use crate::components::explore::lambda_to_ec2::LambdaToEc2Explorer;
    html! { <LambdaToEc2Explorer region={props.region} form={props.form.clone()} /> }
}

#[cfg(not(feature = "explore"))]
fn explorer(_: &LambdaPanelProps) -> Html {
    Html::default()
}

fn summary(r: &awscost::lambda::LambdaResult, ids: &Ids) -> Html {
    let ms = |us: u64| qty(Decimal::new(i64::try_from(us).unwrap_or(i64::MAX), 3));
    let saving = r.requested.monthly_usd - r.cheapest.monthly_usd;
    html! {
        <div class="cards">
            <div class="card requested">
                <h3>{ format!("At {} MB", r.requested.memory_mb) }</h3>
                <p class="figure" id={ids.of("lambda-requested-total")}>{ r.requested.monthly_usd.to_string() }</p>
                <p>{ format!("per month; {} ms per invocation; about {} concurrent executions", ms(r.requested.duration_us), qty(r.requested.estimated_concurrency)) }</p>
            </div>
            <div class="card cheapest">
                <h3>{ "Cheapest setting" }</h3>
                <p class="figure" id={ids.of("lambda-cheapest")}>{ format!("{} MB: {}", r.cheapest.memory_mb, r.cheapest.monthly_usd) }</p>
                if r.cheapest.memory_mb != r.requested.memory_mb && saving.cents() <= Decimal::ZERO {
                    <p class="same-cost" id={ids.of("lambda-cheapest-same")}>{ if r.cheapest.duration_us < r.requested.duration_us {
                        format!("Same cost to the cent as {} MB, and faster ({} ms against {} ms).",
                            r.requested.memory_mb, ms(r.cheapest.duration_us), ms(r.requested.duration_us))
                    } else {
                        format!("Same cost to the cent as {} MB.", r.requested.memory_mb)
                    } }</p>
                }
                <details>
                    <summary>{ "Why" }</summary>
                    <p>{ format!("Of the settings that finish within the timeout, {} MB has the lowest monthly total ({}, modelled {} ms); ties to the cent go to the faster setting. {}",
                        r.cheapest.memory_mb, r.cheapest.monthly_usd, ms(r.cheapest.duration_us),
                        if saving.cents() > Decimal::ZERO { format!("That saves {saving} a month against the requested setting.") } else { "The requested setting costs the same to the cent; this is the fastest setting at that price.".to_string() }) }</p>
                </details>
            </div>
            <div class="card fastest">
                <h3>{ "Fastest setting" }</h3>
                <p class="figure" id={ids.of("lambda-fastest")}>{ format!("{} MB: {} ms", r.fastest.memory_mb, ms(r.fastest.duration_us)) }</p>
                <p>{ format!("{} per month", r.fastest.monthly_usd) }</p>
            </div>
        </div>
    }
}
