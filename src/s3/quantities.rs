//! What is derived from the workload before any rate applies: the binary KB sizes in GB, the
//! 128 KB minimum's top-up, whether Intelligent-Tiering monitors the objects, its steady tier
//! split, and the average object size. [`MODEL`] states the model these follow.

use super::S3Spec;
use rust_decimal::Decimal;

pub const MODEL: &str = "Every object is the average size (storage ÷ object count); 1 GB = 2^30 bytes, 1 KB = 1,024 bytes. monthly_usd is a steady 30-day month of storage, requests and retrieval with the data already stored. Restore requests for Glacier Flexible Retrieval and Deep Archive are one per object retrieved. Intelligent-Tiering: each object is read in a given month with probability monthly_read_fraction (f), independently; an object unread for 30 days is in Infrequent Access and for 90 days in Archive Instant Access, so in the steady month f of the data is in Frequent Access, (1−f) − (1−f)³ in Infrequent Access and (1−f)³ in Archive Instant Access; over the retention period the data starts in Frequent Access (days 1–30), then f stays Frequent and 1−f is Infrequent (days 31–90), then the steady split. retention_total_usd is storage over retention_days plus requests and retrieval for retention_days ÷ 30 months, plus the early-deletion charge for the rest of the minimum storage duration when retention_days is shorter; that charge covers what is billed at the class rate (with the 128 KB minimum and the 32 KB archive index), not the 8 KB per archived object billed at the Standard rate, which has no minimum duration. The optional archive tiers of Intelligent-Tiering and the Standard-rate copy of restored objects are not included.";

/// 128 KB in GB: 2^17 / 2^30 = 1/8,192.
pub fn gb_128kb() -> Decimal {
    Decimal::new(1_220_703_125, 13)
}
/// 32 KB in GB: 1/32,768.
pub fn gb_32kb() -> Decimal {
    Decimal::new(30_517_578_125, 15)
}
/// 8 KB in GB: 1/131,072.
pub fn gb_8kb() -> Decimal {
    Decimal::new(762_939_453_125, 17)
}

/// Billable GB of a class with a 128 KB minimum: the data, and the top-up for objects under 128 KB.
pub fn min_size_top_up_gb(storage_gb: Decimal, objects: Decimal) -> Decimal {
    (objects * gb_128kb() - storage_gb).max(Decimal::ZERO)
}

/// Whether the average object is at least 128 KB (Intelligent-Tiering monitors it).
pub fn monitored(storage_gb: Decimal, objects: Decimal) -> bool {
    objects * gb_128kb() <= storage_gb
}

/// Intelligent-Tiering's steady split `(frequent, infrequent, archive instant)` of one unit of
/// data for a monthly read fraction `f` (see [`MODEL`]).
pub fn tiering_split(f: Decimal) -> (Decimal, Decimal, Decimal) {
    let cold = Decimal::ONE - f;
    let archive = cold * cold * cold;
    (f, cold - archive, archive)
}

/// The average object size in KB (1 KB = 1,024 bytes), to 3 decimals.
pub(super) fn average_object_size_kb(spec: &S3Spec) -> Decimal {
    (spec.storage_gb * Decimal::from(1_048_576) / spec.objects).round_dp(3)
}
