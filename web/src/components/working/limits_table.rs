//! Service limits: what the study notes teach beside what AWS documents now.

use awscost::limits;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LimitsTableProps {
    /// The service's rows (`limits::EBS`, ...): a panel's module links its own rows only.
    pub rows: &'static [limits::Limit],
}

#[function_component]
pub fn LimitsTable(props: &LimitsTableProps) -> Html {
    html! {
        <details class="limits">
            <summary>{ format!("{} limits: study notes vs current AWS", props.rows.first().map_or("", |l| l.service)) }</summary>
            <table>
                <thead><tr>
                    <th scope="col">{ "Limit" }</th><th scope="col">{ "Study notes" }</th>
                    <th scope="col">{ "Current AWS (used here)" }</th>
                </tr></thead>
                <tbody>
                    { for props.rows.iter().map(|l| html! {
                        <tr class={classes!(l.differs().then_some("differs"))}>
                            <th scope="row">{ l.name }</th>
                            <td>{ l.notes }</td>
                            <td>{ l.current }
                                if l.differs() { <strong class="tag">{ " changed" }</strong> }
                                { " " }<a href={l.source} target="_blank" rel="noopener noreferrer"
                                    aria-label={format!("source: {}", l.name)}>{ "source" }</a>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
