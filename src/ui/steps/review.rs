//! Review before results: what is still unanswered, the "don't know" items and the
//! reasons given for "not applicable", each linking back to its section.

use leptos::prelude::*;

use crate::core::answers::Response;
use crate::core::bank::Item;
use crate::ui::route::Step;
use crate::ui::state::use_session;
use crate::ui::strings::{t, tr, Msg};

#[component]
pub fn ReviewStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let lists = Memo::new(move |_| {
        session.assessment.with(|a| {
            let mut unanswered = Vec::new();
            let mut dont_know = Vec::new();
            let mut na = Vec::new();
            for item in bank.visible_items(&a.scope) {
                match a.response(&item.id) {
                    None => unanswered.push(item.id.as_str()),
                    Some(Response::DontKnow) => dont_know.push(item.id.as_str()),
                    Some(Response::NotApplicable { reason }) => {
                        na.push((item.id.as_str(), reason.clone()))
                    }
                    Some(Response::Level(_)) => {}
                }
            }
            (unanswered, dont_know, na)
        })
    });
    let item_link = move |item: &'static Item| {
        let href = Step::Section(item.domain.clone()).href();
        view! { <a href=href><span class="item-id">{item.id.clone()}</span> " " {move || item.title.get(lang.get()).to_string()}</a> }
    };
    view! {
        <section aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepReview)}</h1>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::Unanswered), lists.with(|l| l.0.len()))}</h2>
            <Show when=move || lists.with(|l| l.0.is_empty())>
                <p>{tr(lang, Msg::AllAnswered)}</p>
            </Show>
            <ul class="review-list">
                {move || lists.get().0.into_iter().filter_map(|id| bank.item(id)).map(|i| view! { <li>{item_link(i)}</li> }).collect_view()}
            </ul>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::DontKnowItems), lists.with(|l| l.1.len()))}</h2>
            <ul class="review-list">
                {move || lists.get().1.into_iter().filter_map(|id| bank.item(id)).map(|i| view! { <li>{item_link(i)}</li> }).collect_view()}
            </ul>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::NaItems), lists.with(|l| l.2.len()))}</h2>
            <ul class="review-list">
                {move || lists.get().2.into_iter().filter_map(|(id, reason)| bank.item(id).map(|i| (i, reason))).map(|(i, reason)| view! {
                    <li>{item_link(i)} <span class="na-reason-text">{format!(" — {reason}")}</span></li>
                }).collect_view()}
            </ul>
        </section>
    }
}
