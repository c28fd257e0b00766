//! The root: picks the language and the bank (the default one, or a provider's from
//! `?bank=`), then provides the session and renders the current step.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bank_source::{bank_from_url, default_bank, BankProblem};
use super::embed::{apply_branding, use_embed, Embed};
use super::fatal;
use super::guidance::Guidance;
use super::nav::{Sidebar, StepNav};
use super::notices::Notices;
use super::route::{use_step, Step};
use super::state::{saved_lang, Session};
use super::steps::{
    blank::BlankStep, data::DataStep, report::ReportStep, results::ResultsStep, review::ReviewStep,
    scope::ScopeStep, section::SectionStep, shared::SharedView, welcome::Welcome,
};
use super::strings::{t, tr, Msg};
use super::update::UpdateNotice;
use crate::core::bank::{Bank, BankError};
use crate::core::text::Lang;

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// `?lang=`, then the saved preference, then the browser's languages; English otherwise.
pub fn initial_lang() -> Lang {
    query_param("lang")
        .and_then(|l| Lang::parse(&l))
        .or_else(saved_lang)
        .or_else(|| {
            web_sys::window()?
                .navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .find_map(|l| Lang::parse(&l))
        })
        .unwrap_or_default()
}

/// A question bank the user loaded from a file; it replaces the bank of the page until the
/// next reload.
#[derive(Clone, Copy)]
pub struct PickedBank(pub RwSignal<Option<&'static Bank>>);

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    let embed = Embed::from_query();
    provide_context(embed.clone());
    apply_branding(&embed);
    // Effects touch only the outside world: <html lang> and the document title.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", l.tag());
            }
            doc.set_title(t(l, Msg::AppTitle));
            // The installed app's name in the same language (index.html links the en file).
            if let Ok(Some(link)) = doc.query_selector("link[rel=manifest]") {
                let _ = link.set_attribute("href", &format!("manifest.{}.webmanifest", l.code()));
            }
        }
    });
    fatal::maybe_selftest_panic();
    // "Use the standard bank" after a provider's bank failed.
    let use_default = RwSignal::new(false);
    // "Try again" after the bank could not be downloaded.
    let retry = RwSignal::new(0u32);
    // A bank the user picked from a file on the data page (for this visit).
    let picked = PickedBank(RwSignal::new(None));
    provide_context(picked);
    let provider_url = query_param("bank");
    let from_provider = {
        let url = provider_url.clone();
        move || url.is_some() && !use_default.get()
    };
    // The bank is downloaded (public/boot.js starts it while the wasm compiles). The default
    // bank comes as language packs: the visitor's language first; another language's pack
    // when the visitor switches to it (the page keeps the bank it has if that download
    // fails). The default bank is fetched only when no standalone provider bank replaces it.
    let loaded: RwSignal<Option<Result<&'static Bank, BankProblem>>> = RwSignal::new(None);
    let other_language_failed = RwSignal::new(false);
    Guidance::provide();
    super::route::provide_router();
    Effect::new(move |_| {
        retry.track();
        let url = provider_url.clone().filter(|_| !use_default.get());
        let langs = vec![lang.get_untracked()];
        loaded.set(None);
        spawn_local(async move {
            let bank = match url {
                Some(url) => bank_from_url(url).await,
                None => default_bank(&langs, false).await,
            };
            loaded.set(Some(bank));
        });
    });
    Effect::new(move |_| {
        let l = lang.get();
        let Some(Ok(bank)) = loaded.get() else {
            return;
        };
        let Some(packs) = bank.packs.as_ref().filter(|p| !p.has(l)) else {
            return;
        };
        let mut langs = packs.langs.clone();
        langs.push(l);
        spawn_local(async move {
            match default_bank(&langs, false).await {
                Ok(bank) => {
                    other_language_failed.set(false);
                    loaded.set(Some(Ok(bank)));
                }
                Err(_) => other_language_failed.set(true),
            }
        });
    });

    let body = move || {
        if let Some(bank) = picked.0.get() {
            return view! { <Shell bank=bank lang=lang /> }.into_any();
        }
        match loaded.get() {
            None => view! { <p class="loading" role="status">{tr(lang, Msg::LoadingBank)}</p> }
                .into_any(),
            Some(Ok(bank)) => view! { <Shell bank=bank lang=lang /> }.into_any(),
            Some(Err(problem)) if from_provider() => {
                view! { <ProviderBankProblem problem=problem lang=lang use_default=use_default /> }
                    .into_any()
            }
            Some(Err(BankProblem::Invalid(errors))) => {
                view! { <BankErrors errors=errors lang=lang /> }.into_any()
            }
            Some(Err(problem)) => {
                let file = match problem {
                    BankProblem::Fetch(file) | BankProblem::NotSameOrigin(file) => file,
                    BankProblem::Invalid(_) => String::new(),
                };
                view! { <DefaultBankMissing lang=lang retry=retry file=file /> }.into_any()
            }
        }
    };

    view! {
            <a class="skip-link" href="#main">{tr(lang, Msg::SkipToContent)}</a>
            <header class="site-header">
                <p class="app-title">
                    {move || embed.brand.with(|b| b.logo.clone()).map(|src| view! { <img class="brand-logo" src=src alt="" /> })}
                    {move || embed.brand.with(|b| b.provider.clone()).map(|p| view! { <span class="provider-name">{p}</span> })}
                    <span>{tr(lang, Msg::AppTitle)}</span>
                </p>
                <LanguageSwitch lang=lang failed=other_language_failed />
            </header>
            <BrandingRejected lang=lang />
            <UpdateNotice lang=lang />
            {move || other_language_failed.get().then(|| view! {
                <p class="notice notice-error" role="alert">{tr(lang, Msg::OtherLanguageMissing)}</p>
            })}
            {body}
    }
}

#[component]
fn LanguageSwitch(
    lang: RwSignal<Lang>,
    /// Set when the other language could not be downloaded (the page says so).
    failed: RwSignal<bool>,
) -> impl IntoView {
    let choose = move |l: Lang| {
        // Its words first (downloaded when not yet here), then the switch.
        if !super::strings::is_loaded(l) {
            spawn_local(async move {
                match super::strings::load(l).await {
                    Ok(()) => choose_loaded(lang, l),
                    Err(_) => failed.set(true),
                }
            });
            return;
        }
        choose_loaded(lang, l);
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr(lang, Msg::Language)>
            <button type="button" lang="en" aria-pressed=move || (lang.get() == Lang::En).to_string()
                on:click=move |_| choose(Lang::En)>"English"</button>
            <button type="button" lang="zh-CN" aria-pressed=move || (lang.get() == Lang::Zh).to_string()
                on:click=move |_| choose(Lang::Zh)>"中文"</button>
        </div>
    }
}

/// Shows the app in `l`, whose words are here, and remembers the choice.
fn choose_loaded(lang: RwSignal<Lang>, l: Lang) {
    {
        lang.set(l);
        super::storage::Store::open().save_lang(l.code());
        // Keep ?lang= in step with the choice, so a reload shows the same language.
        if let Some(w) = web_sys::window() {
            if let (Ok(search), Ok(history)) = (w.location().search(), w.history()) {
                if let Ok(p) = web_sys::UrlSearchParams::new_with_str(&search) {
                    if p.has("lang") {
                        p.set("lang", l.code());
                        let path = w.location().pathname().unwrap_or_default();
                        let hash = w.location().hash().unwrap_or_default();
                        let url = format!("{path}?{}{hash}", String::from(p.to_string()));
                        let _ = history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&url),
                        );
                    }
                }
            }
        }
    }
}

#[component]
fn BankErrors(errors: Vec<BankError>, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <section class="bank-errors" role="alert">
            <h1>{tr(lang, Msg::BankInvalid)}</h1>
            <ul>
                {move || errors.iter().map(|e| view! { <li>{e.message(lang.get())}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// The default bank could not be downloaded (offline, a host that left the file out):
/// nothing saved is touched, and the user can try again.
#[component]
fn DefaultBankMissing(lang: RwSignal<Lang>, retry: RwSignal<u32>, file: String) -> impl IntoView {
    view! {
        <main id="main" class="main-single">
            <section class="bank-errors" role="alert">
                <h1>{tr(lang, Msg::DefaultBankMissing)}</h1>
                <p>{tr(lang, Msg::DefaultBankMissingHelp)} " " <code>{file}</code></p>
                <button type="button" class="primary" on:click=move |_| retry.update(|n| *n += 1)>
                    {tr(lang, Msg::TryAgain)}
                </button>
            </section>
        </main>
    }
}

#[component]
fn ProviderBankProblem(
    problem: BankProblem,
    lang: RwSignal<Lang>,
    use_default: RwSignal<bool>,
) -> impl IntoView {
    let (summary, errors) = match problem {
        BankProblem::NotSameOrigin(u) => ((Msg::BankNotSameOrigin, u), Vec::new()),
        BankProblem::Fetch(u) => ((Msg::BankFetchFailed, u), Vec::new()),
        BankProblem::Invalid(e) => ((Msg::BankInvalid, String::new()), e),
    };
    view! {
        <main id="main" class="main-single">
            <section class="bank-errors" role="alert">
                <h1>{tr(lang, Msg::ProviderBankProblem)}</h1>
                <p>{move || t(lang.get(), summary.0)} " " <code>{summary.1.clone()}</code></p>
                <ul>
                    {move || errors.iter().map(|e| view! { <li>{e.message(lang.get())}</li> }).collect_view()}
                </ul>
                <button type="button" class="primary" on:click=move |_| use_default.set(true)>
                    {tr(lang, Msg::UseDefaultBank)}
                </button>
            </section>
        </main>
    }
}

/// Everything under a loaded bank: the session, the navigation and the current step.
#[component]
fn Shell(bank: &'static Bank, lang: RwSignal<Lang>) -> impl IntoView {
    let session = Session::start(bank, lang);
    provide_context(session);
    let step = use_step();
    super::embed::connect(use_embed(), session, step);
    // A share link pasted into the address bar of the open page changes only the
    // fragment: no reload, so the fragment is followed through `hashchange`.
    let shared = RwSignal::new(super::steps::shared::shared_fragment());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = super::steps::shared::shared_fragment();
        if shared.with_untracked(|s| *s != now) {
            shared.set(now);
        }
    });
    on_cleanup(move || on_hash.remove());
    // On each step change, move focus to the step's heading so screen readers announce it.
    Effect::new(move |prev: Option<Step>| {
        let s = step.get();
        if prev.is_some_and(|p| p != s) {
            request_animation_frame(|| super::question::focus_by_id("step-heading"));
        }
        s
    });
    let content = move || match step.get() {
        Step::Welcome => view! { <Welcome /> }.into_any(),
        Step::Scope => view! { <ScopeStep /> }.into_any(),
        Step::Section(d) => view! { <SectionStep domain=d /> }.into_any(),
        Step::Review => view! { <ReviewStep /> }.into_any(),
        Step::Results => view! { <ResultsStep /> }.into_any(),
        Step::Report => view! { <ReportStep /> }.into_any(),
        Step::Blank => view! { <BlankStep /> }.into_any(),
        Step::Data => view! { <DataStep /> }.into_any(),
        Step::Requests => view! { <super::steps::requests::RequestsStep /> }.into_any(),
        Step::Compare => view! { <super::steps::compare::CompareStep /> }.into_any(),
        Step::Glossary => view! { <super::steps::glossary::GlossaryStep /> }.into_any(),
    };
    view! {
        {move || match shared.get() {
            Some(fragment) => view! { <SharedView fragment=fragment /> }.into_any(),
            None => view! {
                <div class="layout">
                    <Sidebar />
                    <main id="main" tabindex="-1">
                        <Notices />
                        {content}
                        <StepNav />
                    </main>
                </div>
            }.into_any(),
        }}
    }
}

/// Branding options that were refused (embed mode), so a provider sees its mistake.
#[component]
fn BrandingRejected(lang: RwSignal<Lang>) -> impl IntoView {
    let embed = use_embed();
    move || {
        let rejected = embed.rejected.get();
        (!rejected.is_empty()).then(|| {
            let l = lang.get();
            view! {
                <p class="notice notice-error branding-rejected" role="alert">
                    {t(l, Msg::BrandingRejected)} " "
                    {rejected.iter().map(|r| format!("{} ({})", r.option, r.reason)).collect::<Vec<_>>().join("; ")}
                </p>
            }
        })
    }
}
