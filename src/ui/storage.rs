//! The browser's localStorage, reached safely: storage may be missing or blocked (private
//! mode, a third-party iframe whose storage the browser partitions or blocks), full, or hold
//! data this version cannot read.
//!
//! Invariants: nothing saved is ever lost (an unreadable value is copied to a backup key
//! before anything is written over it); no call here can throw into WebAssembly (we use
//! `web_sys::Storage` through `Result`s, never an `unwrap_throw`).

use gloo_storage::{LocalStorage, Storage as _};

use crate::core::answers::Assessment;

pub const PREFIX: &str = "soc-readiness.v1.";
const ASSESSMENT: &str = "soc-readiness.v1.assessment.";
const BACKUP: &str = "soc-readiness.v1.unreadable.";
const CURRENT: &str = "soc-readiness.v1.current";
const LANG: &str = "soc-readiness.v1.lang";

/// Why a write failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's quota for this site is used up.
    Full,
    /// No storage at all (blocked or unavailable).
    Unavailable,
    Other(String),
}

/// A handle on localStorage, or on nothing when the browser refuses it.
#[derive(Clone)]
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// The test write at opening failed because the quota is used up: reads still work.
    full: bool,
}

/// The kind of a failed `setItem`.
fn write_error(e: &wasm_bindgen::JsValue) -> WriteError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        WriteError::Full
    } else {
        WriteError::Other(name)
    }
}

impl Store {
    /// Opens localStorage and proves it works with a write and a removal: a partitioned
    /// or blocked storage may exist but refuse writes. A full one is still storage: what
    /// is saved can be read (and exported), only new writes fail.
    pub fn open() -> Store {
        let mut full = false;
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                let probe = format!("{PREFIX}probe");
                let written = s.set_item(&probe, "1");
                let _ = s.remove_item(&probe);
                full = matches!(&written, Err(e) if write_error(e) == WriteError::Full);
                written.is_ok() || full
            });
        Store { storage, full }
    }

    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// Storage was full when the app started.
    pub fn full_at_open(&self) -> bool {
        self.full
    }

    pub fn read(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn write(&self, key: &str, value: &str) -> Result<(), WriteError> {
        let Some(s) = &self.storage else {
            return Err(WriteError::Unavailable);
        };
        s.set_item(key, value).map_err(|e| write_error(&e))
    }

    pub fn remove(&self, key: &str) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(key);
        }
    }

    /// Every key of ours (with [`PREFIX`]).
    pub fn keys(&self) -> Vec<String> {
        let Some(s) = &self.storage else {
            return Vec::new();
        };
        let n = s.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(PREFIX))
            .collect()
    }

    /// Saves an assessment under its id; returns the JSON written.
    pub fn save_assessment(&self, a: &Assessment) -> Result<String, WriteError> {
        if self.storage.is_none() {
            return Err(WriteError::Unavailable);
        }
        let json = a.to_json();
        self.write(&assessment_key(&a.id), &json)?;
        Ok(json)
    }

    pub fn current_id(&self) -> Option<String> {
        self.read(CURRENT)
    }

    pub fn set_current_id(&self, id: &str) {
        let _ = self.write(CURRENT, id);
    }

    /// The language the user chose last time (through gloo-storage, which is safe to call
    /// only once storage is known to work: its handle throws otherwise).
    pub fn saved_lang(&self) -> Option<String> {
        self.available()
            .then(|| LocalStorage::get::<String>(LANG).ok())
            .flatten()
    }

    pub fn save_lang(&self, code: &str) {
        if self.available() {
            let _ = LocalStorage::set(LANG, code);
        }
    }

    /// Copies an unreadable value to a new backup key and returns that key; the original
    /// key is removed only once the copy is proven byte-identical (read back and compared).
    pub fn back_up(&self, key: &str, text: &str) -> Option<String> {
        let backup = format!("{BACKUP}{}", js_sys::Date::now() as u64);
        self.write(&backup, text).ok()?;
        if self.read(&backup).as_deref() != Some(text) {
            return None;
        }
        self.remove(key);
        Some(backup)
    }

    /// Unreadable data kept so far, as (key, text): the backups, and saved assessments this
    /// version cannot read that were left where they lie (no copy could be made).
    pub fn unreadable(&self) -> Vec<(String, String)> {
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(BACKUP) || k.starts_with(ASSESSMENT))
            .filter_map(|k| self.read(&k).map(|t| (k, t)))
            .filter(|(k, t)| k.starts_with(BACKUP) || Assessment::from_json(t).is_err())
            .collect()
    }

    /// Ids of the saved assessments.
    pub fn assessment_ids(&self) -> Vec<String> {
        self.keys()
            .into_iter()
            .filter_map(|k| k.strip_prefix(ASSESSMENT).map(str::to_string))
            .collect()
    }

    /// Erases everything this app stored.
    pub fn erase_all(&self) {
        for k in self.keys() {
            self.remove(&k);
        }
    }
}

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT}{id}")
}
