//! The EBS panel's inputs as typed, what its controls send, its link keys, and how it becomes
//! an engine workload.

use super::form::{flag, read_all, read_flag, read_number, Form};
use awscost::ebs::{Ebs, EbsPricing, EbsWorkload, SnapshotTier};
use awscost::error::FieldError;
use awscost::money::parse_number;
use rust_decimal::Decimal;

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

    /// The field's label in the panel (and in messages about it).
    pub fn label(self) -> &'static str {
        match self {
            EbsField::Size => "Capacity needed",
            EbsField::Iops => "IOPS needed",
            EbsField::Throughput => "Throughput needed",
            EbsField::Hours => "Volume kept",
            EbsField::Instances => "Instances attached at once",
            EbsField::Snapshot => "Snapshot data stored",
        }
    }

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
}

/// What the EBS panel's controls send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EbsAction {
    Set(EbsField, String),
    Boot(bool),
    MultiAttach(bool),
    SnapshotTier(SnapshotTier),
}

impl Form for EbsForm {
    type Service = Ebs;
    type Action = EbsAction;

    const KEYS: &'static [&'static str] = &[
        "ebs.size_gib",
        "ebs.iops",
        "ebs.throughput_mibps",
        "ebs.hours_per_month",
        "ebs.attach_instances",
        "ebs.snapshot_gib",
        "ebs.boot",
        "ebs.multi_attach",
        "ebs.snapshot_tier",
    ];

    fn apply(&mut self, action: EbsAction) {
        match action {
            EbsAction::Set(f, text) => *self.text_mut(f) = text,
            EbsAction::Boot(b) => self.boot = b,
            EbsAction::MultiAttach(b) => self.multi_attach = b,
            EbsAction::SnapshotTier(t) => self.snapshot_tier = t,
        }
    }

    fn get(&self, key: &str) -> String {
        match key {
            "ebs.boot" => flag(self.boot),
            "ebs.multi_attach" => flag(self.multi_attach),
            "ebs.snapshot_tier" => self.snapshot_tier.code().into(),
            path => EbsField::ALL
                .into_iter()
                .find(|f| f.path() == path)
                .map(|f| self.text(f).to_string())
                .unwrap_or_default(),
        }
    }

    fn set(&mut self, key: &str, v: &str) -> Option<()> {
        match key {
            "ebs.boot" => self.boot = read_flag(v)?,
            "ebs.multi_attach" => self.multi_attach = read_flag(v)?,
            "ebs.snapshot_tier" => self.snapshot_tier = SnapshotTier::from_code(v)?,
            path => {
                let f = EbsField::ALL.into_iter().find(|f| f.path() == path)?;
                *self.text_mut(f) = v.into();
            }
        }
        Some(())
    }

    fn workload(&self) -> Result<EbsWorkload, Vec<FieldError>> {
        let mut errors = vec![];
        let w = self.build(|f| {
            if f.optional() && self.text(f).trim().is_empty() {
                return None;
            }
            read_number(self.text(f), f.path(), &mut errors)
        });
        read_all(w, errors)
    }

    fn range_problems(&self) -> Result<(), Vec<FieldError>> {
        self.workload_lenient().validate().map(drop)
    }

    fn pricing() -> Result<&'static EbsPricing, &'static [awscost::pricing::PricingError]> {
        awscost::catalog::ebs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, State};
    use awscost::error::Problem;

    #[test]
    fn ebs_default_is_the_aws_example() {
        // https://aws.amazon.com/ebs/pricing/ example 1 (us-east-1): gp3, 2,000 GB × $0.08
        // + 7,000 IOPS × $0.005 + 375 MB/s × $0.04 = $160 + $35 + $15 = $210.00.
        let s = State::default();
        let catalog = awscost::catalog::catalog().unwrap();
        let r = s.ebs.evaluate(&catalog.ebs, s.region).unwrap();
        assert_eq!(r.cheapest.map(|t| t.code()), Some("gp3"));
        let gp3 = r.options.iter().find(|o| o.id.code() == "gp3").unwrap();
        assert_eq!(gp3.monthly_usd.unwrap().to_string(), "$210.00");
    }

    #[test]
    fn ebs_unreadable_and_out_of_range_fields_are_reported_together() {
        let s = State::default()
            .apply(Action::Ebs(EbsAction::Set(EbsField::Size, "lots".into())))
            .apply(Action::Ebs(EbsAction::Set(EbsField::Iops, "".into())))
            .apply(Action::Ebs(EbsAction::Set(EbsField::Hours, "800".into())))
            .apply(Action::Ebs(EbsAction::Set(
                EbsField::Instances,
                "17".into(),
            )));
        assert_eq!(s.ebs.size_gib, "lots");
        let catalog = awscost::catalog::catalog().unwrap();
        let e = s.ebs.evaluate(&catalog.ebs, s.region).unwrap_err();
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
            .apply(Action::Ebs(EbsAction::Boot(true)))
            .apply(Action::Ebs(EbsAction::MultiAttach(true)))
            .apply(Action::Ebs(EbsAction::SnapshotTier(SnapshotTier::Archive)));
        let w = s.ebs.workload().unwrap();
        assert_eq!(w.attach_instances, None);
        assert!(w.boot && w.multi_attach);
        assert_eq!(w.snapshot_tier, SnapshotTier::Archive);
        assert_eq!(s.apply(Action::Reset).ebs, EbsForm::default());
    }
}
