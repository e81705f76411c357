//! Exercises: a teacher or interviewer makes one from the page as it is ([`MakeExercise`]); a
//! learner opens its link, answers before any figure is shown, and reveals the working one step
//! at a time ([`ExerciseView`]). Both grade with the engine's [`awscost::exercise`], from the same
//! figures the panels show.

mod make;
mod view;

pub use make::*;
pub use view::*;

use crate::state::{said, scenario_set, State};
use awscost::exercise::{Exercise, Task};
use awscost::scenarios::ScenarioSet;

/// The scenario set an exercise is asked of: the comparison's, with the section of the service
/// asked about in every scenario even where the comparison does not count it.
pub fn set_for(state: &State, ex: &Exercise) -> Result<ScenarioSet, String> {
    let mut s = state.clone();
    // The service named, or the question's only one (an EC2 option's saving, say).
    if let Some(v) = ex.question.service_of(ex.service) {
        let mut counted = s.counted_services();
        if !counted.contains(&v) {
            counted.push(v);
            s.counted = Some(counted);
        }
    }
    scenario_set(&s).map_err(|problems| {
        let said: Vec<String> = problems
            .iter()
            .map(|p| format!("scenario {}: {}", s.name_of(p.scenario), said(&p.error)))
            .collect();
        said.join("; ")
    })
}

/// The exercise worked out for the page as it is, or why it cannot be (a sentence).
pub fn task_for(state: &State, ex: &Exercise) -> Result<(ScenarioSet, Task), String> {
    let set = set_for(state, ex)?;
    let task = awscost::exercise::task(&set, ex).map_err(|e| {
        e.errors
            .iter()
            .map(|f| f.message())
            .collect::<Vec<_>>()
            .join(" ")
    })?;
    Ok((set, task))
}
