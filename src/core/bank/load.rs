//! Merging and validating bank files (read by `source.rs`) into a [`Bank`]. All problems are collected
//! (not just the first), so a bank author sees the whole list at once.

use std::collections::BTreeSet;

use super::checker::Checker;
use super::coverage;
use super::error::{BankError, EntryKind, Problem};
use super::model::*;
use super::raw::*;
use super::source::{parse_file, ProviderFile, Source};
use crate::core::condition::Condition;
use crate::core::criteria::Catalogue;
use crate::core::text::Lang;

/// An entry of the merged raw bank, remembering the file it came from.
pub(super) struct From<T> {
    pub file: String,
    pub raw: T,
}

#[derive(Default)]
struct Merged {
    /// Each file's top-level fields the format does not know.
    extras: Vec<From<Extra>>,
    header: Option<From<RawHeader>>,
    scoring: Option<From<RawScoring>>,
    scope: Vec<From<RawScope>>,
    domains: Vec<From<RawDomain>>,
    items: Vec<From<RawItem>>,
}

/// The longest source reference (`source`, characters); content/FORMAT.md states it.
pub const MAX_SOURCE: usize = 40;

/// The scope questions and options the core gives meaning to.
pub const REQUIRED_SCOPE: [(&str, &[&str]); 3] = [
    ("reliance", &["soc1", "soc2"]),
    ("own_audit", &["none", "type1", "type2"]),
    (
        "categories",
        &[
            "availability",
            "confidentiality",
            "processing_integrity",
            "privacy",
        ],
    ),
];

/// Replaces the entry with the same id, or appends.
fn upsert<T>(list: &mut Vec<From<T>>, entry: From<T>, id: impl Fn(&T) -> Option<&String>) {
    let key = id(&entry.raw).cloned();
    match list
        .iter_mut()
        .find(|e| key.is_some() && id(&e.raw) == key.as_ref())
    {
        Some(existing) => *existing = entry,
        None => list.push(entry),
    }
}

impl Merged {
    /// Adds a standalone file: a second [bank] header is an error, duplicate ids are kept so
    /// that validation reports them.
    fn add(&mut self, name: &str, f: RawFile, errors: &mut Vec<BankError>) {
        self.extras.push(From {
            file: name.into(),
            raw: f.extra,
        });
        if let Some(h) = f.bank {
            if self.header.is_some() {
                errors.push(BankError::new(
                    name,
                    None,
                    Some("bank"),
                    Problem::SecondHeader,
                ));
            } else {
                self.header = Some(From {
                    file: name.into(),
                    raw: h,
                });
            }
        }
        if let Some(s) = f.scoring {
            if self.scoring.is_some() {
                errors.push(BankError::new(
                    name,
                    None,
                    Some("scoring"),
                    Problem::Duplicate("scoring".into()),
                ));
            } else {
                self.scoring = Some(From {
                    file: name.into(),
                    raw: s,
                });
            }
        }
        let file = || name.to_string();
        self.scope
            .extend(f.scope.into_iter().map(|raw| From { file: file(), raw }));
        self.domains
            .extend(f.domain.into_iter().map(|raw| From { file: file(), raw }));
        self.items
            .extend(f.item.into_iter().map(|raw| From { file: file(), raw }));
    }

    /// Lays a provider file over a base bank: same ids replace, new ids append, `remove`
    /// drops base items, and the provider's header (and scoring, if any) wins.
    fn overlay(&mut self, name: &str, f: RawFile, errors: &mut Vec<BankError>) {
        self.extras.push(From {
            file: name.into(),
            raw: f.extra,
        });
        if let Some(h) = f.bank {
            for id in &h.remove {
                let before = self.items.len();
                self.items.retain(|i| i.raw.id.as_ref() != Some(id));
                if self.items.len() == before {
                    errors.push(BankError::new(
                        name,
                        Some(id),
                        Some("bank.remove"),
                        Problem::Invalid(id.clone(), "an item id of the base bank".into()),
                    ));
                }
            }
            self.header = Some(From {
                file: name.into(),
                raw: h,
            });
        }
        if let Some(s) = f.scoring {
            let raw = match &self.scoring {
                Some(base) => s.over(&base.raw),
                None => s,
            };
            self.scoring = Some(From {
                file: name.into(),
                raw,
            });
        }
        for raw in f.scope {
            upsert(
                &mut self.scope,
                From {
                    file: name.into(),
                    raw,
                },
                |r| r.id.as_ref(),
            );
        }
        for raw in f.domain {
            upsert(
                &mut self.domains,
                From {
                    file: name.into(),
                    raw,
                },
                |r| r.id.as_ref(),
            );
        }
        for raw in f.item {
            upsert(
                &mut self.items,
                From {
                    file: name.into(),
                    raw,
                },
                |r| r.id.as_ref(),
            );
        }
    }
}

/// A provider bank checked: the bank or its errors, and the warnings either way (an
/// English-only draft, languages the app ignores, criticality left to its default…).
#[derive(Debug)]
pub struct Checked {
    pub bank: Result<Bank, Vec<BankError>>,
    pub warnings: Vec<BankError>,
}

fn parse_all(sources: &[Source], merged: &mut Merged, errors: &mut Vec<BankError>) {
    for src in sources {
        match parse_file(src) {
            Ok(f) => merged.add(src.name, f, errors),
            Err(e) => errors.push(e),
        }
    }
}

impl Bank {
    /// Builds a standalone bank from one or more files (the default bank is several). It is
    /// checked strictly: every warning (a missing translation, say) is an error.
    pub fn from_sources(sources: &[Source]) -> Result<Bank, Vec<BankError>> {
        let mut errors = Vec::new();
        let mut merged = Merged::default();
        parse_all(sources, &mut merged, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        validate(merged, true, None).bank
    }

    /// Builds the default bank from its language packs, merged (`pack.rs`): texts in
    /// `langs` only (the other language is neither required nor marked untranslated), and
    /// the guidance only when `guidance`. Checked strictly, as the whole bank is.
    pub fn from_packs(
        sources: &[Source],
        langs: &[Lang],
        guidance: bool,
    ) -> Result<Bank, Vec<BankError>> {
        let mut errors = Vec::new();
        let mut merged = Merged::default();
        parse_all(sources, &mut merged, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        let only = match langs {
            [one] => Some(*one),
            _ => None,
        };
        let mut bank = validate(merged, true, only).bank?;
        bank.packs = Some(super::pack::Packs {
            langs: langs.to_vec(),
            guidance,
        });
        Ok(bank)
    }

    /// Builds a provider bank: a file that `extends` the base bank (given as its sources),
    /// or a standalone bank when it extends nothing. Warnings are not errors here.
    pub fn from_provider(base: &[Source], provider: Source) -> Result<Bank, Vec<BankError>> {
        Bank::from_provider_file(base, ProviderFile::parse(provider).map_err(|e| vec![e])?)
    }

    /// [`Bank::from_provider`] for a file already read, so that the app reads a provider's
    /// file once: to learn whether it needs the base bank, then to build it.
    pub fn from_provider_file(
        base: &[Source],
        provider: ProviderFile,
    ) -> Result<Bank, Vec<BankError>> {
        Bank::check_provider_file(base, provider, false).bank
    }

    /// A provider bank with its warnings (`bank-check`); `strict` makes them errors.
    pub fn check_provider(base: &[Source], provider: Source, strict: bool) -> Checked {
        match ProviderFile::parse(provider) {
            Ok(file) => Bank::check_provider_file(base, file, strict),
            Err(e) => Checked {
                bank: Err(vec![e]),
                warnings: Vec::new(),
            },
        }
    }

    /// [`Bank::check_provider`] for a file already read. The base bank's files are read when
    /// the provider's file extends it, or leaves out a part of `[scoring]` (which is then
    /// the base bank's).
    pub fn check_provider_file(base: &[Source], provider: ProviderFile, strict: bool) -> Checked {
        let needs_base = provider.needs_base();
        let ProviderFile { name, file } = provider;
        let mut errors = Vec::new();
        let mut merged = Merged::default();
        if needs_base {
            parse_all(base, &mut merged, &mut errors);
        }
        match file.bank.as_ref().and_then(|h| h.extends.clone()) {
            Some(base_id) => {
                let base_matches =
                    merged.header.as_ref().and_then(|h| h.raw.id.as_ref()) == Some(&base_id);
                if !base_matches {
                    errors.push(BankError::new(
                        &name,
                        None,
                        Some("bank.extends"),
                        Problem::UnknownBase(base_id),
                    ));
                }
                merged.overlay(&name, file, &mut errors);
            }
            None => {
                // Standalone: only the base bank's scoring is kept, under what the file gives
                // (not the base's item ids, which this bank does not have).
                let base_scoring = merged.scoring.take().map(|mut b| {
                    b.raw.observation_requires.clear();
                    b
                });
                merged = Merged::default();
                merged.add(&name, file, &mut errors);
                merged.scoring = match (merged.scoring.take(), base_scoring) {
                    (Some(own), Some(base)) => Some(From {
                        file: own.file,
                        raw: own.raw.over(&base.raw),
                    }),
                    (own, base) => own.or(base),
                };
            }
        }
        if !errors.is_empty() {
            return Checked {
                bank: Err(errors),
                warnings: Vec::new(),
            };
        }
        let mut checked = validate(merged, strict, None);
        if let Ok(bank) = &mut checked.bank {
            bank.meta.provider = true;
        }
        checked
    }
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_item_id(s: &str) -> bool {
    match s.split_once('-') {
        Some((a, b)) => {
            !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && !b.is_empty()
                && b.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The conjunction of two conditions, in DNF (for checking that an item inside a
/// conditional domain can still be shown).
fn and(a: &Condition, b: &Condition) -> Option<Condition> {
    let mut parts = Vec::new();
    for ca in &a.clauses {
        for cb in &b.clauses {
            let terms: Vec<String> = ca
                .iter()
                .chain(cb)
                .map(|t| {
                    format!(
                        "{}{}:{}",
                        if t.negated { "!" } else { "" },
                        t.question,
                        t.option
                    )
                })
                .collect();
            parts.push(terms.join(" & "));
        }
    }
    Condition::parse(&parts.join(" | ")).ok()
}

/// Validates a merged bank. `strict` (the default bank, `bank-check --strict`): every
/// warning is an error.
fn validate(m: Merged, strict: bool, only: Option<Lang>) -> Checked {
    let catalogue = match Catalogue::builtin() {
        Ok(c) => c,
        Err(msg) => {
            return Checked {
                bank: Err(vec![BankError::new(
                    "criteria.toml",
                    None,
                    None,
                    Problem::Parse(msg),
                )]),
                warnings: Vec::new(),
            }
        }
    };
    let mut ck = Checker::new(catalogue);
    ck.only = only;
    let mut checked = check_merged(&mut ck, &m);
    ck.finish_untranslated();
    if strict {
        let warnings = std::mem::take(&mut ck.warnings);
        ck.errors.extend(warnings);
    }
    if !ck.errors.is_empty() {
        checked = None;
    }
    Checked {
        bank: checked.ok_or(ck.errors),
        warnings: ck.warnings,
    }
}

/// Checks every part of a merged bank, recording problems in `ck`; the bank when every
/// part could be built.
fn check_merged(ck: &mut Checker, m: &Merged) -> Option<Bank> {
    for From { file, raw } in &m.extras {
        ck.extra(file, None, "", raw);
    }

    // [bank]
    let meta = match &m.header {
        None => {
            let file = m
                .items
                .first()
                .map(|i| i.file.clone())
                .unwrap_or_else(|| "bank".into());
            ck.errors
                .push(BankError::new(&file, None, Some("bank"), Problem::NoHeader));
            None
        }
        Some(From { file, raw: h }) => {
            ck.extra(file, None, "bank", &h.extra);
            let schema = match h.schema_version {
                Some(1) => Some(1),
                Some(v) => {
                    ck.err(
                        file,
                        None,
                        "bank.schema_version",
                        Problem::UnsupportedSchema(v),
                    );
                    None
                }
                None => {
                    ck.err(file, None, "bank.schema_version", Problem::Missing);
                    None
                }
            };
            let id = match &h.id {
                Some(id)
                    if !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') =>
                {
                    Some(id.clone())
                }
                Some(id) => {
                    ck.err(
                        file,
                        None,
                        "bank.id",
                        Problem::Invalid(id.clone(), "lower-case letters, digits and -".into()),
                    );
                    None
                }
                None => {
                    ck.err(file, None, "bank.id", Problem::Missing);
                    None
                }
            };
            let version = match &h.version {
                Some(v) if !v.trim().is_empty() => Some(v.clone()),
                _ => {
                    ck.err(file, None, "bank.version", Problem::Missing);
                    None
                }
            };
            let date = match &h.date {
                Some(d) if is_date(d) => Some(d.clone()),
                Some(d) => {
                    ck.err(
                        file,
                        None,
                        "bank.date",
                        Problem::Invalid(d.clone(), "YYYY-MM-DD".into()),
                    );
                    None
                }
                None => {
                    ck.err(file, None, "bank.date", Problem::Missing);
                    None
                }
            };
            let title = ck.text(file, None, "bank.title", &h.title);
            let covers = coverage::declared(ck, file, &h.covers);
            let attribution = ck.optional_text(file, None, "bank.attribution", &h.attribution);
            let disclaimer = ck.optional_text(file, None, "bank.disclaimer", &h.disclaimer);
            match (schema, id, version, date, title) {
                (Some(schema_version), Some(id), Some(version), Some(date), Some(title)) => {
                    Some(BankMeta {
                        schema_version,
                        id,
                        version,
                        date,
                        title,
                        extends: h.extends.clone(),
                        covers,
                        attribution,
                        disclaimer,
                        provider: false,
                    })
                }
                _ => None,
            }
        }
    };
    let header_file = m
        .header
        .as_ref()
        .map(|h| h.file.clone())
        .unwrap_or_else(|| "bank".into());

    // [scoring]
    let scoring = match &m.scoring {
        None => {
            ck.err(&header_file, None, "scoring", Problem::Missing);
            None
        }
        Some(From { file, raw: s }) => validate_scoring(ck, file, s),
    };

    // [[scope]]: conditions may refer only to earlier questions.
    let all_scope_ids: Vec<String> = m.scope.iter().filter_map(|s| s.raw.id.clone()).collect();
    let mut scope: Vec<ScopeQuestion> = Vec::new();
    let mut seen = BTreeSet::new();
    ck.kind = EntryKind::Scope;
    for From { file, raw } in &m.scope {
        let Some(id) = raw.id.clone() else {
            ck.err(file, None, "scope.id", Problem::Missing);
            continue;
        };
        ck.extra(file, Some(&id), "", &raw.extra);
        if !is_ident(&id) {
            ck.err(
                file,
                Some(&id),
                "id",
                Problem::Invalid(id.clone(), "lower-case letters, digits and _".into()),
            );
        }
        if !seen.insert(id.clone()) {
            ck.err(file, Some(&id), "id", Problem::Duplicate(id.clone()));
        }
        let text = ck.text(file, Some(&id), "text", &raw.text);
        let help = ck.optional_text(file, Some(&id), "help", &raw.help);
        let mut options = Vec::new();
        let mut opt_ids = BTreeSet::new();
        for (n, o) in raw.option.iter().enumerate() {
            let oid = o.id.clone().unwrap_or_default();
            let field = format!("option[{n}]");
            ck.extra(file, Some(&id), &field, &o.extra);
            if !is_ident(&oid) {
                ck.err(
                    file,
                    Some(&id),
                    &format!("{field}.id"),
                    Problem::Invalid(oid.clone(), "lower-case letters, digits and _".into()),
                );
            } else if !opt_ids.insert(oid.clone()) {
                ck.err(
                    file,
                    Some(&id),
                    &format!("{field}.id"),
                    Problem::Duplicate(oid.clone()),
                );
            }
            if let Some(label) = ck.text(file, Some(&id), &format!("{field}.label"), &o.label) {
                options.push(ScopeOption { id: oid, label });
            }
        }
        let multiple = raw.multiple.unwrap_or(false);
        let min_options = if multiple { 1 } else { 2 };
        if raw.option.len() < min_options {
            ck.err(
                file,
                Some(&id),
                "option",
                Problem::OutOfRange(
                    raw.option.len().to_string(),
                    format!("at least {min_options} options"),
                ),
            );
        }
        let limit = scope.len();
        let show_if = ck.condition(file, &id, &raw.show_if, &scope, &all_scope_ids, limit);
        // A missing text was reported above.
        if let Some(text) = text {
            scope.push(ScopeQuestion {
                id,
                multiple,
                text,
                help,
                show_if,
                options,
            });
        }
    }
    for (q, opts) in REQUIRED_SCOPE {
        // A bank may leave these questions out (a provider's CUEC-only bank, say); when it
        // asks one, it must offer the options the core gives meaning to.
        if let Some(s) = scope.iter().find(|s| s.id == q) {
            for o in opts {
                if !s.options.iter().any(|x| x.id == *o) {
                    ck.err(
                        &header_file,
                        Some(q),
                        "option",
                        Problem::RequiredScope(format!("{q}:{o}")),
                    );
                }
            }
        }
    }

    if let Some(meta) = &meta {
        coverage::check_gates(ck, &header_file, &meta.covers, &scope);
    }

    // [[domain]]
    let mut domains = Vec::new();
    let mut seen = BTreeSet::new();
    ck.kind = EntryKind::Domain;
    for From { file, raw } in &m.domains {
        let Some(id) = raw.id.clone() else {
            ck.err(file, None, "domain.id", Problem::Missing);
            continue;
        };
        ck.extra(file, Some(&id), "", &raw.extra);
        if !is_ident(&id) {
            ck.err(
                file,
                Some(&id),
                "id",
                Problem::Invalid(id.clone(), "lower-case letters, digits and _".into()),
            );
        }
        if !seen.insert(id.clone()) {
            ck.err(file, Some(&id), "id", Problem::Duplicate(id.clone()));
        }
        let title = ck.title(file, Some(&id), &raw.title);
        let intro = ck.optional_text(file, Some(&id), "intro", &raw.intro);
        let show_if = ck.condition(file, &id, &raw.show_if, &scope, &all_scope_ids, scope.len());
        if let Some(title) = title {
            domains.push(Domain {
                id,
                title,
                intro,
                show_if,
            });
        }
    }

    // [[item]]
    let mut items = Vec::new();
    let mut seen = BTreeSet::new();
    ck.kind = EntryKind::Item;
    for From { file, raw } in &m.items {
        if let Some(item) =
            validate_item(ck, file, raw, &domains, &scope, &all_scope_ids, &mut seen)
        {
            items.push(item);
        }
    }

    let defaulted = m
        .items
        .iter()
        .filter(|i| i.raw.criticality.is_none())
        .count();
    if defaulted > 0 {
        ck.warn(
            &header_file,
            None,
            "criticality",
            Problem::CriticalityDefaulted(defaulted),
        );
    }
    if let Some(meta) = &meta {
        coverage::check_reports(ck, &meta.covers, &m.items);
    }

    let (Some(meta), Some(scoring)) = (meta, scoring) else {
        return None;
    };
    let bank = Bank {
        meta,
        scoring,
        scope,
        domains,
        items,
        packs: None,
    };
    for id in &bank.scoring.observation_requires {
        if bank.item(id).is_none() {
            ck.err(
                &header_file,
                None,
                "scoring.observation_requires",
                Problem::Invalid(id.clone(), "the id of an item of this bank".into()),
            );
        }
    }
    if !bank.items.is_empty()
        && !bank
            .items
            .iter()
            .any(|i| i.criticality == Criticality::Critical)
    {
        ck.warn(&header_file, None, "criticality", Problem::NoCriticalItem);
    }
    if ck.errors.is_empty() {
        coverage::check(ck, &bank, &header_file);
    }
    Some(bank)
}

fn validate_scoring(ck: &mut Checker, file: &str, s: &RawScoring) -> Option<ScoringConfig> {
    ck.extra(file, None, "scoring", &s.extra);
    ck.kind = EntryKind::Band;
    let mut ok = true;
    let mut weight = |ck: &mut Checker, c: Criticality| -> u32 {
        match s.weights.as_ref().and_then(|w| w.get(c.id())) {
            Some(&w) if (1..=100).contains(&w) => w as u32,
            Some(&w) => {
                ck.err(
                    file,
                    None,
                    &format!("scoring.weights.{}", c.id()),
                    Problem::OutOfRange(w.to_string(), "1–100".into()),
                );
                ok = false;
                1
            }
            None => {
                ck.err(
                    file,
                    None,
                    &format!("scoring.weights.{}", c.id()),
                    Problem::Missing,
                );
                ok = false;
                1
            }
        }
    };
    let weights = Weights {
        critical: weight(ck, Criticality::Critical),
        high: weight(ck, Criticality::High),
        medium: weight(ck, Criticality::Medium),
        low: weight(ck, Criticality::Low),
    };
    for key in s.weights.iter().flat_map(|w| w.keys()) {
        if Criticality::from_id(key).is_none() {
            ck.err(
                file,
                None,
                "scoring.weights",
                Problem::Invalid(key.clone(), "critical, high, medium or low".into()),
            );
            ok = false;
        }
    }
    let default_target = match s.default_target {
        Some(t) if (1..=4).contains(&t) => t as u8,
        Some(t) => {
            ck.err(
                file,
                None,
                "scoring.default_target",
                Problem::OutOfRange(t.to_string(), "1–4".into()),
            );
            ok = false;
            3
        }
        None => {
            ck.err(file, None, "scoring.default_target", Problem::Missing);
            ok = false;
            3
        }
    };
    let mut bands: Vec<Band> = Vec::new();
    let mut seen = BTreeSet::new();
    for (n, b) in s.band.iter().enumerate() {
        let id = b.id.clone().unwrap_or_else(|| format!("band[{n}]"));
        ck.extra(file, Some(&id), "", &b.extra);
        if b.id.is_none() {
            ck.err(file, Some(&id), "id", Problem::Missing);
            ok = false;
        } else if !seen.insert(id.clone()) {
            ck.err(file, Some(&id), "id", Problem::Duplicate(id.clone()));
            ok = false;
        }
        let min = match b.min {
            Some(v) if (0.0..=100.0).contains(&v) => v,
            Some(v) => {
                ck.err(
                    file,
                    Some(&id),
                    "min",
                    Problem::OutOfRange(v.to_string(), "0–100".into()),
                );
                ok = false;
                0.0
            }
            None => {
                ck.err(file, Some(&id), "min", Problem::Missing);
                ok = false;
                0.0
            }
        };
        if let Some(prev) = bands.last() {
            if min <= prev.min {
                ck.err(
                    file,
                    Some(&id),
                    "min",
                    Problem::Invalid(
                        min.to_string(),
                        format!("a value above the previous band's {}", prev.min),
                    ),
                );
                ok = false;
            }
        } else if b.min.is_some() && min != 0.0 {
            ck.err(
                file,
                Some(&id),
                "min",
                Problem::Invalid(min.to_string(), "0 for the first band".into()),
            );
            ok = false;
        }
        let label = ck.text(file, Some(&id), "label", &b.label);
        let advice = ck.optional_text(file, Some(&id), "advice", &b.advice);
        match label {
            Some(label) => bands.push(Band {
                id,
                min,
                label,
                advice,
            }),
            None => ok = false,
        }
    }
    if s.band.is_empty() {
        ck.err(file, None, "scoring.band", Problem::Missing);
        ok = false;
    }
    // The readiness gates of the scoring engine cap the verdict below these two bands.
    let position = |id: &str| bands.iter().position(|b| b.id == id);
    let gate_bands = [
        crate::core::scoring::TYPE1_BAND,
        crate::core::scoring::TYPE2_BAND,
    ];
    for id in gate_bands {
        if ok && position(id).is_none() {
            ck.err(file, None, "scoring.band", Problem::MissingBand(id.into()));
            ok = false;
        }
    }
    if let (true, Some(t1), Some(t2)) = (ok, position(gate_bands[0]), position(gate_bands[1])) {
        if t2 < t1 {
            ck.err(
                file,
                Some(gate_bands[1]),
                "min",
                Problem::Invalid(
                    gate_bands[1].into(),
                    format!("a band above {}", gate_bands[0]),
                ),
            );
            ok = false;
        }
    }
    ok.then_some(ScoringConfig {
        weights,
        default_target,
        bands,
        // Checked against the items once they are known (`check_item_links`).
        observation_requires: s.observation_requires.clone(),
    })
}

fn validate_item(
    ck: &mut Checker,
    file: &str,
    raw: &RawItem,
    domains: &[Domain],
    scope: &[ScopeQuestion],
    all_scope_ids: &[String],
    seen: &mut BTreeSet<String>,
) -> Option<Item> {
    let Some(id) = raw.id.clone() else {
        ck.errors.push(BankError::new(
            file,
            None,
            Some("item.id"),
            Problem::Missing,
        ));
        return None;
    };
    let e = Some(id.as_str());
    let mut ok = true;
    ck.extra(file, e, "", &raw.extra);
    if !is_item_id(&id) {
        ck.err(
            file,
            e,
            "id",
            Problem::Invalid(id.clone(), "PREFIX-NN, e.g. IAM-01".into()),
        );
        ok = false;
    }
    if !seen.insert(id.clone()) {
        ck.err(file, e, "id", Problem::Duplicate(id.clone()));
        ok = false;
    }
    let domain = match &raw.domain {
        Some(d) if domains.iter().any(|x| &x.id == d) => Some(d.clone()),
        Some(d) => {
            ck.err(file, e, "domain", Problem::UnknownDomain(d.clone()));
            None
        }
        None => {
            ck.err(file, e, "domain", Problem::Missing);
            None
        }
    };
    let kind = match &raw.kind {
        Some(k) => ItemKind::from_id(k).or_else(|| {
            ck.err(
                file,
                e,
                "kind",
                Problem::Invalid(
                    k.clone(),
                    "cuec, user_responsibility, monitoring, own_control or readiness".into(),
                ),
            );
            None
        }),
        None => {
            ck.err(file, e, "kind", Problem::Missing);
            None
        }
    };
    let criticality = match &raw.criticality {
        Some(k) => Criticality::from_id(k).or_else(|| {
            ck.err(
                file,
                e,
                "criticality",
                Problem::Invalid(k.clone(), "critical, high, medium or low".into()),
            );
            None
        }),
        // Documented default; the bank as a whole gets a warning (see `check_merged`).
        None => Some(Criticality::Medium),
    };
    let source = match &raw.source {
        Some(s) if s.trim().is_empty() => {
            ck.err(file, e, "source", Problem::EmptyText(Lang::En));
            ok = false;
            None
        }
        Some(s) if s.chars().count() > MAX_SOURCE => {
            ck.err(
                file,
                e,
                "source",
                Problem::TooLong(s.chars().count(), MAX_SOURCE),
            );
            ok = false;
            None
        }
        s => s.clone(),
    };
    let mut reports = Vec::new();
    match &raw.reports {
        None => {
            ck.err(file, e, "reports", Problem::Missing);
            ok = false;
        }
        Some(list) if list.is_empty() => {
            ck.err(file, e, "reports", Problem::Missing);
            ok = false;
        }
        Some(list) => {
            for r in list {
                match Report::from_id(r) {
                    Some(rep) if !reports.contains(&rep) => reports.push(rep),
                    Some(_) => {
                        ck.err(file, e, "reports", Problem::Duplicate(r.clone()));
                        ok = false;
                    }
                    None => {
                        ck.err(
                            file,
                            e,
                            "reports",
                            Problem::Invalid(r.clone(), "soc1 or soc2".into()),
                        );
                        ok = false;
                    }
                }
            }
        }
    }
    let mut objectives = Vec::new();
    for o in &raw.objectives {
        match Objective::from_id(o) {
            Some(obj) if !objectives.contains(&obj) => objectives.push(obj),
            Some(_) => {
                ck.err(file, e, "objectives", Problem::Duplicate(o.clone()));
                ok = false;
            }
            None => {
                ck.err(
                    file,
                    e,
                    "objectives",
                    Problem::Invalid(
                        o.clone(),
                        "logical_access, change_management, operations_backup or data_interfaces"
                            .into(),
                    ),
                );
                ok = false;
            }
        }
    }
    // SOC 1 reports state control objectives, not the Trust Services Criteria: objectives
    // belong to items that apply to SOC 1, and only a SOC 1-only item may cite no criterion.
    if !objectives.is_empty() && !reports.contains(&Report::Soc1) {
        ck.err(
            file,
            e,
            "objectives",
            Problem::Invalid(
                raw.objectives.join(", "),
                "objectives only on items whose reports include soc1".into(),
            ),
        );
        ok = false;
    }
    let soc1_only = reports == [Report::Soc1];
    let criteria = raw.criteria.clone().unwrap_or_default();
    let cites_objectives_only = soc1_only && !objectives.is_empty();
    // A planning or engagement step of the customer's own audit (scope, system description,
    // engaging the auditor) maps to no criterion: it cites its checkpoints instead.
    let planning_step = kind == Some(ItemKind::Readiness) && !raw.checkpoints.is_empty();
    if criteria.is_empty() && !cites_objectives_only && !planning_step {
        let field = if soc1_only { "objectives" } else { "criteria" };
        ck.err(file, e, field, Problem::Missing);
        ok = false;
    }
    if !criteria.is_empty() && soc1_only {
        ck.err(
            file,
            e,
            "criteria",
            Problem::Invalid(
                criteria.join(", "),
                "no Trust Services Criteria on a SOC 1-only item: cite objectives".into(),
            ),
        );
        ok = false;
    }
    if raw.assumed && kind != Some(ItemKind::Cuec) {
        ck.err(
            file,
            e,
            "assumed",
            Problem::Invalid("true".into(), "assumed only on items of kind cuec".into()),
        );
        ok = false;
    }
    if raw.also_own_soc2 && matches!(kind, Some(ItemKind::Readiness | ItemKind::OwnControl)) {
        ck.err(
            file,
            e,
            "also_own_soc2",
            Problem::Invalid(
                "true".into(),
                "also_own_soc2 only on cuec, user_responsibility or monitoring items".into(),
            ),
        );
        ok = false;
    }
    for c in &criteria {
        if ck.catalogue.criterion(c).is_none() {
            ck.err(file, e, "criteria", Problem::UnknownCriterion(c.clone()));
            ok = false;
        }
    }
    let theme = match raw.theme {
        Some(t) if (1..=67).contains(&t) => Some(t as u8),
        Some(t) => {
            ck.err(
                file,
                e,
                "theme",
                Problem::OutOfRange(t.to_string(), "1–67".into()),
            );
            ok = false;
            None
        }
        None => None,
    };
    for cp in &raw.checkpoints {
        // R1–R23: readiness checkpoints; DC1–DC9: the description criteria (DC 200).
        let number = |prefix: &str, max: u8| {
            cp.strip_prefix(prefix)
                .and_then(|n| n.parse::<u8>().ok())
                .is_some_and(|n| (1..=max).contains(&n))
        };
        let valid = number("DC", 9) || number("R", 23);
        if !valid {
            ck.err(
                file,
                e,
                "checkpoints",
                Problem::Invalid(cp.clone(), "R1–R23 or DC1–DC9".into()),
            );
            ok = false;
        }
    }
    let target = match raw.target {
        Some(t) if (1..=4).contains(&t) => Some(t as u8),
        Some(t) => {
            ck.err(
                file,
                e,
                "target",
                Problem::OutOfRange(t.to_string(), "1–4".into()),
            );
            ok = false;
            None
        }
        None => None,
    };
    let show_if = ck.condition(file, &id, &raw.show_if, scope, all_scope_ids, scope.len());
    if raw.show_if.is_some() && show_if.is_none() {
        ok = false;
    }
    // An item whose own condition contradicts its domain's could never be shown.
    let domain_cond = domain
        .as_ref()
        .and_then(|d| domains.iter().find(|x| &x.id == d))
        .and_then(|d| d.show_if.as_ref());
    if let (Some(dc), Some(ic)) = (domain_cond, show_if.as_ref()) {
        let single = |q: &str| scope.iter().any(|s| s.id == q && !s.multiple);
        if and(dc, ic).is_some_and(|both| !both.satisfiable(single)) {
            ck.err(
                file,
                e,
                "show_if",
                Problem::NeverTrue(format!("({dc}) & ({ic})")),
            );
            ok = false;
        }
    }
    let title = ck.title(file, e, &raw.title);
    let statement = ck.text(file, e, "statement", &raw.statement);
    // Guidance is optional; a part that is given must be valid.
    let why = ck.optional_text(file, e, "why", &raw.why);
    let how = ck.steps(file, &id, &raw.how);
    let evidence = ck.optional_text(file, e, "evidence", &raw.evidence);
    let type2 = ck.optional_text(file, e, "type2", &raw.type2);
    if (raw.type2.is_some() && type2.is_none())
        || (raw.why.is_some() && why.is_none())
        || (raw.evidence.is_some() && evidence.is_none())
    {
        ok = false;
    }
    let Ok(how) = how else {
        return None;
    };
    let for_provider = super::provider_steps::validate(
        &mut ck.errors,
        ck.only,
        file,
        &id,
        &raw.for_provider,
        scope,
    );
    ok &= for_provider.is_some();
    match (ok, domain, kind, criticality, title, statement) {
        (true, Some(domain), Some(kind), Some(criticality), Some(title), Some(statement)) => {
            Some(Item {
                id,
                source,
                domain,
                kind,
                criticality,
                reports,
                criteria,
                objectives,
                also_own_soc2: raw.also_own_soc2,
                assumed: raw.assumed,
                theme,
                checkpoints: raw.checkpoints.clone(),
                show_if,
                never_na: raw.never_na,
                target,
                title,
                statement,
                why,
                how,
                evidence,
                type2,
                for_provider: for_provider.unwrap_or_default(),
            })
        }
        _ => None,
    }
}

/// The web build (no `toml` feature) reads JSON banks and refuses TOML ones with the
/// conversion command. Run with `cargo test --no-default-features --lib bank::load`.
#[cfg(all(test, not(feature = "toml")))]
mod without_toml {
    use super::*;

    #[test]
    fn a_toml_bank_is_refused_and_a_json_one_read() {
        let toml = Source {
            name: "p.toml",
            text: "[bank]\nid = \"p\"",
        };
        let errors = Bank::from_provider(crate::core::default_bank::SOURCES, toml).unwrap_err();
        assert_eq!(
            errors,
            vec![BankError::new(
                "p.toml",
                None,
                None,
                Problem::TomlNotSupported
            )]
        );
        assert!(crate::core::default_bank::default_bank().is_ok());
        assert!(Catalogue::builtin().is_ok());
    }
}
