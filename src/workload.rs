//! The workload a person describes: the public JSON input of the CLI, share links and the embed
//! API. Field names are a contract: fields are added, never renamed.
//!
//! Reading is in two steps. [`Workload::from_json`] reads the document (syntax, types, unknown
//! fields), naming the field of any problem; each service then validates its section into a
//! checked spec, reporting every out-of-range field at once.

use crate::error::InputErrors;
use crate::input::{read_json, Inputs};
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
}

impl Workload {
    /// Reads a workload document. A problem names the field it is in, as a JSON path.
    pub fn from_json(text: &str) -> Result<Workload, InputErrors> {
        read_json(text)
    }
}

/// A workload's inputs as `(JSON path, value)` pairs, in field order; an absent optional field
/// is left out. Lets two workloads be set side by side input by input.
impl Workload {
    pub fn inputs(&self) -> Vec<(String, String)> {
        let mut out = Inputs(vec![]);
        out.text("region", self.region.code());
        if let Some(l) = &self.lambda {
            out.text("lambda.architecture", l.architecture.code());
            out.num("lambda.memory_mb", Some(l.memory_mb));
            out.num("lambda.duration_ms", Some(l.duration_ms));
            out.num(
                "lambda.invocations_per_month",
                Some(l.invocations_per_month),
            );
            out.num("lambda.ephemeral_storage_mb", Some(l.ephemeral_storage_mb));
            out.flag("lambda.free_tier", l.free_tier);
            out.num(
                "lambda.provisioned_concurrency",
                Some(l.provisioned_concurrency),
            );
            out.num(
                "lambda.provisioned_hours_per_month",
                Some(l.provisioned_hours_per_month),
            );
            out.num("lambda.cpu_bound_percent", Some(l.cpu_bound_percent));
            out.flag("lambda.multi_threaded", l.multi_threaded);
            out.text("lambda.invocation_type", l.invocation_type.code());
            out.num("lambda.payload_kb", l.payload_kb);
        }
        if let Some(e) = &self.ebs {
            out.num("ebs.size_gib", Some(e.size_gib));
            out.num("ebs.iops", Some(e.iops));
            out.num("ebs.throughput_mibps", Some(e.throughput_mibps));
            out.num("ebs.hours_per_month", Some(e.hours_per_month));
            out.flag("ebs.boot", e.boot);
            out.flag("ebs.multi_attach", e.multi_attach);
            out.num("ebs.attach_instances", e.attach_instances);
            out.num("ebs.snapshot_gib", Some(e.snapshot_gib));
            out.text("ebs.snapshot_tier", e.snapshot_tier.code());
        }
        if let Some(s) = &self.s3 {
            out.num("s3.storage_gb", Some(s.storage_gb));
            out.num("s3.object_count", s.object_count);
            out.num("s3.average_object_size_kb", s.average_object_size_kb);
            out.num("s3.put_requests_per_month", Some(s.put_requests_per_month));
            out.num("s3.get_requests_per_month", Some(s.get_requests_per_month));
            out.num("s3.retrieval_gb_per_month", Some(s.retrieval_gb_per_month));
            out.num("s3.retention_days", Some(s.retention_days));
            out.num("s3.monthly_read_fraction", s.monthly_read_fraction);
            out.text("s3.retrieval_tier", s.retrieval_tier.code());
            for (n, step) in s.lifecycle.iter().flatten().enumerate() {
                out.text(&format!("s3.lifecycle[{n}].class"), step.class.code());
                out.num(&format!("s3.lifecycle[{n}].days"), step.days);
            }
        }
        if let Some(e) = &self.ec2 {
            out.text("ec2.instance_type", &e.instance_type);
            out.num("ec2.count", Some(e.count));
            out.num("ec2.hours_per_month", e.hours_per_month);
            out.num("ec2.hours_per_day", e.hours_per_day);
            out.num("ec2.days_per_week", e.days_per_week);
            out.flag("ec2.interruption_tolerant", e.interruption_tolerant);
            out.num("ec2.horizon_years", Some(e.horizon_years));
            out.flag("ec2.needs_dedicated", e.needs_dedicated);
            out.flag("ec2.core_bound_license", e.core_bound_license);
            out.num("ec2.baseline_count", e.baseline_count);
            out.text("ec2.peak_pricing", e.peak_pricing.code());
        }
        out.0
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
