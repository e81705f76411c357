//! A scenario comparison as Markdown (for notes and answers) and CSV (for spreadsheets), from the
//! same [`ScenarioComparison`] the CLI prints as JSON; CSV follows RFC 4180
//! (<https://www.rfc-editor.org/rfc/rfc4180>).

use crate::error::{FieldError, InputErrors, Problem};
use crate::money::Usd;
use crate::scenarios::{Cell, Row, ScenarioComparison};
use crate::service::{narration, Step};
use std::fmt::Write;

/// The formats a scenario comparison is written in.
pub const FORMATS: [&str; 3] = ["json", "markdown", "csv"];

/// Reads a scenario set (`awscost scenarios` input) and writes its comparison as `json`,
/// `markdown` or `csv`: what the CLI prints and `awscost.scenarios` returns.
pub fn scenarios_text(input: &str, format: &str) -> Result<String, InputErrors> {
    if !FORMATS.contains(&format) {
        return Err(InputErrors::one(FieldError::new(
            "format",
            Problem::Malformed(format!(
                "\"{}\" is not a format; use json, markdown or csv.",
                format.chars().take(20).collect::<String>()
            )),
        )));
    }
    let c = crate::scenarios::from_json(input).and_then(|set| crate::scenarios::compare(&set))?;
    Ok(match format {
        "markdown" => markdown(&c),
        "csv" => csv(&c),
        _ => serde_json::to_string(&c).unwrap_or_default(),
    })
}

/// `+$12.00 (+10.81%)`, `-$3.20 (-5%)`, `±$0.00`; empty when there is no delta.
pub fn delta_text(c: &Cell) -> String {
    let Some(d) = c.delta_usd else {
        return String::new();
    };
    let cents = d.cents();
    let sign = if cents.is_zero() {
        "±"
    } else if cents.is_sign_positive() {
        "+"
    } else {
        ""
    };
    let mut s = format!("{sign}{d}");
    if let Some(p) = c.delta_percent {
        let plus = if p.is_sign_positive() && !p.is_zero() {
            "+"
        } else {
            ""
        };
        let _ = write!(s, " ({plus}{}%)", p.normalize());
    }
    s
}

/// `$80.00`, or `—` when there is no figure.
pub fn usd_text(v: Option<Usd>) -> String {
    v.map_or_else(|| "—".to_string(), |u| u.to_string())
}

/// Escapes user text for a Markdown table cell.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The comparison as Markdown: a headline table, the inputs that differ, every option, then each
/// scenario's working of its service headline figures as numbered sentences ([`narration`]).
pub fn markdown(c: &ScenarioComparison) -> String {
    let mut out = String::new();
    let base = c.scenarios.get(c.baseline);
    let names: Vec<String> = c.scenarios.iter().map(|s| md(&s.name)).collect();
    let base_name = names.get(c.baseline).cloned().unwrap_or_default();
    let _ = writeln!(out, "## AWS monthly cost by scenario\n");
    if c.scenarios.len() > 1 {
        let _ = writeln!(out, "Baseline: **{base_name}**.");
    }
    for s in &c.scenarios {
        let _ = writeln!(
            out,
            "- **{}**: {}, prices as of {}{}",
            md(&s.name),
            s.region.code(),
            s.pricing_as_of,
            if s.complete {
                ""
            } else {
                " (a service has no bundled rate; its figure is left out of the total)"
            }
        );
    }
    out.push('\n');
    let header = |out: &mut String, first: &str| {
        let _ = write!(out, "| {first} |");
        let mut rule = String::from("|---|");
        for (n, name) in names.iter().enumerate() {
            if n == c.baseline && c.scenarios.len() > 1 {
                let _ = write!(out, " {name} (baseline) |");
            } else {
                let _ = write!(out, " {name} |");
            }
            rule.push_str("---:|");
            if n != c.baseline {
                let _ = write!(out, " {name} vs {base_name} |");
                rule.push_str("---:|");
            }
        }
        let _ = writeln!(out, "\n{rule}");
    };
    let row = |out: &mut String, label: &str, r: &[Cell], notes: bool| {
        let _ = write!(out, "| {label} |");
        for (n, cell) in r.iter().enumerate() {
            let note = match (&cell.note, notes) {
                (Some(t), true) if !t.is_empty() => format!(" ({})", md(t)),
                _ => String::new(),
            };
            let _ = write!(out, " {}{note} |", usd_text(cell.monthly_usd));
            if n != c.baseline {
                let _ = write!(out, " {} |", delta_text(cell));
            }
        }
        out.push('\n');
    };
    header(&mut out, "Service");
    for s in &c.services {
        row(&mut out, s.headline.label.as_str(), &s.headline.cells, true);
    }
    let totals: Vec<Cell> = c.scenarios.iter().map(|s| s.total.clone()).collect();
    row(&mut out, "**Total**", &totals, false);
    out.push('\n');
    for s in &c.services {
        let _ = writeln!(out, "- {}: {}.", s.headline.label, s.measure);
    }
    if c.scenarios.len() > 1 {
        let _ = writeln!(out, "\n### Inputs that differ from {base_name}\n");
        for (n, s) in c.scenarios.iter().enumerate() {
            if n == c.baseline {
                continue;
            }
            if s.differences.is_empty() {
                let _ = writeln!(out, "- **{}**: none", md(&s.name));
                continue;
            }
            let list: Vec<String> = s
                .differences
                .iter()
                .map(|d| {
                    format!(
                        "`{}` {} → {}",
                        d.field,
                        md(d.baseline.as_deref().unwrap_or("(not given)")),
                        md(d.value.as_deref().unwrap_or("(not given)"))
                    )
                })
                .collect();
            let _ = writeln!(out, "- **{}**: {}", md(&s.name), list.join("; "));
        }
    }
    for s in &c.services {
        let _ = writeln!(out, "\n### {} options, monthly\n", s.headline.label);
        header(&mut out, "Option");
        for r in &s.options {
            row(&mut out, &md(&r.label), &r.cells, false);
        }
    }
    if c.working.iter().any(|w| !w.is_empty()) {
        let _ = writeln!(out, "\n### Working");
        for (s, services) in c.scenarios.iter().zip(&c.working) {
            let _ = writeln!(out, "\n#### {}", md(&s.name));
            for (code, steps) in services {
                let said: Vec<Step> = steps
                    .iter()
                    .map(|t| Step::new(md(&t.text), t.usd))
                    .collect();
                let _ = write!(out, "\n{}:\n\n{}", code.name(), narration(&said));
            }
        }
    }
    let _ = writeln!(out, "\n{}", c.method);
    if let Some(b) = base {
        let _ = writeln!(
            out,
            "Made with awscost from bundled AWS pricing tables ({} prices as of {}).",
            b.region.code(),
            b.pricing_as_of
        );
    }
    out
}

/// One CSV field: quoted when it holds a comma, quote or line break; text that a spreadsheet
/// would run as a formula (`= + - @`, tab, CR) is prefixed with `'`.
fn csv_text(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The comparison as CSV, one line per scenario per row (long format, for pivoting).
pub fn csv(c: &ScenarioComparison) -> String {
    let mut out = String::from(
        "scenario,baseline,region,service,row,label,note,monthly_usd,delta_usd,delta_percent\r\n",
    );
    let mut line = |service: &str, r: &Row| {
        for (n, (s, cell)) in c.scenarios.iter().zip(&r.cells).enumerate() {
            let _ = write!(
                out,
                "{},{},{},{},{},{},{},{},{},{}\r\n",
                csv_text(&s.name),
                n == c.baseline,
                s.region.code(),
                service,
                csv_text(&r.id),
                csv_text(&r.label),
                csv_text(cell.note.as_deref().unwrap_or_default()),
                cell.monthly_usd
                    .map(|u| u.cents().to_string())
                    .unwrap_or_default(),
                cell.delta_usd
                    .map(|u| u.cents().to_string())
                    .unwrap_or_default(),
                cell.delta_percent
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            );
        }
    };
    for s in &c.services {
        let code = s.service.code();
        line(code, &s.headline);
        for r in &s.options {
            line(code, r);
        }
    }
    line(
        "total",
        &Row {
            id: "total".into(),
            label: "Total".into(),
            cells: c.scenarios.iter().map(|s| s.total.clone()).collect(),
        },
    );
    out
}
