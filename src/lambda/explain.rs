//! Lambda's figures said step by step, and what "which memory setting is cheapest?" chooses
//! among: every setting within the timeout.

use super::result::LambdaResult;
use crate::money::qty;
use crate::service::{Choices, Step};

/// The requested setting's line items (`None`, `requested`), or one swept setting's figure (its
/// memory in MB, or `cheapest` / `fastest`).
pub(crate) fn steps(l: &LambdaResult, option: Option<&str>) -> Option<Vec<Step>> {
    let mb = match option {
        None | Some("requested") => {
            let r = &l.requested;
            let mut steps: Vec<Step> = r.lines.iter().map(Step::of_line).collect();
            steps.push(Step::new(
                format!(
                    "Total at {} MB: {} a month",
                    qty(r.memory_mb.into()),
                    r.monthly_usd
                ),
                Some(r.monthly_usd),
            ));
            return Some(steps);
        }
        Some("cheapest") => l.cheapest.memory_mb,
        Some("fastest") => l.fastest.memory_mb,
        Some(mb) => mb.parse().ok()?,
    };
    let o = l.options.iter().find(|o| o.memory_mb == mb)?;
    let usd = l.options.usd(o);
    Some(vec![
        Step::new(
            format!(
                "At {} MB the modelled duration is {} ms, billed {} ms per invocation ({}).",
                qty(mb.into()),
                qty(rust_decimal::Decimal::new(i64::try_from(o.duration_us).unwrap_or(i64::MAX), 3)),
                qty(o.billed_duration_ms.into()),
                super::DURATION_MODEL
            ),
            None,
        ),
        Step::new(
            format!(
                "Requests, compute and ephemeral storage at {} MB, at the rates of the requested setting's line items: {} a month",
                qty(mb.into()),
                usd
            ),
            Some(usd),
        ),
    ])
}

pub(crate) fn choices(l: &LambdaResult) -> Choices {
    Choices {
        options: l
            .options
            .iter()
            .filter(|o| o.within_timeout)
            .map(|o| {
                (
                    o.memory_mb.to_string(),
                    format!("{} MB", qty(o.memory_mb.into())),
                    Some(l.options.usd(o)),
                )
            })
            .collect(),
        measure: "a month",
        cheapest: Some(l.cheapest.memory_mb.to_string()),
    }
}
