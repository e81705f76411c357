//! Cheaper alternatives to the chosen EC2 type: what [`awscost::ec2::alternatives`] answers for
//! the panel's workload under one purchasing option, as a table sortable by any column, each row
//! with a "Use" button that makes it the chosen type.

use crate::components::ec2::hourly;
use crate::components::fields::SelectField;
use crate::hooks::{use_ids, use_open};
use awscost::ec2::alternatives::{
    alternatives, Alternative, AlternativesAsk, ArchitectureScope, Relation,
};
use awscost::ec2::{Ec2Pricing, Ec2Workload};
use awscost::money::qty;
use awscost::{Region, Usd};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use yew::prelude::*;

const HEADING: &str = "Cheaper alternatives to this type";

#[derive(Properties, PartialEq)]
pub struct AlternativesPanelProps {
    pub pricing: &'static Ec2Pricing,
    pub region: Region,
    /// The panel's workload, as the comparison read it.
    pub workload: Ec2Workload,
    /// The options the chosen type has a rate for: `(id, label)`.
    pub options: Vec<(String, String)>,
    /// Makes a type the chosen one (the panel's type field).
    pub on_use: Callback<String>,
}

/// A sortable column of the table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Type,
    Vcpu,
    Memory,
    Hourly,
    Monthly,
    PerVcpu,
    PerGib,
}

impl Column {
    fn heading(self) -> &'static str {
        match self {
            Column::Type => "Type",
            Column::Vcpu => "vCPU",
            Column::Memory => "GiB",
            Column::Hourly => "Per hour",
            Column::Monthly => "Monthly",
            Column::PerVcpu => "Per vCPU-hour",
            Column::PerGib => "Per GiB-hour",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Column::Type => "type",
            Column::Vcpu => "vcpu",
            Column::Memory => "memory",
            Column::Hourly => "hourly",
            Column::Monthly => "monthly",
            Column::PerVcpu => "per-vcpu",
            Column::PerGib => "per-gib",
        }
    }

    /// Rows compared by this column; rows without the figure last either way.
    fn cmp(self, a: &Alternative, b: &Alternative) -> Ordering {
        let opt = |x: Option<Decimal>, y: Option<Decimal>| match (x, y) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        match self {
            Column::Type => a.instance_type.cmp(&b.instance_type),
            Column::Vcpu => a.vcpu.cmp(&b.vcpu),
            Column::Memory => a.memory_gib.cmp(&b.memory_gib),
            Column::Hourly => opt(a.hourly_usd.map(|h| h.0), b.hourly_usd.map(|h| h.0)),
            Column::Monthly => opt(a.monthly_usd.map(|u| u.0), b.monthly_usd.map(|u| u.0)),
            Column::PerVcpu => opt(a.usd_per_vcpu_hour, b.usd_per_vcpu_hour),
            Column::PerGib => opt(a.usd_per_gib_hour, b.usd_per_gib_hour),
        }
    }
}

fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Chosen => "chosen",
        Relation::CheaperFit => "cheaper fit",
        Relation::NearestLarger => "nearest larger",
        Relation::NearestSmaller => "nearest smaller",
    }
}

fn signed(d: Decimal) -> String {
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{}", qty(d))
    } else {
        qty(d)
    }
}

fn difference(r: &Alternative) -> String {
    match (r.difference_usd, r.difference_percent) {
        (Some(u), Some(p)) => {
            let sign = if u.0.is_sign_negative() && !u.0.is_zero() {
                "−"
            } else {
                "+"
            };
            format!("{sign}{} ({sign}{} %)", Usd(u.0.abs()), qty(p.abs()))
        }
        (Some(u), None) => u.to_string(),
        _ => "—".into(),
    }
}

#[function_component]
pub fn AlternativesPanel(props: &AlternativesPanelProps) -> Html {
    let ids = use_ids();
    let scope = use_state(|| ArchitectureScope::Same);
    let option = use_state(|| "on-demand".to_string());
    // (column, ascending); the engine's order (cheapest first) is Monthly ascending.
    let sort = use_state(|| (Column::Monthly, true));
    let ask = AlternativesAsk {
        architecture: *scope,
        option: (*option).clone(),
    };
    // Worked out only while open: closed, it costs a keystroke nothing.
    let (open, on_toggle) = use_open();
    let answer = use_memo(
        (props.region, props.workload.clone(), ask, open),
        |(region, w, ask, open)| open.then(|| alternatives(props.pricing, *region, w, ask)),
    );
    let id = |s: &str| ids.of(&format!("ec2-alt-{s}"));
    let on_scope = {
        let scope = scope.clone();
        Callback::from(move |v: String| {
            scope.set(ArchitectureScope::from_code(&v).unwrap_or_default())
        })
    };
    let on_option = {
        let option = option.clone();
        Callback::from(move |v: String| option.set(v))
    };
    let mut options: Vec<(AttrValue, AttrValue)> = props
        .options
        .iter()
        .map(|(i, l)| (AttrValue::from(i.clone()), AttrValue::from(l.clone())))
        .collect();
    if !props.options.iter().any(|(i, _)| *i == *option) {
        options.insert(
            0,
            (
                AttrValue::from((*option).clone()),
                AttrValue::from(format!("{} (no rate for this type)", *option)),
            ),
        );
    }
    let Some(answer) = &*answer else {
        return html! {
            <section class="explore alternatives" id={id("box")} aria-labelledby={id("heading")}>
                <details ontoggle={on_toggle}>
                    <summary id={id("open")}><h3 id={id("heading")}>{ HEADING }</h3></summary>
                </details>
            </section>
        };
    };
    let body = match answer {
        Err(errors) => html! {
            <p class="error" role="alert" id={id("error")}>
                { errors.iter().map(|e| e.message()).collect::<Vec<_>>().join(" ") }
            </p>
        },
        Ok(a) => {
            let mut rows: Vec<&Alternative> = a.rows.iter().collect();
            let (col, asc) = *sort;
            rows.sort_by(|x, y| {
                let o = col.cmp(x, y);
                if asc {
                    o
                } else {
                    o.reverse()
                }
            });
            let cheaper = a
                .rows
                .iter()
                .filter(|r| r.relation == Relation::CheaperFit)
                .count();
            let header = |c: Column| {
                let sort = sort.clone();
                let active = col == c;
                let aria = if !active {
                    "none"
                } else if asc {
                    "ascending"
                } else {
                    "descending"
                };
                let onclick = Callback::from(move |_: MouseEvent| {
                    let (cur, asc) = *sort;
                    sort.set((c, if cur == c { !asc } else { true }));
                });
                let num = c != Column::Type;
                html! {
                    <th scope="col" class={classes!(num.then_some("num"))} aria-sort={aria}>
                        <button type="button" class="sort" id={id(&format!("sort-{}", c.key()))} {onclick}>
                            { c.heading() }
                            <span class="arrow" aria-hidden="true">{ match aria { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                        </button>
                    </th>
                }
            };
            let chosen = &a.chosen;
            html! {
                <>
                <p id={id("summary")} role="status">
                    { format!("{} under {}: ", a.instance_type, a.option_label) }
                    <strong>{ chosen.monthly_usd.map(|u| format!("{u} a month")).unwrap_or_else(|| "no public rate bundled".into()) }</strong>
                    { chosen.hourly_usd.map(|h| format!(" ({} an hour)", hourly(h))).unwrap_or_default() }
                    { format!(". {} cheaper type{} with at least {} vCPU and {} GiB",
                        cheaper, if cheaper == 1 { "" } else { "s" }, a.chosen.vcpu, qty(a.chosen.memory_gib)) }
                    { match (&a.nearest_larger, &a.nearest_smaller) {
                        (Some(l), Some(s)) => format!("; nearest larger {l}, nearest smaller {s}."),
                        (Some(l), None) => format!("; nearest larger {l}."),
                        (None, Some(s)) => format!("; nearest smaller {s}."),
                        (None, None) => ".".into(),
                    } }
                </p>
                if let Some(reason) = &chosen.reason {
                    <p class="notice" id={id("chosen-reason")}>{ reason.clone() }</p>
                }
                if a.no_rate_count > 0 {
                    <p class="hint" id={id("no-rate")}>
                        { format!("{} type{} that would fit {} no public rate bundled for this option in {}: {}.",
                            a.no_rate_count, if a.no_rate_count == 1 { "" } else { "s" },
                            if a.no_rate_count == 1 { "has" } else { "have" }, props.region, a.no_rate.join(", ")) }
                    </p>
                }
                { crate::components::scroll_x("Cheaper alternatives", html! {
                <table class="alternatives" id={id("table")}>
                    <caption>{ format!("Types beside {} under {}, {} × {} h a month", a.instance_type, a.option_label, a.count, qty(a.hours_per_month)) }</caption>
                    <thead><tr>
                        { header(Column::Type) }
                        <th scope="col">{ "Relation" }</th>
                        { header(Column::Vcpu) }
                        { header(Column::Memory) }
                        <th scope="col">{ "Arch" }</th>
                        <th scope="col">{ "Network" }</th>
                        { header(Column::Hourly) }
                        { header(Column::Monthly) }
                        <th scope="col" class="num">{ "Against the chosen" }</th>
                        { header(Column::PerVcpu) }
                        { header(Column::PerGib) }
                        <th scope="col">{ "Pricing row" }</th>
                    </tr></thead>
                    <tbody>
                        { row(chosen, &props.on_use, &id) }
                        { for rows.iter().map(|r| row(r, &props.on_use, &id)) }
                    </tbody>
                </table>
                }) }
                <p class="hint">{ a.basis }</p>
                </>
            }
        }
    };
    html! {
        <section class="explore alternatives" id={id("box")} aria-labelledby={id("heading")}>
            <details open=true ontoggle={on_toggle}>
            <summary id={id("open")}><h3 id={id("heading")}>{ HEADING }</h3></summary>
            <div class="inputs">
                <SelectField id={id("architecture")} label="Architecture of the alternatives"
                    options={vec![
                        (AttrValue::Static("same"), AttrValue::Static("Same architecture")),
                        (AttrValue::Static("any"), AttrValue::Static("Any architecture (x86_64 and arm64)")),
                    ]}
                    value={AttrValue::Static(scope.code())} on_change={on_scope} />
                <SelectField id={id("option")} label="Priced as" options={options}
                    value={AttrValue::from((*option).clone())} on_change={on_option} />
            </div>
            { body }
            </details>
        </section>
    }
}

fn row(r: &Alternative, on_use: &Callback<String>, id: &dyn Fn(&str) -> AttrValue) -> Html {
    let chosen = r.relation == Relation::Chosen;
    let onclick = {
        let cb = on_use.clone();
        let name = r.instance_type.clone();
        Callback::from(move |_: MouseEvent| cb.emit(name.clone()))
    };
    let key = r.instance_type.replace('.', "-");
    html! {
        <tr id={id(&format!("row-{key}"))} class={classes!(relation(r.relation).replace(' ', "-"))} data-type={r.instance_type.clone()}>
            <th scope="row">
                if chosen {
                    <span class="type">{ &r.instance_type }</span>
                } else {
                    <button type="button" class="use" id={id(&format!("use-{key}"))} {onclick}
                        aria-label={format!("Use {} (from the alternatives)", r.instance_type)}>{ format!("Use {}", r.instance_type) }</button>
                }
            </th>
            <td class="relation">{ relation(r.relation) }</td>
            <td class="num">{ r.vcpu }{ if chosen { String::new() } else { format!(" ({})", signed(Decimal::from(r.vcpu_difference))) } }</td>
            <td class="num">{ qty(r.memory_gib) }{ if chosen { String::new() } else { format!(" ({})", signed(r.memory_gib_difference)) } }</td>
            <td>{ r.architecture.code() }</td>
            <td>{ &r.network }</td>
            <td class="num hourly">{ r.hourly_usd.map(hourly).unwrap_or_else(|| "no public rate bundled".into()) }</td>
            <td class="num monthly">{ r.monthly_usd.map(|u| u.to_string()).unwrap_or_else(|| "—".into()) }</td>
            <td class="num difference">{ if chosen { "—".to_string() } else { difference(r) } }</td>
            <td class="num">{ r.usd_per_vcpu_hour.map(|d| format!("${}", d.normalize())).unwrap_or_else(|| "—".into()) }</td>
            <td class="num">{ r.usd_per_gib_hour.map(|d| format!("${}", d.normalize())).unwrap_or_else(|| "—".into()) }</td>
            <td class="source">
                if let Some(s) = &r.source {
                    <details>
                        <summary>{ format!("{} ({})", s.row, s.as_of) }</summary>
                        <ul>{ for r.lines.iter().map(|l| html! { <li>{ l.said() }<br /><small>{ &l.formula }</small></li> }) }</ul>
                        <a href={s.url.clone()} target="_blank" rel="noopener noreferrer"
                            aria-label={format!("source: {}", s.row)}>{ "source" }</a>
                    </details>
                } else {
                    { r.reason.clone().unwrap_or_default() }
                }
            </td>
        </tr>
    }
}
