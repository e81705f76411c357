//! EC2 figures said step by step (an option's horizon, then its month averaged), and what "which
//! purchasing option is cheapest?" chooses among: the suitable options with a bundled rate.

use super::result::{Ec2Option, Ec2Result};
use crate::money::Usd;
use crate::service::{Choices, Step};
use rust_decimal::Decimal;

/// A month of an option: its horizon total ÷ the horizon's months, as the comparison counts it.
fn monthly(e: &Ec2Result, o: &Ec2Option) -> Option<Usd> {
    let months = Decimal::from(e.horizon_months.max(1));
    o.horizon_total_usd.map(|t| Usd(t.0 / months))
}

/// An option's line items (by id), or the cheapest suitable option's (`None`).
pub(crate) fn steps(e: &Ec2Result, option: Option<&str>) -> Option<Vec<Step>> {
    let id = option.or(e.cheapest_suitable.as_deref())?;
    let o = e.options.iter().find(|o| o.id == id)?;
    let mut steps: Vec<Step> = o.lines.iter().map(Step::of_line).collect();
    match (o.horizon_total_usd, monthly(e, o)) {
        (Some(t), Some(m)) => {
            steps.push(Step::new(
                format!(
                    "{} over the {}-month horizon: {t}",
                    o.label, e.horizon_months
                ),
                Some(t),
            ));
            steps.push(Step::new(
                format!("{t} ÷ {} months = {m} a month", e.horizon_months),
                Some(m),
            ));
        }
        _ => steps.push(Step::new(
            o.reason
                .clone()
                .unwrap_or_else(|| format!("{}: no bundled rate", o.label)),
            None,
        )),
    }
    Some(steps)
}

pub(crate) fn choices(e: &Ec2Result) -> Choices {
    Choices {
        options: e
            .options
            .iter()
            .map(|o| {
                let usd = if o.suitable { monthly(e, o) } else { None };
                (o.id.clone(), o.label.clone(), usd)
            })
            .collect(),
        measure: "a month, averaged over the horizon",
        cheapest: e.cheapest_suitable.clone(),
    }
}
