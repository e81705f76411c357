//! The workload a person describes: the public JSON input of the CLI, share links and the embed
//! API. Field names are a contract: fields are added, never renamed.
//!
//! Reading is in two steps. [`Workload::from_json`] reads the document (syntax, types, unknown
//! fields), naming the field of any problem; each service then validates its section into a
//! checked spec, reporting every out-of-range field at once.

use crate::error::InputErrors;
use crate::input::read_json;
use crate::pricing::Region;
use serde::{Deserialize, Serialize};

/// A whole workload; every service section is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    pub region: Region,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lambda: Option<crate::lambda::LambdaWorkload>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebs: Option<crate::ebs::EbsWorkload>,
    pub s3: Option<crate::s3::S3Workload>,
    pub ec2: Option<crate::ec2::Ec2Workload>,
    /// Number inputs given as low / likely / high, by JSON path (`lambda.invocations_per_month`);
    /// the likely value is the field's own. The comparison then gains a cost band and the
    /// sensitivity of each input ([`crate::explore::ranges`]).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub ranges: crate::explore::ranges::Ranges,
}

impl Workload {
    /// Reads a workload document. A problem names the field it is in, as a JSON path.
    pub fn from_json(text: &str) -> Result<Workload, InputErrors> {
        read_json(text)
    }
}

impl Workload {
    /// Its inputs as `(JSON path, value)` pairs, in field order; an absent optional field is
    /// left out. Lets two workloads be set side by side input by input.
    pub fn inputs(&self) -> Vec<(String, String)> {
        crate::services::inputs(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_of_a_type_error() {
        let e = Workload::from_json(r#"{"region":"us-east-1","lambda":{"memory_mb":"lots"}}"#)
            .unwrap_err();
        assert_eq!(e.errors[0].field, "lambda.memory_mb");
    }

    #[test]
    fn names_an_unknown_region() {
        let e = Workload::from_json(r#"{"region":"mars-1"}"#).unwrap_err();
        assert_eq!(e.errors[0].field, "region");
        assert!(e.errors[0].message().contains("us-east-1"), "{e}");
    }

    #[test]
    fn rejects_unknown_fields_and_bad_syntax() {
        let e = Workload::from_json(r#"{"region":"us-east-1","lamda":{}}"#).unwrap_err();
        assert!(e.to_string().contains("lamda"), "{e}");
        let e = Workload::from_json("{").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    /// Every field the workload JSON can hold is listed by `inputs`, with the value it serialises
    /// to: a field added to a section without being listed fails here.
    #[test]
    fn inputs_list_every_serialised_field() {
        let text = r#"{"region":"eu-west-1",
          "lambda":{"architecture":"arm64","memory_mb":1024,"duration_ms":120.5,"invocations_per_month":3000000,
            "ephemeral_storage_mb":1024,"free_tier":false,"provisioned_concurrency":2,"provisioned_hours_per_month":100,
            "cpu_bound_percent":50,"multi_threaded":true,"invocation_type":"async","payload_kb":8},
          "ebs":{"size_gib":500,"iops":4000,"throughput_mibps":250,"hours_per_month":730,"boot":true,"multi_attach":true,
            "attach_instances":2,"snapshot_gib":100,"snapshot_tier":"archive"},
          "s3":{"storage_gb":5000,"object_count":5000000,"average_object_size_kb":1000,"put_requests_per_month":10,
            "get_requests_per_month":1000,"retrieval_gb_per_month":10,"retention_days":2555,"monthly_read_fraction":0.1,
            "retrieval_tier":"bulk","lifecycle":[{"class":"STANDARD"},{"class":"DEEP_ARCHIVE","days":30}]},
          "ec2":{"instance_type":"m5.large","count":2,"hours_per_month":730,"hours_per_day":4,"days_per_week":5,
            "interruption_tolerant":true,"horizon_years":3,"needs_dedicated":true,"core_bound_license":true,
            "baseline_count":1,"peak_pricing":"spot"}}"#;
        let w = Workload::from_json(text).unwrap();
        fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        let p = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        flatten(&p, v, out);
                    }
                }
                serde_json::Value::Array(a) => {
                    for (n, v) in a.iter().enumerate() {
                        flatten(&format!("{prefix}[{n}]"), v, out);
                    }
                }
                serde_json::Value::String(s) => out.push((prefix.into(), s.clone())),
                serde_json::Value::Null => {}
                other => out.push((prefix.into(), other.to_string())),
            }
        }
        let mut want = vec![];
        flatten("", &serde_json::to_value(&w).unwrap(), &mut want);
        let mut got = w.inputs();
        want.sort();
        got.sort();
        assert_eq!(got, want);
    }
}
