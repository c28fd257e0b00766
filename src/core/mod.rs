//! The domain core: pure Rust, no web crates, no panics (clippy denies unwrap/expect/panic).
//!
//! Data flows one way: bank files (TOML) → [`bank::Bank`] (parsed, merged, validated) →
//! with [`answers::Assessment`] → scores and report data. Nothing here touches the DOM.

pub mod answers;
pub mod bank;
pub mod brand;
pub mod chart;
pub mod compare;
pub mod condition;
pub mod criteria;
pub mod csv;
pub mod default_bank;
pub mod detail;
pub mod exchange;
pub mod glossary;
pub mod guide;
pub mod html;
pub mod persist;
pub mod provider_reports;
pub mod requests;
pub mod scoring;
pub mod share;
pub mod text;
