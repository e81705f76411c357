//! Spot with interruptions, worked by hand from `pricing/ec2.json` (us-east-1): m5.large Spot
//! snapshots $0.0291 to $0.0373 over 5 AZs (row `spot m5.large`, priced at the highest,
//! $0.0373), On-Demand $0.096, Reserved Instance Standard 1-year All Upfront $494, 3-year $949.

use super::*;
use crate::ec2::{Ec2Pricing, Ec2Workload};
use proptest::prelude::*;

fn pricing() -> &'static Ec2Pricing {
    crate::catalog::ec2().expect("bundled EC2 pricing")
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn m5(years: u32) -> Ec2Workload {
    Ec2Workload {
        instance_type: "m5.large".into(),
        horizon_years: Decimal::from(years),
        ..Ec2Workload::default()
    }
}

fn rate(per_day: &str, checkpoint: &str, restart: &str) -> InterruptionAsk {
    InterruptionAsk {
        interruptions_per_day: Some(d(per_day)),
        band: None,
        checkpoint_minutes: d(checkpoint),
        restart_minutes: d(restart),
    }
}

fn r4(x: Decimal) -> Decimal {
    x.round_dp(4)
}

/// One interruption a day, checkpoints every 60 minutes, 6 minutes to restart: each loses
/// 30 + 6 = 36 minutes = 0.6 h. 730 h ÷ 24 h × 1 = 30.41667 interruptions a month × 0.6 h =
/// 18.25 h run again. Spot: 0.0373 × 730 = $27.229; with the re-run 0.0373 × 748.25 =
/// $27.909725. On-Demand 0.096 × 730 = $70.08. Spot reaches it at
/// 24 × (70.08 − 27.229) ÷ (27.229 × 0.6) = 1028.424 ÷ 16.3374 = 62.9491 a day. Over 3 years the
/// best commitment, the Standard 3-year All Upfront RI, is 949 ÷ 36 = $26.36 a month: below
/// Spot with no interruptions at all, so the crossing is at 0.
#[test]
fn m5_large_one_interruption_a_day() {
    let s = spot_interruptions(pricing(), Region::UsEast1, &m5(3), &rate("1", "60", "6")).unwrap();
    assert_eq!(s.spot_rate, Some(d("0.0373")));
    assert_eq!(s.lost_hours_per_interruption, d("0.6"));
    assert_eq!(r4(s.interruptions_per_month), d("30.4167"));
    assert_eq!(r4(s.rerun_hours_per_month), d("18.25"));
    assert_eq!(s.spot_monthly_usd, Some(Usd(d("27.229"))));
    assert_eq!(s.effective_monthly_usd.unwrap().cents(), d("27.91"));
    assert_eq!(
        r4(s.lines.iter().map(|l| l.exact_usd).sum::<Decimal>()),
        d("27.9097")
    );
    assert_eq!(s.on_demand.as_ref().unwrap().monthly_usd, Usd(d("70.08")));
    let od = s.crosses_on_demand.as_ref().unwrap();
    assert_eq!(r4(od.interruptions_per_day.unwrap()), d("62.9491"));
    let best = s.best_commitment.as_ref().unwrap();
    assert_eq!(best.id, "reserved-standard-3y-all-upfront");
    assert_eq!(best.monthly_usd.cents(), d("26.36"));
    let c = s.crosses_commitment.as_ref().unwrap();
    assert_eq!(c.interruptions_per_day, Some(Decimal::ZERO));
    assert!(c.note.contains("already"));
    assert!(s.lines[0]
        .source
        .row
        .contains("spot m5.large (highest of 5 AZ snapshots)"));
    assert!(s
        .spot_rate_basis
        .as_deref()
        .unwrap()
        .contains("$0.0291 to $0.0373"));
}

/// Over 1 year the best commitment is the Standard 1-year All Upfront RI, 494 ÷ 12 = $41.17 a
/// month; Spot reaches it at 24 × (41.1667 − 27.229) ÷ (27.229 × 0.6) = 20.4747 a day.
#[test]
fn m5_large_one_year_crosses_the_commitment() {
    let s = spot_interruptions(pricing(), Region::UsEast1, &m5(1), &rate("0", "60", "6")).unwrap();
    let best = s.best_commitment.as_ref().unwrap();
    assert_eq!(best.id, "reserved-standard-1y-all-upfront");
    let c = s.crosses_commitment.as_ref().unwrap();
    assert_eq!(r4(c.interruptions_per_day.unwrap()), d("20.4747"));
    // At the crossing Spot's month is the commitment's.
    let at = c.interruptions_per_day.unwrap();
    let again = spot_interruptions(
        pricing(),
        Region::UsEast1,
        &m5(1),
        &rate(&at.round_dp(6).to_string(), "60", "6"),
    )
    .unwrap();
    assert_eq!(
        again.effective_monthly_usd.unwrap().cents(),
        best.monthly_usd.cents()
    );
    // The chart covers the crossings.
    assert!(s.points.iter().any(|p| p.interruptions_per_day == at));
    assert!(
        s.points.last().unwrap().interruptions_per_day
            > s.crosses_on_demand
                .as_ref()
                .unwrap()
                .interruptions_per_day
                .unwrap()
    );
}

/// The band `<5%` is read as 5 % of instances interrupted in a 730-hour month:
/// 0.05 ÷ (730 ÷ 24) = 0.0016438 a day; an always-on instance is interrupted 0.05 times a month,
/// × 0.6 h = 0.03 h run again × $0.0373 = $0.001119: $27.230119.
#[test]
fn a_band_preset() {
    let s = spot_interruptions(
        pricing(),
        Region::UsEast1,
        &m5(3),
        &InterruptionAsk {
            interruptions_per_day: None,
            band: Some(InterruptionBand::Under5),
            checkpoint_minutes: d("60"),
            restart_minutes: d("6"),
        },
    )
    .unwrap();
    assert_eq!(s.interruptions_per_day.round_dp(7), d("0.0016438"));
    assert_eq!(s.interruptions_per_month.round_dp(10), d("0.05"));
    assert_eq!(
        s.effective_monthly_usd.unwrap().0.round_dp(10),
        d("27.230119")
    );
    assert!(s.rate_basis.contains("upper bound"));
    let over = InterruptionBand::Over20;
    assert_eq!(over.percent(), Decimal::from(20));
    assert_eq!(s.bands.len(), 5);
}

/// No work lost (checkpointing continuously, instant restart): Spot never reaches On-Demand.
#[test]
fn nothing_lost_never_crosses() {
    let s = spot_interruptions(pricing(), Region::UsEast1, &m5(1), &rate("5", "0", "0")).unwrap();
    let od = s.crosses_on_demand.unwrap();
    assert_eq!(od.interruptions_per_day, None);
    assert!(od.note.contains("never"));
    assert_eq!(s.effective_monthly_usd, s.spot_monthly_usd);
}

/// t2.nano has no Spot rate bundled in us-east-1: said so, no figures invented.
#[test]
fn no_spot_rate_is_said_not_guessed() {
    let w = Ec2Workload {
        instance_type: "t2.nano".into(),
        ..Ec2Workload::default()
    };
    let s = spot_interruptions(pricing(), Region::UsEast1, &w, &rate("1", "30", "5")).unwrap();
    assert!(s
        .reason
        .as_deref()
        .unwrap()
        .contains("No public rate bundled"));
    assert_eq!(s.spot_rate, None);
    assert_eq!(s.effective_monthly_usd, None);
    assert!(s.points.is_empty() && s.lines.is_empty());
    assert!(s.crosses_on_demand.is_none());
}

/// The widget's form, given the comparison on screen, answers the same.
#[test]
fn of_a_comparison_answers_the_same() {
    let w = m5(1);
    let ask = rate("2.5", "45", "3");
    let r = crate::ec2::compare(pricing(), Region::UsEast1, &w).unwrap();
    assert_eq!(
        spot_interruptions_of(pricing(), Region::UsEast1, &r, &ask),
        spot_interruptions(pricing(), Region::UsEast1, &w, &ask)
    );
    let bad = rate("-1", "45", "3");
    assert_eq!(
        spot_interruptions_of(pricing(), Region::UsEast1, &r, &bad).unwrap_err()[0].field,
        "spot_interruptions.interruptions_per_day"
    );
}

#[test]
fn inputs_are_checked_by_name() {
    let bad = InterruptionAsk {
        interruptions_per_day: Some(d("25")),
        band: None,
        checkpoint_minutes: d("-1"),
        restart_minutes: d("2000"),
    };
    let e = spot_interruptions(pricing(), Region::UsEast1, &m5(1), &bad).unwrap_err();
    let precise = rate("0.0000001", "0.0001", "1");
    let p = spot_interruptions(pricing(), Region::UsEast1, &m5(1), &precise).unwrap_err();
    let fields: Vec<&str> = p.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "spot_interruptions.interruptions_per_day",
            "spot_interruptions.checkpoint_minutes"
        ]
    );
    let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "spot_interruptions.interruptions_per_day",
            "spot_interruptions.checkpoint_minutes",
            "spot_interruptions.restart_minutes"
        ]
    );
    let both = InterruptionAsk {
        band: Some(InterruptionBand::Over20),
        ..rate("1", "1", "1")
    };
    let e = spot_interruptions(pricing(), Region::UsEast1, &m5(1), &both).unwrap_err();
    assert_eq!(e[0].field, "spot_interruptions.band");
    let neither = InterruptionAsk {
        interruptions_per_day: None,
        ..rate("1", "1", "1")
    };
    let e = spot_interruptions(pricing(), Region::UsEast1, &m5(1), &neither).unwrap_err();
    assert_eq!(e[0].field, "spot_interruptions.interruptions_per_day");
}

/// The smallest workload and loss the inputs allow, against the dearest On-Demand: no overflow,
/// and a crossing beyond the chart's range is reported but not drawn.
#[test]
fn extremes_stay_within_reach() {
    let p = pricing();
    // Every fifth type: the comparison each runs is slow in a debug build.
    for t in p.instance_types.types.iter().step_by(5) {
        let w = Ec2Workload {
            instance_type: t.name.clone(),
            hours_per_month: Some(d("0.001")),
            count: Decimal::from(100_000),
            interruption_tolerant: true,
            ..Ec2Workload::default()
        };
        for (per_day, ck, rs) in [
            ("24", "0.001", "0"),
            ("0", "10080", "1440"),
            ("0.000001", "0", "0.001"),
        ] {
            let Ok(s) = spot_interruptions(p, Region::UsEast1, &w, &rate(per_day, ck, rs)) else {
                continue;
            };
            let top = s.points.last().map(|p| p.interruptions_per_day);
            assert!(top.is_none_or(|t| t <= Decimal::from(CHART_MAX_PER_DAY) * d("1.25")));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Spot's effective month never falls as the rate rises, and at 0 it is the Spot option's.
    #[test]
    fn effective_cost_grows_with_the_rate(
        t in 0..166usize,
        milli in 0u32..24_000,
        checkpoint in 0u32..600,
        restart in 0u32..120,
        hours in 0u32..=744,
        count in 1u32..20,
        r in 0..Region::ALL.len(),
    ) {
        let p = pricing();
        let region = Region::ALL[r];
        let it = &p.instance_types.types[t % p.instance_types.types.len()];
        let w = Ec2Workload {
            instance_type: it.name.clone(),
            count: Decimal::from(count),
            hours_per_month: Some(Decimal::from(hours)),
            interruption_tolerant: true,
            ..Ec2Workload::default()
        };
        let ask = InterruptionAsk {
            interruptions_per_day: Some(Decimal::new(i64::from(milli), 3)),
            band: None,
            checkpoint_minutes: Decimal::from(checkpoint),
            restart_minutes: Decimal::from(restart),
        };
        let Ok(s) = spot_interruptions(p, region, &w, &ask) else {
            return Ok(());
        };
        prop_assert!(s.points.windows(2).all(|w| w[0].effective_monthly_usd <= w[1].effective_monthly_usd));
        prop_assert!(s.points.windows(2).all(|w| w[0].interruptions_per_day < w[1].interruptions_per_day));
        if let Some(first) = s.points.first() {
            prop_assert_eq!(first.interruptions_per_day, Decimal::ZERO);
            let c = crate::ec2::compare(p, region, &w).unwrap();
            let spot = c.options.iter().find(|o| o.id == "spot").unwrap();
            prop_assert_eq!(Some(first.effective_monthly_usd), spot.amortised_monthly_usd);
            prop_assert!(s.effective_monthly_usd >= s.spot_monthly_usd);
        }
    }
}
