//! The glossary (`content/glossary.toml`): the terms the app uses, in both languages, with
//! the CICPA terms mainland practitioners know. Content, not code: build.rs converts the
//! file to JSON and [`Glossary::builtin`] validates it; every error names the file, the
//! term and the field. Questions and results link to the terms their text uses.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::core::guide::check_text;
use crate::core::text::{Lang, Text, TextList};

const FILE: &str = "content/glossary.toml";
const SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/glossary.json"));

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    term: Vec<RawTerm>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Option<String>,
    name: Option<Text>,
    cicpa: Option<String>,
    #[serde(rename = "match")]
    matches: Option<TextList>,
    definition: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub id: String,
    pub name: Text,
    /// The CICPA (中国注册会计师协会) term, shown as an alias in Chinese.
    pub cicpa: Option<String>,
    /// Words that link a text to this term (case-insensitive in English).
    pub matches: TextList,
    pub definition: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

impl Glossary {
    /// Parses and validates a glossary in its JSON form; all errors at once.
    pub fn parse(src: &str) -> Result<Glossary, Vec<String>> {
        let raw: RawGlossary =
            serde_json::from_str(src).map_err(|e| vec![format!("{FILE}: {e}")])?;
        let mut errors = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        for (n, t) in raw.term.iter().enumerate() {
            let id = t.id.clone().unwrap_or_else(|| format!("#{}", n + 1));
            let at = |field: &'static str| {
                let id = id.clone();
                move |suffix: &str, problem: &str| {
                    format!("{FILE}: term {id}: {field}{suffix}: {problem}")
                }
            };
            let valid = t.id.as_deref().is_some_and(|i| {
                !i.is_empty()
                    && i.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
            if !valid {
                errors.push(format!(
                    "{FILE}: term {id}: id: is missing or not [a-z0-9_]+"
                ));
            }
            if terms.iter().any(|x| x.id == id) {
                errors.push(format!("{FILE}: term {id}: id: is used twice"));
            }
            errors.extend(check_text(&t.name, &at("name")));
            errors.extend(check_text(&t.definition, &at("definition")));
            // `match` lists may differ in length between the languages.
            let m = t.matches.clone().unwrap_or_default();
            if m.en.is_empty()
                || m.zh.is_empty()
                || m.en.iter().chain(&m.zh).any(|s| s.trim().is_empty())
            {
                errors.push(format!(
                    "{FILE}: term {id}: match: needs non-empty words in en and zh"
                ));
            }
            if t.cicpa.as_deref().is_some_and(|c| c.trim().is_empty()) {
                errors.push(format!("{FILE}: term {id}: cicpa: is empty"));
            }
            terms.push(Term {
                id,
                name: t.name.clone().unwrap_or_default(),
                cicpa: t.cicpa.clone(),
                matches: m,
                definition: t.definition.clone().unwrap_or_default(),
            });
        }
        if errors.is_empty() {
            Ok(Glossary { terms })
        } else {
            Err(errors)
        }
    }

    /// The glossary compiled into the app, validated once.
    pub fn builtin() -> Result<&'static Glossary, &'static [String]> {
        static CELL: OnceLock<Result<Glossary, Vec<String>>> = OnceLock::new();
        CELL.get_or_init(|| Glossary::parse(SOURCE))
            .as_ref()
            .map_err(Vec::as_slice)
    }

    /// The terms a text uses, in glossary order (English matched case-insensitively).
    pub fn terms_in<'a>(&'a self, text: &str, lang: Lang) -> Vec<&'a Term> {
        let hay = match lang {
            Lang::En => text.to_lowercase(),
            Lang::Zh => text.to_string(),
        };
        self.terms
            .iter()
            .filter(|t| {
                t.matches.get(lang).iter().any(|w| match lang {
                    Lang::En => hay.contains(&w.to_lowercase()),
                    Lang::Zh => hay.contains(w.as_str()),
                })
            })
            .collect()
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }
}
