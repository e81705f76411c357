//! `awscost`: the cost engine on the command line, speaking the same JSON as the widget.
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
awscost: compare what a workload costs on AWS, from bundled, dated pricing tables.

usage:
  awscost compare WORKLOAD.json   print the comparison as JSON (use - to read stdin)
  awscost scenarios SCENARIOS.json [--format json|markdown|csv]
                                  compare named workloads side by side against a baseline:
                                  {\"baseline\": 0, \"scenarios\": [{\"name\": \"A\", \"workload\": {...}}]}
  awscost exercise EXERCISE.json [--answer X] [--format json|markdown]
                                  grade an answer to the scenario file's \"exercise\" (its question:
                                  monthly_cost, cheapest_option, saving_percent, break_even_month or
                                  scenario_difference): the grade (right, close, wrong), how far off,
                                  and the working step by step (markdown: numbered sentences to say
                                  aloud); without --answer, the question and its worked answer
  awscost explore REQUEST.json    run the trade-off explorers a request asks for:
                                  {\"workload\": {...}, \"alternatives\": {...},
                                  \"lambda_to_ec2\": {...}, \"spot_interruptions\": {...}}
  awscost limits                  print the service limits (study notes vs current AWS) as JSON
  awscost import-ec2 --offer OFFER.json [--savings-plans SP.json] --region REGION --out FILE
                                  regenerate the EC2 pricing table for REGION from AWS's Price List
                                  bulk files (the EC2 offer file and the Savings Plans rate file);
                                  FILE's other regions and Spot snapshots are kept (the bundled
                                  table is the starting point when FILE does not exist)
  awscost import-tidy --dir DIR [--skypilot VMS.csv --skypilot-date YYYY-MM-DD] --out FILE
                                  rebuild the EC2 pricing table from the tidy CSV files in DIR
                                  (catalog_ec2_3regions.csv, pricesim_*.csv, derived_*.csv,
                                  infracost-goldens_*.csv; see the README) and, optionally,
                                  SkyPilot's AWS vms.csv for Spot ranges the catalog lacks;
                                  FILE's Free Tier, host capacities and any Reserved Instance
                                  rates no input covers are kept
  awscost --help

exit status: 0 on success; 2 when the workload is invalid (the message names the field).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["compare", path] => compare(path),
        ["scenarios", path] => scenarios(path, "json"),
        ["scenarios", path, "--format", format] | ["scenarios", "--format", format, path] => {
            scenarios(path, format)
        }
        ["exercise", rest @ ..] => exercise(rest),
        ["explore", path] => explore(path),
        ["limits"] => out(&serde_json::to_string_pretty(
            &awscost::limits::all().collect::<Vec<_>>(),
        )
        .unwrap_or_default()),
        ["import-ec2", rest @ ..] => import_ec2(rest),
        ["import-tidy", rest @ ..] => import_tidy(rest),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The text of a file, or of standard input for `-`.
fn read_input(path: &str) -> Result<String, ExitCode> {
    let read = if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(path)
    };
    read.map_err(|e| {
        let what = if path == "-" { "standard input" } else { path };
        eprintln!("awscost: cannot read {what}: {e}");
        ExitCode::from(2)
    })
}

/// Prints every problem, naming its field, and exits with 2.
fn invalid(what: &str, errors: &awscost::InputErrors) -> ExitCode {
    for e in &errors.errors {
        if e.field.is_empty() {
            eprintln!("awscost: invalid {what}: {}", e.message());
        } else {
            eprintln!("awscost: invalid {what}: {}: {}", e.field, e.message());
        }
    }
    ExitCode::from(2)
}

fn compare(path: &str) -> ExitCode {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match awscost::compare_json(&text) {
        Ok(json) => out(&json),
        Err(errors) => invalid("workload", &errors),
    }
}

fn scenarios(path: &str, format: &str) -> ExitCode {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match awscost::export::scenarios_text(&text, format) {
        // Markdown and CSV end their own lines.
        Ok(out_text) => out(out_text.trim_end()),
        Err(errors) => invalid("scenarios", &errors),
    }
}

fn explore(path: &str) -> ExitCode {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match awscost::explore::explore_json(&text) {
        Ok(json) => out(&json),
        Err(errors) => invalid("explore request", &errors),
    }
}

fn exercise(args: &[&str]) -> ExitCode {
    let (mut path, mut answer, mut format) = (None, None, "json");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--answer" | "--format" => {
                let Some(v) = it.next() else {
                    eprintln!("awscost: {a} needs a value");
                    return ExitCode::from(2);
                };
                if *a == "--answer" {
                    answer = Some(*v);
                } else {
                    format = v;
                }
            }
            p if path.is_none() => path = Some(p),
            other => {
                eprintln!("awscost: unexpected {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("awscost: exercise needs a file\n{USAGE}");
        return ExitCode::from(2);
    };
    if !matches!(format, "json" | "markdown") {
        eprintln!("awscost: --format must be json or markdown");
        return ExitCode::from(2);
    }
    let text = match read_input(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match answer {
        Some(a) => match awscost::exercise::grade_json(&text, a) {
            Ok(g) if format == "markdown" => out(awscost::exercise::markdown(&g).trim_end()),
            Ok(g) => out(&serde_json::to_string_pretty(&g).unwrap_or_default()),
            Err(errors) => invalid("exercise", &errors),
        },
        None => match awscost::exercise::task_json(&text) {
            Ok(t) => out(&serde_json::to_string_pretty(&t).unwrap_or_default()),
            Err(errors) => invalid("exercise", &errors),
        },
    }
}

fn import_ec2(args: &[&str]) -> ExitCode {
    let (mut offer, mut sp, mut region, mut out_path) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let slot = match *flag {
            "--offer" => &mut offer,
            "--savings-plans" => &mut sp,
            "--region" => &mut region,
            "--out" => &mut out_path,
            other => {
                eprintln!("awscost: unknown option {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match it.next() {
            Some(v) => *slot = Some(*v),
            None => {
                eprintln!("awscost: {flag} needs a value");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(offer), Some(region), Some(out_path)) = (offer, region, out_path) else {
        eprintln!("awscost: import-ec2 needs --offer, --region and --out\n{USAGE}");
        return ExitCode::from(2);
    };
    let Some(region) = awscost::Region::from_code(region) else {
        eprintln!(
            "awscost: --region must be one of: {}",
            awscost::Region::CODES.join(", ")
        );
        return ExitCode::from(2);
    };
    let base = match std::fs::read_to_string(out_path) {
        Ok(text) => {
            <awscost::ec2::Ec2Pricing as awscost::pricing::Table>::load(&text).map_err(|e| {
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            awscost::catalog::ec2().cloned().map_err(|e| {
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }
        Err(e) => Err(format!("cannot read {out_path}: {e}")),
    };
    let base = match base {
        Ok(b) => b,
        Err(e) => {
            eprintln!("awscost: {e}");
            return ExitCode::from(2);
        }
    };
    let open = |p: &str| {
        std::fs::File::open(p).map_err(|e| {
            eprintln!("awscost: cannot read {p}: {e}");
            ExitCode::from(2)
        })
    };
    let offer = match open(offer) {
        Ok(f) => f,
        Err(c) => return c,
    };
    let sp = match sp.map(open).transpose() {
        Ok(f) => f,
        Err(c) => return c,
    };
    match awscost::ec2_import::import(offer, sp, region, &base) {
        Ok((table, s)) => {
            if let Err(e) = std::fs::write(out_path, table.to_json()) {
                eprintln!("awscost: cannot write {out_path}: {e}");
                return ExitCode::from(1);
            }
            eprintln!(
                "awscost: {region}: {} On-Demand, {} Reserved, {} Savings Plans, {} Dedicated Instance and {} Dedicated Host rates written to {out_path}",
                s.on_demand, s.reserved, s.savings_plans, s.dedicated_instance, s.dedicated_host
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("awscost: {e}");
            ExitCode::from(2)
        }
    }
}

fn import_tidy(args: &[&str]) -> ExitCode {
    let (mut dir, mut vms, mut vms_date, mut out_path) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let slot = match *flag {
            "--dir" => &mut dir,
            "--skypilot" => &mut vms,
            "--skypilot-date" => &mut vms_date,
            "--out" => &mut out_path,
            other => {
                eprintln!("awscost: unknown option {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match it.next() {
            Some(v) => *slot = Some(*v),
            None => {
                eprintln!("awscost: {flag} needs a value");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(dir), Some(out_path)) = (dir, out_path) else {
        eprintln!("awscost: import-tidy needs --dir and --out\n{USAGE}");
        return ExitCode::from(2);
    };
    match run_import_tidy(dir, vms, vms_date, out_path) {
        Ok(s) => {
            eprintln!(
                "awscost: {} types; {} On-Demand, {} Reserved Instance, {} Savings Plans, {} Spot range, {} Spot average, {} Dedicated Instance, {} Dedicated Host and {} host reservation rates written to {out_path}",
                s.types, s.on_demand, s.reserved, s.savings_plans, s.spot_ranges, s.spot_averages,
                s.dedicated_instance, s.dedicated_host, s.host_reservations
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("awscost: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_import_tidy(
    dir: &str,
    vms: Option<&str>,
    vms_date: Option<&str>,
    out_path: &str,
) -> Result<awscost::ec2_tidy::TidySummary, String> {
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    let named = |prefix: &str| -> Vec<&std::path::PathBuf> {
        names
            .iter()
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".csv"))
            })
            .collect()
    };
    let all = |prefix: &str| -> Result<Vec<String>, String> {
        named(prefix).into_iter().map(|p| read(p)).collect()
    };
    let one = |prefix: &str| -> Result<Option<String>, String> {
        named(prefix).first().map(|p| read(p)).transpose()
    };
    let catalog = one("catalog_ec2_")?.ok_or(format!("{dir} has no catalog_ec2_*.csv"))?;
    let inputs = awscost::ec2_tidy::TidyInputs {
        catalog,
        pricesim: all("pricesim_")?,
        all_upfront_fees: all("derived_std-ri-all-upfront-fees")?,
        partial_upfront_split: one("derived_partial-upfront-split")?,
        infracost: one("infracost-goldens")?,
        skypilot_vms: vms.map(|p| read(std::path::Path::new(p))).transpose()?,
        skypilot_as_of: vms_date.unwrap_or("2026-11-22").to_string(),
    };
    let base_text = read(std::path::Path::new(out_path))?;
    // Read, not validated: only its Free Tier, host capacities and uncovered rates are kept,
    // and the result is validated whole.
    let base: awscost::ec2::Ec2Pricing =
        awscost::pricing::parse(awscost::ec2::PRICING_FILE, &base_text)
            .map_err(|e| e.to_string())?;
    let (table, summary) =
        awscost::ec2_tidy::import_tidy(&inputs, &base).map_err(|e| e.to_string())?;
    std::fs::write(out_path, table.to_json())
        .map_err(|e| format!("cannot write {out_path}: {e}"))?;
    Ok(summary)
}

/// Prints a line to stdout; a closed pipe (`| head`) ends the program quietly.
fn out(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|_| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("awscost: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}
