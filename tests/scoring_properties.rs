//! Property tests of the scoring engine over random scopes and answer sets on the fixture
//! bank `tests/fixtures/scoring/bank.toml` (16 items, every kind of condition).

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use proptest::prelude::*;
use std::sync::OnceLock;

use soc_readiness::core::answers::{Assessment, Level, Response};
use soc_readiness::core::bank::{Bank, Source};
use soc_readiness::core::criteria::Category;
use soc_readiness::core::provider_reports::Date;
use soc_readiness::core::scoring::{
    explain, score, GroupScore, RelianceLevel, Results, Scores, Status, Subject,
};

fn bank() -> &'static Bank {
    static CELL: OnceLock<Bank> = OnceLock::new();
    CELL.get_or_init(common::scoring_fixture_bank)
}

const N_ITEMS: usize = 16;

/// An answer code: 0–4 a level, 5 don't know, 6 not applicable, 7 unanswered.
type Code = u8;

/// Scope: reliance soc1, reliance soc2, own_audit (0 none, 1 type1, 2 type2, 3 unanswered),
/// and the four optional categories.
#[derive(Debug, Clone)]
struct Scope {
    soc1: bool,
    soc2: bool,
    own_audit: u8,
    categories: [bool; 4],
}

fn scope_strategy() -> impl Strategy<Value = Scope> {
    (any::<bool>(), any::<bool>(), 0u8..4, any::<[bool; 4]>()).prop_map(
        |(soc1, soc2, own_audit, categories)| Scope {
            soc1,
            soc2,
            own_audit,
            categories,
        },
    )
}

fn answers_strategy() -> impl Strategy<Value = Vec<Code>> {
    prop::collection::vec(0u8..8, N_ITEMS)
}

fn response(code: Code) -> Option<Response> {
    match code {
        0..=4 => Level::new(code).map(Response::Level),
        5 => Some(Response::DontKnow),
        6 => Some(Response::NotApplicable {
            reason: "not used here".into(),
        }),
        _ => None,
    }
}

fn set_scope(a: &mut Assessment, bank: &Bank, scope: &Scope) {
    let mut set = |q: &str, o: &str| a.set_scope(bank, q, o, true).unwrap();
    if scope.soc1 {
        set("reliance", "soc1");
    }
    if scope.soc2 {
        set("reliance", "soc2");
    }
    match scope.own_audit {
        0 => set("own_audit", "none"),
        1 => set("own_audit", "type1"),
        2 => set("own_audit", "type2"),
        _ => {}
    }
    for (on, c) in scope.categories.iter().zip([
        "availability",
        "confidentiality",
        "processing_integrity",
        "privacy",
    ]) {
        if *on {
            set("categories", c);
        }
    }
}

/// Builds an assessment, answering items in the given order. "Not applicable" on a
/// `never_na` item is refused by the assessment: the item then stays unanswered.
fn build(bank: &Bank, scope: &Scope, codes: &[Code], order: &[usize]) -> Assessment {
    let mut a = Assessment::new(bank);
    set_scope(&mut a, bank, scope);
    for &i in order {
        if let (Some(item), Some(r)) = (bank.items.get(i), codes.get(i).copied().and_then(response))
        {
            let _ = a.set_response(bank, &item.id, r);
        }
    }
    a
}

fn assess(bank: &Bank, scope: &Scope, codes: &[Code]) -> Assessment {
    build(
        bank,
        scope,
        codes,
        &(0..bank.items.len()).collect::<Vec<_>>(),
    )
}

/// Every group score of a result, labelled.
fn groups(s: &Scores) -> Vec<(String, GroupScore)> {
    let mut v = vec![("overall".to_string(), s.overall)];
    v.extend(s.items.iter().map(|i| (format!("item {}", i.id), i.score)));
    v.extend(
        s.criteria
            .iter()
            .map(|c| (format!("criterion {}", c.id), c.score)),
    );
    v.extend(
        s.categories
            .iter()
            .map(|c| (format!("category {}", c.category.id()), c.score)),
    );
    v.extend(
        s.domains
            .iter()
            .map(|d| (format!("domain {}", d.id), d.score)),
    );
    v.extend(
        s.reports
            .iter()
            .map(|r| (format!("report {}", r.report.id()), r.score)),
    );
    v
}

/// The score part of a group (not its completion counts).
fn score_part(g: &GroupScore) -> (Option<f64>, u64, u64, usize) {
    (g.score, g.points, g.max_points, g.dont_know)
}

fn band_index(s: &Scores) -> Option<usize> {
    s.verdict.band.as_ref().map(|b| b.index)
}

fn subjects(bank: &Bank) -> Vec<Subject> {
    let mut v = vec![Subject::Overall];
    v.extend(bank.items.iter().map(|i| Subject::Item(i.id.clone())));
    v.extend(
        [
            "CC6.1", "CC6.3", "CC8.1", "A1.2", "C1.1", "PI1.2", "P4.1", "CC9.9",
        ]
        .map(|c| Subject::Criterion(c.into())),
    );
    v.extend(Category::ALL.map(Subject::Category));
    v.extend(bank.domains.iter().map(|d| Subject::Domain(d.id.clone())));
    v.extend(
        [
            soc_readiness::core::bank::Report::Soc1,
            soc_readiness::core::bank::Report::Soc2,
        ]
        .map(Subject::Report),
    );
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every score is within 0–100, `None` exactly when nothing is counted, and the sums
    /// obey their invariants.
    #[test]
    fn scores_are_bounded(scope in scope_strategy(), codes in answers_strategy()) {
        let s = score(bank(), &assess(bank(), &scope, &codes));
        for (what, g) in groups(&s) {
            prop_assert!(g.points <= g.max_points, "{what}");
            prop_assert!(g.answered <= g.total, "{what}");
            prop_assert_eq!(g.score.is_some(), g.max_points > 0, "{}", what);
            if let Some(v) = g.score {
                prop_assert!((0.0..=100.0).contains(&v), "{what}: {v}");
            }
        }
        prop_assert!(s.verdict.band <= s.verdict.score_band);
        prop_assert!(!s.verdict.type2_ready || s.verdict.type1_ready);
    }

    /// Raising one answer's level (or replacing "don't know" by a level) never lowers any
    /// score, the verdict band or a readiness flag.
    #[test]
    fn raising_an_answer_never_lowers_anything(
        scope in scope_strategy(),
        codes in answers_strategy(),
        which in 0..N_ITEMS,
        by in 1u8..5,
    ) {
        let new = match codes[which] {
            l @ 0..=3 => (l + by).min(4),
            5 => by.min(4),
            _ => return Ok(()),
        };
        let before = score(bank(), &assess(bank(), &scope, &codes));
        let mut raised = codes.clone();
        raised[which] = new;
        let after = score(bank(), &assess(bank(), &scope, &raised));
        for ((what, b), (_, a)) in groups(&before).into_iter().zip(groups(&after)) {
            match (b.score, a.score) {
                (Some(x), Some(y)) => prop_assert!(y >= x, "{what}: {x} -> {y}"),
                (Some(_), None) => prop_assert!(false, "{what} lost its score"),
                _ => {}
            }
        }
        prop_assert!(band_index(&after) >= band_index(&before));
        prop_assert!(after.verdict.score_band >= before.verdict.score_band);
        prop_assert!(after.verdict.type1_ready || !before.verdict.type1_ready);
        prop_assert!(after.verdict.type2_ready || !before.verdict.type2_ready);
        prop_assert!(after.verdict.failed_gates.len() <= before.verdict.failed_gates.len());
        prop_assert!(after.gaps.len() <= before.gaps.len());
    }

    /// "Not applicable" on an item gives the same scores, verdict and gaps as removing the
    /// item from the bank.
    #[test]
    fn not_applicable_equals_removing_the_item(
        scope in scope_strategy(),
        codes in answers_strategy(),
        which in 0..N_ITEMS,
    ) {
        let b = bank();
        prop_assume!(!b.items[which].never_na);
        let mut with_na = codes.clone();
        with_na[which] = 6;
        let a = assess(b, &scope, &with_na);
        let s_na = score(b, &a);

        let mut smaller = b.clone();
        let removed = smaller.items.remove(which);
        let s_rm = score(&smaller, &a);

        let na_groups: Vec<_> = groups(&s_na).into_iter().filter(|(w, _)| w != &format!("item {}", removed.id)).collect();
        let rm_groups = groups(&s_rm);
        prop_assert_eq!(na_groups.len(), rm_groups.len());
        for ((w1, g1), (w2, g2)) in na_groups.iter().zip(&rm_groups) {
            prop_assert_eq!(w1, w2);
            prop_assert_eq!(score_part(g1), score_part(g2), "{}", w1);
        }
        prop_assert_eq!(&s_na.verdict, &s_rm.verdict);
        prop_assert_eq!(&s_na.gaps, &s_rm.gaps);
        prop_assert_eq!(&s_na.open_items, &s_rm.open_items);
    }

    /// Answers (and scope choices) entered in any order give identical results.
    #[test]
    fn order_of_answers_does_not_matter(
        scope in scope_strategy(),
        codes in answers_strategy(),
        order in Just((0..N_ITEMS).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let b = bank();
        let in_order = score(b, &assess(b, &scope, &codes));
        let shuffled = build(b, &scope, &codes, &order);
        prop_assert_eq!(&in_order, &score(b, &shuffled));
        // Also after a save / load round trip.
        let reloaded = Assessment::from_json(&shuffled.to_json()).unwrap();
        prop_assert_eq!(&in_order, &score(b, &reloaded));
    }

    /// Scoring twice gives the same result, and explanations agree with the scores.
    #[test]
    fn deterministic_and_explained(scope in scope_strategy(), codes in answers_strategy()) {
        let b = bank();
        let a = assess(b, &scope, &codes);
        let s = score(b, &a);
        prop_assert_eq!(&s, &score(b, &a));
        for subject in subjects(b) {
            let e = explain(b, &a, &subject);
            prop_assert_eq!(&e, &explain(b, &a, &subject));
            let (p, m) = e.counted().filter_map(|c| c.points()).fold((0, 0), |(p, m), (x, y)| (p + x, m + y));
            prop_assert_eq!((p, m), (e.score.points, e.score.max_points));
            if let Some(g) = s.group(&subject) {
                prop_assert_eq!(g, &e.score, "{:?}", subject);
            }
        }
    }

    /// Only visible items count; answers to hidden items change nothing.
    #[test]
    fn hidden_answers_are_ignored(scope in scope_strategy(), codes in answers_strategy(), other in answers_strategy()) {
        let b = bank();
        let a = assess(b, &scope, &codes);
        let s = score(b, &a);
        let visible: Vec<&str> = b.visible_items(&a.scope).map(|i| i.id.as_str()).collect();
        let scored: Vec<&str> = s.items.iter().map(|i| i.id.as_str()).collect();
        prop_assert_eq!(&visible, &scored);
        prop_assert_eq!(s.completion(), a.completion(b));
        // Replace the answers of every hidden item with other random ones.
        let mut mixed = codes.clone();
        for (n, item) in b.items.iter().enumerate() {
            if !visible.contains(&item.id.as_str()) {
                mixed[n] = other[n];
            }
        }
        prop_assert_eq!(&s, &score(b, &assess(b, &scope, &mixed)));
    }

    /// The gap list holds exactly the answered items below target, ranked by weighted
    /// shortfall, then criticality, then bank order.
    #[test]
    fn gaps_are_complete_and_ranked(scope in scope_strategy(), codes in answers_strategy()) {
        let b = bank();
        let s = score(b, &assess(b, &scope, &codes));
        let below: Vec<&str> = s
            .items
            .iter()
            .filter(|i| i.status.counted_level().is_some_and(|l| l < i.target))
            .map(|i| i.id.as_str())
            .collect();
        let mut listed: Vec<&str> = s.gaps.iter().map(|g| g.item.as_str()).collect();
        let pos = |id: &str| b.items.iter().position(|i| i.id == id);
        listed.sort_by_key(|id| pos(id));
        prop_assert_eq!(below, listed);
        for g in &s.gaps {
            prop_assert!(g.level < g.target);
            prop_assert_eq!(g.shortfall, g.target - g.level);
            prop_assert_eq!(g.weighted_shortfall, u64::from(g.weight) * u64::from(g.shortfall));
        }
        for w in s.gaps.windows(2) {
            let key = |g: &soc_readiness::core::scoring::Gap| (std::cmp::Reverse(g.weighted_shortfall), g.criticality, pos(&g.item));
            prop_assert!(key(&w[0]) < key(&w[1]));
        }
        prop_assert!(s.next_steps(5).len() == s.gaps.len().min(5));
        let dk: Vec<&str> = s.items.iter().filter(|i| i.status == Status::DontKnow).map(|i| i.id.as_str()).collect();
        prop_assert_eq!(dk, s.open_items.iter().map(String::as_str).collect::<Vec<_>>());
    }

    /// Scores depend on the ratio of the weights only: scaling every weight changes no score.
    #[test]
    fn weights_are_relative(scope in scope_strategy(), codes in answers_strategy(), k in 2u32..10) {
        let b = bank();
        let a = assess(b, &scope, &codes);
        let mut scaled = b.clone();
        let w = &mut scaled.scoring.weights;
        (w.critical, w.high, w.medium, w.low) = (w.critical * k, w.high * k, w.medium * k, w.low * k);
        let (s1, s2) = (score(b, &a), score(&scaled, &a));
        for ((what, g1), (_, g2)) in groups(&s1).into_iter().zip(groups(&s2)) {
            prop_assert_eq!(g1.score, g2.score, "{}", what);
        }
        prop_assert_eq!(s1.verdict, s2.verdict);
    }

    /// Everything at 4 scores 100 and reaches the top band, Type I and Type II ready.
    #[test]
    fn all_fours_is_top(scope in scope_strategy()) {
        let b = bank();
        let s = score(b, &assess(b, &scope, &[4; N_ITEMS]));
        for (what, g) in groups(&s) {
            prop_assert!(g.score.is_none() || g.score == Some(100.0), "{what}");
        }
        prop_assert_eq!(s.overall.score, Some(100.0));
        prop_assert_eq!(band_index(&s), Some(b.scoring.bands.len() - 1));
        prop_assert!(s.verdict.failed_gates.is_empty());
        prop_assert!(s.verdict.type1_ready && s.verdict.type2_ready);
        prop_assert!(s.gaps.is_empty());
    }

    /// Everything at 0 scores 0 and lands in the lowest band.
    #[test]
    fn all_zeros_is_bottom(scope in scope_strategy()) {
        let b = bank();
        let s = score(b, &assess(b, &scope, &[0; N_ITEMS]));
        for (what, g) in groups(&s) {
            prop_assert!(g.score.is_none() || g.score == Some(0.0), "{what}");
        }
        prop_assert_eq!(s.overall.score, Some(0.0));
        prop_assert_eq!(band_index(&s), Some(0));
        prop_assert!(!s.verdict.type1_ready && !s.verdict.type2_ready);
        prop_assert_eq!(s.gaps.len(), s.items.len());
    }
}

/// Nothing answered: no score (not 0), no band, nothing ready, everything unanswered.
#[test]
fn empty_assessment_has_no_score() {
    let b = bank();
    let s = score(b, &Assessment::new(b));
    assert_eq!(s.overall.score, None);
    assert_eq!(s.verdict.band, None);
    assert!(!s.verdict.type1_ready && !s.verdict.type2_ready);
    assert_eq!(s.completion().answered, 0);
    assert_eq!(s.completion().total, s.items.len());
    assert!(s.gaps.is_empty());
}

/// The loader refuses a bank without the bands the gates need.
#[test]
fn bank_without_gate_bands_is_refused() {
    let text = include_str!("fixtures/scoring/bank.toml")
        .replace("id = \"type2_ready\"", "id = \"excellent\"");
    let errors = Bank::from_sources(&[Source {
        name: "bank.toml",
        text: &text,
    }])
    .unwrap_err();
    assert!(
        errors.iter().any(|e| e.to_string().contains("type2_ready")),
        "{errors:?}"
    );
}

/// A score exactly on a threshold reaches the band: everything at 3 is 75.00 exactly.
#[test]
fn threshold_is_inclusive() {
    let b = bank();
    let scope = Scope {
        soc1: true,
        soc2: true,
        own_audit: 1,
        categories: [true; 4],
    };
    let s = score(b, &assess(b, &scope, &[3; N_ITEMS]));
    assert_eq!(s.overall.score, Some(75.0));
    assert_eq!(
        s.verdict.band.as_ref().map(|b| b.id.as_str()),
        Some("type1_ready")
    );
    assert!(s.verdict.type1_ready && !s.verdict.type2_ready);
    // Targets 3 (OPS-05: 2): no gaps for a Type I goal…
    assert!(s.gaps.is_empty());
    // …but a Type II goal raises every target of 3 to 4: all items but OPS-05 are gaps.
    let scope2 = Scope {
        own_audit: 2,
        ..scope
    };
    let s2 = score(b, &assess(b, &scope2, &[3; N_ITEMS]));
    assert_eq!(s2.gaps.len(), s2.items.len() - 1);
    assert!(s2.gaps.iter().all(|g| g.target == 4 && g.item != "OPS-05"));
}

/// An unvalidated bank without the gate bands still scores, without panicking, and never
/// claims readiness.
#[test]
fn bank_without_gate_bands_never_claims_readiness() {
    let mut b = bank().clone();
    b.scoring
        .bands
        .retain(|band| !band.id.ends_with("_ready") || band.id == "not_ready");
    let scope = Scope {
        soc1: true,
        soc2: true,
        own_audit: 2,
        categories: [true; 4],
    };
    let s = score(&b, &assess(&b, &scope, &[4; N_ITEMS]));
    assert_eq!(s.overall.score, Some(100.0));
    assert_eq!(
        s.verdict.band.as_ref().map(|b| b.id.as_str()),
        Some("approaching")
    );
    assert!(!s.verdict.type1_ready && !s.verdict.type2_ready);
    let mut empty = b.clone();
    empty.scoring.bands.clear();
    let s = score(&empty, &assess(&empty, &scope, &[4; N_ITEMS]));
    assert_eq!(s.verdict.band, None);
    assert!(!s.verdict.type2_ready);
}

/// The invariants hold on the real default bank too (whatever its content is today; skipped
/// while it does not validate, its own tests report that).
#[test]
fn default_bank_extremes() {
    let Ok(b) = soc_readiness::core::default_bank::default_bank() else {
        return;
    };
    for own_audit in ["none", "type1", "type2"] {
        let mut a = Assessment::new(b);
        for (q, o) in [
            ("reliance", "soc1"),
            ("reliance", "soc2"),
            ("own_audit", own_audit),
        ] {
            a.set_scope(b, q, o, true).unwrap();
        }
        for c in [
            "availability",
            "confidentiality",
            "processing_integrity",
            "privacy",
        ] {
            a.set_scope(b, "categories", c, true).unwrap();
        }
        let ids: Vec<String> = b.visible_items(&a.scope).map(|i| i.id.clone()).collect();
        for level in [0, 4] {
            for id in &ids {
                a.set_response(b, id, Response::Level(Level::new(level).unwrap()))
                    .unwrap();
            }
            let s = score(b, &a);
            assert_eq!(s.overall.score, Some(f64::from(level) * 25.0));
            assert_eq!(s.completion().answered, s.completion().total);
            let top = b.scoring.bands.len() - 1;
            let want = if level == 4 { top } else { 0 };
            assert_eq!(s.verdict.band.as_ref().map(|b| b.index), Some(want));
            assert_eq!(s.verdict.type2_ready, level == 4);
        }
    }
}

/// The two results of an assessment of the fixture bank (dated, so report checks run).
fn results_of(b: &Bank, a: &Assessment) -> Results {
    Results::of(b, a, &score(b, a), Date::parse("2026-11-29"))
}

/// What the results claim, for comparisons: each report's level and score, and the own
/// result's score, bands and flags.
type Claims = (
    Vec<(RelianceLevel, Option<f64>, u64, u64)>,
    Option<(Option<f64>, Option<usize>, Option<usize>, bool, bool)>,
);

fn claims(r: &Results) -> Claims {
    (
        r.reliance
            .iter()
            .map(|x| (x.level, x.score.score, x.score.points, x.score.max_points))
            .collect(),
        r.own.as_ref().map(|o| {
            (
                o.score.score,
                o.score_band.as_ref().map(|b| b.index),
                o.band.as_ref().map(|b| b.index),
                o.type1_ready,
                o.observation_ready,
            )
        }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Both results are within bounds: scores 0–100, the own band never above what the
    /// score reaches, ready for the observation period only when Type I ready, and an own
    /// result exactly when the customer prepares its own SOC 2.
    #[test]
    fn results_are_bounded(scope in scope_strategy(), codes in answers_strategy()) {
        let r = results_of(bank(), &assess(bank(), &scope, &codes));
        for g in r.reliance.iter().map(|x| &x.score).chain(r.own.as_ref().map(|o| &o.score)) {
            prop_assert!(g.points <= g.max_points);
            if let Some(v) = g.score {
                prop_assert!((0.0..=100.0).contains(&v));
            }
        }
        prop_assert!(!r.reliance.is_empty());
        prop_assert_eq!(r.own.is_some(), matches!(scope.own_audit, 1 | 2));
        if let Some(o) = &r.own {
            prop_assert!(o.band <= o.score_band);
            prop_assert!(!o.observation_ready || o.type1_ready);
        }
    }

    /// Raising one answer never lowers a reliance level, the own band or a readiness flag.
    #[test]
    fn raising_an_answer_never_lowers_a_result(
        scope in scope_strategy(),
        codes in answers_strategy(),
        which in 0..N_ITEMS,
        by in 1u8..5,
    ) {
        let new = match codes[which] {
            l @ 0..=3 => (l + by).min(4),
            5 => by.min(4),
            _ => return Ok(()),
        };
        let before = results_of(bank(), &assess(bank(), &scope, &codes));
        let mut raised = codes.clone();
        raised[which] = new;
        let after = results_of(bank(), &assess(bank(), &scope, &raised));
        for (b, a) in before.reliance.iter().zip(&after.reliance) {
            prop_assert!(a.level >= b.level, "{:?} -> {:?}", b.level, a.level);
            prop_assert!(a.score.score >= b.score.score);
        }
        if let (Some(b), Some(a)) = (&before.own, &after.own) {
            prop_assert!(a.band >= b.band);
            prop_assert!(a.type1_ready || !b.type1_ready);
            prop_assert!(a.observation_ready || !b.observation_ready);
            prop_assert!(a.gates.len() <= b.gates.len());
        }
    }

    /// "Not applicable" equals removing the item for both results (scores, levels, bands,
    /// flags), except on a CUEC the provider's report assumes: that is a mismatch, flagged.
    #[test]
    fn not_applicable_equals_removing_the_item_in_both_results(
        scope in scope_strategy(),
        codes in answers_strategy(),
        which in 0..N_ITEMS,
    ) {
        let b = bank();
        prop_assume!(!b.items[which].never_na && !b.items[which].assumed);
        let mut with_na = codes.clone();
        with_na[which] = 6;
        let a = assess(b, &scope, &with_na);
        let mut smaller = b.clone();
        smaller.items.remove(which);
        prop_assert_eq!(claims(&results_of(b, &a)), claims(&results_of(&smaller, &a)));
    }

    /// Answers entered in any order, and reloaded, give identical results.
    #[test]
    fn order_of_answers_does_not_change_the_results(
        scope in scope_strategy(),
        codes in answers_strategy(),
        order in Just((0..N_ITEMS).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let b = bank();
        let in_order = results_of(b, &assess(b, &scope, &codes));
        let shuffled = build(b, &scope, &codes, &order);
        prop_assert_eq!(&in_order, &results_of(b, &shuffled));
        let reloaded = Assessment::from_json(&shuffled.to_json()).unwrap();
        prop_assert_eq!(&in_order, &results_of(b, &reloaded));
    }
}
