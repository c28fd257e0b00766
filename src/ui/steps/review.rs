//! Review before results: what is still unanswered, the "don't know" items and the
//! reasons given for "not applicable", each linking back to its section.

use leptos::prelude::*;

use crate::core::bank::Item;
use crate::core::scoring::ReviewLists;
use crate::ui::route::Step;
use crate::ui::state::use_session;
use crate::ui::strings::{t, tr, Msg};

#[component]
pub fn ReviewStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let lists = Memo::new(move |_| session.assessment.with(|a| ReviewLists::of(bank, a)));
    let item_link = move |item: &'static Item| {
        let step = Step::Section(item.domain.clone());
        view! { <a href=move || step.href()><span class="item-id">{item.id.clone()}</span> " " {move || item.title.get(lang.get()).to_string()}</a> }
    };
    view! {
        <section aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepReview)}</h1>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::Unanswered), lists.with(|l| l.unanswered.len()))}</h2>
            <Show when=move || lists.with(|l| l.unanswered.is_empty())>
                <p>{tr(lang, Msg::AllAnswered)}</p>
            </Show>
            <ul class="review-list">
                {move || lists.get().unanswered.into_iter().filter_map(|id| bank.item(&id)).map(|i| view! { <li>{item_link(i)}</li> }).collect_view()}
            </ul>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::DontKnowItems), lists.with(|l| l.dont_know.len()))}</h2>
            <ul class="review-list">
                {move || lists.get().dont_know.into_iter().filter_map(|id| bank.item(&id)).map(|i| view! { <li>{item_link(i)}</li> }).collect_view()}
            </ul>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::NaItems), lists.with(|l| l.not_applicable.len()))}</h2>
            <ul class="review-list">
                {move || lists.get().not_applicable.into_iter().filter_map(|(id, reason)| bank.item(&id).map(|i| (i, reason))).map(|(i, reason)| view! {
                    <li>{item_link(i)} <span class="na-reason-text">{format!(" — {reason}")}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}
