//! Small components, one per file; each takes `XxxProps` and reports through `on_*` callbacks.

pub mod checkbox_field;
pub mod cost_chart;
pub mod ebs_panel;
pub mod ebs_types;
pub mod lambda_panel;
pub mod limits_table;
pub mod line_items;
pub mod number_field;
pub mod select_field;
pub mod warning_list;
