//! The coverage rule, for what a bank declares (`[bank.covers]`): a readiness bank must
//! cite every criterion of each category it declares, by an item shown whenever the
//! customer heads for its own audit (Type I or II) with that category in scope, whatever
//! the other scope answers are, except the bank's declared gates: a gate question's
//! answer may legitimately take a criterion out of scope (a processor does not collect
//! personal data), so a criterion counts as covered when some answer to the gates shows
//! an item citing it. A bank that is only a CUEC list has no coverage rule.

use std::collections::BTreeSet;

use super::checker::Checker;
use super::error::{EntryKind, Problem};
use super::load::{From, REQUIRED_SCOPE};
use super::model::{Bank, Covers, Purpose, Report, ScopeQuestion};
use super::raw::{RawCovers, RawItem};
use crate::core::criteria::Category;

/// The most gate answer combinations tried; beyond it, each option alone.
const MAX_COMBINATIONS: usize = 4096;

pub(super) fn check(ck: &mut Checker, bank: &Bank, file: &str) {
    let covers = &bank.meta.covers;
    if !covers.purpose.contains(&Purpose::Readiness) {
        return;
    }
    let gates = gate_answers(bank);
    ck.kind = EntryKind::Criterion;
    for crit in &ck.catalogue.criterion {
        let Some(category) = ck.catalogue.category_of(&crit.id) else {
            continue;
        };
        if !covers.categories.contains(&category) {
            continue;
        }
        let covered = ["type1", "type2"].iter().all(|audit| {
            gates.iter().any(|gate| {
                let known = |q: &str, o: &str| match q {
                    "own_audit" => Some(o == *audit),
                    "categories" if category != Category::Security && o == category.id() => {
                        Some(true)
                    }
                    _ => gate
                        .iter()
                        .find(|(g, _)| g == q)
                        .map(|(_, chosen)| chosen.contains(o)),
                };
                bank.items
                    .iter()
                    .filter(|i| i.criteria.contains(&crit.id))
                    .any(|i| {
                        let domain_ok = bank
                            .domain(&i.domain)
                            .and_then(|d| d.show_if.as_ref())
                            .is_none_or(|c| c.eval_partial(known) == Some(true));
                        domain_ok
                            && i.show_if
                                .as_ref()
                                .is_none_or(|c| c.eval_partial(known) == Some(true))
                    })
            })
        });
        if !covered {
            let id = crit.id.clone();
            ck.err(
                file,
                Some(&id),
                "criteria",
                Problem::Uncovered(id.clone(), category.id().to_string()),
            );
        }
    }
}

/// Every combination of answers to the declared gate questions (one option of a
/// single-choice question, any set of a multiple-choice one); one empty combination when
/// there are no gates.
fn gate_answers(bank: &Bank) -> Vec<Vec<(String, BTreeSet<String>)>> {
    let mut combos: Vec<Vec<(String, BTreeSet<String>)>> = vec![Vec::new()];
    for gate in &bank.meta.covers.gates {
        let Some(q) = bank.scope_question(gate) else {
            continue;
        };
        let ids: Vec<&String> = q.options.iter().map(|o| &o.id).collect();
        let answers: Vec<BTreeSet<String>> = if q.multiple && ids.len() < 12 {
            (1..(1usize << ids.len()))
                .map(|mask| {
                    ids.iter()
                        .enumerate()
                        .filter(|(n, _)| mask & (1 << n) != 0)
                        .map(|(_, o)| (*o).clone())
                        .collect()
                })
                .collect()
        } else {
            ids.iter().map(|o| BTreeSet::from([(*o).clone()])).collect()
        };
        if combos.len() * answers.len() > MAX_COMBINATIONS {
            continue;
        }
        combos = combos
            .iter()
            .flat_map(|c| {
                answers.iter().map(move |a| {
                    let mut c = c.clone();
                    c.push((gate.clone(), a.clone()));
                    c
                })
            })
            .collect();
    }
    combos
}

/// Reads `[bank.covers]`; each list left out means everything.
pub(super) fn declared(ck: &mut Checker, file: &str, raw: &Option<RawCovers>) -> Covers {
    let mut covers = Covers::default();
    let Some(raw) = raw else {
        return covers;
    };
    ck.extra(file, None, "bank.covers", &raw.extra);
    if let Some(list) = &raw.purpose {
        covers.purpose = ids(
            ck,
            file,
            "bank.covers.purpose",
            list,
            Purpose::from_id,
            "cuec or readiness",
        );
    }
    if let Some(list) = &raw.reports {
        covers.reports = ids(
            ck,
            file,
            "bank.covers.reports",
            list,
            Report::from_id,
            "soc1 or soc2",
        );
    }
    if let Some(list) = &raw.categories {
        covers.categories = ids(
            ck,
            file,
            "bank.covers.categories",
            list,
            Category::from_id,
            "security, availability, confidentiality, processing_integrity or privacy",
        );
    }
    covers.gates = raw.gates.clone().unwrap_or_default();
    covers
}

/// A declared list: each value known, none twice, at least one.
fn ids<T: PartialEq>(
    ck: &mut Checker,
    file: &str,
    field: &str,
    list: &[String],
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> Vec<T> {
    let mut out = Vec::new();
    if list.is_empty() {
        ck.err(file, None, field, Problem::Missing);
    }
    for v in list {
        match parse(v) {
            Some(x) if out.contains(&x) => ck.err(file, None, field, Problem::Duplicate(v.clone())),
            Some(x) => out.push(x),
            None => ck.err(
                file,
                None,
                field,
                Problem::Invalid(v.clone(), expected.into()),
            ),
        }
    }
    out
}

/// Each declared gate is one of the bank's own scope questions (not one the core gives
/// meaning to: those are never gates).
pub(super) fn check_gates(ck: &mut Checker, file: &str, covers: &Covers, scope: &[ScopeQuestion]) {
    for gate in &covers.gates {
        if REQUIRED_SCOPE.iter().any(|(q, _)| q == gate) {
            ck.err(
                file,
                None,
                "bank.covers.gates",
                Problem::Invalid(gate.clone(), "one of the bank's own scope questions".into()),
            );
        } else if !scope.iter().any(|q| &q.id == gate) {
            ck.err(
                file,
                None,
                "bank.covers.gates",
                Problem::UnknownQuestion(gate.clone()),
            );
        }
    }
}

/// Every item applies only to reports the bank declares.
pub(super) fn check_reports(ck: &mut Checker, covers: &Covers, items: &[From<RawItem>]) {
    let declared: Vec<&str> = covers.reports.iter().map(|r| r.id()).collect();
    for From { file, raw } in items {
        for r in raw.reports.iter().flatten() {
            if Report::from_id(r).is_some() && !declared.contains(&r.as_str()) {
                let id = raw.id.clone().unwrap_or_default();
                ck.err(
                    file,
                    Some(&id),
                    "reports",
                    Problem::Invalid(
                        r.clone(),
                        format!(
                            "a report the bank declares in bank.covers.reports ({})",
                            declared.join(", ")
                        ),
                    ),
                );
            }
        }
    }
}
