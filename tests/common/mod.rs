//! Helpers shared by the native test files (each test file includes this with `mod common;`).
#![allow(dead_code, clippy::panic)]

use soc_readiness::core::bank::{Bank, Source};

/// The small fixture bank of the scoring tests (it cites all 61 criteria, so it validates).
pub fn scoring_fixture_bank() -> Bank {
    let text = include_str!("../fixtures/scoring/bank.toml");
    match Bank::from_sources(&[Source {
        name: "bank.toml",
        text,
    }]) {
        Ok(b) => b,
        Err(e) => panic!(
            "fixture bank invalid: {:?}",
            e.iter().map(|e| e.to_string()).collect::<Vec<_>>()
        ),
    }
}
