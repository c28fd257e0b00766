//! [`score`]: the rescore that runs after every answer, over the bank's scoring index.
//!
//! Two passes over the items, by position: the first finds each item's status (one merge
//! of the item ids with the answers) and the second adds it to its groups and sets aside
//! the strings the result will own. Only then are the result's vectors allocated, each at
//! its final size, and filled.
//!
//! Why the strings come first: the result owns a few hundred small strings, and the
//! previous result has usually just freed as many. glibc's allocator keeps such blocks in
//! per-size lists that serve the next small allocations cheaply, but a large allocation
//! merges them all first, after which every small allocation is carved out of the merged
//! space at several times the cost (this was half the time of a rescore). Cloning the
//! strings into per-thread buffers that keep their capacity, before any large allocation,
//! avoids that; with other allocators the order is merely harmless.

use std::cell::RefCell;
use std::sync::Arc;

use super::index::{self, ScoringIndex};
use super::verdict::{self, GateTally};
use super::{
    criteria_index, gaps, AuditGoal, CategoryScore, CriterionScore, Delta, DomainScore, Gap,
    GroupScore, ItemScore, ReportScore, Scores, Status, Verdict,
};
use crate::core::answers::{Assessment, Response};
use crate::core::bank::{Bank, Criticality, Report};
use crate::core::criteria::Category;

/// Working memory of [`score`], kept per thread between calls so that a rescore allocates
/// only what its result owns: the lists are emptied at the start of each call and keep
/// their capacity (the `notes` slots are kept too: each gap's slot is set before it is
/// read).
#[derive(Default)]
struct Scratch {
    /// Per item position.
    statuses: Vec<Status>,
    /// Per item position: the note of an item below its target, until its gap takes it.
    notes: Vec<String>,
    /// Gap sort keys (see [`gap_key`]).
    gap_keys: Vec<u128>,
    /// Sums per catalogue criterion and per bank domain.
    criteria: Vec<GroupScore>,
    domains: Vec<GroupScore>,
    /// The result's strings, in the order the result takes them.
    item_ids: Vec<String>,
    open_items: Vec<String>,
    gates: [Vec<String>; 3],
    gap_ids: Vec<String>,
    gap_notes: Vec<String>,
    domain_ids: Vec<String>,
}

impl Scratch {
    fn clear(&mut self) {
        self.statuses.clear();
        self.gap_keys.clear();
        self.criteria.clear();
        self.domains.clear();
        self.item_ids.clear();
        self.open_items.clear();
        for list in &mut self.gates {
            list.clear();
        }
        self.gap_ids.clear();
        self.gap_notes.clear();
        self.domain_ids.clear();
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Scores an assessment against a bank: every number the results page shows.
///
/// Pure and deterministic. See the module documentation of `scoring` for the invariants
/// and `SCORING.md` for the method.
///
/// The bank's ids are resolved to positions once (the scoring index, cached per thread and
/// rebuilt whenever the bank's content differs), so a rescore costs one merge of the item
/// ids with the answers, integer sums by position, and the strings the result owns.
pub fn score(bank: &Bank, assessment: &Assessment) -> Scores {
    let ix = index::of(bank);
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => score_with(&ix, bank, assessment, &mut scratch),
        // Only a re-entrant call could get here; it works without the kept memory.
        Err(_) => score_with(&ix, bank, assessment, &mut Scratch::default()),
    })
}

/// The gap order as one integer, smallest first: weighted shortfall (largest first), then
/// criticality (critical first: the declaration order, which `Ord` follows), then bank
/// position (below 2^62: it indexes a `Vec`).
fn gap_key(weighted_shortfall: u64, criticality: Criticality, position: usize) -> u128 {
    (u128::from(u64::MAX - weighted_shortfall) << 64)
        | ((criticality as u128) << 62)
        | position as u128
}

/// The bank position in a [`gap_key`].
fn gap_position(key: u128) -> usize {
    (key & ((1 << 62) - 1)) as usize
}

fn score_with(ix: &ScoringIndex, bank: &Bank, assessment: &Assessment, s: &mut Scratch) -> Scores {
    let terms = ix.term_values(bank, assessment);
    let term = |t: usize| terms.get(t).copied().unwrap_or(false);
    let goal = match ix.own_audit.map(term) {
        [_, _, true] => AuditGoal::Type2,
        [_, true, _] => AuditGoal::Type1,
        [true, _, _] => AuditGoal::RelianceOnly,
        _ => AuditGoal::Undecided,
    };
    let domains_shown = ix.domains_shown(&terms);

    // Pass 1, in id order: each item's status, and the note of each item below target.
    s.clear();
    let n = bank.items.len();
    s.statuses.resize(n, Status::Hidden);
    if s.notes.len() < n {
        s.notes.resize_with(n, String::new);
    }
    ix.for_each_answer(bank, assessment, |position, answer| {
        let Some(entry) = ix.items.get(position) else {
            return;
        };
        if !ix.visible(entry, &terms, &domains_shown) {
            return;
        }
        let status = match answer.and_then(|a| a.response.as_ref()) {
            None => Status::Unanswered,
            Some(Response::Level(l)) => Status::Level(l.value()),
            Some(Response::DontKnow) => Status::DontKnow,
            Some(Response::NotApplicable { .. }) => Status::NotApplicable,
        };
        if let Some(slot) = s.statuses.get_mut(position) {
            *slot = status;
        }
        // Every item that will be a gap sets its slot, so no earlier note can stay in it.
        let target = gaps::raise_target(entry.target, goal);
        if let (Some(level), Some(a)) = (status.counted_level(), answer) {
            if level < target {
                if let Some(note) = s.notes.get_mut(position) {
                    note.clone_from(&a.note);
                }
            }
        }
    });

    // Pass 2, in bank order: the sums, the gap keys and the result's strings.
    let idx = criteria_index();
    let mut overall = GroupScore::default();
    let mut categories = [GroupScore::default(); 5];
    let mut reports = [GroupScore::default(); 2];
    s.criteria.resize(idx.criteria.len(), GroupScore::default());
    s.domains.resize(bank.domains.len(), GroupScore::default());
    for (position, ((item, entry), &status)) in bank
        .items
        .iter()
        .zip(&ix.items)
        .zip(&s.statuses)
        .enumerate()
    {
        if status == Status::Hidden {
            continue;
        }
        let c = Delta::of(entry.weight, status);
        overall.tally(c);
        for &pos in ix.criteria_of(entry) {
            if let Some(g) = s.criteria.get_mut(pos) {
                g.tally(c);
            }
        }
        for (k, g) in categories.iter_mut().enumerate() {
            if entry.categories & (1 << k) != 0 {
                g.tally(c);
            }
        }
        if let Some(g) = entry.domain.and_then(|d| s.domains.get_mut(d)) {
            g.tally(c);
        }
        for (g, &times) in reports.iter_mut().zip(&entry.reports) {
            for _ in 0..times {
                g.tally(c);
            }
        }

        s.item_ids.push(item.id.clone());
        if status == Status::DontKnow {
            s.open_items.push(item.id.clone());
        }
        for (list, failed) in
            s.gates
                .iter_mut()
                .zip(verdict::failed_by(entry.kind, entry.criticality, status))
        {
            if failed {
                list.push(item.id.clone());
            }
        }
        let target = gaps::raise_target(entry.target, goal);
        if let Some(level) = status.counted_level().filter(|&l| l < target) {
            let shortfall = u64::from(entry.weight) * u64::from(target - level);
            s.gap_keys
                .push(gap_key(shortfall, entry.criticality, position));
        }
    }
    // Most urgent first (see `Gap`). The key ends with the bank position, so the order is
    // total and an unstable sort gives the order of a stable sort over bank order.
    s.gap_keys.sort_unstable();
    for &key in &s.gap_keys {
        let position = gap_position(key);
        if let Some(item) = bank.items.get(position) {
            s.gap_ids.push(item.id.clone());
            s.gap_notes.push(
                s.notes
                    .get_mut(position)
                    .map(std::mem::take)
                    .unwrap_or_default(),
            );
        }
    }
    s.domain_ids
        .extend(bank.domains.iter().map(|d| d.id.clone()));

    // The result, each vector allocated once.
    overall.finish();
    let mut items = Vec::with_capacity(s.item_ids.len());
    for ((entry, &status), id) in ix
        .items
        .iter()
        .zip(&s.statuses)
        .filter(|(_, status)| **status != Status::Hidden)
        .zip(s.item_ids.drain(..))
    {
        let mut own = GroupScore::default();
        own.tally(Delta::of(entry.weight, status));
        own.finish();
        items.push(ItemScore {
            id,
            kind: entry.kind,
            criticality: entry.criticality,
            weight: entry.weight,
            status,
            target: gaps::raise_target(entry.target, goal),
            score: own,
        });
    }

    let mut gaps = Vec::with_capacity(s.gap_keys.len());
    for ((key, item), note) in s
        .gap_keys
        .drain(..)
        .zip(s.gap_ids.drain(..))
        .zip(s.gap_notes.drain(..))
    {
        let position = gap_position(key);
        let (Some(entry), Some(&status)) = (ix.items.get(position), s.statuses.get(position))
        else {
            continue;
        };
        let Some(level) = status.counted_level() else {
            continue;
        };
        let target = gaps::raise_target(entry.target, goal);
        let shortfall = target.saturating_sub(level);
        gaps.push(Gap {
            item,
            kind: entry.kind,
            criticality: entry.criticality,
            weight: entry.weight,
            level,
            dont_know: status == Status::DontKnow,
            target,
            shortfall,
            weighted_shortfall: u64::from(entry.weight) * u64::from(shortfall),
            criteria: Arc::clone(&entry.criteria_ids),
            note,
        });
    }

    // The short lists hand over their buffers and get new ones of the same size.
    let hand_over =
        |list: &mut Vec<String>| std::mem::replace(list, Vec::with_capacity(list.len()));
    let open_items = hand_over(&mut s.open_items);
    let [unanswered, cuec, critical] = &mut s.gates;
    let gates = GateTally::new(hand_over(unanswered), hand_over(cuec), hand_over(critical));

    let criteria = idx
        .criteria
        .iter()
        .zip(s.criteria.iter_mut())
        .map(|((id, category), score)| {
            score.finish();
            CriterionScore {
                id: id.as_str(),
                category: *category,
                score: *score,
            }
        })
        .collect();
    let categories = Category::ALL
        .into_iter()
        .zip(categories)
        .zip(ix.categories)
        .map(|((category, mut score), t)| {
            score.finish();
            CategoryScore {
                category,
                in_scope: category == Category::Security || term(t),
                score,
            }
        })
        .collect();
    let domains = s
        .domains
        .iter_mut()
        .zip(s.domain_ids.drain(..))
        .zip(&ix.domain_resolves_to)
        .map(|((score, id), &resolved)| {
            score.finish();
            DomainScore {
                id,
                visible: domains_shown.get(resolved).copied().unwrap_or(false),
                score: *score,
            }
        })
        .collect();
    let reports = [Report::Soc1, Report::Soc2]
        .into_iter()
        .zip(reports)
        .zip(ix.reliance)
        .map(|((report, mut score), t)| {
            score.finish();
            ReportScore {
                report,
                relied_on: term(t),
                score,
            }
        })
        .collect();

    let verdict = Verdict::decide(bank, overall.score, gates, goal);
    Scores {
        overall,
        items,
        criteria,
        categories,
        domains,
        reports,
        verdict,
        gaps,
        open_items,
    }
}
