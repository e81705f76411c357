//! In-browser tests of the EBS panel: render it, type a need into it, read what it shows.
//! Costs are worked by hand from the us-east-1 list prices at https://aws.amazon.com/ebs/pricing/
//! (per GB-month: gp2 $0.10, gp3 $0.08, io1/io2 $0.125, st1 $0.045, sc1 $0.015; gp3 $0.005 per
//! IOPS-month above 3,000 and $0.04 per MiB/s-month above 125; io1 $0.065 per IOPS-month).
#![cfg(target_arch = "wasm32")]

use awscost_web::components::ebs::EbsPanel;
#[allow(unused_imports)]
use awscost_web::state::*;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The panel as the page shows it.
fn panel(s: &State, on_action: Callback<Action>) -> Html {
    html! { <EbsPanel region={s.region} form={s.ebs.clone()} on_change={on_action.reform(Action::Ebs)} /> }
}

async fn need(root: &web_sys::Element, gib: &str, iops: &str, mibps: &str) {
    type_into(root, "ebs-size_gib", gib);
    type_into(root, "ebs-iops", iops);
    type_into(root, "ebs-throughput_mibps", mibps);
    settle().await;
}

#[wasm_bindgen_test]
async fn shows_every_type_and_the_aws_example() {
    let root = mount_panel(panel);
    settle().await;
    // AWS's example 1: 2,000 GB, 10,000 IOPS, 500 MB/s on gp3 = 2,000 × $0.08
    // + 7,000 × $0.005 + 375 × $0.04 = $160 + $35 + $15 = $210.00.
    assert_eq!(text(&root, "#ebs-cheapest"), "gp3");
    assert_eq!(text(&root, "#ebs-cheapest-total"), "$210.00");
    assert_eq!(text(&root, "#ebs-row-gp3 .monthly"), "$210.00");
    for t in ["gp2", "gp3", "io1", "io2", "st1", "sc1"] {
        assert!(
            root.query_selector(&format!("#ebs-row-{t}"))
                .unwrap()
                .is_some(),
            "row {t}"
        );
        assert!(
            root.query_selector(&format!("#ebs-row-{t}-working details"))
                .unwrap()
                .is_some(),
            "working {t}"
        );
    }
    assert!(root
        .query_selector("#ebs-row-gp3.cheapest")
        .unwrap()
        .is_some());
    // gp3's working, drawn when opened, holds its three line items, each expandable into its
    // formula.
    assert!(root
        .query_selector("#ebs-row-gp3-working .lines")
        .unwrap()
        .is_none());
    open_details(
        &root,
        "#ebs-row-gp3-working details",
        "#ebs-row-gp3-working .lines",
    )
    .await;
    assert_eq!(
        root.query_selector_all("#ebs-row-gp3-working .lines details")
            .unwrap()
            .length(),
        3
    );
    // The limits table shows the notes beside current AWS.
    assert!(text(&root, ".limits").contains("up to 80,000"));
}

#[wasm_bindgen_test]
async fn gp2_grows_for_iops_and_the_gp3_saving_is_called_out() {
    let root = mount_panel(panel);
    settle().await;
    need(&root, "100", "3000", "0").await;
    // gp2 gives 3 IOPS per GiB: 3,000 ÷ 3 = 1,000 GiB × $0.10 = $100.00.
    assert_eq!(text(&root, "#ebs-row-gp2 .provisioned"), "1,000 grown");
    assert_eq!(text(&root, "#ebs-row-gp2 .monthly"), "$100.00");
    // gp3 includes 3,000 IOPS: 100 GiB × $0.08 = $8.00.
    assert_eq!(text(&root, "#ebs-cheapest"), "gp3");
    assert_eq!(text(&root, "#ebs-cheapest-total"), "$8.00");
    // io1: 100 × $0.125 + 3,000 × $0.065 = $12.50 + $195.00 = $207.50.
    assert_eq!(text(&root, "#ebs-row-io1 .monthly"), "$207.50");
    assert_eq!(text(&root, "#ebs-gp2-gp3-saving"), "$92.00");
    // The HDDs cannot: each I/O counts as 1 MiB.
    let st1 = root.query_selector("#ebs-row-st1").unwrap().unwrap();
    assert_eq!(st1.get_attribute("data-eligible").as_deref(), Some("false"));
    assert!(text(&root, "#ebs-row-st1 .reason").contains("3,000 IOPS are needed"));
}

#[wasm_bindgen_test]
async fn st1_wins_big_sequential_and_boot_rules_it_out() {
    let root = mount_panel(panel);
    settle().await;
    need(&root, "12500", "0", "250").await;
    // st1: 12,500 GiB × $0.045 = $562.50, with 40 MiB/s per TiB of baseline (488 MiB/s).
    // gp3: 12,500 × $0.08 + 125 × $0.04 = $1,005.00. sc1's 12 MiB/s per TiB cannot reach 250.
    assert_eq!(text(&root, "#ebs-cheapest"), "st1");
    assert_eq!(text(&root, "#ebs-cheapest-total"), "$562.50");
    assert_eq!(text(&root, "#ebs-row-gp3 .monthly"), "$1,005.00");
    assert!(text(&root, "#ebs-row-sc1 .reason").contains("sc1 sustains at most"));

    tick(&root, "ebs-boot");
    settle().await;
    assert!(text(&root, "#ebs-row-st1 .reason").contains("cannot be a boot volume"));
    assert_eq!(text(&root, "#ebs-cheapest"), "gp3");
}

#[wasm_bindgen_test]
async fn bad_input_is_explained_beside_its_field_and_kept() {
    let root = mount_panel(panel);
    settle().await;
    need(&root, "100", "3000", "0").await;
    type_into(&root, "ebs-size_gib", "lots");
    type_into(&root, "ebs-attach_instances", "17");
    settle().await;
    assert!(text(&root, "#ebs-size_gib-error").contains("Enter a number"));
    assert!(text(&root, "#ebs-attach_instances-error").contains("at most 16"));
    let size = input(&root, "ebs-size_gib");
    assert_eq!(size.value(), "lots", "what was typed is kept");
    assert_eq!(size.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The last good figures stay, marked as such.
    assert!(root.query_selector(".results.stale").unwrap().is_some());
    assert_eq!(text(&root, "#ebs-cheapest-total"), "$8.00");

    type_into(&root, "ebs-size_gib", "0");
    type_into(&root, "ebs-attach_instances", "");
    settle().await;
    assert!(text(&root, "#ebs-size_gib-error").contains("at least 1 GiB"));
    assert!(root
        .query_selector("#ebs-attach_instances-error")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
fn reducer_keeps_typed_text() {
    let before = State::default();
    let after = before.apply(Action::Ebs(EbsAction::Set(EbsField::Iops, "1e4".into())));
    assert_eq!(before, State::default());
    assert_eq!(after.ebs.iops, "1e4");
}
