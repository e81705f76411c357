//! One way to declare a closed set (regions, volume types, storage classes, purchase options…):
//! each value is written once with its code and its name, and [`closed_set!`] gives the enum
//! its serde name (the code), `code()`, `name()`, `from_code()`, `ALL` and `CODES` in
//! declaration order, `Display` (the code) and the packed tag (its position in `ALL`) that the
//! bundled tables are compiled in with.
//!
//! ```
//! awscost::closed_set! {
//!     /// How a thing is paid.
//!     pub enum Paid {
//!         Now = "now", "Paid now";
//!         Later = "later", "Paid later";
//!     }
//! }
//! assert_eq!(Paid::ALL, [Paid::Now, Paid::Later]);
//! assert_eq!(Paid::from_code("later"), Some(Paid::Later));
//! assert_eq!(Paid::Now.name(), "Paid now");
//! assert_eq!(serde_json::to_string(&Paid::Later).unwrap(), "\"later\"");
//! ```

/// Declares a closed set; see [the module](self).
#[macro_export]
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize,
        )]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; $crate::closed_set!(@count $($variant)+)] = [$($name::$variant),+];
            /// Every value's code, in the order of [`Self::ALL`].
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// Its code: the JSON and link spelling.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Its name, as a person reads it.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.code() == code)
            }

            /// Its position in [`Self::ALL`].
            pub fn index(self) -> usize {
                $name::ALL.iter().position(|v| *v == self).unwrap_or_default()
            }
        }

        /// Read from its code; a text that is not one is quoted cut short in the error (a
        /// 10 MB value is named, not copied about whole).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Code;
                impl serde::de::Visitor<'_> for Code {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("one of ")?;
                        for (i, code) in $name::CODES.iter().enumerate() {
                            if i > 0 {
                                f.write_str(", ")?;
                            }
                            write!(f, "`{code}`")?;
                        }
                        Ok(())
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_code(v).ok_or_else(|| {
                            E::unknown_variant(&$crate::error::cut(v), $name::CODES)
                        })
                    }
                }
                d.deserialize_str(Code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl $crate::pricing::packed::Packed for $name {
            fn write(&self, w: &mut $crate::pricing::packed::Writer) {
                <u32 as $crate::pricing::packed::Packed>::write(&(self.index() as u32), w);
            }
            fn read(r: &mut $crate::pricing::packed::Reader<'_>) -> Self {
                let i = <u32 as $crate::pricing::packed::Packed>::read(r) as usize;
                match $name::ALL.get(i) {
                    Some(v) => *v,
                    None => {
                        r.refuse();
                        $name::ALL[0]
                    }
                }
            }
        }
    };
    (@count) => { 0 };
    (@count $head:ident $($tail:ident)*) => { 1 + $crate::closed_set!(@count $($tail)*) };
}

#[cfg(test)]
mod tests {
    use crate::pricing::packed::{Packed, Reader, Writer};

    crate::closed_set! {
        /// A set to test with.
        #[derive(Default)]
        pub enum Shade {
            #[default]
            Light = "light", "Light shade";
            Dark = "dark-ish", "Dark shade";
        }
    }

    #[test]
    fn one_declaration_gives_every_spelling() {
        assert_eq!(Shade::ALL, [Shade::Light, Shade::Dark]);
        assert_eq!(Shade::CODES, ["light", "dark-ish"]);
        assert_eq!(Shade::Dark.code(), "dark-ish");
        assert_eq!(Shade::Dark.name(), "Dark shade");
        assert_eq!(Shade::Dark.to_string(), "dark-ish");
        assert_eq!(Shade::from_code("dark-ish"), Some(Shade::Dark));
        assert_eq!(Shade::from_code("Dark"), None);
        assert_eq!(Shade::default(), Shade::Light);
        assert_eq!(serde_json::to_string(&Shade::Dark).unwrap(), "\"dark-ish\"");
        assert_eq!(
            serde_json::from_str::<Shade>("\"light\"").unwrap(),
            Shade::Light
        );
        let e = serde_json::from_str::<Shade>("\"grey\"").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("unknown variant `grey`, expected `light` or `dark-ish`"),
            "{e}"
        );
    }

    /// Found by generated workloads: a 10 MB region was copied about whole into its error.
    #[test]
    fn an_unknown_code_is_quoted_cut_short() {
        let long = format!("\"{}\"", "g".repeat(100_000));
        let e = serde_json::from_str::<Shade>(&long)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(&format!("unknown variant `{}…`", "g".repeat(40))),
            "{e}"
        );
        let e = serde_json::from_str::<Shade>("1").unwrap_err().to_string();
        assert!(
            e.starts_with("invalid type: integer `1`, expected one of `light`, `dark-ish`"),
            "{e}"
        );
        assert_eq!(
            serde_json::from_str::<std::collections::BTreeMap<Shade, u8>>(r#"{"dark-ish":1}"#)
                .unwrap()
                .into_keys()
                .collect::<Vec<_>>(),
            [Shade::Dark]
        );
    }

    #[test]
    fn packed_as_its_position() {
        let mut w = Writer::default();
        Shade::Dark.write(&mut w);
        assert_eq!(w.out, "1\u{1f}");
        let mut r = Reader::new(&w.out);
        assert_eq!(Shade::read(&mut r), Shade::Dark);
        assert!(r.finish());
        let mut r = Reader::new("2\u{1f}");
        let _ = Shade::read(&mut r);
        assert!(!r.finish(), "no third shade");
    }
}
