//! Welcome: what this is, how long it takes, that nothing leaves the browser; start or resume.

use leptos::prelude::*;

use crate::ui::bank_credits::BankCredits;
use crate::ui::route::{sequence, Step};
use crate::ui::state::use_session;
use crate::ui::strings::{t, tr, Msg};

#[component]
pub fn Welcome() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    // Resume where work stopped: the first section with an unanswered question.
    let resume = Memo::new(move |_| {
        session.assessment.with(|a| {
            if a.scope.is_empty() {
                return Step::Scope;
            }
            session
                .sections
                .with(|s| sequence(s))
                .into_iter()
                .find(|s| match s {
                    Step::Section(d) => session.scores.with(|sc| {
                        sc.domain(d)
                            .is_some_and(|ds| ds.score.answered < ds.score.total)
                    }),
                    _ => false,
                })
                .unwrap_or(Step::Review)
        })
    });
    let started = move || session.assessment.with(|a| !a.is_blank());
    view! {
        <section class="welcome" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::WelcomeHeading)}</h1>
            <p class="bank-name">{move || bank.meta.title.get(lang.get()).to_string()} " · " {bank.meta.version.clone()}</p>
            <p>{tr(lang, Msg::WelcomeWhat)}</p>
            <p>{tr(lang, Msg::WelcomeTime)}</p>
            <p class="privacy">{tr(lang, Msg::WelcomePrivacy)}</p>
            {move || view! { <BankCredits bank=bank lang=lang.get() /> }}
            <h2>{tr(lang, Msg::KeyboardHelpTitle)}</h2>
            <p>{tr(lang, Msg::KeyboardHelp)}</p>
            <p class="actions">
                <a class="button primary" href=move || resume.get().href()>
                    {move || if started() { t(lang.get(), Msg::Resume) } else { t(lang.get(), Msg::Start) }}
                </a>
            </p>
        </section>
    }
}
