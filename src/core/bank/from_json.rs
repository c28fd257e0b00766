//! A bank file's JSON into the raw types (`raw.rs`), without serde's derived code.
//!
//! Why not `serde_json::from_str::<RawFile>`: every raw struct keeps its unknown fields
//! (`#[serde(flatten)] extra`), and a flattened struct is read through serde's buffered
//! `Content`: every key and value of the bank copied once more, and about 50 KB of generated
//! code in the wasm. Here the text is read once into a `serde_json::Value` (serde_json's
//! own code, which the app has anyway) and each struct takes its fields out of the object;
//! what is left is its `extra`. The semantics are the derive's: a missing or `null` field
//! is `None` (or the default of a list or flag); a field of the wrong type is an error that
//! names it by its path (`item[3].criteria`). TOML (native tools) still goes through serde.
//! Issue 19: this made the wasm smaller and a survey's bank faster to read.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::provider_steps::RawProviderSteps;
use super::raw::*;

/// Reads one bank file's JSON text.
pub(super) fn read(text: &str) -> Result<RawFile, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    RawFile::from_json(value, "")
}

/// A raw type read from a JSON value; `at` is its path, for messages.
trait FromJson: Sized {
    fn from_json(v: Value, at: &str) -> Result<Self, String>;
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

fn wrong(at: &str, expected: &str, found: &Value) -> String {
    let at = if at.is_empty() { "the file" } else { at };
    format!("{at}: expected {expected}, found {}", kind(found))
}

impl FromJson for String {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(wrong(at, "a text", &other)),
        }
    }
}

impl FromJson for i64 {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        v.as_i64().ok_or_else(|| wrong(at, "a whole number", &v))
    }
}

impl FromJson for f64 {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        v.as_f64().ok_or_else(|| wrong(at, "a number", &v))
    }
}

impl FromJson for bool {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        v.as_bool().ok_or_else(|| wrong(at, "true or false", &v))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            other => T::from_json(other, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        match v {
            Value::Array(list) => list
                .into_iter()
                .enumerate()
                .map(|(i, v)| T::from_json(v, &format!("{at}[{i}]")))
                .collect(),
            other => Err(wrong(at, "a list", &other)),
        }
    }
}

impl FromJson for BTreeMap<String, i64> {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        match v {
            Value::Object(map) => map
                .into_iter()
                .map(|(k, v)| {
                    let n = i64::from_json(v, &format!("{at}.{k}"))?;
                    Ok((k, n))
                })
                .collect(),
            other => Err(wrong(at, "a table", &other)),
        }
    }
}

/// The fields of one JSON object, taken out one by one.
struct Fields<'a> {
    map: Map<String, Value>,
    at: &'a str,
}

impl<'a> Fields<'a> {
    fn of(v: Value, at: &'a str) -> Result<Self, String> {
        match v {
            Value::Object(map) => Ok(Fields { map, at }),
            other => Err(wrong(at, "a table", &other)),
        }
    }

    /// The field `name`: its default when absent (`None`, an empty list, `false`).
    fn take<T: FromJson + Default>(&mut self, name: &str) -> Result<T, String> {
        match self.map.remove(name) {
            None => Ok(T::default()),
            Some(v) => {
                let at = if self.at.is_empty() {
                    name.to_string()
                } else {
                    format!("{}.{name}", self.at)
                };
                T::from_json(v, &at)
            }
        }
    }

    /// The fields left: those the struct does not know.
    fn rest(self) -> Extra {
        self.map.into_iter().collect()
    }
}

/// `FromJson` for a raw struct: each named field taken out, the rest its `extra`. The struct
/// literal lists every field, so a field added to `raw.rs` and not here does not compile.
macro_rules! from_json {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl FromJson for $name {
            fn from_json(v: Value, at: &str) -> Result<Self, String> {
                let mut f = Fields::of(v, at)?;
                Ok($name {
                    $($field: f.take(stringify!($field))?,)*
                    extra: f.rest(),
                })
            }
        }
    };
}

from_json!(RawText { en, zh });
from_json!(RawTextList { en, zh });
from_json!(RawFile {
    bank,
    scoring,
    scope,
    domain,
    item
});
from_json!(RawHeader {
    schema_version,
    id,
    version,
    date,
    title,
    extends,
    remove,
    covers,
    attribution,
    disclaimer
});
from_json!(RawCovers {
    purpose,
    reports,
    categories,
    gates
});
from_json!(RawScoring {
    weights,
    default_target,
    band,
    observation_requires
});
from_json!(RawBand {
    id,
    min,
    label,
    advice
});
from_json!(RawScope {
    id,
    multiple,
    text,
    help,
    show_if,
    option
});
from_json!(RawOption { id, label });
from_json!(RawDomain {
    id,
    title,
    intro,
    show_if
});

from_json!(RawItem {
    id,
    source,
    domain,
    kind,
    criticality,
    reports,
    criteria,
    objectives,
    also_own_soc2,
    assumed,
    theme,
    checkpoints,
    show_if,
    never_na,
    target,
    title,
    statement,
    why,
    how,
    evidence,
    type2,
    for_provider,
});

/// `[[item.for_provider]]` has no `extra`: an unknown field in it is an error.
impl FromJson for RawProviderSteps {
    fn from_json(v: Value, at: &str) -> Result<Self, String> {
        let mut f = Fields::of(v, at)?;
        let steps = RawProviderSteps {
            provider: f.take("provider")?,
            how: f.take("how")?,
            evidence: f.take("evidence")?,
        };
        match f.map.keys().next() {
            Some(unknown) => Err(format!(
                "{at}: unknown field `{unknown}`, expected `provider`, `how` or `evidence`"
            )),
            None => Ok(steps),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_bank::SOURCES;

    /// The same raw structs as serde's derive reads, for every file of the default bank.
    #[test]
    fn reads_the_default_bank_as_serde_does() {
        for src in SOURCES {
            let ours = read(src.text).unwrap();
            let serde: RawFile = serde_json::from_str(src.text).unwrap();
            assert_eq!(format!("{ours:?}"), format!("{serde:?}"), "{}", src.name);
        }
    }

    #[test]
    fn a_field_of_the_wrong_type_is_named_by_its_path() {
        let err = read(r#"{"item":[{"id":"A-01"},{"id":"A-02","criteria":"CC6.1"}]}"#).unwrap_err();
        assert_eq!(err, "item[1].criteria: expected a list, found a text");
        let err = read(r#"{"scoring":{"weights":{"critical":"x"}}}"#).unwrap_err();
        assert_eq!(
            err,
            "scoring.weights.critical: expected a whole number, found a text"
        );
        let err = read(r#"[1]"#).unwrap_err();
        assert_eq!(err, "the file: expected a table, found a list");
        let err = read(r#"{"item":[{"for_provider":[{"provider":"aws","how2":1}]}]}"#).unwrap_err();
        assert!(
            err.starts_with("item[0].for_provider[0]: unknown field `how2`"),
            "{err}"
        );
    }

    #[test]
    fn unknown_fields_are_kept_and_null_is_absent() {
        let file = read(
            r#"{"x-note":1,"item":[{"id":"A-01","wyh":{"en":"a"},"theme":null,"never_na":true}]}"#,
        )
        .unwrap();
        assert!(file.extra.contains_key("x-note"));
        let item = &file.item[0];
        assert!(item.extra.contains_key("wyh"));
        assert_eq!(item.theme, None);
        assert!(item.never_na);
    }
}
