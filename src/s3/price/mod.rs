//! Pricing one storage class: the [`Pricer`] context, the [`Month`] a class's lines are gathered
//! in, and the helpers the line items share. Each charge is priced in its own file, named after
//! the charge as its line items label it.

mod archive_overhead;
mod early_deletion;
mod intelligent_tiering;
mod lifecycle_transitions;
mod minimum_object_size;
mod requests;
mod retention;
mod retrieval;
mod storage;

use super::{S3Spec, S3Table, StorageClass, PRICING_FILE};
use crate::pricing::Region;
use crate::report::{LineItem, SourceRef, Warning};
use rust_decimal::Decimal;

/// The parts of one class's month, before they become an option or a plan step.
pub(super) struct Month {
    pub(super) class: StorageClass,
    /// Steady storage lines (including overheads, minimum-size top-up and monitoring).
    pub(super) storage: Vec<LineItem>,
    pub(super) requests: Vec<LineItem>,
    pub(super) retrieval: Vec<LineItem>,
    pub(super) missing: Vec<String>,
    /// Intelligent-Tiering's storage cost in its three phases (first 30 days, days 31–90, after).
    phases: Option<[Decimal; 3]>,
    /// GB billed at the class rate, and that rate (for the early-deletion charge).
    class_gb: Decimal,
    class_rate: Decimal,
    pub(super) retrieval_rates: (Decimal, Decimal),
}

impl Month {
    pub(super) fn storage_usd(&self) -> Decimal {
        self.storage.iter().map(|l| l.exact_usd).sum()
    }
    fn activity_usd(&self) -> Decimal {
        self.requests
            .iter()
            .chain(&self.retrieval)
            .map(|l| l.exact_usd)
            .sum()
    }
    pub(super) fn lines(&self) -> Vec<LineItem> {
        let mut v = self.storage.clone();
        v.extend(self.requests.iter().cloned());
        v.extend(self.retrieval.iter().cloned());
        v
    }
}

pub(super) struct Pricer<'a> {
    pub(super) table: &'a S3Table,
    pub(super) region: Region,
    pub(super) spec: &'a S3Spec,
    pub(super) warnings: Vec<Warning>,
}

fn per_1000(n: Decimal) -> Decimal {
    n / Decimal::ONE_THOUSAND
}

impl Pricer<'_> {
    fn src(&self, row: String) -> SourceRef {
        SourceRef {
            table: PRICING_FILE.into(),
            row: format!("{} {row}", self.region),
            url: self.table.source.clone(),
            as_of: self.table.as_of.clone(),
        }
    }

    fn no_rate(&self, class: StorageClass, what: &str) -> String {
        format!(
            "no public rate for {what} in {} in {}",
            class.name(),
            self.region
        )
    }

    /// One class's steady month: its storage lines (by class), requests and retrieval.
    pub(super) fn month(&mut self, class: StorageClass) -> Option<Month> {
        let rates = self.table.class(class)?;
        let standard = &self.table.class(StorageClass::Standard)?.storage_tiers;
        let s = self.spec;
        let gb = s.storage_gb;
        let class_rate = rates
            .storage_tiers
            .first()
            .map(|t| t.rate)
            .unwrap_or_default();
        let mut m = Month {
            class,
            storage: vec![],
            requests: vec![],
            retrieval: vec![],
            missing: vec![],
            phases: None,
            class_gb: gb,
            class_rate,
            retrieval_rates: (Decimal::ZERO, Decimal::ZERO),
        };
        match class {
            StorageClass::Standard => {
                m.storage = self.tiered(class, &rates.storage_tiers, "Storage", gb, "");
            }
            StorageClass::IntelligentTiering => self.tiering(&mut m, rates),
            StorageClass::StandardIa | StorageClass::OnezoneIa | StorageClass::GlacierIr => {
                m.storage = self.tiered(class, &rates.storage_tiers, "Storage", gb, "");
                self.minimum_object_size(&mut m);
            }
            StorageClass::Glacier | StorageClass::DeepArchive => {
                m.storage = self.tiered(class, &rates.storage_tiers, "Storage", gb, "");
                self.archive_overhead(&mut m, standard);
            }
        }
        self.requests(&mut m, rates);
        self.retrieval(&mut m, rates);
        Some(m)
    }
}
