//! Comparing assessments over time: exact differences, the items that moved, another bank
//! version's items named, and a trend oldest first.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use soc_readiness::core::answers::{Assessment, ItemAnswer, Level, Response};
use soc_readiness::core::bank::Report;
use soc_readiness::core::compare::{
    compare, comparison_csv, trend, Measure, Movement, COMPARISON_COLUMNS,
};
use soc_readiness::core::csv::parse_csv;
use soc_readiness::core::scoring::{score, Results};

fn q1(bank: &soc_readiness::core::bank::Bank) -> Assessment {
    let mut a = Assessment::new(bank);
    for (q, o) in [
        ("reliance", "soc2"),
        ("own_audit", "type1"),
        ("provider", "aws"),
    ] {
        a.set_scope(bank, q, o, true).unwrap();
    }
    let ids: Vec<String> = bank.visible_items(&a.scope).map(|i| i.id.clone()).collect();
    for (n, id) in ids.iter().enumerate() {
        a.set_response(
            bank,
            id,
            Response::Level(Level::new((n % 4) as u8).unwrap()),
        )
        .unwrap();
    }
    a.name = "Q1".into();
    a.updated = "2026-03-31T10:00:00Z".into();
    a
}

#[test]
fn two_assessments_compare_result_by_result_and_item_by_item() {
    let bank = common::shipped_bank();
    let before = q1(bank);
    let mut after = before.clone();
    after.name = "Q2".into();
    after.updated = "2026-06-30T10:00:00Z".into();
    let l = |v: u8| Response::Level(Level::new(v).unwrap());
    after.set_response(bank, "IAM-01", l(4)).unwrap(); // up
    let down = bank
        .visible_items(&after.scope)
        .find(|i| matches!(before.response(&i.id), Some(Response::Level(x)) if x.value() > 0))
        .map(|i| i.id.clone())
        .unwrap();
    after.set_response(bank, &down, l(0)).unwrap(); // down
    let cleared = "IAM-03";
    after.clear_response(cleared); // answer removed
    after.archive.insert("OLD-01".into(), ItemAnswer::default()); // another bank's item

    let c = compare(bank, &before, &after, None);
    // Each result's difference, computed here independently from the two results.
    let (sb, sa) = (score(bank, &before), score(bank, &after));
    let (rb, ra) = (
        Results::of(bank, &before, &sb, None),
        Results::of(bank, &after, &sa, None),
    );
    let soc2 = c
        .deltas
        .iter()
        .find(|d| d.measure == Measure::Reliance(Report::Soc2))
        .unwrap();
    assert_eq!(
        soc2.before,
        rb.reliance_on(Report::Soc2).unwrap().score.score
    );
    assert_eq!(
        soc2.after,
        ra.reliance_on(Report::Soc2).unwrap().score.score
    );
    let own = c
        .deltas
        .iter()
        .find(|d| d.measure == Measure::OwnSoc2)
        .unwrap();
    assert_eq!(
        own.difference(),
        Some(ra.own.unwrap().score.score.unwrap() - rb.own.unwrap().score.score.unwrap())
    );
    let iam = c
        .deltas
        .iter()
        .find(|d| d.measure == Measure::Domain("iam".into()))
        .unwrap();
    assert_eq!(iam.before, sb.domain("iam").unwrap().score.score);
    assert_eq!(iam.after, sa.domain("iam").unwrap().score.score);

    let ids = |m: Movement| c.moved(m).map(|x| x.item.clone()).collect::<Vec<_>>();
    assert!(ids(Movement::Improved).contains(&"IAM-01".to_string()));
    assert!(ids(Movement::Regressed).contains(&down));
    assert!(ids(Movement::Regressed).contains(&cleared.to_string()));
    assert_eq!(c.missing_items, ["OLD-01"]);
    assert_eq!(c.moves.len(), 3);

    let csv = parse_csv(&comparison_csv(&c)).unwrap();
    assert_eq!(csv[0], COMPARISON_COLUMNS);
    assert_eq!(
        csv.len(),
        1 + c.deltas.len() + c.moves.len() + c.missing_items.len()
    );
    assert!(csv
        .iter()
        .any(|r| r[0] == "missing_from_bank" && r[1] == "OLD-01"));
}

#[test]
fn scope_changes_and_newly_answered_items_are_named() {
    let bank = common::shipped_bank();
    let before = q1(bank);
    let mut after = before.clone();
    // Managed databases come into scope: their questions are newly asked (scope change).
    after
        .set_scope(bank, "services", "managed_db", true)
        .unwrap();
    let c = compare(bank, &before, &after, None);
    let scope: Vec<&str> = c
        .moved(Movement::ScopeChanged)
        .map(|m| m.item.as_str())
        .collect();
    assert!(!scope.is_empty());
    for id in &scope {
        assert!(bank.visible_items(&after.scope).any(|i| i.id == *id));
        assert!(!bank.visible_items(&before.scope).any(|i| i.id == *id));
    }
    // Answering one of them is "newly answered" against the second assessment.
    let mut third = after.clone();
    third
        .set_response(bank, scope[0], Response::DontKnow)
        .unwrap();
    let c2 = compare(bank, &after, &third, None);
    assert_eq!(
        c2.moved(Movement::NewlyAnswered)
            .map(|m| m.item.as_str())
            .collect::<Vec<_>>(),
        [scope[0]]
    );
}

#[test]
fn a_trend_has_one_point_per_assessment_oldest_first() {
    let bank = common::shipped_bank();
    let a = q1(bank);
    let mut b = a.clone();
    b.name = "Q2".into();
    b.updated = "2026-06-30T10:00:00Z".into();
    b.set_response(bank, "IAM-01", Response::Level(Level::new(4).unwrap()))
        .unwrap();
    let mut c = b.clone();
    c.name = "Q3".into();
    c.updated = "2026-09-30T10:00:00Z".into();
    let t = trend(bank, &[c, a, b], None);
    assert_eq!(
        t.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Q1", "Q2", "Q3"]
    );
    assert_eq!(t[0].date, "2026-03-31");
    assert!(t.iter().all(|p| p.scores.len() == 2)); // SOC 2 reliance and own SOC 2
}
