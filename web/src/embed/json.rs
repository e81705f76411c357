//! A small JSON reader for the embed options' workload (`data-workload`, `mount`'s `workload`,
//! the iframe route's `workload=`): the document as a list of its values in document order, each
//! at its JSON path (`ebs.size_gib`, `s3.lifecycle[1].days`), scalars as text.
//!
//! The widget's forms take their inputs as text and check them as they check what a person
//! types, so the embed options need no typed deserialiser: this reader keeps serde's JSON
//! deserialiser, with the float formatting its error messages reach, out of one-panel builds
//! (−32 KB gzipped of a 175 KB EBS module). The CLI and the JS API still read workloads with the
//! engine's serde types. Hostile text gives an error, never a panic: the document's length and
//! depth are bounded.

use std::fmt;

/// The longest document read, in bytes.
pub const MAX_LEN: usize = 65_536;
/// The deepest nesting read (a workload needs 4: document, section, lifecycle, step).
pub const MAX_DEPTH: usize = 16;

/// One value of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Object,
    Array,
    /// A string, unescaped.
    Text(String),
    /// A number, as written.
    Number(String),
    Bool(bool),
    Null,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Longer than [`MAX_LEN`] bytes.
    TooLong(usize),
    /// Not JSON: at the character `at` (counted from 1), `expected` was expected.
    Syntax { at: usize, expected: &'static str },
    /// Nested deeper than [`MAX_DEPTH`], at this path.
    TooDeep(String),
    /// The same key twice in one object (the key's path).
    Repeated(String),
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::TooLong(n) => write!(f, "it is {n} bytes long; at most {MAX_LEN} are read"),
            JsonError::Syntax { at, expected } => {
                write!(
                    f,
                    "it is not JSON: {expected} was expected at character {at}"
                )
            }
            JsonError::TooDeep(p) => {
                write!(f, "{p}: nested more than {MAX_DEPTH} levels deep")
            }
            JsonError::Repeated(p) => write!(f, "{p}: given twice"),
        }
    }
}

/// Every value of `text` with its path ("" for the document itself), in document order.
pub fn values(text: &str) -> Result<Vec<(String, Value)>, JsonError> {
    if text.len() > MAX_LEN {
        return Err(JsonError::TooLong(text.len()));
    }
    let mut r = Reader {
        text,
        at: 0,
        out: vec![],
    };
    r.space();
    r.value(&mut String::new(), 0)?;
    r.space();
    if r.at < text.len() {
        return Err(r.expected("the end of the document"));
    }
    Ok(r.out)
}

struct Reader<'a> {
    text: &'a str,
    /// A byte offset, always at a character boundary.
    at: usize,
    out: Vec<(String, Value)>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn expected(&self, expected: &'static str) -> JsonError {
        let at = self.text.get(..self.at).map_or(0, |t| t.chars().count()) + 1;
        JsonError::Syntax { at, expected }
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn must(&mut self, b: u8, expected: &'static str) -> Result<(), JsonError> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.expected(expected))
        }
    }

    fn value(&mut self, path: &mut String, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep(path.clone()));
        }
        let value = match self.peek() {
            Some(b'{') => return self.object(path, depth),
            Some(b'[') => return self.array(path, depth),
            Some(b'"') => Value::Text(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => {
                let rest = self.text.get(self.at..).unwrap_or_default();
                let (word, value) = [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Null),
                ]
                .into_iter()
                .find(|(w, _)| rest.starts_with(w))
                .ok_or_else(|| self.expected("a value"))?;
                self.at += word.len();
                value
            }
        };
        self.out.push((path.clone(), value));
        Ok(())
    }

    fn object(&mut self, path: &mut String, depth: usize) -> Result<(), JsonError> {
        self.at += 1;
        self.out.push((path.clone(), Value::Object));
        self.space();
        if self.eat(b'}') {
            return Ok(());
        }
        let mut keys: Vec<String> = vec![];
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.expected("a key in double quotes"));
            }
            let key = self.string()?;
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            if keys.contains(&key) {
                return Err(JsonError::Repeated(path.clone()));
            }
            self.space();
            self.must(b':', "a colon")?;
            self.space();
            self.value(path, depth + 1)?;
            path.truncate(len);
            keys.push(key);
            self.space();
            if !self.eat(b',') {
                return self.must(b'}', "a comma or a closing brace");
            }
        }
    }

    fn array(&mut self, path: &mut String, depth: usize) -> Result<(), JsonError> {
        self.at += 1;
        self.out.push((path.clone(), Value::Array));
        self.space();
        if self.eat(b']') {
            return Ok(());
        }
        for i in 0usize.. {
            let len = path.len();
            path.push('[');
            path.push_str(&i.to_string());
            path.push(']');
            self.space();
            self.value(path, depth + 1)?;
            path.truncate(len);
            self.space();
            if !self.eat(b',') {
                break;
            }
        }
        self.must(b']', "a comma or a closing bracket")
    }

    /// A string at `"`: its text, unescaped.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.at..).unwrap_or_default();
            let run = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .ok_or_else(|| self.expected("a closing double quote"))?;
            out.push_str(&rest[..run]);
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.expected("an escape such as \\n or \\u00e9")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                _ => return Err(self.expected("a control character escaped")),
            }
        }
    }

    /// The four hex digits after `\u` (and a second `\uXXXX` for a surrogate pair).
    fn unicode(&mut self) -> Result<char, JsonError> {
        let hex = |r: &mut Self| -> Result<u32, JsonError> {
            let digits = r
                .text
                .get(r.at..r.at + 4)
                .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
            let n = digits
                .and_then(|d| u32::from_str_radix(d, 16).ok())
                .ok_or_else(|| r.expected("four hex digits after \\u"))?;
            r.at += 4;
            Ok(n)
        };
        let first = hex(self)?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !(self.eat(b'\\') && self.eat(b'u')) {
                return Err(self.expected("the second half of a surrogate pair"));
            }
            let second = hex(self)?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.expected("the second half of a surrogate pair"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.expected("a character, not half a surrogate pair"))
    }

    /// A number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<String, JsonError> {
        let start = self.at;
        self.eat(b'-');
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        if !self.eat(b'0') && !digits(self) {
            return Err(self.expected("a digit"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.expected("a digit after the decimal point"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !digits(self) {
                return Err(self.expected("a digit in the exponent"));
            }
        }
        Ok(self.text[start..self.at].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Value::*;

    fn paths(text: &str) -> Vec<(String, Value)> {
        values(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn reads_every_value_at_its_path() {
        let v = paths(
            r#" {"region":"eu-west-1","ebs":{"size_gib":100,"boot":true,"x":null},
                "s3":{"lifecycle":[{"class":"STANDARD"},{"class":"GLACIER","days":3.5e1}]}} "#,
        );
        let want: Vec<(String, Value)> = vec![
            ("".into(), Object),
            ("region".into(), Text("eu-west-1".into())),
            ("ebs".into(), Object),
            ("ebs.size_gib".into(), Number("100".into())),
            ("ebs.boot".into(), Bool(true)),
            ("ebs.x".into(), Null),
            ("s3".into(), Object),
            ("s3.lifecycle".into(), Array),
            ("s3.lifecycle[0]".into(), Object),
            ("s3.lifecycle[0].class".into(), Text("STANDARD".into())),
            ("s3.lifecycle[1]".into(), Object),
            ("s3.lifecycle[1].class".into(), Text("GLACIER".into())),
            ("s3.lifecycle[1].days".into(), Number("3.5e1".into())),
        ];
        assert_eq!(v, want);
        assert_eq!(paths("[]"), vec![("".into(), Array)]);
        assert_eq!(
            paths("-0.5E+3"),
            vec![("".into(), Number("-0.5E+3".into()))]
        );
    }

    #[test]
    fn unescapes_strings() {
        assert_eq!(
            paths(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#),
            vec![("".into(), Text("a\"b\\c/d\né😀".into()))]
        );
    }

    #[test]
    fn names_what_is_wrong_and_where() {
        let err = |t: &str| values(t).unwrap_err();
        assert_eq!(
            err(r#"{"a":}"#),
            JsonError::Syntax {
                at: 6,
                expected: "a value"
            }
        );
        assert_eq!(
            err(r#"{"a":1"#),
            JsonError::Syntax {
                at: 7,
                expected: "a comma or a closing brace"
            }
        );
        assert_eq!(
            err(r#"{a:1}"#),
            JsonError::Syntax {
                at: 2,
                expected: "a key in double quotes"
            }
        );
        assert_eq!(
            err("[1,]"),
            JsonError::Syntax {
                at: 4,
                expected: "a value"
            }
        );
        assert_eq!(
            err("01"),
            JsonError::Syntax {
                at: 2,
                expected: "the end of the document"
            }
        );
        assert_eq!(
            err("1."),
            JsonError::Syntax {
                at: 3,
                expected: "a digit after the decimal point"
            }
        );
        assert_eq!(
            err("\"é\\x\""),
            JsonError::Syntax {
                at: 4,
                expected: "an escape such as \\n or \\u00e9"
            }
        );
        assert_eq!(
            err("\"\\ud800\""),
            JsonError::Syntax {
                at: 8,
                expected: "the second half of a surrogate pair"
            }
        );
        assert_eq!(
            err("\"\\udc00\""),
            JsonError::Syntax {
                at: 8,
                expected: "a character, not half a surrogate pair"
            }
        );
        assert_eq!(
            err("\"a\nb\""),
            JsonError::Syntax {
                at: 3,
                expected: "a control character escaped"
            }
        );
        assert_eq!(
            err("\"abc"),
            JsonError::Syntax {
                at: 2,
                expected: "a closing double quote"
            }
        );
        assert_eq!(
            err("<script>"),
            JsonError::Syntax {
                at: 1,
                expected: "a value"
            }
        );
        assert_eq!(
            err(""),
            JsonError::Syntax {
                at: 1,
                expected: "a value"
            }
        );
        assert_eq!(err(r#"{"a":1,"a":2}"#), JsonError::Repeated("a".into()));
        assert_eq!(err(&"[".repeat(100_000)), JsonError::TooLong(100_000));
        assert!(matches!(err(&"[".repeat(1000)), JsonError::TooDeep(_)));
        assert!(err(r#"{"a":1}"#.trim_end_matches('}'))
            .to_string()
            .contains("character 7"));
    }

    #[test]
    fn never_panics_on_any_prefix_or_mutation() {
        let doc = r#"{"region":"eu-west-1","s3":{"lifecycle":[{"class":"\u00e9\ud83d\ude00","days":-1.5e+3}]},"b":[true,false,null]}"#;
        for end in (0..=doc.len()).filter(|i| doc.is_char_boundary(*i)) {
            let _ = values(&doc[..end]);
        }
        for (i, _) in doc.char_indices() {
            for c in [
                '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '0', 'e', '-', ' ',
            ] {
                let mut t = doc.to_string();
                t.replace_range(
                    i..i + doc[i..].chars().next().map_or(0, char::len_utf8),
                    &c.to_string(),
                );
                let _ = values(&t);
            }
        }
    }
}
