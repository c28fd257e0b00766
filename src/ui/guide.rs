//! The audit-preparation guide and the glossary (core::guide, core::glossary): topics shown
//! where they matter (a section, the results page), everything printed in the report's
//! appendix, and links from questions and results to the glossary terms their text uses.

use leptos::prelude::*;

use crate::core::glossary::{Glossary, Term};
use crate::core::guide::{Guide, Topic};
use crate::core::html::Escaped;
use crate::core::text::Lang;
use crate::ui::route::Step;
use crate::ui::strings::{t, tr, Msg};

/// One topic: its paragraphs and its table.
fn topic_body(topic: &Topic, lang: Lang) -> impl IntoView {
    let table = topic.table.as_ref().map(|tb| {
        view! {
            <table class="report-table guide-table">
                <thead><tr>{tb.columns.get(lang).iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>{tb.rows(lang).iter().map(|r| view! {
                    <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        }
    });
    view! {
        {topic.text.get(lang).iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
        {table}
    }
}

/// The guide's topics for one place (a section's domain id, or `results`), each a disclosure.
#[component]
pub fn GuideTopics(
    /// A domain id or `results` (content/guide.toml `show_in`).
    place: String,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let session = crate::ui::state::use_session();
    let own_audit = move || session.results.with(|r| r.own.is_some());
    let topics = move || -> Vec<&'static Topic> {
        Guide::builtin()
            .map(|g| g.topics_for(&place, own_audit()))
            .unwrap_or_default()
    };
    move || {
        let topics = topics();
        (!topics.is_empty()).then(|| {
            view! {
                <aside class="guide no-print" aria-label=tr(lang, Msg::AuditGuide)>
                    <h2>{tr(lang, Msg::AuditGuide)}</h2>
                    {move || {
                        let l = lang.get();
                        topics.iter().map(|topic| view! {
                            <details class="guide-topic">
                                <summary>{topic.title.get(l).to_string()}</summary>
                                {topic_body(topic, l)}
                            </details>
                        }).collect_view()
                    }}
                    <p><a href=glossary_href(None)>{tr(lang, Msg::Glossary)}</a></p>
                </aside>
            }
        })
    }
}

/// Every topic of the guide, then the glossary: the report's appendix.
pub fn guide_appendix(lang: Lang, own_audit: bool) -> impl IntoView {
    let topics: Vec<&Topic> = Guide::builtin()
        .map(|g| g.printed(own_audit).collect())
        .unwrap_or_default();
    view! {
        <section class="report-section guide-appendix">
            <h2>{t(lang, Msg::AppendixGuide)}</h2>
            {topics.iter().map(|topic| view! {
                <h3>{topic.title.get(lang).to_string()}</h3>
                {topic_body(topic, lang)}
            }).collect_view()}
        </section>
        <section class="report-section glossary-appendix">
            <h2>{t(lang, Msg::Glossary)}</h2>
            {glossary_list(lang)}
        </section>
    }
}

/// The glossary as a definition list, each term with an anchor (`#term-<id>`).
pub fn glossary_list(lang: Lang) -> impl IntoView {
    let terms: &[Term] = Glossary::builtin()
        .map(|g| g.terms.as_slice())
        .unwrap_or_default();
    view! {
        <dl class="glossary">
            {terms.iter().map(|term| view! {
                <dt id=format!("term-{}", term.id)>
                    {term.name.get(lang).to_string()}
                    {term.cicpa.as_ref().filter(|_| lang == Lang::Zh).map(|c| format!("（{}{c}）", t(lang, Msg::CicpaTerm)))}
                </dt>
                <dd>{term.definition.get(lang).to_string()}</dd>
            }).collect_view()}
        </dl>
    }
}

/// The glossary step's address, at a term when given.
pub fn glossary_href(term: Option<&str>) -> String {
    let base = Step::Glossary.href();
    match term {
        Some(id) => format!("{base}#term-{id}"),
        None => base,
    }
}

/// "Terms used here: …" with a link to each glossary term `text` uses, appended as escaped
/// HTML; nothing when it uses none.
pub fn push_glossary_links(out: &mut Escaped, text: &str, lang: Lang) {
    let Ok(g) = Glossary::builtin() else {
        return;
    };
    let terms = g.terms_in(text, lang);
    if terms.is_empty() {
        return;
    }
    out.literal(r#"<p class="glossary-links">"#)
        .text(t(lang, Msg::TermsUsed))
        .literal(" ");
    for (n, term) in terms.iter().enumerate() {
        if n > 0 {
            out.literal(", ");
        }
        out.literal(r#"<a href=""#)
            .text(&glossary_href(Some(&term.id)))
            .literal(r#"">"#)
            .text(term.name.get(lang))
            .literal("</a>");
    }
    out.literal("</p>");
}
