//! The default question bank, compiled in from `content/bank/*.toml` by build.rs for native
//! code (bank-check, tests, benchmarks). build.rs converts each file to JSON. The web app
//! does not use these constants (so the linker leaves them out of the wasm): it downloads
//! the same JSON as `banks/default.jsonl`, written by `bank-check --bundle` (bank/bundle.rs).

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
