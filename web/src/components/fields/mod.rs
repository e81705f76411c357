//! The inputs every panel is made of, each with its label, hint and the error beside it.

mod checkbox_field;
mod number_field;
mod select_field;

pub use checkbox_field::*;
pub use number_field::*;
pub use select_field::*;
