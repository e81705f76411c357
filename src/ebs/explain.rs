//! EBS figures said step by step, and what "which volume type is cheapest?" chooses among.

use super::result::EbsResult;
use crate::service::{Choices, Step};

/// A type's line items (by code, e.g. `gp3`), or the cheapest type's (`None`).
pub(crate) fn steps(b: &EbsResult, option: Option<&str>) -> Option<Vec<Step>> {
    let o = match option {
        None => b.options.iter().find(|o| Some(o.id) == b.cheapest)?,
        Some(id) => b.options.iter().find(|o| o.id.code() == id)?,
    };
    let mut steps = vec![];
    if let Some(g) = o.provisioned_gib {
        steps.push(Step::new(
            format!(
                "{} is provisioned at {} GiB to meet the need.",
                o.name,
                crate::money::qty(g.into())
            ),
            None,
        ));
    }
    steps.extend(o.lines.iter().map(Step::of_line));
    steps.push(match o.monthly_usd {
        Some(m) => Step::new(format!("Total for {}: {m} a month", o.name), Some(m)),
        None => Step::new(
            o.reason.clone().unwrap_or_else(|| "No bundled rate".into()),
            None,
        ),
    });
    Some(steps)
}

pub(crate) fn choices(b: &EbsResult) -> Choices {
    Choices {
        options: b
            .options
            .iter()
            .map(|o| {
                (
                    o.id.code().into(),
                    o.name.into(),
                    o.monthly_usd.filter(|_| o.eligible),
                )
            })
            .collect(),
        measure: "a month",
        cheapest: b.cheapest.map(|t| t.code().into()),
    }
}
