//! `<details>` whose content is built when it is first opened: most are never opened, and
//! building them all would make every page that has them slower to render (question
//! guidance, note fields, the gaps behind a report's score, "why this score").

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The `toggle` handler of such a `<details>`: sets `opened` the first time it opens (and
/// leaves it set, so the content is built once and kept).
pub fn on_first_open(opened: RwSignal<bool>) -> impl FnMut(leptos::ev::Event) + Clone + 'static {
    move |ev: leptos::ev::Event| {
        let open = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        if open && !opened.get_untracked() {
            opened.set(true);
        }
    }
}
