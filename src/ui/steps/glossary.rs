//! The glossary: every term the app uses, in the current language, with the CICPA terms.
//! Questions and results link to `#term-<id>`; the page scrolls to that term.

use leptos::prelude::*;

use crate::ui::guide::glossary_list;
use crate::ui::state::use_session;
use crate::ui::strings::{tr, Msg};

#[component]
pub fn GlossaryStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    // Scrolling to the linked term is a write to the outside world, after rendering.
    Effect::new(move |_| {
        lang.track();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let hash = doc
            .location()
            .and_then(|l| l.hash().ok())
            .unwrap_or_default();
        if let Some(el) = hash
            .strip_prefix('#')
            .and_then(|id| doc.get_element_by_id(id))
        {
            el.scroll_into_view();
        }
    });
    view! {
        <section class="glossary-step" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::Glossary)}</h1>
            {move || glossary_list(lang.get())}
        </section>
    }
}
