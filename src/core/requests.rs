//! The auditor's request list ("provided by client", PBC): for every control in scope, the
//! evidence to request (from the bank), the owner and frequency the customer gave, and the
//! Type II sample size an auditor typically draws for that frequency (`content/samples.toml`,
//! data compiled into the app). Controls that no one owns, or whose evidence is not
//! described, are flagged.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use super::answers::{Assessment, Response};
use super::bank::{Bank, ItemKind};
use super::csv::{push_record, BOM};
use super::text::{Lang, Text};

/// One row of the sample-size table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Frequency {
    pub id: String,
    pub label: Text,
    /// Lower-case words that, contained in the customer's frequency, name this one.
    pub aliases: Vec<String>,
    pub samples_min: u32,
    pub samples_max: u32,
}

impl Frequency {
    /// "2" or "2–5".
    pub fn samples_text(&self) -> String {
        if self.samples_min == self.samples_max {
            self.samples_min.to_string()
        } else {
            format!("{}–{}", self.samples_min, self.samples_max)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SampleTable {
    pub frequency: Vec<Frequency>,
}

const SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/samples.json"));

impl SampleTable {
    /// Parses and checks a table: ids unique, at least one alias each, min ≤ max.
    pub fn parse(src: &str) -> Result<SampleTable, String> {
        let t: SampleTable = serde_json::from_str(src).map_err(|e| format!("samples.toml: {e}"))?;
        let mut seen = std::collections::BTreeSet::new();
        for f in &t.frequency {
            if !seen.insert(f.id.as_str()) {
                return Err(format!("samples.toml: frequency {} appears twice", f.id));
            }
            if f.aliases.is_empty() || f.samples_min > f.samples_max {
                return Err(format!(
                    "samples.toml: frequency {}: needs aliases and samples_min <= samples_max",
                    f.id
                ));
            }
        }
        Ok(t)
    }

    /// The table compiled into the app, parsed once.
    pub fn builtin() -> Result<&'static SampleTable, String> {
        static CELL: OnceLock<Result<SampleTable, String>> = OnceLock::new();
        CELL.get_or_init(|| SampleTable::parse(SOURCE))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The frequency the customer's words name: the longest alias contained in them wins
    /// ("many times a day" over "day"); `None` when no alias is.
    pub fn recognise(&self, given: &str) -> Option<&Frequency> {
        let given = given.trim().to_lowercase();
        if given.is_empty() {
            return None;
        }
        self.frequency
            .iter()
            .flat_map(|f| f.aliases.iter().map(move |a| (f, a)))
            .filter(|(_, a)| given.contains(a.as_str()))
            .max_by_key(|(_, a)| a.chars().count())
            .map(|(f, _)| f)
    }
}

/// Why a row needs attention before the auditor asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestFlag {
    /// A CUEC with no owner named.
    NoOwner,
    /// A CUEC whose evidence the bank does not describe.
    NoEvidence,
    /// A frequency was given but is not one of the table's.
    FrequencyUnknown,
}

/// One control the auditor will ask evidence for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestRow {
    pub item: String,
    pub kind: ItemKind,
    pub owner: String,
    pub frequency: String,
    /// The table's frequency id, when the customer's frequency is recognised.
    pub frequency_id: Option<String>,
    /// The typical Type II sample for that frequency ("1", "2–5").
    pub samples: Option<String>,
    pub flags: Vec<RequestFlag>,
}

/// The request list: every asked item not answered "not applicable", in bank order.
pub fn request_list(bank: &Bank, a: &Assessment, table: &SampleTable) -> Vec<RequestRow> {
    bank.visible_items(&a.scope)
        .filter(|i| !matches!(a.response(&i.id), Some(Response::NotApplicable { .. })))
        .map(|i| {
            let answer = a.answers.get(&i.id);
            let owner = answer.map_or("", |x| x.owner.trim()).to_string();
            let frequency = answer.map_or("", |x| x.frequency.trim()).to_string();
            let known = table.recognise(&frequency);
            let mut flags = Vec::new();
            if i.kind == ItemKind::Cuec && owner.is_empty() {
                flags.push(RequestFlag::NoOwner);
            }
            let no_evidence = [Lang::En, Lang::Zh]
                .iter()
                .all(|l| i.evidence_text(*l).trim().is_empty());
            if i.kind == ItemKind::Cuec && no_evidence {
                flags.push(RequestFlag::NoEvidence);
            }
            if !frequency.is_empty() && known.is_none() {
                flags.push(RequestFlag::FrequencyUnknown);
            }
            RequestRow {
                item: i.id.clone(),
                kind: i.kind,
                owner,
                frequency,
                frequency_id: known.map(|f| f.id.clone()),
                samples: known.map(Frequency::samples_text),
                flags,
            }
        })
        .collect()
}

/// The columns of [`request_csv`], in order.
pub const REQUEST_COLUMNS: [&str; 9] = [
    "item_id",
    "title",
    "kind",
    "evidence_to_request",
    "owner",
    "frequency",
    "frequency_recognised",
    "type2_sample_size",
    "flags",
];

/// The request list as CSV for Excel (BOM, CRLF, formula guard: `core::csv`).
pub fn request_csv(bank: &Bank, rows: &[RequestRow], table: &SampleTable, lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_record(&mut out, &REQUEST_COLUMNS);
    for r in rows {
        let item = bank.item(&r.item);
        let recognised = r
            .frequency_id
            .as_deref()
            .and_then(|id| table.frequency.iter().find(|f| f.id == id))
            .map_or("", |f| f.label.get(lang));
        let flags: Vec<&str> = r
            .flags
            .iter()
            .map(|f| match f {
                RequestFlag::NoOwner => "no_owner",
                RequestFlag::NoEvidence => "no_evidence",
                RequestFlag::FrequencyUnknown => "frequency_unknown",
            })
            .collect();
        push_record(
            &mut out,
            &[
                r.item.as_str(),
                item.map_or("", |i| i.title.get(lang)),
                r.kind.id(),
                item.map_or("", |i| i.evidence_text(lang)),
                &r.owner,
                &r.frequency,
                recognised,
                r.samples.as_deref().unwrap_or(""),
                &flags.join("; "),
            ],
        );
    }
    out
}
