//! Lambda ↔ EC2: at the bottom of the Lambda panel, the invocations a month above which an
//! always-on EC2 fleet costs less than the function, as [`awscost::explore::lambda_to_ec2`]
//! answers it: a sentence, both costs now, a chart (log invocation axis, the crossover and the
//! workload's own count marked), the table behind it and the working.
//!
//! The type, option, headroom and added cost are the component's own state (not in the link).

/// The explorer's own inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Inputs {
    instance_type: String,
    option: String,
    headroom_percent: String,
    extra_monthly_usd: String,
}

const HEADROOM: &str = "lambda_to_ec2.headroom_percent";
const EXTRA: &str = "lambda_to_ec2.extra_monthly_usd";

use crate::components::chart::{c, cents, usd_tick};
use crate::components::fields::{NumberField, SelectField};
use crate::components::working::LineItems;
use crate::hooks::{error_for, use_ids, use_open, Ids};
use crate::state::{Form, LambdaForm};
use awscost::explore::lambda_to_ec2::{
    lambda_to_ec2, Cheaper, CostPoint, LambdaToEc2, LambdaToEc2Ask,
};
use awscost::money::qty;
use awscost::{FieldError, Region};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LambdaToEc2Props {
    pub region: Region,
    /// The Lambda panel's inputs: the function weighed.
    pub form: LambdaForm,
}

/// The answer for the panel's function, or why there is none.
fn answer(
    region: Region,
    form: &LambdaForm,
    i: &Inputs,
) -> Result<Rc<LambdaToEc2>, Vec<FieldError>> {
    let mut errors = vec![];
    let mut number = |text: &str, field: &str| {
        if text.trim().is_empty() {
            return None;
        }
        awscost::money::read_number(text)
            .map_err(|p| errors.push(FieldError::new(field, p)))
            .ok()
    };
    let headroom_percent = number(&i.headroom_percent, HEADROOM);
    let extra_monthly_usd = number(&i.extra_monthly_usd, EXTRA);
    if !errors.is_empty() {
        return Err(errors);
    }
    let w = form.workload()?;
    let bad = |errs: &[awscost::pricing::PricingError]| {
        vec![FieldError::new(
            "",
            awscost::Problem::Malformed(format!(
                "The bundled pricing tables are invalid ({}).",
                errs.first().map(ToString::to_string).unwrap_or_default()
            )),
        )]
    };
    let lambda = awscost::catalog::lambda().map_err(bad)?;
    let ec2 = awscost::catalog::ec2().map_err(bad)?;
    let ask = LambdaToEc2Ask {
        instance_type: (!i.instance_type.is_empty()).then(|| i.instance_type.clone()),
        option: (!i.option.is_empty()).then(|| i.option.clone()),
        headroom_percent,
        extra_monthly_usd,
    };
    lambda_to_ec2(lambda, ec2, region, &w, &ask).map(Rc::new)
}

/// The catalog types offered in the region, as `(name, "name: N vCPU, M GiB, arch")`.
fn type_options(region: Region) -> Vec<(AttrValue, AttrValue)> {
    let Ok(ec2) = awscost::catalog::ec2() else {
        return vec![];
    };
    let Some(tables) = ec2.region(region) else {
        return vec![];
    };
    ec2.instance_types
        .types
        .iter()
        .filter(|t| tables.offers(&t.name))
        .map(|t| {
            (
                AttrValue::from(t.name.clone()),
                AttrValue::from(format!(
                    "{}: {} vCPU, {} GiB, {}",
                    t.name,
                    t.vcpu,
                    qty(t.memory_gib),
                    t.architecture.code()
                )),
            )
        })
        .collect()
}

#[function_component]
pub fn LambdaToEc2Explorer(props: &LambdaToEc2Props) -> Html {
    let ids = use_ids();
    let inputs = use_state(Inputs::default);
    // Worked out only while open (a search over the invocation counts): closed, it costs a
    // keystroke in the Lambda panel nothing.
    let (open, on_toggle) = use_open();
    let result = use_memo(
        (props.region, props.form.clone(), (*inputs).clone(), open),
        |(region, form, i, open)| open.then(|| answer(*region, form, i)),
    );
    let Some(result) = &*result else {
        return html! {
            <section class="explore lambda-to-ec2 wide" id={ids.of("l2e")} aria-labelledby={ids.of("l2e-heading")}>
                <details ontoggle={on_toggle}>
                    <summary id={ids.of("l2e-open")}><h3 id={ids.of("l2e-heading")}>{ "When would EC2 cost less?" }</h3></summary>
                </details>
            </section>
        };
    };
    let types = type_options(props.region);

    let change = |f: fn(&mut Inputs, String)| {
        let inputs = inputs.clone();
        Callback::from(move |v: String| {
            let mut next = (*inputs).clone();
            f(&mut next, v);
            inputs.set(next);
        })
    };
    let on_type = change(|i, v| {
        // Another type has its own options: back to its cheapest suitable one.
        i.option.clear();
        i.instance_type = v;
    });
    let on_option = change(|i, v| i.option = v);
    let on_headroom = change(|i, v| i.headroom_percent = v);
    let on_extra = change(|i, v| i.extra_monthly_usd = v);
    let field_errors: Vec<FieldError> = match result {
        Err(errors) => errors.clone(),
        Ok(_) => vec![],
    };

    let body = match result {
        Err(errors)
            if errors
                .iter()
                .any(|e| e.field == HEADROOM || e.field == EXTRA) =>
        {
            html! {
                <p class="notice" role="status">{ "Fix the highlighted field to see where EC2 would cost less." }</p>
            }
        }
        Err(errors) if errors.iter().any(|e| e.field.starts_with("lambda_to_ec2")) => html! {
            { for errors.iter().map(|e| html! { <p class="error" role="alert">{ e.message() }</p> }) }
        },
        Err(_) => html! {
            <p class="notice" role="status">{ "Fix the Lambda fields above to see where EC2 would cost less." }</p>
        },
        Ok(r) => findings(r, &ids),
    };
    let (type_label, option_choices) = match result {
        Ok(r) => (
            format!("Smallest that fits ({})", r.instance_type),
            r.option_choices
                .iter()
                .map(|o| {
                    (
                        AttrValue::from(o.id.clone()),
                        AttrValue::from(format!("{}: {} a month", o.label, o.instance_monthly_usd)),
                    )
                })
                .collect(),
        ),
        Err(_) => ("Smallest that fits".to_string(), vec![]),
    };
    let cheapest_label = match result {
        Ok(r) if inputs.option.is_empty() => format!("Cheapest suitable ({})", r.option_label),
        _ => "Cheapest suitable".to_string(),
    };
    let mut type_choices = vec![(AttrValue::from(""), AttrValue::from(type_label))];
    type_choices.extend(types.iter().cloned());
    let mut option_list = vec![(AttrValue::from(""), AttrValue::from(cheapest_label))];
    option_list.extend(option_choices);

    html! {
        <section class="explore lambda-to-ec2 wide" id={ids.of("l2e")} aria-labelledby={ids.of("l2e-heading")}>
            <details open=true ontoggle={on_toggle}>
            <summary id={ids.of("l2e-open")}><h3 id={ids.of("l2e-heading")}>{ "When would EC2 cost less?" }</h3></summary>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <SelectField id={ids.of("l2e-instance_type")} label="EC2 instance type"
                    options={type_choices} value={AttrValue::from(inputs.instance_type.clone())} on_change={on_type} />
                <SelectField id={ids.of("l2e-option")} label="EC2 purchasing option"
                    options={option_list} value={AttrValue::from(inputs.option.clone())} on_change={on_option} />
                <NumberField id={ids.of("l2e-headroom_percent")} label="Headroom over the average concurrency" unit="%"
                    hint={AttrValue::from("0 – 900; 0 = no allowance for peaks")}
                    value={AttrValue::from(inputs.headroom_percent.clone())}
                    error={error_for(&field_errors, HEADROOM)} on_input={on_headroom} />
                <NumberField id={ids.of("l2e-extra_monthly_usd")} label="Added to EC2's month (e.g. a load balancer)" unit="USD"
                    hint={AttrValue::from("Optional; nothing else is counted for EC2")}
                    value={AttrValue::from(inputs.extra_monthly_usd.clone())}
                    error={error_for(&field_errors, EXTRA)} on_input={on_extra} />
            </form>
            <div class="l2e-results" aria-live="polite">{ body }</div>
            </details>
        </section>
    }
}

/// A count of invocations for an axis: `3M`, `50K`, `1.5B`.
fn short(n: u64) -> String {
    let (div, unit) = match n {
        n if n >= 1_000_000_000 => (1_000_000_000, "B"),
        n if n >= 1_000_000 => (1_000_000, "M"),
        n if n >= 1_000 => (1_000, "K"),
        _ => (1, ""),
    };
    let tenths = n / (div / 10).max(1);
    if div == 1 || tenths % 10 == 0 {
        format!("{}{unit}", n / div)
    } else {
        format!("{}.{}{unit}", tenths / 10, tenths % 10)
    }
}

fn findings(r: &LambdaToEc2, ids: &Ids) -> Html {
    let fleet = |p: &CostPoint| {
        if p.instances == 1 {
            format!("1 × {}", r.instance_type)
        } else {
            format!("{} × {}", qty(p.instances.into()), r.instance_type)
        }
    };
    let cheaper = |p: &CostPoint| match p.cheaper {
        Cheaper::Lambda => "Lambda costs less",
        Cheaper::Ec2 => "EC2 costs less",
        Cheaper::Same => "They cost the same",
    };
    let now = &r.now;
    html! {
        <>
        <p class="answer" id={ids.of("l2e-answer")}>{ &r.answer }</p>
        <div class="cards">
            <div class="card crossover">
                <h4>{ "Crossover" }</h4>
                <p class="figure" id={ids.of("l2e-crossover")}>{ match &r.crossover {
                    Some(c) => format!("{} invocations a month", qty(c.invocations_per_month.into())),
                    None => "None below the quota".to_string(),
                } }</p>
                if let Some(c) = &r.crossover {
                    <p id={ids.of("l2e-crossover-instances")}>{ format!("{} ({}): {} against Lambda's {}", fleet(c), r.option_label, c.ec2_monthly_usd, c.lambda_monthly_usd) }</p>
                } else {
                    <p>{ format!("Searched up to {} invocations a month", qty(r.search_max_invocations.into())) }</p>
                }
            </div>
            <div class="card now">
                <h4>{ format!("Now: {} invocations", qty(now.invocations_per_month.into())) }</h4>
                <p class="figure" id={ids.of("l2e-now")}>{ cheaper(now) }</p>
                <p>{ "Lambda " }<span id={ids.of("l2e-now-lambda")}>{ now.lambda_monthly_usd.to_string() }</span>
                    { "; EC2 " }<span id={ids.of("l2e-now-ec2")}>{ now.ec2_monthly_usd.to_string() }</span>
                    { format!(" a month, ") }<span id={ids.of("l2e-now-instances")}>{ fleet(now) }</span>
                    { format!(" ({} concurrent requests on average)", qty(now.concurrency)) }</p>
            </div>
        </div>
        { chart(r, ids) }
        <LineItems lines={r.lambda_lines.clone()} total={awscost::report::total(&r.lambda_lines)}
            caption={AttrValue::from(format!("Lambda at {} invocations a month", qty(r.working_invocations.into())))} />
        <LineItems lines={r.ec2_lines.clone()} total={awscost::report::total(&r.ec2_lines)}
            caption={AttrValue::from(format!("EC2 at {} invocations a month", qty(r.working_invocations.into())))} />
        <details class="assumptions">
            <summary>{ "What this assumes" }</summary>
            <ul id={ids.of("l2e-assumptions")}>{ for r.assumptions.iter().map(|a| html! { <li>{ a }</li> }) }</ul>
        </details>
        </>
    }
}

const LEFT: f64 = 64.0;
const RIGHT: f64 = 600.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 224.0;

fn chart(r: &LambdaToEc2, ids: &Ids) -> Html {
    let pts: Vec<&CostPoint> = r
        .points
        .iter()
        .filter(|p| p.invocations_per_month > 0)
        .collect();
    let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
        return html! {};
    };
    let lo = (first.invocations_per_month as f64).log10().floor();
    let hi = (last.invocations_per_month as f64)
        .log10()
        .ceil()
        .max(lo + 1.0);
    let x = |n: u64| LEFT + ((n.max(1) as f64).log10() - lo) / (hi - lo) * (RIGHT - LEFT);
    let dollars = |u: awscost::Usd| cents(u) / 100.0;
    let max = pts
        .iter()
        .map(|p| dollars(p.lambda_monthly_usd).max(dollars(p.ec2_monthly_usd)))
        .fold(0.0, f64::max)
        * 1.1;
    let y = |v: f64| {
        if max <= 0.0 {
            BOTTOM
        } else {
            BOTTOM - v / max * (BOTTOM - TOP)
        }
    };
    let line = |f: &dyn Fn(&CostPoint) -> awscost::Usd| {
        pts.iter()
            .map(|p| format!("{},{}", c(x(p.invocations_per_month)), c(y(dollars(f(p))))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let lambda_path = line(&|p| p.lambda_monthly_usd);
    let ec2_path = line(&|p| p.ec2_monthly_usd);
    let decades: Vec<u64> = (lo as u32..=hi as u32)
        .map(|e| 10u64.saturating_pow(e))
        .collect();
    let marker = |p: &CostPoint, class: &'static str, label: String| {
        html! {
            <g class={classes!("marker", class)}>
                <circle cx={c(x(p.invocations_per_month))} cy={c(y(dollars(p.lambda_monthly_usd)))} r="5">
                    <title>{ label }</title>
                </circle>
            </g>
        }
    };
    let desc = match &r.crossover {
        Some(cr) => format!(
            "EC2 first costs less at {} invocations a month ({} against {}); now, at {}, Lambda {} and EC2 {}.",
            qty(cr.invocations_per_month.into()),
            cr.ec2_monthly_usd,
            cr.lambda_monthly_usd,
            qty(r.now.invocations_per_month.into()),
            r.now.lambda_monthly_usd,
            r.now.ec2_monthly_usd
        ),
        None => format!(
            "EC2 never costs less up to {} invocations a month; now, at {}, Lambda {} and EC2 {}.",
            qty(r.search_max_invocations.into()),
            qty(r.now.invocations_per_month.into()),
            r.now.lambda_monthly_usd,
            r.now.ec2_monthly_usd
        ),
    };
    html! {
        <figure class="chart ec2-chart l2e-chart">
            <svg viewBox="0 0 640 270" role="img" aria-labelledby={ids.list(&["l2e-chart-title", "l2e-chart-desc"])}>
                <title id={ids.of("l2e-chart-title")}>{ format!("Lambda and {} ({}) monthly cost against invocations a month", r.instance_type, r.option_label) }</title>
                <desc id={ids.of("l2e-chart-desc")}>{ desc }</desc>
                <line class="axis" x1={c(LEFT)} y1={c(BOTTOM)} x2={c(RIGHT)} y2={c(BOTTOM)} />
                <line class="axis" x1={c(LEFT)} y1={c(TOP)} x2={c(LEFT)} y2={c(BOTTOM)} />
                { for decades.iter().map(|&n| html! {
                    <text class="tick" x={c(x(n))} y={c(BOTTOM + 16.0)} text-anchor="middle">{ short(n) }</text>
                }) }
                { for [0.0, 0.5, 1.0].iter().map(|&f| html! {
                    <text class="tick" x={c(LEFT - 6.0)} y={c(y(f * max) + 4.0)} text-anchor="end">{ usd_tick(f * max) }</text>
                }) }
                <text class="axis-label" x={c((LEFT + RIGHT) / 2.0)} y="264" text-anchor="middle">{ "Invocations a month (log scale)" }</text>
                <polyline class="series s0 lambda" points={lambda_path} />
                <polyline class="series s1 ec2" points={ec2_path} />
                { marker(&r.now, "requested", format!("Now: {} invocations, Lambda {}, EC2 {}", qty(r.now.invocations_per_month.into()), r.now.lambda_monthly_usd, r.now.ec2_monthly_usd)) }
                if let Some(cr) = &r.crossover {
                    { marker(cr, "cheapest", format!("Crossover: {} invocations, EC2 {}, Lambda {}", qty(cr.invocations_per_month.into()), cr.ec2_monthly_usd, cr.lambda_monthly_usd)) }
                }
            </svg>
            <figcaption>
                <span class="key s0">{ "— Lambda" }</span>
                <span class="key s1">{ format!("- - EC2: {} ({})", r.instance_type, r.option_label) }</span>
                <span class="key cheapest">{ "● crossover" }</span>
                <span class="key requested">{ "● now" }</span>
            </figcaption>
            <details>
                <summary>{ "Chart data as a table (Lambda ↔ EC2)" }</summary>
                <div class="wide" tabindex="0" role="region" aria-label="Lambda and EC2 costs by invocations a month">
                <table class="l2e-points" id={ids.of("l2e-table")}>
                    <thead><tr>
                        <th scope="col" class="num">{ "Invocations a month" }</th>
                        <th scope="col" class="num">{ "Concurrency" }</th>
                        <th scope="col" class="num">{ "Instances" }</th>
                        <th scope="col" class="num">{ "Lambda" }</th>
                        <th scope="col" class="num">{ "EC2" }</th>
                        <th scope="col">{ "Cheaper" }</th>
                    </tr></thead>
                    <tbody>
                        { for r.points.iter().map(|p| {
                            let mut note = p.cheaper.name().to_string();
                            if r.crossover.as_ref().is_some_and(|c| c.invocations_per_month == p.invocations_per_month) {
                                note += " (crossover)";
                            }
                            if p.invocations_per_month == r.now.invocations_per_month {
                                note += " (now)";
                            }
                            html! { <tr>
                                <th scope="row" class="num">{ qty(p.invocations_per_month.into()) }</th>
                                <td class="num">{ qty(p.concurrency) }</td>
                                <td class="num">{ p.instances }</td>
                                <td class="num">{ p.lambda_monthly_usd.to_string() }</td>
                                <td class="num">{ p.ec2_monthly_usd.to_string() }</td>
                                <td>{ note }</td>
                            </tr> }
                        }) }
                    </tbody>
                </table>
                </div>
            </details>
        </figure>
    }
}
