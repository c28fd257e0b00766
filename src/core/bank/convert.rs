//! TOML (the authoring format of banks and of the criteria catalogue) to compact JSON (the
//! form the browser app reads, so the wasm carries no TOML parser).
//!
//! Shared by build.rs (which includes this file with `#[path]`, so it may use only `toml`,
//! `serde_json` and `std`) and, behind the `toml` feature, by `bank-check --json`. The
//! conversion is generic: tables become objects (keys sorted), arrays stay in order. It
//! refuses what JSON cannot hold the same way: TOML date-times (the bank format has none;
//! dates are quoted strings) and non-finite floats.

/// Converts a TOML document to compact JSON. The error is the TOML parser's message (with
/// line, column and the offending line) or names the key that has no JSON form.
pub fn toml_to_json(text: &str) -> Result<String, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    let value = table_to_json(&table, "")?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

fn table_to_json(table: &toml::Table, path: &str) -> Result<serde_json::Value, String> {
    let mut map = serde_json::Map::new();
    for (key, value) in table {
        let path = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        map.insert(key.clone(), value_to_json(value, &path)?);
    }
    Ok(serde_json::Value::Object(map))
}

fn value_to_json(value: &toml::Value, path: &str) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    Ok(match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => match serde_json::Number::from_f64(*f) {
            Some(n) => J::Number(n),
            None => {
                return Err(format!(
                    "{path}: {f} has no JSON form (not a finite number)"
                ))
            }
        },
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => {
            return Err(format!(
                "{path}: {d} is a TOML date-time, which the bank format does not use; \
                 write it as a quoted string: \"{d}\""
            ))
        }
        toml::Value::Array(items) => J::Array(
            items
                .iter()
                .enumerate()
                .map(|(n, v)| value_to_json(v, &format!("{path}[{n}]")))
                .collect::<Result<_, _>>()?,
        ),
        toml::Value::Table(t) => table_to_json(t, path)?,
    })
}
