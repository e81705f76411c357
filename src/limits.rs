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

const S3_CLASSES: &str =
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html";
const S3_PRICING: &str = "https://aws.amazon.com/s3/pricing/";

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
        id: "s3.min_duration_ia",
        service: "S3",
        name: "Minimum storage duration, Standard-IA and One Zone-IA",
        notes: "30 days",
        current: "30 days",
        source: S3_CLASSES,
    },
    Limit {
        id: "s3.min_duration_glacier",
        service: "S3",
        name: "Minimum storage duration, Glacier Instant Retrieval and Glacier Flexible Retrieval",
        notes: "90 days",
        current: "90 days",
        source: S3_CLASSES,
    },
    Limit {
        id: "s3.min_duration_deep_archive",
        service: "S3",
        name: "Minimum storage duration, Glacier Deep Archive",
        notes: "180 days",
        current: "180 days",
        source: S3_CLASSES,
    },
    Limit {
        id: "s3.min_billable_object_size",
        service: "S3",
        name: "Minimum billable object size",
        notes: "not in the notes",
        current: "128 KB for Standard-IA, One Zone-IA and Glacier Instant Retrieval; Glacier Flexible Retrieval and Deep Archive add 40 KB per object (8 KB at the Standard rate, 32 KB at the class rate)",
        source: S3_PRICING,
    },
    Limit {
        id: "s3.request_rate",
        service: "S3",
        name: "Request rate per prefix",
        notes: "3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD per second",
        current: "3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD per second per partitioned prefix",
        source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html",
    },
    Limit {
        id: "s3.durability",
        service: "S3",
        name: "Designed durability",
        notes: "11 nines for every class",
        current: "99.999999999 % (11 nines) for every class; One Zone-IA data is lost if its Availability Zone is destroyed",
        source: S3_CLASSES,
    },
    Limit {
        id: "s3.availability",
        service: "S3",
        name: "Designed availability",
        notes: "Standard 99.99 %; Intelligent-Tiering, Standard-IA, Glacier IR, Glacier Flexible, Deep Archive 99.9 %; One Zone-IA 99.5 %",
        current: "Standard 99.99 %; Intelligent-Tiering, Standard-IA, Glacier IR 99.9 %; One Zone-IA 99.5 %; Glacier Flexible and Deep Archive 99.99 % (after restore)",
        source: S3_CLASSES,
    },
    Limit {
        id: "s3.max_object_size",
        service: "S3",
        name: "Largest object",
        notes: "not in the notes",
        current: "5 TB (5 GB in a single PUT)",
        source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html",
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

/// S3's rules as numbers the engine applies.
pub mod s3 {
    /// Minimum storage durations, in days.
    pub const MIN_DAYS_IA: u32 = 30;
    pub const MIN_DAYS_GLACIER_IR: u32 = 90;
    pub const MIN_DAYS_GLACIER: u32 = 90;
    pub const MIN_DAYS_DEEP_ARCHIVE: u32 = 180;
    /// Minimum billable object size of Standard-IA, One Zone-IA and Glacier IR, in KB (1 KB = 1,024 bytes).
    pub const MIN_BILLABLE_OBJECT_KB: u32 = 128;
    /// Smallest object Intelligent-Tiering monitors and moves between tiers, in KB.
    pub const IT_MIN_MONITORED_KB: u32 = 128;
    /// Per-object metadata of Glacier Flexible Retrieval and Deep Archive billed at the Standard rate, KB.
    pub const ARCHIVE_STANDARD_OVERHEAD_KB: u32 = 8;
    /// Per-object index billed at the archive class's own rate, KB.
    pub const ARCHIVE_CLASS_OVERHEAD_KB: u32 = 32;
    /// Days without access after which Intelligent-Tiering moves an object to Infrequent Access.
    pub const IT_INFREQUENT_AFTER_DAYS: u32 = 30;
    /// Days without access after which it moves to Archive Instant Access.
    pub const IT_ARCHIVE_INSTANT_AFTER_DAYS: u32 = 90;
    /// Requests per second per partitioned prefix.
    pub const PUT_PER_SECOND_PER_PREFIX: u32 = 3_500;
    pub const GET_PER_SECOND_PER_PREFIX: u32 = 5_500;
    /// Largest object, in GB (5 TB).
    pub const MAX_OBJECT_GB: u32 = 5 * 1024;
    /// Days in the month S3 prorates minimum-duration charges over.
    pub const DAYS_PER_MONTH: u32 = 30;
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
        assert_eq!(for_service("S3").count(), 8);
        assert!(limit("s3.availability").unwrap().differs());
        assert!(!limit("s3.min_duration_deep_archive").unwrap().differs());
    }
}
