//! The Lambda panel's inputs as typed, what its controls send, its link keys, and how it
//! becomes an engine workload.

use super::form::{flag, read_all, read_flag, read_number, Form};
use awscost::error::FieldError;
use awscost::lambda::{Architecture, InvocationType, Lambda, LambdaPricing, LambdaWorkload};
use awscost::money::parse_number;
use rust_decimal::Decimal;

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

    /// The field's label in the panel (and in messages about it).
    pub fn label(self) -> &'static str {
        match self {
            LambdaField::Memory => "Memory",
            LambdaField::Duration => "Average duration at this memory",
            LambdaField::Invocations => "Invocations per month",
            LambdaField::Ephemeral => "Ephemeral storage (/tmp)",
            LambdaField::CpuBound => "CPU-bound share of the duration",
            LambdaField::Provisioned => "Provisioned Concurrency",
            LambdaField::ProvisionedHours => "Provisioned Concurrency enabled",
            LambdaField::Payload => "Payload size",
        }
    }

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
}

/// What the Lambda panel's controls send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LambdaAction {
    Set(LambdaField, String),
    Architecture(Architecture),
    FreeTier(bool),
    MultiThreaded(bool),
    InvocationType(InvocationType),
}

impl Form for LambdaForm {
    type Service = Lambda;
    type Action = LambdaAction;

    const KEYS: &'static [&'static str] = &[
        "lambda.architecture",
        "lambda.memory_mb",
        "lambda.duration_ms",
        "lambda.invocations_per_month",
        "lambda.ephemeral_storage_mb",
        "lambda.provisioned_concurrency",
        "lambda.provisioned_hours_per_month",
        "lambda.cpu_bound_percent",
        "lambda.payload_kb",
        "lambda.free_tier",
        "lambda.multi_threaded",
        "lambda.invocation_type",
    ];

    fn apply(&mut self, action: LambdaAction) {
        match action {
            LambdaAction::Set(f, text) => *self.text_mut(f) = text,
            LambdaAction::Architecture(a) => self.architecture = a,
            LambdaAction::FreeTier(b) => self.free_tier = b,
            LambdaAction::MultiThreaded(b) => self.multi_threaded = b,
            LambdaAction::InvocationType(t) => self.invocation_type = t,
        }
    }

    fn get(&self, key: &str) -> String {
        match key {
            "lambda.architecture" => self.architecture.code().into(),
            "lambda.free_tier" => flag(self.free_tier),
            "lambda.multi_threaded" => flag(self.multi_threaded),
            "lambda.invocation_type" => self.invocation_type.code().into(),
            path => LambdaField::ALL
                .into_iter()
                .find(|f| f.path() == path)
                .map(|f| self.text(f).to_string())
                .unwrap_or_default(),
        }
    }

    fn set(&mut self, key: &str, v: &str) -> Option<()> {
        match key {
            "lambda.architecture" => self.architecture = Architecture::from_code(v)?,
            "lambda.free_tier" => self.free_tier = read_flag(v)?,
            "lambda.multi_threaded" => self.multi_threaded = read_flag(v)?,
            "lambda.invocation_type" => self.invocation_type = InvocationType::from_code(v)?,
            path => {
                let f = LambdaField::ALL.into_iter().find(|f| f.path() == path)?;
                *self.text_mut(f) = v.into();
            }
        }
        Some(())
    }

    fn workload(&self) -> Result<LambdaWorkload, Vec<FieldError>> {
        let mut errors = vec![];
        let mut num =
            |f: LambdaField| read_number(self.text(f), f.path(), &mut errors).unwrap_or_default();
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
        read_all(w, errors)
    }

    fn range_problems(&self) -> Result<(), Vec<FieldError>> {
        self.workload_lenient().validate().map(drop)
    }

    fn pricing() -> Result<&'static LambdaPricing, &'static [awscost::pricing::PricingError]> {
        awscost::catalog::lambda()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, State};
    use awscost::error::Problem;

    #[test]
    fn typed_text_is_kept_and_errors_name_fields() {
        let s = State::default()
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Memory,
                "12x".into(),
            )))
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Duration,
                "".into(),
            )));
        assert_eq!(s.lambda.memory_mb, "12x");
        let e = s.lambda.workload().unwrap_err();
        assert_eq!(e[0].field, "lambda.memory_mb");
        assert_eq!(e[0].problem, Problem::NotANumber);
        assert_eq!(e[1].problem, Problem::Required);
    }

    #[test]
    fn unreadable_and_out_of_range_fields_are_reported_together() {
        let s = State::default()
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Memory,
                "abc".into(),
            )))
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Duration,
                "9999999".into(),
            )));
        let catalog = awscost::catalog::catalog().unwrap();
        let e = s.lambda.evaluate(&catalog.lambda, s.region).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["lambda.memory_mb", "lambda.duration_ms"]);
    }

    #[test]
    fn default_answers_the_aws_example() {
        let s = State::default();
        let catalog = awscost::catalog::catalog().unwrap();
        let r = s.lambda.evaluate(&catalog.lambda, s.region).unwrap();
        assert_eq!(r.requested.monthly_usd.to_string(), "$18.73");
    }
}
