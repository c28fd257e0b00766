//! One question: the statement, the 0–4 scale as a radio group whose options carry their
//! meaning, and the guidance (why, how, evidence, criteria).

use leptos::prelude::*;

use super::strings::{level_label, t, Msg};
use crate::core::answers::{Assessment, Level, Response};
use crate::core::bank::{Bank, Item};
use crate::core::criteria::Catalogue;
use crate::core::text::Lang;

#[component]
pub fn QuestionCard(
    bank: &'static Bank,
    /// The item to ask.
    item: &'static Item,
    /// The assessment being edited; answering writes to it.
    assessment: RwSignal<Assessment>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let id = item.id.as_str();
    let selected = move || {
        assessment.with(|a| match a.response(id) {
            Some(Response::Level(l)) => Some(l.value()),
            _ => None,
        })
    };
    let pick = move |level: Level| {
        assessment.update(|a| {
            // The item comes from this bank, so setting a level cannot fail.
            let _ = a.set_response(bank, id, Response::Level(level));
        })
    };
    let criteria = move || {
        let l = lang.get();
        item.criteria
            .iter()
            .map(|c| {
                let title = Catalogue::builtin()
                    .ok()
                    .and_then(|cat| cat.criterion(c))
                    .map(|cr| cr.title.get(l).to_string())
                    .unwrap_or_default();
                view! { <li><span class="crit-id">{c.clone()}</span> " " {title}</li> }
            })
            .collect_view()
    };
    view! {
        <article class="question" data-item=id>
            <fieldset>
                <legend>
                    <span class="item-id">{id}</span> " "
                    <span class="item-title">{move || item.title.get(lang.get()).to_string()}</span>
                </legend>
                <p class="statement">{move || item.statement.get(lang.get()).to_string()}</p>
                <div class="scale">
                    {Level::all().map(|level| view! {
                        <label class="scale-option">
                            <input type="radio" name=format!("q-{id}") value=level.value()
                                prop:checked=move || selected() == Some(level.value())
                                on:change=move |_| pick(level) />
                            <span>{move || level_label(lang.get(), level.value())}</span>
                        </label>
                    }).collect_view()}
                </div>
                <p class="answer-state" aria-live="polite">
                    {move || if selected().is_some() { t(lang.get(), Msg::Answered) } else { t(lang.get(), Msg::NotAnswered) }}
                </p>
            </fieldset>
            <details>
                <summary>{move || t(lang.get(), Msg::WhyItMatters)}</summary>
                <p>{move || item.why.get(lang.get()).to_string()}</p>
            </details>
            <details>
                <summary>{move || t(lang.get(), Msg::HowToDoIt)}</summary>
                <ol>{move || item.how.get(lang.get()).iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
                <h3>{move || t(lang.get(), Msg::Evidence)}</h3>
                <p>{move || item.evidence.get(lang.get()).to_string()}</p>
            </details>
            <div class="criteria">
                <h3>{move || t(lang.get(), Msg::Criteria)}</h3>
                <ul>{criteria}</ul>
            </div>
        </article>
    }
}
