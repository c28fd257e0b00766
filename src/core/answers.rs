//! An assessment: the scope answers and the answer to each item, as saved and exported.
//!
//! Invariants: a level is 0–4; "not applicable" carries a non-empty reason and is refused
//! for items the bank marks `never_na`; answers to items hidden by the scope are kept (they
//! come back when the scope changes back), they are just not counted. Answers to items the
//! current bank does not have at all are kept too, in [`Assessment::archive`] (see
//! [`Assessment::reconcile`]), and travel with exports and share links.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::bank::Bank;
use super::condition::ScopeAnswers;
use super::detail;
use super::provider_reports::ProviderReports;
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
    /// Who operates the control (for the responsibility matrix of the printed report).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// How often it runs (e.g. "quarterly"), for the same matrix.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub frequency: String,
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
    /// Answers to items the current bank does not have (e.g. items of a provider bank that
    /// is not loaded, or items a newer bank removed), by item id. Never scored, never lost:
    /// [`Assessment::reconcile`] moves them back when the bank has the item again.
    #[serde(default)]
    pub archive: BTreeMap<String, ItemAnswer>,
    /// A stable id the UI assigns (empty until then). The core never generates one.
    #[serde(default)]
    pub id: String,
    /// When the assessment was created: an ISO-8601 timestamp supplied by the UI (the core
    /// never reads the clock); empty when unknown (saves older than this field).
    #[serde(default)]
    pub created: String,
    /// When the assessment was last changed: ISO-8601, supplied by the UI; may be empty.
    #[serde(default)]
    pub updated: String,
    /// Organisation and assessor named on the printed report's cover.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// The provider's reports relied on (type, period end) and the customer's own period
    /// end: what the reliance result checks for age, type and bridge letters.
    #[serde(default, skip_serializing_if = "ProviderReports::is_empty")]
    pub provider_reports: ProviderReports,
}

/// The bank an assessment, an export file or a share link refers to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BankRef {
    pub id: String,
    pub version: String,
}

impl BankRef {
    pub fn of(bank: &Bank) -> BankRef {
        BankRef {
            id: bank.meta.id.clone(),
            version: bank.meta.version.clone(),
        }
    }
}

/// What [`Assessment::reconcile`] moved. Every list is sorted by item id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reconciled {
    /// Answers to items the bank does not have, moved from `answers` to `archive`.
    pub archived: Vec<String>,
    /// Archived answers to items the bank has again, moved back to `answers`.
    pub restored: Vec<String>,
    /// Ids present in both `answers` and `archive` (only hand-edited data can do this):
    /// nothing is overwritten, both copies stay where they are.
    pub conflicts: Vec<String>,
    /// The bank the assessment referred to before, when it was not this one.
    pub previous_bank: Option<BankRef>,
}

impl Reconciled {
    /// Nothing moved and the bank is the same.
    pub fn is_empty(&self) -> bool {
        self.archived.is_empty()
            && self.restored.is_empty()
            && self.conflicts.is_empty()
            && self.previous_bank.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownItem(String),
    NaRefused(String),
    NaNeedsReason(String),
    UnknownScope(String, String),
    /// Saved or imported data that cannot be read: the parser's reason, shortened
    /// ([`super::detail`]), shown only as the detail.
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
            (Corrupt(_), Lang::En) => {
                "The saved assessment could not be read: it is damaged, or was not written by this app.".into()
            }
            (Corrupt(_), Lang::Zh) => "无法读取已保存的评估：数据已损坏，或并非由本应用写入。".into(),
            (NewerSchema(v), Lang::En) => {
                format!("This assessment was saved by a newer version of the app (format {v}).")
            }
            (NewerSchema(v), Lang::Zh) => format!("此评估由更新版本的应用保存（格式 {v}）。"),
        }
    }
}

impl AnswerError {
    /// The technical detail (a parser's message, shortened), for a "details" disclosure.
    pub fn detail(&self) -> Option<&str> {
        match self {
            AnswerError::Corrupt(d) => Some(d),
            _ => None,
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
            archive: BTreeMap::new(),
            id: String::new(),
            created: String::new(),
            updated: String::new(),
            organisation: String::new(),
            assessor: String::new(),
            provider_reports: ProviderReports::default(),
        }
    }

    /// Reads a saved assessment; never panics on bad input. Saves older than the `archive`,
    /// `id`, `created` and `updated` fields load with those empty.
    ///
    /// Errors: [`AnswerError::NewerSchema`] when `schema_version` is above
    /// [`SCHEMA_VERSION`] (checked before the rest, so a newer format whose structure
    /// changed is still reported as newer); [`AnswerError::Corrupt`] for anything else that
    /// cannot be read.
    pub fn from_json(src: &str) -> Result<Assessment, AnswerError> {
        let value: serde_json::Value =
            serde_json::from_str(src).map_err(|e| AnswerError::Corrupt(detail::json_error(&e)))?;
        if let Some(v) = value.get("schema_version").and_then(|v| v.as_u64()) {
            if v > u64::from(SCHEMA_VERSION) {
                return Err(AnswerError::NewerSchema(
                    u32::try_from(v).unwrap_or(u32::MAX),
                ));
            }
        }
        serde_json::from_value(value).map_err(|e| AnswerError::Corrupt(detail::json_error(&e)))
    }

    /// Files answers by whether `bank` has their item: answers to items it lacks move to
    /// [`Assessment::archive`], archived answers to items it has move back to
    /// [`Assessment::answers`]. Nothing is dropped or overwritten (an id in both maps stays
    /// in both and is reported as a conflict). The assessment then refers to `bank`
    /// (`bank_id`, `bank_version`); the previous reference is returned when it differed.
    pub fn reconcile(&mut self, bank: &Bank) -> Reconciled {
        let mut out = Reconciled::default();
        let unknown: Vec<String> = self
            .answers
            .keys()
            .filter(|id| bank.item(id).is_none())
            .cloned()
            .collect();
        let known: Vec<String> = self
            .archive
            .keys()
            .filter(|id| bank.item(id).is_some())
            .cloned()
            .collect();
        for id in unknown {
            if self.archive.contains_key(&id) {
                out.conflicts.push(id);
            } else if let Some(a) = self.answers.remove(&id) {
                self.archive.insert(id.clone(), a);
                out.archived.push(id);
            }
        }
        for id in known {
            if self.answers.contains_key(&id) {
                out.conflicts.push(id);
            } else if let Some(a) = self.archive.remove(&id) {
                self.answers.insert(id.clone(), a);
                out.restored.push(id);
            }
        }
        out.conflicts.sort();
        let current = BankRef::of(bank);
        if self.bank_id != current.id || self.bank_version != current.version {
            out.previous_bank = Some(BankRef {
                id: std::mem::replace(&mut self.bank_id, current.id),
                version: std::mem::replace(&mut self.bank_version, current.version),
            });
        }
        out
    }

    /// Whether the user has entered nothing at all: no answer, note, owner or frequency, no
    /// scope, no archived answer, no provider report dates, no name, organisation or assessor. The one rule for "has
    /// the user started": a blank assessment is never saved (storage stays empty until the
    /// user enters something), and the welcome page offers "Start" rather than "Resume".
    pub fn is_blank(&self) -> bool {
        self.answers.values().all(|a| *a == ItemAnswer::default())
            && self.scope.values().all(BTreeSet::is_empty)
            && self.archive.is_empty()
            && self.provider_reports.is_empty()
            && self.name.is_empty()
            && self.organisation.is_empty()
            && self.assessor.is_empty()
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

    /// Sets who operates an item's control and how often (for the responsibility matrix).
    pub fn set_owner_frequency(
        &mut self,
        bank: &Bank,
        item: &str,
        owner: &str,
        frequency: &str,
    ) -> Result<(), AnswerError> {
        bank.item(item)
            .ok_or_else(|| AnswerError::UnknownItem(item.into()))?;
        let a = self.answers.entry(item.into()).or_default();
        a.owner = owner.to_string();
        a.frequency = frequency.to_string();
        Ok(())
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
