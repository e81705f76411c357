//! The page's state: what the user typed, kept as typed, and the pure reducer over it.
//!
//! Number fields hold the text the user entered, so nothing typed is ever lost; [`LambdaForm::workload`]
//! reads the text into the engine's workload and reports every field it cannot read; [`EbsForm`]
//! does the same for the EBS panel.

use awscost::ebs::{EbsWorkload, SnapshotTier};
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

/// A number field of the EBS panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EbsField {
    Size,
    Iops,
    Throughput,
    Hours,
    Instances,
    Snapshot,
}

impl EbsField {
    pub const ALL: [EbsField; 6] = [
        EbsField::Size,
        EbsField::Iops,
        EbsField::Throughput,
        EbsField::Hours,
        EbsField::Instances,
        EbsField::Snapshot,
    ];

    /// The workload JSON path, which engine errors name.
    pub fn path(self) -> &'static str {
        match self {
            EbsField::Size => "ebs.size_gib",
            EbsField::Iops => "ebs.iops",
            EbsField::Throughput => "ebs.throughput_mibps",
            EbsField::Hours => "ebs.hours_per_month",
            EbsField::Instances => "ebs.attach_instances",
            EbsField::Snapshot => "ebs.snapshot_gib",
        }
    }

    /// Whether the field may be left empty (the engine's default then applies).
    fn optional(self) -> bool {
        matches!(self, EbsField::Instances)
    }
}

/// The EBS panel's inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EbsForm {
    pub size_gib: String,
    pub iops: String,
    pub throughput_mibps: String,
    pub hours_per_month: String,
    pub boot: bool,
    pub multi_attach: bool,
    /// Empty: one instance, or as many as Multi-Attach implies.
    pub attach_instances: String,
    pub snapshot_gib: String,
    pub snapshot_tier: SnapshotTier,
}

impl Default for EbsForm {
    fn default() -> Self {
        EbsForm::from_workload(&EbsWorkload::default())
    }
}

impl EbsForm {
    pub fn from_workload(w: &EbsWorkload) -> Self {
        let s = |d: Decimal| d.normalize().to_string();
        EbsForm {
            size_gib: s(w.size_gib),
            iops: s(w.iops),
            throughput_mibps: s(w.throughput_mibps),
            hours_per_month: s(w.hours_per_month),
            boot: w.boot,
            multi_attach: w.multi_attach,
            attach_instances: w.attach_instances.map(s).unwrap_or_default(),
            snapshot_gib: s(w.snapshot_gib),
            snapshot_tier: w.snapshot_tier,
        }
    }

    pub fn text(&self, f: EbsField) -> &str {
        match f {
            EbsField::Size => &self.size_gib,
            EbsField::Iops => &self.iops,
            EbsField::Throughput => &self.throughput_mibps,
            EbsField::Hours => &self.hours_per_month,
            EbsField::Instances => &self.attach_instances,
            EbsField::Snapshot => &self.snapshot_gib,
        }
    }

    fn text_mut(&mut self, f: EbsField) -> &mut String {
        match f {
            EbsField::Size => &mut self.size_gib,
            EbsField::Iops => &mut self.iops,
            EbsField::Throughput => &mut self.throughput_mibps,
            EbsField::Hours => &mut self.hours_per_month,
            EbsField::Instances => &mut self.attach_instances,
            EbsField::Snapshot => &mut self.snapshot_gib,
        }
    }

    /// Reads the typed text; `read` gives each field's number (or `None` for an empty optional
    /// field) and may record a problem.
    fn build(&self, mut read: impl FnMut(EbsField) -> Option<Decimal>) -> EbsWorkload {
        let d = EbsWorkload::default();
        EbsWorkload {
            size_gib: read(EbsField::Size).unwrap_or(d.size_gib),
            iops: read(EbsField::Iops).unwrap_or(d.iops),
            throughput_mibps: read(EbsField::Throughput).unwrap_or(d.throughput_mibps),
            hours_per_month: read(EbsField::Hours).unwrap_or(d.hours_per_month),
            boot: self.boot,
            multi_attach: self.multi_attach,
            attach_instances: read(EbsField::Instances),
            snapshot_gib: read(EbsField::Snapshot).unwrap_or(d.snapshot_gib),
            snapshot_tier: self.snapshot_tier,
        }
    }

    /// The workload with unreadable fields left at their defaults, to check the other fields.
    fn workload_lenient(&self) -> EbsWorkload {
        self.build(|f| parse_number(self.text(f)))
    }

    /// Reads the typed text into a workload section; every unreadable field is reported.
    pub fn workload(&self) -> Result<EbsWorkload, Vec<FieldError>> {
        let mut errors = vec![];
        let w = self.build(|f| {
            let text = self.text(f);
            if text.trim().is_empty() {
                if !f.optional() {
                    errors.push(FieldError::new(f.path(), Problem::Required));
                }
                return None;
            }
            let n = parse_number(text);
            if n.is_none() {
                errors.push(FieldError::new(f.path(), Problem::NotANumber));
            }
            n
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
    Ebs,
}

impl Service {
    /// Every panel, in tab order.
    pub const ALL: &'static [Service] = &[Service::Lambda, Service::Ebs];

    pub fn code(self) -> &'static str {
        match self {
            Service::Lambda => "lambda",
            Service::Ebs => "ebs",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Service::Lambda => "Lambda memory",
            Service::Ebs => "EBS volumes",
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
    pub ebs: EbsForm,
}

impl Default for State {
    fn default() -> Self {
        State {
            region: Region::UsEast1,
            service: Service::default(),
            lambda: LambdaForm::default(),
            ebs: EbsForm::default(),
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
    SetEbs(EbsField, String),
    SetEbsBoot(bool),
    SetEbsMultiAttach(bool),
    SetSnapshotTier(SnapshotTier),
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
            Action::SetEbs(f, text) => *s.ebs.text_mut(f) = text,
            Action::SetEbsBoot(b) => s.ebs.boot = b,
            Action::SetEbsMultiAttach(b) => s.ebs.multi_attach = b,
            Action::SetSnapshotTier(t) => s.ebs.snapshot_tier = t,
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

/// The engine's answer for the EBS panel, or every field problem.
pub fn evaluate_ebs(
    pricing: &awscost::pricing::Catalog,
    region: Region,
    form: &EbsForm,
) -> Result<awscost::ebs::EbsResult, Vec<FieldError>> {
    match form.workload() {
        Ok(w) => awscost::ebs::compare(&pricing.ebs, region, &w),
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
    fn reset_restores_defaults() {
        let s = State::default()
            .apply(Action::SetRegion(Region::ApSouth1))
            .apply(Action::Reset);
        assert_eq!(s, State::default());
    }

    #[test]
    fn ebs_default_is_the_aws_example() {
        // https://aws.amazon.com/ebs/pricing/ example 1 (us-east-1): gp3, 2,000 GB × $0.08
        // + 7,000 IOPS × $0.005 + 375 MB/s × $0.04 = $160 + $35 + $15 = $210.00.
        let s = State::default();
        let catalog = awscost::pricing::catalog().unwrap();
        let r = evaluate_ebs(catalog, s.region, &s.ebs).unwrap();
        assert_eq!(r.cheapest.map(|t| t.code()), Some("gp3"));
        let gp3 = r.options.iter().find(|o| o.id.code() == "gp3").unwrap();
        assert_eq!(gp3.monthly_usd.unwrap().to_string(), "$210.00");
    }

    #[test]
    fn ebs_unreadable_and_out_of_range_fields_are_reported_together() {
        let s = State::default()
            .apply(Action::SetEbs(EbsField::Size, "lots".into()))
            .apply(Action::SetEbs(EbsField::Iops, "".into()))
            .apply(Action::SetEbs(EbsField::Hours, "800".into()))
            .apply(Action::SetEbs(EbsField::Instances, "17".into()));
        assert_eq!(s.ebs.size_gib, "lots");
        let catalog = awscost::pricing::catalog().unwrap();
        let e = evaluate_ebs(catalog, s.region, &s.ebs).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "ebs.size_gib",
                "ebs.iops",
                "ebs.hours_per_month",
                "ebs.attach_instances"
            ]
        );
        assert_eq!(e[0].problem, Problem::NotANumber);
        assert_eq!(e[1].problem, Problem::Required);
    }

    #[test]
    fn ebs_empty_instance_count_is_optional_and_toggles_apply() {
        let s = State::default()
            .apply(Action::SetEbsBoot(true))
            .apply(Action::SetEbsMultiAttach(true))
            .apply(Action::SetSnapshotTier(SnapshotTier::Archive));
        let w = s.ebs.workload().unwrap();
        assert_eq!(w.attach_instances, None);
        assert!(w.boot && w.multi_attach);
        assert_eq!(w.snapshot_tier, SnapshotTier::Archive);
        assert_eq!(s.apply(Action::Reset).ebs, EbsForm::default());
    }
}
