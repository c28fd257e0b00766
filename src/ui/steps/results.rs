//! Results: the verdict in plain words, the score and completion, readiness for Type I and
//! Type II with the gates that failed, scores by category and report, and the next steps.
//! (The full report and print layout build on this.)

use leptos::prelude::*;

use crate::core::bank::{Bank, Report};
use crate::core::criteria::{Catalogue, Category};
use crate::core::scoring::{GateKind, Scores, NEXT_STEPS};
use crate::core::text::Lang;
use crate::ui::state::use_session;
use crate::ui::strings::{t, Msg};

fn fmt_score(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into())
}

fn gate_text(lang: Lang, kind: GateKind) -> &'static str {
    match kind {
        GateKind::Unanswered => t(lang, Msg::GateUnanswered),
        GateKind::CriticalCuecBelow3 => t(lang, Msg::GateCriticalCuec),
        GateKind::CriticalBelow4 => t(lang, Msg::GateCriticalType2),
    }
}

#[component]
pub fn ResultsStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    view! {
        <section class="results" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{move || t(lang.get(), Msg::StepResults)}</h1>
            {move || session.scores.with(|s| results_body(s, session.bank, lang.get()))}
        </section>
    }
}

/// The results of any assessment (the user's own, or a shared one) as plain views.
pub fn results_body(s: &Scores, bank: &'static Bank, lang: Lang) -> impl IntoView {
    let band = s
        .verdict
        .band
        .as_ref()
        .and_then(|b| bank.scoring.bands.get(b.index));
    let completion = s.completion();
    let incomplete = completion.answered < completion.total;
    let yes_no = |b: bool| {
        if b {
            t(lang, Msg::Yes)
        } else {
            t(lang, Msg::No)
        }
    };
    let categories: Vec<_> = s
        .categories
        .iter()
        .filter(|c| c.in_scope || c.score.answered > 0)
        .map(|c| {
            let title = Catalogue::builtin()
                .ok()
                .and_then(|cat| cat.category_title(c.category))
                .map(|t| t.get(lang).to_string())
                .unwrap_or_else(|| c.category.id().to_string());
            (
                title,
                fmt_score(c.score.score),
                c.score.answered,
                c.score.total,
                c.category == Category::Security || c.in_scope,
            )
        })
        .collect();
    let reports: Vec<_> = s
        .reports
        .iter()
        .map(|r| {
            let name = match r.report {
                Report::Soc1 => "SOC 1",
                Report::Soc2 => "SOC 2",
            };
            (
                name,
                fmt_score(r.score.score),
                r.score.answered,
                r.score.total,
                r.relied_on,
            )
        })
        .collect();
    let steps: Vec<_> = s
        .next_steps(NEXT_STEPS)
        .iter()
        .filter_map(|g| bank.item(&g.item).map(|i| (g.clone(), i)))
        .collect();
    view! {
        <div class="verdict" role="status">
            <p class="verdict-band">{band.map(|b| b.label.get(lang).to_string()).unwrap_or_else(|| t(lang, Msg::NoScoreYet).to_string())}</p>
            <p class="verdict-score">{format!("{} {} / 100", t(lang, Msg::OverallScore), fmt_score(s.verdict.score))}</p>
            {band.and_then(|b| b.advice.as_ref()).map(|a| view! { <p>{a.get(lang).to_string()}</p> })}
        </div>
        {incomplete.then(|| view! {
            <p class="notice notice-error">{format!("{} {} / {}", t(lang, Msg::IncompleteWarning), completion.answered, completion.total)}</p>
        })}
        <dl class="readiness">
            <dt>{t(lang, Msg::Type1Ready)}</dt><dd>{yes_no(s.verdict.type1_ready)}</dd>
            <dt>{t(lang, Msg::Type2Ready)}</dt><dd>{yes_no(s.verdict.type2_ready)}</dd>
        </dl>
        {(!s.verdict.failed_gates.is_empty()).then(|| view! {
            <h2>{t(lang, Msg::FailedGates)}</h2>
            <ul class="gates">
                {s.verdict.failed_gates.iter().map(|g| view! {
                    <li>{gate_text(lang, g.kind)} ": " <span class="item-id">{g.items.join(", ")}</span></li>
                }).collect_view()}
            </ul>
        })}
        <h2>{t(lang, Msg::NextSteps)}</h2>
        <ol class="next-steps">
            {steps.into_iter().map(|(g, item)| view! {
                <li>
                    <strong><span class="item-id">{item.id.clone()}</span> " " {item.title.get(lang).to_string()}</strong>
                    <p>{format!("{} {} → {}", t(lang, Msg::LevelNow), if g.dont_know { t(lang, Msg::DontKnow).to_string() } else { g.level.to_string() }, g.target)}</p>
                    <ul>{item.how.get(lang).iter().map(|h| view! { <li>{h.clone()}</li> }).collect_view()}</ul>
                </li>
            }).collect_view()}
        </ol>
        <h2>{t(lang, Msg::ByCategory)}</h2>
        <table class="score-table">
            <thead><tr><th scope="col">{t(lang, Msg::Category)}</th><th scope="col">{t(lang, Msg::Score)}</th><th scope="col">{t(lang, Msg::Answered)}</th></tr></thead>
            <tbody>
                {categories.into_iter().map(|(title, score, a, n, _)| view! {
                    <tr><th scope="row">{title}</th><td>{score}</td><td>{format!("{a} / {n}")}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <h2>{t(lang, Msg::ByReport)}</h2>
        <table class="score-table">
            <thead><tr><th scope="col">{t(lang, Msg::Report)}</th><th scope="col">{t(lang, Msg::Score)}</th><th scope="col">{t(lang, Msg::Answered)}</th><th scope="col">{t(lang, Msg::ReliedOn)}</th></tr></thead>
            <tbody>
                {reports.into_iter().map(|(name, score, a, n, relied)| view! {
                    <tr><th scope="row">{name}</th><td>{score}</td><td>{format!("{a} / {n}")}</td><td>{yes_no(relied)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
