//! The widget's components, one per file, in a folder per service panel plus the pieces they
//! share: `fields/` (inputs), `working/` (line items, warnings, limits: a figure's working),
//! `chart/` (axes and scales every chart draws with) and `scenarios/` (the comparison, its bar
//! and its export). Each takes `XxxProps` and reports through narrow `on_*` callbacks.

pub mod chart;
pub mod ebs;
pub mod ec2;
pub mod fields;
pub mod lambda;
pub mod s3;
pub mod scenarios;
pub mod working;
