//! One domain's questions: only this section is rendered, with a keyed list so answering
//! one question does not rebuild the others.

use leptos::prelude::*;

use crate::ui::question::QuestionCard;
use crate::ui::route::Step;
use crate::ui::state::use_session;
use crate::ui::strings::{t, tr, Msg};

#[component]
pub fn SectionStep(domain: String) -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let Some(d) = bank.domain(&domain) else {
        return view! {
            <section>
                <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::SectionNotFound)}</h1>
                <a href=|| Step::Scope.href()>{tr(lang, Msg::StepScope)}</a>
            </section>
        }
        .into_any();
    };
    let items = Memo::new(move |_| {
        session.assessment.with(|a| {
            let effective = bank.effective_scope(&a.scope);
            bank.items_of(&d.id)
                .filter(|i| bank.item_visible(i, &effective))
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
        })
    });
    let progress = move || {
        session.scores.with(|s| {
            s.domain(&d.id)
                .map(|ds| (ds.score.answered, ds.score.total))
                .unwrap_or((0, 0))
        })
    };
    view! {
        <section class="section" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{move || d.title.get(lang.get()).to_string()}</h1>
            {d.intro.as_ref().map(|intro| view! { <p class="intro">{move || intro.get(lang.get()).to_string()}</p> })}
            <crate::ui::guide::GuideTopics place=d.id.clone() lang=lang />
            <p class="section-progress">{move || {
                let (a, n) = progress();
                format!("{} {a} / {n}", t(lang.get(), Msg::Answered))
            }}</p>
            <Show when=move || items.with(Vec::is_empty)>
                <p>{tr(lang, Msg::SectionOutOfScope)}</p>
            </Show>
            // Questions carry static text in one language: a language change renders them again.
            {move || {
                let l = lang.get();
                view! {
                    <For each=move || items.get().into_iter().enumerate() key=|(_, id)| *id children=move |(n, id)| {
                        bank.item(id).map(|item| view! { <QuestionCard item=item number=n + 1 lang=l /> })
                    } />
                }
            }}
        </section>
    }
    .into_any()
}
