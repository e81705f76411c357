//! Scenarios side by side: the bar that picks, copies, names and pins them, the comparison, and
//! its export.

mod bar;
mod compare;
mod export;

pub use bar::*;
pub use compare::*;
pub use export::*;
