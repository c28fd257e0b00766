//! The default bank in language packs: what a first visit downloads.
//!
//! `banks/default.jsonl` holds every text in both languages and every question's guidance
//! (why, how, evidence, Type II, per-provider steps), most of which a visitor never opens.
//! `bank-check --bundle` also writes it as four packs, each a bundle of the same files in
//! the same order (see `bundle.rs`) holding part of each file's JSON:
//!
//! | pack                          | holds                                              |
//! |-------------------------------|----------------------------------------------------|
//! | `banks/default.en.jsonl`      | everything but the guidance, texts in English only |
//! | `banks/default.zh.jsonl`      | the same, texts in Chinese only                    |
//! | `banks/default.en.guide.jsonl`| the guidance fields of each item, English only     |
//! | `banks/default.zh.guide.jsonl`| the same, Chinese only                             |
//!
//! Invariant: merging the four packs (`merge_packs`) gives back each file's JSON exactly;
//! a pack keeps every array the same length as in the whole file (an item without
//! guidance is `{}` in a guidance pack), so arrays merge element by element.
//!
//! The app downloads the core pack of the visitor's language, then the guidance pack of that
//! language when a question's guidance is first opened or a page needs it (report, request
//! list, blank questionnaire, next steps), and the other language's packs only when the
//! visitor switches language. The packs were validated as a whole before they were written;
//! the app still validates what it builds from them (`Bank::from_packs`), with the languages
//! and the guidance it has.

use serde_json::{Map, Value};

use super::bundle::{read_bundle, write_bundle};
use super::error::{BankError, Problem};
use super::source::Source;
use crate::core::text::Lang;

/// The item fields that are guidance: shown when a question's guidance is opened, in the
/// printed report and the exports, never needed to answer.
pub const GUIDANCE_FIELDS: [&str; 5] = ["why", "how", "evidence", "type2", "for_provider"];

/// The two parts of each language's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackPart {
    /// Everything a question needs to be answered.
    Core,
    /// The guidance fields of the items.
    Guidance,
}

/// What a bank built from packs holds: its languages and whether its guidance is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packs {
    pub langs: Vec<Lang>,
    pub guidance: bool,
}

impl Packs {
    pub fn has(&self, lang: Lang) -> bool {
        self.langs.contains(&lang)
    }
}

/// The path the app fetches a pack by, relative to its page.
pub fn pack_path(lang: Lang, part: PackPart) -> String {
    match part {
        PackPart::Core => format!("banks/default.{}.jsonl", lang.code()),
        PackPart::Guidance => format!("banks/default.{}.guide.jsonl", lang.code()),
    }
}

/// Writes the pack of `lang` and `part` from the whole bank's files (each already JSON).
pub fn write_pack(sources: &[Source], lang: Lang, part: PackPart) -> Result<String, BankError> {
    let mut texts = Vec::with_capacity(sources.len());
    for src in sources {
        let value: Value = serde_json::from_str(src.text)
            .map_err(|e| BankError::new(src.name, None, None, Problem::Parse(e.to_string())))?;
        let value = match part {
            PackPart::Core => without_guidance(value),
            PackPart::Guidance => only_guidance(value),
        };
        texts.push(one_language(value, lang).to_string());
    }
    let sources: Vec<Source> = sources
        .iter()
        .zip(&texts)
        .map(|(s, text)| Source { name: s.name, text })
        .collect();
    write_bundle(&sources)
}

/// A text of the bank: an object whose keys are all languages (`en`, `zh`).
fn is_text(map: &Map<String, Value>) -> bool {
    !map.is_empty() && map.keys().all(|k| k == "en" || k == "zh")
}

/// `value` with every text reduced to `lang`.
fn one_language(value: Value, lang: Lang) -> Value {
    match value {
        Value::Object(map) if is_text(&map) => {
            Value::Object(map.into_iter().filter(|(k, _)| k == lang.code()).collect())
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, one_language(v, lang)))
                .collect(),
        ),
        Value::Array(list) => {
            Value::Array(list.into_iter().map(|v| one_language(v, lang)).collect())
        }
        other => other,
    }
}

/// The file without its items' guidance fields.
fn without_guidance(mut file: Value) -> Value {
    if let Some(Value::Array(items)) = file.get_mut("item") {
        for item in items.iter_mut() {
            if let Value::Object(fields) = item {
                fields.retain(|k, _| !GUIDANCE_FIELDS.contains(&k.as_str()));
            }
        }
    }
    file
}

/// Only the file's items' guidance fields, one object per item (`{}` when it has none).
fn only_guidance(file: Value) -> Value {
    let mut out = Map::new();
    if let Some(Value::Array(items)) = file.get("item") {
        let guidance = items
            .iter()
            .map(|item| match item {
                Value::Object(fields) => Value::Object(
                    fields
                        .iter()
                        .filter(|(k, _)| GUIDANCE_FIELDS.contains(&k.as_str()))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                ),
                _ => Value::Object(Map::new()),
            })
            .collect();
        out.insert("item".into(), Value::Array(guidance));
    }
    Value::Object(out)
}

/// Merges packs of the same bank (each a bundle text, named for messages) into its files:
/// (name, JSON text). The packs must hold the same files in the same order.
pub fn merge_packs(packs: &[(&str, &str)]) -> Result<Vec<(String, String)>, BankError> {
    let mut merged: Vec<(String, Value)> = Vec::new();
    for (index, (pack_name, text)) in packs.iter().enumerate() {
        let files = read_bundle(pack_name, text)?;
        let mismatch = || {
            BankError::new(
                pack_name,
                None,
                None,
                Problem::Parse("its files are not those of the other packs".into()),
            )
        };
        if index > 0 && files.len() != merged.len() {
            return Err(mismatch());
        }
        for (position, (name, json)) in files.into_iter().enumerate() {
            let value: Value = serde_json::from_str(json)
                .map_err(|e| BankError::new(&name, None, None, Problem::Parse(e.to_string())))?;
            if index == 0 {
                merged.push((name, value));
                continue;
            }
            let (existing_name, existing) = &mut merged[position];
            if *existing_name != name {
                return Err(mismatch());
            }
            merge_into(existing, value).map_err(|why| {
                BankError::new(&name, None, None, Problem::Parse(why.to_string()))
            })?;
        }
    }
    Ok(merged
        .into_iter()
        .map(|(name, value)| (name, value.to_string()))
        .collect())
}

/// Lays `other` over `base`: objects key by key, arrays element by element (same length).
fn merge_into(base: &mut Value, other: Value) -> Result<(), &'static str> {
    match (base, other) {
        (Value::Object(base), Value::Object(other)) => {
            for (key, value) in other {
                match base.get_mut(&key) {
                    Some(existing) => merge_into(existing, value)?,
                    None => {
                        base.insert(key, value);
                    }
                }
            }
            Ok(())
        }
        (Value::Array(base), Value::Array(other)) => {
            if base.len() != other.len() {
                return Err("a list has a different length in another pack");
            }
            for (existing, value) in base.iter_mut().zip(other) {
                merge_into(existing, value)?;
            }
            Ok(())
        }
        (base, other) if *base == other => Ok(()),
        _ => Err("a value differs between two packs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{bundle_sources, Bank};
    use crate::core::default_bank::SOURCES;

    fn pack(lang: Lang, part: PackPart) -> String {
        write_pack(SOURCES, lang, part).unwrap()
    }

    #[test]
    fn the_four_packs_merge_back_into_the_whole_bank() {
        let packs = [
            pack(Lang::En, PackPart::Core),
            pack(Lang::Zh, PackPart::Core),
            pack(Lang::En, PackPart::Guidance),
            pack(Lang::Zh, PackPart::Guidance),
        ];
        let named: Vec<(&str, &str)> = packs.iter().map(|p| ("pack", p.as_str())).collect();
        let files = merge_packs(&named).unwrap();
        assert_eq!(files.len(), SOURCES.len());
        for ((name, json), src) in files.iter().zip(SOURCES) {
            assert_eq!(name, src.name);
            let whole: Value = serde_json::from_str(src.text).unwrap();
            let merged: Value = serde_json::from_str(json).unwrap();
            assert_eq!(merged, whole, "{name}");
        }
    }

    #[test]
    fn a_pack_holds_one_language() {
        let whole = Bank::from_sources(SOURCES).unwrap();
        // Every statement in each language, as JSON would write it.
        let statements = |lang: Lang| -> Vec<String> {
            whole
                .items
                .iter()
                .map(|i| serde_json::to_string(i.statement.get(lang)).unwrap())
                .collect()
        };
        for part in [PackPart::Core, PackPart::Guidance] {
            let en = pack(Lang::En, part);
            let zh = pack(Lang::Zh, part);
            assert!(!en.contains("\"zh\":"), "{part:?}");
            assert!(!zh.contains("\"en\":"), "{part:?}");
            if part == PackPart::Core {
                for (en_text, zh_text) in statements(Lang::En).iter().zip(statements(Lang::Zh)) {
                    assert!(en.contains(en_text.as_str()) && !en.contains(zh_text.as_str()));
                    assert!(zh.contains(zh_text.as_str()) && !zh.contains(en_text.as_str()));
                }
            }
        }
        let core = pack(Lang::En, PackPart::Core);
        for field in GUIDANCE_FIELDS {
            assert!(
                !core.contains(&format!("\"{field}\":")),
                "{field} in the core pack"
            );
        }
    }

    #[test]
    fn a_bank_built_from_one_language_has_its_questions_and_no_guidance() {
        let whole = Bank::from_sources(SOURCES).unwrap();
        let core = pack(Lang::Zh, PackPart::Core);
        let files = merge_packs(&[("banks/default.zh.jsonl", &core)]).unwrap();
        let bank = Bank::from_packs(&bundle_sources(&files), &[Lang::Zh], false).unwrap();
        assert_eq!(bank.items.len(), whole.items.len());
        let (a, b) = (&bank.items[0], &whole.items[0]);
        assert_eq!(a.statement.get(Lang::Zh), b.statement.get(Lang::Zh));
        assert!(a.why.is_none() && a.how.is_none() && a.for_provider.is_empty());
        assert!(!a.untranslated(Lang::Zh));
        let guide = pack(Lang::Zh, PackPart::Guidance);
        let files = merge_packs(&[("core", &core), ("guide", &guide)]).unwrap();
        let bank = Bank::from_packs(&bundle_sources(&files), &[Lang::Zh], true).unwrap();
        for (a, b) in bank.items.iter().zip(&whole.items) {
            assert_eq!(a.steps(Lang::Zh), b.steps(Lang::Zh), "{}", a.id);
            assert_eq!(
                a.evidence_text(Lang::Zh),
                b.evidence_text(Lang::Zh),
                "{}",
                a.id
            );
            assert_eq!(a.for_provider.len(), b.for_provider.len(), "{}", a.id);
        }
        assert_eq!(
            bank.packs,
            Some(Packs {
                langs: vec![Lang::Zh],
                guidance: true
            })
        );
    }

    #[test]
    fn packs_of_another_bank_are_refused_with_their_name() {
        let core = pack(Lang::En, PackPart::Core);
        let first_two: String = core.lines().take(2).map(|l| format!("{l}\n")).collect();
        let err = merge_packs(&[("a", &core), ("banks/b.jsonl", &first_two)]).unwrap_err();
        assert_eq!(err.file, "banks/b.jsonl");
    }
}
