//! The registry: the services the calculator compares, each implementing
//! [`crate::service::Service`] in its own folder. This is the one place that lists them; the
//! shared parts ([`crate::compare`], scenarios, the inputs list) ask each through it.

use crate::ebs::Ebs;
use crate::ec2::Ec2;
use crate::input::Inputs;
use crate::lambda::Lambda;
use crate::s3::S3;
use crate::service::{Choices, Figures, Service, Step};
use crate::{Comparison, Workload};

crate::closed_set! {
    /// A service the calculator compares, in the widget's tab order.
    #[derive(Default)]
    pub enum ServiceCode {
        #[default]
        Lambda = "lambda", "Lambda";
        Ec2 = "ec2", "EC2";
        Ebs = "ebs", "EBS";
        S3 = "s3", "S3";
    }
}

impl ServiceCode {
    /// What its headline figure in a scenario comparison is.
    pub fn measure(self) -> &'static str {
        match self {
            ServiceCode::Lambda => Lambda::MEASURE,
            ServiceCode::Ec2 => Ec2::MEASURE,
            ServiceCode::Ebs => Ebs::MEASURE,
            ServiceCode::S3 => S3::MEASURE,
        }
    }

    /// Its panel's title in the widget.
    pub fn title(self) -> &'static str {
        match self {
            ServiceCode::Lambda => Lambda::TITLE,
            ServiceCode::Ec2 => Ec2::TITLE,
            ServiceCode::Ebs => Ebs::TITLE,
            ServiceCode::S3 => S3::TITLE,
        }
    }

    /// The working of its headline (`None`) or an option, in a comparison that prices it.
    pub fn steps(self, c: &Comparison, option: Option<&str>) -> Option<Vec<Step>> {
        match self {
            ServiceCode::Lambda => Lambda::steps(c.lambda.as_ref()?, option),
            ServiceCode::Ec2 => Ec2::steps(c.ec2.as_ref()?, option),
            ServiceCode::Ebs => Ebs::steps(c.ebs.as_ref()?, option),
            ServiceCode::S3 => S3::steps(c.s3.as_ref()?, option),
        }
    }

    /// Its choices for "which is cheapest?", in a comparison that prices it.
    pub fn choices(self, c: &Comparison) -> Option<Choices> {
        match self {
            ServiceCode::Lambda => c.lambda.as_ref().map(Lambda::choices),
            ServiceCode::Ec2 => c.ec2.as_ref().map(Ec2::choices),
            ServiceCode::Ebs => c.ebs.as_ref().map(Ebs::choices),
            ServiceCode::S3 => c.s3.as_ref().map(S3::choices),
        }
    }

    /// Its headline monthly figure for the workload's section (`None`: the workload has no such
    /// section), priced from the bundled table without the rest of its comparison where the
    /// service has a cheaper way ([`Service::monthly`]).
    pub fn monthly(
        self,
        w: &Workload,
    ) -> Option<Result<Option<crate::money::Usd>, Vec<crate::FieldError>>> {
        use crate::catalog;
        fn go<S: Service>(
            table: Result<&'static S::Pricing, &'static [crate::pricing::PricingError]>,
            r: crate::Region,
            section: &S::Workload,
        ) -> Result<Option<crate::money::Usd>, Vec<crate::FieldError>> {
            S::monthly(crate::bundled(table)?, r, section)
        }
        let r = w.region;
        Some(match self {
            ServiceCode::Lambda => go::<Lambda>(catalog::lambda(), r, w.lambda.as_ref()?),
            ServiceCode::Ec2 => go::<Ec2>(catalog::ec2(), r, w.ec2.as_ref()?),
            ServiceCode::Ebs => go::<Ebs>(catalog::ebs(), r, w.ebs.as_ref()?),
            ServiceCode::S3 => go::<S3>(catalog::s3(), r, w.s3.as_ref()?),
        })
    }

    /// Its section of the workload as JSON, with the region (`None`: no such section): what
    /// identifies the figures priced from it.
    pub fn section_json(self, w: &Workload) -> Option<String> {
        let section = match self {
            ServiceCode::Lambda => serde_json::to_string(w.lambda.as_ref()?),
            ServiceCode::Ec2 => serde_json::to_string(w.ec2.as_ref()?),
            ServiceCode::Ebs => serde_json::to_string(w.ebs.as_ref()?),
            ServiceCode::S3 => serde_json::to_string(w.s3.as_ref()?),
        };
        section.ok().map(|s| format!("{} {s}", w.region.code()))
    }

    /// Its figures in a comparison that prices it.
    pub fn figures(self, c: &Comparison) -> Option<Figures> {
        match self {
            ServiceCode::Lambda => c.lambda.as_ref().map(Lambda::figures),
            ServiceCode::Ec2 => c.ec2.as_ref().map(Ec2::figures),
            ServiceCode::Ebs => c.ebs.as_ref().map(Ebs::figures),
            ServiceCode::S3 => c.s3.as_ref().map(S3::figures),
        }
    }
}

/// A workload's inputs as `(JSON path, value)` pairs: the region, then each section's in the
/// workload's field order; an absent optional field is left out.
pub fn inputs(w: &Workload) -> Vec<(String, String)> {
    let mut out = Inputs::default();
    out.text("region", w.region.code());
    if let Some(l) = &w.lambda {
        Lambda::inputs(l, &mut out);
    }
    if let Some(e) = &w.ebs {
        Ebs::inputs(e, &mut out);
    }
    if let Some(s) = &w.s3 {
        S3::inputs(s, &mut out);
    }
    if let Some(e) = &w.ec2 {
        Ec2::inputs(e, &mut out);
    }
    out.0
}
