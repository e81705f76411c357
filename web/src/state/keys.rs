//! The inputs' vocabulary, shared by links and presets: each input's key (its workload JSON
//! path) and its value as text. The region is the page's; every other key belongs to a panel's
//! [`Form`], which reads and writes its own.

use super::form::Form;
use super::{EbsForm, Ec2Form, LambdaForm, S3Form, Scenario};
use awscost::Region;

/// Why a value cannot be put back under a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// No input has this key (the name as given).
    Unknown(String),
    /// The value is longer than [`MAX_VALUE`] characters.
    TooLong(&'static str),
    /// The value is not one of the key's choices, or holds a control character.
    NotAChoice(&'static str),
}

/// The longest value a key takes.
pub const MAX_VALUE: usize = 100;

/// The region's key.
const REGION: &str = "region";

/// Every key, in the order links write them: the region, then each panel's in tab order.
pub fn all() -> impl Iterator<Item = &'static str> {
    std::iter::once(REGION)
        .chain(LambdaForm::KEYS.iter().copied())
        .chain(Ec2Form::KEYS.iter().copied())
        .chain(EbsForm::KEYS.iter().copied())
        .chain(S3Form::KEYS.iter().copied())
}

/// The key named `name`, as its own `'static` name.
pub fn find(name: &str) -> Option<&'static str> {
    all().find(|k| *k == name)
}

/// The input's value as text.
pub fn get(s: &Scenario, key: &str) -> String {
    if key == REGION {
        return s.region.code().into();
    }
    match key.split('.').next() {
        Some("lambda") => s.lambda.get(key),
        Some("ec2") => s.ec2.get(key),
        Some("ebs") => s.ebs.get(key),
        Some("s3") => s.s3.get(key),
        _ => String::new(),
    }
}

/// Checks a value's length and characters, for the key named `name`.
pub fn checked(name: &'static str, v: &str) -> Result<(), KeyError> {
    if v.chars().count() > MAX_VALUE {
        return Err(KeyError::TooLong(name));
    }
    if v.chars().any(char::is_control) {
        return Err(KeyError::NotAChoice(name));
    }
    Ok(())
}

/// Puts a value back under its key.
pub fn set(s: &mut Scenario, name: &str, v: &str) -> Result<(), KeyError> {
    let key = find(name).ok_or_else(|| KeyError::Unknown(name.to_string()))?;
    checked(key, v)?;
    let done = if key == REGION {
        Region::from_code(v).map(|r| s.region = r)
    } else {
        match key.split('.').next() {
            Some("lambda") => s.lambda.set(key, v),
            Some("ec2") => s.ec2.set(key, v),
            Some("ebs") => s.ebs.set(key, v),
            _ => s.s3.set(key, v),
        }
    };
    done.ok_or(KeyError::NotAChoice(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_what_it_was_given() {
        let d = Scenario::default();
        for key in all() {
            let mut s = d.clone();
            let v = get(&d, key);
            set(&mut s, key, &v).unwrap_or_else(|e| panic!("{key}: {e:?}"));
            assert_eq!(s, d, "{key}");
        }
        assert_eq!(all().count(), 1 + 12 + 12 + 9 + 11);
        assert_eq!(find("ec2.count"), Some("ec2.count"));
        assert_eq!(find("ec2.nope"), None);
    }

    #[test]
    fn values_that_are_not_choices_are_refused() {
        let mut s = Scenario::default();
        assert_eq!(
            set(&mut s, "lambda.architecture", "sparc"),
            Err(KeyError::NotAChoice("lambda.architecture"))
        );
        assert_eq!(
            set(&mut s, "ec2.horizon_years", "2"),
            Err(KeyError::NotAChoice("ec2.horizon_years"))
        );
        assert_eq!(
            set(
                &mut s,
                "s3.lifecycle",
                "STANDARD,STANDARD,STANDARD,STANDARD"
            ),
            Err(KeyError::NotAChoice("s3.lifecycle"))
        );
        assert_eq!(
            set(&mut s, "region", &"x".repeat(101)),
            Err(KeyError::TooLong("region"))
        );
        assert_eq!(
            set(&mut s, "nope", "1"),
            Err(KeyError::Unknown("nope".into()))
        );
        assert_eq!(s, Scenario::default());
    }
}
