//! Scope: the questions that decide what is asked. Changing an answer later hides
//! questions but keeps their answers, which come back when the scope does.

use leptos::prelude::*;

use crate::core::bank::ScopeQuestion;
use crate::ui::state::use_session;
use crate::ui::strings::{tr, Msg};

#[component]
pub fn ScopeStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let visible = move |q: &'static ScopeQuestion| {
        session
            .assessment
            .with(|a| bank.scope_question_visible(q, &a.scope))
    };
    view! {
        <section aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepScope)}</h1>
            <p>{tr(lang, Msg::ScopeIntro)}</p>
            {bank.scope.iter().map(|q| view! {
                <Show when=move || visible(q)>
                    <ScopeQuestionView q=q />
                </Show>
            }).collect_view()}
            <super::provider_reports::ProviderReportsForm />
        </section>
    }
}

#[component]
fn ScopeQuestionView(q: &'static ScopeQuestion) -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let kind = if q.multiple { "checkbox" } else { "radio" };
    let help_id = format!("help-{}", q.id);
    view! {
        <fieldset class="scope-question" data-scope=q.id.clone() data-q=q.id.clone() aria-describedby=q.help.as_ref().map(|_| help_id.clone())>
            <legend>{move || q.text.get(lang.get()).to_string()}</legend>
            {q.help.as_ref().map(|h| view! { <p class="help" id=help_id.clone()>{move || h.get(lang.get()).to_string()}</p> })}
            <div class="choices">
                {q.options.iter().map(|o| {
                    let oid = o.id.as_str();
                    let checked = Memo::new(move |_| session.assessment.with(|a| a.scope_selected(&q.id, oid)));
                    view! {
                        <label class="choice" data-option="">
                            <input type=kind name=format!("scope-{}", q.id) value=oid
                                prop:checked=move || checked.get()
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    session.edit(|a| { let _ = a.set_scope(bank, &q.id, oid, on); });
                                } />
                            <span>{move || o.label.get(lang.get()).to_string()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
