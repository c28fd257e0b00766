//! Export and import of one assessment as a JSON file.
//!
//! # The file
//! ```json
//! {
//!   "format": "soc-readiness-assessment",
//!   "schema_version": 1,
//!   "bank": { "id": "soc-readiness-default", "version": "1.0.0" },
//!   "exported_at": "2026-12-01T09:30:00Z",
//!   "assessment": { "schema_version": 1, "bank_id": "…", "answers": { … }, "archive": { … }, … }
//! }
//! ```
//! `bank` is the bank the assessment was answered against when it was exported; the
//! assessment's archive (answers to items that bank does not have) travels inside it.
//!
//! # Import: what is refused, what is kept with a warning
//! Import is a pure function: it either returns the whole assessment with a summary for the
//! UI to show before applying it, or an [`ImportError`]; it never applies half a file.
//!
//! Refused (the file is damaged, hand-edited or not ours; accepting it would mean guessing):
//! - more than [`MAX_IMPORT_BYTES`]: [`ImportError::TooLarge`];
//! - not JSON: [`ImportError::NotJson`];
//! - JSON without `"format": "soc-readiness-assessment"`: [`ImportError::NotOurFormat`];
//! - a file or assessment `schema_version` above what this app reads:
//!   [`ImportError::NewerSchema`];
//! - a missing or mistyped field (no `bank`, no `assessment`, a note that is a number…):
//!   [`ImportError::Malformed`];
//! - a level outside 0–4, in the answers or the archive: [`ImportError::BadLevel`];
//! - "not applicable" without a reason, in the answers or the archive:
//!   [`ImportError::NaWithoutReason`].
//!
//! These rules hold whatever the bank. Problems that depend on the bank are not refusals,
//! because the file may come from another bank or version (a provider bank, an older
//! default bank) and refusing would lock its answers out forever. They are kept, with an
//! [`ImportWarning`] each:
//! - answers to items this bank does not have go to the archive (listed in
//!   [`ImportSummary::archived`]), archived answers to items it has come back
//!   ([`ImportSummary::restored`]), see [`Assessment::reconcile`];
//! - scope answers naming a question or option this bank does not have are kept (the bank
//!   ignores them when deciding what to ask): [`ImportWarning::UnknownScopeQuestion`],
//!   [`ImportWarning::UnknownScopeOption`];
//! - several options of a single-choice scope question are kept as they are:
//!   [`ImportWarning::SeveralOptions`] (the user should pick one);
//! - "not applicable" on an item this bank marks `never_na` is the one answer that cannot
//!   stand, since scoring would drop a control every customer must have: the response is
//!   cleared (the item shows as unanswered) and the reason is appended to the item's note,
//!   so no text is lost: [`ImportWarning::NaNotAllowed`].

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

use super::answers::{Assessment, BankRef, Level, Response, SCHEMA_VERSION};
use super::bank::Bank;
use super::text::Lang;

/// The value of the `format` field of an export file.
pub const FORMAT: &str = "soc-readiness-assessment";

/// Version of the export file's envelope (the assessment inside has its own
/// [`SCHEMA_VERSION`]).
pub const FILE_SCHEMA_VERSION: u32 = 1;

/// Files larger than this (in bytes of UTF-8 text) are refused: 5 MiB. A full assessment
/// with long notes is well under 1 MiB.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    schema_version: u32,
    bank: BankRef,
    exported_at: &'a str,
    assessment: &'a Assessment,
}

/// The export file for `a` (pretty JSON, see the module documentation). `bank` is the bank
/// the assessment is answered against; `exported_at` an ISO-8601 timestamp from the UI.
pub fn export_json(a: &Assessment, bank: &Bank, exported_at: &str) -> String {
    let file = ExportFile {
        format: FORMAT,
        schema_version: FILE_SCHEMA_VERSION,
        bank: BankRef::of(bank),
        exported_at,
        assessment: a,
    };
    // Serialising plain maps and strings cannot fail; fall back to an empty object anyway
    // (which import refuses as not our format).
    serde_json::to_string_pretty(&file).unwrap_or_else(|_| "{}".into())
}

/// A file that can be imported: the assessment, reconciled with the current bank (it refers
/// to that bank; answers to items it lacks are in the archive), and what it brings.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub assessment: Assessment,
    pub summary: ImportSummary,
}

impl Import {
    /// How the imported assessment differs from `current` (e.g. before overwriting it).
    pub fn diff_against(&self, current: &Assessment) -> Diff {
        diff(current, &self.assessment)
    }
}

/// What an import will bring, for the UI to show before applying it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportSummary {
    /// The bank named in the file.
    pub file_bank: BankRef,
    /// The file names another bank than the current one.
    pub bank_id_differs: bool,
    /// The file's bank version is not the current bank's version.
    pub bank_version_differs: bool,
    /// When the file was exported, as written in it (empty if absent).
    pub exported_at: String,
    /// The assessment's name.
    pub name: String,
    /// Items of the current bank with a response (rating, "don't know" or N/A), whether or
    /// not the scope shows them.
    pub answered: usize,
    /// Items of the current bank with a non-empty note.
    pub notes: usize,
    /// Scope questions with at least one option selected.
    pub scope_answers: usize,
    /// Items the current bank does not have: their answers are kept in the archive.
    pub archived: Vec<String>,
    /// Items that were in the file's archive and that the current bank has again.
    pub restored: Vec<String>,
    /// What was kept although this bank disagrees with it.
    pub warnings: Vec<ImportWarning>,
}

impl ImportSummary {
    /// Whether the file was made with another bank or bank version.
    pub fn bank_differs(&self) -> bool {
        self.bank_id_differs || self.bank_version_differs
    }
}

/// How two assessments differ, item by item, in their `answers` (the archive, the name and
/// the timestamps are not compared).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Diff {
    /// Items without a response before that have one after.
    pub added: usize,
    /// Items with a response before and none after.
    pub removed: usize,
    /// Items whose response changes (e.g. level 2 → 3, or a different N/A reason).
    pub changed: usize,
    /// Items with the same response on both sides.
    pub unchanged: usize,
    /// Items whose note changes (including added or removed notes).
    pub notes_changed: usize,
    /// Scope questions whose selection changes.
    pub scope_changed: usize,
}

impl Diff {
    /// How many responses would change: added + removed + changed.
    pub fn answers_changed(&self) -> usize {
        self.added + self.removed + self.changed
    }

    /// Nothing would change (responses, notes, scope).
    pub fn is_empty(&self) -> bool {
        self.answers_changed() == 0 && self.notes_changed == 0 && self.scope_changed == 0
    }
}

/// Compares the answers and scope of `before` and `after`.
pub fn diff(before: &Assessment, after: &Assessment) -> Diff {
    let mut d = Diff::default();
    let ids: BTreeSet<&String> = before.answers.keys().chain(after.answers.keys()).collect();
    for id in ids {
        match (before.response(id), after.response(id)) {
            (None, Some(_)) => d.added += 1,
            (Some(_), None) => d.removed += 1,
            (Some(x), Some(y)) if x == y => d.unchanged += 1,
            (Some(_), Some(_)) => d.changed += 1,
            (None, None) => {}
        }
        if before.note(id) != after.note(id) {
            d.notes_changed += 1;
        }
    }
    let questions: BTreeSet<&String> = before.scope.keys().chain(after.scope.keys()).collect();
    let empty = BTreeSet::new();
    for q in questions {
        let x = before.scope.get(q).unwrap_or(&empty);
        let y = after.scope.get(q).unwrap_or(&empty);
        if x != y {
            d.scope_changed += 1;
        }
    }
    d
}

/// Why a file cannot be imported. Nothing is changed when import fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON at all (the parser's message, with line and column).
    NotJson(String),
    /// JSON, but not an export of this app: `format` missing or different (its value, if a
    /// string, shortened).
    NotOurFormat { found: Option<String> },
    /// Made by a newer version of the app (the file's or the assessment's schema version).
    NewerSchema(u32),
    /// Our format, but a field is missing or has the wrong type (what and where, in English).
    Malformed(String),
    /// A level outside 0–4 (the item, and the value as written, shortened).
    BadLevel { item: String, value: String },
    /// "Not applicable" without a reason (the item).
    NaWithoutReason { item: String },
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        match (self, lang) {
            (TooLarge { bytes, limit }, Lang::En) => format!(
                "This file is too large to be an assessment ({} MB; the limit is {} MB).",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            (TooLarge { bytes, limit }, Lang::Zh) => format!(
                "文件过大，不是评估文件（{} 兆字节，上限为 {} 兆字节）。",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            (NotJson(_), Lang::En) => {
                "This file is not an assessment export: its content cannot be read as JSON.".into()
            }
            (NotJson(_), Lang::Zh) => "此文件不是评估导出文件：其内容无法解析。".into(),
            (NotOurFormat { .. }, Lang::En) => {
                "This file is not an assessment exported by this app.".into()
            }
            (NotOurFormat { .. }, Lang::Zh) => "此文件不是本应用导出的评估。".into(),
            (NewerSchema(v), Lang::En) => format!(
                "This file was exported by a newer version of the app (format {v}). Update the app to import it."
            ),
            (NewerSchema(v), Lang::Zh) => {
                format!("此文件由更新版本的应用导出（格式 {v}），请更新应用后再导入。")
            }
            (Malformed(_), Lang::En) => {
                "This assessment file is damaged or incomplete.".into()
            }
            (Malformed(_), Lang::Zh) => "此评估文件已损坏或不完整。".into(),
            (BadLevel { item, .. }, Lang::En) => format!(
                "The answer to {item} has a level outside 0 to 4. The file was probably edited by hand."
            ),
            (BadLevel { item, .. }, Lang::Zh) => {
                format!("{item} 的答案等级不在 0 至 4 之间。此文件可能被手工修改过。")
            }
            (NaWithoutReason { item }, Lang::En) => format!(
                "{item} is marked not applicable without a reason. The file was probably edited by hand."
            ),
            (NaWithoutReason { item }, Lang::Zh) => {
                format!("{item} 被标记为不适用，但没有说明理由。此文件可能被手工修改过。")
            }
        }
    }
}

impl ImportError {
    /// The technical detail (what a parser said, a value as written), shortened, for a
    /// "details" disclosure; the message never quotes the file.
    pub fn detail(&self) -> Option<String> {
        use ImportError::*;
        match self {
            NotJson(m) | Malformed(m) => Some(m.clone()),
            NotOurFormat { found: Some(f) } => Some(detail::labelled("format", f)),
            BadLevel { value, .. } => Some(detail::labelled("level", value)),
            _ => None,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Something the current bank disagrees with, kept (or, for N/A, converted) on import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportWarning {
    /// The item may not be "not applicable" in this bank: its response was cleared and the
    /// reason appended to its note.
    NaNotAllowed { item: String },
    /// A scope question this bank does not have; its answer is kept.
    UnknownScopeQuestion { question: String },
    /// An option this bank's scope question does not have; it is kept.
    UnknownScopeOption { question: String, option: String },
    /// Several options of a single-choice scope question are selected.
    SeveralOptions { question: String },
    /// The item is both answered and archived; both copies are kept (see
    /// [`Assessment::reconcile`]).
    ArchiveConflict { item: String },
}

impl ImportWarning {
    pub fn message(&self, lang: Lang) -> String {
        use ImportWarning::*;
        match (self, lang) {
            (NaNotAllowed { item }, Lang::En) => format!(
                "{item} applies to every cloud customer, so it cannot be not applicable: answer it again. The reason given was moved to its note."
            ),
            (NaNotAllowed { item }, Lang::Zh) => {
                format!("{item} 适用于所有云客户，不能标记为不适用，请重新作答。原先填写的理由已移至备注。")
            }
            (UnknownScopeQuestion { question }, Lang::En) => format!(
                "The scope question “{question}” is not in this question bank; its answer is kept but not used."
            ),
            (UnknownScopeQuestion { question }, Lang::Zh) => {
                format!("本题库中没有范围问题“{question}”；其答案已保留，但不会被使用。")
            }
            (UnknownScopeOption { question, option }, Lang::En) => format!(
                "The scope question “{question}” has no option “{option}” in this question bank; it is kept but not used."
            ),
            (UnknownScopeOption { question, option }, Lang::Zh) => format!(
                "本题库的范围问题“{question}”没有选项“{option}”；该选项已保留，但不会被使用。"
            ),
            (SeveralOptions { question }, Lang::En) => format!(
                "The scope question “{question}” takes one answer but several are selected: choose one."
            ),
            (SeveralOptions { question }, Lang::Zh) => {
                format!("范围问题“{question}”只能单选，但选中了多个选项，请只保留一个。")
            }
            (ArchiveConflict { item }, Lang::En) => format!(
                "{item} has both a current and an archived answer; the current one is used and the archived one kept."
            ),
            (ArchiveConflict { item }, Lang::Zh) => {
                format!("{item} 同时有当前答案和归档答案；使用当前答案，归档答案予以保留。")
            }
        }
    }
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Reads an export file against the current bank. Pure: on error nothing is changed; on
/// success the caller decides whether to add the assessment as a new one (the default the
/// UI offers) or to overwrite another (see [`Import::diff_against`]).
///
/// The returned assessment is reconciled with `bank` (it refers to it; answers to items it
/// lacks are archived) and keeps the file's `id`, `name`, `created` and `updated`; a UI
/// adding it as a new assessment assigns a new `id`. See the module documentation for what
/// is refused and what is kept with a warning.
pub fn import_json(text: &str, bank: &Bank) -> Result<Import, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    // Some editors start UTF-8 files with a byte-order mark; JSON parsers do not accept it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(detail::json_error(&e)))?;
    import_value(value, bank)
}

use super::detail::{self, quote};

fn newer(v: u64) -> ImportError {
    ImportError::NewerSchema(u32::try_from(v).unwrap_or(u32::MAX))
}

/// Reads a schema version: present, a whole number, at least 1, at most `max`.
fn check_version(value: Option<&Value>, field: &str, max: u32) -> Result<(), ImportError> {
    let v = value
        .ok_or_else(|| ImportError::Malformed(format!("{field} is missing")))?
        .as_u64()
        .ok_or_else(|| ImportError::Malformed(format!("{field} is not a whole number")))?;
    if v > u64::from(max) {
        return Err(newer(v));
    }
    if v == 0 {
        return Err(ImportError::Malformed(format!("{field} is 0")));
    }
    Ok(())
}

/// Import from parsed JSON (shared with share links, whose payload is the same document).
pub(crate) fn import_value(value: Value, bank: &Bank) -> Result<Import, ImportError> {
    let Value::Object(mut doc) = value else {
        return Err(ImportError::NotOurFormat { found: None });
    };
    match doc.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(ImportError::NotOurFormat {
                found: Some(quote(f)),
            })
        }
        _ => return Err(ImportError::NotOurFormat { found: None }),
    }
    check_version(
        doc.get("schema_version"),
        "schema_version",
        FILE_SCHEMA_VERSION,
    )?;
    let file_bank: BankRef = serde_json::from_value(
        doc.remove("bank")
            .ok_or_else(|| ImportError::Malformed("bank is missing".into()))?,
    )
    .map_err(|e| ImportError::Malformed(detail::labelled("bank", &e.to_string())))?;
    let exported_at = match doc.remove("exported_at") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s,
        Some(_) => return Err(ImportError::Malformed("exported_at is not text".into())),
    };
    let raw = doc
        .remove("assessment")
        .ok_or_else(|| ImportError::Malformed("assessment is missing".into()))?;
    if !raw.is_object() {
        return Err(ImportError::Malformed("assessment is not an object".into()));
    }
    check_version(
        raw.get("schema_version"),
        "assessment.schema_version",
        SCHEMA_VERSION,
    )?;
    check_responses(&raw)?;
    let mut assessment: Assessment = serde_json::from_value(raw)
        .map_err(|e| ImportError::Malformed(detail::labelled("assessment", &e.to_string())))?;

    let reconciled = assessment.reconcile(bank);
    let mut warnings: Vec<ImportWarning> = reconciled
        .conflicts
        .iter()
        .map(|item| ImportWarning::ArchiveConflict { item: item.clone() })
        .collect();
    warnings.extend(apply_bank_rules(&mut assessment, bank));

    let current = BankRef::of(bank);
    let summary = ImportSummary {
        bank_id_differs: file_bank.id != current.id,
        bank_version_differs: file_bank.version != current.version,
        file_bank,
        exported_at,
        name: assessment.name.clone(),
        answered: assessment
            .answers
            .values()
            .filter(|a| a.response.is_some())
            .count(),
        notes: assessment
            .answers
            .values()
            .filter(|a| !a.note.is_empty())
            .count(),
        scope_answers: assessment.scope.values().filter(|s| !s.is_empty()).count(),
        archived: assessment.archive.keys().cloned().collect(),
        restored: reconciled.restored,
        warnings,
    };
    Ok(Import {
        assessment,
        summary,
    })
}

/// The bank-independent rules of every response, in `answers` and `archive`: a level is
/// 0–4 and "not applicable" has a reason. Checked on the raw JSON so the error names the
/// item.
fn check_responses(assessment: &Value) -> Result<(), ImportError> {
    for section in ["answers", "archive"] {
        let Some(Value::Object(answers)) = assessment.get(section) else {
            continue; // absent, or a wrong type the typed reading reports
        };
        for (item, answer) in answers {
            let Some(response) = answer.get("response") else {
                continue;
            };
            if let Some(level) = response.get("level") {
                if level.as_u64().is_none_or(|l| l > u64::from(Level::MAX)) {
                    return Err(ImportError::BadLevel {
                        item: item.clone(),
                        value: quote(&level.to_string()),
                    });
                }
            }
            if let Some(na) = response.get("not_applicable") {
                let blank = match na.get("reason") {
                    None | Some(Value::Null) => true,
                    Some(Value::String(r)) => r.trim().is_empty(),
                    Some(_) => false, // a wrong type: the typed reading reports it
                };
                if blank {
                    return Err(ImportError::NaWithoutReason { item: item.clone() });
                }
            }
        }
    }
    Ok(())
}

/// Applies the rules that depend on the bank to an assessment already reconciled with it:
/// "not applicable" on a `never_na` item is cleared (reason moved to the note); scope
/// answers the bank does not know, or several options of a single-choice question, are
/// kept. Returns one warning per finding. Usable on any assessment (e.g. a saved one after
/// a bank update), not only on imports.
pub fn apply_bank_rules(a: &mut Assessment, bank: &Bank) -> Vec<ImportWarning> {
    let mut warnings = Vec::new();
    for (id, answer) in a.answers.iter_mut() {
        let never_na = bank.item(id).is_some_and(|i| i.never_na);
        if let (true, Some(Response::NotApplicable { reason })) = (never_na, &answer.response) {
            let reason = reason.trim().to_string();
            if answer.note.trim().is_empty() {
                answer.note = reason;
            } else {
                answer.note = format!("{}\n{reason}", answer.note);
            }
            answer.response = None;
            warnings.push(ImportWarning::NaNotAllowed { item: id.clone() });
        }
    }
    for (question, selected) in &a.scope {
        let Some(q) = bank.scope_question(question) else {
            if !selected.is_empty() {
                warnings.push(ImportWarning::UnknownScopeQuestion {
                    question: question.clone(),
                });
            }
            continue;
        };
        let mut known = 0;
        for option in selected {
            if q.options.iter().any(|o| &o.id == option) {
                known += 1;
            } else {
                warnings.push(ImportWarning::UnknownScopeOption {
                    question: question.clone(),
                    option: option.clone(),
                });
            }
        }
        if !q.multiple && known > 1 {
            warnings.push(ImportWarning::SeveralOptions {
                question: question.clone(),
            });
        }
    }
    warnings
}
