//! The Lambda panel: its form, the cost of every memory setting, and the chart of them.

mod chart;
mod panel;

pub use chart::*;
pub use panel::*;
