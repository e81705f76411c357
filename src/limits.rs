//! Service limits, from the AWS quota pages each row cites, beside the figure the study notes teach
//! (`shared/study-notes.md`). The engine enforces the current AWS figure; the widget shows both
//! where they differ, because its users are studying.

use serde::Serialize;

/// One limit as the notes teach it and as AWS documents it now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limit {
    /// Stable id, e.g. `lambda.memory`; line items and warnings cite it.
    pub id: &'static str,
    pub service: &'static str,
    pub name: &'static str,
    /// The figure the study notes teach.
    pub notes: &'static str,
    /// The figure AWS documents now (what the engine enforces).
    pub current: &'static str,
    /// The AWS page the current figure comes from.
    pub source: &'static str,
}

impl Limit {
    pub fn differs(&self) -> bool {
        self.notes != self.current
    }
}

const LAMBDA_QUOTAS: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";
const LAMBDA_PAYLOAD_1MB: &str =
    "https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb";

/// Every limit the widget knows, in display order.
pub const LIMITS: &[Limit] = &[
    Limit {
        id: "lambda.memory",
        service: "Lambda",
        name: "Memory",
        notes: "128 – 10,240 MB in 1 MB steps",
        current: "128 – 10,240 MB in 1 MB steps",
        source: LAMBDA_QUOTAS,
    },
    Limit {
        id: "lambda.vcpu",
        service: "Lambda",
        name: "vCPU share",
        notes: "grows with memory",
        current: "1 vCPU at 1,769 MB; up to 6 vCPU at 10,240 MB",
        source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
    },
    Limit {
        id: "lambda.timeout",
        service: "Lambda",
        name: "Timeout",
        notes: "1 – 900 s (15 min); default 3 s",
        current: "1 – 900 s (15 min); default 3 s",
        source: LAMBDA_QUOTAS,
    },
    Limit {
        id: "lambda.ephemeral",
        service: "Lambda",
        name: "/tmp (ephemeral storage)",
        notes: "512 – 10,240 MB",
        current: "512 – 10,240 MB",
        source: LAMBDA_QUOTAS,
    },
    Limit {
        id: "lambda.concurrency",
        service: "Lambda",
        name: "Concurrent executions",
        notes: "1,000 per region by default",
        current: "1,000 per region by default (raise via Service Quotas)",
        source: LAMBDA_QUOTAS,
    },
    Limit {
        id: "lambda.payload_sync",
        service: "Lambda",
        name: "Payload, synchronous",
        notes: "6 MB",
        current: "6 MB",
        source: LAMBDA_QUOTAS,
    },
    Limit {
        id: "lambda.payload_async",
        service: "Lambda",
        name: "Payload, asynchronous",
        notes: "256 KB",
        current: "1 MB (raised from 256 KB in 2025)",
        source: LAMBDA_PAYLOAD_1MB,
    },
    Limit {
        id: "lambda.free_tier",
        service: "Lambda",
        name: "Free tier (every month)",
        notes: "1 million requests and 400,000 GB-seconds",
        current: "1 million requests and 400,000 GB-seconds; not for functions with Provisioned Concurrency",
        source: "https://aws.amazon.com/lambda/pricing/",
    },
    Limit {
        id: "ec2.spot_interruption",
        service: "EC2",
        name: "Spot interruption notice",
        notes: "2-minute warning",
        current: "2-minute interruption notice (plus an earlier rebalance recommendation)",
        source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html",
    },
    Limit {
        id: "ec2.commitment_terms",
        service: "EC2",
        name: "Reserved Instance and Savings Plans terms",
        notes: "1 or 3 years; No, Partial or All Upfront",
        current: "1 or 3 years; No, Partial or All Upfront; billed for every hour of the term",
        source: "https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/",
    },
    Limit {
        id: "ec2.reserved_saving",
        service: "EC2",
        name: "Reserved Instance saving",
        notes: "up to 72 %",
        current: "up to 72 % vs On-Demand",
        source: "https://aws.amazon.com/ec2/pricing/reserved-instances/",
    },
    Limit {
        id: "ec2.savings_plans_coverage",
        service: "EC2",
        name: "Savings Plans coverage",
        notes: "Compute: EC2, Fargate, Lambda (up to 66 %); EC2 Instance: one family in one region (up to 72 %)",
        current: "Compute: EC2, Fargate, Lambda (up to 66 %); EC2 Instance: one family in one region (up to 72 %)",
        source: "https://aws.amazon.com/savingsplans/compute-pricing/",
    },
    Limit {
        id: "ec2.spot_saving",
        service: "EC2",
        name: "Spot saving",
        notes: "up to 90 %",
        current: "up to 90 % vs On-Demand; the price moves with long-term supply and demand",
        source: "https://aws.amazon.com/ec2/spot/pricing/",
    },
    Limit {
        id: "ec2.capacity_reservation",
        service: "EC2",
        name: "On-Demand Capacity Reservation",
        notes: "any duration, one AZ; On-Demand rate whether used or not",
        current: "any duration, one AZ; On-Demand rate whether used or not",
        source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-reservations-pricing-billing.html",
    },
];

/// Looks a limit up by id.
pub fn limit(id: &str) -> Option<&'static Limit> {
    LIMITS.iter().find(|l| l.id == id)
}

/// The limits of one service, in display order.
pub fn for_service(service: &str) -> impl Iterator<Item = &'static Limit> + '_ {
    LIMITS.iter().filter(move |l| l.service == service)
}

/// EC2's figures as numbers the engine uses.
pub mod ec2 {
    /// Seconds of notice before a Spot Instance is interrupted.
    pub const SPOT_NOTICE_SECONDS: u32 = 120;
    /// Commitment lengths, in years.
    pub const TERMS_YEARS: [u32; 2] = [1, 3];
}

/// Lambda's limits as numbers the engine enforces.
pub mod lambda {
    pub const MEMORY_MIN_MB: u32 = 128;
    pub const MEMORY_MAX_MB: u32 = 10_240;
    pub const TIMEOUT_MS: u32 = 900_000;
    pub const EPHEMERAL_MIN_MB: u32 = 512;
    pub const EPHEMERAL_MAX_MB: u32 = 10_240;
    /// Default regional concurrency quota.
    pub const DEFAULT_CONCURRENCY: u32 = 1_000;
    /// Memory at which a function has one full vCPU.
    pub const ONE_VCPU_MB: u32 = 1_769;
    /// vCPUs at the largest memory setting.
    pub const MAX_VCPU: u32 = 6;
    pub const PAYLOAD_SYNC_KB: u32 = 6 * 1024;
    pub const PAYLOAD_ASYNC_KB: u32 = 1024;
    pub const PAYLOAD_ASYNC_NOTES_KB: u32 = 256;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_sourced() {
        for (i, a) in LIMITS.iter().enumerate() {
            assert!(a.source.starts_with("https://"), "{}", a.id);
            for b in &LIMITS[i + 1..] {
                assert_ne!(a.id, b.id);
            }
        }
        assert!(limit("lambda.payload_async").unwrap().differs());
        assert!(!limit("lambda.memory").unwrap().differs());
        assert_eq!(for_service("Lambda").count(), 8);
        assert_eq!(for_service("EC2").count(), 6);
        assert!(!limit("ec2.capacity_reservation").unwrap().differs());
    }
}
