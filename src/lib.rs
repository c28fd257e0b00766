//! SOC readiness self-assessment.
//!
//! Architecture invariant: [`core`] is the domain (question bank, answers, scoring, report
//! data) and never depends on Leptos, web-sys or wasm-bindgen; `cargo test
//! --no-default-features` builds it alone, so the compiler guards the boundary. [`ui`] is a
//! thin Leptos shell that renders what the core computes. See ARCHITECTURE.md.

pub mod core;
#[cfg(feature = "ui")]
pub mod ui;
pub mod ui_text;
