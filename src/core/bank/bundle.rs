//! The default bank as one download: `banks/default.jsonl`.
//!
//! The web app does not carry the default bank in its wasm: a provider's standalone bank
//! (or the peer benchmark's survey) would otherwise download it for nothing, and the parsed
//! bank and its source text would both sit in linear memory for the page's life. Instead
//! `bank-check --bundle` writes the default bank's files into one JSON Lines file, which the
//! app fetches (public/boot.js starts the download while the wasm compiles).
//!
//! Format: two lines per bank file, in merge order: the file's name as a JSON string (so
//! messages still name the TOML file the author edits), then the file itself as compact JSON
//! on one line. Every line is JSON; compact JSON never holds a raw line break.

use super::error::{BankError, Problem};
use super::source::Source;

/// The name the app fetches the bundle by, relative to its page.
pub const DEFAULT_BUNDLE_PATH: &str = "banks/default.jsonl";

/// Writes `sources` (each already JSON) as a bundle. A source that is not JSON, or whose
/// name or text would break the two-lines-per-file layout, is an error naming it.
pub fn write_bundle(sources: &[Source]) -> Result<String, BankError> {
    let mut out = String::new();
    for src in sources {
        let value: serde_json::Value = serde_json::from_str(src.text)
            .map_err(|e| BankError::new(src.name, None, None, Problem::Parse(e.to_string())))?;
        let name = serde_json::to_string(src.name)
            .map_err(|e| BankError::new(src.name, None, None, Problem::Parse(e.to_string())))?;
        let text = serde_json::to_string(&value)
            .map_err(|e| BankError::new(src.name, None, None, Problem::Parse(e.to_string())))?;
        out.push_str(&name);
        out.push('\n');
        out.push_str(&text);
        out.push('\n');
    }
    Ok(out)
}

/// The files of a bundle: (name, JSON text borrowed from `text`). `bundle_name` names the
/// bundle in errors (a truncated download, a file that is not a bundle).
pub fn read_bundle<'t>(
    bundle_name: &str,
    text: &'t str,
) -> Result<Vec<(String, &'t str)>, BankError> {
    let broken = |why: String| BankError::new(bundle_name, None, None, Problem::Parse(why));
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty());
    let mut files = Vec::new();
    while let Some(name_line) = lines.next() {
        let name: String = serde_json::from_str(name_line).map_err(|e| {
            broken(format!(
                "line {} is not a file name: {e}",
                files.len() * 2 + 1
            ))
        })?;
        let body = lines
            .next()
            .ok_or_else(|| broken(format!("{name} has no content (the file is cut short)")))?;
        files.push((name, body));
    }
    if files.is_empty() {
        return Err(broken("the file is empty".into()));
    }
    Ok(files)
}

/// Borrows a bundle's files as bank sources: (name, JSON text), the text borrowed from the
/// bundle (`read_bundle`) or owned (`merge_packs`).
pub fn bundle_sources<T: AsRef<str>>(files: &[(String, T)]) -> Vec<Source<'_>> {
    files
        .iter()
        .map(|(name, text)| Source {
            name,
            text: text.as_ref(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use crate::core::default_bank::SOURCES;

    #[test]
    fn the_default_bank_survives_a_round_trip() {
        let bundle = write_bundle(SOURCES).unwrap();
        assert_eq!(bundle.lines().count(), SOURCES.len() * 2);
        let files = read_bundle("default.jsonl", &bundle).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        let expected: Vec<&str> = SOURCES.iter().map(|s| s.name).collect();
        assert_eq!(names, expected);
        let from_bundle = Bank::from_sources(&bundle_sources(&files)).unwrap();
        let compiled_in = Bank::from_sources(SOURCES).unwrap();
        let ids = |b: &Bank| b.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&from_bundle), ids(&compiled_in));
    }

    #[test]
    fn a_cut_short_bundle_is_refused_with_its_name() {
        let bundle = write_bundle(SOURCES).unwrap();
        let first_line = bundle.lines().next().unwrap();
        let err = read_bundle("banks/default.jsonl", first_line).unwrap_err();
        assert_eq!(err.file, "banks/default.jsonl");
        assert!(format!("{err:?}").contains("cut short"), "{err:?}");
        let err = read_bundle("banks/default.jsonl", "<html>404</html>\n").unwrap_err();
        assert!(format!("{err:?}").contains("not a file name"), "{err:?}");
        assert!(read_bundle("banks/default.jsonl", "").is_err());
    }

    #[test]
    fn a_damaged_file_inside_is_reported_under_its_own_name() {
        let bundle = write_bundle(SOURCES).unwrap();
        // The second file's JSON cut in half.
        let mut lines: Vec<String> = bundle.lines().map(str::to_string).collect();
        let mut half = lines[3].len() / 2;
        while !lines[3].is_char_boundary(half) {
            half -= 1;
        }
        lines[3].truncate(half);
        let damaged = lines.join("\n");
        let files = read_bundle("default.jsonl", &damaged).unwrap();
        let Err(errors) = Bank::from_sources(&bundle_sources(&files)) else {
            panic!("a cut JSON file must be refused");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].file, SOURCES[1].name);
    }
}
