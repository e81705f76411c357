//! Invariants of the EBS comparison over many needs: costs are never negative, a larger need
//! never makes a type cheaper (or eligible where it was not), an eligible type really meets every
//! requirement at its provisioned size within its limits, and no input makes it panic.

use awscost::ebs::{
    compare, EbsOption, EbsPricing, EbsResult, EbsWorkload, SnapshotTier, VolumeType,
};
use awscost::limits::ebs as lim;
use awscost::Region;
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;

fn ebs_pricing() -> &'static EbsPricing {
    &common::catalog().ebs
}

fn region() -> impl Strategy<Value = Region> {
    prop_oneof![
        Just(Region::UsEast1),
        Just(Region::EuWest1),
        Just(Region::ApSouth1)
    ]
}

prop_compose! {
    fn need()(
        size in prop_oneof![1u64..=2_000, 1u64..=65_536],
        iops in prop_oneof![0u64..=20_000, 0u64..=256_000],
        mibps in prop_oneof![0u64..=600, 0u64..=4_000],
        hours_milli in 0u64..=744_000,
        boot in any::<bool>(),
        multi in prop::bool::weighted(0.2),
        instances in prop::option::of(1u64..=16),
        snapshot_milli in prop_oneof![Just(0u64), 0u64..=100_000_000],
        archive in any::<bool>(),
    ) -> EbsWorkload {
        EbsWorkload {
            size_gib: size.into(),
            iops: iops.into(),
            throughput_mibps: mibps.into(),
            hours_per_month: Decimal::new(hours_milli as i64, 3),
            boot,
            multi_attach: multi,
            attach_instances: instances.map(Decimal::from),
            snapshot_gib: Decimal::new(snapshot_milli as i64, 3),
            snapshot_tier: if archive { SnapshotTier::Archive } else { SnapshotTier::Standard },
        }
    }
}

fn run(region: Region, w: &EbsWorkload) -> EbsResult {
    compare(ebs_pricing(), region, w).expect("in-range need is valid")
}

fn opt(r: &EbsResult, t: VolumeType) -> &EbsOption {
    r.options.iter().find(|o| o.id == t).unwrap()
}

fn d(v: u64) -> Decimal {
    Decimal::from(v)
}

/// Checks that an eligible option meets the need within its type's limits.
fn meets(w: &EbsWorkload, o: &EbsOption) -> Result<(), TestCaseError> {
    let gib = o.provisioned_gib.unwrap();
    let iops = o.delivered_iops.unwrap();
    let mibps = o.delivered_throughput_mibps.unwrap();
    prop_assert!(d(gib) >= w.size_gib, "{:?} holds {gib} GiB", o.id);
    prop_assert!(d(iops) >= w.iops, "{:?} gives {iops} IOPS", o.id);
    prop_assert!(
        mibps >= w.throughput_mibps,
        "{:?} gives {mibps} MiB/s",
        o.id
    );
    if w.boot {
        prop_assert!(o.id.can_boot());
    }
    let multi = w.multi_attach || w.attach_instances.is_some_and(|n| n > Decimal::ONE);
    if multi {
        prop_assert!(o.id.can_multi_attach() && !w.boot);
    }
    let piops = o.provisioned_iops.unwrap_or(0);
    match o.id {
        VolumeType::Gp2 => {
            prop_assert!((lim::GP2_MIN_GIB..=lim::GP2_MAX_GIB).contains(&gib));
            prop_assert_eq!(iops, (3 * gib).clamp(100, 16_000));
            prop_assert!(mibps <= d(lim::GP2_MAX_MIBPS));
        }
        VolumeType::Gp3 => {
            prop_assert!((lim::GP3_MIN_GIB..=lim::GP3_MAX_GIB).contains(&gib));
            prop_assert!((3_000..=lim::GP3_MAX_IOPS).contains(&piops));
            prop_assert!(piops <= 3_000 || piops <= gib * lim::GP3_IOPS_PER_GIB);
            let t = o.provisioned_throughput_mibps.unwrap();
            prop_assert!((125..=lim::GP3_MAX_MIBPS).contains(&t));
            prop_assert!(t * 4 <= piops, "0.25 MiB/s per IOPS");
        }
        VolumeType::Io1 => {
            prop_assert!((lim::IO1_MIN_GIB..=lim::IO1_MAX_GIB).contains(&gib));
            prop_assert!((100..=lim::IO1_MAX_IOPS).contains(&piops));
            prop_assert!(piops <= gib * lim::IO1_IOPS_PER_GIB);
            prop_assert!(mibps <= d(lim::IO1_MAX_MIBPS));
        }
        VolumeType::Io2 => {
            prop_assert!((lim::IO2_MIN_GIB..=lim::IO2_MAX_GIB).contains(&gib));
            prop_assert!((100..=lim::IO2_MAX_IOPS).contains(&piops));
            prop_assert!(piops <= gib * lim::IO2_IOPS_PER_GIB);
            prop_assert!(mibps <= d(lim::IO2_MAX_MIBPS));
        }
        VolumeType::St1 | VolumeType::Sc1 => {
            prop_assert!((lim::HDD_MIN_GIB..=lim::HDD_MAX_GIB).contains(&gib));
            let per_tib = if o.id == VolumeType::St1 { 40 } else { 12 };
            // Baseline really is per TiB of the provisioned size, and carries IOPS at 1 MiB each.
            prop_assert!(mibps <= d(gib * per_tib) / d(1024));
            prop_assert!(mibps >= w.iops);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_negative_and_lines_add_up(region in region(), w in need()) {
        let r = run(region, &w);
        prop_assert_eq!(r.options.len(), 6);
        for o in &r.options {
            for l in &o.lines {
                prop_assert!(!l.exact_usd.is_sign_negative() || l.exact_usd.is_zero(), "{}", l.label);
                prop_assert!(!l.quantity.is_sign_negative() || l.quantity.is_zero());
            }
            if let Some(m) = o.monthly_usd {
                prop_assert!(m.exact() >= Decimal::ZERO);
                let sum: Decimal = o.lines.iter().map(|l| l.exact_usd).sum();
                prop_assert_eq!(sum, m.exact());
                prop_assert!(o.eligible && o.priced);
            }
            prop_assert_eq!(o.eligible, o.reason.is_none());
        }
    }

    #[test]
    fn eligible_types_meet_every_requirement(region in region(), w in need()) {
        let r = run(region, &w);
        for o in r.options.iter().filter(|o| o.eligible) {
            meets(&w, o)?;
        }
    }

    #[test]
    fn cheapest_is_the_least_costly_eligible(region in region(), w in need()) {
        let r = run(region, &w);
        let priced: Vec<_> = r.options.iter().filter(|o| o.eligible && o.volume_usd.is_some()).collect();
        match r.cheapest {
            None => prop_assert!(priced.is_empty()),
            Some(id) => {
                let best = opt(&r, id).volume_usd.unwrap();
                for o in priced {
                    prop_assert!(o.volume_usd.unwrap() >= best);
                }
            }
        }
    }

    #[test]
    fn a_larger_need_never_costs_less(
        region in region(),
        w in need(),
        more_gib in 0u64..5_000,
        more_iops in 0u64..20_000,
        more_mibps in 0u64..500,
        more_hours in 0u64..100_000,
        which in 0u8..5,
    ) {
        let mut bigger = w.clone();
        match which {
            0 => bigger.size_gib = (bigger.size_gib + d(more_gib)).min(d(65_536)),
            1 => bigger.iops = (bigger.iops + d(more_iops)).min(d(256_000)),
            2 => bigger.throughput_mibps = (bigger.throughput_mibps + d(more_mibps)).min(d(4_000)),
            3 => bigger.hours_per_month = (bigger.hours_per_month + Decimal::new(more_hours as i64, 3)).min(d(744)),
            _ => {
                bigger.size_gib = (bigger.size_gib + d(more_gib)).min(d(65_536));
                bigger.iops = (bigger.iops + d(more_iops)).min(d(256_000));
                bigger.throughput_mibps = (bigger.throughput_mibps + d(more_mibps)).min(d(4_000));
            }
        }
        let (a, b) = (run(region, &w), run(region, &bigger));
        for t in VolumeType::ALL {
            let (x, y) = (opt(&a, t), opt(&b, t));
            if y.eligible {
                prop_assert!(x.eligible, "{t}: a smaller need is not met");
                prop_assert!(x.provisioned_gib <= y.provisioned_gib, "{t}");
            }
            if let (Some(p), Some(q)) = (x.monthly_usd, y.monthly_usd) {
                prop_assert!(q >= p, "{t}: {} then {}", p.exact(), q.exact());
            }
        }
    }

    /// Arbitrary decimals (any scale and sign) are rejected or compared, never a panic.
    #[test]
    fn never_panics_on_arbitrary_decimals(
        region in region(),
        parts in prop::array::uniform6((any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)),
        boot in any::<bool>(),
        multi in any::<bool>(),
        has_instances in any::<bool>(),
    ) {
        let dec = |i: usize| {
            let (lo, mid, hi, neg, scale) = parts[i];
            Decimal::from_parts(lo, mid, hi, neg, scale)
        };
        let w = EbsWorkload {
            size_gib: dec(0),
            iops: dec(1),
            throughput_mibps: dec(2),
            hours_per_month: dec(3),
            boot,
            multi_attach: multi,
            attach_instances: has_instances.then(|| dec(4)),
            snapshot_gib: dec(5),
            snapshot_tier: SnapshotTier::Standard,
        };
        match compare(ebs_pricing(), region, &w) {
            Ok(r) => prop_assert_eq!(r.options.len(), 6),
            Err(e) => prop_assert!(!e.is_empty() && e.iter().all(|f| f.field.starts_with("ebs."))),
        }
    }

    /// Small, near-boundary values (fractions, zero, limits ± 1) are handled too.
    #[test]
    fn never_panics_near_the_limits(
        region in region(),
        size in prop_oneof![Just(0i64), Just(1), Just(4), Just(125), Just(16_384), Just(16_385), Just(65_536), Just(65_537), -5i64..70_000],
        iops in prop_oneof![Just(0i64), Just(16_000), Just(16_001), Just(64_000), Just(80_001), Just(256_000), Just(256_001), -5i64..300_000],
        mibps in prop_oneof![Just(0i64), Just(250), Just(251), Just(500), Just(501), Just(2_001), Just(4_001), -5i64..5_000],
        scale in 0u32..=4,
        w in need(),
    ) {
        let w = EbsWorkload {
            size_gib: Decimal::new(size, scale),
            iops: Decimal::new(iops, scale),
            throughput_mibps: Decimal::new(mibps, scale),
            ..w
        };
        if let Ok(r) = compare(ebs_pricing(), region, &w) {
            for o in r.options.iter().filter(|o| o.eligible) {
                meets(&w, o)?;
            }
        }
    }
}
