//! The EC2 panel: the type finder and field, the purchasing options in groups, the cumulative
//! cost chart and the study notes' savings beside the bundled rates'.

mod chart;
mod instance_field;
mod options;
mod panel;
mod study_notes;
mod type_finder;

pub use chart::*;
pub use instance_field::*;
pub use options::*;
pub use panel::*;
pub use study_notes::*;
pub use type_finder::*;
