//! The new-version notice. public/boot.js registers the offline copy (public/sw.js) and,
//! when a new release has been downloaded, sets `window.__socUpdateReady` and fires
//! `soc-readiness:update-ready`. The page reloads only when the user agrees: the button calls
//! `window.__socApplyUpdate`. Every answer is already saved (each change is written at once,
//! and a note being typed is written when the button takes the focus).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::strings::{tr, Msg};
use crate::core::text::Lang;

const READY_FLAG: &str = "__socUpdateReady";
const READY_EVENT: &str = "soc-readiness:update-ready";
const APPLY: &str = "__socApplyUpdate";

fn window_prop(name: &str) -> Option<wasm_bindgen::JsValue> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &name.into()).ok()
}

fn apply() {
    if let Some(f) = window_prop(APPLY).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// A polite status region, always present so a screen reader announces what appears in it.
#[component]
pub fn UpdateNotice(lang: RwSignal<Lang>) -> impl IntoView {
    let ready = RwSignal::new(window_prop(READY_FLAG).is_some_and(|v| v.is_truthy()));
    let dismissed = RwSignal::new(false);
    let listener = window_event_listener_untyped(READY_EVENT, move |_| {
        dismissed.set(false);
        ready.set(true);
    });
    on_cleanup(move || listener.remove());
    view! {
        <div class="update-region" role="status">
            {move || (ready.get() && !dismissed.get()).then(|| view! {
                <div class="notice update-notice">
                    <p>{tr(lang, Msg::UpdateReady)}</p>
                    <button type="button" class="primary" on:click=move |_| apply()>{tr(lang, Msg::UpdateReload)}</button>
                    " "
                    <button type="button" class="dismiss" on:click=move |_| dismissed.set(true)>{tr(lang, Msg::UpdateLater)}</button>
                </div>
            })}
        </div>
    }
}
