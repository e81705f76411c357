//! Every bundled pricing file loads into its typed table and passes validation.

use awscost::pricing::Table;
use std::collections::BTreeSet;

#[test]
fn every_file_in_pricing_is_bundled_and_valid() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/pricing");
    let mut on_disk = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let rel = path
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                on_disk.insert(rel.trim_start_matches('/').to_string());
            }
        }
    }
    let bundled: BTreeSet<String> = awscost::catalog::FILES
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(on_disk, bundled, "pricing/ and catalog::FILES must match");
    for (name, text) in awscost::catalog::FILES {
        let disk =
            std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(&disk, text, "{name} is bundled as it is on disk");
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_sourced(name, &v);
    }
    awscost::catalog::Catalog::load().expect("every bundled table validates");
}

/// Every object that carries prices (has a `source`) also has `as_of`, and every table array's
/// entries are sourced.
fn assert_sourced(name: &str, v: &serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            assert_eq!(
                m.contains_key("source"),
                m.contains_key("as_of"),
                "{name}: source and as_of go together"
            );
            if let Some(serde_json::Value::Array(tables)) = m.get("tables") {
                for t in tables {
                    assert!(t.get("source").is_some(), "{name}: a table lacks source");
                    assert!(t.get("as_of").is_some(), "{name}: a table lacks as_of");
                }
            }
            for x in m.values() {
                assert_sourced(name, x);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_sourced(name, x)),
        _ => {}
    }
}

#[test]
fn a_tampered_table_is_rejected_with_its_path() {
    let text = awscost::catalog::FILES
        .iter()
        .find(|(n, _)| *n == "pricing/lambda.json")
        .unwrap()
        .1;
    let bad = text.replacen("\"0.20\"", "\"-0.20\"", 1);
    let errs = awscost::lambda::LambdaPricing::load(&bad).unwrap_err();
    assert!(errs[0].path.contains("requests_per_million"), "{errs:?}");
    let unknown = text.replacen("\"requests_per_million\"", "\"requests_per_millon\"", 1);
    let errs = awscost::lambda::LambdaPricing::load(&unknown).unwrap_err();
    assert!(errs[0].message.contains("requests_per_millon"), "{errs:?}");
    let undated = text.replacen("\"as_of\": \"2026-10-01\"", "\"as_of\": \"October\"", 1);
    assert!(awscost::lambda::LambdaPricing::load(&undated).is_err());
}
