//! The `lambda` section of a workload as given, its closed sets, and [`LambdaWorkload::validate`],
//! which checks every field against Lambda's limits and returns the checked [`LambdaSpec`].

use crate::error::{Collector, FieldError, Problem};
use crate::limits::lambda as lim;
use crate::money::MAX_HOURS_PER_MONTH;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// The instruction set a function runs on.
    #[derive(Default)]
    pub enum Architecture {
        #[default]
        X86_64 = "x86_64", "x86_64";
        Arm64 = "arm64", "arm64";
    }
}

crate::closed_set! {
    /// How a function is invoked.
    #[derive(Default)]
    pub enum InvocationType {
        /// Request/response: payload up to 6 MB.
        #[default]
        Sync = "sync", "Synchronous";
        /// Event: payload up to 1 MB (256 KB in the study notes).
        Async = "async", "Asynchronous";
    }
}

/// The `lambda` section of a workload, as given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaWorkload {
    #[serde(default)]
    pub architecture: Architecture,
    pub memory_mb: Decimal,
    /// Measured average duration at `memory_mb`, in ms.
    pub duration_ms: Decimal,
    pub invocations_per_month: Decimal,
    #[serde(default = "default_ephemeral")]
    pub ephemeral_storage_mb: Decimal,
    #[serde(default = "default_true")]
    pub free_tier: bool,
    #[serde(default)]
    pub provisioned_concurrency: Decimal,
    #[serde(default)]
    pub provisioned_hours_per_month: Decimal,
    #[serde(default = "default_cpu_bound")]
    pub cpu_bound_percent: Decimal,
    /// Whether the code uses more than one thread (gains from vCPUs beyond the first).
    #[serde(default)]
    pub multi_threaded: bool,
    #[serde(default)]
    pub invocation_type: InvocationType,
    /// Request payload size, checked against the invocation type's limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_kb: Option<Decimal>,
}

fn default_ephemeral() -> Decimal {
    Decimal::from(lim::EPHEMERAL_MIN_MB)
}
fn default_true() -> bool {
    true
}
fn default_cpu_bound() -> Decimal {
    Decimal::ONE_HUNDRED
}

impl Default for LambdaWorkload {
    /// AWS's first pricing example: 512 MB, 3M invocations a month of 1 s.
    fn default() -> Self {
        LambdaWorkload {
            architecture: Architecture::X86_64,
            memory_mb: Decimal::from(512),
            duration_ms: Decimal::from(1000),
            invocations_per_month: Decimal::from(3_000_000),
            ephemeral_storage_mb: default_ephemeral(),
            free_tier: true,
            provisioned_concurrency: Decimal::ZERO,
            provisioned_hours_per_month: Decimal::ZERO,
            cpu_bound_percent: default_cpu_bound(),
            multi_threaded: false,
            invocation_type: InvocationType::Sync,
            payload_kb: None,
        }
    }
}

/// A Lambda workload whose every field is within AWS's limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LambdaSpec {
    pub architecture: Architecture,
    pub memory_mb: u32,
    /// Measured duration in whole microseconds.
    pub duration_us: u64,
    pub invocations: u64,
    pub ephemeral_mb: u32,
    pub free_tier: bool,
    pub provisioned_concurrency: u32,
    /// Hours with Provisioned Concurrency enabled, in whole milliseconds.
    pub provisioned_ms: u64,
    pub cpu_bound_percent: u32,
    pub multi_threaded: bool,
    pub invocation_type: InvocationType,
    pub payload_kb: Option<Decimal>,
}

/// The most invocations a month the calculator accepts (about 380,000 a second).
pub const MAX_INVOCATIONS: u64 = 1_000_000_000_000;
/// The most Provisioned Concurrency it accepts (well past any regional quota).
pub const MAX_PROVISIONED: u64 = 100_000;

impl LambdaWorkload {
    /// Checks every field against Lambda's limits; reports all problems at once.
    pub fn validate(&self) -> Result<LambdaSpec, Vec<FieldError>> {
        let mut c = Collector::default();
        let memory = c.whole(
            "lambda.memory_mb",
            self.memory_mb,
            "MB",
            (
                lim::MEMORY_MIN_MB.into(),
                "Lambda's smallest memory setting",
            ),
            (lim::MEMORY_MAX_MB.into(), "Lambda's largest memory setting"),
        );
        let duration = self.duration_ms;
        let duration_us = if duration <= Decimal::ZERO {
            c.push(
                "lambda.duration_ms",
                Problem::TooSmall {
                    min: Decimal::new(1, 3),
                    unit: "ms",
                    rule: "a measured duration is more than zero",
                },
            );
            None
        } else if duration > Decimal::from(lim::TIMEOUT_MS) {
            c.push(
                "lambda.duration_ms",
                Problem::TooLarge {
                    max: lim::TIMEOUT_MS.into(),
                    unit: "ms",
                    rule: "Lambda's maximum timeout is 900 s (15 minutes)",
                },
            );
            None
        } else {
            c.places("lambda.duration_ms", duration, 3, "ms")
                .and_then(|d| (d * Decimal::ONE_THOUSAND).to_u64())
        };
        let invocations = c.whole(
            "lambda.invocations_per_month",
            self.invocations_per_month,
            "invocations",
            (0, "a count cannot be negative"),
            (
                MAX_INVOCATIONS,
                "about 380,000 a second; split larger fleets into several functions",
            ),
        );
        let ephemeral = c.whole(
            "lambda.ephemeral_storage_mb",
            self.ephemeral_storage_mb,
            "MB",
            (
                lim::EPHEMERAL_MIN_MB.into(),
                "every function has 512 MB of /tmp",
            ),
            (lim::EPHEMERAL_MAX_MB.into(), "Lambda's largest /tmp"),
        );
        let provisioned = c.whole(
            "lambda.provisioned_concurrency",
            self.provisioned_concurrency,
            "environments",
            (0, "a count cannot be negative"),
            (MAX_PROVISIONED, "far beyond any regional concurrency quota"),
        );
        let hours = self.provisioned_hours_per_month;
        let provisioned_ms = c
            .within(
                "lambda.provisioned_hours_per_month",
                hours,
                "hours",
                (Decimal::ZERO, "hours cannot be negative"),
                (
                    MAX_HOURS_PER_MONTH.into(),
                    "a month has at most 744 hours (31 days)",
                ),
            )
            .and_then(|h| c.places("lambda.provisioned_hours_per_month", h, 3, "hours"))
            .and_then(|h| (h * Decimal::from(3_600_000)).to_u64());
        let cpu = c.whole(
            "lambda.cpu_bound_percent",
            self.cpu_bound_percent,
            "%",
            (0, "a share of the duration"),
            (100, "a share of the duration"),
        );
        if let Some(kb) = self.payload_kb {
            let (max, rule) = match self.invocation_type {
                InvocationType::Sync => (
                    lim::PAYLOAD_SYNC_KB,
                    "the synchronous invocation payload limit is 6 MB",
                ),
                InvocationType::Async => (
                    lim::PAYLOAD_ASYNC_KB,
                    "the asynchronous invocation payload limit is 1 MB (256 KB in the study notes)",
                ),
            };
            c.within(
                "lambda.payload_kb",
                kb,
                "KB",
                (Decimal::ZERO, "a size cannot be negative"),
                (max.into(), rule),
            );
        }
        let spec = match (
            memory,
            duration_us,
            invocations,
            ephemeral,
            provisioned,
            provisioned_ms,
            cpu,
        ) {
            (Some(m), Some(d), Some(i), Some(e), Some(p), Some(h), Some(cpu)) => Some(LambdaSpec {
                architecture: self.architecture,
                memory_mb: m as u32,
                duration_us: d,
                invocations: i,
                ephemeral_mb: e as u32,
                free_tier: self.free_tier,
                provisioned_concurrency: p as u32,
                provisioned_ms: h,
                cpu_bound_percent: cpu as u32,
                multi_threaded: self.multi_threaded,
                invocation_type: self.invocation_type,
                payload_kb: self.payload_kb,
            }),
            _ => None,
        };
        match (c.errors.is_empty(), spec) {
            (true, Some(spec)) => Ok(spec),
            _ => Err(c.errors),
        }
    }
}

impl LambdaSpec {
    /// Provisioned Concurrency is in play: some environments for some time.
    pub fn has_provisioned(&self) -> bool {
        self.provisioned_concurrency > 0 && self.provisioned_ms > 0
    }

    /// The free tier applies only without Provisioned Concurrency, and only when asked for.
    pub fn free_tier_applies(&self) -> bool {
        self.free_tier && !self.has_provisioned()
    }
}
