//! What is counted before any rate is applied: the horizon in months, and what a commitment is
//! counted in (instances or Dedicated Hosts). The hours each instance runs a month come from the
//! schedule in [`Ec2Workload::validate`](super::Ec2Workload::validate); the hosts a count needs
//! are counted beside the Dedicated Host prices (`price/dedicated.rs`).

use super::Ec2Spec;

impl Ec2Spec {
    pub fn horizon_months(&self) -> u32 {
        self.horizon_years * 12
    }
}

/// What a commitment is counted in: instances, or Dedicated Hosts.
pub(crate) struct Units {
    pub(crate) count: u32,
    pub(crate) one: &'static str,
    pub(crate) hours: &'static str,
    pub(crate) per_hour: &'static str,
    pub(crate) per_term: &'static str,
}

impl Units {
    pub(crate) fn instances(count: u32) -> Units {
        Units {
            count,
            one: "instance",
            hours: "instance-hours",
            per_hour: "USD per instance-hour",
            per_term: "USD per instance per term",
        }
    }

    pub(crate) fn hosts(count: u32) -> Units {
        Units {
            count,
            one: "host",
            hours: "host-hours",
            per_hour: "USD per host-hour",
            per_term: "USD per host per term",
        }
    }
}
