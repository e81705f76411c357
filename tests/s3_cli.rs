//! The `awscost compare` command returns the S3 section for a workload that has one.

use std::process::Command;

#[test]
fn compare_returns_the_s3_section() {
    let dir = std::env::temp_dir().join(format!("awscost-s3-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("workload.json");
    std::fs::write(
        &path,
        r#"{"region": "us-east-1", "s3": {"storage_gb": 10000, "object_count": 100000, "put_requests_per_month": 0, "get_requests_per_month": 1000000, "retrieval_gb_per_month": 1000, "retention_days": 365, "monthly_read_fraction": 0.1, "retrieval_tier": "standard"}}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_awscost"))
        .args(["compare", path.to_str().unwrap()])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s3 = &v["s3"];
    let ids: Vec<_> = s3["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "STANDARD",
            "INTELLIGENT_TIERING",
            "STANDARD_IA",
            "ONEZONE_IA",
            "GLACIER_IR",
            "GLACIER",
            "DEEP_ARCHIVE"
        ]
    );
    let ia = &s3["options"][2];
    assert_eq!(ia["monthly_usd"], "136.00");
    assert!(ia["retention_total_usd"].is_string());
    assert!(ia["lines"].as_array().unwrap().len() >= 3);
    assert!(s3["cheapest"].is_string());
    assert!(s3["warnings"].is_array());
    assert!(v.get("lambda").is_none());
}

#[test]
fn compare_names_a_bad_s3_field() {
    let out = Command::new(env!("CARGO_BIN_EXE_awscost"))
        .args(["compare", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin
                .take()
                .unwrap()
                .write_all(br#"{"region":"us-east-1","s3":{"storage_gb":10,"object_count":0}}"#)?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("s3.object_count"));
}
