//! Where bank files come from: a [`Source`] (a name for messages and its text), its
//! [`Format`] (TOML or JSON, told by the text), reading it into the raw serde types, and a
//! provider's [`ProviderFile`] read once (to learn whether it needs the default bank, then
//! to build it).

use super::error::{BankError, Problem};
use super::raw::{RawFile, RawScoring};

/// One bank source: a file name (for messages) and its text, in TOML or JSON (see
/// [`Source::format`]).
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The two forms of a bank file, with the same structure: TOML, the authoring format, and
/// JSON, the form the browser app reads (build.rs and `bank-check --json` convert one to
/// the other). Reading TOML needs the crate feature `toml`; the web build is made without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Source<'_> {
    /// The format, told by the text itself: JSON when its first character (after white
    /// space and a byte-order mark) is `{`, which a TOML document never starts with; JSON
    /// also when the name ends in `.json`; TOML otherwise. The default bank's sources are
    /// JSON under their .toml names, so that messages name the file the author edits.
    pub fn format(&self) -> Format {
        let first = self
            .text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .chars()
            .next();
        if first == Some('{') || self.name.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

pub(super) fn parse_file(src: &Source) -> Result<RawFile, BankError> {
    match src.format() {
        Format::Json => super::from_json::read(src.text.trim_start_matches('\u{feff}'))
            .map_err(|e| BankError::new(src.name, None, None, Problem::Parse(e))),
        Format::Toml => parse_toml(src),
    }
}

#[cfg(feature = "toml")]
fn parse_toml(src: &Source) -> Result<RawFile, BankError> {
    toml::from_str::<RawFile>(src.text).map_err(|e| {
        let msg = e.to_string().trim().replace('\n', " ");
        BankError::new(src.name, None, None, Problem::Parse(msg))
    })
}

/// Without the `toml` feature (the web build) a TOML bank is refused with the command that
/// converts it.
#[cfg(not(feature = "toml"))]
fn parse_toml(src: &Source) -> Result<RawFile, BankError> {
    Err(BankError::new(
        src.name,
        None,
        None,
        Problem::TomlNotSupported,
    ))
}

/// A provider's bank file, read but not yet merged or validated.
pub struct ProviderFile {
    pub(super) name: String,
    pub(super) file: RawFile,
}

impl ProviderFile {
    /// Reads the file (JSON, or TOML with the feature `toml`); a syntax or type error names it.
    pub fn parse(src: Source) -> Result<ProviderFile, BankError> {
        Ok(ProviderFile {
            name: src.name.to_string(),
            file: parse_file(&src)?,
        })
    }

    /// The id of the bank this file `extends`.
    pub fn extends(&self) -> Option<&str> {
        self.file.bank.as_ref().and_then(|h| h.extends.as_deref())
    }

    /// Whether building it needs the default bank: the file extends it, or leaves out a part
    /// of `[scoring]`, which is then the default bank's. The app downloads the default bank
    /// only for a file that needs it.
    pub fn needs_base(&self) -> bool {
        self.extends().is_some()
            || self
                .file
                .scoring
                .as_ref()
                .is_none_or(RawScoring::is_partial)
    }
}
