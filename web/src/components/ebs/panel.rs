//! The EBS panel: a need (capacity, IOPS, throughput, attachment, snapshots) and every volume type
//! sized and priced to meet it, following <https://aws.amazon.com/ebs/pricing/>.

use super::EbsTypes;
use crate::components::chart::Shared;
use crate::components::fields::{CheckboxField, NumberField, SelectField};
use crate::components::working::{LimitsTable, WarningList};
use crate::hooks::{error_for, invalid_tables, use_ids, use_panel, Ids, Shown};
use crate::state::{EbsAction, EbsField, EbsForm, Form};
use awscost::ebs::{EbsResult, SnapshotTier};
use awscost::error::FieldError;
use awscost::money::qty;
use awscost::Region;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EbsPanelProps {
    pub region: Region,
    pub form: EbsForm,
    /// Each change of one of the panel's inputs.
    pub on_change: Callback<EbsAction>,
}

/// (field, unit, hint); its label: `EbsField::label`.
type Spec = (EbsField, &'static str, &'static str);

const NEED: &[Spec] = &[
    (EbsField::Size, "GiB", "1 GiB – 64 TiB (65,536 GiB)"),
    (EbsField::Iops, "sustained", "0 if none"),
    (EbsField::Throughput, "MiB/s", "Sustained; 0 if none"),
    (EbsField::Hours, "hours per month", "730 = a full month"),
];
const INSTANCES: Spec = (
    EbsField::Instances,
    "",
    "Optional; more than 1 needs Multi-Attach (at most 16)",
);
const SNAPSHOT: Spec = (
    EbsField::Snapshot,
    "GiB",
    "Average through the month; 0 for none",
);

#[function_component]
pub fn EbsPanel(props: &EbsPanelProps) -> Html {
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
    let field = |&(f, unit, hint): &Spec| {
        let cb = props.on_change.clone();
        html! {
            <NumberField id={ids.of(&format!("ebs-{}", f.path().trim_start_matches("ebs.")))} label={f.label()} unit={unit}
                hint={(!hint.is_empty()).then(|| AttrValue::from(hint))}
                value={AttrValue::from(form.text(f).to_string())}
                range_key={f.path()} error={error_for(&errors, f.path())}
                on_input={Callback::from(move |t: String| cb.emit(EbsAction::Set(f, t)))} />
        }
    };
    let toggle = |make: fn(bool) -> EbsAction| {
        let cb = props.on_change.clone();
        Callback::from(move |b| cb.emit(make(b)))
    };
    let on_tier = {
        let cb = props.on_change.clone();
        Callback::from(move |v: String| {
            cb.emit(EbsAction::SnapshotTier(if v == "archive" {
                SnapshotTier::Archive
            } else {
                SnapshotTier::Standard
            }))
        })
    };
    let tiers = vec![
        (AttrValue::from("standard"), AttrValue::from("Standard")),
        (
            AttrValue::from("archive"),
            AttrValue::from("Archive (90-day minimum, fee to restore)"),
        ),
    ];
    // Errors that belong to no input of this panel (e.g. the region has no table).
    let general: Vec<&FieldError> = errors
        .iter()
        .filter(|e| !EbsField::ALL.iter().any(|f| f.path() == e.field))
        .collect();

    html! {
        <section class="panel ebs" aria-labelledby={ids.of("ebs-heading")}>
            <h2 id={ids.of("ebs-heading")}>{ "EBS: every volume type sized for a need" }</h2>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                { for NEED.iter().map(field) }
                <fieldset>
                    <legend>{ "Attachment" }</legend>
                    <CheckboxField id={ids.of("ebs-boot")} label="Boot (root) volume" checked={form.boot}
                        on_toggle={toggle(EbsAction::Boot)} hint={AttrValue::from("gp2, gp3, io1 and io2 only")} />
                    <CheckboxField id={ids.of("ebs-multi_attach")} label="Attach to several instances at once (Multi-Attach)"
                        checked={form.multi_attach} on_toggle={toggle(EbsAction::MultiAttach)}
                        hint={AttrValue::from("io1 and io2 only, up to 16 instances in one Availability Zone")} />
                    { field(&INSTANCES) }
                </fieldset>
                <fieldset>
                    <legend>{ "Snapshots" }</legend>
                    { field(&SNAPSHOT) }
                    <SelectField id={ids.of("ebs-snapshot_tier")} label="Snapshot tier" options={tiers}
                        value={AttrValue::from(form.snapshot_tier.code())} on_change={on_tier} />
                </fieldset>
            </form>
            <div class={classes!("results", stale.then_some("stale"))} aria-live="polite">
                if stale {
                    <p class="notice" role="status">{ "Fix the highlighted field to update; the figures below are the last ones that could be computed." }</p>
                    { for general.iter().map(|e| html! { <p class="error" role="alert">{ e.message() }</p> }) }
                }
                if let Some(r) = result {
                    { summary(&r, &ids) }
                    <WarningList warnings={r.warnings.clone()} />
                    <EbsTypes result={Shared(r.clone())} />
                    <p class="source">
                        { "Rates: " }
                        <a href={r.source.clone()} target="_blank" rel="noopener noreferrer">{ &r.source }</a>
                        { format!(" (as of {})", r.as_of) }
                    </p>
                }
                <LimitsTable rows={awscost::limits::EBS} />
            </div>
        </section>
    }
}

fn summary(r: &EbsResult, ids: &Ids) -> Html {
    let cheapest = r
        .cheapest
        .and_then(|t| r.options.iter().find(|o| o.id == t));
    html! {
        <div class="cards">
            <div class="card cheapest">
                <h3>{ "Cheapest type that meets the need" }</h3>
                if let Some(o) = cheapest {
                    <p class="figure"><span id={ids.of("ebs-cheapest")}>{ o.id.code() }</span>{ ": " }
                        <span id={ids.of("ebs-cheapest-total")}>{ o.monthly_usd.map(|u| u.to_string()).unwrap_or_default() }</span></p>
                    <p>{ format!("per month at {} GiB; {}", qty(o.provisioned_gib.unwrap_or_default().into()), o.name) }</p>
                } else {
                    <p class="figure" id={ids.of("ebs-cheapest")}>{ "none" }</p>
                    <p>{ "No type that meets the need could be priced; see each type's reason." }</p>
                }
            </div>
            if let Some(s) = r.gp2_to_gp3_saving_usd {
                <div class="card saving">
                    <h3>{ "gp2 → gp3" }</h3>
                    <p class="figure" id={ids.of("ebs-gp2-gp3-saving")}>{ s.to_string() }</p>
                    <p>{ if s.cents() > Decimal::ZERO {
                        "a month less on gp3 than on gp2 for this need; a gp2 volume changes to gp3 in place"
                    } else if s.cents() < Decimal::ZERO {
                        "a month: gp2 costs less than gp3 for this need"
                    } else {
                        "gp2 and gp3 cost the same for this need"
                    } }</p>
                </div>
            }
        </div>
    }
}
