//! The Leptos shell. It renders what `crate::core` computes and touches the outside world
//! (storage, URL, document title) only in Effects. No domain logic lives here.

mod app;
mod bank_credits;
mod bank_source;
mod charts;
mod disclosure;
mod download;
mod embed;
mod fatal;
mod gap_list;
mod guidance;
mod guide;
mod markup;
mod nav;
mod notices;
mod question;
mod route;
mod state;
mod steps;
mod storage;
pub mod strings;
mod update;
mod verdicts;

/// Installs the panic guard, downloads the UI's words in the visitor's language (public/
/// boot.js started that download while the wasm compiled), then mounts the app on `<body>`.
pub fn start() {
    fatal::install_panic_hook();
    // Leptos's executor starts with the app: before it, wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        let lang = app::initial_lang();
        if let Err(file) = strings::load(lang).await {
            // Nothing to show the app with: the guard's message (public/boot.js), which
            // says the answers are safe and offers a reload.
            fatal::report(&format!("could not download {file}"));
            return;
        }
        if let Some(loading) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("loading"))
        {
            loading.remove();
        }
        leptos::mount::mount_to_body(app::App);
    });
}
