//! Disclosures. `<details>` whose content is built when it is first opened: most are never opened, and
//! building them all would make every page that has them slower to render (question
//! guidance, note fields, the gaps behind a report's score, "why this score").

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::guidance::{has_guidance, use_guidance};
use super::strings::{t, tr, Msg};
use crate::core::bank::{Bank, Item};
use crate::core::html::Escaped;
use crate::core::text::Lang;

/// The technical detail of a refusal (a parser's words, already shortened by
/// `core::detail`), folded behind "Details" under the plain sentence the user reads.
pub fn error_detail(lang: RwSignal<Lang>, detail: Option<String>) -> impl IntoView {
    detail.map(|d| {
        view! {
            <details class="error-detail">
                <summary>{tr(lang, Msg::Details)}</summary>
                <code>{d}</code>
            </details>
        }
    })
}

/// The `toggle` handler of such a `<details>`: sets `opened` the first time it opens (and
/// leaves it set, so the content is built once and kept).
pub fn on_first_open(opened: RwSignal<bool>) -> impl FnMut(leptos::ev::Event) + Clone + 'static {
    move |ev: leptos::ev::Event| {
        if opened_details(&ev).is_some() && !opened.get_untracked() {
            opened.set(true);
        }
    }
}

/// The `toggle` handler of a `<details>` whose content is static text: the first time it
/// opens, `html()` (escaped markup, see `core::html`) is appended after its `<summary>`. No
/// reactive node per `<details>`: a section has three of these per question.
pub fn fill_on_first_open(
    html: impl Fn() -> Escaped + Clone + 'static,
) -> impl FnMut(leptos::ev::Event) + Clone + 'static {
    move |ev: leptos::ev::Event| {
        // Filled once: afterwards it holds more than its summary.
        if let Some(details) = opened_details(&ev).filter(|d| d.child_element_count() <= 1) {
            append(&details, &html());
        }
    }
}

/// Appends escaped markup to `details`: the one raw-HTML call, which takes only an
/// `Escaped` (clippy.toml forbids the rest).
fn append(details: &web_sys::HtmlDetailsElement, html: &Escaped) {
    #[allow(clippy::disallowed_methods)]
    let _ = details.insert_adjacent_html("beforeend", html.as_str());
}

/// [`fill_on_first_open`] for guidance, which may have to be downloaded first
/// (`guidance.rs`): a status line says so meanwhile, and says so if the download fails.
/// `html` is given the item as the bank with guidance has it.
pub fn fill_guidance_on_first_open(
    base: &'static Bank,
    item_id: &'static str,
    lang: Lang,
    html: impl Fn(&Item) -> Escaped + Clone + 'static,
) -> impl FnMut(leptos::ev::Event) + Clone + 'static {
    let guidance = use_guidance();
    move |ev: leptos::ev::Event| {
        let Some(details) = opened_details(&ev) else {
            return;
        };
        // A download that failed left its message: opening again tries again.
        if let Ok(Some(failed)) = details.query_selector(".guidance-status[data-failed]") {
            failed.remove();
        }
        if details.child_element_count() > 1 {
            return;
        }
        let html = html.clone();
        let fill = move |details: &web_sys::HtmlDetailsElement, bank: &'static Bank| {
            if let Some(item) = bank.item(item_id) {
                append(details, &html(item));
            }
        };
        if has_guidance(base, lang) {
            return fill(&details, base);
        }
        let mut status = Escaped::default();
        status.element("p", "guidance-status", t(lang, Msg::GuidanceLoading));
        append(&details, &status);
        let _ = details.set_attribute("aria-busy", "true");
        spawn_local(async move {
            let loaded = guidance.load(lang).await;
            let _ = details.remove_attribute("aria-busy");
            match loaded {
                Some(bank) => {
                    if let Some(p) = details.query_selector(".guidance-status").ok().flatten() {
                        p.remove();
                    }
                    fill(&details, bank);
                }
                None => {
                    if let Some(p) = details.query_selector(".guidance-status").ok().flatten() {
                        p.set_text_content(Some(t(lang, Msg::GuidanceMissing)));
                        let _ = p.set_attribute("role", "alert");
                        let _ = p.set_attribute("data-failed", "");
                    }
                }
            }
        });
    }
}

/// The `<details>` a `toggle` event is for, when the toggle opened it.
fn opened_details(ev: &leptos::ev::Event) -> Option<web_sys::HtmlDetailsElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .filter(|d| d.open())
}
