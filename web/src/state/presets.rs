//! Workloads a teacher can start from, as plain data in the inputs' vocabulary
//! ([`super::keys`], which links use too).
//!
//! Choosing one resets that panel's form, types the preset's inputs into it and shows the panel;
//! the region and the other panels are kept.

use super::keys::{self, KeyError};
use super::{Scenario, Service, State};

/// A named starting workload for one panel.
#[derive(Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable id: the button is `preset-<id>`.
    pub id: &'static str,
    pub name: &'static str,
    pub service: Service,
    /// `(key, value)` pairs, as in a link.
    pub inputs: &'static [(&'static str, &'static str)],
}

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "web-tier",
        name: "Steady web tier",
        service: Service::Ec2,
        // Two m5.large always on, compared over 3 years.
        inputs: &[
            ("ec2.instance_type", "m5.large"),
            ("ec2.count", "2"),
            ("ec2.hours_per_month", "730"),
            ("ec2.horizon_years", "3"),
        ],
    },
    Preset {
        id: "nightly-batch",
        name: "Nightly batch job",
        service: Service::Ec2,
        // Ten c5.xlarge for 4 hours every night; the job can be restarted, so Spot qualifies.
        inputs: &[
            ("ec2.instance_type", "c5.xlarge"),
            ("ec2.count", "10"),
            ("ec2.usage", "weekly"),
            ("ec2.hours_per_day", "4"),
            ("ec2.days_per_week", "7"),
            ("ec2.horizon_years", "1"),
            ("ec2.interruption_tolerant", "true"),
        ],
    },
    Preset {
        id: "spiky-api",
        name: "Spiky API on Lambda",
        service: Service::Lambda,
        // 20M short requests a month at 256 MB, synchronous, small payloads.
        inputs: &[
            ("lambda.memory_mb", "256"),
            ("lambda.duration_ms", "120"),
            ("lambda.invocations_per_month", "20,000,000"),
            ("lambda.payload_kb", "8"),
        ],
    },
    Preset {
        id: "log-archive",
        name: "7-year log archive",
        service: Service::S3,
        // 5 TB of logs (5M objects) written once and kept 7 years (2,555 days): 30 days in
        // Standard, then Deep Archive; read rarely.
        inputs: &[
            ("s3.storage_gb", "5000"),
            ("s3.object_count", "5,000,000"),
            ("s3.put_requests_per_month", "0"),
            ("s3.get_requests_per_month", "1000"),
            ("s3.retrieval_gb_per_month", "10"),
            ("s3.retention_days", "2555"),
            ("s3.retrieval_tier", "bulk"),
            ("s3.lifecycle", "STANDARD,DEEP_ARCHIVE"),
            ("s3.lifecycle[0].days", "30"),
        ],
    },
    Preset {
        id: "database-volume",
        name: "Database volume",
        service: Service::Ebs,
        // 1 TiB at 20,000 IOPS and 500 MiB/s: past gp3's included performance, near io2's ground.
        inputs: &[
            ("ebs.size_gib", "1000"),
            ("ebs.iops", "20000"),
            ("ebs.throughput_mibps", "500"),
            ("ebs.snapshot_gib", "1000"),
        ],
    },
];

/// The state with the preset's panel reset to its defaults, then its inputs set, and shown.
pub fn apply(state: &State, preset: &Preset) -> Result<State, KeyError> {
    let mut s = state.clone();
    let d = Scenario::default();
    match preset.service {
        Service::Lambda => s.lambda = d.lambda,
        Service::Ec2 => {
            s.ec2 = d.ec2;
            s.ec2_chart = None;
        }
        Service::Ebs => s.ebs = d.ebs,
        Service::S3 => s.s3 = d.s3,
    }
    for (name, value) in preset.inputs {
        keys::set(&mut s, name, value)?;
    }
    s.service = preset.service;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    #[allow(unused_imports)]
    use crate::state::*;
    use awscost::Region;

    #[test]
    fn every_preset_evaluates_in_us_east_1_and_shows_its_panel() {
        let catalog = awscost::catalog::catalog().unwrap();
        for (n, p) in PRESETS.iter().enumerate() {
            let s = State::default().apply(Action::ApplyPreset(n));
            assert_eq!(s.region, Region::UsEast1);
            assert_eq!(s.service, p.service, "{}", p.id);
            let ok = match p.service {
                Service::Lambda => s.lambda.evaluate(&catalog.lambda, s.region).map(|_| ()),
                Service::Ec2 => s.ec2.evaluate(&catalog.ec2, s.region).map(|_| ()),
                Service::Ebs => s.ebs.evaluate(&catalog.ebs, s.region).map(|_| ()),
                Service::S3 => s.s3.evaluate(&catalog.s3, s.region).map(|_| ()),
            };
            assert_eq!(ok, Ok(()), "{}", p.id);
        }
    }

    #[test]
    fn presets_set_what_they_say() {
        let find = |id: &str| PRESETS.iter().position(|p| p.id == id).unwrap();
        let s = State::default().apply(Action::ApplyPreset(find("nightly-batch")));
        let w = s.ec2.workload().unwrap();
        assert!(w.interruption_tolerant);
        assert_eq!(w.hours_per_day.map(|d| d.to_string()).as_deref(), Some("4"));
        let s = State::default().apply(Action::ApplyPreset(find("log-archive")));
        let plan = s.s3.workload().unwrap().lifecycle.unwrap();
        assert_eq!(plan.len(), 2);
        assert_eq!(plan[1].class, awscost::s3::StorageClass::DeepArchive);
        // The preset replaces its own panel's typing but keeps the region and the other panels.
        let s = State::default()
            .apply(Action::SetRegion(Region::EuWest1))
            .apply(Action::Lambda(LambdaAction::Set(
                crate::state::LambdaField::Memory,
                "999".into(),
            )))
            .apply(Action::Ebs(EbsAction::Set(
                crate::state::EbsField::Size,
                "7".into(),
            )))
            .apply(Action::ApplyPreset(find("spiky-api")));
        assert_eq!(s.region, Region::EuWest1);
        assert_eq!(s.lambda.memory_mb, "256");
        assert_eq!(s.ebs.size_gib, "7");
        // Out of range: nothing happens.
        assert_eq!(s.apply(Action::ApplyPreset(PRESETS.len())), s);
    }
}
