//! No frozen page: a panic in WebAssembly stops the app, so the panic hook hands over to
//! `public/boot.js` (`window.socFatal`), which shows a message in the user's language
//! saying that saved answers are safe and how to reload.

use wasm_bindgen::{JsCast, JsValue};

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("socFatal")) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&message));
            }
        }
    }));
}

/// The app cannot start because a file it needs could not be downloaded (offline): the
/// guard's message for that case (`window.socFatal(detail, 'download')`).
pub fn report(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("socFatal")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from_str(detail),
                &JsValue::from_str("download"),
            );
        }
    }
}

/// `?selftest=panic` proves the guard in the browser tests: it panics once the app is up.
/// Nothing is lost by it: answers are saved on every change, before any panic can happen.
#[allow(clippy::panic)]
pub fn maybe_selftest_panic() {
    let wanted = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.split(['?', '&']).any(|p| p == "selftest=panic"));
    if wanted {
        leptos::prelude::set_timeout(
            || panic!("self-test panic requested by ?selftest=panic"),
            std::time::Duration::ZERO,
        );
    }
}
