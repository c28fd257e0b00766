//! The validator's state: the errors and warnings found so far, and the checks shared by
//! every kind of entry (texts in both languages, steps, conditions). Each problem names the
//! file, the entry and the field.

use super::error::{BankError, EntryKind, Problem};
use super::extra;
use super::model::ScopeQuestion;
use super::raw::{RawText, RawTextList};
use crate::core::condition::Condition;
use crate::core::criteria::Catalogue;
use crate::core::text::{Lang, Text, TextList};

/// The longest title (characters, in each language); content/FORMAT.md states it.
pub const MAX_TITLE: usize = 80;
/// The number of `how` steps allowed.
pub const STEPS: std::ops::RangeInclusive<usize> = 1..=4;

pub(super) struct Checker<'c> {
    pub errors: Vec<BankError>,
    pub warnings: Vec<BankError>,
    pub catalogue: &'c Catalogue,
    /// The kind of entry being checked (items, domains…), for the messages.
    pub kind: EntryKind,
    /// Fields without Chinese, grouped by entry at the end (one warning per entry).
    untranslated: Vec<(String, Option<String>, EntryKind, String)>,
    /// A language pack's one language (`pack.rs`): the other is neither required nor
    /// marked untranslated. `None`: both languages, as written by authors.
    pub only: Option<Lang>,
}

impl<'c> Checker<'c> {
    pub fn new(catalogue: &'c Catalogue) -> Self {
        Checker {
            errors: Vec::new(),
            warnings: Vec::new(),
            catalogue,
            kind: EntryKind::Item,
            untranslated: Vec::new(),
            only: None,
        }
    }

    pub fn err(&mut self, file: &str, entry: Option<&str>, field: &str, p: Problem) {
        let kind = if entry.is_some() {
            self.kind
        } else {
            EntryKind::Item
        };
        self.errors
            .push(BankError::new(file, entry, Some(field), p).of(kind));
    }

    pub fn warn(&mut self, file: &str, entry: Option<&str>, field: &str, p: Problem) {
        self.warnings
            .push(BankError::new(file, entry, Some(field), p).of(self.kind));
    }

    /// Reports unknown fields (errors) and ignores extension fields (`x-…`).
    pub fn extra(&mut self, file: &str, entry: Option<&str>, prefix: &str, e: &super::raw::Extra) {
        for key in extra::unknown(e) {
            self.err(file, entry, &join(prefix, key), Problem::UnknownField);
        }
    }

    /// The untranslated fields, one warning per entry, in the order found.
    pub fn finish_untranslated(&mut self) {
        let mut grouped: Vec<(String, Option<String>, EntryKind, Vec<String>)> = Vec::new();
        for (file, entry, kind, field) in std::mem::take(&mut self.untranslated) {
            match grouped
                .iter_mut()
                .find(|g| g.0 == file && g.1 == entry && g.2 == kind)
            {
                Some(g) => g.3.push(field),
                None => grouped.push((file, entry, kind, vec![field])),
            }
        }
        for (file, entry, kind, fields) in grouped {
            self.warnings.push(
                BankError::new(&file, entry.as_deref(), None, Problem::Untranslated(fields))
                    .of(kind),
            );
        }
    }

    /// Languages beyond en/zh: a warning each; other keys: unknown fields.
    fn languages(&mut self, file: &str, entry: Option<&str>, field: &str, e: &super::raw::Extra) {
        for key in extra::unknown(e) {
            if extra::is_language(key) {
                self.warn(
                    file,
                    entry,
                    &join(field, key),
                    Problem::LanguageIgnored(key.clone()),
                );
            } else {
                self.err(file, entry, &join(field, key), Problem::UnknownField);
            }
        }
    }

    fn not_translated(&mut self, file: &str, entry: Option<&str>, field: &str) {
        self.untranslated.push((
            file.to_string(),
            entry.map(str::to_string),
            self.kind,
            field.to_string(),
        ));
    }

    /// A required text: English required and non-empty; Chinese may be missing (or a
    /// placeholder such as `[EN] …`), which is recorded as untranslated (a warning for a
    /// provider bank, an error for the default bank).
    pub fn text(
        &mut self,
        file: &str,
        entry: Option<&str>,
        field: &str,
        t: &Option<RawText>,
    ) -> Option<Text> {
        let Some(t) = t else {
            self.err(file, entry, field, Problem::Missing);
            return None;
        };
        self.languages(file, entry, field, &t.extra);
        if let Some(lang) = self.only {
            return self.one_language_text(file, entry, field, t, lang);
        }
        let en = match &t.en {
            None => {
                self.err(file, entry, &format!("{field}.en"), Problem::Missing);
                None
            }
            Some(s) if s.trim().is_empty() => {
                self.err(
                    file,
                    entry,
                    &format!("{field}.en"),
                    Problem::EmptyText(Lang::En),
                );
                None
            }
            Some(s) => Some(s.clone()),
        };
        let zh = match &t.zh {
            Some(z) if z.trim().is_empty() => {
                self.err(
                    file,
                    entry,
                    &format!("{field}.zh"),
                    Problem::EmptyText(Lang::Zh),
                );
                return None;
            }
            Some(z) if !placeholder(en.as_deref().unwrap_or(""), z) => z.clone(),
            _ => {
                self.not_translated(file, entry, field);
                String::new()
            }
        };
        en.map(|en| Text { en, zh })
    }

    /// [`Checker::text`] in a language pack: only `lang` is required.
    fn one_language_text(
        &mut self,
        file: &str,
        entry: Option<&str>,
        field: &str,
        t: &RawText,
        lang: Lang,
    ) -> Option<Text> {
        let value = match lang {
            Lang::En => &t.en,
            Lang::Zh => &t.zh,
        };
        let f = format!("{field}.{}", lang.code());
        match value {
            None => {
                self.err(file, entry, &f, Problem::Missing);
                None
            }
            Some(s) if s.trim().is_empty() => {
                self.err(file, entry, &f, Problem::EmptyText(lang));
                None
            }
            Some(s) => Some(match lang {
                Lang::En => Text::new(s.clone(), ""),
                Lang::Zh => Text::new("", s.clone()),
            }),
        }
    }

    pub fn optional_text(
        &mut self,
        file: &str,
        entry: Option<&str>,
        field: &str,
        t: &Option<RawText>,
    ) -> Option<Text> {
        t.as_ref().and_then(|_| self.text(file, entry, field, t))
    }

    /// A title: a text of at most [`MAX_TITLE`] characters in each language.
    pub fn title(&mut self, file: &str, entry: Option<&str>, t: &Option<RawText>) -> Option<Text> {
        let text = self.text(file, entry, "title", t)?;
        let mut ok = true;
        for lang in Lang::ALL {
            let n = text.get(lang).chars().count();
            if text.has(lang) && n > MAX_TITLE {
                self.err(
                    file,
                    entry,
                    &format!("title.{}", lang.code()),
                    Problem::TooLong(n, MAX_TITLE),
                );
                ok = false;
            }
        }
        ok.then_some(text)
    }

    /// Optional remediation steps: [`STEPS`] of them, the same count in both languages (or
    /// no Chinese, recorded as untranslated).
    pub fn steps(
        &mut self,
        file: &str,
        entry: &str,
        t: &Option<RawTextList>,
    ) -> Result<Option<TextList>, ()> {
        let Some(t) = t else {
            return Ok(None);
        };
        let e = Some(entry);
        self.languages(file, e, "how", &t.extra);
        let mut ok = true;
        let only = self.only;
        for (lang, v) in required_languages(only, &t.en, &t.zh) {
            let field = format!("how.{}", lang.code());
            match v {
                None if lang == Lang::Zh && only.is_none() => self.not_translated(file, e, "how"),
                None => {
                    self.err(file, e, &field, Problem::Missing);
                    ok = false;
                }
                Some(list) if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) => {
                    self.err(file, e, &field, Problem::EmptyText(lang));
                    ok = false;
                }
                Some(list) if !STEPS.contains(&list.len()) => {
                    self.err(
                        file,
                        e,
                        &field,
                        Problem::OutOfRange(
                            list.len().to_string(),
                            format!("{}–{} steps", STEPS.start(), STEPS.end()),
                        ),
                    );
                    ok = false;
                }
                Some(_) => {}
            }
        }
        let en = t.en.clone().unwrap_or_default();
        let mut zh = t.zh.clone().unwrap_or_default();
        if ok && only.is_none() && !zh.is_empty() && en.len() != zh.len() {
            self.err(
                file,
                e,
                "how",
                Problem::StepCountMismatch(en.len(), zh.len()),
            );
            ok = false;
        }
        if ok && only.is_none() && en.iter().zip(&zh).any(|(en, zh)| placeholder(en, zh)) {
            self.not_translated(file, e, "how");
            zh.clear();
        }
        if ok {
            Ok(Some(TextList { en, zh }))
        } else {
            Err(())
        }
    }

    /// Parses a condition and checks every reference against the scope questions allowed
    /// (`scope[..limit]`), and that it can be true.
    pub fn condition(
        &mut self,
        file: &str,
        entry: &str,
        src: &Option<String>,
        scope: &[ScopeQuestion],
        all_scope_ids: &[String],
        limit: usize,
    ) -> Option<Condition> {
        let src = src.as_ref()?;
        let cond = match Condition::parse(src) {
            Ok(c) => c,
            Err(e) => {
                self.err(
                    file,
                    Some(entry),
                    "show_if",
                    Problem::BadCondition(e.to_string()),
                );
                return None;
            }
        };
        let mut ok = true;
        for t in cond.terms() {
            match scope[..limit.min(scope.len())]
                .iter()
                .find(|q| q.id == t.question)
            {
                Some(q) if !q.options.iter().any(|o| o.id == t.option) => {
                    self.err(
                        file,
                        Some(entry),
                        "show_if",
                        Problem::UnknownOption(t.question.clone(), t.option.clone()),
                    );
                    ok = false;
                }
                Some(_) => {}
                None if all_scope_ids.contains(&t.question) => {
                    self.err(
                        file,
                        Some(entry),
                        "show_if",
                        Problem::ForwardReference(t.question.clone()),
                    );
                    ok = false;
                }
                None => {
                    self.err(
                        file,
                        Some(entry),
                        "show_if",
                        Problem::UnknownQuestion(t.question.clone()),
                    );
                    ok = false;
                }
            }
        }
        if ok && !cond.satisfiable(|q| scope.iter().any(|s| s.id == q && !s.multiple)) {
            self.err(
                file,
                Some(entry),
                "show_if",
                Problem::NeverTrue(cond.source().to_string()),
            );
            ok = false;
        }
        ok.then_some(cond)
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The languages a text must be checked in, each with its value: both, or only a language
/// pack's one (`pack.rs`), where the other is not required.
pub(super) fn required_languages<'a, T>(
    only: Option<Lang>,
    en: &'a Option<T>,
    zh: &'a Option<T>,
) -> impl Iterator<Item = (Lang, &'a Option<T>)> {
    [(Lang::En, en), (Lang::Zh, zh)]
        .into_iter()
        .filter(move |(lang, _)| only.is_none_or(|o| o == *lang))
}

/// A Chinese text that stands in for a translation not yet made: tagged (`[EN] …`,
/// `[TODO] …`, `TODO …`), or an English text of several words copied as it is or written
/// without a single Chinese character. Short names (`SOC 1`) stay valid Chinese.
pub fn placeholder(en: &str, zh: &str) -> bool {
    let z = zh.trim();
    let lower = z.to_ascii_lowercase();
    let tagged = ["[en]", "[todo]", "[tbd]", "todo", "tbd:"]
        .iter()
        .any(|tag| lower.starts_with(tag));
    let words = z
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .count();
    let has_cjk = z.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
    tagged || (z == en.trim() && words >= 3) || (!has_cjk && words >= 4)
}
