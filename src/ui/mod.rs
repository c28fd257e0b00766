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

/// Installs the panic guard and mounts the app on `<body>`.
pub fn start() {
    fatal::install_panic_hook();
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
