//! The page's state: what the user typed, kept as typed, and the pure reducer over it.
//!
//! Number fields hold the text the user entered, so nothing typed is ever lost; each service's
//! form (one module each) reads its text into the engine's workload and reports every field it
//! cannot read.

mod compare;
mod ebs;
mod ec2;
pub mod form;
pub mod keys;
mod lambda;
pub mod presets;
#[cfg(feature = "explore")]
pub mod ranges;
mod s3;

pub use compare::*;
pub use ebs::*;
pub use ec2::*;
pub use form::Form;
pub use lambda::*;
pub use s3::*;

use awscost::exercise::Exercise;
use awscost::Region;
use std::rc::Rc;
use yew::Reducible;

/// A service panel of the widget: the engine's own service enum (its code, name and title).
pub use awscost::services::ServiceCode as Service;

/// One way of describing the workload: its region and every panel's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// As typed (at most [`MAX_NAME`] characters); an empty name shows as its letter.
    pub name: String,
    pub region: Region,
    pub lambda: LambdaForm,
    pub ec2: Ec2Form,
    pub ebs: EbsForm,
    pub s3: S3Form,
    /// Number inputs given as low / likely / high (the likely value is the field's own); in
    /// builds with the explorers (a link with ranges opens the full module).
    #[cfg(feature = "explore")]
    pub ranges: ranges::RangeTexts,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            name: "A".into(),
            region: Region::UsEast1,
            lambda: LambdaForm::default(),
            ec2: Ec2Form::default(),
            ebs: EbsForm::default(),
            s3: S3Form::default(),
            #[cfg(feature = "explore")]
            ranges: ranges::RangeTexts::new(),
        }
    }
}

pub use awscost::scenarios::{MAX_NAME, MAX_SCENARIOS};

/// The letter of scenario `n`: A, B, C…
pub fn letter(n: usize) -> char {
    char::from(b'A' + (n % 26) as u8)
}

/// Everything on the page: the scenarios (the panels edit the active one; it is what `State`
/// dereferences to), the baseline the others are set against, and the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// Never empty; at most [`MAX_SCENARIOS`].
    scenarios: Vec<Scenario>,
    /// The scenario the panels show and edit; always an index into `scenarios`.
    active: usize,
    /// The scenario the others are measured against; always an index into `scenarios`.
    baseline: usize,
    /// The panel on show.
    pub service: Service,
    /// The options drawn on the EC2 cumulative-cost chart; `None`: On-Demand and the cheapest.
    pub ec2_chart: Option<Vec<String>>,
    /// The services the scenario comparison counts ([`State::counting`] says why); `None`: those changed from their defaults in
    /// any scenario (every service when none is).
    pub counted: Option<Vec<Service>>,
    /// The question the page asks (exercise mode): the learner answers it before the figures
    /// are shown. `None`: the calculator.
    pub exercise: Option<Exercise>,
}

impl Default for State {
    fn default() -> Self {
        State {
            scenarios: vec![Scenario::default()],
            active: 0,
            baseline: 0,
            service: Service::default(),
            ec2_chart: None,
            counted: None,
            exercise: None,
        }
    }
}

impl std::ops::Deref for State {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.scenarios[self.active]
    }
}

impl std::ops::DerefMut for State {
    fn deref_mut(&mut self) -> &mut Scenario {
        &mut self.scenarios[self.active]
    }
}

impl State {
    /// A state of these scenarios; `None` unless there are 1 to [`MAX_SCENARIOS`] and both
    /// indexes point at one.
    pub fn with_scenarios(
        scenarios: Vec<Scenario>,
        active: usize,
        baseline: usize,
    ) -> Option<State> {
        (!scenarios.is_empty()
            && scenarios.len() <= MAX_SCENARIOS
            && active < scenarios.len()
            && baseline < scenarios.len())
        .then(|| State {
            scenarios,
            active,
            baseline,
            ..State::default()
        })
    }

    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    pub fn active(&self) -> usize {
        self.active
    }

    pub fn baseline(&self) -> usize {
        self.baseline
    }

    /// The name scenario `n` shows: as typed, or its letter when blank.
    pub fn name_of(&self, n: usize) -> String {
        match self.scenarios.get(n) {
            Some(s) if !s.name.trim().is_empty() => s.name.trim().to_string(),
            _ => letter(n).to_string(),
        }
    }

    /// The services the comparison counts (see [`State::counted`]), in tab order.
    pub fn counted_services(&self) -> Vec<Service> {
        if let Some(c) = &self.counted {
            return Service::ALL
                .iter()
                .copied()
                .filter(|s| c.contains(s))
                .collect();
        }
        let changed = self.changed_services();
        if changed.is_empty() {
            Service::ALL.to_vec()
        } else {
            changed
        }
    }

    /// The services changed from their defaults in any scenario, in tab order.
    fn changed_services(&self) -> Vec<Service> {
        let d = Scenario::default();
        Service::ALL
            .iter()
            .copied()
            .filter(|v| {
                self.scenarios.iter().any(|s| match v {
                    Service::Lambda => s.lambda != d.lambda,
                    Service::Ec2 => s.ec2 != d.ec2,
                    Service::Ebs => s.ebs != d.ebs,
                    Service::S3 => s.s3 != d.s3,
                })
            })
            .collect()
    }

    /// Why the comparison counts the services it counts.
    pub fn counting(&self) -> Counting {
        if self.counted.is_some() {
            Counting::Chosen
        } else if self.changed_services().is_empty() {
            Counting::Examples
        } else {
            Counting::Changed
        }
    }

    /// The name of a new scenario: its position's letter, else the first letter not in use.
    fn free_letter(&self) -> String {
        std::iter::once(self.scenarios.len())
            .chain(0..26)
            .map(letter)
            .find(|l| {
                !self
                    .scenarios
                    .iter()
                    .any(|s| s.name.trim() == l.to_string())
            })
            .unwrap_or('Z')
            .to_string()
    }
}

/// What the page's controls send. Each panel's own actions are its form's
/// ([`Form::Action`]); the rest are the page's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetRegion(Region),
    ShowService(Service),
    Lambda(LambdaAction),
    Ec2(Ec2Action),
    Ebs(EbsAction),
    S3(S3Action),
    /// The option ids to draw on the EC2 chart.
    SetEc2Chart(Vec<String>),
    /// Start again from the default workload.
    Reset,
    /// Start from preset `n` of [`presets::PRESETS`].
    ApplyPreset(usize),
    /// Everything at once (a link or a saved page).
    Load(Box<State>),
    /// A copy of the active scenario, named with the next free letter, made active.
    AddScenario,
    /// Edit scenario `n` in the panels.
    SelectScenario(usize),
    /// Remove scenario `n` (the last one stays).
    RemoveScenario(usize),
    /// Measure the other scenarios against scenario `n`.
    PinBaseline(usize),
    RenameScenario(usize, String),
    /// Count a service in the comparison, or not.
    SetCounted(Service, bool),
    /// Ask a question about the workload (exercise mode), or stop asking (`None`).
    SetExercise(Option<Box<Exercise>>),
    /// One input of scenario `n`, by its link key (an exercise's open fields); a value the key
    /// cannot take leaves the scenario as it was.
    SetInput(usize, &'static str, String),
    #[cfg(feature = "explore")]
    /// Give an input of the active scenario as a range (low and high as typed), or as one
    /// number again (`None`).
    SetRange(&'static str, Option<ranges::RangeText>),
    #[cfg(feature = "explore")]
    /// The low (`false`) or high (`true`) end of a ranged input of the active scenario, as typed.
    SetRangeEnd(&'static str, bool, String),
}

impl Action {
    /// What the person was doing, in words (for a crash report).
    pub fn said(&self) -> &'static str {
        match self {
            Action::SetRegion(_) => "choosing a region",
            Action::ShowService(_) => "opening a panel",
            Action::Lambda(_) => "changing the Lambda panel",
            Action::Ec2(_) => "changing the EC2 panel",
            Action::Ebs(_) => "changing the EBS panel",
            Action::S3(_) => "changing the S3 panel",
            Action::SetEc2Chart(_) => "choosing what the EC2 chart draws",
            Action::Reset => "resetting the page",
            Action::ApplyPreset(_) => "applying a preset",
            Action::Load(_) => "opening a page",
            Action::AddScenario => "adding a scenario",
            Action::SelectScenario(_) => "choosing a scenario",
            Action::RemoveScenario(_) => "removing a scenario",
            Action::PinBaseline(_) => "pinning the baseline",
            Action::RenameScenario(..) => "renaming a scenario",
            Action::SetCounted(..) => "choosing what the comparison counts",
            Action::SetExercise(_) => "opening or leaving an exercise",
            Action::SetInput(..) => "changing an exercise's open field",
            #[cfg(feature = "explore")]
            Action::SetRange(..) | Action::SetRangeEnd(..) => "giving an input as a range",
        }
    }
}

impl State {
    /// The state after an action; pure.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::SetRegion(r) => s.region = r,
            Action::ShowService(v) => s.service = v,
            Action::Lambda(a) => s.lambda.apply(a),
            Action::Ec2(a) => s.ec2.apply(a),
            Action::Ebs(a) => s.ebs.apply(a),
            Action::S3(a) => s.s3.apply(a),
            Action::SetEc2Chart(ids) => s.ec2_chart = Some(ids),
            Action::Reset => s = State::default(),
            Action::ApplyPreset(n) => {
                if let Some(Ok(p)) = presets::PRESETS.get(n).map(|p| presets::apply(&s, p)) {
                    s = p;
                }
            }
            Action::Load(state) => s = *state,
            Action::AddScenario => {
                if s.scenarios.len() < MAX_SCENARIOS {
                    let mut copy = (*s).clone();
                    copy.name = s.free_letter();
                    s.scenarios.push(copy);
                    s.active = s.scenarios.len() - 1;
                }
            }
            Action::SelectScenario(n) => {
                if n < s.scenarios.len() {
                    s.active = n;
                }
            }
            Action::RemoveScenario(n) => {
                if n < s.scenarios.len() && s.scenarios.len() > 1 {
                    s.scenarios.remove(n);
                    let after = |i: usize| match i.cmp(&n) {
                        std::cmp::Ordering::Greater => i - 1,
                        std::cmp::Ordering::Equal => i.saturating_sub(1),
                        std::cmp::Ordering::Less => i,
                    };
                    s.active = after(s.active).min(s.scenarios.len() - 1);
                    s.baseline = after(s.baseline).min(s.scenarios.len() - 1);
                }
            }
            Action::PinBaseline(n) => {
                if n < s.scenarios.len() {
                    s.baseline = n;
                }
            }
            Action::RenameScenario(n, name) => {
                if let Some(sc) = s.scenarios.get_mut(n) {
                    sc.name = name
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(MAX_NAME)
                        .collect();
                }
            }
            Action::SetCounted(v, on) => {
                let mut c = s.counted_services();
                c.retain(|x| *x != v);
                if on {
                    c.push(v);
                }
                s.counted = Some(c);
            }
            Action::SetExercise(ex) => s.exercise = ex.map(|e| *e),
            Action::SetInput(n, key, value) => {
                if let Some(sc) = s.scenarios.get_mut(n) {
                    let _ = keys::set(sc, key, &value);
                }
            }
            #[cfg(feature = "explore")]
            Action::SetRange(key, range) => match range {
                Some(r) if keys::find(key).is_some() => {
                    let full = s.ranges.len() >= awscost::explore::ranges::MAX_RANGES
                        && !s.ranges.contains_key(key);
                    if !full {
                        s.ranges.insert(key, r);
                    }
                }
                _ => {
                    s.ranges.remove(key);
                }
            },
            #[cfg(feature = "explore")]
            Action::SetRangeEnd(key, high, text) => {
                if let Some(r) = s.ranges.get_mut(key) {
                    *(if high { &mut r.high } else { &mut r.low }) = text;
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exercise_s_open_fields_are_set_by_key_and_bad_values_ignored() {
        let s = State::default()
            .apply(Action::AddScenario)
            .apply(Action::SetInput(0, "lambda.memory_mb", "1024".into()))
            .apply(Action::SetInput(1, "lambda.architecture", "sparc".into()))
            .apply(Action::SetInput(9, "lambda.memory_mb", "1".into()));
        assert_eq!(s.scenarios()[0].lambda.text(LambdaField::Memory), "1024");
        assert_eq!(s.scenarios()[1].lambda, LambdaForm::default());
        let asked = s.apply(Action::SetExercise(Some(Box::new(
            awscost::exercise::Exercise {
                question: awscost::exercise::Question::MonthlyCost,
                service: None,
                option: None,
                scenario: 0,
                tolerance_percent: 10.into(),
                open_fields: vec![],
                title: None,
                hint: None,
            },
        ))));
        assert!(asked.exercise.is_some());
        assert_eq!(asked.apply(Action::SetExercise(None)), s);
    }

    #[test]
    fn reset_restores_defaults() {
        let s = State::default()
            .apply(Action::SetRegion(Region::ApSouth1))
            .apply(Action::Reset);
        assert_eq!(s, State::default());
    }

    #[test]
    fn duplicating_copies_the_active_scenario_and_edits_the_copy() {
        let s = State::default()
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "4".into())))
            .apply(Action::AddScenario)
            .apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "6".into())));
        assert_eq!(s.scenarios().len(), 2);
        assert_eq!(s.active(), 1);
        assert_eq!(s.name, "B");
        assert_eq!(s.scenarios()[0].ec2.count, "4");
        assert_eq!(s.ec2.count, "6");
        assert_eq!(s.baseline(), 0);
        let s = s.apply(Action::SelectScenario(0));
        assert_eq!(s.ec2.count, "4");
        // C, D… up to the most compared at once.
        let mut full = s.clone();
        for _ in 0..20 {
            full = full.apply(Action::AddScenario);
        }
        assert_eq!(full.scenarios().len(), MAX_SCENARIOS);
        assert_eq!(full.name_of(7), "H");
    }

    #[test]
    fn removing_keeps_the_baseline_and_active_on_a_scenario() {
        let s = State::default()
            .apply(Action::AddScenario)
            .apply(Action::AddScenario)
            .apply(Action::PinBaseline(2))
            .apply(Action::SelectScenario(1));
        let r = s.apply(Action::RemoveScenario(0));
        assert_eq!((r.active(), r.baseline()), (0, 1));
        assert_eq!(r.name_of(1), "C");
        let r = s.apply(Action::RemoveScenario(2));
        assert_eq!((r.active(), r.baseline()), (1, 1));
        let one = State::default().apply(Action::RemoveScenario(0));
        assert_eq!(one, State::default(), "the last scenario stays");
        assert_eq!(s.apply(Action::PinBaseline(9)), s);
        assert_eq!(s.apply(Action::SelectScenario(9)), s);
    }

    #[test]
    fn names_are_kept_as_typed_but_never_blank_on_show() {
        let s = State::default().apply(Action::RenameScenario(0, "  ".into()));
        assert_eq!(s.name_of(0), "A");
        let long = "x".repeat(100) + "\n";
        let s = s.apply(Action::RenameScenario(0, long));
        assert_eq!(s.name.chars().count(), MAX_NAME);
    }

    #[test]
    fn the_comparison_counts_what_was_changed_until_told() {
        assert_eq!(State::default().counted_services(), Service::ALL);
        assert_eq!(State::default().counting(), Counting::Examples);
        let s = State::default().apply(Action::Ebs(EbsAction::Set(EbsField::Size, "7".into())));
        assert_eq!(s.counted_services(), [Service::Ebs]);
        assert_eq!(s.counting(), Counting::Changed);
        let s = s.apply(Action::SetCounted(Service::Lambda, true));
        assert_eq!(s.counting(), Counting::Chosen);
        assert_eq!(s.counted_services(), [Service::Lambda, Service::Ebs]);
        let s = s.apply(Action::SetCounted(Service::Ebs, false));
        assert_eq!(s.counted_services(), [Service::Lambda]);
    }
}

/// Why the scenario comparison counts what it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    /// Nothing has been changed: every service's example workload.
    Examples,
    /// The services changed from their examples.
    Changed,
    /// The services the person ticked.
    Chosen,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::AddScenario),
            (0usize..10).prop_map(Action::SelectScenario),
            (0usize..10).prop_map(Action::RemoveScenario),
            (0usize..10).prop_map(Action::PinBaseline),
            (0usize..10, ".{0,50}").prop_map(|(n, t)| Action::RenameScenario(n, t)),
            "[0-9]{0,4}".prop_map(|t| Action::Ec2(Ec2Action::Set(Ec2Field::Count, t))),
            Just(Action::SetRegion(Region::ApSouth1)),
            Just(Action::Reset),
            (0usize..6).prop_map(Action::ApplyPreset),
        ]
    }

    proptest! {
        /// No sequence of actions leaves the active or baseline scenario missing.
        #[test]
        fn scenario_actions_keep_the_state_whole(actions in proptest::collection::vec(action(), 0..30)) {
            let mut s = State::default();
            for a in actions {
                s = s.apply(a);
                prop_assert!(!s.scenarios().is_empty() && s.scenarios().len() <= MAX_SCENARIOS);
                prop_assert!(s.active() < s.scenarios().len() && s.baseline() < s.scenarios().len());
                let _ = &s.name;
            }
        }
    }
}
