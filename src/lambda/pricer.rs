//! The month at the requested memory alone, at any invocation count ([`Pricer`]): what
//! [`compare`](super::compare) prices first, and what the Lambda ↔ EC2 explorer asks at many
//! invocation counts without the sweep of every memory setting.

use super::price::{charges, lines, Charges, Fraction, Prepared};
use super::quantities::modelled_duration;
use super::table::{ArchRates, LambdaPricing, LambdaTable, PRICING_FILE};
use super::workload::{LambdaSpec, LambdaWorkload, MAX_INVOCATIONS};
use crate::error::{FieldError, Problem};
use crate::pricing::Region;
use crate::report::LineItem;

/// A validated Lambda workload with its region's rates ready as integers.
#[derive(Clone, Debug)]
pub struct Pricer<'a> {
    pub spec: LambdaSpec,
    pub prepared: Prepared,
    table: &'a LambdaTable,
    rates: &'a ArchRates,
    region: Region,
}

impl<'a> Pricer<'a> {
    /// Validates the workload and readies the region's rates. Errors name the field: the workload's
    /// own, `region` when the bundled table has no usable rates there, or
    /// `lambda.provisioned_concurrency` when Provisioned Concurrency is asked for where no rate
    /// for it is bundled.
    pub fn new(
        pricing: &'a LambdaPricing,
        region: Region,
        w: &LambdaWorkload,
    ) -> Result<Pricer<'a>, Vec<FieldError>> {
        let spec = w.validate()?;
        let not_sourced = |field: &str, what: &str| {
            vec![FieldError::new(
                field,
                Problem::Malformed(format!(
                    "The bundled pricing has no public {what} rate for {} in {region}; choose another region or architecture, or add the rate to {PRICING_FILE}.",
                    spec.architecture.code()
                )),
            )]
        };
        let table = pricing
            .table(region)
            .ok_or_else(|| not_sourced("region", "Lambda"))?;
        let rates = table.arch(spec.architecture);
        let prepared = Prepared::new(table, rates, &pricing.free_tier, spec.free_tier_applies())
            .ok_or_else(|| not_sourced("region", "usable Lambda"))?;
        if spec.has_provisioned()
            && (rates.provisioned_concurrency_gb_s.is_none()
                || rates.provisioned_duration_gb_s.is_none())
        {
            return Err(not_sourced(
                "lambda.provisioned_concurrency",
                "Provisioned Concurrency",
            ));
        }
        Ok(Pricer {
            spec,
            prepared,
            table,
            rates,
            region,
        })
    }

    /// The spec with another invocation count (everything else as given).
    pub fn spec_at(&self, invocations: u64) -> LambdaSpec {
        LambdaSpec {
            invocations,
            ..self.spec.clone()
        }
    }

    /// The month's charges at the requested memory with `invocations` a month. Always `Some`:
    /// [`Pricer::new`] has checked the one rate whose absence makes [`charges`] `None`, and that
    /// check does not depend on the invocation count.
    pub fn charges_at(&self, invocations: u64) -> Option<Charges> {
        charges(
            &self.spec_at(invocations),
            &self.prepared,
            self.spec.memory_mb,
        )
    }

    /// The month's cost numerator (see [`Pricer::fraction`]) at `invocations` a month.
    pub fn total_at(&self, invocations: u64) -> u128 {
        self.charges_at(invocations).map_or(0, |c| c.total)
    }

    /// The month's line items at `invocations` a month, as the Lambda panel shows them.
    pub fn lines_at(&self, invocations: u64) -> Vec<LineItem> {
        let spec = self.spec_at(invocations);
        match charges(&spec, &self.prepared, spec.memory_mb) {
            Some(c) => lines(
                &spec,
                self.table,
                self.rates,
                &self.prepared,
                &c,
                self.region,
            ),
            None => vec![],
        }
    }

    /// How numerators turn into dollars.
    pub fn fraction(&self) -> Fraction {
        self.prepared.fraction()
    }

    /// The bundled table's date and source.
    pub fn table(&self) -> &LambdaTable {
        self.table
    }

    /// Billed milliseconds per invocation at the requested memory.
    pub fn billed_ms(&self) -> u64 {
        modelled_duration(&self.spec, self.spec.memory_mb).1
    }

    /// The invocation counts (ascending, from 0, at most [`MAX_INVOCATIONS`]) at which the
    /// month's cost may change slope: from each to the next one less, the cost at whole
    /// invocation counts is exactly linear. A new slope starts where the free requests run out,
    /// where the free GB-seconds run out, at each volume tier's bound, and where Provisioned
    /// Concurrency's capacity is full (invocations beyond it are billed on demand).
    pub fn slope_changes(&self) -> Vec<u64> {
        let p = &self.prepared;
        let per_invocation = u128::from(self.billed_ms()) * u128::from(self.spec.memory_mb);
        let capacity = if self.spec.has_provisioned() {
            // As provisioned_duration::charge: environments × enabled ms ÷ billed ms.
            u128::from(self.spec.provisioned_concurrency) * u128::from(self.spec.provisioned_ms)
                / u128::from(self.billed_ms()).max(1)
        } else {
            0
        };
        // The first on-demand invocation count whose MB-ms reach `mb_ms`.
        let reach = |mb_ms: u128| capacity + mb_ms.div_ceil(per_invocation.max(1));
        let mut at = vec![0, p.free_requests, capacity, reach(p.free_mb_ms)];
        at.extend(
            p.tiers
                .iter()
                .filter_map(|&(upper, _)| upper)
                .map(|u| reach(p.free_mb_ms.saturating_add(u))),
        );
        let max = u128::from(MAX_INVOCATIONS);
        let mut out: Vec<u64> = at
            .into_iter()
            .filter(|&n| n <= max)
            .filter_map(|n| u64::try_from(n).ok())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
