//! The scenarios as the engine's [`ScenarioSet`], and their comparison: what the compare view and
//! the exports show.

use super::{EbsField, Ec2Field, Form, LambdaField, S3Field, Scenario, Service, State};
use awscost::error::FieldError;
use awscost::scenarios::{
    compare_results, price_kept, NamedWorkload, ScenarioComparison, ScenarioSet,
};
use awscost::Workload;

/// A field to fix before the scenarios can be compared: in which scenario and panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioProblem {
    pub scenario: usize,
    pub service: Service,
    pub error: FieldError,
}

/// The label a workload JSON path's field has in its panel (`lambda.memory_mb` → "Memory"): the
/// page names fields by their labels; the CLI and the JSON keep the paths.
pub fn label_of(path: &str) -> Option<&'static str> {
    if path == "region" {
        return Some("Region");
    }
    if let Some((_, label)) = CHOICES.iter().find(|(p, _)| *p == path) {
        return Some(label);
    }
    if path.starts_with("s3.lifecycle") && !path.ends_with(".days") {
        return Some("Lifecycle plan");
    }
    let s3 = S3Field::WORKLOAD
        .into_iter()
        .chain([S3Field::PlanDays0, S3Field::PlanDays1]);
    (LambdaField::ALL.into_iter().map(|f| (f.path(), f.label())))
        .chain(Ec2Field::ALL.into_iter().map(|f| (f.path(), f.label())))
        .chain(EbsField::ALL.into_iter().map(|f| (f.path(), f.label())))
        .chain(s3.map(|f| (f.path(), f.label())))
        .find(|(p, _)| *p == path)
        .map(|(_, label)| label)
}

/// The labels of the inputs that are choices (a select or a checkbox), as the panels show them.
const CHOICES: &[(&str, &str)] = &[
    ("lambda.architecture", "Architecture"),
    ("lambda.free_tier", "Apply the free tier"),
    ("lambda.multi_threaded", "Multi-threaded"),
    ("lambda.invocation_type", "Invocation"),
    ("ec2.usage", "Schedule given as"),
    ("ec2.horizon_years", "Compare over (years)"),
    ("ec2.interruption_tolerant", "Tolerates interruption"),
    ("ec2.needs_dedicated", "Needs dedicated hardware"),
    ("ec2.core_bound_license", "Licence bound to physical cores"),
    ("ec2.peak_pricing", "Pay for the peak with"),
    ("ebs.boot", "Boot (root) volume"),
    ("ebs.multi_attach", "Multi-Attach"),
    ("ebs.snapshot_tier", "Snapshot tier"),
    ("s3.retrieval_tier", "Archive retrieval tier"),
];

/// A problem as the page says it: the field's label (or its path, if it has none), then what to
/// do.
pub fn said(error: &FieldError) -> String {
    match label_of(&error.field) {
        Some(label) => format!("{label}: {}", error.message()),
        None => error.to_string(),
    }
}

/// The service a workload JSON path belongs to (`ec2.count` → EC2); `region` has none.
fn service_of(field: &str) -> Option<Service> {
    let head = field.split(['.', '[']).next().unwrap_or_default();
    Service::ALL.iter().copied().find(|s| s.code() == head)
}

/// A problem of scenario `n`, in the panel its field belongs to (for `region`, the panel on show).
fn problem(state: &State, n: usize, error: FieldError) -> ScenarioProblem {
    ScenarioProblem {
        scenario: n,
        service: service_of(&error.field).unwrap_or(state.service),
        error,
    }
}

impl Scenario {
    /// Its workload with the sections of the services `on` says (no ranges), and every field
    /// those sections cannot read.
    pub fn workload_of(&self, on: impl Fn(Service) -> bool) -> (Workload, Vec<FieldError>) {
        let mut errors: Vec<FieldError> = vec![];
        /// The section when its service is asked for; its unreadable fields go to `errors`.
        fn take<T>(
            on: bool,
            read: impl FnOnce() -> Result<T, Vec<FieldError>>,
            errors: &mut Vec<FieldError>,
        ) -> Option<T> {
            on.then(read)?.map_err(|e| errors.extend(e)).ok()
        }
        let workload = Workload {
            region: self.region,
            lambda: take(on(Service::Lambda), || self.lambda.workload(), &mut errors),
            ec2: take(on(Service::Ec2), || self.ec2.workload(), &mut errors),
            ebs: take(on(Service::Ebs), || self.ebs.workload(), &mut errors),
            s3: take(on(Service::S3), || self.s3.workload(), &mut errors),
            ranges: Default::default(),
        };
        (workload, errors)
    }
}

/// Every scenario's workload, with the sections of the services compared; or every field that
/// cannot be read, by scenario.
pub fn scenario_set(state: &State) -> Result<ScenarioSet, Vec<ScenarioProblem>> {
    let counted = state.counted_services();
    let mut problems = vec![];
    let mut scenarios = vec![];
    for (n, s) in state.scenarios().iter().enumerate() {
        let (workload, errors) = s.workload_of(|v| counted.contains(&v));
        problems.extend(errors.into_iter().map(|error| problem(state, n, error)));
        scenarios.push(NamedWorkload {
            name: state.name_of(n),
            workload,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ScenarioSet {
        baseline: state.baseline(),
        scenarios,
        exercise: None,
    })
}

/// The scenarios compared, each service against the baseline; or every field to fix first.
pub fn evaluate_scenarios(
    state: &State,
) -> Result<(ScenarioSet, ScenarioComparison), Vec<ScenarioProblem>> {
    let set = scenario_set(state)?;
    let results = super::form::with_kept(|k| price_kept(&set, k)).map_err(|problems| {
        problems
            .into_iter()
            .map(|(n, error)| problem(state, n, error))
            .collect::<Vec<_>>()
    })?;
    let comparison = compare_results(&set, &results);
    Ok((set, comparison))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::state::*;
    use crate::state::{Action, Ec2Field, LambdaField};

    #[test]
    fn b_against_a_names_what_changed() {
        let s = State::default()
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Memory,
                "512".into(),
            )))
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Duration,
                "1000".into(),
            )))
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Invocations,
                "3000000".into(),
            )))
            .apply(Action::AddScenario)
            .apply(Action::Lambda(LambdaAction::Set(
                LambdaField::Memory,
                "1024".into(),
            )));
        let (set, c) = evaluate_scenarios(&s).unwrap();
        // Only Lambda was changed, so only Lambda is compared.
        assert!(set
            .scenarios
            .iter()
            .all(|w| w.workload.ec2.is_none() && w.workload.lambda.is_some()));
        assert_eq!(c.services.len(), 1);
        // The Lambda page's $18.73 example, and the same at 1,024 MB: $43.73.
        let cents = |n: usize| {
            c.scenarios[n]
                .total
                .monthly_usd
                .unwrap()
                .cents()
                .to_string()
        };
        assert_eq!((cents(0), cents(1)), ("18.73".into(), "43.73".into()));
        assert_eq!(c.scenarios[1].differences[0].field, "lambda.memory_mb");
        assert_eq!(set.scenarios[1].name, "B");
    }

    #[test]
    fn problems_name_the_scenario_and_panel() {
        let s = State::default()
            .apply(Action::AddScenario)
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "".into())))
            .apply(Action::AddScenario)
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "0".into())));
        let p = evaluate_scenarios(&s).unwrap_err();
        assert_eq!(p.len(), 1, "unreadable first: {p:?}");
        assert_eq!((p[0].scenario, p[0].service), (1, Service::Ec2));
        assert_eq!(p[0].error.field, "ec2.count");
        let s = s.apply(Action::RemoveScenario(1));
        let p = evaluate_scenarios(&s).unwrap_err();
        assert_eq!(
            (p[0].scenario, p[0].service, p[0].error.field.as_str()),
            (1, Service::Ec2, "ec2.count")
        );
        // Not compared: not a problem.
        let s = s
            .apply(Action::SetCounted(Service::Ec2, false))
            .apply(Action::SetCounted(Service::Lambda, true));
        assert!(evaluate_scenarios(&s).is_ok());
    }
}
