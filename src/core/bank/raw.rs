//! The bank files as written (serde types). Required fields are `Option` here so that
//! validation, not the TOML parser, reports a missing field with the item id and field name.
//!
//! Fields the format does not know are not refused by the parser: each struct keeps them in
//! `extra`, and validation reports every unknown one at once (naming the entry and field),
//! ignores extension fields (`x-…`) and, in a text, languages beyond en/zh with a warning
//! (see `extra.rs`).

use serde::Deserialize;
use std::collections::BTreeMap;

/// Fields a struct does not declare, by name, as written.
pub type Extra = BTreeMap<String, serde_json::Value>;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawText {
    pub en: Option<String>,
    pub zh: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawTextList {
    pub en: Option<Vec<String>>,
    pub zh: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawFile {
    pub bank: Option<RawHeader>,
    pub scoring: Option<RawScoring>,
    #[serde(default)]
    pub scope: Vec<RawScope>,
    #[serde(default)]
    pub domain: Vec<RawDomain>,
    #[serde(default)]
    pub item: Vec<RawItem>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawHeader {
    pub schema_version: Option<i64>,
    pub id: Option<String>,
    pub version: Option<String>,
    pub date: Option<String>,
    pub title: Option<RawText>,
    pub extends: Option<String>,
    #[serde(default)]
    pub remove: Vec<String>,
    /// What the bank covers (see content/FORMAT.md, "Declared coverage").
    pub covers: Option<RawCovers>,
    /// Who wrote the content, its sources and licence; shown in the app and the report.
    pub attribution: Option<RawText>,
    /// The bank's own disclaimer, shown beside the app's.
    pub disclaimer: Option<RawText>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawCovers {
    pub purpose: Option<Vec<String>>,
    pub reports: Option<Vec<String>>,
    pub categories: Option<Vec<String>>,
    pub gates: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawScoring {
    pub weights: Option<BTreeMap<String, i64>>,
    pub default_target: Option<i64>,
    #[serde(default)]
    pub band: Vec<RawBand>,
    #[serde(default)]
    pub observation_requires: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl RawScoring {
    /// Every field this one leaves out taken from `base` (a provider bank's scoring over
    /// the standard bank's).
    pub fn over(self, base: &RawScoring) -> RawScoring {
        RawScoring {
            weights: self.weights.or_else(|| base.weights.clone()),
            default_target: self.default_target.or(base.default_target),
            band: if self.band.is_empty() {
                base.band.clone()
            } else {
                self.band
            },
            observation_requires: if self.observation_requires.is_empty() {
                base.observation_requires.clone()
            } else {
                self.observation_requires
            },
            extra: self.extra,
        }
    }

    /// Whether a field is left out (so that the standard bank's is needed).
    pub fn is_partial(&self) -> bool {
        self.weights.is_none() || self.default_target.is_none() || self.band.is_empty()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawBand {
    pub id: Option<String>,
    pub min: Option<f64>,
    pub label: Option<RawText>,
    pub advice: Option<RawText>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawScope {
    pub id: Option<String>,
    pub multiple: Option<bool>,
    pub text: Option<RawText>,
    pub help: Option<RawText>,
    pub show_if: Option<String>,
    #[serde(default)]
    pub option: Vec<RawOption>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawOption {
    pub id: Option<String>,
    pub label: Option<RawText>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawDomain {
    pub id: Option<String>,
    pub title: Option<RawText>,
    pub intro: Option<RawText>,
    pub show_if: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawItem {
    pub id: Option<String>,
    /// The item's reference in the provider's own source (e.g. `CC6.1.11`), shown beside
    /// the id.
    pub source: Option<String>,
    pub domain: Option<String>,
    pub kind: Option<String>,
    pub criticality: Option<String>,
    pub reports: Option<Vec<String>>,
    pub criteria: Option<Vec<String>>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub also_own_soc2: bool,
    #[serde(default)]
    pub assumed: bool,
    pub theme: Option<i64>,
    #[serde(default)]
    pub checkpoints: Vec<String>,
    pub show_if: Option<String>,
    #[serde(default)]
    pub never_na: bool,
    pub target: Option<i64>,
    pub title: Option<RawText>,
    pub statement: Option<RawText>,
    pub why: Option<RawText>,
    pub how: Option<RawTextList>,
    pub evidence: Option<RawText>,
    pub type2: Option<RawText>,
    #[serde(flatten)]
    pub extra: Extra,
    /// Guidance for one provider (see provider_steps.rs).
    #[serde(default)]
    pub for_provider: Vec<super::provider_steps::RawProviderSteps>,
}
