//! The explore request's `lambda_to_ec2` options, checked once.

use super::{LambdaToEc2Ask, MAX_EXTRA_MONTHLY_USD, MAX_HEADROOM_PERCENT};
use crate::error::{Collector, FieldError};
use rust_decimal::Decimal;

/// The ask's checked options.
pub(super) struct Options {
    pub headroom: u64,
    pub extra: Decimal,
}

pub(super) fn check_ask(ask: &LambdaToEc2Ask) -> Result<Options, Vec<FieldError>> {
    let mut c = Collector::default();
    let headroom = match ask.headroom_percent {
        Some(h) => c.whole(
            "lambda_to_ec2.headroom_percent",
            h,
            "%",
            (0, "headroom cannot be negative"),
            (
                MAX_HEADROOM_PERCENT,
                "ten times the average concurrency is the most this explorer plans for",
            ),
        ),
        None => Some(0),
    };
    let extra = match ask.extra_monthly_usd {
        Some(x) => c
            .within(
                "lambda_to_ec2.extra_monthly_usd",
                x,
                "USD",
                (Decimal::ZERO, "an added cost cannot be negative"),
                (
                    MAX_EXTRA_MONTHLY_USD.into(),
                    "far beyond any fleet this explorer weighs",
                ),
            )
            .and_then(|x| c.places("lambda_to_ec2.extra_monthly_usd", x, 6, "USD")),
        None => Some(Decimal::ZERO),
    };
    match (headroom, extra) {
        (Some(headroom), Some(extra)) if c.errors.is_empty() => Ok(Options { headroom, extra }),
        _ => Err(c.errors),
    }
}
