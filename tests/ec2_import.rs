//! `awscost import-ec2` on small files in AWS's official Price List formats
//! (see tests/fixtures/README.md for where each figure comes from).

use awscost::ec2::Ec2Pricing;
use awscost::ec2_import::{import, ImportSummary};
use awscost::pricing::Table;
use awscost::Region;
use std::fs::File;

mod common;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn run(with_sp: bool) -> (Ec2Pricing, ImportSummary) {
    let base = common::catalog().ec2.clone();
    let offer = File::open(format!("{FIXTURES}/ec2_offer_us-east-1.json")).unwrap();
    let sp = with_sp.then(|| File::open(format!("{FIXTURES}/sp_us-east-1.json")).unwrap());
    import(offer, sp, Region::UsEast1, &base).unwrap()
}

/// The us-east-1 tables and host capacities as the importer writes them.
fn written(p: &Ec2Pricing) -> String {
    let r = p.region(Region::UsEast1).unwrap();
    let v = serde_json::json!({
        "dedicated_hosts": p.dedicated_hosts,
        "us-east-1": {
            "on_demand": r.on_demand,
            "reserved": r.reserved,
            "savings_plans": r.savings_plans,
            "dedicated_instance": r.dedicated_instance,
            "dedicated_host": r.dedicated_host,
        },
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap();
    s.push('\n');
    s
}

#[test]
fn imports_the_offer_and_savings_plans_files_exactly() {
    let (p, summary) = run(true);
    assert_eq!(
        summary,
        ImportSummary {
            on_demand: 2,
            reserved: 3,
            savings_plans: 1,
            dedicated_instance: 0,
            dedicated_host: 1,
        }
    );
    let path = format!("{FIXTURES}/ec2_import_expected_us-east-1.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, written(&p)).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap();
    assert_eq!(written(&p), expected);
}

#[test]
fn keeps_other_regions_and_spot_snapshots() {
    let base = &common::catalog().ec2;
    let (p, _) = run(false);
    for r in [Region::EuWest1, Region::ApSouth1] {
        assert_eq!(p.region(r), base.region(r));
    }
    let (old, new) = (
        base.region(Region::UsEast1).unwrap(),
        p.region(Region::UsEast1).unwrap(),
    );
    assert_eq!(new.spot, old.spot);
    assert_eq!(new.spot_average, old.spot_average);
    assert_eq!(new.host_reservations, old.host_reservations);
    // Without a Savings Plans file, the existing Savings Plans tables stay.
    assert_eq!(new.savings_plans, old.savings_plans);
    // The eu-west-1 product in the offer file is not taken for us-east-1, and the unused
    // Capacity Reservation SKU does not overwrite the c5.xlarge rate.
    assert_eq!(
        new.on_demand[0].rates["m5.large"],
        Some("0.096".parse().unwrap())
    );
    assert_eq!(
        new.on_demand[0].rates["c5.xlarge"],
        Some("0.17".parse().unwrap())
    );
    assert_eq!(new.on_demand[0].rates["m5.xlarge"], None);
    assert_eq!(new.on_demand[0].as_of, "2020-07-09");
    assert!(new.on_demand[0]
        .source
        .ends_with("/AmazonEC2/20200709223013/us-east-1/index.json"));
}

#[test]
fn imported_table_round_trips_through_the_loader() {
    let (p, _) = run(true);
    let again = Ec2Pricing::load(&p.to_json()).unwrap();
    assert_eq!(again, p);
}

#[test]
fn rejects_a_file_that_is_not_an_offer_file() {
    let base = &common::catalog().ec2;
    let e = import(&b"[1,2]"[..], None::<&[u8]>, Region::UsEast1, base).unwrap_err();
    assert!(e.to_string().contains("offer file"), "{e}");
    let e = import(
        &br#"{"publicationDate":"soon","products":{},"terms":{}}"#[..],
        None::<&[u8]>,
        Region::UsEast1,
        base,
    )
    .unwrap_err();
    assert!(e.to_string().contains("publicationDate"), "{e}");
}
