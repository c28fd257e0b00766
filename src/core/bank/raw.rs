//! The bank files as written (serde types). Required fields are `Option` here so that
//! validation, not the TOML parser, reports a missing field with the item id and field name.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub en: Option<String>,
    pub zh: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTextList {
    pub en: Option<Vec<String>>,
    pub zh: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub bank: Option<RawHeader>,
    pub scoring: Option<RawScoring>,
    #[serde(default)]
    pub scope: Vec<RawScope>,
    #[serde(default)]
    pub domain: Vec<RawDomain>,
    #[serde(default)]
    pub item: Vec<RawItem>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub schema_version: Option<i64>,
    pub id: Option<String>,
    pub version: Option<String>,
    pub date: Option<String>,
    pub title: Option<RawText>,
    pub extends: Option<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoring {
    pub weights: Option<BTreeMap<String, i64>>,
    pub default_target: Option<i64>,
    #[serde(default)]
    pub band: Vec<RawBand>,
    #[serde(default)]
    pub observation_requires: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub id: Option<String>,
    pub min: Option<f64>,
    pub label: Option<RawText>,
    pub advice: Option<RawText>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    pub id: Option<String>,
    pub multiple: Option<bool>,
    pub text: Option<RawText>,
    pub help: Option<RawText>,
    pub show_if: Option<String>,
    #[serde(default)]
    pub option: Vec<RawOption>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: Option<String>,
    pub label: Option<RawText>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDomain {
    pub id: Option<String>,
    pub title: Option<RawText>,
    pub intro: Option<RawText>,
    pub show_if: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Option<String>,
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
}
