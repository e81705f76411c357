//! A figure's working: its line items (quantity, unit, rate, formula, pricing row), the warnings
//! beside it, the limits it was checked against, and the working said aloud ("Explain").

mod copy;
mod explain;
mod limits_table;
mod line_items;
mod warning_list;

pub use copy::*;
pub use explain::*;
pub use limits_table::*;
pub use line_items::*;
pub use warning_list::*;
