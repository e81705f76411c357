//! In-browser tests of the EC2 panel: render it, type into it, read what it shows.
#![cfg(target_arch = "wasm32")]

use awscost_web::components::ec2::Ec2Panel;
#[allow(unused_imports)]
use awscost_web::state::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The panel as the page shows it.
fn panel(s: &State, on_action: Callback<Action>) -> Html {
    html! {
        <Ec2Panel region={s.region} form={s.ec2.clone()} chart={s.ec2_chart.clone()}
            on_change={on_action.reform(Action::Ec2)} on_chart={on_action.reform(Action::SetEc2Chart)} />
    }
}

fn polylines(root: &web_sys::Element) -> u32 {
    root.query_selector_all("#ec2-chart polyline")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn on_demand_matches_aws_and_every_option_has_a_row() {
    let root = mount_panel(panel);
    settle().await;
    // AWS: m5.large Linux On-Demand in us-east-1 is $0.096 an hour; × 730 h = $70.08 a month.
    let od = "#ec2-row-on-demand";
    assert_eq!(text(&root, &format!("{od} .monthly")), "$70.08");
    assert_eq!(text(&root, &format!("{od} .hourly")), "$0.0960");
    assert_eq!(text(&root, &format!("{od} .upfront")), "$0.00");
    assert_eq!(text(&root, &format!("{od} .horizon")), "$2,522.88");
    assert_eq!(text(&root, "#ec2-on-demand-monthly"), "$70.08 a month");
    // Five groups; every option is a row of its group or named in the group's line of options
    // with no bundled rate.
    assert_eq!(
        root.query_selector_all("#ec2-options > tbody.group")
            .unwrap()
            .length(),
        5
    );
    let missing: Vec<String> = (0..5)
        .filter_map(|i| {
            root.query_selector_all("#ec2-options tr.missing")
                .unwrap()
                .get(i)
        })
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-options"))
        .flat_map(|s| s.split(' ').map(String::from).collect::<Vec<_>>())
        .collect();
    for id in awscost::ec2::option_ids() {
        let row = root.query_selector(&format!("#ec2-row-{id}")).unwrap();
        assert!(row.is_some() != missing.contains(&id), "option {id}");
    }
    // m5.large in us-east-1: no EC2 Instance Savings Plans rate is bundled.
    assert!(missing.contains(&"savings-plan-ec2-instance-1y-no-upfront".to_string()));
    assert!(text(&root, "#ec2-missing-savings-plans").contains("No public rate bundled"));
    // The On-Demand row expands into its line item and pricing row.
    let working = root
        .query_selector("#ec2-working-on-demand")
        .unwrap()
        .unwrap();
    assert!(working.has_attribute("hidden"));
    // Worked out when opened, not before.
    assert_eq!(text(&root, "#ec2-working-on-demand"), "");
    let button: web_sys::HtmlElement = root
        .query_selector(&format!("{od} button.expand"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    assert!(!working.has_attribute("hidden"));
    assert!(text(&root, "#ec2-working-on-demand").contains("us-east-1 on_demand m5.large"));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn three_year_reservation_shows_its_break_even_and_unpriced_rows_say_why() {
    let root = mount_panel(panel);
    settle().await;
    let ri = "#ec2-row-reserved-standard-3y-all-upfront";
    // The bundled Price List row: $949 all upfront for 3 years, nothing hourly.
    assert_eq!(text(&root, &format!("{ri} .upfront")), "$949.00");
    assert_eq!(text(&root, &format!("{ri} .monthly")), "$0.00");
    assert_eq!(text(&root, &format!("{ri} .horizon")), "$949.00");
    // $949 ÷ 36 months ÷ $0.096 = 274.59 h a month (37.62 % of 730 h); ahead of On-Demand
    // once 14 months of On-Demand ($981.12) pass the upfront.
    let be = text(&root, &format!("{ri} .break-even"));
    assert!(be.contains("274.59 h/mo (37.62 %)"), "{be}");
    assert!(be.contains("month 14"), "{be}");
    assert!(text(&root, &format!("{ri} .saving")).contains("62.38 %"));
    // Spot does not suit an interruption-intolerant workload, and says why.
    let spot = text(&root, "#ec2-row-spot .why");
    assert!(
        spot.starts_with("no") && spot.contains("2-minute"),
        "{spot}"
    );
    // Compute Savings Plans (us-east-1, pricesim 2026-09-24): 3y All Upfront 0.044 × 26,280 h.
    let sp = "#ec2-row-savings-plan-compute-3y-all-upfront";
    assert_eq!(text(&root, &format!("{sp} .horizon")), "$1,156.32");
    // A Partial Upfront Reserved Instance known only by its effective rate says so.
    let pu = "#ec2-row-reserved-standard-1y-partial-upfront";
    assert_eq!(
        text(&root, &format!("{pu} .upfront")),
        "effective rate only"
    );
    assert!(text(&root, &format!("{pu} .break-even")).contains("split"));
    // The group leads with its best option; the notes sit beside the bundled rates' best.
    assert!(
        text(&root, "#ec2-group-reserved .group-head").contains("Standard, 3 years, All Upfront")
    );
    // The study notes' tables are drawn when opened.
    assert!(root.query_selector("#ec2-best-savings").unwrap().is_none());
    open_details(&root, "#ec2-study-notes", "#ec2-best-savings").await;
    assert!(text(&root, "#ec2-best-savings").contains("62.38 %"));
    // The cheapest suitable option is named and marked.
    let cheapest = root.query_selector("#ec2-cheapest").unwrap().unwrap();
    assert_eq!(
        cheapest.get_attribute("data-option").as_deref(),
        Some("reserved-standard-3y-all-upfront")
    );
    assert!(root
        .query_selector(&format!("{ri}.cheapest"))
        .unwrap()
        .is_some());
    // The study notes sit beside the computed savings.
    assert_eq!(text(&root, &format!("{ri} .notes")), "(up to 72 %)");
    assert!(text(&root, "#ec2-study-notes").contains("up to 90 %"));
}

#[wasm_bindgen_test]
async fn chart_draws_the_ticked_options() {
    let root = mount_panel(panel);
    settle().await;
    // By default: On-Demand and the cheapest suitable option.
    assert_eq!(polylines(&root), 2);
    assert!(input(&root, "ec2-chart-on-demand").checked());
    tick(&root, "ec2-chart-spot");
    settle().await;
    assert_eq!(polylines(&root), 3);
    tick(&root, "ec2-chart-on-demand");
    settle().await;
    assert_eq!(polylines(&root), 2);
    // The table alternative (drawn when opened) has the start plus every third month of 36.
    assert!(root.query_selector("#ec2-chart tbody").unwrap().is_none());
    open_details(&root, "#ec2-chart details", "#ec2-chart tbody tr").await;
    assert_eq!(
        root.query_selector_all("#ec2-chart tbody tr")
            .unwrap()
            .length(),
        13
    );
}

#[wasm_bindgen_test]
async fn bad_input_is_explained_beside_its_field_and_kept() {
    let root = mount_panel(panel);
    settle().await;
    type_into(&root, "ec2-count", "3");
    type_into(&root, "ec2-baseline_count", "2");
    settle().await;
    assert_eq!(text(&root, "#ec2-row-on-demand .monthly"), "$210.24");
    // 2 on a 3-year Standard All Upfront RI ($949 each) + 1 On-Demand ($70.08 × 36 months).
    assert_eq!(text(&root, "#ec2-mixed-total"), "$4,420.88");
    tick(&root, "ec2-chart-mixed");
    settle().await;
    assert_eq!(polylines(&root), 3);

    type_into(&root, "ec2-hours_per_month", "800");
    settle().await;
    let err = text(&root, "#ec2-hours_per_month-error");
    assert!(err.contains("744"), "{err}");
    let el = input(&root, "ec2-hours_per_month");
    assert_eq!(el.value(), "800", "what was typed is kept");
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The last good figures stay, marked as such.
    assert!(root.query_selector(".results.stale").unwrap().is_some());
    assert_eq!(text(&root, "#ec2-row-on-demand .monthly"), "$210.24");

    type_into(&root, "ec2-count", "lots");
    type_into(&root, "ec2-instance_type", "m5.huge");
    settle().await;
    assert!(text(&root, "#ec2-count-error").contains("Enter a number"));
    assert_eq!(input(&root, "ec2-instance_type").value(), "m5.huge");
}

#[wasm_bindgen_test]
async fn instance_list_shows_vcpu_and_memory() {
    let root = mount_panel(panel);
    settle().await;
    assert!(text(&root, "#ec2-instance_type-hint").contains("m5.large — 2 vCPU, 8 GiB"));
    let options = root
        .query_selector_all("#ec2-instance_type-list option")
        .unwrap();
    assert!(options.length() >= 39, "{}", options.length());
    type_into(&root, "ec2-instance_type", "c7g.xlarge");
    settle().await;
    assert!(text(&root, "#ec2-instance_type-hint").contains("4 vCPU, 8 GiB, arm64"));
}

#[wasm_bindgen_test]
fn reducer_keeps_ec2_text() {
    let s = State::default().apply(Action::Ec2(Ec2Action::Set(Ec2Field::Count, "1e2".into())));
    assert_eq!(s.ec2.count, "1e2");
    assert_eq!(State::default().ec2.count, "1");
}

fn panel_eu(s: &State, on_action: Callback<Action>) -> Html {
    html! {
        <Ec2Panel region={awscost::Region::EuWest1} form={s.ec2.clone()} chart={s.ec2_chart.clone()}
            on_change={on_action.reform(Action::Ec2)} on_chart={on_action.reform(Action::SetEc2Chart)} />
    }
}

fn panel_ap(s: &State, on_action: Callback<Action>) -> Html {
    html! {
        <Ec2Panel region={awscost::Region::ApSouth1} form={s.ec2.clone()} chart={s.ec2_chart.clone()}
            on_change={on_action.reform(Action::Ec2)} on_chart={on_action.reform(Action::SetEc2Chart)} />
    }
}

#[wasm_bindgen_test]
async fn a_small_type_in_every_region() {
    // t3.small On-Demand (catalog_ec2_3regions.csv, ec2.shop's copy of AWS's 2025-04-04 data):
    // 0.0208 × 730 = 15.184; 0.0228 × 730 = 16.644; 0.0224 × 730 = 16.352 a month.
    for (render, monthly, spot) in [
        (panel as Render, "$15.18", "$5.26"),
        (panel_eu as Render, "$16.64", "$7.81"),
        (panel_ap as Render, "$16.35", "$6.06"),
    ] {
        let root = mount_panel(render);
        settle().await;
        type_into(&root, "ec2-instance_type", "t3.small");
        settle().await;
        assert_eq!(text(&root, "#ec2-row-on-demand .monthly"), monthly);
        // Spot, the highest AZ snapshot (SkyPilot): 0.0072 / 0.0107 / 0.0083 × 730.
        assert_eq!(text(&root, "#ec2-row-spot .monthly"), spot);
        assert!(text(&root, "#ec2-row-reserved-standard-1y-all-upfront .upfront").starts_with('$'));
    }
}

#[wasm_bindgen_test]
async fn the_finder_filters_and_picks_a_type() {
    let root = mount_panel(panel);
    settle().await;
    // The filters and the list are drawn when the finder is opened.
    assert!(root.query_selector("#ec2-finder-family").unwrap().is_none());
    open_details(&root, "#ec2-finder-box", "#ec2-finder-table").await;
    choose(&root, "ec2-finder-family", "t3");
    settle().await;
    // t3: nano to 2xlarge, seven sizes, cheapest first.
    assert!(
        text(&root, "#ec2-finder-count").starts_with("7 types match"),
        "{}",
        text(&root, "#ec2-finder-count")
    );
    assert!(text(&root, "#ec2-finder-table tbody tr").starts_with("t3.nano"));
    type_into(&root, "ec2-finder-vcpu", "4");
    settle().await;
    assert!(text(&root, "#ec2-finder-count").starts_with("2 types match"));
    type_into(&root, "ec2-finder-vcpu", "");
    settle().await;
    let use_micro: web_sys::HtmlElement = root
        .query_selector("#ec2-finder-table button[aria-label='Use t3.micro']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(text(&root, "#ec2-finder-table").contains("free tier (study notes)"));
    use_micro.click();
    settle().await;
    assert_eq!(input(&root, "ec2-instance_type").value(), "t3.micro");
    // 0.0104 × 730 = 7.592 a month; the Free Tier as taught and as today.
    assert_eq!(text(&root, "#ec2-row-on-demand .monthly"), "$7.59");
    let ft = text(&root, "#ec2-free-tier");
    assert!(
        ft.contains("750 hours") && ft.contains("15 July 2025"),
        "{ft}"
    );
}
