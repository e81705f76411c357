//! Which EC2 type and purchasing option the function is weighed against: the one asked for, or
//! the smallest fitting type and its cheapest suitable option.

use crate::ec2::{self, Ec2Option, Ec2Pricing, Ec2Result, Ec2Workload, InstanceType};
use crate::error::{FieldError, Problem};
use crate::money::qty;
use crate::pricing::Region;
use rust_decimal::Decimal;

/// Burstable families (T2, T3, T3a, T4g) run at full speed only on CPU credits.
pub(super) fn burstable(t: &InstanceType) -> bool {
    t.family().starts_with('t')
}

/// The catalog types a function of `memory_mb` could default to in `region`, smallest first
/// (least memory, then fewest vCPU, then the lowest On-Demand rate, then the name): non-burstable,
/// offered there with an On-Demand rate, with at least the function's memory; those of `arch`
/// first when any fits.
fn default_types(
    pricing: &Ec2Pricing,
    region: Region,
    memory_mb: u32,
    arch: ec2::Architecture,
) -> Vec<&InstanceType> {
    let Some(tables) = pricing.region(region) else {
        return vec![];
    };
    let need = Decimal::from(memory_mb) / Decimal::from(1024);
    let mut fits: Vec<(&InstanceType, Decimal)> = pricing
        .instance_types
        .types
        .iter()
        .filter(|t| !burstable(t) && t.memory_gib >= need)
        .filter_map(|t| match tables.on_demand(&t.name) {
            Some((_, Some(rate))) => Some((t, rate)),
            _ => None,
        })
        .collect();
    fits.sort_by(|(a, ra), (b, rb)| {
        (a.architecture != arch, a.memory_gib, a.vcpu, *ra, &a.name).cmp(&(
            b.architecture != arch,
            b.memory_gib,
            b.vcpu,
            *rb,
            &b.name,
        ))
    });
    fits.into_iter().map(|(t, _)| t).collect()
}

/// One always-on instance of `name` over three years, every purchasing option priced.
fn price_type(
    pricing: &Ec2Pricing,
    region: Region,
    name: &str,
) -> Result<Ec2Result, Vec<FieldError>> {
    let w = Ec2Workload {
        instance_type: name.to_string(),
        ..Ec2Workload::default()
    };
    ec2::compare(pricing, region, &w).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| match e.field.as_str() {
                "ec2.instance_type" => FieldError::new("lambda_to_ec2.instance_type", e.problem),
                "region" => FieldError::new("workload.region", e.problem),
                _ => FieldError::new("lambda_to_ec2", e.problem),
            })
            .collect()
    })
}

fn malformed(field: &str, message: String) -> Vec<FieldError> {
    vec![FieldError::new(field, Problem::Malformed(message))]
}

/// The option asked for, or the cheapest suitable one; with the sentence saying which.
pub(super) fn pick_option<'r>(
    result: &'r Ec2Result,
    asked: Option<&str>,
    region: Region,
) -> Result<(&'r Ec2Option, Decimal, String), Vec<FieldError>> {
    let name = &result.instance.instance_type;
    let priced = |o: &Ec2Option| o.amortised_monthly_usd.map(|u| u.0);
    match asked {
        Some(id) => {
            let id = id.trim();
            let Some(o) = result.options.iter().find(|o| o.id == id) else {
                let ids: Vec<&str> = result
                    .options
                    .iter()
                    .filter(|o| priced(o).is_some())
                    .map(|o| o.id.as_str())
                    .collect();
                return Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "\"{}\" is not a purchasing option; those with a bundled rate for {name} in {region}: {}.",
                        crate::error::cut(id),
                        ids.join(", ")
                    ),
                ));
            };
            let Some(monthly) = priced(o) else {
                return Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "{} has no public rate bundled for {name} in {region}{}; choose another option.",
                        o.label,
                        o.reason.as_ref().map(|r| format!(" ({r})")).unwrap_or_default()
                    ),
                ));
            };
            if !o.suitable {
                return Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "{} does not suit one always-on instance{}; choose another option.",
                        o.label,
                        o.reason
                            .as_ref()
                            .map(|r| format!(": {r}"))
                            .unwrap_or_default()
                    ),
                ));
            }
            Ok((o, monthly, format!("{} as asked.", o.label)))
        }
        None => {
            let o = result
                .cheapest_suitable
                .as_ref()
                .and_then(|id| result.options.iter().find(|o| &o.id == id));
            match o.and_then(|o| Some((o, priced(o)?))) {
                Some((o, monthly)) => Ok((
                    o,
                    monthly,
                    format!(
                        "{}: the cheapest suitable option for one always-on {name} over {} years (not interruptible, so not Spot).",
                        o.label, result.horizon_years
                    ),
                )),
                None => Err(malformed(
                    "lambda_to_ec2.option",
                    format!(
                        "No purchasing option of {name} has a bundled rate in {region}; choose another type."
                    ),
                )),
            }
        }
    }
}

/// The type asked for, or the smallest fitting type (by [`default_types`]) whose options include
/// a suitable priced one; each with every purchasing option priced and the sentence saying why.
pub(super) fn choose_type(
    pricing: &Ec2Pricing,
    region: Region,
    asked: Option<&str>,
    memory_mb: u32,
    arch: ec2::Architecture,
) -> Result<(Ec2Result, String), Vec<FieldError>> {
    if let Some(name) = asked.map(str::trim).filter(|n| !n.is_empty()) {
        return Ok((
            price_type(pricing, region, name)?,
            format!("{name} as asked."),
        ));
    }
    let found = default_types(pricing, region, memory_mb, arch)
        .iter()
        .find_map(|t| {
            let r = price_type(pricing, region, &t.name).ok()?;
            r.cheapest_suitable.is_some().then_some(r)
        });
    let Some(r) = found else {
        return Err(malformed(
            "lambda_to_ec2.instance_type",
            format!(
                "No catalog type with at least {} MB of memory has a bundled rate in {region}; name a type.",
                qty(memory_mb.into())
            ),
        ));
    };
    let same_arch = r.instance.architecture == arch;
    let reason = format!(
        "{}: the smallest type with at least the function's {} MB ({} GiB) offered in {region}{}, ordered by memory, then vCPU, then On-Demand rate; burstable types (T2, T3, T3a, T4g) are left out, as they run at full speed only on CPU credits.",
        r.instance.instance_type,
        qty(memory_mb.into()),
        qty((Decimal::from(memory_mb) / Decimal::from(1024)).round_dp(3)),
        if same_arch {
            format!(", of the function's architecture ({})", arch.code())
        } else {
            format!(
                "; no {} type fits, so another architecture ({})",
                arch.code(),
                r.instance.architecture.code()
            )
        }
    );
    Ok((r, reason))
}
