//! What the study notes (`shared/study-notes.md`) say about each purchasing option and about
//! the Free Tier, shown beside the computed figures.

use super::{Ec2Pricing, FreeTierInfo};
use serde::Serialize;

/// One row of the purchasing-options table the study notes teach (`shared/study-notes.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StudyNote {
    /// The option ids this row describes: an exact id, or a prefix ending in `-`.
    pub ids: &'static str,
    pub option: &'static str,
    pub notes: &'static str,
    /// The saving vs On-Demand the notes quote.
    pub saving: &'static str,
}

/// What the study notes say about each purchasing option, shown beside the computed savings.
pub const STUDY_NOTES: &[StudyNote] = &[
    StudyNote {
        ids: "on-demand",
        option: "On-Demand",
        notes: "pay per second (Linux) or hour, no commitment; short or unpredictable workloads",
        saving: "baseline",
    },
    StudyNote {
        ids: "reserved-",
        option: "Reserved Instances",
        notes: "1- or 3-year commitment; Standard or Convertible (Convertible can change family, size, AZ…); steady workloads",
        saving: "up to 72 %",
    },
    StudyNote {
        ids: "savings-plan-",
        option: "Savings Plans",
        notes: "1- or 3-year commitment to a $/hour spend; covers EC2, Fargate, Lambda",
        saving: "up to 66 % (Compute) / 72 % (EC2 Instance)",
    },
    StudyNote {
        ids: "spot",
        option: "Spot",
        notes: "spare capacity; can be interrupted with a 2-minute warning; fault-tolerant batch, CI, stateless",
        saving: "up to 90 %",
    },
    StudyNote {
        ids: "dedicated-host",
        option: "Dedicated Hosts",
        notes: "a whole physical server; control of placement; bring your own socket/core-bound licences; compliance",
        saving: "0–30 % via BYOL",
    },
    StudyNote {
        ids: "dedicated-instance",
        option: "Dedicated Instances",
        notes: "hardware not shared with other customers (may share with your own non-dedicated instances); no placement control",
        saving: "small premium over On-Demand",
    },
    StudyNote {
        ids: "capacity-reservation",
        option: "Capacity Reservations",
        notes: "reserve capacity in one AZ for any duration; charged the On-Demand rate whether instances run or not",
        saving: "none",
    },
];

/// The Free Tier as the study notes teach it.
pub struct StudyFreeTier {
    pub types: &'static [&'static str],
    pub terms: &'static str,
}

/// `shared/study-notes.md`: "Free tier (12 months, new accounts): 750 hours/month of t2.micro or
/// t3.micro."
pub const STUDY_FREE_TIER: StudyFreeTier = StudyFreeTier {
    types: &["t2.micro", "t3.micro"],
    terms: "12 months for new accounts: 750 hours a month of t2.micro or t3.micro",
};

/// The study-notes row for an option id.
pub fn study_note(id: &str) -> Option<&'static StudyNote> {
    STUDY_NOTES.iter().find(|n| {
        if n.ids.ends_with('-') {
            id.starts_with(n.ids)
        } else {
            // `dedicated-host` also covers `dedicated-host-reservation-…`.
            id == n.ids || id.strip_prefix(n.ids).is_some_and(|r| r.starts_with('-'))
        }
    })
}

/// The Free Tier facts for a type, if either the study notes or today's terms cover it.
pub(crate) fn free_tier(pricing: &Ec2Pricing, name: &str) -> Option<FreeTierInfo> {
    let notes = STUDY_FREE_TIER.types.contains(&name);
    let today = pricing.free_tier_today(name);
    let ft = &pricing.instance_types.free_tier;
    (notes || today).then(|| FreeTierInfo {
        in_study_notes: notes,
        study_notes_terms: STUDY_FREE_TIER.terms,
        today,
        today_terms: ft.terms.clone(),
        as_of: ft.as_of.clone(),
        source: ft.source.clone(),
    })
}
