//! Invariants of the Lambda engine over random workloads.

use awscost::lambda::{self, LambdaWorkload};
use awscost::money::Usd;
use awscost::pricing::tiered_amount;
use awscost::Region;
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;

fn pricing() -> &'static lambda::LambdaPricing {
    &common::catalog().lambda
}

fn region() -> impl Strategy<Value = Region> {
    prop::sample::select(Region::ALL.to_vec())
}

/// Any decimal at all, including negative, fractional and huge values.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..8).prop_map(|(m, s)| Decimal::new(m, s)),
        (-2000i64..20_000).prop_map(Decimal::from),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

fn valid_workload() -> impl Strategy<Value = LambdaWorkload> {
    (
        (
            prop::bool::ANY,
            128u32..=10_240,
            1u64..=900_000_000, // microseconds
            0u64..=1_000_000_000_000,
            512u32..=10_240,
            prop::bool::ANY,
        ),
        (0u32..=50, 0u64..=744_000, 0u32..=100, prop::bool::ANY),
    )
        .prop_map(
            |((arm, mem, us, inv, eph, free), (pc, hours_milli, cpu, multi))| LambdaWorkload {
                architecture: if arm {
                    lambda::Architecture::Arm64
                } else {
                    lambda::Architecture::X86_64
                },
                memory_mb: mem.into(),
                duration_ms: Decimal::new(us as i64, 3),
                invocations_per_month: inv.into(),
                ephemeral_storage_mb: eph.into(),
                free_tier: free,
                provisioned_concurrency: pc.into(),
                provisioned_hours_per_month: Decimal::new(hours_milli as i64, 3),
                cpu_bound_percent: cpu.into(),
                multi_threaded: multi,
                ..LambdaWorkload::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_numbers(
        r in region(),
        mem in any_decimal(), dur in any_decimal(), inv in any_decimal(), eph in any_decimal(),
        pc in any_decimal(), hours in any_decimal(), cpu in any_decimal(), payload in any_decimal(),
        free in prop::bool::ANY, multi in prop::bool::ANY, asyn in prop::bool::ANY,
    ) {
        let w = LambdaWorkload {
            memory_mb: mem, duration_ms: dur, invocations_per_month: inv,
            ephemeral_storage_mb: eph, provisioned_concurrency: pc,
            provisioned_hours_per_month: hours, cpu_bound_percent: cpu, payload_kb: Some(payload),
            free_tier: free, multi_threaded: multi,
            invocation_type: if asyn { lambda::InvocationType::Async } else { lambda::InvocationType::Sync },
            ..LambdaWorkload::default()
        };
        match lambda::compare(pricing(), r, &w) {
            Ok(res) => prop_assert!(!res.requested.monthly_usd.exact().is_sign_negative()),
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    #[test]
    fn costs_are_never_negative_and_lines_add_up(r in region(), w in valid_workload()) {
        let Ok(res) = lambda::compare(pricing(), r, &w) else { return Ok(()); };
        let mut sum = Decimal::ZERO;
        for l in &res.requested.lines {
            prop_assert!(l.exact_usd >= Decimal::ZERO, "{}", l.label);
            // Quantity × rate, to Decimal's 28 significant digits: at a hundred billion dollars
            // the two roundings may differ in the 28th (regression case in the file beside).
            let product = l.quantity * l.rate;
            prop_assert!(
                (l.exact_usd - product).abs() <= l.exact_usd.abs().max(Decimal::ONE) * Decimal::new(1, 24),
                "{}: {} vs {}", l.label, l.exact_usd, product
            );
            prop_assert_eq!(Usd(l.exact_usd).cents(), Usd(product).cents(), "{}", l.label);
            sum += l.exact_usd;
        }
        prop_assert_eq!(sum, res.requested.monthly_usd.exact());
        prop_assert!(res.options.iter().all(|o| res.options.usd(o).exact() >= Decimal::ZERO));
        let at = res.options.iter().find(|o| o.memory_mb == res.requested.memory_mb).unwrap();
        prop_assert_eq!(res.options.usd(at).cents(), res.requested.monthly_usd.cents());
        // Equal to Decimal's 28 significant digits.
        prop_assert!((res.options.usd(at).exact() - res.requested.monthly_usd.exact()).abs() < Decimal::new(1, 12));
        prop_assert!(res.cheapest.monthly_usd.cents() <= res.requested.monthly_usd.cents());
    }

    #[test]
    fn more_invocations_are_never_cheaper(r in region(), w in valid_workload(), extra in 1u64..5_000_000_000) {
        let Ok(a) = lambda::compare(pricing(), r, &w) else { return Ok(()); };
        let mut more = w.clone();
        more.invocations_per_month += Decimal::from(extra);
        // Past the largest accepted count the answer is an error, not a price.
        let Ok(b) = lambda::compare(pricing(), r, &more) else { return Ok(()); };
        prop_assert!(b.requested.monthly_usd >= a.requested.monthly_usd);
        for (x, y) in a.options.iter().zip(b.options.iter()) {
            prop_assert!(b.options.usd(y) >= a.options.usd(x), "at {} MB", x.memory_mb);
        }
    }

    #[test]
    fn longer_durations_are_never_cheaper(r in region(), w in valid_workload(), extra_ms in 1u32..10_000) {
        let Ok(a) = lambda::compare(pricing(), r, &w) else { return Ok(()); };
        let mut more = w.clone();
        more.duration_ms += Decimal::from(extra_ms);
        let Ok(b) = lambda::compare(pricing(), r, &more) else { return Ok(()); };
        prop_assert!(b.requested.monthly_usd >= a.requested.monthly_usd);
    }

    /// The exact integer sweep equals a plain Decimal evaluation of AWS's formulas (no
    /// Provisioned Concurrency) at any memory setting.
    #[test]
    fn sweep_matches_a_plain_decimal_evaluation(r in region(), mut w in valid_workload(), m in 128u32..=10_240) {
        w.provisioned_concurrency = Decimal::ZERO;
        let res = lambda::compare(pricing(), r, &w).unwrap();
        let o = res.options.iter().find(|o| o.memory_mb == m).unwrap();
        let table = pricing().table(r).unwrap();
        let rates = table.arch(w.architecture);
        let inv = w.invocations_per_month;
        let billed = Decimal::from(o.billed_duration_ms);
        let gb_s = inv * billed / Decimal::from(1000) * Decimal::from(m) / Decimal::from(1024);
        let free = if w.free_tier { Decimal::from(400_000) } else { Decimal::ZERO };
        let free_req = if w.free_tier { Decimal::from(1_000_000) } else { Decimal::ZERO };
        let compute = tiered_amount(&rates.duration_tiers, (gb_s - free).max(Decimal::ZERO));
        let requests = (inv - free_req).max(Decimal::ZERO) / Decimal::from(1_000_000) * table.requests_per_million;
        let eph = (w.ephemeral_storage_mb - Decimal::from(512)) / Decimal::from(1024)
            * inv * billed / Decimal::from(1000) * table.ephemeral_storage_gb_s;
        let expected = awscost::Usd(compute + requests + eph).cents();
        prop_assert!((res.options.usd(o).exact() - (compute + requests + eph)).abs() < Decimal::new(1, 12));
        prop_assert_eq!(res.options.usd(o).cents(), expected);
    }
}
