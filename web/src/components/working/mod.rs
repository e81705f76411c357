//! A figure's working: its line items (quantity, unit, rate, formula, pricing row), the warnings
//! beside it and the limits it was checked against.

mod limits_table;
mod line_items;
mod warning_list;

pub use limits_table::*;
pub use line_items::*;
pub use warning_list::*;
