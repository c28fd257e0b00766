//! Share links (src/core/share.rs): round trips, sizes, and every way a link can be
//! damaged.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use soc_readiness::core::answers::{Assessment, ItemAnswer, Level, Response};
use soc_readiness::core::bank::Bank;
use soc_readiness::core::exchange::ImportError;
use soc_readiness::core::share::{decode, encode, frame, ShareError, MAX_DECOMPRESSED, PREFIX};
use soc_readiness::core::text::Lang;

fn bank() -> &'static Bank {
    common::shipped_bank()
}

fn provider_bank() -> Bank {
    common::example_provider_bank()
}

fn refusal(fragment: &str) -> ShareError {
    match decode(fragment, bank()) {
        Ok(_) => panic!("link accepted: {fragment:.80}"),
        Err(e) => e,
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 10)
}

/// Measured sizes (default bank 1.0.0, full scope: 149 items asked and answered, generated
/// notes of ~45 characters such as "Owner: J. Chen; evidence in Confluence SEC/IAM-01"):
/// notes on every third item → 1,954 characters (the assessment's JSON: 9,110 bytes); a
/// note on every item → 2,367 characters (14,972 bytes); a single note → 1,547 characters
/// (6,208 bytes); an empty assessment → 153 characters (measured with 149 items; 143 now). With varied, less compressible
/// notes on every item see the next test (5,278 characters). Browsers keep far longer URLs
/// (Chrome, Firefox: megabytes).
#[test]
fn a_realistic_assessment_round_trips_in_a_few_kilobytes() {
    let b = bank();
    for (note_every, limit) in [(3, 3_000), (1, 4_000), (usize::MAX, 2_000)] {
        let a = common::realistic_assessment(b, note_every);
        let answered = a.answers.values().filter(|x| x.response.is_some()).count();
        assert!(answered >= 140, "{answered} items answered");
        let fragment = encode(&a, b);
        println!(
            "notes every {note_every}: {answered} answers, {} notes, JSON {} bytes, fragment {} chars",
            a.answers.values().filter(|x| !x.note.is_empty()).count(),
            a.to_json().len(),
            fragment.len()
        );
        assert!(fragment.starts_with(PREFIX));
        assert!(fragment.len() < limit, "{} chars", fragment.len());
        assert!(fragment
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(&c)));
        let shared = decode(&fragment, b).unwrap();
        assert_eq!(shared.assessment, a);
        assert!(!shared.bank_differs());
        assert_eq!(shared.bank().id, b.meta.id);
        assert_eq!(shared.summary.answered, answered);
        assert_eq!(shared.summary.archived, vec!["EXC-01".to_string()]);
        assert!(shared.summary.warnings.is_empty());
    }
    let empty = encode(&Assessment::new(b), b);
    println!("empty assessment: {} chars", empty.len());
    assert_eq!(decode(&empty, b).unwrap().assessment, Assessment::new(b));
}

/// Notes written by people vary more than the generated ones above: every item gets a
/// different note of 6 to 12 words drawn at random from a vocabulary of practitioners'
/// words (~60 characters). Measured: 5,278 characters for 149 answers and 149 notes
/// (the assessment's JSON: 16,345 bytes).
#[test]
fn varied_notes_on_every_item_stay_under_eight_kilobytes() {
    let b = bank();
    let mut a = common::realistic_assessment(b, usize::MAX);
    let words = [
        "owner",
        "evidence",
        "Confluence",
        "Jira",
        "ticket",
        "quarterly",
        "review",
        "export",
        "CloudTrail",
        "Okta",
        "policy",
        "approved",
        "pending",
        "Q3",
        "by",
        "security",
        "team",
        "IT",
        "ops",
        "DBA",
        "finance",
        "runbook",
        "tested",
        "restore",
        "in",
        "2026-10",
        "screenshots",
        "SharePoint",
        "folder",
        "audit",
        "sample",
        "Terraform",
        "PR",
        "merged",
        "MFA",
        "enforced",
        "break-glass",
        "vault",
        "rotation",
        "90",
        "days",
        "SIEM",
        "alerts",
        "on-call",
        "PagerDuty",
        "vendor",
        "contract",
        "DPA",
        "signed",
        "Li",
        "Wei",
        "Chen",
        "Patel",
        "draft",
        "v2",
        "see",
        "also",
        "gap",
        "remediation",
        "planned",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let ids: Vec<String> = a.answers.keys().cloned().collect();
    for id in &ids {
        let count = 6 + next(7);
        let note: Vec<&str> = (0..count).map(|_| words[next(words.len())]).collect();
        a.set_note(b, id, &note.join(" ")).unwrap();
    }
    let fragment = encode(&a, b);
    println!(
        "varied notes: {} notes, JSON {} bytes, fragment {} chars",
        ids.len(),
        a.to_json().len(),
        fragment.len()
    );
    assert!(fragment.len() < 8_000, "{}", fragment.len());
    assert_eq!(decode(&fragment, b).unwrap().assessment, a);
}

#[test]
fn empty_entries_survive_the_round_trip() {
    // Dropping empty fields must not change the assessment: an empty selection, an entry
    // without response or note, an empty name are all kept as they were.
    let b = bank();
    let mut a = Assessment::new(b);
    a.set_scope(b, "categories", "privacy", true).unwrap();
    a.set_scope(b, "categories", "privacy", false).unwrap();
    a.set_response(b, "IAM-01", Response::DontKnow).unwrap();
    a.clear_response("IAM-01");
    assert!(a.scope["categories"].is_empty());
    assert_eq!(a.answers["IAM-01"], ItemAnswer::default());
    assert_eq!(decode(&encode(&a, b), b).unwrap().assessment, a);
}

#[test]
fn the_fragment_may_come_with_its_hash_and_whitespace() {
    let a = common::realistic_assessment(bank(), 3);
    let fragment = encode(&a, bank());
    for text in [format!("#{fragment}"), format!("  {fragment}\n")] {
        assert_eq!(decode(&text, bank()).unwrap().assessment, a);
    }
}

#[test]
fn a_link_from_another_bank_says_so_and_archives_what_this_bank_lacks() {
    let provider = provider_bank();
    let mut a = Assessment::new(&provider);
    a.set_response(&provider, "EXC-01", Response::Level(Level::new(3).unwrap()))
        .unwrap();
    a.set_response(&provider, "IAM-01", Response::Level(Level::new(4).unwrap()))
        .unwrap();
    let shared = decode(&encode(&a, &provider), bank()).unwrap();
    assert!(shared.bank_differs());
    assert!(shared.summary.bank_id_differs);
    assert_eq!(shared.bank().id, "example-cloud");
    assert_eq!(shared.summary.archived, vec!["EXC-01".to_string()]);
    assert_eq!(
        shared.assessment.response("IAM-01"),
        Some(&Response::Level(Level::new(4).unwrap()))
    );
    // And opened with the provider bank, it is the same assessment.
    assert_eq!(
        decode(&encode(&a, &provider), &provider)
            .unwrap()
            .assessment,
        a
    );
}

#[test]
fn a_link_cut_anywhere_is_truncated() {
    let fragment = encode(&common::realistic_assessment(bank(), 3), bank());
    for cut in 0..fragment.len() {
        assert_eq!(
            refusal(&fragment[..cut]),
            ShareError::Truncated,
            "cut at {cut} of {}",
            fragment.len()
        );
    }
    // A character deleted in the middle is reported the same way.
    let mut deleted = fragment.clone();
    deleted.remove(fragment.len() / 2);
    assert!(matches!(
        refusal(&deleted),
        ShareError::Truncated | ShareError::ChecksumMismatch
    ));
}

#[test]
fn one_changed_character_anywhere_is_detected() {
    let fragment = encode(&common::realistic_assessment(bank(), 3), bank());
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut checked = 0;
    for (i, c) in fragment.char_indices().skip(PREFIX.len()) {
        // Two replacements per position: the next symbol, and one flipping high bits.
        for step in [1, 32] {
            let pos = alphabet.find(c).unwrap();
            let other = alphabet.as_bytes()[(pos + step) % 64] as char;
            let mut tampered = fragment.clone();
            tampered.replace_range(i..i + 1, &other.to_string());
            assert_eq!(
                refusal(&tampered),
                ShareError::ChecksumMismatch,
                "position {i}: {c} → {other}"
            );
            checked += 1;
        }
    }
    assert!(checked > 2_000);
    // Data appended to a complete link.
    assert_eq!(
        refusal(&format!("{fragment}AAAA")),
        ShareError::ChecksumMismatch
    );
}

#[test]
fn a_character_outside_base64url_is_named() {
    let fragment = encode(&common::realistic_assessment(bank(), 3), bank());
    for (at, bad) in [(3, '+'), (20, '/'), (100, '='), (200, '%'), (300, '中')] {
        let mut broken = fragment.clone();
        broken.replace_range(at..at + 1, &bad.to_string());
        assert_eq!(
            refusal(&broken),
            ShareError::NotBase64 {
                position: at - PREFIX.len(),
                found: bad
            }
        );
    }
}

#[test]
fn an_unknown_version_prefix_is_refused() {
    let fragment = encode(&common::realistic_assessment(bank(), 3), bank());
    let body = &fragment[PREFIX.len()..];
    assert_eq!(
        refusal(&format!("v2.{body}")),
        ShareError::UnknownVersion("v2".into())
    );
    assert_eq!(
        refusal(&format!("w1.{body}")),
        ShareError::UnknownVersion("w1".into())
    );
    // The dot replaced: no prefix at all.
    assert!(matches!(
        refusal(&format!("v1x{body}")),
        ShareError::UnknownVersion(_)
    ));
    assert_eq!(refusal("hello"), ShareError::UnknownVersion("hello".into()));
    let ShareError::UnknownVersion(shown) = refusal(&"x".repeat(1000)) else {
        panic!()
    };
    assert!(shown.chars().count() <= 17);
}

#[test]
fn content_that_does_not_inflate_is_refused() {
    // Checksums right (frame computes them), stream not deflate: reserved block type.
    assert_eq!(
        refusal(&frame(b"not deflate at all")),
        ShareError::NotDecompressable
    );
    assert_eq!(refusal(&frame(b"")), ShareError::NotDecompressable);
    // A deflate stream cut before its end.
    let stream = deflate(&vec![b'x'; 10_000]);
    assert_eq!(
        refusal(&frame(&stream[..stream.len() - 2])),
        ShareError::NotDecompressable
    );
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 3 MiB of spaces deflate to a few kilobytes.
    let bomb = deflate(&vec![b' '; 3 * 1024 * 1024]);
    let link = frame(&bomb);
    assert!(link.len() < 10_000, "{}", link.len());
    assert_eq!(
        refusal(&link),
        ShareError::TooLarge {
            limit: MAX_DECOMPRESSED
        }
    );
    // Exactly at the limit is not refused for size (but is not JSON).
    let at_limit = frame(&deflate(&vec![b' '; MAX_DECOMPRESSED]));
    assert!(matches!(
        refusal(&at_limit),
        ShareError::Invalid(ImportError::NotJson(_))
    ));
    // A fragment longer than any link could be.
    let huge = format!("{PREFIX}{}", "A".repeat(MAX_DECOMPRESSED + 4));
    assert_eq!(
        refusal(&huge),
        ShareError::TooLarge {
            limit: MAX_DECOMPRESSED
        }
    );
}

#[test]
fn content_that_is_not_a_valid_assessment_is_refused_with_the_import_error() {
    let link = |json: &str| frame(&deflate(json.as_bytes()));
    assert!(matches!(
        refusal(&link("not json")),
        ShareError::Invalid(ImportError::NotJson(_))
    ));
    assert!(matches!(
        refusal(&link("\u{feff}{}")),
        ShareError::Invalid(ImportError::NotJson(_))
    ));
    assert_eq!(
        refusal(&link(r#"{"a": 1}"#)),
        ShareError::Invalid(ImportError::NotOurFormat { found: None })
    );
    let doc = |assessment: &str| {
        format!(
            r#"{{"format":"soc-readiness-assessment","schema_version":1,"bank":{{"id":"soc-readiness-default","version":"1.0.0"}},"assessment":{assessment}}}"#
        )
    };
    assert_eq!(
        refusal(&link(&doc(
            r#"{"schema_version":1,"bank_id":"x","bank_version":"1","answers":{"IAM-01":{"response":{"level":7}}}}"#
        ))),
        ShareError::Invalid(ImportError::BadLevel {
            item: "IAM-01".into(),
            value: "7".into()
        })
    );
    assert_eq!(
        refusal(&link(&doc(
            r#"{"schema_version":1,"bank_id":"x","bank_version":"1","answers":{"IAM-03":{"response":{"not_applicable":{"reason":" "}}}}}"#
        ))),
        ShareError::Invalid(ImportError::NaWithoutReason {
            item: "IAM-03".into()
        })
    );
    assert_eq!(
        refusal(&link(&doc(r#"{"schema_version":2}"#))),
        ShareError::Invalid(ImportError::NewerSchema(2))
    );
    assert!(matches!(
        refusal(&link(&doc(r#"{"schema_version":1}"#))),
        ShareError::Invalid(ImportError::Malformed(_))
    ));
    // The same document, valid, opens.
    let ok = link(&doc(
        r#"{"schema_version":1,"bank_id":"x","bank_version":"1","answers":{"IAM-01":{"response":{"level":3}}}}"#,
    ));
    let shared = decode(&ok, bank()).unwrap();
    assert_eq!(
        shared.assessment.response("IAM-01"),
        Some(&Response::Level(Level::new(3).unwrap()))
    );
}

#[test]
fn every_error_speaks_both_languages() {
    let errors = [
        ShareError::UnknownVersion("v2".into()),
        ShareError::NotBase64 {
            position: 4,
            found: '%',
        },
        ShareError::Truncated,
        ShareError::ChecksumMismatch,
        ShareError::NotDecompressable,
        ShareError::TooLarge {
            limit: MAX_DECOMPRESSED,
        },
        ShareError::Invalid(ImportError::NewerSchema(2)),
        ShareError::Invalid(ImportError::NaWithoutReason {
            item: "IAM-01".into(),
        }),
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
    assert!(errors[7].message(Lang::En).contains("IAM-01"));
}
