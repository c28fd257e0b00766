//! The UI's words at run time. The texts themselves are in `crate::ui_text` (keys and both
//! languages, checked by the compiler); the web build downloads one language's file before
//! the app starts ([`load`]) and another's when the visitor switches to it
//! ([`switch_language`]). Native builds (tests) read the texts as written.

use std::cell::RefCell;

use leptos::prelude::{Get, RwSignal, Set};

use crate::core::text::Lang;
pub use crate::ui_text::{Msg, ALL};

thread_local! {
    /// Each language's texts once downloaded, in key order; kept for the page's life.
    static LOADED: RefCell<[Option<&'static [String]>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

/// The text of `msg` in `lang` (in the other language while `lang` is not downloaded yet,
/// which [`switch_language`] avoids).
#[cfg(target_arch = "wasm32")]
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    LOADED.with(|l| {
        let l = l.borrow();
        l[slot(lang)]
            .or(l[1 - slot(lang)])
            .and_then(|texts| texts.get(msg as usize))
            .map_or("", |s| s.as_str())
    })
}

/// The text of `msg` in `lang` (native builds: as written).
#[cfg(not(target_arch = "wasm32"))]
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    crate::ui_text::written(lang, msg)
}

/// Whether `lang`'s texts are here.
pub fn is_loaded(lang: Lang) -> bool {
    cfg!(not(target_arch = "wasm32")) || LOADED.with(|l| l.borrow()[slot(lang)].is_some())
}

/// Downloads `lang`'s texts (public/boot.js has started the download of the visitor's
/// language while the wasm compiled), or reads them from the page (the single file carries
/// both). Done once per language.
pub async fn load(lang: Lang) -> Result<(), String> {
    if is_loaded(lang) {
        return Ok(());
    }
    let path = crate::ui_text::file_path(lang);
    let inline = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("soc-ui-text-{}", lang.code())))
        .and_then(|e| e.text_content());
    let json = match inline {
        Some(json) => json,
        None => super::bank_source::fetch_same_origin(&path, "__socTextPrefetch")
            .await
            .map_err(|_| path.clone())?,
    };
    let texts = crate::ui_text::read_file(&json).map_err(|e| format!("{path}: {e}"))?;
    let texts: &'static [String] = Box::leak(texts.into_boxed_slice());
    LOADED.with(|l| l.borrow_mut()[slot(lang)] = Some(texts));
    Ok(())
}

/// Shows the app in `l`: its texts first (downloaded if need be), then the switch. `false`
/// when they could not be downloaded (the page stays in its language).
pub async fn switch_language(lang: RwSignal<Lang>, l: Lang) -> bool {
    if load(l).await.is_err() {
        return false;
    }
    lang.set(l);
    true
}

/// The text of `msg` in the current language, as a reactive view: `{tr(lang, Msg::Next)}`.
/// Every call returns the same closure type, so Leptos instantiates its text renderer once
/// for all of them instead of once per `move || t(lang.get(), …)` written in place (each of
/// those is its own type, and its own copy of the rendering code in the wasm).
pub fn tr(
    lang: RwSignal<Lang>,
    msg: Msg,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || t(lang.get(), msg)
}

/// The label of a maturity level.
/// An item's criticality, as its badges and tables show it.
pub fn criticality_text(lang: Lang, c: crate::core::bank::Criticality) -> &'static str {
    use crate::core::bank::Criticality::*;
    t(
        lang,
        match c {
            Critical => Msg::Critical,
            High => Msg::High,
            Medium => Msg::Medium,
            Low => Msg::Low,
        },
    )
}

pub fn level_label(lang: Lang, level: u8) -> &'static str {
    let msg = match level {
        0 => Msg::Level0,
        1 => Msg::Level1,
        2 => Msg::Level2,
        3 => Msg::Level3,
        _ => Msg::Level4,
    };
    t(lang, msg)
}

/// The colon that follows a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}
