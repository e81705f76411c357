//! Small components, one per file; each takes `XxxProps` and reports through `on_*` callbacks.

pub mod checkbox_field;
pub mod cost_chart;
pub mod ebs_panel;
pub mod ebs_types;
pub mod ec2_chart;
pub mod ec2_options;
pub mod ec2_panel;
pub mod ec2_study_notes;
pub mod export_panel;
pub mod instance_field;
pub mod lambda_panel;
pub mod limits_table;
pub mod line_items;
pub mod number_field;
pub mod s3_chart;
pub mod s3_classes;
pub mod s3_panel;
pub mod s3_plan;
pub mod scenario_bar;
pub mod scenario_compare;
pub mod select_field;
pub mod type_finder;
pub mod warning_list;
