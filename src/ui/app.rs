//! The root component: loads the bank, restores the assessment, provides both to the tree.

use leptos::prelude::*;

use super::fatal;
use super::question::QuestionCard;
use super::storage;
use super::strings::{t, Msg};
use crate::core::bank::Bank;
use crate::core::default_bank::default_bank;
use crate::core::text::Lang;

/// The language from `?lang=`, then the browser's preferred languages; English otherwise.
fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|l| Lang::parse(&l));
    from_query
        .or_else(|| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .find_map(|l| Lang::parse(&l))
        })
        .unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    // Effects touch only the outside world: <html lang> and the document title.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", l.tag());
            }
            doc.set_title(t(l, Msg::AppTitle));
        }
    });
    fatal::maybe_selftest_panic();

    view! {
        <header class="site-header">
            <h1 class="app-title">{move || t(lang.get(), Msg::AppTitle)}</h1>
            <LanguageSwitch lang=lang />
        </header>
        <main id="main">
            {match default_bank() {
                Ok(bank) => view! { <AssessmentView bank=bank lang=lang /> }.into_any(),
                Err(errors) => view! { <BankErrors errors=errors lang=lang /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn LanguageSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <div class="lang-switch" role="group" aria-label=move || t(lang.get(), Msg::Language)>
            <button type="button" lang="en" aria-pressed=move || (lang.get() == Lang::En).to_string()
                on:click=move |_| lang.set(Lang::En)>"English"</button>
            <button type="button" lang="zh-CN" aria-pressed=move || (lang.get() == Lang::Zh).to_string()
                on:click=move |_| lang.set(Lang::Zh)>"中文"</button>
        </div>
    }
}

#[component]
fn BankErrors(
    errors: &'static [crate::core::bank::BankError],
    lang: RwSignal<Lang>,
) -> impl IntoView {
    view! {
        <section class="bank-errors" role="alert">
            <h2>{move || t(lang.get(), Msg::BankInvalid)}</h2>
            <ul>
                {move || errors.iter().map(|e| view! { <li>{e.message(lang.get())}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn AssessmentView(bank: &'static Bank, lang: RwSignal<Lang>) -> impl IntoView {
    let (restored, problem) = storage::load(bank);
    let assessment = RwSignal::new(restored);
    let save_error = RwSignal::new(false);
    // Autosave: every change is written at once.
    Effect::new(move |_| {
        let ok = assessment.with(storage::save).is_ok();
        save_error.set(!ok);
    });
    let started = RwSignal::new(false);
    let first = bank.items.first();

    view! {
        {problem.map(|e| view! {
            <p class="notice" role="status">
                {move || t(lang.get(), Msg::StorageUnreadable)} " " {move || e.message(lang.get())}
            </p>
        })}
        <Show when=move || save_error.get()>
            <p class="notice notice-error" role="alert">{move || t(lang.get(), Msg::SaveFailed)}</p>
        </Show>
        <section class="welcome" aria-labelledby="welcome-heading">
            <h2 id="welcome-heading">{move || t(lang.get(), Msg::WelcomeHeading)}</h2>
            <p>{move || t(lang.get(), Msg::WelcomeWhat)}</p>
            <p>{move || t(lang.get(), Msg::WelcomeTime)}</p>
            <p class="privacy">{move || t(lang.get(), Msg::WelcomePrivacy)}</p>
            <Show when=move || !started.get()>
                <button type="button" class="primary" on:click=move |_| started.set(true)>
                    {move || t(lang.get(), Msg::Start)}
                </button>
            </Show>
        </section>
        <Show when=move || started.get() || assessment.with(|a| !a.answers.is_empty())>
            {first.map(|item| view! {
                <section class="questions" aria-labelledby="first-q">
                    <h2 id="first-q">{move || t(lang.get(), Msg::FirstQuestionHeading)}</h2>
                    <QuestionCard bank=bank item=item assessment=assessment lang=lang />
                </section>
            })}
        </Show>
    }
}
