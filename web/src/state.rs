//! The page's state: what the user typed, kept as typed, and the pure reducer over it.
//!
//! Number fields hold the text the user entered, so nothing typed is ever lost; [`LambdaForm::workload`]
//! reads the text into the engine's workload and reports every field it cannot read.

use awscost::ec2::{Ec2Workload, PeakPricing};
use awscost::error::{FieldError, Problem};
use awscost::lambda::{Architecture, InvocationType, LambdaWorkload};
use awscost::money::parse_number;
use awscost::Region;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::Reducible;

/// A number field of the Lambda panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LambdaField {
    Memory,
    Duration,
    Invocations,
    Ephemeral,
    Provisioned,
    ProvisionedHours,
    CpuBound,
    Payload,
}

impl LambdaField {
    pub const ALL: [LambdaField; 8] = [
        LambdaField::Memory,
        LambdaField::Duration,
        LambdaField::Invocations,
        LambdaField::Ephemeral,
        LambdaField::Provisioned,
        LambdaField::ProvisionedHours,
        LambdaField::CpuBound,
        LambdaField::Payload,
    ];

    /// The workload JSON path, which engine errors name.
    pub fn path(self) -> &'static str {
        match self {
            LambdaField::Memory => "lambda.memory_mb",
            LambdaField::Duration => "lambda.duration_ms",
            LambdaField::Invocations => "lambda.invocations_per_month",
            LambdaField::Ephemeral => "lambda.ephemeral_storage_mb",
            LambdaField::Provisioned => "lambda.provisioned_concurrency",
            LambdaField::ProvisionedHours => "lambda.provisioned_hours_per_month",
            LambdaField::CpuBound => "lambda.cpu_bound_percent",
            LambdaField::Payload => "lambda.payload_kb",
        }
    }
}

/// The Lambda panel's inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaForm {
    pub architecture: Architecture,
    pub memory_mb: String,
    pub duration_ms: String,
    pub invocations_per_month: String,
    pub ephemeral_storage_mb: String,
    pub free_tier: bool,
    pub provisioned_concurrency: String,
    pub provisioned_hours_per_month: String,
    pub cpu_bound_percent: String,
    pub multi_threaded: bool,
    pub invocation_type: InvocationType,
    pub payload_kb: String,
}

impl Default for LambdaForm {
    fn default() -> Self {
        LambdaForm::from_workload(&LambdaWorkload::default())
    }
}

impl LambdaForm {
    pub fn from_workload(w: &LambdaWorkload) -> Self {
        let s = |d: Decimal| d.normalize().to_string();
        LambdaForm {
            architecture: w.architecture,
            memory_mb: s(w.memory_mb),
            duration_ms: s(w.duration_ms),
            invocations_per_month: s(w.invocations_per_month),
            ephemeral_storage_mb: s(w.ephemeral_storage_mb),
            free_tier: w.free_tier,
            provisioned_concurrency: s(w.provisioned_concurrency),
            provisioned_hours_per_month: s(w.provisioned_hours_per_month),
            cpu_bound_percent: s(w.cpu_bound_percent),
            multi_threaded: w.multi_threaded,
            invocation_type: w.invocation_type,
            payload_kb: w.payload_kb.map(s).unwrap_or_default(),
        }
    }

    pub fn text(&self, f: LambdaField) -> &str {
        match f {
            LambdaField::Memory => &self.memory_mb,
            LambdaField::Duration => &self.duration_ms,
            LambdaField::Invocations => &self.invocations_per_month,
            LambdaField::Ephemeral => &self.ephemeral_storage_mb,
            LambdaField::Provisioned => &self.provisioned_concurrency,
            LambdaField::ProvisionedHours => &self.provisioned_hours_per_month,
            LambdaField::CpuBound => &self.cpu_bound_percent,
            LambdaField::Payload => &self.payload_kb,
        }
    }

    fn text_mut(&mut self, f: LambdaField) -> &mut String {
        match f {
            LambdaField::Memory => &mut self.memory_mb,
            LambdaField::Duration => &mut self.duration_ms,
            LambdaField::Invocations => &mut self.invocations_per_month,
            LambdaField::Ephemeral => &mut self.ephemeral_storage_mb,
            LambdaField::Provisioned => &mut self.provisioned_concurrency,
            LambdaField::ProvisionedHours => &mut self.provisioned_hours_per_month,
            LambdaField::CpuBound => &mut self.cpu_bound_percent,
            LambdaField::Payload => &mut self.payload_kb,
        }
    }

    /// The workload with unreadable fields left at their defaults, to check the other fields.
    fn workload_lenient(&self) -> LambdaWorkload {
        let d = LambdaWorkload::default();
        let num =
            |f: LambdaField, fallback: Decimal| parse_number(self.text(f)).unwrap_or(fallback);
        LambdaWorkload {
            architecture: self.architecture,
            memory_mb: num(LambdaField::Memory, d.memory_mb),
            duration_ms: num(LambdaField::Duration, d.duration_ms),
            invocations_per_month: num(LambdaField::Invocations, d.invocations_per_month),
            ephemeral_storage_mb: num(LambdaField::Ephemeral, d.ephemeral_storage_mb),
            free_tier: self.free_tier,
            provisioned_concurrency: num(LambdaField::Provisioned, d.provisioned_concurrency),
            provisioned_hours_per_month: num(
                LambdaField::ProvisionedHours,
                d.provisioned_hours_per_month,
            ),
            cpu_bound_percent: num(LambdaField::CpuBound, d.cpu_bound_percent),
            multi_threaded: self.multi_threaded,
            invocation_type: self.invocation_type,
            payload_kb: parse_number(&self.payload_kb),
        }
    }

    /// Reads the typed text into a workload section; every unreadable field is reported.
    pub fn workload(&self) -> Result<LambdaWorkload, Vec<FieldError>> {
        let mut errors = vec![];
        let mut num = |f: LambdaField| -> Decimal {
            let text = self.text(f);
            if text.trim().is_empty() {
                errors.push(FieldError::new(f.path(), Problem::Required));
                return Decimal::ZERO;
            }
            parse_number(text).unwrap_or_else(|| {
                errors.push(FieldError::new(f.path(), Problem::NotANumber));
                Decimal::ZERO
            })
        };
        let w = LambdaWorkload {
            architecture: self.architecture,
            memory_mb: num(LambdaField::Memory),
            duration_ms: num(LambdaField::Duration),
            invocations_per_month: num(LambdaField::Invocations),
            ephemeral_storage_mb: num(LambdaField::Ephemeral),
            free_tier: self.free_tier,
            provisioned_concurrency: num(LambdaField::Provisioned),
            provisioned_hours_per_month: num(LambdaField::ProvisionedHours),
            cpu_bound_percent: num(LambdaField::CpuBound),
            multi_threaded: self.multi_threaded,
            invocation_type: self.invocation_type,
            payload_kb: if self.payload_kb.trim().is_empty() {
                None
            } else {
                Some(num(LambdaField::Payload))
            },
        };
        if errors.is_empty() {
            Ok(w)
        } else {
            Err(errors)
        }
    }
}

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

/// How the usage schedule is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Usage {
    /// Hours each instance runs a month (730 = always on).
    #[default]
    HoursPerMonth,
    /// Hours a day on some days a week.
    Weekly,
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

    /// Reads the typed text into a workload section; every unreadable field is reported.
    pub fn workload(&self) -> Result<Ec2Workload, Vec<FieldError>> {
        let mut errors = vec![];
        let w = self.build(|f| {
            let text = self.text(f);
            let problem = if text.trim().is_empty() {
                Problem::Required
            } else {
                match parse_number(text) {
                    Some(d) => return Some(d),
                    None => Problem::NotANumber,
                }
            };
            errors.push(FieldError::new(f.path(), problem));
            Some(Decimal::ZERO)
        });
        if errors.is_empty() {
            Ok(w)
        } else {
            Err(errors)
        }
    }
}

/// A service panel of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Service {
    #[default]
    Lambda,
    Ec2,
}

impl Service {
    /// Every panel, in tab order.
    pub const ALL: &'static [Service] = &[Service::Lambda, Service::Ec2];

    pub fn code(self) -> &'static str {
        match self {
            Service::Lambda => "lambda",
            Service::Ec2 => "ec2",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Service::Lambda => "Lambda memory",
            Service::Ec2 => "EC2 purchasing options",
        }
    }
}

/// Everything on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub region: Region,
    /// The panel on show.
    pub service: Service,
    pub lambda: LambdaForm,
    pub ec2: Ec2Form,
    /// The options drawn on the EC2 cumulative-cost chart; `None`: On-Demand and the cheapest.
    pub ec2_chart: Option<Vec<String>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            region: Region::UsEast1,
            service: Service::default(),
            lambda: LambdaForm::default(),
            ec2: Ec2Form::default(),
            ec2_chart: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetRegion(Region),
    ShowService(Service),
    SetArchitecture(Architecture),
    SetLambda(LambdaField, String),
    SetFreeTier(bool),
    SetMultiThreaded(bool),
    SetInvocationType(InvocationType),
    SetEc2(Ec2Field, String),
    SetEc2Usage(Usage),
    SetEc2Horizon(u32),
    SetEc2Flag(Ec2Flag, bool),
    SetEc2PeakPricing(PeakPricing),
    /// The option ids to draw on the EC2 chart.
    SetEc2Chart(Vec<String>),
    /// Start again from the default workload.
    Reset,
}

impl State {
    /// The state after an action; pure.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::SetRegion(r) => s.region = r,
            Action::ShowService(v) => s.service = v,
            Action::SetArchitecture(a) => s.lambda.architecture = a,
            Action::SetLambda(f, text) => *s.lambda.text_mut(f) = text,
            Action::SetFreeTier(b) => s.lambda.free_tier = b,
            Action::SetMultiThreaded(b) => s.lambda.multi_threaded = b,
            Action::SetInvocationType(t) => s.lambda.invocation_type = t,
            Action::SetEc2(f, text) => *s.ec2.text_mut(f) = text,
            Action::SetEc2Usage(u) => s.ec2.usage = u,
            Action::SetEc2Horizon(y) => s.ec2.horizon_years = y,
            Action::SetEc2Flag(f, b) => match f {
                Ec2Flag::InterruptionTolerant => s.ec2.interruption_tolerant = b,
                Ec2Flag::NeedsDedicated => s.ec2.needs_dedicated = b,
                Ec2Flag::CoreBoundLicense => s.ec2.core_bound_license = b,
            },
            Action::SetEc2PeakPricing(p) => s.ec2.peak_pricing = p,
            Action::SetEc2Chart(ids) => s.ec2_chart = Some(ids),
            Action::Reset => s = State::default(),
        }
        s
    }
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// The engine's answer for the Lambda panel, or every field problem.
pub fn evaluate_lambda(
    pricing: &awscost::pricing::Catalog,
    region: Region,
    form: &LambdaForm,
) -> Result<awscost::lambda::LambdaResult, Vec<FieldError>> {
    match form.workload() {
        Ok(w) => awscost::lambda::compare(&pricing.lambda, region, &w),
        Err(unreadable) => Err(with_range_errors(
            unreadable,
            form.workload_lenient().validate(),
        )),
    }
}

/// The engine's answer for the EC2 panel, or every field problem.
pub fn evaluate_ec2(
    pricing: &awscost::pricing::Catalog,
    region: Region,
    form: &Ec2Form,
) -> Result<awscost::ec2::Ec2Result, Vec<FieldError>> {
    match form.workload() {
        Ok(w) => awscost::ec2::compare(&pricing.ec2, region, &w),
        Err(unreadable) => Err(with_range_errors(
            unreadable,
            form.workload_lenient().validate(),
        )),
    }
}

/// Unreadable fields, plus the range problems of the fields that could be read.
fn with_range_errors<T>(
    mut unreadable: Vec<FieldError>,
    checked: Result<T, Vec<FieldError>>,
) -> Vec<FieldError> {
    if let Err(range) = checked {
        for e in range {
            if !unreadable.iter().any(|u| u.field == e.field) {
                unreadable.push(e);
            }
        }
    }
    unreadable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_kept_and_errors_name_fields() {
        let s = State::default()
            .apply(Action::SetLambda(LambdaField::Memory, "12x".into()))
            .apply(Action::SetLambda(LambdaField::Duration, "".into()));
        assert_eq!(s.lambda.memory_mb, "12x");
        let e = s.lambda.workload().unwrap_err();
        assert_eq!(e[0].field, "lambda.memory_mb");
        assert_eq!(e[0].problem, Problem::NotANumber);
        assert_eq!(e[1].problem, Problem::Required);
    }

    #[test]
    fn unreadable_and_out_of_range_fields_are_reported_together() {
        let s = State::default()
            .apply(Action::SetLambda(LambdaField::Memory, "abc".into()))
            .apply(Action::SetLambda(LambdaField::Duration, "9999999".into()));
        let catalog = awscost::pricing::catalog().unwrap();
        let e = evaluate_lambda(catalog, s.region, &s.lambda).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["lambda.memory_mb", "lambda.duration_ms"]);
    }

    #[test]
    fn default_answers_the_aws_example() {
        let s = State::default();
        let catalog = awscost::pricing::catalog().unwrap();
        let r = evaluate_lambda(catalog, s.region, &s.lambda).unwrap();
        assert_eq!(r.requested.monthly_usd.to_string(), "$18.73");
    }

    #[test]
    fn ec2_default_is_one_m5_large_always_on() {
        let s = State::default();
        let catalog = awscost::pricing::catalog().unwrap();
        let r = evaluate_ec2(catalog, s.region, &s.ec2).unwrap();
        // AWS's On-Demand rate for m5.large in us-east-1 is $0.096 an hour: × 730 h = $70.08.
        assert_eq!(r.options[0].id, "on-demand");
        assert_eq!(r.options[0].monthly_usd.unwrap().to_string(), "$70.08");
        assert_eq!(r.options.len(), 29);
        assert_eq!(r.horizon_years, 3);
    }

    #[test]
    fn ec2_weekly_schedule_reads_only_its_fields() {
        let s = State::default()
            .apply(Action::SetEc2(Ec2Field::HoursPerMonth, "oops".into()))
            .apply(Action::SetEc2Usage(Usage::Weekly));
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
            .apply(Action::SetEc2(Ec2Field::Count, "two".into()))
            .apply(Action::SetEc2(Ec2Field::HoursPerMonth, "800".into()))
            .apply(Action::SetEc2(Ec2Field::BaselineCount, "".into()));
        let catalog = awscost::pricing::catalog().unwrap();
        let e = evaluate_ec2(catalog, s.region, &s.ec2).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["ec2.count", "ec2.hours_per_month"]);
        assert_eq!(s.ec2.count, "two");
    }

    #[test]
    fn ec2_unknown_type_and_baseline_above_count_are_named() {
        let catalog = awscost::pricing::catalog().unwrap();
        let s = State::default().apply(Action::SetEc2(Ec2Field::InstanceType, "m5.huge".into()));
        let e = evaluate_ec2(catalog, s.region, &s.ec2).unwrap_err();
        assert_eq!(e[0].field, "ec2.instance_type");
        let s = State::default().apply(Action::SetEc2(Ec2Field::BaselineCount, "2".into()));
        let e = evaluate_ec2(catalog, s.region, &s.ec2).unwrap_err();
        assert_eq!(e[0].field, "ec2.baseline_count");
    }

    #[test]
    fn ec2_flags_horizon_and_chart_picks_are_kept() {
        let s = State::default()
            .apply(Action::SetEc2Flag(Ec2Flag::InterruptionTolerant, true))
            .apply(Action::SetEc2Flag(Ec2Flag::CoreBoundLicense, true))
            .apply(Action::SetEc2Horizon(1))
            .apply(Action::SetEc2PeakPricing(PeakPricing::Spot))
            .apply(Action::SetEc2Chart(vec!["spot".into()]));
        let w = s.ec2.workload().unwrap();
        assert!(w.interruption_tolerant && w.core_bound_license && !w.needs_dedicated);
        assert_eq!(w.horizon_years, Decimal::ONE);
        assert_eq!(w.peak_pricing, PeakPricing::Spot);
        assert_eq!(s.ec2_chart, Some(vec!["spot".to_string()]));
    }

    #[test]
    fn reset_restores_defaults() {
        let s = State::default()
            .apply(Action::SetRegion(Region::ApSouth1))
            .apply(Action::Reset);
        assert_eq!(s, State::default());
    }
}
