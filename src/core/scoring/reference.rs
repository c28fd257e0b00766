//! The scoring engine as first written: one pass that resolves every id by string, kept
//! as the oracle the optimised [`score`](super::score) is tested against (same result, to
//! the last field and order, for random scopes and answers and for banks edited between
//! calls).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;

use super::verdict::GateTally;
use super::{
    category_index, criteria_index, effective_target, report_index, AuditGoal, CategoryScore,
    Context, CriterionScore, DomainScore, Gap, GroupScore, ItemScore, ReportScore, Scores, Status,
    Verdict,
};
use crate::core::answers::{Assessment, ItemAnswer, Level, Response};
use crate::core::bank::{Bank, Criticality, Item, ItemKind, Report};
use crate::core::condition::{Condition, ScopeAnswers};
use crate::core::criteria::Category;
use crate::core::default_bank::default_bank;
use std::sync::Arc;

/// The goal from the effective scope answers.
fn from_scope(effective: &ScopeAnswers) -> AuditGoal {
    let sel = |o: &str| effective.get("own_audit").is_some_and(|s| s.contains(o));
    if sel("type2") {
        AuditGoal::Type2
    } else if sel("type1") {
        AuditGoal::Type1
    } else if sel("none") {
        AuditGoal::RelianceOnly
    } else {
        AuditGoal::Undecided
    }
}

/// The gap for an item, if it is answered (rated or "don't know") and below target.
fn gap_of(item: &Item, status: Status, weight: u32, target: u8, note: &str) -> Option<Gap> {
    let level = status.counted_level()?;
    let shortfall = target.checked_sub(level).filter(|s| *s > 0)?;
    Some(Gap {
        item: item.id.clone(),
        kind: item.kind,
        criticality: item.criticality,
        weight,
        level,
        dont_know: status == Status::DontKnow,
        target,
        shortfall,
        weighted_shortfall: u64::from(weight) * u64::from(shortfall),
        criteria: Arc::from(item.criteria.as_slice()),
        note: note.to_string(),
    })
}

/// Items failing each gate, in bank order.
#[derive(Default)]
struct Tally {
    unanswered: Vec<String>,
    critical_cuec_below3: Vec<String>,
    critical_below4: Vec<String>,
}

impl Tally {
    /// Adds a visible item. Items answered "not applicable" pass every gate.
    fn add(&mut self, item: &Item, status: Status) {
        if status == Status::Unanswered {
            self.unanswered.push(item.id.clone());
            return;
        }
        let (Criticality::Critical, Some(level)) = (item.criticality, status.counted_level())
        else {
            return;
        };
        if item.kind == ItemKind::Cuec && level < 3 {
            self.critical_cuec_below3.push(item.id.clone());
        }
        if level < 4 {
            self.critical_below4.push(item.id.clone());
        }
    }
}

/// Stable sort by weighted shortfall (largest first), then criticality: bank order last.
fn rank(gaps: &mut [Gap]) {
    gaps.sort_by(|a, b| {
        b.weighted_shortfall
            .cmp(&a.weighted_shortfall)
            .then(a.criticality.cmp(&b.criticality))
    });
}

pub(super) fn score(bank: &Bank, assessment: &Assessment) -> Scores {
    let ctx = Context::new(bank, assessment);
    let goal = from_scope(&ctx.effective);
    let selected = |question: &str, option: &str| {
        ctx.effective
            .get(question)
            .is_some_and(|s| s.contains(option))
    };
    let idx = criteria_index();

    let mut overall = GroupScore::default();
    let mut criteria = vec![GroupScore::default(); idx.criteria.len()];
    let mut categories = [GroupScore::default(); 5];
    let mut domains = vec![GroupScore::default(); bank.domains.len()];
    let mut reports = [GroupScore::default(); 2];
    let mut items = Vec::new();
    let mut gaps = Vec::new();
    let mut open_items = Vec::new();
    let mut gates = Tally::default();

    for item in &bank.items {
        let status = ctx.status(item);
        if status == Status::Hidden {
            continue;
        }
        let weight = ctx.weight(item);
        overall.add(weight, status);

        let mut in_category = [false; 5];
        for (n, c) in item.criteria.iter().enumerate() {
            // An item citing a criterion twice still counts once for it.
            if item.criteria[..n].contains(c) {
                continue;
            }
            if let Some((pos, cat)) = idx.lookup(c) {
                if let Some(g) = criteria.get_mut(pos) {
                    g.add(weight, status);
                }
                in_category[category_index(cat)] = true;
            }
        }
        for (g, _) in categories.iter_mut().zip(in_category).filter(|(_, on)| *on) {
            g.add(weight, status);
        }
        if let Some(g) = ctx
            .domains
            .get(item.domain.as_str())
            .and_then(|&(n, _)| domains.get_mut(n))
        {
            g.add(weight, status);
        }
        for &r in &item.reports {
            reports[report_index(r)].add(weight, status);
        }

        let target = effective_target(bank, item, goal);
        let mut own = GroupScore::default();
        own.add(weight, status);
        items.push(ItemScore {
            id: item.id.clone(),
            kind: item.kind,
            criticality: item.criticality,
            weight,
            status,
            target,
            score: own,
        });
        if status == Status::DontKnow {
            open_items.push(item.id.clone());
        }
        if let Some(gap) = gap_of(item, status, weight, target, assessment.note(&item.id)) {
            gaps.push(gap);
        }
        gates.add(item, status);
    }
    rank(&mut gaps);

    let verdict = Verdict::decide(
        bank,
        overall.score,
        GateTally::new(
            gates.unanswered,
            gates.critical_cuec_below3,
            gates.critical_below4,
        ),
        goal,
    );
    Scores {
        overall,
        items,
        criteria: idx
            .criteria
            .iter()
            .zip(criteria)
            .map(|((id, category), score)| CriterionScore {
                id: id.as_str(),
                category: *category,
                score,
            })
            .collect(),
        categories: Category::ALL
            .into_iter()
            .zip(categories)
            .map(|(category, score)| CategoryScore {
                category,
                in_scope: category == Category::Security || selected("categories", category.id()),
                score,
            })
            .collect(),
        domains: bank
            .domains
            .iter()
            .zip(domains)
            .map(|(d, score)| DomainScore {
                id: d.id.clone(),
                visible: ctx.domains.get(d.id.as_str()).is_some_and(|&(_, v)| v),
                score,
            })
            .collect(),
        reports: [Report::Soc1, Report::Soc2]
            .into_iter()
            .zip(reports)
            .map(|(report, score)| ReportScore {
                report,
                relied_on: selected("reliance", report.id()),
                score,
            })
            .collect(),
        verdict,
        gaps,
        open_items,
    }
}

/// The scoring fixture (TOML, read only with the `toml` feature).
#[cfg(feature = "toml")]
fn fixture_bank() -> Bank {
    use crate::core::bank::Source;
    Bank::from_sources(&[Source {
        name: "bank.toml",
        text: include_str!("../../../tests/fixtures/scoring/bank.toml"),
    }])
    .unwrap()
}

/// Random scope selections (any options, including ones a question does not have), item
/// answers (code 0–4 a level, 5 "don't know", 6 N/A, 7 none; answers to unknown items too)
/// and notes.
#[derive(Debug, Clone)]
struct Input {
    scope: Vec<bool>,
    codes: Vec<u8>,
    notes: Vec<bool>,
    stray: Vec<(String, u8)>,
}

fn input(n_items: usize) -> impl Strategy<Value = Input> {
    (
        prop::collection::vec(any::<bool>(), 64),
        prop::collection::vec(0u8..8, n_items),
        prop::collection::vec(any::<bool>(), n_items),
        prop::collection::vec(("[A-Z]{1,4}-?[0-9]{0,3}", 0u8..5), 0..6),
    )
        .prop_map(|(scope, codes, notes, stray)| Input {
            scope,
            codes,
            notes,
            stray,
        })
}

fn assessment(bank: &Bank, input: &Input) -> Assessment {
    let mut a = Assessment::new(bank);
    let mut flags = input.scope.iter().copied().cycle();
    for q in &bank.scope {
        for o in &q.options {
            if flags.next().unwrap_or(false) {
                a.set_scope(bank, &q.id, &o.id, true).unwrap();
            }
        }
        // An option the question does not have (kept in saved data, never effective).
        if flags.next().unwrap_or(false) {
            a.scope
                .entry(q.id.clone())
                .or_default()
                .insert("no_such_option".into());
        }
    }
    for ((item, &code), &note) in bank.items.iter().zip(&input.codes).zip(&input.notes) {
        let response = match code {
            0..=4 => Level::new(code).map(Response::Level),
            5 => Some(Response::DontKnow),
            6 => Some(Response::NotApplicable {
                reason: "n/a".into(),
            }),
            _ => None,
        };
        if let Some(r) = response {
            let _ = a.set_response(bank, &item.id, r);
        }
        if note {
            a.set_note(bank, &item.id, &format!("note on {}", item.id))
                .unwrap();
        }
    }
    for (id, level) in &input.stray {
        a.answers.entry(id.clone()).or_insert(ItemAnswer {
            response: Level::new(*level).map(Response::Level),
            note: "stray".into(),
            ..ItemAnswer::default()
        });
    }
    a
}

fn same(bank: &Bank, a: &Assessment) {
    let fast = super::score(bank, a);
    let slow = score(bank, a);
    assert_eq!(fast, slow);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn same_as_reference_on_default_bank(input in input(149)) {
        let bank = default_bank().unwrap();
        same(bank, &assessment(bank, &input));
    }

    #[cfg(feature = "toml")]
    #[test]
    fn same_as_reference_on_fixture_bank(input in input(16)) {
        let bank = fixture_bank();
        same(&bank, &assessment(&bank, &input));
    }
}

/// The cache must notice a bank edited in place (same address, other content).
#[test]
fn edits_between_calls_are_seen() {
    let mut bank = default_bank().unwrap().clone();
    let input = Input {
        scope: vec![true; 64],
        codes: (0..149).map(|n| (n * 3 % 8) as u8).collect(),
        notes: (0..149).map(|n| n % 3 == 0).collect(),
        stray: vec![("AAA-1".into(), 2), ("ZZZ".into(), 4)],
    };
    let a = assessment(&bank, &input);
    same(&bank, &a);
    type Edit = fn(&mut Bank);
    let edits: [Edit; 12] = [
        |b| b.scoring.weights.critical += 1,
        |b| b.scoring.default_target = 2,
        |b| b.items[0].criticality = Criticality::Low,
        |b| b.items[1].target = Some(4),
        |b| b.items[2].criteria.push("CC1.1".into()),
        |b| b.items[3].criteria.clear(),
        |b| b.items[4].reports = vec![Report::Soc1, Report::Soc1],
        |b| b.items[5].domain = b.domains[3].id.clone(),
        |b| b.items[6].show_if = Condition::parse("own_audit:none").ok(),
        |b| {
            let id = b.items[7].id.clone();
            b.items[8].id = id;
        },
        |b| {
            b.items.remove(9);
        },
        |b| {
            let d = b.domains[0].clone();
            b.domains.push(d);
            b.domains[1].show_if = Condition::parse("!reliance:soc2").ok();
            b.scope.reverse();
        },
    ];
    for edit in edits {
        edit(&mut bank);
        same(&bank, &a);
    }
    // Item ids edited in place keep their buffers and lengths.
    for item in &mut bank.items {
        item.id.make_ascii_lowercase();
    }
    same(&bank, &a);
}

/// Banks dropped and rebuilt (likely at the same address) with other content.
#[test]
fn banks_at_reused_addresses() {
    let base = default_bank().unwrap();
    let input = Input {
        scope: vec![true; 64],
        codes: (0..149).map(|n| (n % 5) as u8).collect(),
        notes: vec![true; 149],
        stray: Vec::new(),
    };
    let a = assessment(base, &input);
    for n in 0..16 {
        let mut bank = base.clone();
        bank.items.rotate_left(n);
        bank.items.truncate(149 - 7 * n);
        same(&bank, &a);
    }
}

#[test]
fn category_and_report_positions_agree() {
    for (n, c) in Category::ALL.into_iter().enumerate() {
        assert_eq!(category_index(c), n);
    }
    assert_eq!(report_index(Report::Soc1), 0);
    assert_eq!(report_index(Report::Soc2), 1);
}
