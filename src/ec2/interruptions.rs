//! Spot with interruptions: what Spot really costs once the work an interruption loses is run
//! again, against On-Demand and the best commitment for the same workload, and the interruption
//! rate at which Spot stops being the cheaper choice.
//!
//! # The model
//! - The rate is **interruptions per instance per day of running** (24 instance-hours), `r`. An
//!   instance running `h` hours a month is interrupted `h ÷ 24 × r` times a month.
//! - A band of the Spot Instance Advisor (<https://aws.amazon.com/ec2/spot/instance-advisor/>:
//!   "frequency of interruption", the share of a type's Spot capacity reclaimed over the trailing
//!   month, in the bands `<5%`, `5-10%`, `10-15%`, `15-20%`, `>20%`) is read as that share of
//!   instances interrupted once in a 730-hour month: `r = share ÷ (730 ÷ 24) days`, with the
//!   band's upper bound (5 %, 10 %, 15 %, 20 %). `>20%` has no upper bound and uses 20 %: its
//!   figures are a floor.
//! - Work since the last checkpoint is lost: on average half a checkpoint interval (interruptions
//!   fall evenly between checkpoints), plus the restart time. Each interruption costs
//!   `checkpoint ÷ 2 + restart` minutes of instance time, run again at the Spot rate.
//! - The re-run hours are not themselves interrupted again (a first-order estimate, close while
//!   the re-run is a small share of the month).
//! - The Spot rate is the bundled Spot reference the EC2 comparison's Spot option uses
//!   ([`spot_reference`]): the highest per-AZ snapshot where bundled, else the average Spot price.
//!
//! The effective Spot month is then `s × (n × h + n × h ÷ 24 × r × L)`, linear and
//! non-decreasing in `r`, equal to the Spot option's month at `r = 0`. It reaches a benchmark
//! month `C` at `r = 24 × (C − s × n × h) ÷ (s × n × h × L)`, solved exactly; "never" when
//! nothing runs or nothing is lost, 0 when Spot costs as much with no interruptions at all.
//!
//! # The chart
//! 40 even steps from 0 to a quarter beyond the largest of the bands, the rate asked and the
//! crossings (a crossing above [`CHART_MAX_PER_DAY`] is reported, not drawn), plus those rates
//! themselves as exact points. A typed rate keeps six decimal places, minutes three.

use super::{
    compare, spot_reference, Ec2Pricing, Ec2Result, Ec2Workload, OptionKind, PRICING_FILE,
};
use crate::error::{Collector, FieldError};
use crate::money::{qty, rate as fmt_rate, Usd, HOURS_PER_MONTH};
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

/// The Spot Instance Advisor, where the frequency-of-interruption bands are published.
pub const ADVISOR_URL: &str = "https://aws.amazon.com/ec2/spot/instance-advisor/";
/// The most interruptions per instance per day of running accepted: one an hour.
pub const MAX_INTERRUPTIONS_PER_DAY: u64 = 24;
/// The longest checkpoint interval accepted, in minutes: a week.
pub const MAX_CHECKPOINT_MINUTES: u64 = 10_080;
/// The longest restart accepted, in minutes: a day.
pub const MAX_RESTART_MINUTES: u64 = 1_440;

/// How the model reads the inputs, as shown beside the figures.
pub const MODEL: &str = "Interruptions per instance per day of running (24 instance-hours). Each interruption loses half a checkpoint interval of work on average, plus the restart; that time is run again at the Spot rate. Re-run hours are not interrupted again (a first-order estimate).";

crate::closed_set! {
    /// The Spot Instance Advisor's frequency-of-interruption bands: the share of instances
    /// interrupted in a month.
    pub enum InterruptionBand {
        Under5 = "<5%", "<5 %";
        From5To10 = "5-10%", "5–10 %";
        From10To15 = "10-15%", "10–15 %";
        From15To20 = "15-20%", "15–20 %";
        Over20 = ">20%", ">20 % (20 % used: a floor)";
    }
}

impl InterruptionBand {
    /// The share of instances interrupted in a month the band is read as, in percent: its upper
    /// bound, or 20 for `>20%`.
    pub fn percent(self) -> Decimal {
        Decimal::from(match self {
            InterruptionBand::Under5 => 5,
            InterruptionBand::From5To10 => 10,
            InterruptionBand::From10To15 => 15,
            InterruptionBand::From15To20 | InterruptionBand::Over20 => 20,
        })
    }

    /// Interruptions per instance per day of running: the share ÷ (730 ÷ 24) days.
    pub fn per_day(self) -> Decimal {
        self.percent() * Decimal::from(24) / (Decimal::ONE_HUNDRED * Decimal::from(HOURS_PER_MONTH))
    }
}

/// What to ask of the Spot-with-interruptions explorer (public JSON, `spot_interruptions` in an
/// explore request). Give `interruptions_per_day` or a `band`, not both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterruptionAsk {
    /// Interruptions per instance per day of running, 0 to 24.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interruptions_per_day: Option<Decimal>,
    /// A Spot Instance Advisor band instead of a rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<InterruptionBand>,
    /// Minutes between checkpoints (0: nothing is lost but the restart).
    pub checkpoint_minutes: Decimal,
    /// Minutes to get going again after an interruption.
    pub restart_minutes: Decimal,
}

/// A month to set Spot against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Benchmark {
    /// The EC2 comparison's option id and name.
    pub id: String,
    pub label: String,
    /// Its horizon total ÷ the horizon's months.
    pub monthly_usd: Usd,
    #[serde(skip)]
    exact: Decimal,
}

/// Where Spot's effective month reaches a benchmark's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Crossing {
    /// Interruptions per instance per day of running (exact); null: never.
    pub interruptions_per_day: Option<Decimal>,
    /// The same per instance in a 730-hour month always on (exact).
    pub interruptions_per_month: Option<Decimal>,
    /// What it means, with the working.
    pub note: String,
}

/// A point of the chart: Spot's effective month at an interruption rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChartPoint {
    pub interruptions_per_day: Decimal,
    pub effective_monthly_usd: Usd,
}

/// A band of the Spot Instance Advisor, as the model reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BandPoint {
    pub band: InterruptionBand,
    pub interruptions_per_day: Decimal,
    pub effective_monthly_usd: Option<Usd>,
}

/// The answer of the Spot-with-interruptions explorer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpotInterruptions {
    pub instance_type: String,
    pub count: u32,
    pub hours_per_month: Decimal,
    /// The band asked for, if any.
    pub band: Option<InterruptionBand>,
    /// The rate used: interruptions per instance per day of running.
    pub interruptions_per_day: Decimal,
    /// How the rate was set, in words.
    pub rate_basis: String,
    pub checkpoint_minutes: Decimal,
    pub restart_minutes: Decimal,
    /// Instance time lost per interruption: half the checkpoint interval plus the restart.
    pub lost_hours_per_interruption: Decimal,
    /// Interruptions over all instances in a month.
    pub interruptions_per_month: Decimal,
    /// Instance-hours run again in a month.
    pub rerun_hours_per_month: Decimal,
    /// The Spot reference rate (null: no public rate bundled) and what it is.
    pub spot_rate: Option<Decimal>,
    pub spot_rate_basis: Option<String>,
    /// Spot's month with no interruptions (the EC2 comparison's Spot option).
    pub spot_monthly_usd: Option<Usd>,
    /// Spot's month including the re-run.
    pub effective_monthly_usd: Option<Usd>,
    pub on_demand: Option<Benchmark>,
    /// The cheapest suitable Reserved Instance or Savings Plan, amortised.
    pub best_commitment: Option<Benchmark>,
    pub crosses_on_demand: Option<Crossing>,
    pub crosses_commitment: Option<Crossing>,
    pub bands: Vec<BandPoint>,
    /// Effective month against interruption rate, covering the bands and the crossings.
    pub points: Vec<ChartPoint>,
    /// The working: lines that add up to `effective_monthly_usd`.
    pub lines: Vec<LineItem>,
    /// Why there are no Spot figures.
    pub reason: Option<String>,
    pub advisor_url: &'static str,
    pub model: &'static str,
}

/// How many even steps the chart's range is cut into (the bands and crossings are added).
const CHART_STEPS: u32 = 40;
/// The chart's range ends at a crossing up to this rate (ten an hour); one beyond is reported,
/// not drawn.
pub const CHART_MAX_PER_DAY: u64 = 240;

/// Prices Spot with interruptions for the workload, against On-Demand and the best commitment.
pub fn spot_interruptions(
    pricing: &Ec2Pricing,
    region: Region,
    w: &Ec2Workload,
    ask: &InterruptionAsk,
) -> Result<SpotInterruptions, Vec<FieldError>> {
    let checked = check(ask);
    let r = super::result::prelude(pricing, region, w);
    let checked = match (checked, r) {
        (Ok(c), Ok(_)) => c,
        (a, b) => {
            let mut errors = a.err().unwrap_or_default();
            errors.extend(b.err().unwrap_or_default());
            return Err(errors);
        }
    };
    let result = compare(pricing, region, w)?;
    Ok(priced(pricing, region, &result, ask.band, checked))
}

/// As [`spot_interruptions`], for a comparison already made (the widget's EC2 panel has one on
/// screen: the comparison is not run twice per keystroke).
pub fn spot_interruptions_of(
    pricing: &Ec2Pricing,
    region: Region,
    result: &Ec2Result,
    ask: &InterruptionAsk,
) -> Result<SpotInterruptions, Vec<FieldError>> {
    let checked = check(ask)?;
    Ok(priced(pricing, region, result, ask.band, checked))
}

/// The request's rate (per instance-day), checkpoint and restart minutes, each in range.
fn check(ask: &InterruptionAsk) -> Result<(Decimal, Decimal, Decimal), Vec<FieldError>> {
    let mut c = Collector::default();
    let f = |name: &str| format!("spot_interruptions.{name}");
    let per_day = match (ask.interruptions_per_day, ask.band) {
        (Some(_), Some(_)) => {
            c.push(
                &f("band"),
                crate::Problem::Malformed(
                    "Give either interruptions_per_day or band, not both.".into(),
                ),
            );
            None
        }
        (None, None) => {
            c.push(&f("interruptions_per_day"), crate::Problem::Required);
            None
        }
        (None, Some(b)) => Some(b.per_day()),
        (Some(r), None) => c.within(
            &f("interruptions_per_day"),
            r,
            "interruptions per day",
            (Decimal::ZERO, "a rate cannot be negative"),
            (
                Decimal::from(MAX_INTERRUPTIONS_PER_DAY),
                "one an hour is beyond any band the Spot Instance Advisor reports",
            ),
        ),
    };
    let checkpoint = c.within(
        &f("checkpoint_minutes"),
        ask.checkpoint_minutes,
        "minutes",
        (Decimal::ZERO, "an interval cannot be negative"),
        (Decimal::from(MAX_CHECKPOINT_MINUTES), "a week at most"),
    );
    let restart = c.within(
        &f("restart_minutes"),
        ask.restart_minutes,
        "minutes",
        (Decimal::ZERO, "a restart cannot take negative time"),
        (Decimal::from(MAX_RESTART_MINUTES), "a day at most"),
    );
    // A band's rate is worked out, not typed: only a rate given is held to six places.
    let per_day = match ask.band {
        Some(_) => per_day,
        None => per_day
            .and_then(|r| c.places(&f("interruptions_per_day"), r, 6, "interruptions per day")),
    };
    let checkpoint = checkpoint.and_then(|m| c.places(&f("checkpoint_minutes"), m, 3, "minutes"));
    let restart = restart.and_then(|m| c.places(&f("restart_minutes"), m, 3, "minutes"));
    c.finish(|| {
        (
            per_day.unwrap_or_default(),
            checkpoint.unwrap_or_default(),
            restart.unwrap_or_default(),
        )
    })
}

/// The answer for a checked request.
fn priced(
    pricing: &Ec2Pricing,
    region: Region,
    result: &Ec2Result,
    band: Option<InterruptionBand>,
    (per_day, checkpoint, restart): (Decimal, Decimal, Decimal),
) -> SpotInterruptions {
    let ask_band = band;
    let tables = pricing.region(region);
    let name = result.instance.instance_type.clone();
    let n = Decimal::from(result.count);
    let h = result.hours_per_month;
    let lost = (checkpoint / Decimal::TWO + restart) / Decimal::from(60);
    let per_month = |r: Decimal| n * h * r / Decimal::from(24);

    let benchmark = |o: &super::Ec2Option| {
        o.exact_total.map(|t| Benchmark {
            id: o.id.clone(),
            label: o.label.clone(),
            monthly_usd: Usd(t / Decimal::from(result.horizon_months.max(1))),
            exact: t / Decimal::from(result.horizon_months.max(1)),
        })
    };
    let on_demand = result
        .options
        .iter()
        .find(|o| o.kind == OptionKind::OnDemand)
        .and_then(benchmark);
    let best_commitment = result
        .options
        .iter()
        .filter(|o| o.suitable && matches!(o.kind, OptionKind::Reserved | OptionKind::SavingsPlan))
        .filter_map(|o| o.exact_total.map(|t| (t, o)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .and_then(|(_, o)| benchmark(o));

    let interruptions = per_month(per_day);
    let rerun = interruptions * lost;
    let rate_basis = match ask_band {
        Some(b) => format!(
            "Spot Instance Advisor band {}: {} % of instances interrupted in a 730-hour month{} = {} % ÷ (730 ÷ 24) days = {} interruptions per instance per day of running",
            b.code(),
            qty(b.percent()),
            if b == InterruptionBand::Over20 {
                " (the band has no upper bound; 20 % is a floor)"
            } else {
                " (the band's upper bound)"
            },
            qty(b.percent()),
            qty(round(per_day, 6)),
        ),
        None => format!(
            "{} interruptions per instance per day of running, as given",
            qty(per_day)
        ),
    };
    let mut out = SpotInterruptions {
        instance_type: name.clone(),
        count: result.count,
        hours_per_month: h,
        band: ask_band,
        interruptions_per_day: per_day,
        rate_basis,
        checkpoint_minutes: checkpoint,
        restart_minutes: restart,
        lost_hours_per_interruption: lost,
        interruptions_per_month: interruptions,
        rerun_hours_per_month: rerun,
        spot_rate: None,
        spot_rate_basis: None,
        spot_monthly_usd: None,
        effective_monthly_usd: None,
        on_demand,
        best_commitment,
        crosses_on_demand: None,
        crosses_commitment: None,
        bands: vec![],
        points: vec![],
        lines: vec![],
        reason: None,
        advisor_url: ADVISOR_URL,
        model: MODEL,
    };
    let Some(spot) = tables.and_then(|t| spot_reference(t, &name)) else {
        out.reason = Some(format!(
            "No public rate bundled for Spot for {name} in {region}; import AWS's Price List file (awscost import-ec2) or a Spot price snapshot to add it."
        ));
        out.bands = InterruptionBand::ALL
            .iter()
            .map(|&b| BandPoint {
                band: b,
                interruptions_per_day: b.per_day(),
                effective_monthly_usd: None,
            })
            .collect();
        return out;
    };
    let s = spot.rate;
    let base = s * n * h;
    let effective = |r: Decimal| Usd(s * (n * h + per_month(r) * lost));
    let src = SourceRef {
        table: PRICING_FILE.into(),
        row: format!("{region} {}", spot.row(&name)),
        url: spot.source.to_string(),
        as_of: spot.as_of.to_string(),
    };
    out.spot_rate = Some(s);
    out.spot_rate_basis = Some(match spot.range {
        Some(range) => format!(
            "the highest of {} AZ snapshots ({} to {} an hour), as the EC2 comparison's Spot option",
            range.azs,
            fmt_rate(range.low),
            fmt_rate(range.high)
        ),
        None => "the average Spot price, as the EC2 comparison's Spot option".into(),
    });
    out.spot_monthly_usd = Some(Usd(base));
    out.effective_monthly_usd = Some(effective(per_day));
    out.lines = vec![
        LineItem::priced(
            spot.line_label(),
            n * h,
            "instance-hours",
            s,
            "USD per instance-hour",
            format!(
                "{} instance{} × {} h a month = {} instance-hours × {} = {}",
                qty(n),
                if result.count == 1 { "" } else { "s" },
                qty(h),
                qty(n * h),
                fmt_rate(s),
                Usd(base)
            ),
            src.clone(),
        ),
        LineItem::priced(
            "Spot instance-hours run again after interruptions",
            rerun,
            "instance-hours",
            s,
            "USD per instance-hour",
            format!(
                "{} × {} h ÷ 24 h × {} interruptions per instance-day = {} interruptions a month; each loses half the {}-minute checkpoint interval plus the {}-minute restart = ({} ÷ 2 + {}) ÷ 60 = {} h; {} × {} h = {} instance-hours × {} = {}",
                qty(n),
                qty(h),
                qty(round(per_day, 6)),
                qty(round(interruptions, 4)),
                qty(checkpoint),
                qty(restart),
                qty(checkpoint),
                qty(restart),
                qty(round(lost, 4)),
                qty(round(interruptions, 4)),
                qty(round(lost, 4)),
                qty(round(rerun, 4)),
                fmt_rate(s),
                Usd(s * rerun)
            ),
            src,
        ),
    ];
    let cross = |b: &Benchmark| crossing(b, base, lost);
    out.crosses_on_demand = out.on_demand.as_ref().map(cross);
    out.crosses_commitment = out.best_commitment.as_ref().map(cross);
    out.bands = InterruptionBand::ALL
        .iter()
        .map(|&b| BandPoint {
            band: b,
            interruptions_per_day: b.per_day(),
            effective_monthly_usd: Some(effective(b.per_day())),
        })
        .collect();

    // The chart's range: the bands, the rate asked and the crossings, with a quarter to spare.
    let mut marks: Vec<Decimal> = InterruptionBand::ALL.iter().map(|b| b.per_day()).collect();
    marks.push(per_day);
    for c in [&out.crosses_on_demand, &out.crosses_commitment]
        .into_iter()
        .flatten()
    {
        marks.extend(
            c.interruptions_per_day
                .filter(|r| *r <= Decimal::from(CHART_MAX_PER_DAY)),
        );
    }
    let top = marks.iter().copied().max().unwrap_or_default() * Decimal::new(125, 2);
    let step = top / Decimal::from(CHART_STEPS);
    let mut xs: Vec<Decimal> = (0..=CHART_STEPS)
        .map(|i| round(step * Decimal::from(i), 6))
        .collect();
    xs.extend(marks);
    xs.sort();
    xs.dedup();
    out.points = xs
        .into_iter()
        .map(|x| ChartPoint {
            interruptions_per_day: x,
            effective_monthly_usd: effective(x),
        })
        .collect();
    out
}

/// The rate at which Spot's effective month (`base` with no interruptions, `lost` hours per
/// interruption) reaches the benchmark's.
fn crossing(b: &Benchmark, base: Decimal, lost: Decimal) -> Crossing {
    let never = |note: String| Crossing {
        interruptions_per_day: None,
        interruptions_per_month: None,
        note,
    };
    if base.is_zero() {
        return never("Nothing runs, so nothing is interrupted: never.".into());
    }
    if b.exact <= base {
        return Crossing {
            interruptions_per_day: Some(Decimal::ZERO),
            interruptions_per_month: Some(Decimal::ZERO),
            note: format!(
                "Spot already costs at least as much as {} ({} a month against {}) with no interruptions.",
                b.label,
                Usd(base),
                b.monthly_usd
            ),
        };
    }
    if lost.is_zero() {
        return never(format!(
            "No work is lost to an interruption (no checkpoint interval, no restart), so Spot never costs more than with none: it stays below {} at any rate.",
            b.label
        ));
    }
    let r = base
        .checked_mul(lost)
        .filter(|den| !den.is_zero())
        .and_then(|den| {
            Decimal::from(24)
                .checked_mul(b.exact - base)?
                .checked_div(den)
        });
    let Some(r) = r else {
        return never(format!(
            "Spot would reach {} only at a rate beyond any the calculator works with: never, in practice.",
            b.label
        ));
    };
    Crossing {
        interruptions_per_day: Some(r),
        interruptions_per_month: r
            .checked_mul(Decimal::from(HOURS_PER_MONTH))
            .map(|x| x / Decimal::from(24)),
        note: format!(
            "24 × ({} − {}) ÷ ({} × {} h lost each) = {} interruptions per instance per day of running: above it Spot costs more than {}.",
            b.monthly_usd,
            Usd(base),
            Usd(base),
            qty(round(lost, 4)),
            qty(round(r, 4)),
            b.label
        ),
    }
}

fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests;
