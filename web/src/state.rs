//! The page's state: what the user typed, kept as typed, and the pure reducer over it.
//!
//! Number fields hold the text the user entered, so nothing typed is ever lost; [`LambdaForm::workload`]
//! reads the text into the engine's workload and reports every field it cannot read; so does
//! [`S3Form::workload`].

use awscost::error::{FieldError, Problem};
use awscost::lambda::{Architecture, InvocationType, LambdaWorkload};
use awscost::money::parse_number;
use awscost::s3::{LifecycleStep, RetrievalTier, S3Workload, StorageClass};
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

/// A typed field of the S3 panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum S3Field {
    StorageGb,
    ObjectCount,
    PutRequests,
    GetRequests,
    RetrievalGb,
    RetentionDays,
    ReadFraction,
    /// Days in the first lifecycle step.
    PlanDays0,
    /// Days in the second lifecycle step.
    PlanDays1,
}

impl S3Field {
    /// The number fields of the workload, in panel order (the plan's days are edited with the plan).
    pub const WORKLOAD: [S3Field; 7] = [
        S3Field::StorageGb,
        S3Field::ObjectCount,
        S3Field::PutRequests,
        S3Field::GetRequests,
        S3Field::RetrievalGb,
        S3Field::RetentionDays,
        S3Field::ReadFraction,
    ];

    /// The workload JSON path, which engine errors name.
    pub fn path(self) -> &'static str {
        match self {
            S3Field::StorageGb => "s3.storage_gb",
            S3Field::ObjectCount => "s3.object_count",
            S3Field::PutRequests => "s3.put_requests_per_month",
            S3Field::GetRequests => "s3.get_requests_per_month",
            S3Field::RetrievalGb => "s3.retrieval_gb_per_month",
            S3Field::RetentionDays => "s3.retention_days",
            S3Field::ReadFraction => "s3.monthly_read_fraction",
            S3Field::PlanDays0 => "s3.lifecycle[0].days",
            S3Field::PlanDays1 => "s3.lifecycle[1].days",
        }
    }

    /// The input's element id: `s3-storage_gb`, `s3-lifecycle-0-days`.
    pub fn id(self) -> String {
        format!(
            "s3-{}",
            self.path()
                .trim_start_matches("s3.")
                .replace(['[', '.'], "-")
                .replace(']', "")
        )
    }

    fn plan_days(step: usize) -> Option<S3Field> {
        [S3Field::PlanDays0, S3Field::PlanDays1].get(step).copied()
    }
}

/// Steps of the panel's lifecycle plan editor.
pub const PLAN_STEPS: usize = 3;

/// The S3 panel's inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Form {
    pub storage_gb: String,
    pub object_count: String,
    pub put_requests_per_month: String,
    pub get_requests_per_month: String,
    pub retrieval_gb_per_month: String,
    pub retention_days: String,
    /// Empty: derived from retrieval ÷ storage.
    pub monthly_read_fraction: String,
    pub retrieval_tier: RetrievalTier,
    /// The plan's classes; the plan ends at the first `None` (none at all: no plan).
    pub plan: [Option<StorageClass>; PLAN_STEPS],
    /// Days in each step but the last.
    pub plan_days: [String; PLAN_STEPS - 1],
}

impl Default for S3Form {
    /// The issue's example, with its plan: Standard for 30 days, Standard-IA until day 180, then
    /// Deep Archive.
    fn default() -> Self {
        let w = S3Workload::default();
        let s = |d: Decimal| d.normalize().to_string();
        S3Form {
            storage_gb: s(w.storage_gb),
            object_count: w.object_count.map(s).unwrap_or_default(),
            put_requests_per_month: s(w.put_requests_per_month),
            get_requests_per_month: s(w.get_requests_per_month),
            retrieval_gb_per_month: s(w.retrieval_gb_per_month),
            retention_days: s(w.retention_days),
            monthly_read_fraction: w.monthly_read_fraction.map(s).unwrap_or_default(),
            retrieval_tier: w.retrieval_tier,
            plan: [
                Some(StorageClass::Standard),
                Some(StorageClass::StandardIa),
                Some(StorageClass::DeepArchive),
            ],
            plan_days: ["30".into(), "150".into()],
        }
    }
}

impl S3Form {
    pub fn text(&self, f: S3Field) -> &str {
        match f {
            S3Field::StorageGb => &self.storage_gb,
            S3Field::ObjectCount => &self.object_count,
            S3Field::PutRequests => &self.put_requests_per_month,
            S3Field::GetRequests => &self.get_requests_per_month,
            S3Field::RetrievalGb => &self.retrieval_gb_per_month,
            S3Field::RetentionDays => &self.retention_days,
            S3Field::ReadFraction => &self.monthly_read_fraction,
            S3Field::PlanDays0 => &self.plan_days[0],
            S3Field::PlanDays1 => &self.plan_days[1],
        }
    }

    fn text_mut(&mut self, f: S3Field) -> &mut String {
        match f {
            S3Field::StorageGb => &mut self.storage_gb,
            S3Field::ObjectCount => &mut self.object_count,
            S3Field::PutRequests => &mut self.put_requests_per_month,
            S3Field::GetRequests => &mut self.get_requests_per_month,
            S3Field::RetrievalGb => &mut self.retrieval_gb_per_month,
            S3Field::RetentionDays => &mut self.retention_days,
            S3Field::ReadFraction => &mut self.monthly_read_fraction,
            S3Field::PlanDays0 => &mut self.plan_days[0],
            S3Field::PlanDays1 => &mut self.plan_days[1],
        }
    }

    /// How many steps the plan has (0: no plan).
    pub fn plan_len(&self) -> usize {
        self.plan.iter().take_while(|c| c.is_some()).count()
    }

    /// Whether step `n`'s days are asked for: every step but the plan's last.
    pub fn plan_days_shown(&self, n: usize) -> Option<S3Field> {
        (n + 1 < self.plan_len())
            .then(|| S3Field::plan_days(n))
            .flatten()
    }

    /// The workload from the typed text; `num` reads one field.
    fn build(&self, mut num: impl FnMut(S3Field) -> Decimal) -> S3Workload {
        let optional = |text: &str| !text.trim().is_empty();
        S3Workload {
            storage_gb: num(S3Field::StorageGb),
            object_count: Some(num(S3Field::ObjectCount)),
            average_object_size_kb: None,
            put_requests_per_month: num(S3Field::PutRequests),
            get_requests_per_month: num(S3Field::GetRequests),
            retrieval_gb_per_month: num(S3Field::RetrievalGb),
            retention_days: num(S3Field::RetentionDays),
            monthly_read_fraction: optional(&self.monthly_read_fraction)
                .then(|| num(S3Field::ReadFraction)),
            retrieval_tier: self.retrieval_tier,
            // Last, so errors come in the panel's order.
            lifecycle: (self.plan_len() > 0).then(|| {
                self.plan
                    .iter()
                    .map_while(|c| *c)
                    .enumerate()
                    .map(|(i, class)| LifecycleStep {
                        class,
                        days: self.plan_days_shown(i).map(&mut num),
                    })
                    .collect()
            }),
        }
    }

    /// The workload with unreadable fields left at their defaults, to check the other fields.
    fn workload_lenient(&self) -> S3Workload {
        let d = S3Form::default();
        self.build(|f| {
            parse_number(self.text(f))
                .or_else(|| parse_number(d.text(f)))
                .unwrap_or(Decimal::ONE)
        })
    }

    /// Reads the typed text into a workload section; every unreadable field is reported.
    pub fn workload(&self) -> Result<S3Workload, Vec<FieldError>> {
        let mut errors = vec![];
        let w = self.build(|f| {
            let text = self.text(f);
            if text.trim().is_empty() {
                errors.push(FieldError::new(f.path(), Problem::Required));
                return Decimal::ZERO;
            }
            parse_number(text).unwrap_or_else(|| {
                errors.push(FieldError::new(f.path(), Problem::NotANumber));
                Decimal::ZERO
            })
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
    S3,
}

impl Service {
    /// Every panel, in tab order.
    pub const ALL: &'static [Service] = &[Service::Lambda, Service::S3];

    pub fn code(self) -> &'static str {
        match self {
            Service::Lambda => "lambda",
            Service::S3 => "s3",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Service::Lambda => "Lambda memory",
            Service::S3 => "S3 storage classes",
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
    pub s3: S3Form,
}

impl Default for State {
    fn default() -> Self {
        State {
            region: Region::UsEast1,
            service: Service::default(),
            lambda: LambdaForm::default(),
            s3: S3Form::default(),
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
    SetS3(S3Field, String),
    SetS3Tier(RetrievalTier),
    /// The class of lifecycle step `n` (0-based); `None` ends the plan before it.
    SetS3PlanClass(usize, Option<StorageClass>),
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
            Action::SetS3(f, text) => *s.s3.text_mut(f) = text,
            Action::SetS3Tier(t) => s.s3.retrieval_tier = t,
            Action::SetS3PlanClass(n, c) => {
                if let Some(step) = s.s3.plan.get_mut(n) {
                    *step = c;
                }
            }
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

/// The engine's answer for the S3 panel, or every field problem.
pub fn evaluate_s3(
    pricing: &awscost::pricing::Catalog,
    region: Region,
    form: &S3Form,
) -> Result<awscost::s3::S3Result, Vec<FieldError>> {
    match form.workload() {
        Ok(w) => awscost::s3::compare(&pricing.s3, region, &w),
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
    fn s3_default_is_the_issue_example() {
        // https://aws.amazon.com/s3/pricing/ (us-east-1): Standard-IA 10,000 GB × $0.0125 = $125,
        // 1M GET × $0.001 per 1,000 = $1, 1,000 GB retrieved × $0.01 = $10: $136.00 a month.
        let catalog = awscost::pricing::catalog().unwrap();
        let r = evaluate_s3(catalog, Region::UsEast1, &S3Form::default()).unwrap();
        let ia = r.options.iter().find(|o| o.id == StorageClass::StandardIa);
        assert_eq!(
            ia.and_then(|o| o.monthly_usd)
                .map(|u| u.to_string())
                .as_deref(),
            Some("$136.00")
        );
        // The plan of the issue: $1,109.54 (worked in tests/s3_cases.rs).
        let plan = r.lifecycle.and_then(|l| l.total_usd);
        assert_eq!(plan.map(|u| u.to_string()).as_deref(), Some("$1,109.54"));
    }

    #[test]
    fn s3_errors_name_fields_and_the_plan_follows_its_classes() {
        let s = State::default()
            .apply(Action::SetS3(S3Field::StorageGb, "ten".into()))
            .apply(Action::SetS3(S3Field::RetentionDays, "0".into()))
            .apply(Action::SetS3(S3Field::PlanDays1, "".into()));
        assert_eq!(s.s3.storage_gb, "ten");
        let catalog = awscost::pricing::catalog().unwrap();
        let e = evaluate_s3(catalog, s.region, &s.s3).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["s3.storage_gb", "s3.lifecycle[1].days", "s3.retention_days"]
        );
        // Ending the plan after its first step drops the days nobody is asked for.
        let s = s
            .apply(Action::SetS3PlanClass(1, None))
            .apply(Action::SetS3(S3Field::StorageGb, "10".into()))
            .apply(Action::SetS3(S3Field::RetentionDays, "30".into()));
        assert_eq!(s.s3.plan_len(), 1);
        assert_eq!(s.s3.plan_days_shown(0), None);
        let w = s.s3.workload().unwrap();
        assert_eq!(w.lifecycle.map(|l| l.len()), Some(1));
        assert!(evaluate_s3(catalog, s.region, &s.s3).is_ok());
        // No plan at all.
        let s = s.apply(Action::SetS3PlanClass(0, None));
        assert_eq!(s.s3.workload().unwrap().lifecycle, None);
        assert_eq!(S3Field::PlanDays0.id(), "s3-lifecycle-0-days");
        assert_eq!(S3Field::StorageGb.id(), "s3-storage_gb");
    }

    #[test]
    fn reset_restores_defaults() {
        let s = State::default()
            .apply(Action::SetRegion(Region::ApSouth1))
            .apply(Action::Reset);
        assert_eq!(s, State::default());
    }
}
