//! The widget's components, one per file, in a folder per service panel plus the pieces they
//! share: `fields/` (inputs), `working/` (line items, warnings, limits: a figure's working),
//! `chart/` (axes and scales every chart draws with) and `scenarios/` (the comparison, its bar
//! and its export). Each takes `XxxProps` and reports through narrow `on_*` callbacks.

//!
//! Each service panel, and the scenarios with their export, is a cargo feature of its own, so a
//! one-panel module carries that panel alone.

pub mod chart;
#[cfg(feature = "ebs")]
pub mod ebs;
#[cfg(feature = "ec2")]
pub mod ec2;
#[cfg(feature = "exercise")]
pub mod exercise;
#[cfg(feature = "explore")]
pub mod explore;
pub mod fields;
#[cfg(feature = "lambda")]
pub mod lambda;
#[cfg(feature = "s3")]
pub mod s3;
#[cfg(feature = "scenarios")]
pub mod scenarios;
pub mod working;

use yew::{html, AttrValue, Html};

/// A wide table in its own sideways-scrolling box, so that on a narrow screen (a 375 px phone)
/// the table scrolls, never the page. Focusable, so the keyboard can scroll it too, and named
/// `label` (what the table shows).
pub fn scroll_x(label: impl Into<AttrValue>, table: Html) -> Html {
    html! {
        <div class="scroll-x" tabindex="0" role="group" aria-label={label.into()}>{ table }</div>
    }
}
