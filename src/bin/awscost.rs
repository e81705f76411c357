//! `awscost`: the cost engine on the command line, speaking the same JSON as the widget.
#![forbid(unsafe_code)]

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
awscost: compare what a workload costs on AWS, from bundled, dated pricing tables.

usage:
  awscost compare WORKLOAD.json   print the comparison as JSON (use - to read stdin)
  awscost limits                  print the service limits (study notes vs current AWS) as JSON
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
        ["limits"] => {
            out(&serde_json::to_string_pretty(awscost::limits::LIMITS).unwrap_or_default())
        }
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

fn compare(path: &str) -> ExitCode {
    let text = if path == "-" {
        let mut s = String::new();
        match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => s,
            Err(e) => {
                eprintln!("awscost: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("awscost: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        }
    };
    match awscost::compare_json(&text) {
        Ok(json) => out(&json),
        Err(errors) => {
            for e in &errors.errors {
                if e.field.is_empty() {
                    eprintln!("awscost: invalid workload: {}", e.message());
                } else {
                    eprintln!("awscost: invalid workload: {}: {}", e.field, e.message());
                }
            }
            ExitCode::from(2)
        }
    }
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
