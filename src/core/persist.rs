//! What the autosave does with a change, and which saved assessment opens at start: pure
//! decisions, so "nothing saved is lost" is tested natively (tests/persist.rs), not only in
//! a browser. The UI reads and writes storage; these functions only decide.
//!
//! Invariant: nothing stored is ever written over unless it is this tab's own last write,
//! or a byte-identical copy of it was set aside first.

use super::answers::{AnswerError, Assessment};

/// What to do with the current assessment's JSON (`mine`).
#[derive(Debug, Clone, PartialEq)]
pub enum SaveAction {
    /// Storage already holds exactly `mine`.
    AlreadySaved,
    /// A blank assessment, and nothing of ours stored under its key (nothing at all, or
    /// someone else's data): nothing is written.
    SkipBlank,
    /// Write `mine` (storage holds nothing, or what this tab last wrote or loaded).
    Write,
    /// Another tab wrote a readable version since this tab last wrote: nothing is written,
    /// the user chooses.
    Conflict(Box<Assessment>),
    /// Someone wrote data this version cannot read; a byte-identical copy was set aside,
    /// so `mine` may be written over it.
    WriteAfterBackup(AnswerError),
    /// Someone wrote data this version cannot read, and no copy could be set aside: it is
    /// left where it is, and `mine` is written under a new key instead.
    Relocate(AnswerError),
}

/// Decides what the autosave does. `stored` is what storage holds under the assessment's
/// key now, `last_written` what this tab last wrote or loaded there, `mine` the current
/// assessment's JSON and `blank` whether it is [`Assessment::is_blank`]. `back_up` tries to
/// copy the stored value aside and says whether it worked; it is called only when the
/// stored value is unreadable and would otherwise be written over.
pub fn decide(
    stored: Option<&str>,
    last_written: Option<&str>,
    mine: &str,
    blank: bool,
    back_up: impl FnOnce() -> bool,
) -> SaveAction {
    if stored == Some(mine) {
        return SaveAction::AlreadySaved;
    }
    let theirs = stored.filter(|s| Some(*s) != last_written);
    if blank && (stored.is_none() || theirs.is_some()) {
        return SaveAction::SkipBlank;
    }
    let Some(text) = theirs else {
        return SaveAction::Write;
    };
    match Assessment::from_json(text) {
        Ok(a) => SaveAction::Conflict(Box::new(a)),
        Err(e) if back_up() => SaveAction::WriteAfterBackup(e),
        Err(e) => SaveAction::Relocate(e),
    }
}

/// Why the "current" pointer could not be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerProblem {
    /// Its value is not an id (e.g. `null`, `{}`, megabytes of text).
    Unreadable,
    /// It names an assessment that is not stored.
    Dangling,
    /// There is none, but assessments are stored (none of them the first, `default`).
    Missing,
}

/// Which assessment opens at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// This one (it may still turn out unreadable: then its own notice says so).
    Open(String),
    /// The pointer cannot be followed: open the most recently updated readable assessment
    /// (see [`most_recent`]) and say why.
    Choose(PointerProblem),
}

/// The id of the assessment a new browser starts with.
pub const FIRST_ID: &str = "default";

/// Whether `s` can be an assessment id: 1 to 64 ASCII letters, digits, `-` or `_` (the UI
/// makes `default` and `a` followed by digits).
pub fn is_plausible_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Follows the "current" pointer (`pointer`, as stored) among the stored assessment ids.
/// With nothing stored there is nothing to find, so the first assessment opens silently.
pub fn opening(pointer: Option<&str>, ids: &[String]) -> Opening {
    let stored = |id: &str| ids.iter().any(|i| i == id);
    match pointer {
        Some(p) if is_plausible_id(p) && stored(p) => Opening::Open(p.to_string()),
        Some(p) if is_plausible_id(p) && ids.is_empty() => Opening::Open(FIRST_ID.into()),
        Some(p) if is_plausible_id(p) => Opening::Choose(PointerProblem::Dangling),
        Some(_) => Opening::Choose(PointerProblem::Unreadable),
        None if ids.is_empty() || stored(FIRST_ID) => Opening::Open(FIRST_ID.into()),
        None => Opening::Choose(PointerProblem::Missing),
    }
}

/// The id of the most recently updated of `readable` (`(id, updated)` pairs, `updated` an
/// ISO-8601 timestamp, so text order is time order); ties go to the first listed.
pub fn most_recent(readable: &[(String, String)]) -> Option<&str> {
    readable
        .iter()
        .fold(None::<&(String, String)>, |best, c| match best {
            Some(b) if b.1 >= c.1 => Some(b),
            _ => Some(c),
        })
        .map(|c| c.0.as_str())
}
