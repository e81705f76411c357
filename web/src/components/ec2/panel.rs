//! The EC2 panel: one instance type's every purchasing option over a 1- or 3-year horizon, with
//! break-even, a cumulative-cost chart and a mixed baseline-plus-peak strategy.

use super::{against, Ec2Chart, Ec2Options, Ec2StudyNotes, InstanceField, TypeFinder};
use crate::components::chart::Shared;
use crate::components::fields::{CheckboxField, NumberField, SelectField};
use crate::components::working::{Explain, LimitsTable, LineItems, WarningList};
use crate::hooks::{error_for, invalid_tables, use_ids, use_panel, Ids, Shown};
use crate::state::{Ec2Action, Ec2Field, Ec2Flag, Ec2Form, Form, Usage};
use awscost::ec2::{Ec2Result, PeakPricing};
use awscost::error::FieldError;
use awscost::money::qty;
use awscost::Region;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Ec2PanelProps {
    pub region: Region,
    pub form: Ec2Form,
    /// The options drawn on the chart; `None`: On-Demand and the cheapest suitable option.
    #[prop_or_default]
    pub chart: Option<Vec<String>>,
    /// Each change of one of the panel's inputs.
    pub on_change: Callback<Ec2Action>,
    /// The options picked for the chart.
    pub on_chart: Callback<Vec<String>>,
}

fn opts(pairs: &[(&'static str, &'static str)]) -> Vec<(AttrValue, AttrValue)> {
    pairs
        .iter()
        .map(|&(v, l)| (AttrValue::Static(v), AttrValue::Static(l)))
        .collect()
}

/// The chart's default: On-Demand and the cheapest suitable option.
fn default_picks(r: &Ec2Result) -> Vec<String> {
    let mut v = vec!["on-demand".to_string()];
    if let Some(c) = &r.cheapest_suitable {
        if c != "on-demand" {
            v.push(c.clone());
        }
    }
    v
}

#[function_component]
pub fn Ec2Panel(props: &Ec2PanelProps) -> Html {
    let ids = use_ids();
    // The last figures that could be computed stay on screen while a field is being fixed.
    let Some((pricing, shown)) = use_panel(props.region, props.form.clone(), |c, r, f| {
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
    let act = |f: fn(String) -> Ec2Action| {
        let cb = props.on_change.clone();
        Callback::from(move |v: String| cb.emit(f(v)))
    };
    let number = |f: Ec2Field, unit: &'static str, hint: &'static str| {
        let cb = props.on_change.clone();
        html! {
            <NumberField id={ids.of(f.id())} label={f.label()} unit={unit}
                hint={(!hint.is_empty()).then_some(AttrValue::Static(hint))}
                value={AttrValue::from(form.text(f).to_string())}
                range_key={f.path()} error={error_for(&errors, f.path())}
                on_input={Callback::from(move |t: String| cb.emit(Ec2Action::Set(f, t)))} />
        }
    };
    let flag = |f: Ec2Flag,
                id: &'static str,
                label: &'static str,
                hint: &'static str,
                checked: bool| {
        let cb = props.on_change.clone();
        html! {
            <CheckboxField id={ids.of(id)} label={label} checked={checked} hint={AttrValue::Static(hint)}
                on_toggle={Callback::from(move |b| cb.emit(Ec2Action::Flag(f, b)))} />
        }
    };
    // Errors that belong to no input of this panel (e.g. the region has no table).
    let general: Vec<&FieldError> = errors
        .iter()
        .filter(|e| !Ec2Field::ALL.iter().any(|f| f.path() == e.field))
        .collect();
    let types = pricing.instance_types.types.as_slice();
    let picks = match (&props.chart, &result) {
        (Some(p), _) => p.clone(),
        (None, Some(r)) => default_picks(r),
        (None, None) => vec![],
    };
    // Ticking or unticking an option redraws the chart with the new set.
    let on_pick = {
        let cb = props.on_chart.clone();
        let current = picks.clone();
        Callback::from(move |(id, on): (String, bool)| {
            let mut v: Vec<String> = current.iter().filter(|p| **p != id).cloned().collect();
            if on {
                v.push(id);
            }
            cb.emit(v);
        })
    };

    html! {
        <section class="panel ec2" aria-labelledby={ids.of("ec2-heading")}>
            <h2 id={ids.of("ec2-heading")}>{ "EC2: every way to pay for the same instances" }</h2>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <InstanceField id={ids.of(Ec2Field::InstanceType.id())} label={Ec2Field::InstanceType.label()} types={types}
                    value={AttrValue::from(form.instance_type.clone())}
                    error={error_for(&errors, Ec2Field::InstanceType.path())}
                    on_input={act(|t| Ec2Action::Set(Ec2Field::InstanceType, t))} />
                <TypeFinder pricing={pricing} region={props.region}
                    chosen={AttrValue::from(form.instance_type.clone())}
                    on_pick={act(|t| Ec2Action::Set(Ec2Field::InstanceType, t))} />
                { number(Ec2Field::Count, "", "") }
                <fieldset>
                    <legend>{ "Usage" }</legend>
                    <SelectField id={ids.of("ec2-usage")} label="Schedule given as"
                        options={opts(&[("month", "Hours per month"), ("week", "Hours a day, days a week")])}
                        value={AttrValue::Static(if form.usage == Usage::Weekly { "week" } else { "month" })}
                        on_change={act(|v| Ec2Action::Usage(if v == "week" { Usage::Weekly } else { Usage::HoursPerMonth }))} />
                    if form.usage == Usage::Weekly {
                        { number(Ec2Field::HoursPerDay, "h", "0 – 24") }
                        { number(Ec2Field::DaysPerWeek, "", "0 – 7; 24 h × 7 days = 730 h a month") }
                    } else {
                        { number(Ec2Field::HoursPerMonth, "h", "730 = always on") }
                    }
                </fieldset>
                <SelectField id={ids.of("ec2-horizon_years")} label="Compare over"
                    options={opts(&[("1", "1 year"), ("3", "3 years")])}
                    value={AttrValue::Static(if form.horizon_years == 1 { "1" } else { "3" })}
                    on_change={act(|v| Ec2Action::Horizon(if v == "1" { 1 } else { 3 }))} />
                { flag(Ec2Flag::InterruptionTolerant, "ec2-interruption_tolerant", "Tolerates interruption",
                    "Spot can reclaim an instance with a 2-minute warning", form.interruption_tolerant) }
                { flag(Ec2Flag::NeedsDedicated, "ec2-needs_dedicated", "Needs dedicated hardware",
                    "Not shared with other AWS accounts", form.needs_dedicated) }
                { flag(Ec2Flag::CoreBoundLicense, "ec2-core_bound_license", "Licence bound to physical cores",
                    "Per-socket or per-core licences need a Dedicated Host", form.core_bound_license) }
                <fieldset>
                    <legend>{ "Mixed strategy" }</legend>
                    { number(Ec2Field::BaselineCount, "instances", "Empty for none; the rest is the peak") }
                    <SelectField id={ids.of("ec2-peak_pricing")} label="Pay for the peak with"
                        options={opts(&[("on-demand", "On-Demand"), ("spot", "Spot")])}
                        value={AttrValue::Static(if form.peak_pricing == PeakPricing::Spot { "spot" } else { "on-demand" })}
                        on_change={act(|v| Ec2Action::PeakPricing(if v == "spot" { PeakPricing::Spot } else { PeakPricing::OnDemand }))} />
                </fieldset>
            </form>
            <div class={classes!("results", stale.then_some("stale"))} aria-live="polite">
                if stale {
                    <p class="notice" role="status">{ "Fix the highlighted field to update; the figures below are the last ones that could be computed." }</p>
                    { for general.iter().map(|e| html! { <p class="error" role="alert">{ e.message() }</p> }) }
                }
                if let Some(r) = &result {
                    { summary(r, &ids) }
                    { free_tier(r, &ids) }
                    <WarningList warnings={r.warnings.clone()} />
                    <Ec2Chart result={Shared(r.clone())} picks={picks.clone()} />
                    { mixed(r, picks.iter().any(|p| p == "mixed"), &on_pick, &ids) }
                }
            </div>
            if let Some(r) = &result {
                <div class={classes!("wide", stale.then_some("stale"))}>
                    <Ec2Options result={Shared(r.clone())} picks={picks.clone()} on_pick={on_pick.clone()} />
                    <Ec2StudyNotes result={Shared(r.clone())} />
                    <LimitsTable rows={awscost::limits::EC2} />
                    <p class="source">
                        { "On-Demand rates: " }
                        <a href={r.source.clone()} target="_blank" rel="noopener noreferrer">{ &r.source }</a>
                        { format!(" (oldest table used: {})", r.as_of) }
                    </p>
                    { explorers(pricing, props.region, form, r, stale, &props.on_change) }
                </div>
            }
        </section>
    }
}

/// The trade-off explorers of this workload (full module only): cheaper alternatives to the
/// type, whose "Use" puts a type in the type field, and Spot with interruptions. Drawn from the
/// figures on screen: not while a field is being fixed.
#[cfg(feature = "explore")]
fn explorers(
    pricing: &'static awscost::ec2::Ec2Pricing,
    region: Region,
    form: &Ec2Form,
    r: &Rc<Ec2Result>,
    stale: bool,
    on_change: &Callback<Ec2Action>,
) -> Html {
    use crate::components::explore::{AlternativesPanel, InterruptionsPanel};
    use crate::state::Form as _;
    let Ok(workload) = form.workload() else {
        return html! {};
    };
    if stale {
        return html! {};
    }
    let options: Vec<(String, String)> = r
        .options
        .iter()
        .filter(|o| o.horizon_total_usd.is_some())
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect();
    let on_use = {
        let cb = on_change.clone();
        Callback::from(move |t: String| cb.emit(Ec2Action::Set(Ec2Field::InstanceType, t)))
    };
    html! {
        <div class="explorers">
            <AlternativesPanel pricing={pricing} region={region} workload={workload} options={options} on_use={on_use} />
            <InterruptionsPanel pricing={pricing} region={region} result={Shared(r.clone())} />
        </div>
    }
}

#[cfg(not(feature = "explore"))]
fn explorers(
    _: &'static awscost::ec2::Ec2Pricing,
    _: Region,
    _: &Ec2Form,
    _: &Rc<Ec2Result>,
    _: bool,
    _: &Callback<Ec2Action>,
) -> Html {
    html! {}
}

/// The Free Tier as the study notes teach it, beside AWS's terms today.
fn free_tier(r: &Ec2Result, ids: &Ids) -> Html {
    let Some(f) = &r.instance.free_tier else {
        return html! {};
    };
    html! {
        <div class="free-tier" id={ids.of("ec2-free-tier")}>
            <p><strong>{ format!("{}: Free Tier", r.instance.instance_type) }</strong></p>
            if f.in_study_notes { <p>{ format!("Study notes: {}.", f.study_notes_terms) }</p> }
            <p>{ "AWS today: " }{ &f.today_terms }{ " (" }
                <a href={f.source.clone()} target="_blank" rel="noopener noreferrer" aria-label="source: Free Tier terms">{ "source" }</a>
                { format!(", {})", f.as_of) }</p>
            <p class="hint">{ "The comparison below prices every hour at the public rate; Free Tier hours or credits are not subtracted." }</p>
        </div>
    }
}

fn summary(r: &Rc<Ec2Result>, ids: &Ids) -> Html {
    let od = r.options.iter().find(|o| o.id == "on-demand");
    let cheapest = r
        .cheapest_suitable
        .as_ref()
        .and_then(|id| r.options.iter().find(|o| &o.id == id));
    html! {
        <div class="cards">
            <div class="card requested">
                <h3>{ format!("On-Demand, {} × {}", r.count, r.instance.instance_type) }</h3>
                <p class="figure" id={ids.of("ec2-on-demand-monthly")}>{ od.and_then(|o| o.monthly_usd).map(|u| u.to_string()).unwrap_or_else(|| "no rate".into()) }
                    <span class="period">{ " a month" }</span></p>
                <p>{ format!("at {} h each; {} over {} months",
                    qty(r.hours_per_month),
                    od.and_then(|o| o.horizon_total_usd).map(|u| u.to_string()).unwrap_or_default(),
                    r.horizon_months) }</p>
                { explain(r, "on-demand", "On-Demand a month") }
            </div>
            <div class="card cheapest">
                <h3>{ "Cheapest suitable" }</h3>
                if let Some(o) = cheapest {
                    <p class="figure" id={ids.of("ec2-cheapest")} data-option={o.id.clone()}>{ o.amortised_monthly_usd.map(|u| u.to_string()).unwrap_or_default() }
                        <span class="period">{ " a month" }</span></p>
                    <p>{ format!("on average (upfront spread over the months): {}; {} over {} months", o.label,
                        o.horizon_total_usd.map(|u| u.to_string()).unwrap_or_default(), r.horizon_months) }
                        if let (Some(p), Some(u)) = (o.saving_percent, o.saving_usd) {
                            { against(u, p, "On-Demand") }
                        }
                    </p>
                    { explain(r, &o.id, "cheapest suitable a month") }
                } else {
                    <p id={ids.of("ec2-cheapest")}>{ "No option with a bundled rate suits this workload." }</p>
                }
            </div>
        </div>
    }
}

/// "Explain" an option's month: its working said step by step, down to the card's figure.
fn explain(r: &Rc<Ec2Result>, id: &str, name: &'static str) -> Html {
    let (r, id) = (r.clone(), id.to_string());
    let steps = Callback::from(move |()| {
        <awscost::ec2::Ec2 as awscost::service::Service>::steps(&r, Some(&id)).unwrap_or_default()
    });
    html! { <Explain name={name} {steps} /> }
}

fn mixed(r: &Ec2Result, ticked: bool, on_pick: &Callback<(String, bool)>, ids: &Ids) -> Html {
    let Some(m) = &r.mixed else {
        return html! {};
    };
    let label = r
        .options
        .iter()
        .find(|o| o.id == m.baseline_option)
        .map_or(m.baseline_option.as_str(), |o| o.label.as_str());
    let peak = match m.peak_pricing {
        PeakPricing::OnDemand => "On-Demand",
        PeakPricing::Spot => "Spot",
    };
    html! {
        <section class="mixed" id={ids.of("ec2-mixed")} aria-labelledby={ids.of("ec2-mixed-heading")}>
            <h3 id={ids.of("ec2-mixed-heading")}>{ format!("Mixed: {} committed, {} on {peak}", m.baseline_count, m.peak_count) }</h3>
            <CheckboxField id={ids.of("ec2-chart-mixed")} label="Draw on the chart" checked={ticked}
                on_toggle={{ let cb = on_pick.clone(); Callback::from(move |b| cb.emit(("mixed".to_string(), b))) }} />
            <p>
                <span class="figure" id={ids.of("ec2-mixed-total")}>{ m.horizon_total_usd.to_string() }</span>
                { format!(" over {} months ({} upfront, {} a month); baseline on {label}", r.horizon_months, m.upfront_usd, m.monthly_usd) }
                if let (Some(p), Some(u)) = (m.saving_percent, m.saving_usd) {
                    { against(u, p, "all On-Demand") }
                }
            </p>
            <details>
                <summary>{ "Working" }</summary>
                <LineItems lines={m.lines.clone()} total={m.horizon_total_usd}
                    amount_heading="Over the horizon" total_label="Total over the horizon"
                    caption={AttrValue::from("Mixed strategy")} />
            </details>
        </section>
    }
}
