//! The audit-preparation guide (`content/guide.toml`): topics such as sample sizes by
//! control frequency, evidence retention, auditor independence, the DC 200 elements and the
//! provider's reports. Content, not code: build.rs converts the file to JSON, and
//! [`Guide::builtin`] validates it; every error names the file, the topic and the field.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::core::text::{Lang, Text, TextList};

const FILE: &str = "content/guide.toml";
const SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/guide.json"));

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuide {
    #[serde(default)]
    topic: Vec<RawTopic>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: Option<String>,
    #[serde(default)]
    show_in: Vec<String>,
    #[serde(default)]
    own_audit_only: bool,
    title: Option<Text>,
    text: Option<TextList>,
    columns: Option<TextList>,
    rows: Option<RawRows>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRows {
    #[serde(default)]
    en: Vec<Vec<String>>,
    #[serde(default)]
    zh: Vec<Vec<String>>,
}

/// A table of a topic: column headings and rows, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideTable {
    pub columns: TextList,
    pub rows_en: Vec<Vec<String>>,
    pub rows_zh: Vec<Vec<String>>,
}

impl GuideTable {
    pub fn rows(&self, lang: Lang) -> &[Vec<String>] {
        match lang {
            Lang::En => &self.rows_en,
            Lang::Zh => &self.rows_zh,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    /// Where the topic is shown: a section's domain id, or `results`.
    pub show_in: Vec<String>,
    /// Only for a customer heading for its own examination (Type I or II).
    pub own_audit_only: bool,
    pub title: Text,
    /// Paragraphs.
    pub text: TextList,
    pub table: Option<GuideTable>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub topics: Vec<Topic>,
}

/// `file: topic id: field: problem`, the shape of every content error.
fn error(topic: &str, field: &str, problem: &str) -> String {
    format!("{FILE}: topic {topic}: {field}: {problem}")
}

/// Both languages present, non-empty, the same length (for lists).
pub(crate) fn check_text(t: &Option<Text>, at: &dyn Fn(&str, &str) -> String) -> Vec<String> {
    match t {
        None => vec![at("", "is missing")],
        Some(t) => [(Lang::En, &t.en), (Lang::Zh, &t.zh)]
            .iter()
            .filter(|(_, s)| s.trim().is_empty())
            .map(|(l, _)| at(&format!(".{}", l.code()), "is empty"))
            .collect(),
    }
}

pub(crate) fn check_list(t: &Option<TextList>, at: &dyn Fn(&str, &str) -> String) -> Vec<String> {
    match t {
        None => vec![at("", "is missing")],
        Some(t) if t.en.is_empty() || t.en.iter().chain(&t.zh).any(|s| s.trim().is_empty()) => {
            vec![at("", "has an empty text")]
        }
        Some(t) if t.en.len() != t.zh.len() => vec![at(
            "",
            &format!("has {} texts in en but {} in zh", t.en.len(), t.zh.len()),
        )],
        Some(_) => vec![],
    }
}

impl Guide {
    /// Parses and validates a guide in its JSON form; all errors at once.
    pub fn parse(src: &str) -> Result<Guide, Vec<String>> {
        let raw: RawGuide = serde_json::from_str(src).map_err(|e| vec![format!("{FILE}: {e}")])?;
        let mut errors = Vec::new();
        let mut topics = Vec::new();
        for (n, t) in raw.topic.iter().enumerate() {
            let id = t.id.clone().unwrap_or_else(|| format!("#{}", n + 1));
            let at = |field: &str| {
                let id = id.clone();
                let field = field.to_string();
                move |suffix: &str, problem: &str| error(&id, &format!("{field}{suffix}"), problem)
            };
            let valid_id = t.id.as_deref().is_some_and(|i| {
                !i.is_empty()
                    && i.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
            if !valid_id {
                errors.push(error(&id, "id", "is missing or not [a-z0-9_]+"));
            }
            if topics.iter().any(|x: &Topic| x.id == id) {
                errors.push(error(&id, "id", "is used twice"));
            }
            if t.show_in.is_empty() {
                errors.push(error(&id, "show_in", "names no place"));
            }
            errors.extend(check_text(&t.title, &at("title")));
            errors.extend(check_list(&t.text, &at("text")));
            let table = match (&t.columns, &t.rows) {
                (None, None) => None,
                (columns, rows) => {
                    errors.extend(check_list(columns, &at("columns")));
                    let width = columns.as_ref().map_or(0, |c| c.en.len());
                    let rows = rows.as_ref();
                    let (en, zh) = (
                        rows.map(|r| r.en.clone()).unwrap_or_default(),
                        rows.map(|r| r.zh.clone()).unwrap_or_default(),
                    );
                    if en.is_empty() || en.len() != zh.len() {
                        errors.push(error(
                            &id,
                            "rows",
                            "needs the same number of rows (at least one) in en and zh",
                        ));
                    }
                    for (lang, list) in [("en", &en), ("zh", &zh)] {
                        for (r, row) in list.iter().enumerate() {
                            if row.len() != width || row.iter().any(|c| c.trim().is_empty()) {
                                errors.push(error(
                                    &id,
                                    &format!("rows.{lang}[{r}]"),
                                    &format!("needs {width} non-empty cells, one per column"),
                                ));
                            }
                        }
                    }
                    columns.clone().map(|columns| GuideTable {
                        columns,
                        rows_en: en,
                        rows_zh: zh,
                    })
                }
            };
            topics.push(Topic {
                id,
                show_in: t.show_in.clone(),
                own_audit_only: t.own_audit_only,
                title: t.title.clone().unwrap_or_default(),
                text: t.text.clone().unwrap_or_default(),
                table,
            });
        }
        if errors.is_empty() {
            Ok(Guide { topics })
        } else {
            Err(errors)
        }
    }

    /// The guide compiled into the app, validated once.
    pub fn builtin() -> Result<&'static Guide, &'static [String]> {
        static CELL: OnceLock<Result<Guide, Vec<String>>> = OnceLock::new();
        CELL.get_or_init(|| Guide::parse(SOURCE))
            .as_ref()
            .map_err(Vec::as_slice)
    }

    /// The topics shown in one place (a section's domain id, or `results`), in file order;
    /// without an own audit, not the topics that concern only that.
    pub fn topics_for(&self, place: &str, own_audit: bool) -> Vec<&Topic> {
        self.topics
            .iter()
            .filter(|t| t.show_in.iter().any(|p| p == place) && (own_audit || !t.own_audit_only))
            .collect()
    }

    /// The topics printed in the report's appendix.
    pub fn printed(&self, own_audit: bool) -> impl Iterator<Item = &Topic> + '_ {
        self.topics
            .iter()
            .filter(move |t| own_audit || !t.own_audit_only)
    }
}
