//! CSV exports of the answers and of the gap plan, made to open correctly in Excel with
//! Chinese text, and a strict reader that proves they parse back.
//!
//! # The files
//! - UTF-8 with a byte-order mark (`\u{FEFF}`): without it Excel reads UTF-8 as the
//!   system's ANSI code page and garbles Chinese.
//! - Comma-separated, every record (the header and the last one included) ended by CRLF.
//! - RFC 4180 quoting: a field containing a comma, a double quote, CR or LF is enclosed in
//!   double quotes, with its quotes doubled; other fields are written as they are. Line
//!   breaks inside notes are kept as they are (inside the quotes).
//! - The header row has stable English keys whatever the language; the `title`,
//!   `remediation` and `evidence` columns are in the chosen language; ids (items, domains,
//!   kinds, criticalities, reports, criteria) are the bank's ids.
//! - Lists inside one cell (reports, criteria) are joined with `"; "`.
//!
//! # Formula-injection guard
//! Spreadsheets run a cell starting with `=`, `+`, `-` or `@` as a formula (and some treat a
//! leading tab or CR the same way), so a note like `=HYPERLINK(…)` could act when the file
//! is opened. Every cell that starts with one of these characters gets a leading apostrophe
//! (`'=SUM(A1)`), which spreadsheets show as text. So that the guard can be undone exactly,
//! a cell that starts with apostrophes followed by one of these characters (`'=x`) gets one
//! more apostrophe too; [`unguard_cell`] removes one apostrophe from such cells and leaves
//! everything else alone (a note `'quoted'` stays `'quoted'`). See [`guard_cell`].
//!
//! # Reading back
//! [`parse_csv`] is a strict RFC 4180 reader (it strips the BOM, accepts CRLF or LF, and
//! refuses a quote out of place or an unterminated quoted field). [`answers_from_csv`]
//! reads an [`answers_csv`] file back into answers; `tests/csv.rs` checks the round trip.

use std::collections::BTreeMap;
use std::fmt;

use crate::core::answers::{Assessment, ItemAnswer, Level, Response};
use crate::core::bank::Bank;
use crate::core::scoring::Scores;
use crate::core::text::Lang;

/// The byte-order mark every export starts with.
pub const BOM: char = '\u{FEFF}';

/// The line end of every record.
pub const CRLF: &str = "\r\n";

/// The columns of [`answers_csv`], in order.
pub const ANSWER_COLUMNS: [&str; 14] = [
    "item_id",
    "domain",
    "title",
    "kind",
    "criticality",
    "reports",
    "criteria",
    "in_scope",
    "response",
    "na_reason",
    "note",
    "owner",
    "frequency",
    "source",
];

/// The columns of [`gaps_csv`], in order.
pub const GAP_COLUMNS: [&str; 14] = [
    "rank",
    "item_id",
    "title",
    "kind",
    "counts_in",
    "criticality",
    "level",
    "target",
    "weighted_shortfall",
    "criteria",
    "remediation",
    "evidence",
    "note",
    "source",
];

/// `response` / `level` value for "don't know".
pub const DONT_KNOW: &str = "dont_know";
/// `response` value for "not applicable".
pub const NOT_APPLICABLE: &str = "not_applicable";

/// Separator of list values inside one cell.
const LIST_SEP: &str = "; ";

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `s` is zero or more apostrophes followed by a formula character.
fn looks_like_formula(s: &str) -> bool {
    s.trim_start_matches('\'')
        .chars()
        .next()
        .is_some_and(|c| FORMULA_START.contains(&c))
}

/// The formula-injection guard (see the module documentation): prefixes an apostrophe when
/// the cell, after any leading apostrophes, starts with `=`, `+`, `-`, `@`, tab or CR.
pub fn guard_cell(s: &str) -> String {
    if looks_like_formula(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undoes [`guard_cell`]: `unguard_cell(&guard_cell(s)) == s` for every `s`.
pub fn unguard_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => s,
    }
}

/// One field, guarded and quoted as needed.
fn field(s: &str) -> String {
    let s = guard_cell(s);
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Appends one record with its CRLF.
pub fn push_record<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let line: Vec<String> = cells.iter().map(|c| field(c.as_ref())).collect();
    out.push_str(&line.join(","));
    out.push_str(CRLF);
}

/// The answers: one row per item of the bank, in bank order, asked or not (`in_scope` says
/// whether the item is asked under the assessment's scope: `yes` / `no`), with the columns
/// [`ANSWER_COLUMNS`]. `response` is the level `0`–`4`, [`DONT_KNOW`], [`NOT_APPLICABLE`]
/// or empty; `na_reason` is the reason of "not applicable" (empty otherwise); `note`,
/// `owner` and `frequency` are the user's text.
///
/// Answers to items the bank does not have (the archive, or answers not yet reconciled)
/// are not in this file; the JSON export carries them.
pub fn answers_csv(bank: &Bank, a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, &ANSWER_COLUMNS);
    let effective = bank.effective_scope(&a.scope);
    for item in &bank.items {
        let (response, na_reason) = match a.response(&item.id) {
            None => (String::new(), ""),
            Some(Response::Level(l)) => (l.value().to_string(), ""),
            Some(Response::DontKnow) => (DONT_KNOW.to_string(), ""),
            Some(Response::NotApplicable { reason }) => {
                (NOT_APPLICABLE.to_string(), reason.as_str())
            }
        };
        let answer = a.answers.get(&item.id);
        let reports: Vec<&str> = item.reports.iter().map(|r| r.id()).collect();
        let in_scope = if bank.item_visible(item, &effective) {
            "yes"
        } else {
            "no"
        };
        push_record(
            &mut out,
            &[
                item.id.as_str(),
                item.domain.as_str(),
                item.title.get(lang),
                item.kind.id(),
                item.criticality.id(),
                &reports.join(LIST_SEP),
                &item.criteria.join(LIST_SEP),
                in_scope,
                &response,
                na_reason,
                a.note(&item.id),
                answer.map_or("", |x| x.owner.as_str()),
                answer.map_or("", |x| x.frequency.as_str()),
                item.source.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}

/// The gap plan: one row per gap of `scores`, in rank order (rank 1 first), with the columns
/// [`GAP_COLUMNS`]. `level` is the rated level, or [`DONT_KNOW`] for a "don't know" answer
/// (which counts as 0); `remediation` is the item's steps in `lang`, numbered on one line
/// ("1. … 2. …"); `note` is the user's note from `a` (the assessment `scores` was computed
/// from). A gap whose item the bank lacks (impossible for scores of this bank) has empty
/// title, remediation and evidence.
pub fn gaps_csv(bank: &Bank, scores: &Scores, a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, &GAP_COLUMNS);
    for (n, gap) in scores.gaps.iter().enumerate() {
        let item = gap.item(bank);
        let remediation = item
            .map(|i| {
                i.steps(lang)
                    .iter()
                    .enumerate()
                    .map(|(k, step)| format!("{}. {}", k + 1, step.trim()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let level = if gap.dont_know {
            DONT_KNOW.to_string()
        } else {
            gap.level.to_string()
        };
        push_record(
            &mut out,
            &[
                (n + 1).to_string().as_str(),
                gap.item.as_str(),
                item.map_or("", |i| i.title.get(lang)),
                gap.kind.id(),
                &item.map(|i| counts_in(i, scores)).unwrap_or_default(),
                gap.criticality.id(),
                &level,
                &gap.target.to_string(),
                &gap.weighted_shortfall.to_string(),
                &gap.criteria.join(LIST_SEP),
                &remediation,
                item.map_or("", |i| i.evidence_text(lang)),
                a.note(&gap.item),
                item.and_then(|i| i.source.as_deref()).unwrap_or(""),
            ],
        );
    }
    out
}

/// The customer's results an item counts in (SCORING.md §4): `reliance_soc1`,
/// `reliance_soc2` (the reports it relies on; SOC 2 when it has not said) and `own_soc2`
/// (only when it prepares its own SOC 2), separated by [`LIST_SEP`].
fn counts_in(item: &crate::core::bank::Item, scores: &Scores) -> String {
    use crate::core::bank::Report;
    use crate::core::scoring::AuditGoal;
    let none_relied = !scores.reports.iter().any(|r| r.relied_on);
    let mut out: Vec<&str> = Vec::new();
    for (report, id) in [
        (Report::Soc1, "reliance_soc1"),
        (Report::Soc2, "reliance_soc2"),
    ] {
        let relied = scores.report(report).is_some_and(|r| r.relied_on)
            || (none_relied && report == Report::Soc2);
        if relied && item.counts_for_reliance_on(report) {
            out.push(id);
        }
    }
    let own = matches!(scores.verdict.goal, AuditGoal::Type1 | AuditGoal::Type2);
    if own && item.counts_for_own_soc2() {
        out.push("own_soc2");
    }
    out.join(LIST_SEP)
}

/// Why a CSV file cannot be read. Lines are 1-based physical lines of the text (a quoted
/// field may span several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field that starts on this line is never closed.
    UnterminatedQuote { line: usize },
    /// A double quote out of place: inside an unquoted field, or a closing quote followed
    /// by something other than a comma or a line end.
    StrayQuote { line: usize },
    /// No header row.
    Empty,
    /// The header lacks a column.
    MissingColumn(String),
    /// A record with another number of fields than the header.
    FieldCount {
        line: usize,
        expected: usize,
        found: usize,
    },
    /// An item id the bank does not have.
    UnknownItem { line: usize, item: String },
    /// The same item twice.
    DuplicateItem { line: usize, item: String },
    /// A `response` that is not 0–4, `dont_know`, `not_applicable` or empty.
    BadResponse { line: usize, value: String },
    /// "Not applicable" with an empty `na_reason`.
    NaWithoutReason { line: usize, item: String },
}

impl CsvError {
    pub fn message(&self, lang: Lang) -> String {
        use CsvError::*;
        match (self, lang) {
            (UnterminatedQuote { line }, Lang::En) => {
                format!("Line {line}: a quoted field is never closed.")
            }
            (UnterminatedQuote { line }, Lang::Zh) => format!("第 {line} 行：引号内的字段未结束。"),
            (StrayQuote { line }, Lang::En) => format!("Line {line}: a quote is out of place."),
            (StrayQuote { line }, Lang::Zh) => format!("第 {line} 行：引号位置不正确。"),
            (Empty, Lang::En) => "The file is empty: it has no header row.".into(),
            (Empty, Lang::Zh) => "文件为空：没有标题行。".into(),
            (MissingColumn(c), Lang::En) => format!("The header has no column {c}."),
            (MissingColumn(c), Lang::Zh) => format!("标题行缺少列 {c}。"),
            (
                FieldCount {
                    line,
                    expected,
                    found,
                },
                Lang::En,
            ) => format!("Line {line}: {found} fields where the header has {expected}."),
            (
                FieldCount {
                    line,
                    expected,
                    found,
                },
                Lang::Zh,
            ) => format!("第 {line} 行：有 {found} 个字段，而标题行有 {expected} 个。"),
            (UnknownItem { line, item }, Lang::En) => {
                format!("Line {line}: question {item} is not in this question bank.")
            }
            (UnknownItem { line, item }, Lang::Zh) => {
                format!("第 {line} 行：题库中没有问题 {item}。")
            }
            (DuplicateItem { line, item }, Lang::En) => {
                format!("Line {line}: question {item} appears twice.")
            }
            (DuplicateItem { line, item }, Lang::Zh) => {
                format!("第 {line} 行：问题 {item} 出现了两次。")
            }
            (BadResponse { line, value }, Lang::En) => {
                format!(
                    "Line {line}: “{value}” is not an answer \
                     (0–4, dont_know, not_applicable or empty)."
                )
            }
            (BadResponse { line, value }, Lang::Zh) => format!(
                "第 {line} 行：“{value}”不是有效答案（0–4、dont_know、not_applicable 或留空）。"
            ),
            (NaWithoutReason { line, item }, Lang::En) => {
                format!("Line {line}: {item} is not applicable but no reason is given.")
            }
            (NaWithoutReason { line, item }, Lang::Zh) => {
                format!("第 {line} 行：{item} 标记为不适用，但没有说明理由。")
            }
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CsvError {}

/// Parses CSV text into records of fields, strictly per RFC 4180: an optional leading BOM
/// is skipped; records end with CRLF, LF or a lone CR (outside quotes); a field in double
/// quotes may hold commas, line breaks (kept as they are) and doubled quotes; the line end
/// after the last record is optional. An empty line is a record with one empty field; empty
/// text has no records. Cells are returned as written (the apostrophe guard is not undone:
/// see [`unguard_cell`]).
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    parse_records(text).map(|records| records.into_iter().map(|(_, r)| r).collect())
}

/// Records with the line each starts on.
fn parse_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();

    // State: at the start of a field, or inside an unquoted field (`cell` holds it).
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                // A quoted field: read to its closing quote.
                let start = line;
                loop {
                    match chars.next() {
                        None => return Err(CsvError::UnterminatedQuote { line: start }),
                        Some('"') => {
                            if chars.peek() == Some(&'"') {
                                chars.next();
                                cell.push('"');
                            } else {
                                break;
                            }
                        }
                        Some(ch) => {
                            if ch == '\n' || (ch == '\r' && chars.peek() != Some(&'\n')) {
                                line += 1;
                            }
                            cell.push(ch);
                        }
                    }
                }
                // After the closing quote: a comma, a line end or the end of the text.
                match chars.peek() {
                    None | Some(',') | Some('\r') | Some('\n') => at_field_start = false,
                    Some(_) => return Err(CsvError::StrayQuote { line }),
                }
            }
            '"' => return Err(CsvError::StrayQuote { line }),
            ',' => {
                record.push(std::mem::take(&mut cell));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut cell));
                records.push((record_line, std::mem::take(&mut record)));
                line += 1;
                record_line = line;
                at_field_start = true;
            }
            _ => {
                cell.push(c);
                at_field_start = false;
            }
        }
    }
    // The last record, unless the text ended with a line end (or is empty).
    if !at_field_start || !record.is_empty() {
        record.push(cell);
        records.push((record_line, record));
    }
    Ok(records)
}

/// Reads an [`answers_csv`] file back: the answers by item id, for the rows that have a
/// response, a note, an owner or a frequency (other rows are skipped, as are blank lines).
/// Columns are found by their header key, in any order; other columns (title, kind…) are
/// ignored, so the file's language does not matter. The apostrophe guard is undone on
/// every cell.
///
/// Errors: anything [`parse_csv`] refuses; no header ([`CsvError::Empty`]); a header
/// without `item_id`, `response`, `na_reason` or `note` (`owner` and `frequency` are
/// optional: empty when absent); a row with another number of fields than the header; an
/// item the bank does not have, or the same item twice; a response other than `0`–`4`,
/// `dont_know`, `not_applicable` or empty; "not applicable" without a reason. A
/// `na_reason` next to another response is ignored.
pub fn answers_from_csv(bank: &Bank, text: &str) -> Result<BTreeMap<String, ItemAnswer>, CsvError> {
    let mut records = parse_records(text)?.into_iter();
    let (_, header) = records.next().ok_or(CsvError::Empty)?;
    let column = |key: &str| {
        header
            .iter()
            .position(|h| h.trim() == key)
            .ok_or_else(|| CsvError::MissingColumn(key.to_string()))
    };
    let (id_col, response_col, reason_col, note_col) = (
        column("item_id")?,
        column("response")?,
        column("na_reason")?,
        column("note")?,
    );
    let (owner_col, frequency_col) = (column("owner").ok(), column("frequency").ok());

    let mut answers = BTreeMap::new();
    for (line, record) in records {
        if record.len() == 1 && record.first().is_some_and(|c| c.is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            return Err(CsvError::FieldCount {
                line,
                expected: header.len(),
                found: record.len(),
            });
        }
        let cell = |n: usize| record.get(n).map_or("", |c| unguard_cell(c));
        let id = cell(id_col).trim();
        if bank.item(id).is_none() {
            return Err(CsvError::UnknownItem {
                line,
                item: id.to_string(),
            });
        }
        if answers.contains_key(id) {
            return Err(CsvError::DuplicateItem {
                line,
                item: id.to_string(),
            });
        }
        let raw = cell(response_col).trim();
        let response = match raw {
            "" => None,
            DONT_KNOW => Some(Response::DontKnow),
            NOT_APPLICABLE => {
                let reason = cell(reason_col);
                if reason.trim().is_empty() {
                    return Err(CsvError::NaWithoutReason {
                        line,
                        item: id.to_string(),
                    });
                }
                Some(Response::NotApplicable {
                    reason: reason.to_string(),
                })
            }
            _ => Some(Response::Level(
                raw.parse::<u8>().ok().and_then(Level::new).ok_or_else(|| {
                    CsvError::BadResponse {
                        line,
                        value: raw.to_string(),
                    }
                })?,
            )),
        };
        let answer = ItemAnswer {
            response,
            note: cell(note_col).to_string(),
            owner: owner_col.map_or(String::new(), |n| cell(n).to_string()),
            frequency: frequency_col.map_or(String::new(), |n| cell(n).to_string()),
        };
        if answer != ItemAnswer::default() {
            answers.insert(id.to_string(), answer);
        }
    }
    Ok(answers)
}
