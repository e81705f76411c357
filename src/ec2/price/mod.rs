//! The pricing context of one comparison and what every purchasing-option group shares: the
//! charges an option makes ([`Charges`]), the usage and commitment line items (`Upfront
//! payment`, `… hourly charge`, `… effective rate`), and [`build`], which turns an option's
//! charges into its figures against On-Demand (saving, break-even, cumulative cost) and its
//! suitability. Each group's options are built in its own file.

pub(super) mod capacity_reservation;
pub(super) mod dedicated;
pub(super) mod on_demand;
pub(super) mod reserved;
pub(super) mod savings_plans;
pub(super) mod spot;

use super::quantities::Units;
use super::{
    study_note, Ec2Option, Ec2Pricing, Ec2Spec, HostUse, HourlyUsd, InstanceType, OfferingClass,
    OptionKind, Payment, PlanType, RegionTables, ReservedPrice, Term, PRICING_FILE,
};
use crate::money::HOURS_PER_MONTH;
use crate::money::{qty, rate as fmt_rate, Usd};
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef};
use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;

/// What one option charges for all `count` instances.
pub(crate) struct Charges {
    /// Paid at the start of each term.
    pub(crate) upfront: Decimal,
    /// Term length in months, for options with a commitment.
    pub(crate) term_months: Option<u32>,
    /// The recurring monthly charge.
    pub(crate) monthly: Decimal,
    /// Lines whose amounts add up to the horizon total.
    pub(crate) lines: Vec<LineItem>,
    pub(crate) hosts: Option<HostUse>,
    /// False when the source gives only an effective rate: the total is known, but not how much
    /// of it is paid upfront, so neither is how it falls across the months.
    pub(crate) split: bool,
}

impl Charges {
    /// Terms started by the end of month `m` (the first starts at month 0).
    pub(crate) fn terms_started(&self, m: u32) -> u32 {
        match self.term_months {
            Some(t) if t > 0 && !self.upfront.is_zero() => m.saturating_sub(1) / t + 1,
            _ => 0,
        }
    }

    pub(crate) fn cumulative(&self, m: u32) -> Decimal {
        self.upfront * Decimal::from(self.terms_started(m)) + self.monthly * Decimal::from(m)
    }
}

pub(crate) struct Ctx<'a> {
    pub(crate) spec: &'a Ec2Spec,
    pub(crate) region: Region,
    pub(crate) tables: &'a RegionTables,
    pub(crate) pricing: &'a Ec2Pricing,
    pub(crate) it: &'a InstanceType,
    pub(crate) n: Decimal,
    pub(crate) h: Decimal,
    pub(crate) months: u32,
    pub(crate) od: Option<Decimal>,
    /// Build only this option of a group (the alternatives explorer prices one option across
    /// many types); `None`: every option.
    pub(crate) only: Option<&'a str>,
}

impl Ctx<'_> {
    /// Whether the option `id` is to be built.
    pub(crate) fn wants(&self, id: &str) -> bool {
        self.only.is_none_or(|o| o == id)
    }

    pub(crate) fn src(&self, table: (&str, &str), row: String) -> SourceRef {
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{} {row}", self.region),
            url: table.1.to_string(),
            as_of: table.0.to_string(),
        }
    }

    pub(crate) fn m(&self) -> Decimal {
        Decimal::from(self.months)
    }

    pub(crate) fn no_host_rate(&self, what: &str) -> String {
        format!(
            "No public rate bundled for {what} of the {} family in {}; import AWS's Price List file (awscost import-ec2) to add it.",
            self.it.family(),
            self.region
        )
    }

    pub(crate) fn no_rate(&self, what: &str) -> String {
        format!(
            "No public rate bundled for {what} for {} in {}; import AWS's Price List file (awscost import-ec2) to add it.",
            self.it.name, self.region
        )
    }

    /// `count × hours × months × rate`, as one line.
    pub(crate) fn usage_line(
        &self,
        label: &str,
        rate: Decimal,
        hours: Decimal,
        src: SourceRef,
    ) -> LineItem {
        let q = self.n * hours * self.m();
        LineItem::priced(
            label,
            q,
            "instance-hours",
            rate,
            "USD per instance-hour",
            format!(
                "{} × {} h a month × {} months = {} instance-hours × {} = {} ({} a month)",
                plural(self.spec.count, "instance"),
                qty(round3(hours)),
                self.months,
                qty(round3(q)),
                fmt_rate(rate),
                Usd(q * rate),
                Usd(self.n * hours * rate)
            ),
            src,
        )
    }

    pub(crate) fn pay_as_you_go(
        &self,
        label: &str,
        rate: Decimal,
        hours: Decimal,
        src: SourceRef,
    ) -> Charges {
        Charges {
            upfront: Decimal::ZERO,
            term_months: None,
            monthly: self.n * hours * rate,
            lines: vec![self.usage_line(label, rate, hours, src)],
            hosts: None,
            split: true,
        }
    }

    /// A reservation (or Savings Plan) for each of the `count` instances, priced as its source
    /// gives it.
    pub(crate) fn reservation(
        &self,
        term: Term,
        price: ReservedPrice,
        what: &str,
        src: SourceRef,
    ) -> Result<Charges, String> {
        let units = Units::instances(self.spec.count);
        match price {
            ReservedPrice::Split(p) => {
                Ok(self.commitment(&units, term, p.upfront, p.hourly, what, src))
            }
            ReservedPrice::Effective(e) => {
                self.effective_within_horizon(&units, term, e.effective_hourly, what, src)
            }
        }
    }

    /// [`Self::effective_commitment`] when the horizon holds whole terms; a longer term's cost
    /// within the horizon depends on the split the source does not give.
    pub(crate) fn effective_within_horizon(
        &self,
        units: &Units,
        term: Term,
        effective: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Result<Charges, String> {
        if term.months() > self.months {
            return Err(format!(
                "A {} term is longer than the {}-month horizon, and the bundled source gives only its effective rate ({} an hour): what falls within the horizon depends on the upfront fee, which the source does not give.",
                term.name(),
                self.months,
                fmt_rate(effective)
            ));
        }
        Ok(self.effective_commitment(units, term, effective, what, src))
    }

    /// A commitment of `upfront` per unit per term and `hourly` for every hour of the term.
    pub(crate) fn commitment(
        &self,
        units: &Units,
        term: Term,
        upfront: Decimal,
        hourly: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Charges {
        let tm = term.months();
        let terms = self.months.div_ceil(tm).max(1);
        let n = Decimal::from(units.count);
        let mut lines = vec![];
        if !upfront.is_zero() {
            let q = n * Decimal::from(terms);
            lines.push(LineItem::priced(
                "Upfront payment",
                q,
                "reservations × terms",
                upfront,
                units.per_term,
                format!(
                    "{} × {} started in {} months × {} upfront = {}",
                    plural(units.count, units.one),
                    plural(terms, &format!("{}-year term", term.years())),
                    self.months,
                    fmt_rate(upfront),
                    Usd(q * upfront)
                ),
                src.clone(),
            ));
        }
        if !hourly.is_zero() {
            let hours = Decimal::from(HOURS_PER_MONTH);
            let q = n * hours * self.m();
            lines.push(LineItem::priced(
                format!("{what} hourly charge (every hour of the term)"),
                q,
                units.hours,
                hourly,
                units.per_hour,
                format!(
                    "billed for all 730 h a month, used or not: {} × 730 h × {} months = {} {} × {} = {} ({} a month)",
                    plural(units.count, units.one),
                    self.months,
                    qty(q),
                    units.hours,
                    fmt_rate(hourly),
                    Usd(q * hourly),
                    Usd(n * hours * hourly)
                ),
                src,
            ));
        }
        Charges {
            upfront: n * upfront,
            term_months: Some(tm),
            monthly: n * Decimal::from(HOURS_PER_MONTH) * hourly,
            lines,
            hosts: None,
            split: true,
        }
    }

    /// A commitment known only by its effective rate (fee ÷ term hours + hourly): every hour of
    /// every term started in the horizon costs that rate. The horizon must hold whole terms.
    pub(crate) fn effective_commitment(
        &self,
        units: &Units,
        term: Term,
        effective: Decimal,
        what: &str,
        src: SourceRef,
    ) -> Charges {
        let n = Decimal::from(units.count);
        let hours = Decimal::from(HOURS_PER_MONTH);
        let q = n * hours * self.m();
        let line = LineItem::priced(
            format!("{what} effective rate (fee and hourly charge spread over every hour of the term)"),
            q,
            units.hours,
            effective,
            units.per_hour,
            format!(
                "the source gives only the effective rate (upfront fee ÷ {} h + hourly charge); billed for all 730 h a month, used or not: {} × 730 h × {} months = {} {} × {} = {}",
                qty(Decimal::from(term.years() * 8760)),
                plural(units.count, units.one),
                self.months,
                qty(q),
                units.hours,
                fmt_rate(effective),
                Usd(q * effective)
            ),
            src,
        );
        Charges {
            upfront: Decimal::ZERO,
            term_months: Some(term.months()),
            monthly: n * hours * effective,
            lines: vec![line],
            hosts: None,
            split: false,
        }
    }
}

/// "a" or "an" before a name.
pub(crate) fn article(next: &str) -> &'static str {
    match next.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'A' | 'E' | 'I' | 'O' | 'm' | 'r') => "an",
        _ => "a",
    }
}

pub(crate) fn round3(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero)
}

pub(crate) fn round2(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

pub(crate) fn plural(n: u32, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{} {what}s", qty(Decimal::from(n)))
    }
}

pub(crate) struct Base {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) kind: OptionKind,
    pub(crate) offering_class: Option<OfferingClass>,
    pub(crate) plan: Option<PlanType>,
    pub(crate) term: Option<Term>,
    pub(crate) payment: Option<Payment>,
}

impl Base {
    pub(crate) fn simple(id: &str, label: &str, kind: OptionKind) -> Base {
        Base {
            id: id.into(),
            label: label.into(),
            kind,
            offering_class: None,
            plan: None,
            term: None,
            payment: None,
        }
    }

    fn shared_tenancy(&self) -> bool {
        matches!(
            self.kind,
            OptionKind::OnDemand
                | OptionKind::Reserved
                | OptionKind::SavingsPlan
                | OptionKind::Spot
                | OptionKind::CapacityReservation
        )
    }
}

/// The On-Demand cost at the workload's usage over `m` months.
pub(crate) fn on_demand_cum(ctx: &Ctx, m: u32) -> Option<Decimal> {
    ctx.od.map(|od| od * ctx.h * ctx.n * Decimal::from(m))
}

pub(crate) fn build(ctx: &Ctx, base: Base, charges: Result<Charges, String>) -> Ec2Option {
    let note = study_note(&base.id).map(|n| n.saving).unwrap_or("");
    let mut opt = Ec2Option {
        id: base.id.clone(),
        label: base.label.clone(),
        kind: base.kind,
        offering_class: base.offering_class,
        plan: base.plan,
        term: base.term,
        payment: base.payment,
        upfront_usd: None,
        monthly_usd: None,
        effective_hourly_usd: None,
        horizon_total_usd: None,
        amortised_monthly_usd: None,
        effective_rate_only: false,
        break_even_month_note: None,
        group: base.kind.group(),
        suitable: false,
        reason: None,
        saving_usd: None,
        saving_percent: None,
        break_even_hours_per_month: None,
        break_even_utilisation_percent: None,
        break_even_month: None,
        cumulative_usd: vec![],
        lines: vec![],
        notes_saving: note,
        hosts: None,
        exact_total: None,
    };
    let ch = match charges {
        Ok(c) => c,
        Err(reason) => {
            opt.reason = Some(reason);
            return opt;
        }
    };
    let spec = ctx.spec;
    let total: Decimal = ch.lines.iter().map(|l| l.exact_usd).sum();
    let used_hours = ctx.n * ctx.h * ctx.m();
    if ch.split {
        opt.upfront_usd = Some(Usd(ch.upfront));
        opt.monthly_usd = Some(Usd(ch.monthly));
        opt.cumulative_usd = (0..=ctx.months).map(|m| Usd(ch.cumulative(m))).collect();
    } else {
        opt.effective_rate_only = true;
        opt.break_even_month_note = Some(
            "The bundled source gives only the effective hourly rate, not the split into an upfront fee and an hourly charge; the month in which the commitment overtakes On-Demand depends on that split.".into(),
        );
    }
    opt.horizon_total_usd = Some(Usd(total));
    opt.amortised_monthly_usd = Some(Usd(total / ctx.m().max(Decimal::ONE)));
    opt.exact_total = Some(total);
    opt.effective_hourly_usd = (!used_hours.is_zero()).then(|| HourlyUsd(total / used_hours));
    let od_total = on_demand_cum(ctx, ctx.months);
    if let Some(od_total) = od_total {
        let saving = od_total - total;
        opt.saving_usd = Some(Usd(saving));
        opt.saving_percent =
            (!od_total.is_zero()).then(|| round2(saving / od_total * Decimal::ONE_HUNDRED));
    }
    let committed = matches!(base.kind, OptionKind::Reserved | OptionKind::SavingsPlan);
    if committed {
        if let (Some(od), Some(tm)) = (ctx.od, ch.term_months) {
            // Amortised cost of one instance a month, against On-Demand's od × hours.
            let per_month = (ch.upfront / Decimal::from(tm) + ch.monthly) / ctx.n;
            let full = od * Decimal::from(HOURS_PER_MONTH);
            if !od.is_zero() && per_month < full {
                let hours = per_month / od;
                opt.break_even_hours_per_month = Some(round2(hours));
                opt.break_even_utilisation_percent = Some(round2(
                    hours / Decimal::from(HOURS_PER_MONTH) * Decimal::ONE_HUNDRED,
                ));
            }
        }
    }
    if base.kind != OptionKind::OnDemand && ch.split {
        opt.break_even_month = (1..=ctx.months)
            .find(|&m| on_demand_cum(ctx, m).is_some_and(|od| ch.cumulative(m) < od));
    }
    opt.lines = ch.lines;
    opt.hosts = ch.hosts;

    // Suitability, first reason wins.
    let years = |y: u32| if y == 1 { "1-year" } else { "3-year" };
    let reason = if spec.needs_dedicated && base.shared_tenancy() {
        Some("These are shared-tenancy rates and the workload needs dedicated hardware: choose a Dedicated Instance or a Dedicated Host.".to_string())
    } else if spec.core_bound_license
        && !matches!(
            base.kind,
            OptionKind::DedicatedHost | OptionKind::DedicatedHostReservation
        )
    {
        Some("A licence counted by physical cores or sockets needs a Dedicated Host, which shows the sockets and cores to license.".to_string())
    } else if let Some(t) = base.term.filter(|t| t.years() > spec.horizon_years) {
        let extra = t.months() - ctx.months;
        Some(format!(
            "A {} term is longer than the {} horizon: the commitment runs {extra} months past it, and they are billed too ({} more).",
            years(t.years()),
            years(spec.horizon_years),
            Usd(ch.monthly * Decimal::from(extra))
        ))
    } else if base.kind == OptionKind::Spot && !spec.interruption_tolerant {
        Some("Spot Instances can be interrupted with a 2-minute warning whenever EC2 needs the capacity back; this workload does not tolerate interruption.".to_string())
    } else if committed && od_total.is_some_and(|od| total > od) {
        Some(match opt.break_even_hours_per_month {
            Some(h) => format!(
                "The commitment is larger than the usage: it is billed for every hour (730 h a month) and beats On-Demand only above {} h a month ({} % utilisation); this workload runs {} h.",
                qty(h),
                opt.break_even_utilisation_percent.map(qty).unwrap_or_default(),
                qty(round3(ctx.h))
            ),
            None => "It costs more than On-Demand even when the instances run every hour.".to_string(),
        })
    } else {
        None
    };
    opt.suitable = reason.is_none();
    opt.reason = reason;
    opt
}
