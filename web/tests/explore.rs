//! In-browser tests of the EC2 panel's explorers: cheaper alternatives (sorting, "Use") and Spot
//! with interruptions (a band preset, a rate of one's own).
#![cfg(target_arch = "wasm32")]

use awscost_web::components::ec2::Ec2Panel;
#[allow(unused_imports)]
use awscost_web::state::*;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn panel(s: &State, on_action: Callback<Action>) -> Html {
    html! {
        <Ec2Panel region={s.region} form={s.ec2.clone()} chart={s.ec2_chart.clone()}
            on_change={on_action.reform(Action::Ec2)} on_chart={on_action.reform(Action::SetEc2Chart)} />
    }
}

/// Opens an explorer (each is worked out only while open) and waits for its figures.
async fn open(root: &web_sys::Element, which: &str, figure: &str) {
    open_details(root, &format!("#{which}-box details"), figure).await;
}

fn rows(root: &web_sys::Element) -> Vec<String> {
    let list = root.query_selector_all("#ec2-alt-table tbody tr").unwrap();
    (0..list.length())
        .filter_map(|i| list.get(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .filter_map(|e| e.get_attribute("data-type"))
        .collect()
}

/// m5.large On-Demand in us-east-1 ($0.096 an hour, $70.08 a month): the x86_64 types with at
/// least 2 vCPU and 8 GiB that cost less are t3a.large ($0.0752), t3.large ($0.0832) and
/// t2.large ($0.0928); t3a.medium is the nearest smaller, m5.xlarge the nearest larger.
#[wasm_bindgen_test]
async fn alternatives_render_sort_and_use() {
    let root = mount_panel(panel);
    settle().await;
    // Closed, nothing is worked out.
    assert!(root.query_selector("#ec2-alt-table").unwrap().is_none());
    open(&root, "ec2-alt", "#ec2-alt-table").await;
    assert!(text(&root, "#ec2-alt-summary").contains("$70.08 a month"));
    assert_eq!(
        rows(&root),
        [
            "m5.large",
            "t3a.medium",
            "t3a.large",
            "t3.large",
            "t2.large",
            "m5.xlarge"
        ]
    );
    assert_eq!(text(&root, "#ec2-alt-row-t3a-large .monthly"), "$54.90");
    assert_eq!(text(&root, "#ec2-alt-row-t3a-large .hourly"), "$0.0752");
    assert!(text(&root, "#ec2-alt-row-t3a-large .difference").contains("−$15.18"));
    // Sorting by type: the header says so.
    click(&root, "ec2-alt-sort-type");
    settle().await;
    let th = root
        .query_selector("#ec2-alt-sort-type")
        .unwrap()
        .unwrap()
        .parent_element()
        .unwrap();
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
    assert_eq!(
        rows(&root),
        [
            "m5.large",
            "m5.xlarge",
            "t2.large",
            "t3.large",
            "t3a.large",
            "t3a.medium"
        ]
    );
    // Any architecture: the Graviton types join.
    choose(&root, "ec2-alt-architecture", "any");
    settle().await;
    assert!(rows(&root).contains(&"m6g.large".to_string()));
    // "Use t3a.large" makes it the chosen type.
    click(&root, "ec2-alt-use-t3a-large");
    settle().await;
    assert_eq!(input(&root, "ec2-instance_type").value(), "t3a.large");
    assert!(text(&root, "#ec2-alt-summary").starts_with("t3a.large under On-Demand"));
    assert_eq!(rows(&root)[0], "t3a.large");
}

/// m5.large Spot is priced at $0.0373 an hour (the highest of 5 AZ snapshots): $27.229 a month.
/// Band <5% with checkpoints every 60 minutes and a 5-minute restart: 0.05 interruptions a month
/// × 35 min = 0.0292 h run again: $27.23. One a day: 30.4167 × 35 min = 17.743 h × $0.0373 =
/// $0.66 more: $27.89.
#[wasm_bindgen_test]
async fn interruptions_band_and_rate_change_the_figures() {
    let root = mount_panel(panel);
    settle().await;
    assert!(root.query_selector("#ec2-int-effective").unwrap().is_none());
    open(&root, "ec2-int", "#ec2-int-effective").await;
    assert_eq!(text(&root, "#ec2-int-effective"), "$27.23 a month");
    assert_eq!(text(&root, "#ec2-int-on-demand"), "$70.08 a month");
    assert!(text(&root, "#ec2-int-rate").contains("<5%"));
    assert!(root
        .query_selector("#ec2-int-chart svg polyline.spot")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("#ec2-int-chart .crossing.on-demand")
        .unwrap()
        .is_some());
    assert!(text(&root, "#ec2-int-cross-on-demand").contains("interruptions per instance-day"));
    choose(&root, "ec2-int-band", "");
    settle().await;
    assert_eq!(text(&root, "#ec2-int-effective"), "$27.89 a month");
    choose(&root, "ec2-int-band", ">20%");
    settle().await;
    assert!(text(&root, "#ec2-int-rate").contains(">20%"));
    assert!(text(&root, "#ec2-int-rate").contains("floor"));
    // A checkpoint every 10 hours loses 5 h a time: 0.2 × 305 min = 1.0167 h × $0.0373.
    type_into(&root, "ec2-int-checkpoint", "600");
    settle().await;
    assert_eq!(text(&root, "#ec2-int-effective"), "$27.27 a month");
    type_into(&root, "ec2-int-checkpoint", "abc");
    settle().await;
    assert!(!text(&root, "#ec2-int-checkpoint-error").is_empty());
    assert!(input(&root, "ec2-int-checkpoint")
        .get_attribute("aria-invalid")
        .is_some());
}
