//! Orientation: the section list with what is done, overall progress, an estimate of the
//! time left and a live readiness indicator; and the previous/next links of each step.

use leptos::prelude::*;

use super::route::{sequence, use_step, Step};
use super::state::use_session;
use super::strings::{t, tr, Msg};
use super::verdicts::{fmt_score, reliance_level_text, report_name};

/// Seconds a question takes on average, for the time-left estimate.
const SECONDS_PER_QUESTION: usize = 30;

/// "Welcome", "Scope", a domain's title, … for a step.
pub fn step_title(step: &Step) -> Signal<String> {
    let session = use_session();
    let lang = session.lang;
    let step = step.clone();
    Signal::derive(move || {
        let l = lang.get();
        match &step {
            Step::Welcome => t(l, Msg::StepWelcome).to_string(),
            Step::Scope => t(l, Msg::StepScope).to_string(),
            Step::Section(d) => session
                .bank
                .domain(d)
                .map(|d| d.title.get(l).to_string())
                .unwrap_or_default(),
            Step::Review => t(l, Msg::StepReview).to_string(),
            Step::Results => t(l, Msg::StepResults).to_string(),
            Step::Report => t(l, Msg::ReportTitle).to_string(),
            Step::Blank => t(l, Msg::BlankQuestionnaire).to_string(),
            Step::Data => t(l, Msg::StepData).to_string(),
            Step::Requests => t(l, Msg::StepRequests).to_string(),
            Step::Compare => t(l, Msg::StepCompare).to_string(),
            Step::Glossary => t(l, Msg::Glossary).to_string(),
        }
    })
}

#[component]
pub fn Sidebar() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let step = use_step();
    let domains = session.sections;
    let completion = Memo::new(move |_| session.scores.with(|s| s.completion()));
    let minutes_left = move || {
        let c = completion.get();
        (c.total - c.answered) * SECONDS_PER_QUESTION / 60
    };
    // Each result in a few words: every report's reliance level, then the own SOC 2 score
    // and band when the customer prepares one (never blended into one number).
    let live = move || {
        session.results.with(|r| {
            let l = lang.get();
            let mut parts: Vec<String> = r
                .reliance
                .iter()
                .map(|x| {
                    // The level, and the score once there is one (out of 100, as on the
                    // result's card).
                    let score = x
                        .score
                        .score
                        .map(|s| format!(" · {}/100", fmt_score(Some(s))))
                        .unwrap_or_default();
                    format!(
                        "{}: {}{score}",
                        report_name(x.report),
                        reliance_level_text(l, x.level)
                    )
                })
                .collect();
            if let Some(o) = &r.own {
                let band = o
                    .band_in(bank)
                    .map(|b| b.label.get(l).to_string())
                    .unwrap_or_else(|| t(l, Msg::NoScoreYet).to_string());
                parts.push(format!(
                    "{}: {} · {band}",
                    t(l, Msg::OwnHeading),
                    fmt_score(o.score.score)
                ));
            }
            parts.join(" · ")
        })
    };
    let link = move |target: Step, label: Signal<String>, status: Signal<String>| {
        let current = target.clone();
        view! {
            <li>
                <a href=move || target.href() aria-current=move || (step.get() == current).then_some("step")>
                    <span class="nav-label">{move || label.get()}</span>
                    <span class="nav-status">{move || status.get()}</span>
                </a>
            </li>
        }
    };
    let none = Signal::derive(String::new);
    // Folded where the questions need the room: in a host's frame and on phones.
    let narrow = web_sys::window()
        .and_then(|w| w.match_media("(max-width: 760px)").ok().flatten())
        .is_some_and(|m| m.matches());
    let start_open = !crate::ui::embed::use_embed().enabled && !narrow;
    view! {
        <nav class="sidebar" aria-label=tr(lang, Msg::Sections)>
            <details class="sidebar-toggle" open=start_open>
                <summary>{tr(lang, Msg::Sections)}</summary>
                <div class="progress-block">
                    <p id="progress-label">
                        {move || {
                            let c = completion.get();
                            format!("{} {} / {}", t(lang.get(), Msg::Progress), c.answered, c.total)
                        }}
                    </p>
                    <progress aria-labelledby="progress-label" max="100" value=move || format!("{:.0}", completion.get().percent())></progress>
                    <p class="time-left">{move || format!("{} {}", t(lang.get(), Msg::MinutesLeft), minutes_left())}</p>
                    <p class="live-score" aria-live="polite">
                        {move || format!("{} {}", t(lang.get(), Msg::Readiness), live())}
                    </p>
                </div>
                <ol class="step-list">
                    {link(Step::Welcome, step_title(&Step::Welcome), none)}
                    {link(Step::Scope, step_title(&Step::Scope), none)}
                    <For each=move || domains.get() key=|d| *d children=move |d: &'static str| {
                        let status = Signal::derive(move || {
                            session.scores.with(|s| {
                                s.domain(d).map(|ds| {
                                    let c = ds.score.completion();
                                    let mark = if c.answered == c.total { "✓ " } else { "" };
                                    format!("{mark}{}/{}", c.answered, c.total)
                                }).unwrap_or_default()
                            })
                        });
                        link(Step::Section(d.to_string()), step_title(&Step::Section(d.to_string())), status)
                    } />
                    {link(Step::Review, step_title(&Step::Review), none)}
                    {link(Step::Results, step_title(&Step::Results), none)}
                    {link(Step::Report, step_title(&Step::Report), none)}
                    {link(Step::Requests, step_title(&Step::Requests), none)}
                    {link(Step::Compare, step_title(&Step::Compare), none)}
                    {link(Step::Data, step_title(&Step::Data), none)}
                </ol>
            </details>
        </nav>
    }
}

/// Previous / next links under every step.
#[component]
pub fn StepNav() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let step = use_step();
    let neighbours = Memo::new(move |_| {
        let seq = session.sections.with(|s| sequence(s));
        let here = step.get();
        let pos = seq.iter().position(|s| *s == here);
        match pos {
            Some(i) => (
                i.checked_sub(1).and_then(|j| seq.get(j).cloned()),
                seq.get(i + 1).cloned(),
            ),
            None => (None, Some(Step::Welcome)),
        }
    });
    view! {
        <nav class="step-nav" aria-label=tr(lang, Msg::StepNavigation)>
            {move || neighbours.get().0.map(|prev| {
                let title = step_title(&prev);
                view! {
                    <a class="button secondary" id="step-prev" href=move || prev.href()>
                        {move || format!("← {}: {}", t(lang.get(), Msg::Previous), title.get())}
                    </a>
                }
            })}
            {move || neighbours.get().1.map(|next| {
                let title = step_title(&next);
                // Whether the next step asks questions (scope or a section): a stable hook for
                // tests and the peer benchmark.
                let next_kind = match next {
                    Step::Scope | Step::Section(_) => "questions",
                    _ => "other",
                };
                view! {
                    <a class="button primary" id="step-next" href=move || next.href() data-next=next_kind>
                        {move || format!("{}: {} →", t(lang.get(), Msg::Next), title.get())}
                    </a>
                }
            })}
        </nav>
    }
}
