//! Export files and import (src/core/exchange.rs), the assessment's archive and
//! `reconcile` (src/core/answers.rs), on the default bank and the example provider bank.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use serde_json::{json, Value};

use soc_readiness::core::answers::{AnswerError, Assessment, BankRef, Level, Response};
use soc_readiness::core::bank::Bank;
use soc_readiness::core::exchange::{
    apply_bank_rules, diff, export_json, import_json, ImportError, ImportWarning, FORMAT,
    MAX_IMPORT_BYTES,
};
use soc_readiness::core::text::Lang;

fn bank() -> &'static Bank {
    common::shipped_bank()
}

fn provider_bank() -> Bank {
    common::example_provider_bank()
}

fn export(a: &Assessment) -> String {
    export_json(a, bank(), "2026-12-02T18:00:00Z")
}

/// An export of `a` with a change made to the JSON.
fn edited(a: &Assessment, edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export(a)).unwrap();
    edit(&mut v);
    v.to_string()
}

fn refusal(text: &str) -> ImportError {
    match import_json(text, bank()) {
        Ok(_) => panic!("import accepted: {text:.200}"),
        Err(e) => e,
    }
}

fn first_item(bank: &Bank, never_na: bool) -> String {
    bank.items
        .iter()
        .find(|i| i.never_na == never_na && i.show_if.is_none())
        .map(|i| i.id.clone())
        .unwrap()
}

#[test]
fn export_has_the_documented_shape() {
    let a = common::realistic_assessment(bank(), 3);
    let v: Value = serde_json::from_str(&export(&a)).unwrap();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["bank"]["id"], bank().meta.id.as_str());
    assert_eq!(v["bank"]["version"], bank().meta.version.as_str());
    assert_eq!(v["exported_at"], "2026-12-02T18:00:00Z");
    assert_eq!(v["assessment"]["name"], "Acme SaaS on AWS, FY2027");
    assert_eq!(v["assessment"]["archive"]["EXC-01"]["response"]["level"], 2);
    assert!(export(&a).contains("\n  \"format\""), "pretty-printed");
}

#[test]
fn export_then_import_gives_the_same_assessment() {
    let a = common::realistic_assessment(bank(), 3);
    let import = import_json(&export(&a), bank()).unwrap();
    assert_eq!(import.assessment, a);
    let s = &import.summary;
    assert_eq!(s.file_bank, BankRef::of(bank()));
    assert!(!s.bank_differs());
    assert_eq!(s.exported_at, "2026-12-02T18:00:00Z");
    assert_eq!(s.name, a.name);
    let answered = a.answers.values().filter(|x| x.response.is_some()).count();
    assert!(
        answered > 100,
        "realistic assessment answers {answered} items"
    );
    assert_eq!(s.answered, answered);
    assert_eq!(
        s.notes,
        a.answers.values().filter(|x| !x.note.is_empty()).count()
    );
    assert_eq!(s.scope_answers, bank().scope.len());
    assert_eq!(s.archived, vec!["EXC-01".to_string()]);
    assert!(s.restored.is_empty());
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    assert!(import.diff_against(&a).is_empty());
}

#[test]
fn empty_assessment_round_trips() {
    let a = Assessment::new(bank());
    assert_eq!(import_json(&export(&a), bank()).unwrap().assessment, a);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let a = common::realistic_assessment(bank(), 3);
    let text = format!("\u{feff}{}", export(&a));
    assert_eq!(import_json(&text, bank()).unwrap().assessment, a);
}

#[test]
fn too_large_is_refused_before_parsing() {
    let text = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        refusal(&text),
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        }
    );
}

#[test]
fn not_json_is_refused() {
    for text in ["", "   ", "{", "hello", "{\"format\": }", "\u{0}"] {
        assert!(
            matches!(refusal(text), ImportError::NotJson(_)),
            "{text:?}: {:?}",
            refusal(text)
        );
    }
    // Cut anywhere, an export is no longer JSON.
    let text = export(&common::realistic_assessment(bank(), 3));
    for cut in [1, 100, text.len() / 2, text.len() - 1] {
        assert!(matches!(refusal(&text[..cut]), ImportError::NotJson(_)));
    }
}

#[test]
fn json_that_is_not_our_format_is_refused() {
    let none = ImportError::NotOurFormat { found: None };
    assert_eq!(refusal("[1, 2]"), none);
    assert_eq!(refusal("42"), none);
    assert_eq!(refusal("{}"), none);
    assert_eq!(refusal(r#"{"format": 1}"#), none);
    // A bare saved assessment (localStorage content) is not an export file.
    assert_eq!(
        refusal(&common::realistic_assessment(bank(), 3).to_json()),
        none
    );
    assert_eq!(
        refusal(r#"{"format": "cyclonedx", "schema_version": 1}"#),
        ImportError::NotOurFormat {
            found: Some("cyclonedx".into())
        }
    );
    let long = format!(r#"{{"format": "{}"}}"#, "x".repeat(500));
    let ImportError::NotOurFormat { found: Some(f) } = refusal(&long) else {
        panic!()
    };
    assert!(f.chars().count() <= 41, "quoted value is shortened");
}

#[test]
fn newer_schema_is_refused() {
    let a = common::realistic_assessment(bank(), 3);
    let file = edited(&a, |v| v["schema_version"] = json!(2));
    assert_eq!(refusal(&file), ImportError::NewerSchema(2));
    // Even when the newer format changed the structure.
    let file = edited(&a, |v| {
        v["schema_version"] = json!(7);
        v["assessment"] = json!("elsewhere");
    });
    assert_eq!(refusal(&file), ImportError::NewerSchema(7));
    let file = edited(&a, |v| v["assessment"]["schema_version"] = json!(3));
    assert_eq!(refusal(&file), ImportError::NewerSchema(3));
}

#[test]
fn structurally_invalid_files_are_refused() {
    let a = common::realistic_assessment(bank(), 3);
    let item = first_item(bank(), false);
    let cases: Vec<(&str, String)> = vec![
        (
            "no schema_version",
            edited(&a, |v| {
                drop(v.as_object_mut().unwrap().remove("schema_version"))
            }),
        ),
        (
            "schema_version as text",
            edited(&a, |v| v["schema_version"] = json!("1")),
        ),
        (
            "schema_version 0",
            edited(&a, |v| v["schema_version"] = json!(0)),
        ),
        (
            "no bank",
            edited(&a, |v| drop(v.as_object_mut().unwrap().remove("bank"))),
        ),
        (
            "bank without version",
            edited(&a, |v| v["bank"] = json!({"id": "x"})),
        ),
        (
            "no assessment",
            edited(&a, |v| {
                drop(v.as_object_mut().unwrap().remove("assessment"))
            }),
        ),
        (
            "assessment not an object",
            edited(&a, |v| v["assessment"] = json!([1])),
        ),
        (
            "exported_at a number",
            edited(&a, |v| v["exported_at"] = json!(5)),
        ),
        (
            "assessment without bank_id",
            edited(&a, |v| {
                drop(v["assessment"].as_object_mut().unwrap().remove("bank_id"))
            }),
        ),
        (
            "note a number",
            edited(&a, |v| v["assessment"]["answers"][&item]["note"] = json!(3)),
        ),
        (
            "unknown response",
            edited(&a, |v| {
                v["assessment"]["answers"][&item]["response"] = json!("maybe")
            }),
        ),
        (
            "answers a list",
            edited(&a, |v| v["assessment"]["answers"] = json!([])),
        ),
        (
            "scope option a number",
            edited(&a, |v| v["assessment"]["scope"]["reliance"] = json!([1])),
        ),
    ];
    for (what, file) in cases {
        assert!(
            matches!(refusal(&file), ImportError::Malformed(_)),
            "{what}: {:?}",
            refusal(&file)
        );
    }
}

#[test]
fn a_level_outside_0_to_4_is_refused_naming_the_item() {
    let a = common::realistic_assessment(bank(), 3);
    let item = first_item(bank(), true);
    for (level, shown) in [
        (json!(7), "7"),
        (json!(-1), "-1"),
        (json!(2.5), "2.5"),
        (json!("3"), "\"3\""),
    ] {
        let file = edited(&a, |v| {
            v["assessment"]["answers"][&item]["response"] = json!({ "level": level })
        });
        assert_eq!(
            refusal(&file),
            ImportError::BadLevel {
                item: item.clone(),
                value: shown.into()
            }
        );
    }
    // In the archive too.
    let file = edited(&a, |v| {
        v["assessment"]["archive"]["EXC-01"]["response"] = json!({ "level": 9 })
    });
    assert_eq!(
        refusal(&file),
        ImportError::BadLevel {
            item: "EXC-01".into(),
            value: "9".into()
        }
    );
}

#[test]
fn not_applicable_without_a_reason_is_refused() {
    let a = common::realistic_assessment(bank(), 3);
    let item = first_item(bank(), false);
    for na in [
        json!({}),
        json!({ "reason": "" }),
        json!({ "reason": "  \n" }),
        json!({ "reason": null }),
    ] {
        let file = edited(&a, |v| {
            v["assessment"]["answers"][&item]["response"] = json!({ "not_applicable": na })
        });
        assert_eq!(
            refusal(&file),
            ImportError::NaWithoutReason { item: item.clone() }
        );
    }
    let file = edited(&a, |v| {
        v["assessment"]["archive"]["ZZZ-9"] =
            json!({ "response": { "not_applicable": { "reason": "" } } })
    });
    assert_eq!(
        refusal(&file),
        ImportError::NaWithoutReason {
            item: "ZZZ-9".into()
        }
    );
}

#[test]
fn not_applicable_on_a_never_na_item_is_cleared_with_a_warning_keeping_the_reason() {
    let a = common::realistic_assessment(bank(), 3);
    let item = first_item(bank(), true);
    let file = edited(&a, |v| {
        v["assessment"]["answers"][&item] = json!({
            "response": { "not_applicable": { "reason": "We use the provider's SSO" } },
            "note": "Owner: IT"
        })
    });
    let import = import_json(&file, bank()).unwrap();
    let answer = &import.assessment.answers[&item];
    assert_eq!(answer.response, None);
    assert_eq!(answer.note, "Owner: IT\nWe use the provider's SSO");
    assert_eq!(
        import.summary.warnings,
        vec![ImportWarning::NaNotAllowed { item: item.clone() }]
    );
    // Everything else came through.
    let mut expected = a.clone();
    expected.answers.insert(item, answer.clone());
    assert_eq!(import.assessment, expected);
}

#[test]
fn scope_answers_the_bank_does_not_know_are_kept_with_a_warning() {
    let a = common::realistic_assessment(bank(), 3);
    let file = edited(&a, |v| {
        let scope = &mut v["assessment"]["scope"];
        scope["services"] = json!(["vm", "quantum"]);
        scope["region"] = json!(["eu"]);
        scope["own_audit"] = json!(["type1", "type2"]);
    });
    let import = import_json(&file, bank()).unwrap();
    assert!(import.assessment.scope_selected("services", "quantum"));
    assert!(import.assessment.scope_selected("region", "eu"));
    let w = &import.summary.warnings;
    assert!(w.contains(&ImportWarning::UnknownScopeOption {
        question: "services".into(),
        option: "quantum".into()
    }));
    assert!(w.contains(&ImportWarning::UnknownScopeQuestion {
        question: "region".into()
    }));
    assert!(w.contains(&ImportWarning::SeveralOptions {
        question: "own_audit".into()
    }));
    assert_eq!(w.len(), 3, "{w:?}");
}

#[test]
fn answers_to_unknown_items_are_archived_and_reported() {
    let provider = provider_bank();
    let mut a = Assessment::new(&provider);
    a.set_response(&provider, "EXC-01", Response::Level(Level::new(4).unwrap()))
        .unwrap();
    a.set_note(&provider, "EXC-02", "KMS owner: sec team")
        .unwrap();
    let iam = first_item(bank(), true);
    a.set_response(&provider, &iam, Response::DontKnow).unwrap();
    let file = export_json(&a, &provider, "2026-12-02T18:00:00Z");

    let import = import_json(&file, bank()).unwrap();
    let s = &import.summary;
    assert_eq!(s.file_bank.id, "example-cloud");
    assert!(s.bank_id_differs && s.bank_differs());
    assert_eq!(s.archived, vec!["EXC-01".to_string(), "EXC-02".to_string()]);
    assert_eq!(s.answered, 1);
    assert_eq!(s.notes, 0);
    let b = &import.assessment;
    assert_eq!(b.bank_id, bank().meta.id);
    assert_eq!(b.archive["EXC-02"].note, "KMS owner: sec team");
    assert_eq!(b.response(&iam), Some(&Response::DontKnow));
    assert!(!b.answers.contains_key("EXC-01"));

    // Back with the provider bank: everything returns where it was.
    let again = import_json(&export_json(b, bank(), "t"), &provider).unwrap();
    assert_eq!(
        again.summary.restored,
        vec!["EXC-01".to_string(), "EXC-02".to_string()]
    );
    assert_eq!(again.assessment, a);
}

#[test]
fn another_version_of_the_same_bank_is_reported() {
    let a = common::realistic_assessment(bank(), 3);
    let file = edited(&a, |v| v["bank"]["version"] = json!("0.9.0"));
    let s = import_json(&file, bank()).unwrap().summary;
    assert!(!s.bank_id_differs);
    assert!(s.bank_version_differs);
    assert_eq!(s.file_bank.version, "0.9.0");
}

#[test]
fn diff_counts_what_an_import_would_change() {
    let b = bank();
    let mut current = common::realistic_assessment(b, 3);
    let ids: Vec<String> = current
        .answers
        .iter()
        .filter(|(_, x)| matches!(x.response, Some(Response::Level(_))))
        .map(|(id, _)| id.clone())
        .take(5)
        .collect();
    current.clear_response(&ids[4]);
    let mut incoming = current.clone();
    // Two changed levels, one cleared response, one changed note, one new answer.
    for id in &ids[..2] {
        let Some(Response::Level(l)) = incoming.response(id).cloned() else {
            panic!()
        };
        let other = Level::new((l.value() + 1) % 5).unwrap();
        incoming
            .set_response(b, id, Response::Level(other))
            .unwrap();
    }
    incoming.clear_response(&ids[2]);
    incoming.set_note(b, &ids[3], "moved to Jira").unwrap();
    incoming
        .set_response(b, &ids[4], Response::DontKnow)
        .unwrap();
    incoming.set_scope(b, "provider", "azure", true).unwrap();

    let import = import_json(&export(&incoming), b).unwrap();
    let d = import.diff_against(&current);
    assert_eq!((d.added, d.removed, d.changed), (1, 1, 2));
    assert_eq!(d.answers_changed(), 4);
    assert_eq!(d.notes_changed, 1);
    assert_eq!(d.scope_changed, 1);
    let answered = current
        .answers
        .values()
        .filter(|x| x.response.is_some())
        .count();
    assert_eq!(d.unchanged, answered - 3);
    assert!(!d.is_empty());
    assert!(diff(&incoming, &incoming).is_empty());
    // Against an empty assessment, everything answered is added.
    let fresh = import.diff_against(&Assessment::new(b));
    assert_eq!(fresh.added, import.summary.answered);
}

/// A save written before the archive, id and timestamps existed.
const OLD_SAVE: &str = r#"{"schema_version":1,"bank_id":"soc-readiness-default","bank_version":"1.0.0","name":"Before","scope":{"reliance":["soc2"]},"answers":{"IAM-01":{"response":{"level":3},"note":"Okta"},"IAM-02":{"response":"dont_know"}}}"#;

#[test]
fn old_saved_json_without_the_new_fields_still_loads() {
    let a = Assessment::from_json(OLD_SAVE).unwrap();
    assert_eq!(a.name, "Before");
    assert_eq!(a.note("IAM-01"), "Okta");
    assert_eq!(a.response("IAM-02"), Some(&Response::DontKnow));
    assert!(
        a.archive.is_empty() && a.id.is_empty() && a.created.is_empty() && a.updated.is_empty()
    );
    // And an export file from that time too.
    let file = format!(
        r#"{{"format":"{FORMAT}","schema_version":1,"bank":{{"id":"soc-readiness-default","version":"1.0.0"}},"assessment":{OLD_SAVE}}}"#
    );
    assert_eq!(import_json(&file, bank()).unwrap().assessment, a);
    // Even older: only the required fields.
    let minimal = r#"{"schema_version":1,"bank_id":"x","bank_version":"0"}"#;
    assert!(Assessment::from_json(minimal).unwrap().answers.is_empty());
}

#[test]
fn from_json_keeps_its_errors() {
    assert!(matches!(
        Assessment::from_json("{"),
        Err(AnswerError::Corrupt(_))
    ));
    assert!(matches!(
        Assessment::from_json("[]"),
        Err(AnswerError::Corrupt(_))
    ));
    assert!(matches!(
        Assessment::from_json(
            r#"{"schema_version":1,"bank_id":"x","bank_version":"1","answers":{"A-1":{"response":{"level":7}}}}"#
        ),
        Err(AnswerError::Corrupt(_))
    ));
    assert_eq!(
        Assessment::from_json(r#"{"schema_version":2,"bank_id":"x","bank_version":"1"}"#),
        Err(AnswerError::NewerSchema(2))
    );
    // A newer format whose structure changed is still reported as newer.
    assert_eq!(
        Assessment::from_json(r#"{"schema_version":3,"answers":[1,2]}"#),
        Err(AnswerError::NewerSchema(3))
    );
    let a = common::realistic_assessment(bank(), 3);
    assert_eq!(Assessment::from_json(&a.to_json()).unwrap(), a);
}

#[test]
fn reconcile_moves_unknown_answers_to_the_archive_and_back() {
    let default = bank();
    let provider = provider_bank();
    let mut a = Assessment::new(&provider);
    a.set_response(&provider, "EXC-03", Response::Level(Level::new(1).unwrap()))
        .unwrap();
    a.set_note(&provider, "EXC-04", "ticket SEC-4").unwrap();
    a.set_response(&provider, "IAM-01", Response::Level(Level::new(3).unwrap()))
        .unwrap();
    let original = a.clone();

    let r = a.reconcile(default);
    assert_eq!(r.archived, vec!["EXC-03".to_string(), "EXC-04".to_string()]);
    assert!(r.restored.is_empty() && r.conflicts.is_empty());
    assert_eq!(
        r.previous_bank,
        Some(BankRef {
            id: "example-cloud".into(),
            version: provider.meta.version.clone()
        })
    );
    assert_eq!(a.bank_id, default.meta.id);
    assert_eq!(a.archive["EXC-04"].note, "ticket SEC-4");
    assert!(a.answers.contains_key("IAM-01") && !a.answers.contains_key("EXC-03"));
    // Reconciling again changes nothing.
    assert!(a.reconcile(default).is_empty());

    // The provider bank is loaded again: the answers come back.
    let r = a.reconcile(&provider);
    assert_eq!(r.restored, vec!["EXC-03".to_string(), "EXC-04".to_string()]);
    assert!(r.archived.is_empty());
    assert_eq!(a, original);

    // FIN-05 is removed by the provider bank: archived there, restored with the default.
    let mut b = Assessment::new(default);
    b.set_response(default, "FIN-05", Response::DontKnow)
        .unwrap();
    assert_eq!(b.reconcile(&provider).archived, vec!["FIN-05".to_string()]);
    assert_eq!(b.reconcile(default).restored, vec!["FIN-05".to_string()]);
    assert_eq!(b.response("FIN-05"), Some(&Response::DontKnow));
}

#[test]
fn reconcile_never_overwrites() {
    let default = bank();
    let iam = first_item(default, true);
    let mut a = Assessment::new(default);
    a.set_response(default, &iam, Response::Level(Level::new(4).unwrap()))
        .unwrap();
    a.archive.insert(iam.clone(), Default::default());
    a.answers.insert("GONE-1".into(), Default::default());
    a.archive.insert("GONE-1".into(), Default::default());
    let before = a.clone();
    let r = a.reconcile(default);
    assert_eq!(r.conflicts, vec!["GONE-1".to_string(), iam.clone()]);
    assert_eq!(a, before, "both copies stay where they are");

    let import = import_json(&export(&a), default).unwrap();
    assert!(import
        .summary
        .warnings
        .contains(&ImportWarning::ArchiveConflict { item: iam }));
}

#[test]
fn apply_bank_rules_leaves_a_valid_assessment_alone() {
    let mut a = common::realistic_assessment(bank(), 3);
    let before = a.clone();
    assert!(apply_bank_rules(&mut a, bank()).is_empty());
    assert_eq!(a, before);
}

#[test]
fn every_error_and_warning_speaks_both_languages() {
    let errors = [
        ImportError::TooLarge {
            bytes: 6 * 1024 * 1024,
            limit: MAX_IMPORT_BYTES,
        },
        ImportError::NotJson("EOF while parsing at line 1 column 0".into()),
        ImportError::NotOurFormat { found: None },
        ImportError::NotOurFormat {
            found: Some("x".into()),
        },
        ImportError::NewerSchema(2),
        ImportError::Malformed("bank is missing".into()),
        ImportError::BadLevel {
            item: "IAM-01".into(),
            value: "7".into(),
        },
        ImportError::NaWithoutReason {
            item: "IAM-01".into(),
        },
    ];
    for e in &errors {
        let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
        assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{e:?}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert_eq!(e.to_string(), en);
    }
    assert!(errors[0].message(Lang::En).contains("6.0 MB"));
    let warnings = [
        ImportWarning::NaNotAllowed { item: "A-1".into() },
        ImportWarning::UnknownScopeQuestion {
            question: "q".into(),
        },
        ImportWarning::UnknownScopeOption {
            question: "q".into(),
            option: "o".into(),
        },
        ImportWarning::SeveralOptions {
            question: "q".into(),
        },
        ImportWarning::ArchiveConflict { item: "A-1".into() },
    ];
    for w in &warnings {
        let (en, zh) = (w.message(Lang::En), w.message(Lang::Zh));
        assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{w:?}");
    }
}
