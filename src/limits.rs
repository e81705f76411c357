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

const EBS_GP: &str = "https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html";
const EBS_PIOPS: &str = "https://docs.aws.amazon.com/ebs/latest/userguide/provisioned-iops.html";
const EBS_HDD: &str = "https://docs.aws.amazon.com/ebs/latest/userguide/hdd-vols.html";
const EBS_TYPES: &str = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html";
const EBS_MULTI: &str = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes-multi.html";
const S3_CLASSES: &str =
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html";
const S3_PRICING: &str = "https://aws.amazon.com/s3/pricing/";

// Each service's limits, in display order: a service's panel links its own rows only.

/// Lambda's limits.
pub const LAMBDA: &[Limit] = &[
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
];

/// EBS's limits.
pub const EBS: &[Limit] = &[
    Limit {
        id: "ebs.gp3.iops",
        service: "EBS",
        name: "gp3 IOPS",
        notes: "3,000 baseline, up to 16,000",
        current: "3,000 baseline, up to 80,000 (raised in 2025); at most 500 IOPS per GiB",
        source: EBS_GP,
    },
    Limit {
        id: "ebs.gp3.throughput",
        service: "EBS",
        name: "gp3 throughput",
        notes: "125 baseline, up to 1,000 MB/s",
        current: "125 MiB/s baseline, up to 2,000 MiB/s (raised in 2025); at most 0.25 MiB/s per provisioned IOPS",
        source: EBS_GP,
    },
    Limit {
        id: "ebs.gp3.size",
        service: "EBS",
        name: "gp3 size",
        notes: "1 GiB – 16 TiB",
        current: "1 GiB – 64 TiB (raised in 2025)",
        source: EBS_GP,
    },
    Limit {
        id: "ebs.gp2.iops",
        service: "EBS",
        name: "gp2 IOPS",
        notes: "up to 16,000",
        current: "3 IOPS per GiB, at least 100, at most 16,000 (reached at 5,334 GiB); volumes under 1 TiB burst to 3,000",
        source: EBS_GP,
    },
    Limit {
        id: "ebs.gp2.throughput",
        service: "EBS",
        name: "gp2 throughput",
        notes: "up to 250 MB/s",
        current: "128 MiB/s up to 170 GiB; 250 MiB/s with burst credits from 171 to 333 GiB; 250 MiB/s from 334 GiB",
        source: EBS_GP,
    },
    Limit {
        id: "ebs.gp2.size",
        service: "EBS",
        name: "gp2 size",
        notes: "1 GiB – 16 TiB",
        current: "1 GiB – 16 TiB",
        source: EBS_GP,
    },
    Limit {
        id: "ebs.io1.iops",
        service: "EBS",
        name: "io1 IOPS",
        notes: "up to 64,000",
        current: "100 – 64,000 (above 32,000 only on Nitro instances); at most 50 IOPS per GiB",
        source: EBS_PIOPS,
    },
    Limit {
        id: "ebs.io1.throughput",
        service: "EBS",
        name: "io1 throughput",
        notes: "up to 1,000 MB/s",
        current: "up to 500 MiB/s at 32,000 IOPS or fewer (0.25 MiB/s per IOPS); 1,000 MiB/s at 64,000 IOPS (16 KiB per IOPS)",
        source: EBS_PIOPS,
    },
    Limit {
        id: "ebs.io1.size",
        service: "EBS",
        name: "io1 size",
        notes: "4 GiB – 16 TiB",
        current: "4 GiB – 16 TiB",
        source: EBS_PIOPS,
    },
    Limit {
        id: "ebs.io2.iops",
        service: "EBS",
        name: "io2 IOPS",
        notes: "100 – 64,000 (io2); up to 256,000 (io2 Block Express); 500 IOPS per GiB",
        current: "100 – 256,000 (every io2 volume is Block Express since 2025); at most 1,000 IOPS per GiB",
        source: EBS_PIOPS,
    },
    Limit {
        id: "ebs.io2.throughput",
        service: "EBS",
        name: "io2 throughput",
        notes: "up to 1,000 MB/s (io2); up to 4,000 MB/s (io2 Block Express)",
        current: "0.256 MiB/s per provisioned IOPS, up to 4,000 MiB/s",
        source: EBS_PIOPS,
    },
    Limit {
        id: "ebs.io2.size",
        service: "EBS",
        name: "io2 size",
        notes: "4 GiB – 16 TiB (io2); 4 GiB – 64 TiB (io2 Block Express)",
        current: "4 GiB – 64 TiB",
        source: EBS_PIOPS,
    },
    Limit {
        id: "ebs.st1",
        service: "EBS",
        name: "st1 (Throughput Optimized HDD)",
        notes: "up to 500 IOPS, up to 500 MB/s, 125 GiB – 16 TiB",
        current: "500 IOPS (1 MiB I/O); 40 MiB/s per TiB baseline, 250 MiB/s per TiB burst, at most 500 MiB/s; 125 GiB – 16 TiB",
        source: EBS_HDD,
    },
    Limit {
        id: "ebs.sc1",
        service: "EBS",
        name: "sc1 (Cold HDD)",
        notes: "up to 250 IOPS, up to 250 MB/s, 125 GiB – 16 TiB",
        current: "250 IOPS (1 MiB I/O); 12 MiB/s per TiB baseline, 80 MiB/s per TiB burst, at most 250 MiB/s; 125 GiB – 16 TiB",
        source: EBS_HDD,
    },
    Limit {
        id: "ebs.boot",
        service: "EBS",
        name: "Boot volumes",
        notes: "gp2, gp3, io1 and io2 only",
        current: "gp2, gp3, io1 and io2 only (st1 and sc1 cannot boot)",
        source: EBS_TYPES,
    },
    Limit {
        id: "ebs.multi_attach",
        service: "EBS",
        name: "Multi-Attach",
        notes: "io1/io2 only, up to 16 instances in the same AZ",
        current: "io1/io2 only, up to 16 Nitro instances in the same AZ; not for boot volumes; io1 only in us-east-1, us-west-2, eu-west-1 and ap-northeast-2",
        source: EBS_MULTI,
    },
];

/// S3's limits.
pub const S3: &[Limit] = &[
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

/// EC2's limits.
pub const EC2: &[Limit] = &[
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

/// Every service's rows, in display order (Lambda, EBS, S3, EC2).
pub const BY_SERVICE: [&[Limit]; 4] = [LAMBDA, EBS, S3, EC2];

/// Every limit the widget knows, in display order.
pub fn all() -> impl Iterator<Item = &'static Limit> {
    BY_SERVICE.into_iter().flatten()
}

/// Looks a limit up by id among one service's rows (`limits::EBS`, ...).
pub fn find(rows: &'static [Limit], id: &str) -> Option<&'static Limit> {
    rows.iter().find(|l| l.id == id)
}

/// Looks a limit up by id.
pub fn limit(id: &str) -> Option<&'static Limit> {
    all().find(|l| l.id == id)
}

/// The limits of one service, in display order.
pub fn for_service(service: &str) -> impl Iterator<Item = &'static Limit> + '_ {
    all().filter(move |l| l.service == service)
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

/// EBS volume limits as numbers the engine enforces (current AWS figures; the study notes' older
/// figures are in [`EBS`](const@EBS)). Sizes in GiB, throughput in MiB/s.
pub mod ebs {
    /// 16 TiB.
    pub const TIB16_GIB: u64 = 16_384;
    /// 64 TiB.
    pub const TIB64_GIB: u64 = 65_536;

    pub const GP2_MIN_GIB: u64 = 1;
    pub const GP2_MAX_GIB: u64 = TIB16_GIB;
    pub const GP2_IOPS_PER_GIB: u64 = 3;
    pub const GP2_MIN_IOPS: u64 = 100;
    pub const GP2_MAX_IOPS: u64 = 16_000;
    /// Volumes whose baseline is below this burst to it.
    pub const GP2_BURST_IOPS: u64 = 3_000;
    /// Throughput of volumes up to [`GP2_SMALL_MAX_GIB`].
    pub const GP2_SMALL_MIBPS: u64 = 128;
    pub const GP2_SMALL_MAX_GIB: u64 = 170;
    /// From this size gp2 sustains [`GP2_MAX_MIBPS`] without burst credits.
    pub const GP2_FULL_MIBPS_GIB: u64 = 334;
    pub const GP2_MAX_MIBPS: u64 = 250;

    pub const GP3_MIN_GIB: u64 = 1;
    pub const GP3_MAX_GIB: u64 = TIB64_GIB;
    pub const GP3_BASE_IOPS: u64 = 3_000;
    pub const GP3_MAX_IOPS: u64 = 80_000;
    pub const GP3_IOPS_PER_GIB: u64 = 500;
    pub const GP3_BASE_MIBPS: u64 = 125;
    pub const GP3_MAX_MIBPS: u64 = 2_000;
    /// 0.25 MiB/s per provisioned IOPS: four IOPS per MiB/s.
    pub const GP3_IOPS_PER_MIBPS: u64 = 4;
    /// The study notes' gp3 maxima (before 2025).
    pub const GP3_NOTES_MAX_IOPS: u64 = 16_000;
    pub const GP3_NOTES_MAX_MIBPS: u64 = 1_000;
    pub const GP3_NOTES_MAX_GIB: u64 = TIB16_GIB;

    pub const IO1_MIN_GIB: u64 = 4;
    pub const IO1_MAX_GIB: u64 = TIB16_GIB;
    pub const IO1_MIN_IOPS: u64 = 100;
    pub const IO1_MAX_IOPS: u64 = 64_000;
    pub const IO1_IOPS_PER_GIB: u64 = 50;
    /// Up to 32,000 IOPS: 256 KiB per IOPS (four IOPS per MiB/s), at most 500 MiB/s.
    pub const IO1_LOW_MAX_MIBPS: u64 = 500;
    pub const IO1_LOW_IOPS_PER_MIBPS: u64 = 4;
    /// Above 32,000 IOPS: 16 KiB per IOPS (64 IOPS per MiB/s), at most 1,000 MiB/s.
    pub const IO1_HIGH_IOPS_PER_MIBPS: u64 = 64;
    pub const IO1_MAX_MIBPS: u64 = 1_000;

    pub const IO2_MIN_GIB: u64 = 4;
    pub const IO2_MAX_GIB: u64 = TIB64_GIB;
    pub const IO2_MIN_IOPS: u64 = 100;
    pub const IO2_MAX_IOPS: u64 = 256_000;
    pub const IO2_IOPS_PER_GIB: u64 = 1_000;
    /// 0.256 MiB/s per provisioned IOPS, in thousandths.
    pub const IO2_MIBPS_PER_1000_IOPS: u64 = 256;
    pub const IO2_MAX_MIBPS: u64 = 4_000;

    /// io1 and io2 above this need a Nitro instance.
    pub const NITRO_ONLY_ABOVE_IOPS: u64 = 32_000;
    /// The study notes' io1/io2 maximum.
    pub const PIOPS_NOTES_MAX_IOPS: u64 = 64_000;

    pub const HDD_MIN_GIB: u64 = 125;
    pub const HDD_MAX_GIB: u64 = TIB16_GIB;
    pub const ST1_BASE_MIBPS_PER_TIB: u64 = 40;
    pub const ST1_BURST_MIBPS_PER_TIB: u64 = 250;
    pub const ST1_MAX_MIBPS: u64 = 500;
    pub const ST1_MAX_IOPS: u64 = 500;
    pub const SC1_BASE_MIBPS_PER_TIB: u64 = 12;
    pub const SC1_BURST_MIBPS_PER_TIB: u64 = 80;
    pub const SC1_MAX_MIBPS: u64 = 250;
    pub const SC1_MAX_IOPS: u64 = 250;

    pub const MULTI_ATTACH_MAX_INSTANCES: u64 = 16;
    /// Regions offering io1 Multi-Attach (io2 Multi-Attach is offered wherever io2 is).
    pub const IO1_MULTI_ATTACH_REGIONS: &[&str] =
        &["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-2"];
    /// Archived snapshots are billed for at least this many days.
    pub const SNAPSHOT_ARCHIVE_MIN_DAYS: u64 = 90;
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
        let all: Vec<&Limit> = all().collect();
        assert_eq!(all.len(), 38);
        for (i, a) in all.iter().enumerate() {
            assert!(a.source.starts_with("https://"), "{}", a.id);
            for b in &all[i + 1..] {
                assert_ne!(a.id, b.id);
            }
        }
        for rows in BY_SERVICE {
            for l in rows {
                assert_eq!(l.service, rows[0].service, "{}", l.id);
                assert_eq!(find(rows, l.id), Some(l));
            }
        }
        assert_eq!(find(EBS, "lambda.memory"), None);
        assert!(limit("lambda.payload_async").unwrap().differs());
        assert!(!limit("lambda.memory").unwrap().differs());
        assert_eq!(for_service("Lambda").count(), 8);
        assert_eq!(for_service("EBS").count(), 16);
        assert!(limit("ebs.gp3.iops").unwrap().differs());
        assert!(!limit("ebs.gp2.size").unwrap().differs());
        assert_eq!(for_service("S3").count(), 8);
        assert!(limit("s3.availability").unwrap().differs());
        assert!(!limit("s3.min_duration_deep_archive").unwrap().differs());
        assert_eq!(for_service("EC2").count(), 6);
        assert!(!limit("ec2.capacity_reservation").unwrap().differs());
    }
}
