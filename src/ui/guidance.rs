//! The questions' guidance, downloaded when first needed.
//!
//! The default bank's first download holds no guidance (why, how, evidence, Type II,
//! per-provider steps: `core::bank::pack`). A question's guidance panel, the printed
//! report, the request list, the blank questionnaire, the next steps and the exports read
//! guidance from [`Guidance::bank`]: the page's own bank when it is whole (a provider's
//! bank, a picked file, the single file), else the default bank built with the guidance of
//! the current language, downloaded on first need and kept for the page's life. The
//! session's bank is not replaced: answering never waits for guidance, and an open
//! question keeps its state when the guidance arrives.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bank_source::default_bank;
use crate::core::bank::Bank;
use crate::core::text::Lang;

/// Provided by the app root, so that it outlives a change of bank.
#[derive(Clone, Copy)]
pub struct Guidance {
    /// The default bank with guidance, in the languages asked for so far.
    guided: RwSignal<Option<&'static Bank>>,
    /// The languages asked for so far (a failed one is taken out, to be asked again), so
    /// that a page drawing many guidance panels starts one download, not one per panel.
    asked: StoredValue<Vec<Lang>>,
    /// The last download failed (offline): shown where guidance is missing.
    pub failed: RwSignal<bool>,
    /// A download is under way: a second need waits for it instead of starting another
    /// (a page with every guidance panel opened at once asks dozens of times). Downloads
    /// therefore never overlap, and the last one holds every language asked for.
    busy: StoredValue<bool>,
}

impl Guidance {
    pub fn provide() -> Guidance {
        let g = Guidance {
            guided: RwSignal::new(None),
            asked: StoredValue::new(Vec::new()),
            failed: RwSignal::new(false),
            busy: StoredValue::new(false),
        };
        provide_context(g);
        g
    }

    /// The bank to read `base`'s guidance from in `lang`, reactively: `base` itself when it
    /// is whole, the guided default bank once it holds `lang`, else `None` while it
    /// downloads (the download starts here).
    pub fn bank(self, base: &'static Bank, lang: Lang) -> Option<&'static Bank> {
        if has_guidance(base, lang) {
            return Some(base);
        }
        let guided = self.guided.get().filter(|g| has_guidance(g, lang));
        if guided.is_none() && !self.asked.with_value(|a| a.contains(&lang)) {
            spawn_local(async move {
                let _ = self.load(lang).await;
            });
        }
        guided
    }

    /// [`Guidance::bank`], or `base` (without guidance) until it has arrived.
    pub fn bank_or(self, base: &'static Bank, lang: Lang) -> &'static Bank {
        self.bank(base, lang).unwrap_or(base)
    }

    /// The bank with `base`'s guidance in `lang`, downloaded if need be (`None`: the
    /// download failed; asked again at the next need).
    pub async fn load(self, lang: Lang) -> Option<&'static Bank> {
        while self.busy.get_value() {
            pause().await;
        }
        if let Some(g) = self
            .guided
            .get_untracked()
            .filter(|g| has_guidance(g, lang))
        {
            return Some(g);
        }
        self.busy.set_value(true);
        let loaded = self.download(lang).await;
        self.busy.set_value(false);
        loaded
    }

    async fn download(self, lang: Lang) -> Option<&'static Bank> {
        self.asked.update_value(|a| {
            if !a.contains(&lang) {
                a.push(lang);
            }
        });
        let langs = self.asked.get_value();
        match default_bank(&langs, true).await {
            Ok(bank) => {
                self.failed.set(false);
                self.guided.set(Some(bank));
                Some(bank)
            }
            Err(_) => {
                self.asked.update_value(|a| a.retain(|l| *l != lang));
                self.failed.set(true);
                None
            }
        }
    }
}

/// A short wait (while another download finishes).
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether `bank` holds its guidance in `lang` (a whole bank always does).
pub fn has_guidance(bank: &Bank, lang: Lang) -> bool {
    bank.packs
        .as_ref()
        .is_none_or(|p| p.guidance && p.has(lang))
}

/// The guidance of the page.
pub fn use_guidance() -> Guidance {
    use_context::<Guidance>().unwrap_or_else(Guidance::provide)
}
