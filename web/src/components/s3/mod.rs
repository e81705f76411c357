//! The S3 panel: every storage class for the data, the chart against retrieval volume, and the
//! lifecycle plan.

mod chart;
mod classes;
mod panel;
mod plan;

pub use chart::*;
pub use classes::*;
pub use panel::*;
pub use plan::*;
