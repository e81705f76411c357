//! The storage classes, coded as AWS's API names them, and what each implies for billing:
//! minimum storage duration, minimum billable object size, archive overhead, the S3 Lifecycle
//! transition waterfall, and the durability and availability figures. Also the retrieval tiers
//! of the archive classes. Both sets are read from the pricing table and from the workload.

use crate::limits::s3 as lim;
use serde::Serialize;

crate::closed_set! {
    /// The storage classes, coded as AWS's API names them.
    pub enum StorageClass {
        Standard = "STANDARD", "S3 Standard";
        IntelligentTiering = "INTELLIGENT_TIERING", "S3 Intelligent-Tiering";
        StandardIa = "STANDARD_IA", "S3 Standard-IA";
        OnezoneIa = "ONEZONE_IA", "S3 One Zone-IA";
        GlacierIr = "GLACIER_IR", "S3 Glacier Instant Retrieval";
        Glacier = "GLACIER", "S3 Glacier Flexible Retrieval";
        DeepArchive = "DEEP_ARCHIVE", "S3 Glacier Deep Archive";
    }
}

/// What the study notes teach about a class, beside AWS's current figure where it differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ClassFacts {
    pub durability: &'static str,
    /// Availability as the study notes give it.
    pub availability: &'static str,
    /// Availability AWS documents now.
    pub availability_current: &'static str,
    pub azs: &'static str,
    pub first_byte: &'static str,
}

impl StorageClass {
    /// Minimum storage duration in days (0 = none).
    pub fn minimum_days(self) -> u32 {
        match self {
            StorageClass::Standard | StorageClass::IntelligentTiering => 0,
            StorageClass::StandardIa | StorageClass::OnezoneIa => lim::MIN_DAYS_IA,
            StorageClass::GlacierIr => lim::MIN_DAYS_GLACIER_IR,
            StorageClass::Glacier => lim::MIN_DAYS_GLACIER,
            StorageClass::DeepArchive => lim::MIN_DAYS_DEEP_ARCHIVE,
        }
    }

    /// Whether each object is billed as at least 128 KB.
    pub fn has_min_object_size(self) -> bool {
        matches!(
            self,
            StorageClass::StandardIa | StorageClass::OnezoneIa | StorageClass::GlacierIr
        )
    }

    /// Whether each object carries the 40 KB archive overhead.
    pub fn is_archive(self) -> bool {
        matches!(self, StorageClass::Glacier | StorageClass::DeepArchive)
    }

    /// Position in S3 Lifecycle's transition waterfall: a rule may only move data to a later one
    /// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html>).
    fn waterfall(self) -> u8 {
        match self {
            StorageClass::Standard => 0,
            StorageClass::StandardIa => 1,
            StorageClass::IntelligentTiering => 2,
            StorageClass::OnezoneIa => 3,
            StorageClass::GlacierIr => 4,
            StorageClass::Glacier => 5,
            StorageClass::DeepArchive => 6,
        }
    }

    /// Whether S3 Lifecycle can transition objects from `self` to `to`.
    pub fn can_transition_to(self, to: StorageClass) -> bool {
        to.waterfall() > self.waterfall()
            && !(self == StorageClass::OnezoneIa && to == StorageClass::GlacierIr)
    }

    /// Durability, availability, AZs and first-byte latency (study notes; `availability_current`
    /// from the storage-class table).
    pub fn facts(self) -> ClassFacts {
        const ELEVEN: &str = "99.999999999 % (11 nines)";
        let f = |availability, availability_current, azs, first_byte| ClassFacts {
            durability: ELEVEN,
            availability,
            availability_current,
            azs,
            first_byte,
        };
        match self {
            StorageClass::Standard => f("99.99 %", "99.99 %", "≥ 3", "milliseconds"),
            StorageClass::IntelligentTiering => f(
                "99.9 %",
                "99.9 %",
                "≥ 3",
                "milliseconds to hours (archive tiers)",
            ),
            StorageClass::StandardIa => f("99.9 %", "99.9 %", "≥ 3", "milliseconds"),
            StorageClass::OnezoneIa => f("99.5 %", "99.5 %", "1", "milliseconds"),
            StorageClass::GlacierIr => f("99.9 %", "99.9 %", "≥ 3", "milliseconds"),
            StorageClass::Glacier => f(
                "99.9 %",
                "99.99 % (after restore)",
                "≥ 3",
                "1–5 min expedited, 3–5 h standard, 5–12 h bulk",
            ),
            StorageClass::DeepArchive => f(
                "99.9 %",
                "99.99 % (after restore)",
                "≥ 3",
                "12 h standard, 48 h bulk",
            ),
        }
    }
}

crate::closed_set! {
    /// How fast archived data comes back (Glacier Flexible Retrieval and Deep Archive).
    #[derive(Default)]
    pub enum RetrievalTier {
        Expedited = "expedited", "Expedited";
        #[default]
        Standard = "standard", "Standard";
        Bulk = "bulk", "Bulk";
    }
}
