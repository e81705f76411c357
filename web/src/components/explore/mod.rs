//! The trade-off explorers, each beside the panel it questions (in builds with the `explore`
//! feature: the full module): what moves the bill (ranges and the tornado chart), Lambda ↔ EC2,
//! cheaper EC2 alternatives, Spot with interruptions. Each renders what
//! [`awscost::explore`] answers: a chart, the table behind it, and the working.

pub mod lambda_to_ec2;
