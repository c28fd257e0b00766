//! Helpers shared by the native test files (each test file includes this with `mod common;`).
#![allow(dead_code, clippy::panic, clippy::unwrap_used)]

use soc_readiness::core::answers::{Assessment, ItemAnswer, Level, Response};
use soc_readiness::core::bank::{Bank, Source};
use soc_readiness::core::default_bank::{default_bank, SOURCES};

/// The small fixture bank of the scoring tests (it cites all 61 criteria, so it validates).
pub fn scoring_fixture_bank() -> Bank {
    let text = include_str!("../fixtures/scoring/bank.toml");
    match Bank::from_sources(&[Source {
        name: "bank.toml",
        text,
    }]) {
        Ok(b) => b,
        Err(e) => panic!(
            "fixture bank invalid: {:?}",
            e.iter().map(|e| e.to_string()).collect::<Vec<_>>()
        ),
    }
}

/// Selects every option of the multiple-choice scope questions and a fixed one of the
/// others (AWS, Type II), so that as many items as possible are asked.
pub fn full_scope(a: &mut Assessment, bank: &Bank) {
    for q in &bank.scope {
        if q.multiple {
            for o in &q.options {
                a.set_scope(bank, &q.id, &o.id, true).unwrap();
            }
        } else {
            let pick = match q.id.as_str() {
                "provider" => "aws",
                "own_audit" => "type2",
                _ => q.options[0].id.as_str(),
            };
            a.set_scope(bank, &q.id, pick, true).unwrap();
        }
    }
}

/// A realistic assessment: full scope, every visible item answered (levels, some "don't
/// know", some N/A with a reason), a short note on every `note_every`-th item, metadata, and
/// one archived answer of a provider bank.
pub fn realistic_assessment(bank: &Bank, note_every: usize) -> Assessment {
    let mut a = Assessment::new(bank);
    a.name = "Acme SaaS on AWS, FY2027".into();
    a.id = "a-6f1c2e".into();
    a.created = "2026-11-30T08:00:00Z".into();
    a.updated = "2026-12-02T17:45:12Z".into();
    full_scope(&mut a, bank);
    let items: Vec<(String, bool)> = bank
        .visible_items(&a.scope)
        .map(|i| (i.id.clone(), i.never_na))
        .collect();
    let owners = ["Li Wei", "J. Chen", "M. Okafor", "S. Patel", "IT ops"];
    for (n, (id, never_na)) in items.iter().enumerate() {
        let response = if n % 7 == 3 {
            Response::DontKnow
        } else if n % 11 == 5 && !never_na {
            Response::NotApplicable {
                reason: "No such workload in this account".into(),
            }
        } else {
            Response::Level(Level::new((n * 3 % 5) as u8).unwrap())
        };
        a.set_response(bank, id, response).unwrap();
        if n % note_every == 0 {
            let note = format!(
                "Owner: {}; evidence in Confluence SEC/{id}",
                owners[n % owners.len()]
            );
            a.set_note(bank, id, &note).unwrap();
        }
    }
    a.archive.insert(
        "EXC-01".into(),
        ItemAnswer {
            response: Some(Response::Level(Level::new(2).unwrap())),
            note: "From the example-cloud bank".into(),
            ..Default::default()
        },
    );
    a
}

/// The shipped default bank.
pub fn shipped_bank() -> &'static Bank {
    default_bank().unwrap_or_else(|e| panic!("default bank invalid: {e:?}"))
}

/// The example provider bank (Example Cloud) laid over the default bank.
pub fn example_provider_bank() -> Bank {
    let text = include_str!("../../public/banks/example-cloud.toml");
    Bank::from_provider(
        SOURCES,
        Source {
            name: "example-cloud.toml",
            text,
        },
    )
    .unwrap_or_else(|e| panic!("provider bank invalid: {e:?}"))
}
