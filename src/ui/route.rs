//! Each step of the walkthrough has its own URL, in the query string (`?step=section&domain=iam`)
//! so that the static site needs no server-side routing and works from any sub-path; other
//! parameters (`lang`, `bank`, `embed`) are kept.
//!
//! The router is this file: the query string as a signal ([`Query`]), a link click on the
//! app's own page changing it with `history.pushState` (no reload), and Back and Forward
//! through `popstate`. (It replaced leptos_router, of which the app used only this, to
//! make the wasm smaller: issue 19.)

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::Session;

/// The page's query string (`?step=…`), in step with the address bar.
#[derive(Clone, Copy)]
pub struct Query(RwSignal<String>);

fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Starts the router: provides [`Query`] and follows link clicks and Back/Forward for the
/// page's life.
pub fn provide_router() {
    let query = Query(RwSignal::new(location_search()));
    provide_context(query);
    let on_pop = window_event_listener(leptos::ev::popstate, move |_| {
        query.0.set(location_search());
    });
    let on_click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(search) = same_page_link(&ev) {
            ev.prevent_default();
            let href = format!("{}{search}", current_path());
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
            query.0.set(search);
            // A new step starts at its top (the shell then moves focus to its heading).
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
    // The app root lives as long as the page; the listeners go with it all the same.
    on_cleanup(move || {
        on_pop.remove();
        on_click.remove();
    });
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// The query string a click goes to, when it is a plain click on a link to another step of
/// this page: same origin and path, a different query, no target, no download, no modifier
/// key. A link that changes only the fragment (the skip link, `#main`) is left to the
/// browser, as is every other link.
fn same_page_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let anchor = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    if !anchor.target().is_empty() || anchor.has_attribute("download") {
        return None;
    }
    let location = web_sys::window()?.location();
    let same_page = anchor.origin() == location.origin().ok()?
        && anchor.pathname() == location.pathname().ok()?;
    let search = anchor.search();
    (same_page && search != location.search().ok()?).then_some(search)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Scope,
    Section(String),
    Review,
    Results,
    Report,
    Blank,
    Data,
    /// The auditor's request list (PBC).
    Requests,
    /// Two assessments compared, and the trend of all of them.
    Compare,
    Glossary,
}

impl Step {
    fn parse(step: Option<&str>, domain: Option<&str>) -> Step {
        match (step, domain) {
            (Some("scope"), _) => Step::Scope,
            (Some("section"), Some(d)) => Step::Section(d.to_string()),
            (Some("review"), _) => Step::Review,
            (Some("results"), _) => Step::Results,
            (Some("report"), _) => Step::Report,
            (Some("blank"), _) => Step::Blank,
            (Some("data"), _) => Step::Data,
            (Some("requests"), _) => Step::Requests,
            (Some("compare"), _) => Step::Compare,
            (Some("glossary"), _) => Step::Glossary,
            _ => Step::Welcome,
        }
    }

    /// The link to this step, keeping the page's other query parameters, with `lang` (when
    /// the query has it) set to the language now shown. Under the shell it reads the query
    /// and the language reactively, so a link built in `move || …` follows both (the
    /// language switch rewrites `?lang=` with `replaceState`, which the router does not
    /// see); elsewhere (an event handler) it reads the address bar as it is now.
    pub fn href(&self) -> String {
        let lang = use_context::<Session>().map(|s| s.lang.get());
        let search = match use_context::<Query>() {
            Some(Query(q)) => q.get(),
            None => location_search(),
        };
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        if let Some(p) = &params {
            if let Some(l) = lang.filter(|_| p.has("lang")) {
                p.set("lang", l.code());
            }
            p.delete("step");
            p.delete("domain");
            match self {
                Step::Welcome => {}
                Step::Scope => p.set("step", "scope"),
                Step::Section(d) => {
                    p.set("step", "section");
                    p.set("domain", d);
                }
                Step::Review => p.set("step", "review"),
                Step::Results => p.set("step", "results"),
                Step::Report => p.set("step", "report"),
                Step::Blank => p.set("step", "blank"),
                Step::Data => p.set("step", "data"),
                Step::Requests => p.set("step", "requests"),
                Step::Compare => p.set("step", "compare"),
                Step::Glossary => p.set("step", "glossary"),
            }
        }
        let query: String = params.map(|p| p.to_string().into()).unwrap_or_default();
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    }
}

/// The current step, from the URL.
pub fn use_step() -> Memo<Step> {
    let query = use_context::<Query>();
    Memo::new(move |_| {
        let search = query.map_or_else(location_search, |q| q.0.get());
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
        Step::parse(get("step").as_deref(), get("domain").as_deref())
    })
}

/// The whole sequence of steps for these sections.
pub fn sequence(sections: &[&str]) -> Vec<Step> {
    let mut steps = vec![Step::Welcome, Step::Scope];
    steps.extend(sections.iter().map(|d| Step::Section(d.to_string())));
    steps.push(Step::Review);
    steps.push(Step::Results);
    steps
}
