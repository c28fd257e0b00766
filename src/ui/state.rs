//! The session: the bank in use, the language, the assessment being edited and everything
//! derived from it. One typed context, provided at the root (`use_session()`).
//!
//! Derive, don't sync: `scores` is a Memo of the assessment; nothing keeps a second copy.
//! Effects only reach the outside world: saving, `<html lang>`, the title, other tabs.

use leptos::prelude::*;

use super::storage::{assessment_key, Store, WriteError};
use super::strings::Msg;
use crate::core::answers::{AnswerError, Assessment};
use crate::core::bank::Bank;
use crate::core::persist::{decide, most_recent, opening, Opening, PointerProblem, SaveAction};
use crate::core::provider_reports::Date;
use crate::core::scoring::{score, Results, Scores};
use crate::core::text::Lang;

/// Something the user should know about their data, shown until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A saved assessment could not be read; where its bytes are now.
    Unreadable { error: AnswerError, kept: Kept },
    /// The record of the assessment open last time could not be followed; the most recently
    /// updated readable one was opened instead.
    OpenedInstead(PointerProblem),
    /// That record could not be read and no saved assessment was found: a new one started.
    PointerLost,
    /// Storage was full at start: the saved work opened, but changes cannot be stored.
    FullAtStart,
    /// Answers to questions this bank does not have were moved to the archive.
    Archived(usize),
    /// Archived answers came back because the bank has their questions again.
    Restored(usize),
    /// Nothing can be stored in this browser (blocked or unavailable storage).
    NoStorage,
    /// The last change could not be saved.
    SaveFailed(WriteError),
    /// Another tab changed this assessment; its version was loaded.
    UpdatedElsewhere,
    /// Another tab changed this assessment while this tab had a change of its own.
    Conflict,
    /// Another tab deleted this assessment; it lives on in this tab only.
    DeletedElsewhere,
    /// A plain confirmation after an action (import, erase…), shown in the current language.
    Done(Msg),
}

/// Where the bytes of an unreadable saved assessment are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Copied, byte for byte, to a backup key.
    BackedUp,
    /// No copy fitted: left under its own key, which is no longer written; the user's new
    /// work is saved as a new assessment.
    LeftInPlace,
}

/// A saved assessment as listed on the data page.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: String,
    pub name: String,
    pub updated: String,
    pub answered: usize,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub bank: &'static Bank,
    pub lang: RwSignal<Lang>,
    pub assessment: RwSignal<Assessment>,
    pub scores: Memo<Scores>,
    /// The two results (reliance, own SOC 2), derived from the scores.
    pub results: Memo<Results>,
    /// The sections (domains with a question asked), derived from the scores.
    pub sections: Memo<Vec<&'static str>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The assessments stored in this browser (refreshed after every change to the list).
    pub saved: RwSignal<Vec<Saved>>,
    /// The other tab's version while a conflict is unresolved.
    pub conflict: RwSignal<Option<Assessment>>,
    store: StoredValue<Store, LocalStorage>,
    /// The JSON this tab last wrote or loaded for the current assessment: a different value
    /// in storage means another tab wrote it.
    last_written: StoredValue<Option<String>>,
}

pub fn use_session() -> Session {
    expect_context()
}

pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Today's date in the user's time zone, for the provider-report checks.
pub fn today_date() -> Option<Date> {
    let d = js_sys::Date::new_0();
    Date::parse(&format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    ))
}

fn new_id() -> String {
    format!(
        "a{}{:04}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 10000.0) as u32
    )
}

impl Session {
    /// Restores the current assessment (or starts one), reporting whatever was wrong.
    pub fn start(bank: &'static Bank, lang: RwSignal<Lang>) -> Session {
        let store = Store::open();
        let mut notices = Vec::new();
        if !store.available() {
            notices.push(Notice::NoStorage);
        } else if store.full_at_open() {
            notices.push(Notice::FullAtStart);
        }
        let id = current_id(&store, &mut notices);
        let (assessment, raw) = load(&store, bank, &id, &mut notices);
        let assessment = RwSignal::new(assessment);
        let scores = Memo::new(move |_| assessment.with(|a| score(bank, a)));
        let today = today_date();
        let results = Memo::new(move |_| {
            scores.with(|s| assessment.with(|a| Results::of(bank, a, s, today)))
        });
        let sections = Memo::new(move |_| scores.with(|s| s.sections(bank)));
        let session = Session {
            bank,
            lang,
            assessment,
            scores,
            results,
            sections,
            notices: RwSignal::new(notices),
            saved: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            store: StoredValue::new_local(store),
            last_written: StoredValue::new(raw),
        };
        session.refresh_saved();
        session.autosave();
        session.follow_other_tabs();
        session
    }

    /// Applies a change to the assessment and stamps it.
    pub fn edit(&self, f: impl FnOnce(&mut Assessment)) {
        self.assessment.update(|a| {
            f(a);
            a.updated = now_iso();
        });
    }

    pub fn notify(&self, n: Notice) {
        self.notices.update(|list| {
            if !list.contains(&n) {
                list.push(n)
            }
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.notices.update(|list| {
            if index < list.len() {
                list.remove(index);
            }
        });
    }

    /// Every change is written at once (see [`Session::save_now`]).
    fn autosave(self) {
        Effect::new(move |_| {
            self.assessment.track();
            self.conflict.track();
            self.save_now();
        });
    }

    /// Writes the current assessment now, as `core::persist::decide` says. Before writing,
    /// the stored value is compared with what this tab last wrote: if another tab wrote in
    /// between, nothing is overwritten and the user chooses (see `resolve_conflict`); data
    /// this version cannot read is written over only once a byte-identical copy is kept,
    /// and otherwise left where it is while the work goes on under a new key.
    pub fn save_now(&self) {
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let store = self.store.get_value();
        if !store.available() {
            return;
        }
        // Borrowed, not cloned: an answer click serialises the assessment once.
        let (id, name, mine, blank) = self
            .assessment
            .with_untracked(|a| (a.id.clone(), a.name.clone(), a.to_json(), a.is_blank()));
        let key = assessment_key(&id);
        let stored = store.read(&key);
        let action = self.last_written.with_value(|last| {
            decide(stored.as_deref(), last.as_deref(), &mine, blank, || {
                stored
                    .as_deref()
                    .and_then(|text| store.back_up(&key, text))
                    .is_some()
            })
        });
        match action {
            SaveAction::AlreadySaved => {
                self.last_written.set_value(stored);
                return;
            }
            SaveAction::SkipBlank => return,
            SaveAction::Conflict(theirs) => {
                self.conflict.set(Some(*theirs));
                self.notify(Notice::Conflict);
                return;
            }
            SaveAction::Relocate(error) => {
                self.notify(Notice::Unreadable {
                    error,
                    kept: Kept::LeftInPlace,
                });
                self.last_written.set_value(None);
                self.assessment.update(|a| a.id = new_id());
                self.save_now();
                return;
            }
            SaveAction::WriteAfterBackup(error) => self.notify(Notice::Unreadable {
                error,
                kept: Kept::BackedUp,
            }),
            SaveAction::Write => {}
        }
        match store.write(&key, &mine) {
            Ok(()) => {
                self.last_written.set_value(Some(mine));
                // The assessment last edited in this browser opens next time (another tab
                // may have made a different one current meanwhile).
                if store.current_id().as_deref() != Some(id.as_str()) {
                    store.set_current_id(&id);
                }
                // The list of saved assessments changes only with a new id or a new name.
                let listed = self
                    .saved
                    .with_untracked(|l| l.iter().any(|s| s.id == id && s.name == name));
                if !listed {
                    self.refresh_saved();
                }
                let failed_before = self.notices.with_untracked(|l| {
                    l.iter()
                        .any(|n| matches!(n, Notice::SaveFailed(_) | Notice::FullAtStart))
                });
                if failed_before {
                    self.notices.update(|l| {
                        l.retain(|n| !matches!(n, Notice::SaveFailed(_) | Notice::FullAtStart))
                    });
                }
            }
            // Full since the start: that notice already says changes are not stored.
            Err(WriteError::Full)
                if self
                    .notices
                    .with_untracked(|l| l.contains(&Notice::FullAtStart)) => {}
            Err(e) => self.notify(Notice::SaveFailed(e)),
        }
    }

    /// Another tab's write to the current assessment: adopt it when this tab has nothing
    /// unsaved; otherwise it becomes a conflict the user resolves.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |e| {
            let Some(key) = e.key() else { return };
            let current = self.assessment.with_untracked(|a| assessment_key(&a.id));
            if key != current {
                if key.starts_with(super::storage::PREFIX) {
                    self.refresh_saved();
                }
                return;
            }
            match e.new_value() {
                None => self.notify(Notice::DeletedElsewhere),
                Some(v) if Some(&v) == self.last_written.get_value().as_ref() => {}
                // Unreadable data is not a version the user could choose: the next save
                // keeps a copy of it (or leaves it in place) and says so, see `save_now`.
                Some(v) => {
                    if let Ok(theirs) = Assessment::from_json(&v) {
                        let mine = self.assessment.with_untracked(Assessment::to_json);
                        if Some(mine) == self.last_written.get_value() {
                            self.last_written.set_value(Some(v));
                            self.assessment.set(theirs);
                            self.notify(Notice::UpdatedElsewhere);
                        } else {
                            self.conflict.set(Some(theirs));
                            self.notify(Notice::Conflict);
                        }
                    }
                }
            }
            self.refresh_saved();
        });
        on_cleanup(move || handle.remove());
    }

    /// Resolves a conflict: keep the other tab's version, or keep this tab's (the other
    /// version is then saved as a copy, so neither is lost).
    pub fn resolve_conflict(&self, keep_mine: bool) {
        let Some(theirs) = self.conflict.get_untracked() else {
            return;
        };
        let store = self.store.get_value();
        if keep_mine {
            let mut copy = theirs;
            copy.id = new_id();
            copy.name = format!(
                "{} ({})",
                copy.name,
                now_iso().get(..16).unwrap_or_default()
            );
            let _ = store.save_assessment(&copy);
            let stored = store.read(&assessment_key(
                &self.assessment.with_untracked(|a| a.id.clone()),
            ));
            self.last_written.set_value(stored);
        } else {
            self.last_written.set_value(Some(theirs.to_json()));
            self.assessment.set(theirs);
        }
        self.notices
            .update(|l| l.retain(|n| *n != Notice::Conflict));
        self.conflict.set(None);
        // Re-run the save with the conflict cleared.
        self.assessment.update(|_| {});
        self.refresh_saved();
    }

    pub fn refresh_saved(&self) {
        let store = self.store.get_value();
        let bank = self.bank;
        let mut list: Vec<Saved> = store
            .assessment_ids()
            .into_iter()
            .filter_map(|id| {
                let a = Assessment::from_json(&store.read(&assessment_key(&id))?).ok()?;
                Some(Saved {
                    id,
                    name: a.name.clone(),
                    updated: a.updated.clone(),
                    answered: a.completion(bank).answered,
                })
            })
            .collect();
        list.sort_by(|a, b| b.updated.cmp(&a.updated));
        self.saved.set(list);
    }

    /// A saved assessment, read without opening it (for comparisons); `None` when it
    /// cannot be read.
    pub fn peek(&self, id: &str) -> Option<Assessment> {
        let text = self.store.with_value(|s| s.read(&assessment_key(id)))?;
        let mut a = Assessment::from_json(&text).ok()?;
        a.reconcile(self.bank);
        Some(a)
    }

    /// Makes another saved assessment the current one.
    pub fn switch_to(&self, id: &str) {
        let store = self.store.get_value();
        let mut notices = Vec::new();
        let (a, raw) = load(&store, self.bank, id, &mut notices);
        self.last_written.set_value(raw);
        self.conflict.set(None);
        self.assessment.set(a);
        store.set_current_id(id);
        for n in notices {
            self.notify(n);
        }
    }

    /// Starts a new, empty assessment and makes it current.
    pub fn create(&self, name: &str) {
        let mut a = Assessment::new(self.bank);
        a.id = new_id();
        a.name = name.to_string();
        a.created = now_iso();
        a.updated = a.created.clone();
        self.adopt(a);
    }

    /// Adds an assessment (a duplicate, an import) as a new saved one and makes it current.
    pub fn adopt(&self, mut a: Assessment) {
        if a.id.is_empty()
            || self
                .saved
                .with_untracked(|l| l.iter().any(|s| s.id == a.id))
        {
            a.id = new_id();
        }
        self.last_written.set_value(None);
        self.conflict.set(None);
        self.assessment.set(a);
        self.refresh_saved();
    }

    pub fn duplicate(&self, name: &str) {
        let mut copy = self.assessment.get_untracked();
        copy.id = new_id();
        copy.name = name.to_string();
        copy.created = now_iso();
        self.adopt(copy);
    }

    /// Deletes a saved assessment; deleting the current one switches to another or to a
    /// new empty one.
    pub fn delete(&self, id: &str) {
        let store = self.store.get_value();
        store.remove(&assessment_key(id));
        self.refresh_saved();
        if self.assessment.with_untracked(|a| a.id == id) {
            match self.saved.get_untracked().first() {
                Some(next) => self.switch_to(&next.id.clone()),
                None => {
                    let mut a = Assessment::new(self.bank);
                    a.id = new_id();
                    a.created = now_iso();
                    self.last_written.set_value(None);
                    self.assessment.set(a);
                }
            }
        }
    }

    /// Erases every key this app stored, then starts afresh in memory.
    pub fn erase_everything(&self) {
        self.store.with_value(Store::erase_all);
        let mut a = Assessment::new(self.bank);
        a.id = "default".into();
        self.last_written.set_value(None);
        self.conflict.set(None);
        self.notices.set(Vec::new());
        self.assessment.set(a);
        self.refresh_saved();
    }

    /// Unreadable saved data, as (key, text), for download.
    pub fn unreadable(&self) -> Vec<(String, String)> {
        self.store.with_value(Store::unreadable)
    }
}

/// The id of the assessment to open: the one the "current" pointer names, or, when it
/// cannot be followed, the most recently updated readable one (and a notice why).
fn current_id(store: &Store, notices: &mut Vec<Notice>) -> String {
    let ids = store.assessment_ids();
    let why = match opening(store.current_id().as_deref(), &ids) {
        Opening::Open(id) => return id,
        Opening::Choose(why) => why,
    };
    let readable: Vec<(String, String)> = ids
        .iter()
        .filter_map(|id| {
            let a = Assessment::from_json(&store.read(&assessment_key(id))?).ok()?;
            Some((id.clone(), a.updated))
        })
        .collect();
    if let Some(id) = most_recent(&readable) {
        notices.push(Notice::OpenedInstead(why));
        return id.to_string();
    }
    match ids.first() {
        // Only unreadable ones: opening one says so (and keeps it).
        Some(id) => id.clone(),
        None => {
            notices.push(Notice::PointerLost);
            crate::core::persist::FIRST_ID.to_string()
        }
    }
}

/// Reads one assessment, backing up what cannot be read, and reconciling it with the bank.
fn load(
    store: &Store,
    bank: &Bank,
    id: &str,
    notices: &mut Vec<Notice>,
) -> (Assessment, Option<String>) {
    let key = assessment_key(id);
    let fresh = || {
        let mut a = Assessment::new(bank);
        a.id = id.to_string();
        a.created = now_iso();
        a
    };
    let Some(text) = store.read(&key) else {
        return (fresh(), None);
    };
    match Assessment::from_json(&text) {
        Ok(mut a) => {
            // The key decides which assessment this is: an id inside that names another
            // (a hand-edited or copied value) must not make this one write over that one.
            a.id = id.to_string();
            let r = a.reconcile(bank);
            if !r.archived.is_empty() {
                notices.push(Notice::Archived(r.archived.len()));
            }
            if !r.restored.is_empty() {
                notices.push(Notice::Restored(r.restored.len()));
            }
            // What is stored is what this tab loaded; a reconciled version differs and is
            // written back by the autosave.
            (a, Some(text))
        }
        Err(error) => {
            let mut a = fresh();
            let kept = match store.back_up(&key, &text) {
                Some(_) => Kept::BackedUp,
                // No copy fits: the value stays where it is, and new work goes under a new
                // key, so nothing ever writes over it.
                None => {
                    a.id = new_id();
                    Kept::LeftInPlace
                }
            };
            notices.push(Notice::Unreadable { error, kept });
            (a, None)
        }
    }
}

/// The saved language preference, for the start-up language choice.
pub fn saved_lang() -> Option<Lang> {
    Store::open().saved_lang().and_then(|c| Lang::parse(&c))
}
