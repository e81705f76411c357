//! S3 figures said step by step, and what "which storage class is cheapest?" chooses among: the
//! classes over the whole retention period, as the panel ranks them.

use super::result::S3Result;
use crate::service::{Choices, Step};

/// A class's steady month (by code, e.g. `STANDARD_IA`), or the cheapest class's (`None`).
pub(crate) fn steps(s: &S3Result, option: Option<&str>) -> Option<Vec<Step>> {
    let o = match option {
        None => s.options.iter().find(|o| Some(o.id) == s.cheapest)?,
        Some(id) => s.options.iter().find(|o| o.id.code() == id)?,
    };
    // Over the retention period first (what ranks the classes), then the steady month, so that
    // the working ends at the monthly figure the comparison shows.
    let mut steps: Vec<Step> = o
        .retention_total_usd
        .map(|t| {
            Step::new(
                format!(
                    "{} {}over the {}-day retention period, with any early-deletion charge: {t}; its steady month:",
                    o.name,
                    if option.is_none() { "costs the least " } else { "" },
                    s.retention_days
                ),
                Some(t),
            )
        })
        .into_iter()
        .collect();
    steps.extend(o.lines.iter().map(Step::of_line));
    steps.push(match o.monthly_usd {
        Some(m) => Step::new(format!("A steady month of {}: {m}", o.name), Some(m)),
        None => Step::new(format!("{}: {}", o.name, o.missing_rates.join("; ")), None),
    });
    Some(steps)
}

pub(crate) fn choices(s: &S3Result) -> Choices {
    Choices {
        options: s
            .options
            .iter()
            .map(|o| (o.id.code().into(), o.name.into(), o.retention_total_usd))
            .collect(),
        measure: "over the retention period",
        cheapest: s.cheapest.map(|c| c.code().into()),
    }
}
