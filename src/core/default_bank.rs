//! The default question bank, compiled in from `content/bank/*.toml` by build.rs, so the
//! app starts without fetching anything. build.rs converts each file to JSON: the app parses
//! JSON only, and the web build carries no TOML parser.

use std::sync::OnceLock;

use super::bank::{Bank, BankError, Source};

/// The default bank's files, in the order they are merged: each named after its
/// `content/bank/*.toml` file (for messages), with that file's JSON form as its text.
pub const SOURCES: &[Source<'static>] =
    include!(concat!(env!("OUT_DIR"), "/default_bank_sources.rs"));

/// The same files in their TOML form, as written (native tools and tests, feature `toml`):
/// `bank-check` reads these so that a mistake is reported with its line in the TOML.
#[cfg(feature = "toml")]
pub const TOML_SOURCES: &[Source<'static>] =
    include!(concat!(env!("OUT_DIR"), "/default_bank_toml_sources.rs"));

/// The default bank, parsed and validated once.
pub fn default_bank() -> Result<&'static Bank, &'static [BankError]> {
    static CELL: OnceLock<Result<Bank, Vec<BankError>>> = OnceLock::new();
    match CELL.get_or_init(|| Bank::from_sources(SOURCES)) {
        Ok(b) => Ok(b),
        Err(e) => Err(e),
    }
}
