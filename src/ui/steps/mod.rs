//! One component per step of the walkthrough. Only the current step is rendered.

pub mod blank;
pub mod compare;
pub mod data;
pub mod glossary;
pub mod provider_reports;
pub mod report;
pub mod requests;
pub mod results;
pub mod review;
pub mod scope;
pub mod section;
pub mod shared;
pub mod welcome;
