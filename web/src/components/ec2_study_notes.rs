//! The study notes' table of EC2 purchasing options beside the savings computed here.

use crate::components::ec2_chart::SharedEc2;
use crate::components::ec2_options::percent;
use crate::hooks::use_ids;
use awscost::ec2::study_note;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Ec2StudyNotesProps {
    pub result: SharedEc2,
}

#[function_component]
pub fn Ec2StudyNotes(props: &Ec2StudyNotesProps) -> Html {
    let ids = use_ids();
    let r = &props.result.0;
    html! {
        <details class="study-notes" id={ids.of("ec2-study-notes")}>
            <summary>{ "Purchasing options: study notes vs computed here" }</summary>
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
        </details>
    }
}
