//! Saving and restoring the assessment in localStorage (gloo-storage).
//!
//! Invariant: nothing saved is ever lost. A saved value that cannot be read is copied to a
//! backup key before anything new is written, and the user is told.

use gloo_storage::{LocalStorage, Storage};

use crate::core::answers::{AnswerError, Assessment};
use crate::core::bank::Bank;

const KEY: &str = "soc-readiness.v1.assessment.default";
const BACKUP_PREFIX: &str = "soc-readiness.v1.unreadable.";

/// The assessment to start with, and the problem found in storage, if any.
pub fn load(bank: &Bank) -> (Assessment, Option<AnswerError>) {
    let raw = LocalStorage::raw().get_item(KEY).ok().flatten();
    match raw.map(|s| (Assessment::from_json(&s), s)) {
        None => (Assessment::new(bank), None),
        Some((Ok(a), _)) => (a, None),
        Some((Err(e), text)) => {
            let stamp = js_sys::Date::now() as u64;
            // Keep the unreadable copy; if even that fails, leave the original key alone.
            if LocalStorage::raw()
                .set_item(&format!("{BACKUP_PREFIX}{stamp}"), &text)
                .is_ok()
            {
                LocalStorage::delete(KEY);
            }
            (Assessment::new(bank), Some(e))
        }
    }
}

pub fn save(assessment: &Assessment) -> Result<(), String> {
    LocalStorage::set(KEY, assessment).map_err(|e| e.to_string())
}
