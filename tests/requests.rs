//! The auditor's request list: one row per control in scope, the sample size from the
//! frequency table (content/samples.toml), and flags for CUECs nobody owns.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use soc_readiness::core::answers::{Level, Response};
use soc_readiness::core::bank::ItemKind;
use soc_readiness::core::csv::parse_csv;
use soc_readiness::core::requests::{
    request_csv, request_list, RequestFlag, SampleTable, REQUEST_COLUMNS,
};
use soc_readiness::core::text::Lang;

fn table() -> &'static SampleTable {
    SampleTable::builtin().unwrap()
}

#[test]
fn the_table_has_every_frequency_an_auditor_samples_by() {
    let ids: Vec<&str> = table().frequency.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "annual",
            "quarterly",
            "monthly",
            "weekly",
            "daily",
            "many_per_day"
        ]
    );
    let text: Vec<String> = table().frequency.iter().map(|f| f.samples_text()).collect();
    assert_eq!(text, ["1", "2", "2–5", "5–15", "20–40", "25–60"]);
}

#[test]
fn frequencies_in_the_customers_words_are_recognised() {
    let t = table();
    for (given, want) in [
        ("Quarterly", Some("quarterly")),
        ("every quarter", Some("quarterly")),
        ("Monthly review", Some("monthly")),
        ("daily", Some("daily")),
        ("Many times a day (automated)", Some("many_per_day")),
        ("on every change", Some("many_per_day")),
        ("每天多次", Some("many_per_day")),
        ("每天", Some("daily")),
        ("每季度", Some("quarterly")),
        ("once a year", Some("annual")),
        ("fortnightly", None),
        ("", None),
    ] {
        assert_eq!(t.recognise(given).map(|f| f.id.as_str()), want, "{given}");
    }
}

#[test]
fn one_row_per_control_in_scope_with_its_sample_size_and_flags() {
    let bank = common::shipped_bank();
    let mut a = common::realistic_assessment(bank, 3);
    let frequencies = [
        "Quarterly",
        "monthly",
        "daily",
        "Many times a day",
        "annually",
        "fortnightly",
        "",
    ];
    let ids: Vec<String> = bank.visible_items(&a.scope).map(|i| i.id.clone()).collect();
    for (n, id) in ids.iter().enumerate() {
        let answer = a.answers.entry(id.clone()).or_default();
        answer.frequency = frequencies[n % frequencies.len()].into();
        answer.owner = if n % 4 == 0 {
            String::new()
        } else {
            "Platform team".into()
        };
    }
    let rows = request_list(bank, &a, table());
    // In scope: asked and not "not applicable".
    let expected: Vec<&String> = ids
        .iter()
        .filter(|id| !matches!(a.response(id), Some(Response::NotApplicable { .. })))
        .collect();
    assert_eq!(rows.iter().map(|r| &r.item).collect::<Vec<_>>(), expected);
    for r in &rows {
        let want = match r.frequency.as_str() {
            "Quarterly" => Some("2"),
            "monthly" => Some("2–5"),
            "daily" => Some("20–40"),
            "Many times a day" => Some("25–60"),
            "annually" => Some("1"),
            _ => None,
        };
        assert_eq!(r.samples.as_deref(), want, "{}", r.item);
        assert_eq!(
            r.flags.contains(&RequestFlag::FrequencyUnknown),
            r.frequency == "fortnightly"
        );
        let cuec = bank.item(&r.item).unwrap().kind == ItemKind::Cuec;
        assert_eq!(
            r.flags.contains(&RequestFlag::NoOwner),
            cuec && r.owner.is_empty(),
            "{}",
            r.item
        );
    }
    assert!(rows.iter().any(|r| r.flags.contains(&RequestFlag::NoOwner)));

    let csv = request_csv(bank, &rows, table(), Lang::En);
    let parsed = parse_csv(&csv).unwrap();
    assert_eq!(parsed[0], REQUEST_COLUMNS);
    assert_eq!(parsed.len(), rows.len() + 1);
    let first = &parsed[1];
    assert_eq!(first[0], rows[0].item);
    assert_eq!(
        first[3],
        bank.item(&rows[0].item).unwrap().evidence_text(Lang::En)
    );
    assert_eq!(first[7], rows[0].samples.clone().unwrap_or_default());
}

#[test]
fn a_control_answered_not_applicable_is_not_requested() {
    let bank = common::shipped_bank();
    let mut a = common::realistic_assessment(bank, 3);
    let id = bank
        .visible_items(&a.scope)
        .find(|i| !i.never_na)
        .map(|i| i.id.clone())
        .unwrap();
    a.set_response(
        bank,
        &id,
        Response::NotApplicable {
            reason: "No such workload".into(),
        },
    )
    .unwrap();
    assert!(!request_list(bank, &a, table()).iter().any(|r| r.item == id));
    a.set_response(bank, &id, Response::Level(Level::new(2).unwrap()))
        .unwrap();
    assert!(request_list(bank, &a, table()).iter().any(|r| r.item == id));
}
