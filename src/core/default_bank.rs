//! The default question bank, compiled in from `content/bank/*.toml` by build.rs, so the
//! app starts without fetching anything.

use std::sync::OnceLock;

use super::bank::{Bank, BankError, Source};

/// The default bank's files, in the order they are merged.
pub const SOURCES: &[Source<'static>] =
    include!(concat!(env!("OUT_DIR"), "/default_bank_sources.rs"));

/// The default bank, parsed and validated once.
pub fn default_bank() -> Result<&'static Bank, &'static [BankError]> {
    static CELL: OnceLock<Result<Bank, Vec<BankError>>> = OnceLock::new();
    match CELL.get_or_init(|| Bank::from_sources(SOURCES)) {
        Ok(b) => Ok(b),
        Err(e) => Err(e),
    }
}
