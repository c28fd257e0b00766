//! The autosave's decision and the choice of the assessment that opens at start
//! (src/core/persist.rs), and the one "has the user started" rule (`Assessment::is_blank`).
//! Each row of a table is one situation; the rule "nothing saved is lost" is that no row
//! whose stored value is not this tab's own writes over it without a copy.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::cell::Cell;

use soc_readiness::core::answers::{Assessment, ItemAnswer};
use soc_readiness::core::persist::{
    decide, is_plausible_id, most_recent, opening, Opening, PointerProblem, SaveAction,
};

/// What storage holds under the assessment's key, relative to this tab.
#[derive(Debug, Clone, Copy)]
enum Stored {
    Nothing,
    /// Exactly `mine`.
    Mine,
    /// What this tab last wrote (or loaded), older than `mine`.
    OursOlder,
    /// A readable version this tab never saw (another tab's).
    TheirsReadable,
    /// Bytes this version cannot read.
    TheirsUnreadable,
}

/// What this tab last wrote or loaded.
#[derive(Debug, Clone, Copy)]
enum Last {
    Nothing,
    OursOlder,
}

#[derive(Debug, PartialEq)]
enum Expect {
    AlreadySaved,
    SkipBlank,
    Write,
    Conflict,
    WriteAfterBackup,
    Relocate,
}

fn json(a: &Assessment) -> String {
    a.to_json()
}

#[test]
fn the_save_decision_never_writes_over_what_it_cannot_restore() {
    let bank = common::shipped_bank();
    let mut older = Assessment::new(bank);
    older.id = "a1".into();
    older.name = "before".into();
    let mut mine = older.clone();
    mine.name = "after".into();
    let mut theirs = older.clone();
    theirs.name = "other tab".into();
    let (older, mine_json, theirs) = (json(&older), json(&mine), json(&theirs));
    let garbage = "{\"answers\": [1, 2".to_string();

    use Expect::*;
    // (stored, last written, mine is blank, a backup can be written, expected, backup tried)
    let table: &[(Stored, Last, bool, bool, Expect, bool)] = &[
        (Stored::Nothing, Last::Nothing, false, true, Write, false),
        (Stored::Nothing, Last::Nothing, true, true, SkipBlank, false),
        // Deleted in another tab (or erased) after this tab wrote: this tab's work comes back.
        (Stored::Nothing, Last::OursOlder, false, true, Write, false),
        (
            Stored::Nothing,
            Last::OursOlder,
            true,
            true,
            SkipBlank,
            false,
        ),
        (
            Stored::Mine,
            Last::OursOlder,
            false,
            true,
            AlreadySaved,
            false,
        ),
        (Stored::Mine, Last::Nothing, true, true, AlreadySaved, false),
        (
            Stored::OursOlder,
            Last::OursOlder,
            false,
            true,
            Write,
            false,
        ),
        // The user cleared everything they had entered: that is saved too.
        (Stored::OursOlder, Last::OursOlder, true, true, Write, false),
        (
            Stored::TheirsReadable,
            Last::OursOlder,
            false,
            true,
            Conflict,
            false,
        ),
        (
            Stored::TheirsReadable,
            Last::Nothing,
            false,
            false,
            Conflict,
            false,
        ),
        (
            Stored::TheirsReadable,
            Last::OursOlder,
            true,
            true,
            SkipBlank,
            false,
        ),
        (
            Stored::TheirsReadable,
            Last::Nothing,
            true,
            true,
            SkipBlank,
            false,
        ),
        (
            Stored::TheirsUnreadable,
            Last::OursOlder,
            false,
            true,
            WriteAfterBackup,
            true,
        ),
        (
            Stored::TheirsUnreadable,
            Last::Nothing,
            false,
            true,
            WriteAfterBackup,
            true,
        ),
        (
            Stored::TheirsUnreadable,
            Last::OursOlder,
            false,
            false,
            Relocate,
            true,
        ),
        (
            Stored::TheirsUnreadable,
            Last::Nothing,
            false,
            false,
            Relocate,
            true,
        ),
        (
            Stored::TheirsUnreadable,
            Last::OursOlder,
            true,
            false,
            SkipBlank,
            false,
        ),
        (
            Stored::TheirsUnreadable,
            Last::Nothing,
            true,
            true,
            SkipBlank,
            false,
        ),
    ];
    for (stored, last, blank, can_back_up, expected, tried) in table {
        let stored_text = match stored {
            Stored::Nothing => None,
            Stored::Mine => Some(mine_json.as_str()),
            Stored::OursOlder => Some(older.as_str()),
            Stored::TheirsReadable => Some(theirs.as_str()),
            Stored::TheirsUnreadable => Some(garbage.as_str()),
        };
        let last_text = match last {
            Last::Nothing => None,
            Last::OursOlder => Some(older.as_str()),
        };
        let attempts = Cell::new(0);
        let action = decide(stored_text, last_text, &mine_json, *blank, || {
            attempts.set(attempts.get() + 1);
            *can_back_up
        });
        let got = match &action {
            SaveAction::AlreadySaved => AlreadySaved,
            SaveAction::SkipBlank => SkipBlank,
            SaveAction::Write => Write,
            SaveAction::Conflict(a) => {
                assert_eq!(a.name, "other tab");
                Conflict
            }
            SaveAction::WriteAfterBackup(e) | SaveAction::Relocate(e) => {
                assert!(e.detail().is_some(), "{e:?}");
                if matches!(action, SaveAction::Relocate(_)) {
                    Relocate
                } else {
                    WriteAfterBackup
                }
            }
        };
        let row = format!("{stored:?} / {last:?} / blank {blank} / backup {can_back_up}");
        assert_eq!(got, *expected, "{row}");
        assert_eq!(
            attempts.get(),
            usize::from(*tried),
            "backup attempts: {row}"
        );
    }
}

/// One kind of input a user can enter.
type Edit = Box<dyn Fn(&mut Assessment)>;

#[test]
fn blank_means_nothing_entered_anywhere() {
    let bank = common::shipped_bank();
    let fresh = Assessment::new(bank);
    assert!(fresh.is_blank());
    let item = bank.items.first().map(|i| i.id.clone()).unwrap();
    let edits: Vec<(&str, Edit)> = vec![
        ("name", Box::new(|a| a.name = "Q3".into())),
        ("organisation", Box::new(|a| a.organisation = "Acme".into())),
        ("assessor", Box::new(|a| a.assessor = "Li Wei".into())),
        (
            "scope",
            Box::new(|a| {
                a.scope
                    .entry("provider".into())
                    .or_default()
                    .insert("aws".into());
            }),
        ),
        ("note", {
            let item = item.clone();
            Box::new(move |a| {
                a.set_note(common::shipped_bank(), &item, "owner: IT")
                    .unwrap()
            })
        }),
        ("owner", {
            let item = item.clone();
            Box::new(move |a| {
                a.set_owner_frequency(common::shipped_bank(), &item, "IT", "")
                    .unwrap()
            })
        }),
        ("answer", {
            let item = item.clone();
            Box::new(move |a| {
                a.set_response(
                    common::shipped_bank(),
                    &item,
                    soc_readiness::core::answers::Response::DontKnow,
                )
                .unwrap()
            })
        }),
        (
            "provider report date",
            Box::new(|a| a.provider_reports.own_period_end = "2026-12-31".into()),
        ),
        (
            "archive",
            Box::new(|a| {
                a.archive.insert("OLD-1".into(), ItemAnswer::default());
            }),
        ),
    ];
    for (what, edit) in &edits {
        let mut a = fresh.clone();
        edit(&mut a);
        assert!(!a.is_blank(), "{what} entered, yet blank");
    }
    // Ids, dates and emptied entries are not the user's input.
    let mut a = fresh.clone();
    a.id = "a1".into();
    a.created = "2026-11-29T10:00:00Z".into();
    a.updated = a.created.clone();
    a.scope.insert("provider".into(), Default::default());
    a.answers.insert(item, ItemAnswer::default());
    assert!(a.is_blank());
}

#[test]
fn the_pointer_opens_what_it_names_or_says_why_not() {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let open = |s: &str| Opening::Open(s.into());
    let four_mib = "x".repeat(4 << 20);
    let cases: Vec<(Option<&str>, Vec<String>, Opening)> = vec![
        // A first visit, and the usual case.
        (None, ids(&[]), open("default")),
        (None, ids(&["default", "a1"]), open("default")),
        (Some("a1"), ids(&["default", "a1"]), open("a1")),
        // Nothing stored: nothing to find, nothing to tell.
        (Some("a9"), ids(&[]), open("default")),
        // Pointing nowhere, or at garbage, while assessments exist: never silently empty.
        (
            Some("a9"),
            ids(&["a1"]),
            Opening::Choose(PointerProblem::Dangling),
        ),
        (
            Some("null"),
            ids(&["a1"]),
            Opening::Choose(PointerProblem::Dangling),
        ),
        (
            Some("{}"),
            ids(&["a1"]),
            Opening::Choose(PointerProblem::Unreadable),
        ),
        (
            Some(""),
            ids(&["a1"]),
            Opening::Choose(PointerProblem::Unreadable),
        ),
        (
            Some(&four_mib),
            ids(&["a1"]),
            Opening::Choose(PointerProblem::Unreadable),
        ),
        (
            Some("{}"),
            ids(&[]),
            Opening::Choose(PointerProblem::Unreadable),
        ),
        (None, ids(&["a1"]), Opening::Choose(PointerProblem::Missing)),
    ];
    for (pointer, ids, expected) in cases {
        let shown = pointer.map(|p| p.get(..20).unwrap_or(p));
        assert_eq!(opening(pointer, &ids), expected, "{shown:?} among {ids:?}");
    }
    assert!(is_plausible_id("a17329876543210042") && !is_plausible_id("a b"));
}

#[test]
fn the_most_recently_updated_readable_assessment_is_chosen() {
    let pair = |id: &str, at: &str| (id.to_string(), at.to_string());
    assert_eq!(most_recent(&[]), None);
    let list = [
        pair("a1", "2026-11-28T10:00:00.000Z"),
        pair("a2", "2026-11-29T09:00:00.000Z"),
        pair("a3", ""),
    ];
    assert_eq!(most_recent(&list), Some("a2"));
    assert_eq!(most_recent(&list[2..]), Some("a3"));
}
