//! The printable readiness report (A4 and US Letter, through the browser's print): cover,
//! executive summary, charts, gap plan, CUEC responsibility matrix as a sign-off sheet,
//! every answer, and the disclaimer. Also the exports (CSV with BOM for Excel, JSON).

use leptos::prelude::*;

use crate::core::answers::{Assessment, Response};
use crate::core::bank::{Bank, ItemKind};
use crate::core::csv::{answers_csv, gaps_csv};
use crate::core::exchange::export_json;
use crate::core::scoring::{Results, Scores, NEXT_STEPS};
use crate::core::text::Lang;
use crate::ui::bank_credits::BankCredits;
use crate::ui::charts::{CategoryChart, DomainChart};
use crate::ui::download::{download, file_stem};
use crate::ui::guidance::use_guidance;
use crate::ui::state::{now_iso, use_session};
use crate::ui::strings::{colon, criticality_text, level_label, t, tr, Msg};
use crate::ui::verdicts::results_cards;

/// Gaps printed with their remediation steps; the rest are listed in one line each (all
/// of them, with steps, are in the gap-plan CSV).
const DETAILED_GAPS: usize = 20;

fn gap_levels(lang: Lang, g: &crate::core::scoring::Gap) -> String {
    let level = if g.dont_know {
        t(lang, Msg::DontKnow).to_string()
    } else {
        g.level.to_string()
    };
    format!("{level} → {}", g.target)
}

/// Today's date, written the way the language writes dates.
pub fn today(lang: Lang) -> String {
    js_sys::Date::new_0()
        .to_locale_date_string(lang.tag(), &js_sys::Object::new())
        .into()
}

pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// What the user answered, in words.
pub fn response_text(lang: Lang, r: Option<&Response>) -> String {
    match r {
        None => t(lang, Msg::Unanswered).to_string(),
        Some(Response::Level(l)) => level_label(lang, l.value()).to_string(),
        Some(Response::DontKnow) => t(lang, Msg::DontKnow).to_string(),
        Some(Response::NotApplicable { reason }) => {
            format!("{}{}{reason}", t(lang, Msg::NotApplicable), colon(lang))
        }
    }
}

#[component]
pub fn Exports() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let guidance = use_guidance();
    // The gap plan's steps and evidence come with the guidance: its download starts here.
    let _ = guidance.bank(session.bank, lang.get_untracked());
    let bank = move || guidance.bank_or(session.bank, lang.get_untracked());
    let stem = move || session.assessment.with_untracked(|a| file_stem(&a.name));
    let answers = move |_| {
        let csv = session
            .assessment
            .with_untracked(|a| answers_csv(bank(), a, lang.get_untracked()));
        download(
            &format!("{}-answers.csv", stem()),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let gaps = move |_| {
        let csv = session.scores.with_untracked(|s| {
            session
                .assessment
                .with_untracked(|a| gaps_csv(bank(), s, a, lang.get_untracked()))
        });
        download(
            &format!("{}-gap-plan.csv", stem()),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let json = move |_| {
        let json = session
            .assessment
            .with_untracked(|a| export_json(a, bank(), &now_iso()));
        download(
            &format!("{}.soc-readiness.json", stem()),
            "application/json",
            &json,
        );
    };
    view! {
        <div class="exports no-print" role="group" aria-label=tr(lang, Msg::Exports)>
            <button type="button" on:click=answers>{tr(lang, Msg::ExportAnswersCsv)}</button>
            <button type="button" on:click=gaps>{tr(lang, Msg::ExportGapsCsv)}</button>
            <button type="button" on:click=json>{tr(lang, Msg::ExportJsonShort)}</button>
        </div>
    }
}

#[component]
pub fn ReportStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let guidance = use_guidance();
    let organisation = Memo::new(move |_| session.assessment.with(|a| a.organisation.clone()));
    let assessor = Memo::new(move |_| session.assessment.with(|a| a.assessor.clone()));
    view! {
        <article class="report" aria-labelledby="step-heading">
            <div class="report-controls no-print">
                <label class="field" for="report-org">{tr(lang, Msg::Organisation)}</label>
                <input id="report-org" type="text" prop:value=move || organisation.get()
                    on:change=move |ev| { let v = event_target_value(&ev); session.edit(|a| a.organisation = v); } />
                <label class="field" for="report-assessor">{tr(lang, Msg::Assessor)}</label>
                <input id="report-assessor" type="text" prop:value=move || assessor.get()
                    on:change=move |ev| { let v = event_target_value(&ev); session.edit(|a| a.assessor = v); } />
                <p class="actions">
                    <button type="button" class="primary-button" on:click=move |_| print_page()>{tr(lang, Msg::PrintReport)}</button>
                </p>
                <Exports />
                {move || guidance.bank(bank, lang.get()).is_none().then(|| view! {
                    <p class="guidance-status" role="status">{move || t(lang.get(), if guidance.failed.get() { Msg::GuidanceMissing } else { Msg::GuidanceLoading })}</p>
                })}
            </div>
            // The steps and evidence come with the guidance: the report is drawn again when
            // it arrives (a moment after the page opens).
            {move || { let l = lang.get(); let bank = guidance.bank_or(bank, l); session.scores.with(|s| session.results.with(|r| session.assessment.with(|a| report_body(s, r, a, bank, l)))) }}
        </article>
    }
}

fn report_body(
    s: &Scores,
    results: &Results,
    a: &Assessment,
    bank: &'static Bank,
    lang: Lang,
) -> impl IntoView {
    let completion = s.completion();
    let visible: Vec<_> = bank.visible_items(&a.scope).collect();
    // Guidance names only the chosen provider's products (plus the generic steps).
    let provider = bank.chosen_provider(&a.scope);
    let thresholds = results.own.is_some();
    let scope_rows: Vec<(String, String)> = bank
        .scope
        .iter()
        .filter(|q| bank.scope_question_visible(q, &a.scope))
        .map(|q| {
            let chosen: Vec<String> = q
                .options
                .iter()
                .filter(|o| a.scope_selected(&q.id, &o.id))
                .map(|o| o.label.get(lang).to_string())
                .collect();
            let answer = if chosen.is_empty() {
                t(lang, Msg::Unanswered).to_string()
            } else {
                chosen.join("; ")
            };
            (q.text.get(lang).to_string(), answer)
        })
        .collect();
    let or_blank = |v: &str| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.to_string()
        }
    };
    view! {
        <header class="report-cover">
            <p class="report-kicker">{bank.meta.title.get(lang).to_string()}</p>
            <h1 id="step-heading" tabindex="-1">{t(lang, Msg::ReportTitle)}</h1>
            <dl class="cover-facts">
                <dt>{t(lang, Msg::Organisation)}</dt><dd>{or_blank(&a.organisation)}</dd>
                <dt>{t(lang, Msg::Assessor)}</dt><dd>{or_blank(&a.assessor)}</dd>
                <dt>{t(lang, Msg::ReportDate)}</dt><dd>{today(lang)}</dd>
                <dt>{t(lang, Msg::QuestionBank)}</dt><dd>{format!("{} {} ({})", bank.meta.id, bank.meta.version, bank.meta.date)}</dd>
                <dt>{t(lang, Msg::AssessmentName)}</dt><dd>{or_blank(&a.name)}</dd>
            </dl>
            <h2>{t(lang, Msg::StepScope)}</h2>
            <table class="report-table scope-table">
                <tbody>
                    {scope_rows.into_iter().map(|(q, ans)| view! { <tr><th scope="row">{q}</th><td>{ans}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </header>

        <section class="report-section">
            <h2>{t(lang, Msg::ExecutiveSummary)}</h2>
            {(completion.answered < completion.total).then(|| view! { <p class="report-warning">{t(lang, Msg::IncompleteWarning)} " " {format!("{} / {}", completion.answered, completion.total)}</p> })}
            {results_cards(results, None, bank, lang, Msg::SeeAppendix, &|_| ().into_any())}
            <h3>{t(lang, Msg::NextSteps)}</h3>
            <ol>
                {s.next_steps(NEXT_STEPS).iter().map(|g| {
                    let title = bank.item(&g.item).map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                    view! { <li>{format!("{} {title}", g.item)}</li> }
                }).collect_view()}
            </ol>
        </section>

        <section class="report-section report-charts">
            <h2>{t(lang, Msg::ByCategory)}</h2>
            <CategoryChart scores=s.clone() lang=lang thresholds=thresholds />
            <h2>{t(lang, Msg::ByDomain)}</h2>
            <DomainChart scores=s.clone() lang=lang thresholds=thresholds />
        </section>

        <section class="report-section">
            <h2>{t(lang, Msg::GapPlan)}</h2>
            {s.gaps.is_empty().then(|| view! { <p>{t(lang, Msg::NoGaps)}</p> })}
            <table class="report-table gap-table">
                <thead><tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{t(lang, Msg::Item)}</th>
                    <th scope="col">{t(lang, Msg::Criticality)}</th>
                    <th scope="col">{t(lang, Msg::LevelTarget)}</th>
                    <th scope="col">{t(lang, Msg::WhatToDo)}</th>
                </tr></thead>
                <tbody>
                    {s.gaps.iter().take(DETAILED_GAPS).enumerate().map(|(n, g)| {
                        let item = bank.item(&g.item);
                        let title = item.map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                        let steps: Vec<String> = item.map(|i| i.how_for(provider, lang).into_iter().map(str::to_string).collect()).unwrap_or_default();
                        let note = a.note(&g.item).to_string();
                        view! {
                            <tr>
                                <td>{n + 1}</td>
                                <td><span class="item-id">{g.item.clone()}</span> " " {title} <br/> <span class="crit-ids">{g.criteria.join(", ")}</span></td>
                                <td>{criticality_text(lang, g.criticality)}</td>
                                <td>{gap_levels(lang, g)}</td>
                                <td>
                                    <ol class="plan-steps">{steps.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ol>
                                    {(!note.is_empty()).then(|| view! { <p class="gap-note">{format!("{}{}{note}", t(lang, Msg::YourNote), colon(lang))}</p> })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(s.gaps.len() > DETAILED_GAPS).then(|| view! {
                <h3>{t(lang, Msg::FurtherGaps)}</h3>
                <table class="report-table gap-table further-gaps">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{t(lang, Msg::Item)}</th>
                        <th scope="col">{t(lang, Msg::Criticality)}</th>
                        <th scope="col">{t(lang, Msg::LevelTarget)}</th>
                        <th scope="col">{t(lang, Msg::YourNote)}</th>
                    </tr></thead>
                    <tbody>
                        {s.gaps.iter().enumerate().skip(DETAILED_GAPS).map(|(n, g)| {
                            let title = bank.item(&g.item).map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                            view! {
                                <tr>
                                    <td>{n + 1}</td>
                                    <td><span class="item-id">{g.item.clone()}</span> " " {title}</td>
                                    <td>{criticality_text(lang, g.criticality)}</td>
                                    <td>{gap_levels(lang, g)}</td>
                                    <td>{a.note(&g.item).to_string()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>

        <section class="report-section matrix-section">
            <h2>{t(lang, Msg::ResponsibilityMatrix)}</h2>
            <p>{t(lang, Msg::MatrixExplain)}</p>
            <table class="report-table matrix">
                <thead><tr>
                    <th scope="col">{t(lang, Msg::Item)}</th>
                    <th scope="col">{t(lang, Msg::Owner)}</th>
                    <th scope="col">{t(lang, Msg::Frequency)}</th>
                    <th scope="col">{t(lang, Msg::Evidence)}</th>
                    <th scope="col">{t(lang, Msg::SignOff)}</th>
                </tr></thead>
                <tbody>
                    {visible.iter().filter(|i| i.kind != ItemKind::Readiness).map(|i| {
                        let ans = a.answers.get(&i.id).cloned().unwrap_or_default();
                        view! {
                            <tr>
                                <td><span class="item-id">{i.id.clone()}</span> " " {i.title.get(lang).to_string()}</td>
                                <td>{ans.owner}</td>
                                <td>{ans.frequency}</td>
                                <td>{i.evidence_for(provider, lang)}</td>
                                <td class="signature"></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>

        <section class="report-section appendix-section">
            <h2>{t(lang, Msg::AppendixAnswers)}</h2>
            <table class="report-table appendix">
                <thead><tr>
                    <th scope="col">{t(lang, Msg::Item)}</th>
                    <th scope="col">{t(lang, Msg::Answer)}</th>
                    <th scope="col">{t(lang, Msg::YourNote)}</th>
                </tr></thead>
                <tbody>
                    {visible.iter().map(|i| view! {
                        <tr>
                            <td><span class="item-id">{i.id.clone()}</span> " " {i.title.get(lang).to_string()}</td>
                            <td>{response_text(lang, a.response(&i.id))}</td>
                            <td>{a.note(&i.id).to_string()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>

        {crate::ui::guide::guide_appendix(lang, results.own.is_some())}

        <section class="report-section disclaimer">
            <h2>{t(lang, Msg::DisclaimerTitle)}</h2>
            <p>{t(lang, Msg::Disclaimer)}</p>
            <BankCredits bank=bank lang=lang />
        </section>
    }
}
