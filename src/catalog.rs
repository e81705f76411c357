//! Every bundled pricing table, gathered: the files, their typed and validated form, and the
//! compact form the build compiles them in. It sits above the services (it names each one's
//! table type); nothing below it imports it.

use crate::pricing::packed::Packed;
use crate::pricing::{PricingError, Table};
use std::sync::OnceLock;

/// Every bundled table, loaded and validated.
#[derive(Debug, PartialEq, Eq)]
pub struct Catalog {
    pub lambda: crate::lambda::LambdaPricing,
    pub ebs: crate::ebs::EbsPricing,
    pub s3: crate::s3::S3Pricing,
    pub ec2: crate::ec2::Ec2Pricing,
}

/// The bundled files and their text, which the build script reads and validates (and the tests).
pub const FILES: &[(&str, &str)] = &[
    (
        crate::lambda::PRICING_FILE,
        include_str!("../pricing/lambda.json"),
    ),
    (
        crate::ebs::PRICING_FILE,
        include_str!("../pricing/ebs.json"),
    ),
    (crate::s3::PRICING_FILE, include_str!("../pricing/s3.json")),
    (
        crate::ec2::PRICING_FILE,
        include_str!("../pricing/ec2.json"),
    ),
];

impl Catalog {
    /// Loads and validates every bundled table.
    pub fn load() -> Result<Catalog, Vec<PricingError>> {
        let mut errors = vec![];
        let lambda = take(
            crate::lambda::LambdaPricing::load(include_str!("../pricing/lambda.json")),
            &mut errors,
        );
        let ebs = take(
            crate::ebs::EbsPricing::load(include_str!("../pricing/ebs.json")),
            &mut errors,
        );
        let s3 = take(
            crate::s3::S3Pricing::load(include_str!("../pricing/s3.json")),
            &mut errors,
        );
        let ec2 = take(
            crate::ec2::Ec2Pricing::load(include_str!("../pricing/ec2.json")),
            &mut errors,
        );
        match (lambda, ebs, s3, ec2) {
            (Some(lambda), Some(ebs), Some(s3), Some(ec2)) => Ok(Catalog {
                lambda,
                ebs,
                s3,
                ec2,
            }),
            _ => Err(errors),
        }
    }
}

/// The table if it loaded; its problems otherwise (so every file's problems are reported).
fn take<T>(r: Result<T, Vec<PricingError>>, errors: &mut Vec<PricingError>) -> Option<T> {
    r.map_err(|e| errors.extend(e)).ok()
}

static CATALOG: OnceLock<Result<Catalog, Vec<PricingError>>> = OnceLock::new();

/// The bundled catalog, as validated when the crate was built; read on first use.
pub fn catalog() -> Result<&'static Catalog, &'static [PricingError]> {
    match CATALOG.get_or_init(bundled) {
        Ok(c) => Ok(c),
        Err(e) => Err(e),
    }
}

/// The tables `build.rs` validated and wrote out.
#[cfg(awscost_bundled)]
fn bundled() -> Result<Catalog, Vec<PricingError>> {
    let mut r = crate::pricing::packed::Reader::with_dictionary(include_str!(concat!(
        env!("OUT_DIR"),
        "/catalog.packed"
    )));
    let catalog = Catalog::read(&mut r);
    if r.finish() {
        Ok(catalog)
    } else {
        Err(vec![PricingError {
            file: "catalog.packed",
            path: String::new(),
            message: "the bundled tables do not read back as written; rebuild the crate".into(),
        }])
    }
}

/// Inside the build script, which compiles this module to write the tables out, they are read
/// from the JSON files.
#[cfg(not(awscost_bundled))]
fn bundled() -> Result<Catalog, Vec<PricingError>> {
    Catalog::load()
}

crate::packed_struct! {
    Catalog { lambda, ebs, s3, ec2 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the build wrote out is exactly what the files say, down to each rate's written
    /// decimal places.
    #[test]
    fn bundled_catalog_is_the_files() {
        let from_files = Catalog::load().expect("every bundled table validates");
        let bundled = catalog().expect("bundled catalog reads back");
        assert_eq!(&from_files, bundled);
        assert_eq!(format!("{from_files:?}"), format!("{bundled:?}"));
    }

    #[test]
    fn bundled_catalog_loads() {
        let c = catalog().expect("bundled pricing validates");
        assert_eq!(c.lambda.tables.len(), 3);
        assert_eq!(c.ebs.tables.len(), 3);
        assert_eq!(c.s3.tables.len(), 3);
        assert_eq!(FILES.len(), 4);
        assert_eq!(c.ec2.regions.len(), 3);
    }
}
