//! Each step of the walkthrough has its own URL, in the query string (`?step=section&domain=iam`)
//! so that the static site needs no server-side routing and works from any sub-path; other
//! parameters (`lang`, `bank`, `embed`) are kept. Back and forward work through the router.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use super::state::Session;

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
        let search = match use_context::<CurrentQuery>() {
            Some(CurrentQuery(q)) => q.with(|q| q.to_query_string()),
            None => web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default(),
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

/// The router's query, for [`Step::href`] (provided by the shell, under the router).
#[derive(Clone, Copy)]
pub struct CurrentQuery(Memo<ParamsMap>);

/// Makes the query available to [`Step::href`] below this point.
pub fn provide_query() {
    provide_context(CurrentQuery(use_query_map()));
}

/// The current step, from the URL.
pub fn use_step() -> Memo<Step> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| Step::parse(q.get_str("step"), q.get_str("domain"))))
}

/// The whole sequence of steps for these sections.
pub fn sequence(sections: &[&str]) -> Vec<Step> {
    let mut steps = vec![Step::Welcome, Step::Scope];
    steps.extend(sections.iter().map(|d| Step::Section(d.to_string())));
    steps.push(Step::Review);
    steps.push(Step::Results);
    steps
}
