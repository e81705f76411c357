//! The EC2 panel's inputs as typed, what its controls send, its link keys, and how it becomes
//! an engine workload.

use super::form::{flag, read_all, read_flag, read_number, Form};
use awscost::ec2::{Ec2, Ec2Pricing, Ec2Workload, PeakPricing};
use awscost::error::FieldError;
use awscost::money::parse_number;
use rust_decimal::Decimal;

/// A typed field of the EC2 panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ec2Field {
    InstanceType,
    Count,
    HoursPerMonth,
    HoursPerDay,
    DaysPerWeek,
    BaselineCount,
}

impl Ec2Field {
    pub const ALL: [Ec2Field; 6] = [
        Ec2Field::InstanceType,
        Ec2Field::Count,
        Ec2Field::HoursPerMonth,
        Ec2Field::HoursPerDay,
        Ec2Field::DaysPerWeek,
        Ec2Field::BaselineCount,
    ];

    /// The field's label in the panel (and in messages about it).
    pub fn label(self) -> &'static str {
        match self {
            Ec2Field::InstanceType => "Instance type",
            Ec2Field::Count => "Instances",
            Ec2Field::HoursPerMonth => "Hours per month, each instance",
            Ec2Field::HoursPerDay => "Hours a day",
            Ec2Field::DaysPerWeek => "Days a week",
            Ec2Field::BaselineCount => "Commit for a baseline of",
        }
    }

    /// The workload JSON path, which engine errors name.
    pub fn path(self) -> &'static str {
        match self {
            Ec2Field::InstanceType => "ec2.instance_type",
            Ec2Field::Count => "ec2.count",
            Ec2Field::HoursPerMonth => "ec2.hours_per_month",
            Ec2Field::HoursPerDay => "ec2.hours_per_day",
            Ec2Field::DaysPerWeek => "ec2.days_per_week",
            Ec2Field::BaselineCount => "ec2.baseline_count",
        }
    }

    /// The input's id: `ec2-<json field>`.
    pub fn id(self) -> &'static str {
        match self {
            Ec2Field::InstanceType => "ec2-instance_type",
            Ec2Field::Count => "ec2-count",
            Ec2Field::HoursPerMonth => "ec2-hours_per_month",
            Ec2Field::HoursPerDay => "ec2-hours_per_day",
            Ec2Field::DaysPerWeek => "ec2-days_per_week",
            Ec2Field::BaselineCount => "ec2-baseline_count",
        }
    }
}

/// A yes/no input of the EC2 panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ec2Flag {
    InterruptionTolerant,
    NeedsDedicated,
    CoreBoundLicense,
}

awscost::closed_set! {
    /// How the usage schedule is given.
    #[derive(Default)]
    pub enum Usage {
        /// Hours each instance runs a month (730 = always on).
        #[default]
        HoursPerMonth = "hours_per_month", "Hours a month";
        /// Hours a day on some days a week.
        Weekly = "weekly", "Hours a day, days a week";
    }
}

/// The EC2 panel's inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ec2Form {
    pub instance_type: String,
    pub count: String,
    pub usage: Usage,
    pub hours_per_month: String,
    pub hours_per_day: String,
    pub days_per_week: String,
    /// 1 or 3.
    pub horizon_years: u32,
    pub interruption_tolerant: bool,
    pub needs_dedicated: bool,
    pub core_bound_license: bool,
    /// Empty: no mixed strategy.
    pub baseline_count: String,
    pub peak_pricing: PeakPricing,
}

impl Default for Ec2Form {
    fn default() -> Self {
        let w = Ec2Workload::default();
        Ec2Form {
            instance_type: w.instance_type,
            count: w.count.normalize().to_string(),
            usage: Usage::HoursPerMonth,
            hours_per_month: "730".into(),
            hours_per_day: "8".into(),
            days_per_week: "5".into(),
            horizon_years: 3,
            interruption_tolerant: w.interruption_tolerant,
            needs_dedicated: w.needs_dedicated,
            core_bound_license: w.core_bound_license,
            baseline_count: String::new(),
            peak_pricing: w.peak_pricing,
        }
    }
}

impl Ec2Form {
    pub fn text(&self, f: Ec2Field) -> &str {
        match f {
            Ec2Field::InstanceType => &self.instance_type,
            Ec2Field::Count => &self.count,
            Ec2Field::HoursPerMonth => &self.hours_per_month,
            Ec2Field::HoursPerDay => &self.hours_per_day,
            Ec2Field::DaysPerWeek => &self.days_per_week,
            Ec2Field::BaselineCount => &self.baseline_count,
        }
    }

    fn text_mut(&mut self, f: Ec2Field) -> &mut String {
        match f {
            Ec2Field::InstanceType => &mut self.instance_type,
            Ec2Field::Count => &mut self.count,
            Ec2Field::HoursPerMonth => &mut self.hours_per_month,
            Ec2Field::HoursPerDay => &mut self.hours_per_day,
            Ec2Field::DaysPerWeek => &mut self.days_per_week,
            Ec2Field::BaselineCount => &mut self.baseline_count,
        }
    }

    /// The number fields the usage schedule reads.
    fn schedule(&self) -> &'static [Ec2Field] {
        match self.usage {
            Usage::HoursPerMonth => &[Ec2Field::HoursPerMonth],
            Usage::Weekly => &[Ec2Field::HoursPerDay, Ec2Field::DaysPerWeek],
        }
    }

    /// The workload, reading each number with `num` (which may report or fall back).
    fn build(&self, mut num: impl FnMut(Ec2Field) -> Option<Decimal>) -> Ec2Workload {
        let schedule = self.schedule();
        let mut sched = |f: Ec2Field| {
            if schedule.contains(&f) {
                num(f)
            } else {
                None
            }
        };
        let hours_per_month = sched(Ec2Field::HoursPerMonth);
        let hours_per_day = sched(Ec2Field::HoursPerDay);
        let days_per_week = sched(Ec2Field::DaysPerWeek);
        Ec2Workload {
            instance_type: self.instance_type.trim().to_string(),
            count: num(Ec2Field::Count).unwrap_or(Decimal::ONE),
            hours_per_month,
            hours_per_day,
            days_per_week,
            interruption_tolerant: self.interruption_tolerant,
            horizon_years: Decimal::from(self.horizon_years),
            needs_dedicated: self.needs_dedicated,
            core_bound_license: self.core_bound_license,
            baseline_count: if self.baseline_count.trim().is_empty() {
                None
            } else {
                num(Ec2Field::BaselineCount)
            },
            peak_pricing: self.peak_pricing,
        }
    }

    /// The workload with unreadable fields left at their defaults, to check the other fields.
    fn workload_lenient(&self) -> Ec2Workload {
        let d = Ec2Form::default();
        self.build(|f| parse_number(self.text(f)).or_else(|| parse_number(d.text(f))))
    }
}

/// What the EC2 panel's controls send (the chart's options are the page's: `Action::SetEc2Chart`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ec2Action {
    Set(Ec2Field, String),
    Usage(Usage),
    Horizon(u32),
    Flag(Ec2Flag, bool),
    PeakPricing(PeakPricing),
}

impl Form for Ec2Form {
    type Service = Ec2;
    type Action = Ec2Action;

    const KEYS: &'static [&'static str] = &[
        "ec2.instance_type",
        "ec2.count",
        "ec2.hours_per_month",
        "ec2.hours_per_day",
        "ec2.days_per_week",
        "ec2.baseline_count",
        "ec2.usage",
        "ec2.horizon_years",
        "ec2.interruption_tolerant",
        "ec2.needs_dedicated",
        "ec2.core_bound_license",
        "ec2.peak_pricing",
    ];

    fn apply(&mut self, action: Ec2Action) {
        match action {
            Ec2Action::Set(f, text) => *self.text_mut(f) = text,
            Ec2Action::Usage(u) => self.usage = u,
            Ec2Action::Horizon(y) => self.horizon_years = y,
            Ec2Action::Flag(f, b) => match f {
                Ec2Flag::InterruptionTolerant => self.interruption_tolerant = b,
                Ec2Flag::NeedsDedicated => self.needs_dedicated = b,
                Ec2Flag::CoreBoundLicense => self.core_bound_license = b,
            },
            Ec2Action::PeakPricing(p) => self.peak_pricing = p,
        }
    }

    fn get(&self, key: &str) -> String {
        match key {
            "ec2.usage" => self.usage.code().into(),
            "ec2.horizon_years" => self.horizon_years.to_string(),
            "ec2.interruption_tolerant" => flag(self.interruption_tolerant),
            "ec2.needs_dedicated" => flag(self.needs_dedicated),
            "ec2.core_bound_license" => flag(self.core_bound_license),
            "ec2.peak_pricing" => self.peak_pricing.code().into(),
            path => Ec2Field::ALL
                .into_iter()
                .find(|f| f.path() == path)
                .map(|f| self.text(f).to_string())
                .unwrap_or_default(),
        }
    }

    fn set(&mut self, key: &str, v: &str) -> Option<()> {
        match key {
            "ec2.usage" => self.usage = Usage::from_code(v)?,
            "ec2.horizon_years" => {
                self.horizon_years = match v {
                    "1" => 1,
                    "3" => 3,
                    _ => return None,
                }
            }
            "ec2.interruption_tolerant" => self.interruption_tolerant = read_flag(v)?,
            "ec2.needs_dedicated" => self.needs_dedicated = read_flag(v)?,
            "ec2.core_bound_license" => self.core_bound_license = read_flag(v)?,
            "ec2.peak_pricing" => self.peak_pricing = PeakPricing::from_code(v)?,
            path => {
                let f = Ec2Field::ALL.into_iter().find(|f| f.path() == path)?;
                *self.text_mut(f) = v.into();
            }
        }
        Some(())
    }

    fn workload(&self) -> Result<Ec2Workload, Vec<FieldError>> {
        let mut errors = vec![];
        let w = self
            .build(|f| Some(read_number(self.text(f), f.path(), &mut errors).unwrap_or_default()));
        read_all(w, errors)
    }

    fn range_problems(&self) -> Result<(), Vec<FieldError>> {
        self.workload_lenient().validate().map(drop)
    }

    fn pricing() -> Result<&'static Ec2Pricing, &'static [awscost::pricing::PricingError]> {
        awscost::catalog::ec2()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, State};

    #[test]
    fn ec2_default_is_one_m5_large_always_on() {
        let s = State::default();
        let catalog = awscost::catalog::catalog().unwrap();
        let r = s.ec2.evaluate(&catalog.ec2, s.region).unwrap();
        // AWS's On-Demand rate for m5.large in us-east-1 is $0.096 an hour: × 730 h = $70.08.
        assert_eq!(r.options[0].id, "on-demand");
        assert_eq!(r.options[0].monthly_usd.unwrap().to_string(), "$70.08");
        assert_eq!(r.options.len(), awscost::ec2::option_ids().len());
        assert_eq!(r.horizon_years, 3);
    }

    #[test]
    fn ec2_weekly_schedule_reads_only_its_fields() {
        let s = State::default()
            .apply(Action::Ec2(Ec2Action::Set(
                Ec2Field::HoursPerMonth,
                "oops".into(),
            )))
            .apply(Action::Ec2(Ec2Action::Usage(Usage::Weekly)));
        let w = s.ec2.workload().unwrap();
        assert_eq!(w.hours_per_month, None);
        assert_eq!(w.hours_per_day, Some(Decimal::from(8)));
        assert_eq!(w.days_per_week, Some(Decimal::from(5)));
        assert_eq!(
            s.ec2.hours_per_month, "oops",
            "the hidden field keeps its text"
        );
    }

    #[test]
    fn ec2_unreadable_and_out_of_range_fields_are_reported_together() {
        let s = State::default()
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "two".into())))
            .apply(Action::Ec2(Ec2Action::Set(
                Ec2Field::HoursPerMonth,
                "800".into(),
            )))
            .apply(Action::Ec2(Ec2Action::Set(
                Ec2Field::BaselineCount,
                "".into(),
            )));
        let catalog = awscost::catalog::catalog().unwrap();
        let e = s.ec2.evaluate(&catalog.ec2, s.region).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["ec2.count", "ec2.hours_per_month"]);
        assert_eq!(s.ec2.count, "two");
    }

    #[test]
    fn ec2_unknown_type_and_baseline_above_count_are_named() {
        let catalog = awscost::catalog::catalog().unwrap();
        let s = State::default().apply(Action::Ec2(Ec2Action::Set(
            Ec2Field::InstanceType,
            "m5.huge".into(),
        )));
        let e = s.ec2.evaluate(&catalog.ec2, s.region).unwrap_err();
        assert_eq!(e[0].field, "ec2.instance_type");
        let s = State::default().apply(Action::Ec2(Ec2Action::Set(
            Ec2Field::BaselineCount,
            "2".into(),
        )));
        let e = s.ec2.evaluate(&catalog.ec2, s.region).unwrap_err();
        assert_eq!(e[0].field, "ec2.baseline_count");
    }

    #[test]
    fn ec2_flags_horizon_and_chart_picks_are_kept() {
        let s = State::default()
            .apply(Action::Ec2(Ec2Action::Flag(
                Ec2Flag::InterruptionTolerant,
                true,
            )))
            .apply(Action::Ec2(Ec2Action::Flag(
                Ec2Flag::CoreBoundLicense,
                true,
            )))
            .apply(Action::Ec2(Ec2Action::Horizon(1)))
            .apply(Action::Ec2(Ec2Action::PeakPricing(PeakPricing::Spot)))
            .apply(Action::SetEc2Chart(vec!["spot".into()]));
        let w = s.ec2.workload().unwrap();
        assert!(w.interruption_tolerant && w.core_bound_license && !w.needs_dedicated);
        assert_eq!(w.horizon_years, Decimal::ONE);
        assert_eq!(w.peak_pricing, PeakPricing::Spot);
        assert_eq!(s.ec2_chart, Some(vec!["spot".to_string()]));
    }
}
