//! The S3 panel's inputs as typed, what its controls send, its link keys, and how it becomes
//! an engine workload.

use super::form::{read_all, read_number, Form};
use awscost::error::FieldError;
use awscost::money::parse_number;
use awscost::s3::{LifecycleStep, RetrievalTier, S3Pricing, S3Workload, StorageClass, S3};
use rust_decimal::Decimal;

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

    /// The field's label in the panel (and in messages about it; a plan step's days are
    /// labelled with the step's class in the panel).
    pub fn label(self) -> &'static str {
        match self {
            S3Field::StorageGb => "Data stored",
            S3Field::ObjectCount => "Number of objects",
            S3Field::PutRequests => "PUT, COPY, POST and LIST requests",
            S3Field::GetRequests => "GET and SELECT requests",
            S3Field::RetrievalGb => "Data retrieved",
            S3Field::RetentionDays => "Kept for",
            S3Field::ReadFraction => "Share of the data read each month",
            S3Field::PlanDays0 => "Step 1: time in its class",
            S3Field::PlanDays1 => "Step 2: time in its class",
        }
    }

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
}

/// What the S3 panel's controls send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum S3Action {
    Set(S3Field, String),
    Tier(RetrievalTier),
    /// The class of lifecycle step `n` (0-based); `None` ends the plan before it.
    PlanClass(usize, Option<StorageClass>),
}

/// Every typed field, in the order links write them.
const FIELDS: [S3Field; 9] = [
    S3Field::StorageGb,
    S3Field::ObjectCount,
    S3Field::PutRequests,
    S3Field::GetRequests,
    S3Field::RetrievalGb,
    S3Field::RetentionDays,
    S3Field::ReadFraction,
    S3Field::PlanDays0,
    S3Field::PlanDays1,
];

impl Form for S3Form {
    type Service = S3;
    type Action = S3Action;

    const KEYS: &'static [&'static str] = &[
        "s3.storage_gb",
        "s3.object_count",
        "s3.put_requests_per_month",
        "s3.get_requests_per_month",
        "s3.retrieval_gb_per_month",
        "s3.retention_days",
        "s3.monthly_read_fraction",
        "s3.lifecycle[0].days",
        "s3.lifecycle[1].days",
        "s3.retrieval_tier",
        "s3.lifecycle",
    ];

    fn apply(&mut self, action: S3Action) {
        match action {
            S3Action::Set(f, text) => *self.text_mut(f) = text,
            S3Action::Tier(t) => self.retrieval_tier = t,
            S3Action::PlanClass(n, c) => {
                if let Some(step) = self.plan.get_mut(n) {
                    *step = c;
                }
            }
        }
    }

    fn get(&self, key: &str) -> String {
        match key {
            "s3.retrieval_tier" => self.retrieval_tier.code().into(),
            "s3.lifecycle" => self
                .plan
                .iter()
                .map_while(|c| c.map(StorageClass::code))
                .collect::<Vec<_>>()
                .join(","),
            path => FIELDS
                .into_iter()
                .find(|f| f.path() == path)
                .map(|f| self.text(f).to_string())
                .unwrap_or_default(),
        }
    }

    fn set(&mut self, key: &str, v: &str) -> Option<()> {
        match key {
            "s3.retrieval_tier" => self.retrieval_tier = RetrievalTier::from_code(v)?,
            "s3.lifecycle" => {
                let mut plan = [None; PLAN_STEPS];
                let codes = v.split(',').filter(|c| !c.is_empty());
                for (n, code) in codes.enumerate() {
                    *plan.get_mut(n)? = Some(StorageClass::from_code(code)?);
                }
                self.plan = plan;
            }
            path => {
                let f = FIELDS.into_iter().find(|f| f.path() == path)?;
                *self.text_mut(f) = v.into();
            }
        }
        Some(())
    }

    fn workload(&self) -> Result<S3Workload, Vec<FieldError>> {
        let mut errors = vec![];
        let w =
            self.build(|f| read_number(self.text(f), f.path(), &mut errors).unwrap_or_default());
        read_all(w, errors)
    }

    fn range_problems(&self) -> Result<(), Vec<FieldError>> {
        self.workload_lenient().validate().map(drop)
    }

    fn pricing() -> Result<&'static S3Pricing, &'static [awscost::pricing::PricingError]> {
        awscost::catalog::s3()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::state::*;
    use crate::state::{Action, State};

    #[test]
    fn s3_default_is_the_issue_example() {
        // https://aws.amazon.com/s3/pricing/ (us-east-1): Standard-IA 10,000 GB × $0.0125 = $125,
        // 1M GET × $0.001 per 1,000 = $1, 1,000 GB retrieved × $0.01 = $10: $136.00 a month.
        let catalog = awscost::catalog::catalog().unwrap();
        let r = S3Form::default()
            .evaluate(&catalog.s3, Region::UsEast1)
            .unwrap();
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
            .apply(Action::S3(S3Action::Set(S3Field::StorageGb, "ten".into())))
            .apply(Action::S3(S3Action::Set(
                S3Field::RetentionDays,
                "0".into(),
            )))
            .apply(Action::S3(S3Action::Set(S3Field::PlanDays1, "".into())));
        assert_eq!(s.s3.storage_gb, "ten");
        let catalog = awscost::catalog::catalog().unwrap();
        let e = s.s3.evaluate(&catalog.s3, s.region).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["s3.storage_gb", "s3.lifecycle[1].days", "s3.retention_days"]
        );
        // Ending the plan after its first step drops the days nobody is asked for.
        let s = s
            .apply(Action::S3(S3Action::PlanClass(1, None)))
            .apply(Action::S3(S3Action::Set(S3Field::StorageGb, "10".into())))
            .apply(Action::S3(S3Action::Set(
                S3Field::RetentionDays,
                "30".into(),
            )));
        assert_eq!(s.s3.plan_len(), 1);
        assert_eq!(s.s3.plan_days_shown(0), None);
        let w = s.s3.workload().unwrap();
        assert_eq!(w.lifecycle.map(|l| l.len()), Some(1));
        assert!(s.s3.evaluate(&catalog.s3, s.region).is_ok());
        // No plan at all.
        let s = s.apply(Action::S3(S3Action::PlanClass(0, None)));
        assert_eq!(s.s3.workload().unwrap().lifecycle, None);
        assert_eq!(S3Field::PlanDays0.id(), "s3-lifecycle-0-days");
        assert_eq!(S3Field::StorageGb.id(), "s3-storage_gb");
    }
}
