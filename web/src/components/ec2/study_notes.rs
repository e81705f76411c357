//! The study notes' table of EC2 purchasing options beside the savings computed here.

use super::percent;
use crate::components::chart::Shared;
use crate::hooks::{use_ids, use_open};
use awscost::ec2::Ec2Result;
use awscost::ec2::{study_note, OptionKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Ec2StudyNotesProps {
    pub result: Shared<Ec2Result>,
}

#[function_component]
pub fn Ec2StudyNotes(props: &Ec2StudyNotesProps) -> Html {
    let ids = use_ids();
    // The tables are drawn only while the notes are open.
    let (open, on_toggle) = use_open();
    let summary =
        html! { <summary>{ "Purchasing options: study notes vs the bundled rates" }</summary> };
    if !open {
        return html! {
            <details class="study-notes" id={ids.of("ec2-study-notes")} ontoggle={on_toggle}>{ summary }</details>
        };
    }
    let r = &props.result.0;
    html! {
        <details class="study-notes" id={ids.of("ec2-study-notes")} open=true ontoggle={on_toggle}>
            { summary }
            <table>
                <thead><tr>
                    <th scope="col">{ "Option" }</th><th scope="col">{ "Study notes" }</th>
                    <th scope="col">{ "Saving (notes)" }</th><th scope="col">{ "Best saving computed here" }</th>
                </tr></thead>
                <tbody>
                    { for r.study_notes.iter().map(|n| {
                        // The option of this row with the largest computed saving.
                        let best = r.options.iter()
                            .filter(|o| study_note(&o.id).is_some_and(|s| s.ids == n.ids))
                            .filter_map(|o| o.saving_percent.map(|p| (p, o)))
                            .max_by_key(|(p, _)| *p);
                        html! { <tr>
                            <th scope="row">{ n.option }</th>
                            <td>{ n.notes }</td>
                            <td>{ n.saving }</td>
                            <td>{ match best {
                                Some((p, o)) => format!("{} ({}; {})", percent(p), o.saving_usd.unwrap_or_default(), o.label),
                                None => "no bundled rate".into(),
                            } }</td>
                        </tr> }
                    }) }
                </tbody>
            </table>
            <table id={ids.of("ec2-best-savings")}>
                <caption>{ "What the notes promise vs the largest saving the bundled rates reach in this region" }</caption>
                <thead><tr>
                    <th scope="col">{ "Option" }</th><th scope="col">{ "Study notes" }</th>
                    <th scope="col">{ "Largest in the catalog" }</th>
                    <th scope="col">{ format!("For {}", r.instance.instance_type) }</th>
                </tr></thead>
                <tbody>
                    { for r.best_savings.iter().map(|b| html! { <tr>
                        <th scope="row">{ match b.kind {
                            OptionKind::Reserved => "Reserved Instances",
                            OptionKind::SavingsPlan => "Savings Plans",
                            _ => "Spot",
                        } }</th>
                        <td>{ b.notes_saving }</td>
                        <td>{ match (&b.region_best_percent, &b.region_best_type, &b.region_best_option) {
                            (Some(p), Some(t), Some(o)) => format!("{} ({t}, {o})", percent(*p)),
                            _ => "no public rate bundled".into(),
                        } }</td>
                        <td>{ match (&b.chosen_type_percent, &b.chosen_type_option) {
                            (Some(p), Some(o)) => format!("{} ({o})", percent(*p)),
                            _ => "no public rate bundled".into(),
                        } }</td>
                    </tr> }) }
                </tbody>
            </table>
            <p class="hint">{ r.best_savings.first().map(|b| b.basis).unwrap_or_default() }</p>
        </details>
    }
}
