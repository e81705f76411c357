//! Ranges and what moves the bill: any number input of a workload given as low / likely / high
//! (the likely value is the field's own), answered with a cost band and a tornado of
//! sensitivities.
//!
//! - The **band**: each service's monthly figure (the one a scenario comparison shows) and the
//!   total, priced with every ranged input at its low value, at its likely value, and at its high
//!   value. A low input does not always make a low bill (more Lambda memory can make a function
//!   faster and cheaper; fewer GB retrieved can tip S3 into another class), so the band's
//!   `low_usd` and `high_usd` are the least and the most of every figure priced here.
//! - The **sensitivity** (the tornado's bars): each ranged input swung from low to high with the
//!   others at likely; bars sorted by how far they move the monthly total, largest first. Inputs
//!   of different services add up: the bars of a bill whose each service has one ranged input
//!   sum to the band's width.
//!
//! Each point is priced by [`crate::compare`] on the workload with the inputs set, so every figure
//! is one the panels would show for that workload. A swing re-prices only its own service.

use crate::error::{FieldError, Problem};
use crate::money::{qty, Usd};
use crate::services::ServiceCode;
use crate::workload::Workload;
use crate::Comparison;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most inputs given as ranges at once: each adds two pricings of its service to every
/// change, and the widget keeps a change within one frame for eight.
pub const MAX_RANGES: usize = 8;

/// One input's range; its likely value is the workload field's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
}

/// The ranged inputs of a workload, by JSON path (`lambda.invocations_per_month`).
pub type Ranges = BTreeMap<String, Range>;

/// One figure's band: priced at every ranged input's low, likely and high value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    /// With every ranged input at its low value (null: no priced figure there).
    pub at_low_inputs_usd: Option<Usd>,
    pub likely_usd: Option<Usd>,
    /// With every ranged input at its high value.
    pub at_high_inputs_usd: Option<Usd>,
    /// The least of every figure priced for this band (the three above and each swing's two).
    pub low_usd: Option<Usd>,
    /// The most of them.
    pub high_usd: Option<Usd>,
}

/// The band of one service's monthly figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceBand {
    pub service: ServiceCode,
    /// What the figure is (e.g. "a month").
    pub measure: &'static str,
    #[serde(flatten)]
    pub band: Band,
}

/// The bands of a workload's services and of their total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bands {
    pub total: Band,
    pub services: Vec<ServiceBand>,
}

/// One ranged input swung from low to high, the others at likely: one bar of the tornado.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sensitivity {
    /// The input's JSON path.
    pub input: String,
    pub service: ServiceCode,
    pub low: Decimal,
    pub likely: Decimal,
    pub high: Decimal,
    /// The monthly total with this input at its low value (null: not priced there, see `note`).
    pub at_low_usd: Option<Usd>,
    pub at_high_usd: Option<Usd>,
    /// How far the total moves: |at high − at low|.
    pub swing_usd: Option<Usd>,
    /// Why a swing has no figure (its value cannot be priced), in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The swing in a sentence, as the working says it.
    pub said: String,
}

/// Where each ranged input's value is read, and the service it belongs to.
struct Ranged<'a> {
    path: &'a str,
    service: ServiceCode,
    range: Range,
    likely: Decimal,
}

/// The number inputs of a workload a range can be given for, as `(path, likely value)`.
pub fn rangeable(w: &Workload) -> Vec<(String, Decimal)> {
    w.inputs()
        .into_iter()
        .filter(|(p, _)| p != "region")
        .filter_map(|(p, v)| Decimal::from_str(&v).ok().map(|d| (p, d)))
        .collect()
}

/// Checks every range against the workload; reports all problems at once.
fn read<'a>(w: &Workload, ranges: &'a Ranges) -> Result<Vec<Ranged<'a>>, Vec<FieldError>> {
    let mut errors = vec![];
    if ranges.len() > MAX_RANGES {
        errors.push(FieldError::new(
            "ranges",
            Problem::Malformed(format!(
                "{} inputs are given as ranges; at most {MAX_RANGES} can be at once (each is priced twice more on every change). Give the others as one number.",
                ranges.len()
            )),
        ));
    }
    let numbers = rangeable(w);
    let mut out = vec![];
    for (path, &range) in ranges {
        let field = format!("ranges.{}", crate::error::cut(path));
        let Some(&(_, likely)) = numbers.iter().find(|(p, _)| p == path) else {
            let offered: Vec<&str> = numbers.iter().map(|(p, _)| p.as_str()).collect();
            errors.push(FieldError::new(
                field,
                Problem::Malformed(format!(
                    "`{}` is not a number input of this workload; a range can be given for {}.",
                    crate::error::cut(path),
                    if offered.is_empty() {
                        "the number inputs of a service section (this workload has none)".into()
                    } else {
                        offered.join(", ")
                    }
                )),
            ));
            continue;
        };
        if range.low > likely || likely > range.high {
            errors.push(FieldError::new(
                field,
                Problem::Malformed(format!(
                    "Give low ≤ likely ≤ high: low {}, likely {} (the field's value), high {}.",
                    qty(range.low),
                    qty(likely),
                    qty(range.high)
                )),
            ));
            continue;
        }
        let service = ServiceCode::ALL
            .into_iter()
            .find(|s| path.split('.').next() == Some(s.code()));
        if let Some(service) = service {
            out.push(Ranged {
                path,
                service,
                range,
                likely,
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The workload with these inputs set (and no ranges), or why it cannot be read.
///
/// Through JSON text both ways, with the workload's own reader and writer: a `Value` serializer
/// and deserializer for every workload type would cost every module that compares tens of KB.
fn with_values(w: &Workload, values: &[(&str, Decimal)]) -> Result<Workload, String> {
    let text = serde_json::to_string(w).map_err(|e| e.to_string())?;
    let mut v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if let Some(o) = v.as_object_mut() {
        o.remove("ranges");
    }
    for &(path, value) in values {
        let mut at = &mut v;
        // `s3.lifecycle[1].days`: keys, each perhaps with an index.
        for part in path.split('.') {
            let (key, index) = match part.split_once('[') {
                Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            at = at
                .get_mut(key)
                .ok_or_else(|| format!("{path} is not in the workload"))?;
            if let Some(i) = index {
                at = at
                    .get_mut(i)
                    .ok_or_else(|| format!("{path} is not in the workload"))?;
            }
        }
        *at = serde_json::Value::String(value.normalize().to_string());
    }
    Workload::from_json(&v.to_string()).map_err(|e| {
        e.errors
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    })
}

/// One service's monthly figure in a comparison.
fn figure(c: &Comparison, s: ServiceCode) -> Option<Usd> {
    s.figures(c)?.headline.monthly_usd
}

/// Headline figures already priced, by service and its section (with the region) as JSON. The
/// widget keeps one across changes, so that a keystroke in one service reprices only that
/// service's points: the others' likely, ends and swings are found here.
#[derive(Default)]
pub struct Prices(BTreeMap<(ServiceCode, String), Result<Option<Usd>, String>>);

impl Prices {
    /// Kept at most; then started afresh.
    const MOST: usize = 512;

    /// `s`'s headline for `w`'s section (`None`: no such section), priced once.
    fn monthly(&mut self, s: ServiceCode, w: &Workload) -> Option<Result<Option<Usd>, String>> {
        let key = (s, s.section_json(w)?);
        if let Some(v) = self.0.get(&key) {
            return Some(v.clone());
        }
        let said = |e: Vec<FieldError>| e.first().map(ToString::to_string).unwrap_or_default();
        let v = s.monthly(w)?.map_err(said);
        if self.0.len() >= Self::MOST {
            self.0.clear();
        }
        self.0.insert(key, v.clone());
        Some(v)
    }
}

/// Each service's figure for `w` (only `only`'s, when given), or why it could not be priced.
/// Each is the headline a comparison would show, priced the cheapest way its service has.
fn priced(
    w: &Workload,
    only: Option<ServiceCode>,
    prices: &mut Prices,
) -> Result<Vec<(ServiceCode, Option<Usd>)>, String> {
    let mut out = vec![];
    for s in ServiceCode::ALL {
        if only.is_some_and(|o| o != s) {
            continue;
        }
        if let Some(figure) = prices.monthly(s, w) {
            out.push((s, figure?));
        }
    }
    Ok(out)
}

fn sum(figures: &[(ServiceCode, Option<Usd>)]) -> Option<Usd> {
    figures
        .iter()
        .try_fold(Decimal::ZERO, |t, (_, f)| f.map(|f| t + f.0))
        .map(Usd)
}

fn of(figures: &[(ServiceCode, Option<Usd>)], s: ServiceCode) -> Option<Usd> {
    figures.iter().find(|(f, _)| *f == s).and_then(|(_, f)| *f)
}

/// The band and the tornado of a workload with ranges; `None` when it has none. `likely` is the
/// comparison of the workload as given.
pub fn explore(
    w: &Workload,
    likely: &Comparison,
) -> Result<Option<(Bands, Vec<Sensitivity>)>, Vec<FieldError>> {
    let at_likely: Vec<(ServiceCode, Option<Usd>)> = ServiceCode::ALL
        .into_iter()
        .filter(|&s| s.figures(likely).is_some())
        .map(|s| (s, figure(likely, s)))
        .collect();
    answer(w, at_likely, &mut Prices::default())
}

/// The band and the tornado alone, each figure priced the cheapest way its service has (what the
/// widget does on each change, beside the panels' own comparisons); `None` without ranges.
pub fn bands(w: &Workload) -> Result<Option<(Bands, Vec<Sensitivity>)>, Vec<FieldError>> {
    bands_with(w, &mut Prices::default())
}

/// [`bands`], with the figures already priced in `prices` taken from it, and those priced here
/// kept in it.
pub fn bands_with(
    w: &Workload,
    prices: &mut Prices,
) -> Result<Option<(Bands, Vec<Sensitivity>)>, Vec<FieldError>> {
    if w.ranges.is_empty() {
        return Ok(None);
    }
    let mut at_likely = vec![];
    let mut errors = vec![];
    for s in ServiceCode::ALL {
        match s.monthly(w) {
            Some(Ok(f)) => at_likely.push((s, f)),
            Some(Err(e)) => errors.extend(e),
            None => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    answer(w, at_likely, prices)
}

fn answer(
    w: &Workload,
    at_likely: Vec<(ServiceCode, Option<Usd>)>,
    prices: &mut Prices,
) -> Result<Option<(Bands, Vec<Sensitivity>)>, Vec<FieldError>> {
    if w.ranges.is_empty() {
        return Ok(None);
    }
    let ranged = read(w, &w.ranges)?;
    let services: Vec<ServiceCode> = at_likely.iter().map(|&(s, _)| s).collect();
    let set_all = |high: bool| -> Vec<(&str, Decimal)> {
        ranged
            .iter()
            .map(|r| (r.path, if high { r.range.high } else { r.range.low }))
            .collect()
    };
    let mut ends =
        |high: bool| with_values(w, &set_all(high)).and_then(|w| priced(&w, None, prices));
    let at_low = ends(false).ok();
    let at_high = ends(true).ok();
    // Every figure priced, by service, for the bands' least and most.
    let mut seen: BTreeMap<ServiceCode, Vec<Usd>> = BTreeMap::new();
    let mut totals: Vec<Usd> = vec![];
    let note = |figures: &[(ServiceCode, Option<Usd>)], seen: &mut BTreeMap<_, Vec<_>>| {
        for (s, f) in figures {
            if let Some(f) = f {
                seen.entry(*s).or_default().push(*f);
            }
        }
    };
    for f in [Some(&at_likely), at_low.as_ref(), at_high.as_ref()]
        .into_iter()
        .flatten()
    {
        note(f, &mut seen);
        totals.extend(sum(f));
    }
    let mut bars = vec![];
    for r in &ranged {
        let mut swing = |value: Decimal| {
            with_values(w, &[(r.path, value)]).and_then(|w| priced(&w, Some(r.service), prices))
        };
        let (lo, hi) = (swing(r.range.low), swing(r.range.high));
        // The total with only this service's figure changed.
        let total = |s: &Result<Vec<(ServiceCode, Option<Usd>)>, String>| -> Option<Usd> {
            let s = s.as_ref().ok()?;
            at_likely
                .iter()
                .map(|&(svc, f)| if svc == r.service { of(s, svc) } else { f })
                .try_fold(Decimal::ZERO, |t, f| f.map(|f| t + f.0))
                .map(Usd)
        };
        for s in [&lo, &hi].into_iter().flatten() {
            note(s, &mut seen);
        }
        let (at_low_usd, at_high_usd) = (total(&lo), total(&hi));
        totals.extend(at_low_usd);
        totals.extend(at_high_usd);
        let swing_usd = at_low_usd
            .zip(at_high_usd)
            .map(|(a, b)| Usd((b.0 - a.0).abs()));
        let why = [&lo, &hi]
            .into_iter()
            .find_map(|s| s.as_ref().err().cloned());
        let said = match (at_low_usd, at_high_usd) {
            (Some(a), Some(b)) => format!(
                "{}: {} → {} moves the monthly total from {a} to {b} ({}{}).",
                r.path,
                qty(r.range.low),
                qty(r.range.high),
                if b.0 >= a.0 { "+" } else { "−" },
                Usd((b.0 - a.0).abs())
            ),
            _ => format!(
                "{}: {} → {} cannot be priced at both ends{}.",
                r.path,
                qty(r.range.low),
                qty(r.range.high),
                why.as_deref()
                    .map(|w| format!(" ({w})"))
                    .unwrap_or_default()
            ),
        };
        bars.push(Sensitivity {
            input: r.path.to_string(),
            service: r.service,
            low: r.range.low,
            likely: r.likely,
            high: r.range.high,
            at_low_usd,
            at_high_usd,
            swing_usd,
            note: (at_low_usd.is_none() || at_high_usd.is_none())
                .then(|| why.unwrap_or_else(|| "a service has no priced figure at one end".into())),
            said,
        });
    }
    // Largest swing first; an input that cannot be priced last; ties in path order.
    bars.sort_by_key(|b| std::cmp::Reverse(b.swing_usd));
    let band = |likely: Option<Usd>, low: Option<Usd>, high: Option<Usd>, all: &[Usd]| Band {
        at_low_inputs_usd: low,
        likely_usd: likely,
        at_high_inputs_usd: high,
        low_usd: all.iter().min().copied(),
        high_usd: all.iter().max().copied(),
    };
    let services = services
        .iter()
        .map(|&s| ServiceBand {
            service: s,
            measure: s.measure(),
            band: band(
                of(&at_likely, s),
                at_low.as_ref().and_then(|f| of(f, s)),
                at_high.as_ref().and_then(|f| of(f, s)),
                seen.get(&s).map(Vec::as_slice).unwrap_or_default(),
            ),
        })
        .collect();
    let total = band(
        sum(&at_likely),
        at_low.as_ref().and_then(|f| sum(f)),
        at_high.as_ref().and_then(|f| sum(f)),
        &totals,
    );
    Ok(Some((Bands { total, services }, bars)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workload(json: &str) -> Workload {
        Workload::from_json(json).unwrap()
    }

    fn cents(u: Option<Usd>) -> String {
        u.map(|u| u.cents().to_string()).unwrap_or_default()
    }

    /// AWS's first Lambda pricing example (<https://aws.amazon.com/lambda/pricing/>: 512 MB,
    /// 1 s, 3 million requests a month, with the Free Tier: $18.73), with the requests given as
    /// 1 to 5 million. Worked by hand, us-east-1 x86_64 rates $0.20 per million requests and
    /// $0.0000166667 per GB-second, Free Tier 1 million requests and 400,000 GB-seconds:
    /// - 1 M: 500,000 GB-s − 400,000 = 100,000 × $0.0000166667 = $1.66667; requests 0 → $1.67.
    /// - 5 M: 2,500,000 − 400,000 = 2,100,000 × $0.0000166667 = $35.00007; requests
    ///   4 M × $0.20 = $0.80 → $35.80.
    #[test]
    fn lambda_requests_band_worked_by_hand() {
        let w = workload(
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000},
                "ranges":{"lambda.invocations_per_month":{"low":"1000000","high":"5000000"}}}"#,
        );
        let c = crate::compare(&w).unwrap();
        let b = c.band.as_ref().unwrap();
        assert_eq!(cents(b.total.at_low_inputs_usd), "1.67");
        assert_eq!(cents(b.total.likely_usd), "18.73");
        assert_eq!(cents(b.total.at_high_inputs_usd), "35.80");
        assert_eq!(
            (cents(b.total.low_usd), cents(b.total.high_usd)),
            ("1.67".into(), "35.80".into())
        );
        assert_eq!(b.services.len(), 1);
        assert_eq!(b.services[0].service, ServiceCode::Lambda);
        let s = &c.sensitivity[0];
        assert_eq!(s.input, "lambda.invocations_per_month");
        assert_eq!(cents(s.swing_usd), "34.13");
        assert!(s.said.contains("$1.67 to $35.80"), "{}", s.said);
        // The JSON carries the ranges through (links, exports) and the answer's fields.
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(Workload::from_json(&json).unwrap(), w);
        let out = serde_json::to_value(&c).unwrap();
        assert_eq!(out["band"]["total"]["likely_usd"], "18.73");
        assert_eq!(out["sensitivity"][0]["at_high_usd"], "35.80");
    }

    /// Inputs of different services add up: each bar is its service's own band, and the bars sum
    /// to the total's width. EC2: m5.large On-Demand in us-east-1 is $0.096 an hour, so one
    /// instance at 730 h is $70.08 and three are $210.24; the EC2 figure is its cheapest option
    /// over the horizon, which scales with the count alike.
    #[test]
    fn bars_of_different_services_sum_to_the_band() {
        let w = workload(
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000},
                "ec2":{"instance_type":"m5.large","count":2},
                "ranges":{"lambda.invocations_per_month":{"low":"1000000","high":"5000000"},
                          "ec2.count":{"low":"1","high":"6"}}}"#,
        );
        let c = crate::compare(&w).unwrap();
        let b = c.band.unwrap();
        let width = b.total.high_usd.unwrap().0 - b.total.low_usd.unwrap().0;
        let bars: Decimal = c.sensitivity.iter().map(|s| s.swing_usd.unwrap().0).sum();
        assert_eq!(width, bars);
        // EC2's bar (5 more instances) is the larger, so it comes first.
        assert_eq!(c.sensitivity[0].input, "ec2.count");
        assert!(c.sensitivity[0].swing_usd > c.sensitivity[1].swing_usd);
        let ec2 = b
            .services
            .iter()
            .find(|s| s.service == ServiceCode::Ec2)
            .unwrap();
        let (lo, hi) = (ec2.band.low_usd.unwrap().0, ec2.band.high_usd.unwrap().0);
        assert_eq!(hi, lo * Decimal::from(6));
    }

    /// The widget's way (each headline alone) answers as the comparison does.
    #[test]
    fn bands_alone_answer_as_the_comparison() {
        let w = workload(
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000},
                "ec2":{"instance_type":"m5.large","count":2,"hours_per_month":730},
                "ranges":{"lambda.duration_ms":{"low":"200","high":"3000"},"ec2.hours_per_month":{"low":"200","high":"730"}}}"#,
        );
        let c = crate::compare(&w).unwrap();
        let (b, s) = bands(&w).unwrap().unwrap();
        assert_eq!(Some(b), c.band);
        assert_eq!(s, c.sensitivity);
        // Figures kept from an earlier change are the figures priced afresh.
        let mut prices = Prices::default();
        let mut other = w.clone();
        other.lambda.as_mut().unwrap().memory_mb = Decimal::from(1024);
        bands_with(&other, &mut prices).unwrap();
        let kept = prices.0.len();
        assert_eq!(bands_with(&w, &mut prices).unwrap(), bands(&w).unwrap());
        // Only Lambda's points were priced again (its section changed); EC2's were kept.
        assert!(
            prices.0.len() > kept && prices.0.len() < 2 * kept,
            "{kept} → {}",
            prices.0.len()
        );
    }

    #[test]
    fn a_range_must_be_a_number_input_around_its_value() {
        let e = Workload::from_json(
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000},
                "ranges":{"lambda.architecture":{"low":"1","high":"2"},
                          "lambda.memory_mb":{"low":"1024","high":"2048"},
                          "ec2.count":{"low":"1","high":"2"}}}"#,
        )
        .and_then(|w| crate::compare(&w))
        .unwrap_err();
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "ranges.ec2.count",
                "ranges.lambda.architecture",
                "ranges.lambda.memory_mb"
            ]
        );
        assert!(
            e.errors[0].message().contains("lambda.memory_mb"),
            "{}",
            e.errors[0].message()
        );
        assert!(
            e.errors[2].message().contains("likely 512"),
            "{}",
            e.errors[2].message()
        );
    }

    #[test]
    fn at_most_eight_ranges() {
        let paths = [
            "memory_mb",
            "duration_ms",
            "invocations_per_month",
            "ephemeral_storage_mb",
            "provisioned_concurrency",
            "provisioned_hours_per_month",
            "cpu_bound_percent",
        ];
        let mut w = workload(
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000},"ec2":{"instance_type":"m5.large"}}"#,
        );
        for p in paths {
            let likely = rangeable(&w)
                .into_iter()
                .find(|(x, _)| x == &format!("lambda.{p}"))
                .unwrap()
                .1;
            w.ranges.insert(
                format!("lambda.{p}"),
                Range {
                    low: likely,
                    high: likely,
                },
            );
        }
        w.ranges.insert(
            "ec2.count".into(),
            Range {
                low: Decimal::ONE,
                high: Decimal::ONE,
            },
        );
        assert!(crate::compare(&w).is_ok());
        w.ranges.insert(
            "ec2.horizon_years".into(),
            Range {
                low: Decimal::ONE,
                high: Decimal::from(3),
            },
        );
        let e = crate::compare(&w).unwrap_err();
        assert_eq!(e.errors[0].field, "ranges");
    }

    /// A value the service refuses (a memory setting beyond 10,240 MB) leaves that swing
    /// without figures, said why; the rest is answered.
    #[test]
    fn an_end_that_cannot_be_priced_is_said() {
        let w = workload(
            r#"{"region":"us-east-1","lambda":{"memory_mb":512,"duration_ms":1000,"invocations_per_month":3000000},
                "ranges":{"lambda.memory_mb":{"low":"512","high":"20000"},
                          "lambda.duration_ms":{"low":"500","high":"2000"}}}"#,
        );
        let c = crate::compare(&w).unwrap();
        let bad = c
            .sensitivity
            .iter()
            .find(|s| s.input == "lambda.memory_mb")
            .unwrap();
        assert_eq!(bad.at_high_usd, None);
        assert!(
            bad.note.as_deref().unwrap().contains("memory"),
            "{:?}",
            bad.note
        );
        assert_eq!(c.sensitivity.last().unwrap().input, "lambda.memory_mb");
        assert!(c.band.unwrap().total.at_high_inputs_usd.is_none());
    }
}
