//! Reads the bundled pricing tables (`pricing/*.json`) with the engine's own typed readers
//! (`#[serde(deny_unknown_fields)]`, enums for closed sets) and validates them once
//! (`pricing::Table::check`). An invalid table stops the build, naming the file, the path in it
//! and the problem. The checked tables are written to `$OUT_DIR/<service>.packed` in the compact
//! form of `pricing::packed`, which `catalog::catalog()` reads, so the library needs no JSON
//! reader for them.

// The engine itself, so the tables are read and checked by the code the library uses. Its
// `crate::` paths resolve through the glob import. It is linted as the library; here it is a
// private module, which changes what some lints report (e.g. on public API names).
#[allow(dead_code, unused_imports, clippy::all)]
#[path = "src/lib.rs"]
mod engine;
#[allow(unused_imports)]
use engine::*;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=pricing");
    let catalog = catalog::Catalog::load().unwrap_or_else(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        fail(&format!(
            "{} problem(s) in the bundled pricing tables; fix the file(s) named above and build again",
            errors.len()
        ))
    });
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // One file per service, each with its own dictionary, so a build that prices one service
    // carries that service's table only.
    for (file, w) in catalog::packed(&catalog) {
        if !w.errors.is_empty() {
            for e in &w.errors {
                eprintln!("pricing table string {e}");
            }
            fail("remove the control character from the pricing table");
        }
        if let Err(e) = std::fs::write(out.join(file), w.out) {
            fail(&format!(
                "cannot write the packed table to {}: {e}",
                out.join(file).display()
            ));
        }
    }
    println!("cargo::rustc-cfg=awscost_bundled");
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}
