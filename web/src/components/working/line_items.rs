//! Line items, each expandable into its formula, units and the pricing row it used.

use super::Explain;
use awscost::money::{qty, rate};
use awscost::report::LineItem;
use awscost::service::Step;
use awscost::Usd;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineItemsProps {
    pub lines: Vec<LineItem>,
    pub total: Usd,
    pub caption: AttrValue,
    /// The amount column's heading.
    #[prop_or(AttrValue::Static("Monthly"))]
    pub amount_heading: AttrValue,
    #[prop_or(AttrValue::Static("Total per month"))]
    pub total_label: AttrValue,
}

#[function_component]
pub fn LineItems(props: &LineItemsProps) -> Html {
    let steps = {
        let (lines, total, label) = (props.lines.clone(), props.total, props.total_label.clone());
        Callback::from(move |()| {
            let mut steps: Vec<Step> = lines.iter().map(Step::of_line).collect();
            steps.push(Step::new(format!("{label}: {total}"), Some(total)));
            steps
        })
    };
    html! {
        <>
        <table class="lines">
            <caption>{ props.caption.clone() }</caption>
            <thead><tr><th scope="col">{ "Charge (expand for the working)" }</th><th scope="col" class="num">{ props.amount_heading.clone() }</th></tr></thead>
            <tbody>
                { for props.lines.iter().map(|l| html! {
                    <tr>
                        <td>
                            <details>
                                // Named with the table's caption too, so that the same charge in
                                // two tables (a class's month and its whole period) is told apart.
                                <summary>{ &l.label }<span class="vh">{ format!(" ({})", props.caption) }</span></summary>
                                <dl class="math">
                                    <dt>{ "Quantity" }</dt><dd>{ format!("{} {}", qty(l.quantity), l.unit) }</dd>
                                    <dt>{ "Rate" }</dt><dd>{ format!("{} {}", rate(l.rate), l.rate_unit.trim_start_matches("USD ")) }</dd>
                                    <dt>{ "Working" }</dt><dd class="formula">{ &l.formula }</dd>
                                    <dt>{ "Exact" }</dt><dd>{ format!("${} → {}", qty(l.exact_usd), l.amount_usd) }</dd>
                                    <dt>{ "Pricing row" }</dt>
                                    <dd>{ format!("{}: {} (as of {}) ", l.source.table, l.source.row, l.source.as_of) }
                                        <a href={l.source.url.clone()} target="_blank" rel="noopener noreferrer"
                                            aria-label={format!("source: {} ({})", l.label, props.caption)}>{ "source" }</a></dd>
                                </dl>
                            </details>
                        </td>
                        <td class="num">{ l.amount_usd.to_string() }</td>
                    </tr>
                }) }
            </tbody>
            <tfoot><tr><th scope="row">{ props.total_label.clone() }</th><td class="num total">{ props.total.to_string() }</td></tr></tfoot>
        </table>
        <Explain name={props.caption.clone()} {steps} />
        </>
    }
}
