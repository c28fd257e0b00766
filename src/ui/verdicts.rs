//! The two results as the results page, the printed report and a shared view show them:
//! one card per result, rendering what `core::scoring::Results` computed (no rule here).

use leptos::prelude::*;

use crate::core::bank::{Bank, Criticality, Report};
use crate::core::provider_reports::ReportCheck;
use crate::core::scoring::{
    gaps_for, Audience, AuditGoal, GroupScore, OwnGateKind, OwnReadiness, Reliance, RelianceLevel,
    Results, Scores, Subject,
};
use crate::core::text::Lang;
use crate::ui::disclosure::on_first_open;
use crate::ui::strings::{colon, criticality_text, t, Msg};

pub fn fmt_score(s: Option<f64>) -> String {
    s.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into())
}

pub fn report_name(r: Report) -> &'static str {
    match r {
        Report::Soc1 => "SOC 1",
        Report::Soc2 => "SOC 2",
    }
}

pub fn reliance_level_text(lang: Lang, level: RelianceLevel) -> &'static str {
    t(
        lang,
        match level {
            RelianceLevel::NothingAnswered => Msg::RelianceNothingAnswered,
            RelianceLevel::Undermined => Msg::RelianceUndermined,
            RelianceLevel::Incomplete => Msg::RelianceIncomplete,
            RelianceLevel::InPlace => Msg::RelianceInPlace,
            RelianceLevel::OperatingWithEvidence => Msg::RelianceOperating,
        },
    )
}

pub fn own_gate_text(lang: Lang, kind: OwnGateKind) -> &'static str {
    t(
        lang,
        match kind {
            OwnGateKind::Unanswered => Msg::GateUnanswered,
            OwnGateKind::CriticalBelow3 => Msg::GateOwnCritical3,
            OwnGateKind::CriterionNotMet => Msg::GateCriterionNotMet,
            OwnGateKind::CriticalBelow4 => Msg::GateOwnCritical4,
            OwnGateKind::RequiredBelow4 => Msg::GateRequired4,
        },
    )
}

/// One finding about a provider report, as a sentence.
pub fn check_text(lang: Lang, c: &ReportCheck) -> String {
    match c {
        ReportCheck::NotDescribed => t(lang, Msg::CheckNotDescribed).to_string(),
        ReportCheck::BadDate { .. } => t(lang, Msg::CheckBadDate).to_string(),
        ReportCheck::Stale { days, .. } => format!("{} {days}", t(lang, Msg::CheckStale)),
        ReportCheck::Type1Only => t(lang, Msg::CheckType1Only).to_string(),
        ReportCheck::Soc3Only => t(lang, Msg::CheckSoc3Only).to_string(),
        ReportCheck::BridgeLetter {
            from,
            to,
            days,
            long,
        } => {
            let mut s = format!(
                "{} {from} – {to} ({days} {}).",
                t(lang, Msg::CheckBridge),
                t(lang, Msg::Days)
            );
            if *long {
                s.push(' ');
                s.push_str(t(lang, Msg::CheckBridgeLong));
            }
            s
        }
    }
}

/// A list of ids, or their count when there are many (the full list is elsewhere).
fn ids_or_count(ids: &[String], lang: Lang, elsewhere: Msg) -> String {
    if ids.len() > 8 {
        format!("{} ({})", ids.len(), t(lang, elsewhere))
    } else {
        ids.join(", ")
    }
}

fn score_line(g: &GroupScore, lang: Lang) -> String {
    format!(
        "{}{}{} / 100 · {} {} / {}",
        t(lang, Msg::Score),
        colon(lang),
        fmt_score(g.score),
        t(lang, Msg::Answered),
        g.answered,
        g.total
    )
}

/// The gaps among one result's items, listed when first opened (the full list with what to
/// do is further down the page and in the printed report).
fn gap_details(
    scores: Option<&Scores>,
    bank: &'static Bank,
    audience: Audience,
    lang: Lang,
) -> impl IntoView {
    scores.map(|s| {
        let gaps: Vec<(String, Criticality)> = gaps_for(bank, s, audience)
            .into_iter()
            .map(|g| (g.item.clone(), g.criticality))
            .collect();
        let count = gaps.len();
        let opened = RwSignal::new(false);
        view! {
            <details class="result-gaps" on:toggle=on_first_open(opened)>
                <summary>{format!("{}{}{count}", t(lang, Msg::GapsForResult), colon(lang))}</summary>
                {move || opened.get().then(|| view! {
                    <ol>
                        {gaps.iter().map(|(id, criticality)| {
                            let title = bank.item(id).map(|i| i.title.get(lang)).unwrap_or_default();
                            view! { <li><span class="item-id">{id.clone()}</span> " " {title} " " <span class=format!("badge crit-{}", criticality.id())>{criticality_text(lang, *criticality)}</span></li> }
                        }).collect_view()}
                    </ol>
                })}
            </details>
        }
    })
}

/// What holds a reliance result back, one sentence each, most serious first.
pub fn reliance_reasons(r: &Reliance, lang: Lang, elsewhere: Msg) -> Vec<String> {
    let mut reasons: Vec<String> = Vec::new();
    if !r.below_in_place.is_empty() {
        reasons.push(format!(
            "{} {}",
            t(lang, Msg::RelianceBelowInPlace),
            r.below_in_place.join(", ")
        ));
    }
    if !r.mismatches.is_empty() {
        reasons.push(format!(
            "{} {}",
            t(lang, Msg::RelianceMismatch),
            r.mismatches.join(", ")
        ));
    }
    if let Some(min) = r.score_below {
        reasons.push(format!("{} {min:.0}.", t(lang, Msg::RelianceScoreBelow)));
    }
    if !r.unanswered.is_empty() {
        reasons.push(format!(
            "{}{}{}",
            t(lang, Msg::GateUnanswered),
            colon(lang),
            ids_or_count(&r.unanswered, lang, elsewhere)
        ));
    }
    reasons.extend(r.checks.iter().map(|c| check_text(lang, c)));
    reasons
}

/// The card of one report's reliance result. `why` renders "why this score" for a subject
/// (absent in read-only and printed views).
pub fn reliance_card(
    r: &Reliance,
    scores: Option<&Scores>,
    bank: &'static Bank,
    lang: Lang,
    elsewhere: Msg,
    why: &dyn Fn(Subject) -> AnyView,
) -> AnyView {
    let reasons = reliance_reasons(r, lang, elsewhere);
    let heading = format!(
        "{} {}",
        report_name(r.report),
        if r.relied_on {
            t(lang, Msg::ReliedOnMark)
        } else {
            ""
        }
    );
    view! {
        <div class=format!("result-card reliance-card level-{}", r.level.id()) data-report=r.report.id()>
            <h3>{heading}</h3>
            <p class="verdict-band">{reliance_level_text(lang, r.level)}</p>
            <p class="verdict-score">{score_line(&r.score, lang)}</p>
            {(!r.relied_on).then(|| view! { <p>{t(lang, Msg::RelianceNotSaid)}</p> })}
            {(!reasons.is_empty()).then(|| view! {
                <ul class="result-reasons">{reasons.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
            })}
            {why(Subject::Reliance(r.report))}
            {gap_details(scores, bank, Audience::Reliance(r.report), lang)}
        </div>
    }
    .into_any()
}

/// What holds the own SOC 2 result back, one sentence each: the score thresholds it
/// misses, then each failed gate with its items or criteria.
pub fn own_reasons(o: &OwnReadiness, lang: Lang, elsewhere: Msg) -> Vec<String> {
    let mut reasons: Vec<String> = [
        (o.type1_score_below, Msg::Type1Ready),
        (o.observation_score_below, Msg::ObservationReady),
    ]
    .into_iter()
    .filter_map(|(below, what)| {
        below.map(|min| {
            format!(
                "{}{}{} {min:.0}",
                t(lang, what),
                colon(lang),
                t(lang, Msg::ScoreBelowThreshold)
            )
        })
    })
    .collect();
    reasons.extend(o.gates.iter().map(|g| {
        // Only the unanswered questions are listed elsewhere (Review, the appendix): every
        // other gate names its items or criteria in full.
        let ids = if g.kind == OwnGateKind::Unanswered {
            ids_or_count(&g.ids, lang, elsewhere)
        } else {
            g.ids.join(", ")
        };
        format!("{}{}{ids}", own_gate_text(lang, g.kind), colon(lang))
    }));
    reasons
}

/// The card of the customer's own SOC 2 readiness.
pub fn own_card(
    o: &OwnReadiness,
    scores: Option<&Scores>,
    bank: &'static Bank,
    lang: Lang,
    elsewhere: Msg,
    why: &dyn Fn(Subject) -> AnyView,
) -> AnyView {
    let band = o.band_in(bank);
    let yes_no = |b: bool| t(lang, if b { Msg::Yes } else { Msg::No });
    let reasons = own_reasons(o, lang, elsewhere);
    view! {
        <div class="result-card own-card">
            <h3>{if o.goal == AuditGoal::Type2 { "SOC 2 Type II" } else { "SOC 2 Type I" }}</h3>
            <p class="verdict-band">{band.map(|b| b.label.get(lang).to_string()).unwrap_or_else(|| t(lang, Msg::NoScoreYet).to_string())}</p>
            <p class="verdict-score">{score_line(&o.score, lang)}</p>
            {band.and_then(|b| b.advice.as_ref()).map(|adv| view! { <p>{adv.get(lang).to_string()}</p> })}
            <dl class="readiness">
                <dt>{t(lang, Msg::Type1Ready)}</dt><dd>{yes_no(o.type1_ready)}</dd>
                <dt>{t(lang, Msg::ObservationReady)}</dt><dd>{yes_no(o.observation_ready)}</dd>
            </dl>
            <p class="caveat">{t(lang, Msg::ObservationCaveat)}</p>
            {(!reasons.is_empty()).then(|| view! {
                <h4>{t(lang, Msg::FailedGates)}</h4>
                <ul class="gates">
                    {reasons.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}
                </ul>
            })}
            {why(Subject::OwnSoc2)}
            {gap_details(scores, bank, Audience::OwnSoc2, lang)}
        </div>
    }
    .into_any()
}

/// The "not applicable" answers an auditor will ask about (own SOC 2 only).
pub fn exclusions_view(o: &OwnReadiness, bank: &Bank, lang: Lang) -> impl IntoView {
    (!o.exclusions.is_empty()).then(|| {
        view! {
            <h3>{t(lang, Msg::Exclusions)}</h3>
            <p>{t(lang, Msg::ExclusionsHelp)}</p>
            <ul class="exclusions">
                {o.exclusions.iter().map(|e| {
                    let title = bank.item(&e.item).map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                    let criteria = (!e.criteria.is_empty()).then(|| format!(" · {} {}", t(lang, Msg::ExclusionCriteria), e.criteria.join(", ")));
                    view! {
                        <li>
                            <span class="item-id">{e.item.clone()}</span> " " {title}
                            {format!(" — {}{}{}", t(lang, Msg::NotApplicable), colon(lang), e.reason)}
                            {criteria}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

/// Both results: reliance for each report, then the own SOC 2 readiness when there is one.
/// With `scores`, each card lists the gaps among its items when opened (not in print).
pub fn results_cards(
    results: &Results,
    scores: Option<&Scores>,
    bank: &'static Bank,
    lang: Lang,
    elsewhere: Msg,
    why: &dyn Fn(Subject) -> AnyView,
) -> AnyView {
    view! {
        <section class="result-group" aria-labelledby="reliance-heading">
            <h2 id="reliance-heading">{t(lang, Msg::RelianceHeading)}</h2>
            <p>{t(lang, Msg::RelianceQuestion)}</p>
            <div class="result-cards">
                {results.reliance.iter().map(|r| reliance_card(r, scores, bank, lang, elsewhere, why)).collect_view()}
            </div>
        </section>
        {results.own.as_ref().map(|o| view! {
            <section class="result-group" aria-labelledby="own-heading">
                <h2 id="own-heading">{t(lang, Msg::OwnHeading)}</h2>
                <p>{t(lang, Msg::OwnQuestion)}</p>
                {own_card(o, scores, bank, lang, elsewhere, why)}
                {exclusions_view(o, bank, lang)}
            </section>
        })}
    }
    .into_any()
}

/// The results at a glance: one short card per result with its level, score and what holds
/// it back in one line (the full cards are further down the page).
pub fn summary_cards(results: &Results, bank: &Bank, lang: Lang) -> AnyView {
    let one_line = |reasons: Vec<String>| {
        let more = reasons.len().saturating_sub(1);
        reasons.into_iter().next().map(|first| {
            if more > 0 {
                format!("{first} (+{more} {})", t(lang, Msg::MoreReasons))
            } else {
                first
            }
        })
    };
    let reliance = results.reliance.iter().map(|r| {
        let line = one_line(reliance_reasons(r, lang, Msg::SeeReview));
        view! {
            <div class=format!("summary-card reliance-summary level-{}", r.level.id()) data-report=r.report.id()>
                <h3>{format!("{} — {}", report_name(r.report), t(lang, Msg::RelianceShort))}</h3>
                <p class="verdict-band">{reliance_level_text(lang, r.level)}</p>
                <p class="verdict-score">{score_line(&r.score, lang)}</p>
                {line.map(|l| view! { <p class="holds-back">{l}</p> })}
            </div>
        }
    }).collect_view();
    let own = results.own.as_ref().map(|o| {
        let band = o.band_in(bank);
        let line = one_line(own_reasons(o, lang, Msg::SeeReview));
        view! {
            <div class="summary-card own-summary">
                <h3>{format!("{} ({})", t(lang, Msg::OwnHeading), if o.goal == AuditGoal::Type2 { "Type II" } else { "Type I" })}</h3>
                <p class="verdict-band">{band.map(|b| b.label.get(lang).to_string()).unwrap_or_else(|| t(lang, Msg::NoScoreYet).to_string())}</p>
                <p class="verdict-score">{score_line(&o.score, lang)}</p>
                {line.map(|l| view! { <p class="holds-back">{l}</p> })}
            </div>
        }
    });
    view! { <div class="summary-cards">{reliance}{own}</div> }.into_any()
}
