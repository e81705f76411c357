//! Every bundled pricing table, gathered: the files, their typed and validated form, and the
//! compact form the build compiles them in. It sits above the services (it names each one's
//! table type); nothing below it imports it.

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

/// One service's bundled table: read on first use, on its own, so that a build which prices
/// one service (a one-panel widget) carries and reads that service's table only.
macro_rules! bundled_tables {
    ($($(#[$doc:meta])* $name:ident: $t:ty = $file:literal;)+) => {
        $(
            $(#[$doc])*
            pub fn $name() -> Result<&'static $t, &'static [PricingError]> {
                static TABLE: OnceLock<Result<$t, Vec<PricingError>>> = OnceLock::new();
                match TABLE.get_or_init(|| {
                    #[cfg(awscost_bundled)]
                    {
                        read_packed($file, include_str!(concat!(env!("OUT_DIR"), "/", $file)))
                    }
                    #[cfg(not(awscost_bundled))]
                    {
                        <$t as Table>::load(text_of(<$t as Table>::FILE))
                    }
                }) {
                    Ok(t) => Ok(t),
                    Err(e) => Err(e),
                }
            }
        )+

        /// What `build.rs` writes: each table's packed file name and its tokens.
        pub fn packed(catalog: &Catalog) -> Vec<(&'static str, crate::pricing::packed::Writer)> {
            vec![$(($file, crate::pricing::packed::Writer::with_dictionary(&catalog.$name))),+]
        }

        /// Every bundled table as validated when the crate was built: a copy of each service's.
        fn bundled() -> Result<Catalog, Vec<PricingError>> {
            let mut errors = vec![];
            $(let $name = take($name().map(Clone::clone).map_err(<[PricingError]>::to_vec), &mut errors);)+
            match ($($name,)+) {
                ($(Some($name),)+) => Ok(Catalog { $($name),+ }),
                _ => Err(errors),
            }
        }
    };
}

bundled_tables! {
    /// The bundled Lambda table.
    lambda: crate::lambda::LambdaPricing = "lambda.packed";
    /// The bundled EBS table.
    ebs: crate::ebs::EbsPricing = "ebs.packed";
    /// The bundled S3 table.
    s3: crate::s3::S3Pricing = "s3.packed";
    /// The bundled EC2 tables.
    ec2: crate::ec2::Ec2Pricing = "ec2.packed";
}

/// A bundled file's text (inside the build script, which reads the JSON files).
#[cfg(not(awscost_bundled))]
fn text_of(file: &str) -> &'static str {
    FILES
        .iter()
        .find(|(f, _)| *f == file)
        .map(|(_, text)| *text)
        .unwrap_or_default()
}

/// A table `build.rs` validated and wrote out, read back; it fails rather than give a price if
/// the tokens do not read back as written.
#[cfg(awscost_bundled)]
fn read_packed<T: crate::pricing::packed::Packed>(
    file: &'static str,
    text: &str,
) -> Result<T, Vec<PricingError>> {
    let mut r = crate::pricing::packed::Reader::with_dictionary(text);
    let table = T::read(&mut r);
    if r.finish() {
        Ok(table)
    } else {
        Err(vec![PricingError {
            file,
            path: String::new(),
            message: "the bundled tables do not read back as written; rebuild the crate".into(),
        }])
    }
}

static CATALOG: OnceLock<Result<Catalog, Vec<PricingError>>> = OnceLock::new();

/// Every bundled table, as validated when the crate was built; read on first use. A build that
/// prices one service reads its table alone ([`lambda`], [`ebs`], [`s3`], [`ec2`]).
pub fn catalog() -> Result<&'static Catalog, &'static [PricingError]> {
    match CATALOG.get_or_init(bundled) {
        Ok(c) => Ok(c),
        Err(e) => Err(e),
    }
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

    /// Each service's table reads back on its own, equal to its file.
    #[test]
    fn each_table_reads_alone() {
        let files = Catalog::load().expect("every bundled table validates");
        assert_eq!(lambda().expect("lambda table"), &files.lambda);
        assert_eq!(ebs().expect("ebs table"), &files.ebs);
        assert_eq!(s3().expect("s3 table"), &files.s3);
        assert_eq!(ec2().expect("ec2 table"), &files.ec2);
        assert_eq!(packed(&files).len(), FILES.len());
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
