//! A share link (`#share=…`): the assessment travels in the URL fragment, which browsers
//! never send to a server. It opens read-only, with the choice to import it; a truncated or
//! tampered link is refused with a clear message.

use leptos::prelude::*;

use super::results::results_body;
use crate::core::scoring::{score, Results};
use crate::core::share;
use crate::ui::disclosure::error_detail;
use crate::ui::route::Step;
use crate::ui::state::{today_date, use_session};
use crate::ui::strings::{tr, Msg};

/// The share payload of the page's URL, if any.
pub fn shared_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix("#share=").map(str::to_string)
}

fn leave_shared_view(step: Step) {
    if let Some(w) = web_sys::window() {
        // Dropping the fragment and reloading shows the user's own assessment.
        let _ = w.location().set_href(&step.href());
    }
}

#[component]
pub fn SharedView(fragment: String) -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let decoded = share::decode(&fragment, bank);
    view! {
        <main id="main" class="main-single" tabindex="-1">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::SharedTitle)}</h1>
            {match decoded {
                Err(e) => view! {
                    <div class="notice notice-error" role="alert">
                        <p>{tr(lang, Msg::SharedInvalid)} " " {let m = e.clone(); move || m.message(lang.get())}</p>
                        {error_detail(lang, e.detail())}
                    </div>
                    <button type="button" class="primary" on:click=move |_| leave_shared_view(Step::Welcome)>{tr(lang, Msg::SharedLeave)}</button>
                }.into_any(),
                Ok(shared) => {
                    let assessment = shared.assessment;
                    let scores = score(bank, &assessment);
                    let results = Results::of(bank, &assessment, &scores, today_date());
                    let name = assessment.name.clone();
                    let shown = assessment.clone();
                    let import = move |_| {
                        let mut a = assessment.clone();
                        a.id = String::new();
                        session.adopt(a);
                        // Written now, before leaving the shared view (a reload).
                        session.save_now();
                        leave_shared_view(Step::Results);
                    };
                    view! {
                        <p class="notice" role="status">{tr(lang, Msg::SharedReadOnly)}</p>
                        <p class="shared-name">{name}</p>
                        <p class="actions">
                            <button type="button" class="primary" on:click=import>{tr(lang, Msg::SharedImport)}</button>
                            <button type="button" on:click=move |_| leave_shared_view(Step::Welcome)>{tr(lang, Msg::SharedLeave)}</button>
                        </p>
                        <section class="results">{move || results_body(&scores, &results, &shown, bank, lang.get(), false)}</section>
                    }.into_any()
                }
            }}
        </main>
    }
}
