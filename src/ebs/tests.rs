use super::*;
use crate::pricing::Region;
use crate::testing::d;
use rust_decimal::Decimal;

fn pricing() -> &'static EbsPricing {
    crate::bundled_table!(EbsPricing, "../../pricing/ebs.json")
}

fn need(size: u64, iops: u64, mibps: u64) -> EbsSpec {
    EbsWorkload {
        size_gib: size.into(),
        iops: iops.into(),
        throughput_mibps: mibps.into(),
        ..EbsWorkload::default()
    }
    .validate()
    .unwrap()
}

fn sized(t: VolumeType, size_gib: u64, iops: u64, mibps: u64) -> Sizing {
    size(t, &need(size_gib, iops, mibps), Region::UsEast1).unwrap()
}

#[test]
fn gp2_grows_to_three_iops_per_gib() {
    let s = sized(VolumeType::Gp2, 100, 3000, 0);
    assert_eq!(s.provisioned_gib, 1000);
    assert_eq!(s.delivered_iops, 3000);
    assert_eq!(s.burst_iops, None);
    // 10,000 IOPS: ceil(10,000 / 3) = 3,334 GiB.
    assert_eq!(
        sized(VolumeType::Gp2, 2000, 10_000, 0).provisioned_gib,
        3334
    );
}

#[test]
fn gp2_small_volume_has_floor_and_burst() {
    let s = sized(VolumeType::Gp2, 20, 50, 0);
    assert_eq!(s.provisioned_gib, 20);
    assert_eq!(s.delivered_iops, 100);
    assert_eq!(s.burst_iops, Some(3000));
    assert_eq!(s.delivered_throughput_mibps, Decimal::from(128));
}

#[test]
fn gp2_throughput_bands() {
    assert_eq!(sized(VolumeType::Gp2, 200, 0, 129).provisioned_gib, 334);
    let s = sized(VolumeType::Gp2, 200, 0, 128);
    assert_eq!(s.provisioned_gib, 200);
    assert_eq!(s.burst_throughput_mibps, Some(Decimal::from(250)));
    let e = size(VolumeType::Gp2, &need(200, 0, 251), Region::UsEast1).unwrap_err();
    assert!(e[0].contains("250 MiB/s"), "{e:?}");
    let e = size(VolumeType::Gp2, &need(200, 16_001, 0), Region::UsEast1).unwrap_err();
    assert!(e[0].contains("16,000 IOPS"), "{e:?}");
}

#[test]
fn gp3_ratios() {
    // 500 MiB/s needs 2,000 IOPS (under the 3,000 included).
    let s = sized(VolumeType::Gp3, 8, 0, 500);
    assert_eq!(s.provisioned_iops, Some(3000));
    assert_eq!(s.provisioned_gib, 8);
    // 2,000 MiB/s needs 8,000 IOPS, so 16 GiB.
    let s = sized(VolumeType::Gp3, 1, 0, 2000);
    assert_eq!(s.provisioned_iops, Some(8000));
    assert_eq!(s.provisioned_gib, 16);
    // 80,000 IOPS at 500 per GiB: 160 GiB.
    assert_eq!(sized(VolumeType::Gp3, 10, 80_000, 0).provisioned_gib, 160);
    assert!(size(VolumeType::Gp3, &need(10, 80_001, 0), Region::UsEast1).is_err());
}

#[test]
fn io1_grows_to_fifty_iops_per_gib_and_four_gib() {
    let s = sized(VolumeType::Io1, 100, 20_000, 0);
    assert_eq!(s.provisioned_gib, 400);
    assert_eq!(s.delivered_throughput_mibps, Decimal::from(500));
    assert_eq!(sized(VolumeType::Io1, 1, 0, 0).provisioned_gib, 4);
    // 800 MiB/s needs 800 × 64 = 51,200 IOPS above 500 MiB/s.
    let s = sized(VolumeType::Io1, 100, 0, 800);
    assert_eq!(s.provisioned_iops, Some(51_200));
    assert_eq!(s.provisioned_gib, 1024);
    assert_eq!(s.delivered_throughput_mibps, Decimal::from(800));
    assert_eq!(io1_throughput(64_000), Decimal::from(1000));
    assert_eq!(io1_throughput(101), d("25.25"));
}

#[test]
fn io2_block_express_ratios() {
    let s = sized(VolumeType::Io2, 10, 256_000, 0);
    assert_eq!(s.provisioned_gib, 256);
    assert_eq!(s.delivered_throughput_mibps, Decimal::from(4000));
    // 4,000 MiB/s at 0.256 per IOPS: 15,625 IOPS.
    assert_eq!(
        sized(VolumeType::Io2, 10, 0, 4000).provisioned_iops,
        Some(15_625)
    );
}

#[test]
fn hdd_baseline_per_tib() {
    // st1 at 125 GiB: 125 / 1024 × 40 = 4.8828125 MiB/s baseline, 30.52 burst.
    let s = sized(VolumeType::St1, 1, 0, 0);
    assert_eq!(s.provisioned_gib, 125);
    assert_eq!(s.delivered_throughput_mibps, d("4.8828125"));
    assert_eq!(s.burst_throughput_mibps, Some(d("30.517578125")));
    // 500 MiB/s needs 12,800 GiB of st1.
    assert_eq!(sized(VolumeType::St1, 1, 0, 500).provisioned_gib, 12_800);
    // sc1 sustains at most 192 MiB/s.
    assert_eq!(sized(VolumeType::Sc1, 1, 0, 192).provisioned_gib, 16_384);
    let e = size(VolumeType::Sc1, &need(1, 0, 193), Region::UsEast1).unwrap_err();
    assert!(e[0].contains("192 MiB/s"), "{e:?}");
    let e = size(VolumeType::St1, &need(1, 501, 0), Region::UsEast1).unwrap_err();
    assert!(e[0].contains("500 IOPS"), "{e:?}");
}

#[test]
fn boot_and_multi_attach_rules() {
    let mut w = EbsWorkload {
        boot: true,
        ..EbsWorkload::default()
    };
    w.size_gib = Decimal::from(500);
    w.iops = Decimal::ZERO;
    w.throughput_mibps = Decimal::ZERO;
    let s = w.validate().unwrap();
    assert!(size(VolumeType::St1, &s, Region::UsEast1).unwrap_err()[0].contains("boot"));
    assert!(size(VolumeType::Gp3, &s, Region::UsEast1).is_ok());
    w.boot = false;
    w.attach_instances = Some(Decimal::from(3));
    let s = w.validate().unwrap();
    assert!(s.multi_attach);
    assert!(size(VolumeType::Gp3, &s, Region::UsEast1).is_err());
    assert!(size(VolumeType::Io1, &s, Region::UsEast1).is_ok());
    assert!(
        size(VolumeType::Io1, &s, Region::ApSouth1).unwrap_err()[0].contains("io1 Multi-Attach")
    );
    assert!(size(VolumeType::Io2, &s, Region::ApSouth1).is_ok());
    w.attach_instances = Some(Decimal::from(17));
    assert_eq!(w.validate().unwrap_err()[0].field, "ebs.attach_instances");
}

#[test]
fn issue_example_gp3_is_210() {
    let r = compare(pricing(), Region::UsEast1, &EbsWorkload::default()).unwrap();
    assert_eq!(r.cheapest, Some(VolumeType::Gp3));
    let gp3 = &r.options[1];
    assert_eq!(gp3.id, VolumeType::Gp3);
    assert_eq!(gp3.provisioned_gib, Some(2000));
    assert_eq!(gp3.monthly_usd.unwrap().cents().to_string(), "210.00");
    let amounts: Vec<String> = gp3
        .lines
        .iter()
        .map(|l| l.amount_usd.cents().to_string())
        .collect();
    assert_eq!(amounts, ["160.00", "35.00", "15.00"]);
    assert!(!r.options[0].eligible);
    assert!(r.options[0]
        .reason
        .as_deref()
        .unwrap()
        .contains("250 MiB/s"));
    assert!(r.options[0].provisioned_gib.is_none());
}

#[test]
fn io2_tiers_split_at_32000_and_64000() {
    let spec = need(100, 100_000, 0);
    let table = pricing().table(Region::UsEast1).unwrap();
    let o = option(VolumeType::Io2, &spec, table);
    let iops: Vec<_> = o.lines[1..].iter().map(|l| l.quantity).collect();
    assert_eq!(
        iops,
        [
            Decimal::from(32_000),
            Decimal::from(32_000),
            Decimal::from(36_000)
        ]
    );
    // 32,000 × 0.065 + 32,000 × 0.0455 + 36,000 × 0.03185 = 2,080 + 1,456 + 1,146.60
    let total: Decimal = o.lines[1..].iter().map(|l| l.exact_usd).sum();
    assert_eq!(total, d("4682.60"));
}

#[test]
fn missing_rate_is_reported_not_invented() {
    // A table without a gp3 IOPS rate (as ap-south-1's was before AWS's own data was found).
    let mut p = pricing().clone();
    for t in p.tables.iter_mut() {
        t.gp3_iops_month = None;
    }
    let r = compare(&p, Region::ApSouth1, &EbsWorkload::default()).unwrap();
    let gp3 = &r.options[1];
    assert!(gp3.eligible && !gp3.priced);
    assert!(gp3.monthly_usd.is_none());
    assert!(gp3.no_rate.as_deref().unwrap().contains("No public rate"));
    assert!(r.warnings.iter().any(|w| w.code == "no_public_rate"));
    // Within gp3's included performance no extra rate is needed.
    let w = EbsWorkload {
        iops: Decimal::from(3000),
        throughput_mibps: Decimal::from(125),
        ..EbsWorkload::default()
    };
    let r = compare(&p, Region::ApSouth1, &w).unwrap();
    assert_eq!(r.options[1].monthly_usd.unwrap().cents(), d("182.40"));
    assert_eq!(r.cheapest, Some(VolumeType::Gp3));
}

#[test]
fn prorates_by_hours() {
    let mut w = EbsWorkload {
        hours_per_month: Decimal::from(365),
        ..EbsWorkload::default()
    };
    let r = compare(pricing(), Region::UsEast1, &w).unwrap();
    assert_eq!(r.options[1].monthly_usd.unwrap().cents(), d("105.00"));
    w.hours_per_month = d("744.0001");
    let e = w.validate().unwrap_err();
    assert_eq!(e[0].field, "ebs.hours_per_month");
}

#[test]
fn validation_reports_every_field() {
    let w = EbsWorkload {
        size_gib: Decimal::ZERO,
        iops: d("1.5"),
        throughput_mibps: Decimal::from(4001),
        hours_per_month: d("-1"),
        boot: false,
        multi_attach: false,
        attach_instances: Some(Decimal::ZERO),
        snapshot_gib: d("0.0001"),
        snapshot_tier: SnapshotTier::Standard,
    };
    let fields: Vec<_> = w
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [
            "ebs.size_gib",
            "ebs.iops",
            "ebs.throughput_mibps",
            "ebs.hours_per_month",
            "ebs.attach_instances",
            "ebs.snapshot_gib"
        ]
    );
}
