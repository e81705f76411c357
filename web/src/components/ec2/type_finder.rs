//! Finds an EC2 instance type by name, family, architecture, vCPU and memory, cheapest first,
//! with each type's specs and On-Demand rate in the region; "Use" puts it in the type field.

use super::hourly;
use crate::hooks::{use_ids, use_open};
use awscost::ec2::{Architecture, Ec2Pricing, HourlyUsd, InstanceType, STUDY_FREE_TIER};
use awscost::money::qty;
use awscost::Region;
use rust_decimal::Decimal;
use yew::prelude::*;

/// The most rows listed at once; narrower filters list the rest.
const SHOWN: usize = 30;

#[derive(Properties)]
pub struct TypeFinderProps {
    /// The bundled tables (static: compared by address, below).
    pub pricing: &'static Ec2Pricing,
    pub region: Region,
    /// The type in the field now.
    pub chosen: AttrValue,
    pub on_pick: Callback<String>,
}

impl PartialEq for TypeFinderProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.pricing, other.pricing)
            && self.region == other.region
            && self.chosen == other.chosen
            && self.on_pick == other.on_pick
    }
}

/// What the finder lists: typed by the person, never part of the workload or the link.
#[derive(Clone, Default, PartialEq)]
struct Filters {
    text: String,
    family: String,
    arch: String,
    min_vcpu: String,
    min_gib: String,
}

impl Filters {
    fn keeps(&self, t: &InstanceType) -> bool {
        let at_least = |s: &str, v: Decimal| s.trim().parse::<Decimal>().map_or(true, |m| v >= m);
        t.name
            .contains(self.text.trim().to_ascii_lowercase().as_str())
            && (self.family.is_empty() || t.family() == self.family)
            && (self.arch.is_empty() || arch(t.architecture) == self.arch)
            && at_least(&self.min_vcpu, Decimal::from(t.vcpu))
            && at_least(&self.min_gib, t.memory_gib)
    }
}

fn arch(a: Architecture) -> &'static str {
    match a {
        Architecture::X86_64 => "x86_64",
        Architecture::Arm64 => "arm64",
    }
}

#[function_component]
pub fn TypeFinder(props: &TypeFinderProps) -> Html {
    let ids = use_ids();
    let filters = use_state(Filters::default);
    // The filters and the list are drawn only while the finder is open.
    let (open, on_toggle) = use_open();
    let id = |s: &str| ids.of(&format!("ec2-finder-{s}"));
    let summary = html! {
        <summary>{ "Find a type: family, architecture, vCPU, memory, price" }</summary>
    };
    if !open {
        return html! {
            <details class="type-finder" id={id("box")} ontoggle={on_toggle}>{ summary }</details>
        };
    }
    let set = |f: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*filters).clone();
            f(&mut next, el.value());
            filters.set(next);
        })
    };
    let typed = |f: fn(&mut Filters, String)| {
        let filters = filters.clone();
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = (*filters).clone();
            f(&mut next, el.value());
            filters.set(next);
        })
    };
    let p = props.pricing;
    let tables = p.region(props.region);
    let rate = |name: &str| tables.and_then(|t| t.on_demand(name)).map(|(_, r)| r);
    let mut families: Vec<&str> = p.instance_types.types.iter().map(|t| t.family()).collect();
    families.sort_unstable();
    families.dedup();
    // Offered in the region and kept by the filters, cheapest first (unpriced last).
    let mut rows: Vec<(&InstanceType, Option<Decimal>)> = p
        .instance_types
        .types
        .iter()
        .filter(|t| filters.keeps(t))
        .filter_map(|t| rate(&t.name).map(|r| (t, r)))
        .collect();
    rows.sort_by_key(|(t, r)| (r.is_none(), *r, t.vcpu));
    let count = rows.len();
    html! {
        <details class="type-finder" id={id("box")} open=true ontoggle={on_toggle}>
            { summary }
            <div class="filters">
                <div class="field">
                    <label for={id("text")}>{ "Name contains" }</label>
                    <input id={id("text")} type="search" autocomplete="off" spellcheck="false"
                        value={filters.text.clone()} oninput={typed(|f, v| f.text = v)} />
                </div>
                <div class="field">
                    <label for={id("family")}>{ "Family" }</label>
                    <select id={id("family")} onchange={set(|f, v| f.family = v)}>
                        <option value="" selected={filters.family.is_empty()}>{ "Any" }</option>
                        { for families.iter().map(|f| html! {
                            <option value={f.to_string()} selected={filters.family == *f}>{ *f }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={id("arch")}>{ "Architecture" }</label>
                    <select id={id("arch")} onchange={set(|f, v| f.arch = v)}>
                        { for [("", "Any"), ("x86_64", "x86_64 (Intel, AMD)"), ("arm64", "arm64 (Graviton)")].iter().map(|(v, l)| html! {
                            <option value={*v} selected={filters.arch == *v}>{ *l }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={id("vcpu")}>{ "At least (vCPU)" }</label>
                    <input id={id("vcpu")} type="text" inputmode="numeric" autocomplete="off"
                        value={filters.min_vcpu.clone()} oninput={typed(|f, v| f.min_vcpu = v)} />
                </div>
                <div class="field">
                    <label for={id("gib")}>{ "At least (GiB memory)" }</label>
                    <input id={id("gib")} type="text" inputmode="decimal" autocomplete="off"
                        value={filters.min_gib.clone()} oninput={typed(|f, v| f.min_gib = v)} />
                </div>
            </div>
            <p class="hint" id={id("count")} role="status">{ match count {
                0 => format!("No type offered in {} matches; widen the filters.", props.region),
                n if n > SHOWN => format!("{n} types match in {}; the {SHOWN} cheapest are listed.", props.region),
                n => format!("{n} type{} match in {}, cheapest first.", if n == 1 { "" } else { "s" }, props.region),
            } }</p>
            <div class="scroll">
            <table class="finder" id={id("table")}>
                <thead><tr>
                    <th scope="col">{ "Type" }</th><th scope="col" class="num">{ "vCPU" }</th>
                    <th scope="col" class="num">{ "GiB" }</th><th scope="col">{ "Arch" }</th>
                    <th scope="col">{ "Network" }</th><th scope="col" class="num">{ "On-Demand /h" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().take(SHOWN).map(|(t, r)| {
                        let pick = {
                            let cb = props.on_pick.clone();
                            let name = t.name.clone();
                            Callback::from(move |_: MouseEvent| cb.emit(name.clone()))
                        };
                        let chosen = props.chosen.trim() == t.name;
                        html! { <tr class={classes!(chosen.then_some("chosen"))}>
                            <th scope="row">
                                <button type="button" class="pick" onclick={pick} aria-pressed={chosen.to_string()}
                                    aria-label={format!("Use {}", t.name)}>{ &t.name }</button>
                                if STUDY_FREE_TIER.types.contains(&t.name.as_str()) {
                                    <span class="badge free" title={STUDY_FREE_TIER.terms}>{ " free tier (study notes)" }</span>
                                }
                            </th>
                            <td class="num">{ t.vcpu }</td>
                            <td class="num">{ qty(t.memory_gib) }</td>
                            <td>{ arch(t.architecture) }</td>
                            <td>{ &t.network }</td>
                            <td class="num">{ r.map(|r| hourly(HourlyUsd(r))).unwrap_or_else(|| "no public rate".into()) }</td>
                        </tr> }
                    }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}
