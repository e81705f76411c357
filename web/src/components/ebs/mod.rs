//! The EBS panel: the need, and every volume type sized and priced for it.

mod panel;
mod types;

pub use panel::*;
pub use types::*;
