//! Results: the verdict in plain words, blockers first, SOC 1 and SOC 2 views, charts with
//! data tables, the full gap list, "why this score" for every number, and the exports.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::answers::Assessment;
use crate::core::bank::Bank;
use crate::core::criteria::Catalogue;
use crate::core::scoring::{
    explain, Exclusion, Gap, GroupScore, Outcome, Results, Scores, Subject, NEXT_STEPS,
};
use crate::core::text::Lang;
use crate::ui::charts::{CategoryChart, DomainChart, ResultsChart};
use crate::ui::disclosure::on_first_open;
use crate::ui::gap_list::GapList;
use crate::ui::route::Step;
use crate::ui::state::use_session;
use crate::ui::strings::{colon, criticality_text, t, tr, Msg};
use crate::ui::verdicts::{fmt_score, results_cards, summary_cards};

#[component]
pub fn ResultsStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    view! {
        <section class="results" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepResults)}</h1>
            {crate::ui::embed::use_embed().share_results.then(|| view! { <p class="notice" role="status">{tr(lang, Msg::SharesResults)}</p> })}
            {move || session.scores.with(|s| session.results.with(|r| session.assessment.with(|a| results_body(s, r, a, bank, lang.get(), true))))}
            <div class="actions-row no-print">
                <p class="actions">
                    <a class="button primary" href=|| Step::Report.href()>{tr(lang, Msg::OpenReport)}</a>
                    <a class="button secondary" href=|| Step::Blank.href()>{tr(lang, Msg::BlankQuestionnaire)}</a>
                </p>
                <super::report::Exports />
            </div>
            <crate::ui::guide::GuideTopics place="results".to_string() lang=lang />
        </section>
    }
}

/// "Why this score": the items behind a number, with weight, level and points. Rendered
/// only when opened, so the page does not carry every explanation.
#[component]
pub fn WhyScore(
    subject: Subject,
    /// Shared by every "why" of the page (one copy of the assessment, not one each).
    assessment: Arc<Assessment>,
    bank: &'static Bank,
    lang: Lang,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class="why-score no-print" on:toggle=on_first_open(open)>
            <summary>{t(lang, Msg::WhyThisScore)}</summary>
            {move || open.get().then(|| {
                let e = explain(bank, &assessment, &subject);
                view! {
                    <p>{format!("{} {} / {} = {}", t(lang, Msg::PointsFormula), e.score.points, e.score.max_points, fmt_score(e.score.score))}</p>
                    <table class="score-table compact">
                        <thead><tr>
                            <th scope="col">{t(lang, Msg::Item)}</th>
                            <th scope="col">{t(lang, Msg::Weight)}</th>
                            <th scope="col">{t(lang, Msg::Level)}</th>
                            <th scope="col">{t(lang, Msg::Points)}</th>
                        </tr></thead>
                        <tbody>
                            {e.contributions.into_iter().filter(|c| !matches!(c.outcome, Outcome::Excluded(Exclusion::Hidden))).map(|c| {
                                let title = bank.item(&c.item).map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                                let (level, points) = match &c.outcome {
                                    Outcome::Counted { level, dont_know, points, max_points } => (
                                        if *dont_know { t(lang, Msg::DontKnow).to_string() } else { level.to_string() },
                                        format!("{points} / {max_points}"),
                                    ),
                                    Outcome::Excluded(Exclusion::NotApplicable { .. }) => (t(lang, Msg::NotApplicable).to_string(), t(lang, Msg::Excluded).to_string()),
                                    Outcome::Excluded(_) => (t(lang, Msg::Unanswered).to_string(), t(lang, Msg::Excluded).to_string()),
                                };
                                view! { <tr><td><span class="item-id">{c.item.clone()}</span> " " {title}</td><td>{c.weight}</td><td>{level}</td><td>{points}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
        </details>
    }
}

fn score_line(label: String, g: &GroupScore, lang: Lang) -> String {
    format!(
        "{label}: {} / 100 ({} {} / {})",
        fmt_score(g.score),
        t(lang, Msg::Answered),
        g.answered,
        g.total
    )
}

/// One gap with what to do about it.
pub fn gap_view(
    g: &Gap,
    bank: &'static Bank,
    lang: Lang,
    note: String,
    provider: Option<&str>,
) -> impl IntoView {
    let item = bank.item(&g.item);
    let title = item
        .map(|i| i.title.get(lang).to_string())
        .unwrap_or_default();
    let steps: Vec<String> = item
        .map(|i| {
            i.how_for(provider, lang)
                .into_iter()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let level = if g.dont_know {
        t(lang, Msg::DontKnow).to_string()
    } else {
        g.level.to_string()
    };
    view! {
        <li class="gap">
            <p class="gap-title">
                <span class="item-id">{g.item.clone()}</span> " " <strong>{title}</strong> " "
                <span class=format!("badge crit-{}", g.criticality.id())>{criticality_text(lang, g.criticality)}</span>
            </p>
            <p class="gap-meta">{format!("{} {level} → {} · {} {}", t(lang, Msg::LevelNow), g.target, t(lang, Msg::Criteria), g.criteria.join(", "))}</p>
            <ol class="gap-steps">{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            {(!note.is_empty()).then(|| view! { <p class="gap-note">{format!("{}{}{note}", t(lang, Msg::YourNote), colon(lang))}</p> })}
        </li>
    }
}

/// A folded part of the results page, built when first opened (most visits read only the
/// summary above it).
fn folded(
    summary: String,
    class: &'static str,
    build: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class=format!("more {class}") on:toggle=on_first_open(opened)>
            <summary><h2>{summary}</h2></summary>
            {move || opened.get().then(&build)}
        </details>
    }
}

/// The results of any assessment (the user's own, or a shared one): the summary first
/// (each result's card, the chart, the next five steps), then the details folded.
pub fn results_body(
    s: &Scores,
    results: &Results,
    a: &Assessment,
    bank: &'static Bank,
    lang: Lang,
    interactive: bool,
) -> impl IntoView {
    let completion = s.completion();
    let incomplete = completion.answered < completion.total;
    // One copy for every "why" of the page; none for a read-only view, which has no "why".
    let shared = interactive.then(|| Arc::new(a.clone()));
    let why = move |subject: Subject| {
        shared
            .clone()
            .map(|assessment| {
                view! { <WhyScore subject=subject assessment=assessment bank=bank lang=lang /> }
            })
            .into_any()
    };
    // Thresholds on the charts name the own examination's bands: only with an own SOC 2.
    let thresholds = results.own.is_some();
    let gap_count = s.gaps.len();
    let (sc, rc, ac) = (s.clone(), results.clone(), a.clone());
    let details = {
        let (sc, rc, why) = (s.clone(), results.clone(), why.clone());
        move || results_cards(&rc, Some(&sc), bank, lang, Msg::SeeReview, &why)
    };
    let categories = {
        let (sc, why) = (s.clone(), why.clone());
        move || {
            let catalogue = Catalogue::builtin().ok();
            view! {
                <CategoryChart scores=sc.clone() lang=lang thresholds=thresholds />
                {interactive.then(|| view! {
                    <ul class="why-list">
                        {sc.categories.iter().filter(|c| c.in_scope || c.score.answered > 0).map(|c| {
                            let title = catalogue.and_then(|cat| cat.category_title(c.category)).map(|t| t.get(lang).to_string()).unwrap_or_default();
                            view! { <li>{score_line(title, &c.score, lang)} {why(Subject::Category(c.category))}</li> }
                        }).collect_view()}
                    </ul>
                })}
            }
            .into_any()
        }
    };
    let domains = {
        let sc = s.clone();
        move || {
            view! {
                <DomainChart scores=sc.clone() lang=lang thresholds=thresholds />
                {interactive.then(|| view! {
                    <ul class="why-list">
                        {sc.domains.iter().filter(|d| d.visible).map(|d| {
                            let title = bank.domain(&d.id).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
                            view! { <li>{score_line(title, &d.score, lang)} {why(Subject::Domain(d.id.clone()))}</li> }
                        }).collect_view()}
                    </ul>
                })}
            }
            .into_any()
        }
    };
    view! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading" class="visually-hidden">{t(lang, Msg::AtAGlance)}</h2>
            {summary_cards(results, bank, lang)}
            <ResultsChart results=results.clone() lang=lang />
        </section>
        {incomplete.then(|| view! {
            <p class="notice notice-error">{format!("{} {} / {}", t(lang, Msg::IncompleteWarning), completion.answered, completion.total)}</p>
        })}
        <h2>{t(lang, Msg::NextSteps)}</h2>
        <ol class="next-steps">
            {s.next_steps(NEXT_STEPS).iter().map(|g| {
                let title = bank.item(&g.item).map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                view! { <li><span class="item-id">{g.item.clone()}</span> " " {title}</li> }
            }).collect_view()}
        </ol>
        {folded(t(lang, Msg::ResultDetails).to_string(), "result-details", details)}
        {folded(format!("{} ({gap_count})", t(lang, Msg::AllGaps)), "all-gaps", move || view! {
            <GapList scores=sc.clone() results=rc.clone() assessment=ac.clone() bank=bank lang=lang />
        }.into_any())}
        {folded(t(lang, Msg::ByCategory).to_string(), "by-category", categories)}
        {folded(t(lang, Msg::ByDomain).to_string(), "by-domain", domains)}
    }
}
