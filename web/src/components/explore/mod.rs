//! The trade-off explorers, each beside the panel it questions (in builds with the `explore`
//! feature: the full module): what moves the bill (ranges and the tornado chart), Lambda ↔ EC2,
//! cheaper EC2 alternatives, Spot with interruptions. Each renders what
//! [`awscost::explore`] answers: a chart, the table behind it, and the working.
//!
//! Ranges wrap the panel (`ranges.rs`: the toggle beside each number field through a context,
//! and what moves the bill below the panel). The EC2 ones (`alternatives.rs`,
//! `interruptions.rs`) sit at the foot of the EC2 panel, each a disclosure worked out only while
//! open; they call the engine's functions behind `explore` directly (Spot with interruptions
//! reuses the panel's comparison); Lambda ↔ EC2 (`lambda_to_ec2.rs`) at the foot of the
//! Lambda panel. Their inputs are the components' own state, not part of the
//! link.

mod alternatives;
mod interruptions;
pub mod lambda_to_ec2;
mod ranges;

pub use alternatives::*;
pub use interruptions::*;
pub use ranges::{RangeToggle, Ranging, WithRanges};
