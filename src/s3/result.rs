//! What the S3 section answers: one [`S3Option`] per storage class, the retrieval curves and
//! where they cross, the lifecycle plan, and [`compare`] / [`compare_spec`] that assemble them
//! from the priced months.

use super::price::{Month, Pricer};
use super::quantities::average_object_size_kb;
use super::warnings::{rate_warnings, workload_warnings};
use super::{
    ClassFacts, RetrievalTier, S3Pricing, S3Spec, S3Table, S3Workload, StorageClass, MODEL,
    PRICING_FILE,
};
use crate::error::{FieldError, Problem};
use crate::limits::s3 as lim;
use crate::money::Usd;
use crate::pricing::Region;
use crate::report::{LineItem, Warning};
use rust_decimal::Decimal;
use serde::Serialize;

/// Monthly cost against retrieval volume: `fixed_usd + per_retrieval_gb_usd × GB`, exact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Curve {
    /// Monthly cost with no retrieval.
    pub fixed_usd: Decimal,
    /// Added cost per GB retrieved a month (per-GB fee plus restore requests at the average object size).
    pub per_retrieval_gb_usd: Decimal,
    #[serde(skip)]
    per_gb: Decimal,
    #[serde(skip)]
    per_1000_requests: Decimal,
    #[serde(skip)]
    objects: Decimal,
    #[serde(skip)]
    storage_gb: Decimal,
}

impl Curve {
    /// Monthly cost at `gb` retrieved a month.
    pub fn at(&self, gb: Decimal) -> Decimal {
        self.fixed_usd
            + gb * self.per_gb
            + gb * self.objects * self.per_1000_requests / (self.storage_gb * Decimal::ONE_THOUSAND)
    }
}

/// The retrieval volume (GB a month, > 0) at which `a` and `b` cost the same, computed with one
/// division of exact terms; `None` when the lines do not cross above zero.
pub fn break_even_gb(a: &Curve, b: &Curve) -> Option<Decimal> {
    let k = a.storage_gb * Decimal::ONE_THOUSAND;
    let den = (a.per_gb - b.per_gb) * k + (a.per_1000_requests - b.per_1000_requests) * a.objects;
    if den.is_zero() {
        return None;
    }
    let x = (b.fixed_usd - a.fixed_usd)
        .checked_mul(k)?
        .checked_div(den)?;
    (x > Decimal::ZERO).then_some(x)
}

/// One storage class, priced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct S3Option {
    pub id: StorageClass,
    pub name: &'static str,
    /// A steady 30-day month of storage, requests and retrieval; `null` when a rate it needs has no
    /// public figure (see `missing_rates`).
    pub monthly_usd: Option<Usd>,
    /// The whole retention period, including the early-deletion charge; `null` as above.
    pub retention_total_usd: Option<Usd>,
    /// The early-deletion part of `retention_total_usd`.
    pub early_deletion_usd: Usd,
    /// True for the class with the lowest `retention_total_usd`.
    pub cheapest: bool,
    /// The working of `monthly_usd`.
    pub lines: Vec<LineItem>,
    /// The working of `retention_total_usd`.
    pub retention_lines: Vec<LineItem>,
    /// "no public rate for …" sentences; empty when fully priced.
    pub missing_rates: Vec<String>,
    pub minimum_storage_days: u32,
    pub minimum_billable_object_kb: Option<u32>,
    pub per_object_overhead_kb: Option<u32>,
    /// Monthly cost against retrieval volume, for the chart; `null` when not fully priced.
    pub curve: Option<Curve>,
    #[serde(flatten)]
    pub facts: ClassFacts,
}

/// Where two classes' monthly costs cross as retrieval grows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BreakEven {
    /// Cheaper below the crossing.
    pub cheaper_below: StorageClass,
    /// Cheaper above it.
    pub cheaper_above: StorageClass,
    /// GB retrieved a month where they cost the same (to 6 decimals).
    pub retrieval_gb_per_month: Decimal,
    pub monthly_usd: Usd,
}

/// A stretch of the retrieval axis over which one class is the cheapest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheapestRange {
    pub class: StorageClass,
    pub from_gb: Decimal,
    /// `null`: no upper end.
    pub to_gb: Option<Decimal>,
}

/// One step of an evaluated lifecycle plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanStep {
    pub class: StorageClass,
    pub from_day: u32,
    pub to_day: u32,
    pub transition_usd: Usd,
    pub storage_usd: Usd,
    pub activity_usd: Usd,
    pub early_deletion_usd: Usd,
    pub total_usd: Usd,
}

/// A single class kept for the whole retention period, for comparison with the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SingleClass {
    pub id: StorageClass,
    pub retention_total_usd: Option<Usd>,
    /// Plan total minus this class's total: negative when the plan is cheaper.
    pub plan_minus_class_usd: Option<Usd>,
}

/// The lifecycle plan over the retention period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LifecycleResult {
    pub steps: Vec<PlanStep>,
    pub lines: Vec<LineItem>,
    /// `null` when a rate it needs has no public figure.
    pub total_usd: Option<Usd>,
    pub transitions_usd: Usd,
    pub missing_rates: Vec<String>,
    pub versus: Vec<SingleClass>,
    /// The cheapest single class over the same period.
    pub best_single_class: Option<StorageClass>,
    /// True when the plan costs less than every single class.
    pub cheaper_than_any_single_class: bool,
}

/// The S3 section of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct S3Result {
    pub options: Vec<S3Option>,
    /// Lowest `retention_total_usd` among the fully priced classes.
    pub cheapest: Option<StorageClass>,
    /// Lowest `monthly_usd` among the fully priced classes.
    pub cheapest_monthly: Option<StorageClass>,
    pub break_even: Vec<BreakEven>,
    /// The cheapest class along the retrieval axis, from 0 GB up.
    pub cheapest_by_retrieval: Vec<CheapestRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<LifecycleResult>,
    pub warnings: Vec<Warning>,
    pub object_count: Decimal,
    /// Average object size in KB, to 3 decimals.
    pub average_object_size_kb: Decimal,
    pub monthly_read_fraction: Decimal,
    pub retention_days: u32,
    pub retrieval_tier: RetrievalTier,
    pub model: &'static str,
    pub as_of: String,
    pub source: String,
}

/// Prices every storage class for an S3 workload.
pub fn compare(
    pricing: &S3Pricing,
    region: Region,
    w: &S3Workload,
) -> Result<S3Result, Vec<FieldError>> {
    let spec = w.validate()?;
    let table = pricing.table(region).ok_or_else(|| {
        vec![FieldError::new(
            "region",
            Problem::Malformed(format!(
                "The bundled pricing has no S3 table for {region}; add it to {PRICING_FILE}."
            )),
        )]
    })?;
    Ok(compare_spec(table, region, &spec))
}

/// Prices every storage class for a validated workload.
pub fn compare_spec(table: &S3Table, region: Region, spec: &S3Spec) -> S3Result {
    let mut p = Pricer {
        table,
        region,
        spec,
        warnings: vec![],
    };
    let months: Vec<Month> = StorageClass::ALL
        .into_iter()
        .filter_map(|c| p.month(c))
        .collect();
    let mut options: Vec<S3Option> = months
        .iter()
        .map(|m| {
            let priced = m.missing.is_empty();
            let lines = m.lines();
            let (retention_lines, _, _, early) = p.keep(m, spec.retention_days, "");
            let class = m.class;
            S3Option {
                id: class,
                name: class.name(),
                monthly_usd: priced.then(|| crate::report::total(&lines)),
                retention_total_usd: priced.then(|| crate::report::total(&retention_lines)),
                early_deletion_usd: Usd(early),
                cheapest: false,
                curve: priced.then(|| Curve {
                    fixed_usd: m.storage_usd()
                        + m.requests.iter().map(|l| l.exact_usd).sum::<Decimal>(),
                    per_retrieval_gb_usd: (m.retrieval_rates.0
                        + spec.objects * m.retrieval_rates.1
                            / (spec.storage_gb * Decimal::ONE_THOUSAND))
                        .round_dp(10),
                    per_gb: m.retrieval_rates.0,
                    per_1000_requests: m.retrieval_rates.1,
                    objects: spec.objects,
                    storage_gb: spec.storage_gb,
                }),
                lines,
                retention_lines,
                missing_rates: m.missing.clone(),
                minimum_storage_days: class.minimum_days(),
                minimum_billable_object_kb: class
                    .has_min_object_size()
                    .then_some(lim::MIN_BILLABLE_OBJECT_KB),
                per_object_overhead_kb: class
                    .is_archive()
                    .then_some(lim::ARCHIVE_STANDARD_OVERHEAD_KB + lim::ARCHIVE_CLASS_OVERHEAD_KB),
                facts: class.facts(),
            }
        })
        .collect();
    let exact = |u: Option<Usd>| u.map(Usd::exact);
    let pick = |key: &dyn Fn(&S3Option) -> Option<Decimal>| {
        options
            .iter()
            .filter_map(|o| key(o).map(|k| (k, o.id)))
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, id)| id)
    };
    let cheapest = pick(&|o| exact(o.retention_total_usd));
    let cheapest_monthly = pick(&|o| exact(o.monthly_usd));
    for o in &mut options {
        o.cheapest = Some(o.id) == cheapest;
    }
    let curves: Vec<(StorageClass, &Curve)> = options
        .iter()
        .filter_map(|o| o.curve.as_ref().map(|c| (o.id, c)))
        .collect();
    let break_even = break_evens(&curves);
    let cheapest_by_retrieval = envelope(&curves);

    let lifecycle = spec
        .lifecycle
        .as_ref()
        .map(|plan| evaluate_plan(&p, &months, plan, &options));

    let mut warnings = std::mem::take(&mut p.warnings);
    warnings.extend(rate_warnings(&options));
    warnings.extend(workload_warnings(spec));
    S3Result {
        options,
        cheapest,
        cheapest_monthly,
        break_even,
        cheapest_by_retrieval,
        lifecycle,
        warnings,
        object_count: spec.objects,
        average_object_size_kb: average_object_size_kb(spec),
        monthly_read_fraction: spec.read_fraction,
        retention_days: spec.retention_days,
        retrieval_tier: spec.retrieval_tier,
        model: MODEL,
        as_of: table.as_of.clone(),
        source: table.source.clone(),
    }
}

fn break_evens(curves: &[(StorageClass, &Curve)]) -> Vec<BreakEven> {
    let mut out = vec![];
    for (i, (a, ca)) in curves.iter().enumerate() {
        for (b, cb) in &curves[i + 1..] {
            if let Some(x) = break_even_gb(ca, cb) {
                // Below the crossing, the class with the steeper line is the cheaper one.
                let (below, above) = if ca.per_retrieval_gb_usd > cb.per_retrieval_gb_usd
                    || (ca.per_retrieval_gb_usd == cb.per_retrieval_gb_usd
                        && ca.fixed_usd < cb.fixed_usd)
                {
                    (*a, *b)
                } else {
                    (*b, *a)
                };
                out.push(BreakEven {
                    cheaper_below: below,
                    cheaper_above: above,
                    retrieval_gb_per_month: x.round_dp(6),
                    monthly_usd: Usd(ca.at(x)),
                });
            }
        }
    }
    out.sort_by_key(|b| b.retrieval_gb_per_month);
    out
}

/// The cheapest class from 0 GB retrieved upwards: the lower envelope of the lines.
fn envelope(curves: &[(StorageClass, &Curve)]) -> Vec<CheapestRange> {
    let slope = |c: &Curve| c.at(Decimal::ONE) - c.fixed_usd;
    let Some(mut cur) = curves
        .iter()
        .min_by(|a, b| (a.1.fixed_usd, slope(a.1)).cmp(&(b.1.fixed_usd, slope(b.1))))
    else {
        return vec![];
    };
    let mut from = Decimal::ZERO;
    let mut out = vec![];
    for _ in 0..=curves.len() {
        let next = curves
            .iter()
            .filter(|c| slope(c.1) < slope(cur.1))
            .filter_map(|c| break_even_gb(cur.1, c.1).map(|x| (x, c)))
            .filter(|(x, _)| *x >= from)
            .min_by(|a, b| (a.0, slope(a.1 .1)).cmp(&(b.0, slope(b.1 .1))));
        match next {
            Some((x, c)) => {
                out.push(CheapestRange {
                    class: cur.0,
                    from_gb: from.round_dp(6),
                    to_gb: Some(x.round_dp(6)),
                });
                from = x;
                cur = c;
            }
            None => break,
        }
    }
    out.push(CheapestRange {
        class: cur.0,
        from_gb: from.round_dp(6),
        to_gb: None,
    });
    out.retain(|r| r.to_gb.is_none_or(|t| t > r.from_gb));
    out
}

fn evaluate_plan(
    p: &Pricer<'_>,
    months: &[Month],
    plan: &[(StorageClass, u32)],
    options: &[S3Option],
) -> LifecycleResult {
    let spec = p.spec;
    let total_days = spec.retention_days;
    let mut steps = vec![];
    let mut lines = vec![];
    let mut missing = vec![];
    let mut transitions = Decimal::ZERO;
    let mut day = 0u32;
    let last = plan.len().saturating_sub(1);
    for (i, &(class, days)) in plan.iter().enumerate() {
        if day >= total_days {
            break;
        }
        let span = if i == last {
            total_days - day
        } else {
            days.min(total_days - day)
        };
        let Some(m) = months.iter().find(|m| m.class == class) else {
            continue;
        };
        missing.extend(m.missing.iter().cloned());
        let mut transition = Decimal::ZERO;
        if i > 0 {
            match p.transition(class, day) {
                Ok(l) => {
                    transition = l.exact_usd;
                    lines.push(l);
                }
                Err(m) => missing.push(m),
            }
        }
        transitions += transition;
        let prefix = format!("{}: ", class.name());
        let (mut l, storage, activity, early) = p.keep(m, span, &prefix);
        lines.append(&mut l);
        steps.push(PlanStep {
            class,
            from_day: day,
            to_day: day + span,
            transition_usd: Usd(transition),
            storage_usd: Usd(storage),
            activity_usd: Usd(activity),
            early_deletion_usd: Usd(early),
            total_usd: Usd(transition + storage + activity + early),
        });
        day += span;
    }
    missing.dedup();
    let total = missing
        .is_empty()
        .then(|| Usd(steps.iter().map(|s| s.total_usd.exact()).sum()));
    let versus: Vec<SingleClass> = options
        .iter()
        .map(|o| SingleClass {
            id: o.id,
            retention_total_usd: o.retention_total_usd,
            plan_minus_class_usd: match (total, o.retention_total_usd) {
                (Some(t), Some(c)) => Some(t - c),
                _ => None,
            },
        })
        .collect();
    let best = options
        .iter()
        .filter_map(|o| o.retention_total_usd.map(|t| (t, o.id)))
        .min_by(|a, b| a.0.cmp(&b.0));
    LifecycleResult {
        steps,
        lines,
        total_usd: total,
        transitions_usd: Usd(transitions),
        missing_rates: missing,
        versus,
        best_single_class: best.map(|b| b.1),
        cheaper_than_any_single_class: matches!((total, best), (Some(t), Some((b, _))) if t < b),
    }
}
