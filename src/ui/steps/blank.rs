//! A blank printable questionnaire: every scope question and every question of every
//! branch, with boxes to tick and lines to write on, for workshops on paper.

use leptos::prelude::*;

use crate::ui::guidance::use_guidance;
use crate::ui::state::use_session;
use crate::ui::steps::report::print_page;
use crate::ui::strings::{level_label, t, Msg};

#[component]
pub fn BlankStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let guidance = use_guidance();
    // The chosen provider's steps are printed with the generic ones (none chosen: generic).
    let provider = move || {
        session
            .assessment
            .with(|a| bank.chosen_provider(&a.scope).map(str::to_string))
    };
    view! {
        <article class="report blank" aria-labelledby="step-heading">
            {move || {
                let l = lang.get();
                let provider = provider();
                // The steps come with the guidance (downloaded on first need).
                let bank = guidance.bank_or(bank, l);
                view! {
                    <header class="report-cover">
                        <p class="report-kicker">{bank.meta.title.get(l).to_string()} " · " {format!("{} {}", bank.meta.id, bank.meta.version)}</p>
                        <h1 id="step-heading" tabindex="-1">{t(l, Msg::BlankQuestionnaire)}</h1>
                        <p>{t(l, Msg::BlankExplain)}</p>
                        <p class="no-print"><button type="button" on:click=move |_| print_page()>{t(l, Msg::PrintReport)}</button></p>
                        <p class="fill-line">{t(l, Msg::Organisation)} ": ______________________ " {t(l, Msg::Assessor)} ": ______________________"</p>
                    </header>
                    <section class="report-section">
                        <h2>{t(l, Msg::StepScope)}</h2>
                        {bank.scope.iter().map(|q| view! {
                            <div class="blank-q">
                                <p class="blank-statement">{q.text.get(l).to_string()}</p>
                                <ul class="boxes">
                                    {q.options.iter().map(|o| view! { <li>{format!("☐ {}", o.label.get(l))}</li> }).collect_view()}
                                </ul>
                            </div>
                        }).collect_view()}
                    </section>
                    {bank.domains.iter().map(|d| view! {
                        <section class="report-section">
                            <h2>{d.title.get(l).to_string()}</h2>
                            {d.intro.as_ref().map(|intro| view! { <p class="intro">{intro.get(l).to_string()}</p> })}
                            {bank.items_of(&d.id).map(|i| { let steps: Vec<String> = i.how_for(provider.as_deref(), l).into_iter().map(str::to_string).collect(); view! {
                                <div class="blank-q">
                                    <p class="blank-statement"><span class="item-id">{i.id.clone()}</span> " " <strong>{i.title.get(l).to_string()}</strong></p>
                                    <p>{i.statement.get(l).to_string()}</p>
                                    <p class="boxes-inline">
                                        {(0..=4u8).map(|v| format!("☐ {}   ", level_label(l, v))).collect::<String>()}
                                        {format!("☐ {}   ☐ {}: ________", t(l, Msg::DontKnow), t(l, Msg::NotApplicable))}
                                    </p>
                                    <p class="fill-line">{format!("{}: __________  {}: __________  {}: ____________________", t(l, Msg::Owner), t(l, Msg::Frequency), t(l, Msg::YourNote))}</p>
                                    <p class="blank-how-label">{t(l, Msg::HowToDoIt)}</p>
                                    <ol class="plan-steps blank-how">{steps.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ol>
                                </div>
                            }}).collect_view()}
                        </section>
                    }).collect_view()}
                }
            }}
        </article>
    }
}
