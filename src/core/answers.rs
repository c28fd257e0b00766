//! An assessment: the scope answers and the answer to each item, as saved and exported.
//!
//! Invariants: a level is 0–4; "not applicable" carries a non-empty reason and is refused
//! for items the bank marks `never_na`; answers to items hidden by the scope are kept (they
//! come back when the scope changes back), they are just not counted.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::bank::Bank;
use super::condition::ScopeAnswers;
use super::text::Lang;

/// Version of the saved/exported assessment format.
pub const SCHEMA_VERSION: u32 = 1;

/// A maturity level: 0 not in place, 1 planned or ad hoc, 2 partly in place, 3 in place and
/// documented (Type I ready), 4 operating with retained evidence (Type II ready).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MAX: u8 = 4;

    pub fn new(v: u8) -> Option<Level> {
        (v <= Self::MAX).then_some(Level(v))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn all() -> impl Iterator<Item = Level> {
        (0..=Self::MAX).map(Level)
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Level::new(v).ok_or_else(|| format!("level {v} is outside 0–4"))
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Level(Level),
    NotApplicable { reason: String },
    DontKnow,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ItemAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// Owner, evidence location, remarks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub schema_version: u32,
    pub bank_id: String,
    pub bank_version: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub scope: ScopeAnswers,
    #[serde(default)]
    pub answers: BTreeMap<String, ItemAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownItem(String),
    NaRefused(String),
    NaNeedsReason(String),
    UnknownScope(String, String),
    /// Saved or imported data that cannot be read: the reason.
    Corrupt(String),
    NewerSchema(u32),
}

impl AnswerError {
    pub fn message(&self, lang: Lang) -> String {
        use AnswerError::*;
        match (self, lang) {
            (UnknownItem(i), Lang::En) => format!("Question {i} is not in this question bank."),
            (UnknownItem(i), Lang::Zh) => format!("题库中没有问题 {i}。"),
            (NaRefused(i), Lang::En) => format!(
                "{i} applies to every cloud customer, so it cannot be marked not applicable."
            ),
            (NaRefused(i), Lang::Zh) => format!("{i} 适用于所有云客户，不能标记为不适用。"),
            (NaNeedsReason(i), Lang::En) => format!("Give a reason why {i} does not apply."),
            (NaNeedsReason(i), Lang::Zh) => format!("请说明 {i} 不适用的理由。"),
            (UnknownScope(q, o), Lang::En) => format!("Scope question {q} has no option {o}."),
            (UnknownScope(q, o), Lang::Zh) => format!("范围问题 {q} 没有选项 {o}。"),
            (Corrupt(m), Lang::En) => format!("The saved assessment cannot be read ({m})."),
            (Corrupt(m), Lang::Zh) => format!("无法读取已保存的评估（{m}）。"),
            (NewerSchema(v), Lang::En) => {
                format!("This assessment was saved by a newer version of the app (format {v}).")
            }
            (NewerSchema(v), Lang::Zh) => format!("此评估由更新版本的应用保存（格式 {v}）。"),
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AnswerError {}

/// How much of the visible questionnaire is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Completion {
    pub answered: usize,
    pub total: usize,
}

impl Completion {
    /// Percentage 0–100 (100 for an empty questionnaire).
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.answered as f64 * 100.0 / self.total as f64
        }
    }
}

impl Assessment {
    pub fn new(bank: &Bank) -> Assessment {
        Assessment {
            schema_version: SCHEMA_VERSION,
            bank_id: bank.meta.id.clone(),
            bank_version: bank.meta.version.clone(),
            name: String::new(),
            scope: ScopeAnswers::new(),
            answers: BTreeMap::new(),
        }
    }

    /// Reads a saved or imported assessment; never panics on bad input.
    pub fn from_json(src: &str) -> Result<Assessment, AnswerError> {
        let a: Assessment =
            serde_json::from_str(src).map_err(|e| AnswerError::Corrupt(e.to_string()))?;
        if a.schema_version > SCHEMA_VERSION {
            return Err(AnswerError::NewerSchema(a.schema_version));
        }
        Ok(a)
    }

    pub fn to_json(&self) -> String {
        // Serialising plain maps and strings cannot fail; fall back to an empty object anyway.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    pub fn response(&self, item: &str) -> Option<&Response> {
        self.answers.get(item).and_then(|a| a.response.as_ref())
    }

    pub fn note(&self, item: &str) -> &str {
        self.answers
            .get(item)
            .map(|a| a.note.as_str())
            .unwrap_or("")
    }

    /// Records a response, enforcing the bank's rules for "not applicable".
    pub fn set_response(
        &mut self,
        bank: &Bank,
        item: &str,
        response: Response,
    ) -> Result<(), AnswerError> {
        let def = bank
            .item(item)
            .ok_or_else(|| AnswerError::UnknownItem(item.into()))?;
        if let Response::NotApplicable { reason } = &response {
            if def.never_na {
                return Err(AnswerError::NaRefused(item.into()));
            }
            if reason.trim().is_empty() {
                return Err(AnswerError::NaNeedsReason(item.into()));
            }
        }
        self.answers.entry(item.into()).or_default().response = Some(response);
        Ok(())
    }

    pub fn clear_response(&mut self, item: &str) {
        if let Some(a) = self.answers.get_mut(item) {
            a.response = None;
        }
    }

    pub fn set_note(&mut self, bank: &Bank, item: &str, note: &str) -> Result<(), AnswerError> {
        bank.item(item)
            .ok_or_else(|| AnswerError::UnknownItem(item.into()))?;
        self.answers.entry(item.into()).or_default().note = note.to_string();
        Ok(())
    }

    /// Selects or deselects a scope option. For a single-choice question, selecting an
    /// option replaces the previous one.
    pub fn set_scope(
        &mut self,
        bank: &Bank,
        question: &str,
        option: &str,
        selected: bool,
    ) -> Result<(), AnswerError> {
        let q = bank
            .scope_question(question)
            .filter(|q| q.options.iter().any(|o| o.id == option))
            .ok_or_else(|| AnswerError::UnknownScope(question.into(), option.into()))?;
        let entry = self.scope.entry(question.into()).or_default();
        if !q.multiple && selected {
            *entry = BTreeSet::new();
        }
        if selected {
            entry.insert(option.into());
        } else {
            entry.remove(option);
        }
        Ok(())
    }

    pub fn scope_selected(&self, question: &str, option: &str) -> bool {
        self.scope.get(question).is_some_and(|s| s.contains(option))
    }

    /// Answered vs asked items under the current scope.
    pub fn completion(&self, bank: &Bank) -> Completion {
        let mut c = Completion::default();
        for item in bank.visible_items(&self.scope) {
            c.total += 1;
            if self.response(&item.id).is_some() {
                c.answered += 1;
            }
        }
        c
    }
}
