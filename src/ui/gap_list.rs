//! The full gap list on the results page, with filters by criticality, domain, result and
//! owner (the filtering is `core::scoring::GapFilter`; this only renders it).

use leptos::prelude::*;

use crate::core::answers::Assessment;
use crate::core::bank::{Bank, Criticality, Report};
use crate::core::scoring::{gap_owners, Audience, GapFilter, Results, Scores};
use crate::core::text::Lang;
use crate::ui::guidance::use_guidance;
use crate::ui::steps::results::gap_view;
use crate::ui::strings::{criticality_text, t, Msg};
use crate::ui::verdicts::report_name;

/// The audiences a customer has results for, with their labels.
fn audiences(results: &Results, lang: Lang) -> Vec<(Audience, String)> {
    let mut v: Vec<(Audience, String)> = results
        .reliance
        .iter()
        .map(|r| {
            (
                Audience::Reliance(r.report),
                format!(
                    "{} — {}",
                    report_name(r.report),
                    t(lang, Msg::RelianceShort)
                ),
            )
        })
        .collect();
    if results.own.is_some() {
        v.push((Audience::OwnSoc2, t(lang, Msg::OwnHeading).to_string()));
    }
    v
}

fn audience_id(a: Audience) -> &'static str {
    match a {
        Audience::Reliance(Report::Soc1) => "soc1",
        Audience::Reliance(Report::Soc2) => "soc2",
        Audience::OwnSoc2 => "own",
    }
}

#[component]
pub fn GapList(
    scores: Scores,
    results: Results,
    assessment: Assessment,
    bank: &'static Bank,
    lang: Lang,
) -> impl IntoView {
    let filter = RwSignal::new(GapFilter::default());
    let owners = gap_owners(&scores, &assessment);
    let auds = audiences(&results, lang);
    let domains: Vec<(String, String)> = scores
        .domains
        .iter()
        .filter(|d| d.visible && d.score.total > 0)
        .filter_map(|d| bank.domain(&d.id))
        .map(|d| (d.id.clone(), d.title.get(lang).to_string()))
        .collect();
    let all = t(lang, Msg::FilterAll);
    let count = {
        let (scores, assessment) = (scores.clone(), assessment.clone());
        move || filter.with(|f| f.apply(bank, &scores, &assessment).len())
    };
    let guidance = use_guidance();
    let shown = move || {
        // The steps come with the guidance (downloaded on first need).
        let guided = guidance.bank_or(bank, lang);
        filter.with(|f| {
            f.apply(bank, &scores, &assessment)
                .into_iter()
                .map(|g| {
                    let provider = bank.chosen_provider(&assessment.scope);
                    gap_view(
                        g,
                        guided,
                        lang,
                        assessment.note(&g.item).to_string(),
                        provider,
                    )
                })
                .collect_view()
        })
    };
    let auds_for_change = auds.clone();
    view! {
        <div class="gap-filters no-print" role="group" aria-label=t(lang, Msg::FilterGaps)>
            <label>{t(lang, Msg::Criticality)}
                <select on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.criticality = Criticality::from_id(&v)); }>
                    <option value="">{all}</option>
                    {Criticality::ALL.into_iter().map(|c| view! { <option value=c.id()>{criticality_text(lang, c)}</option> }).collect_view()}
                </select>
            </label>
            <label>{t(lang, Msg::Domain)}
                <select on:change=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.domain = (!v.is_empty()).then_some(v)); }>
                    <option value="">{all}</option>
                    {domains.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                </select>
            </label>
            <label>{t(lang, Msg::Result)}
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.audience = auds_for_change.iter().find(|(a, _)| audience_id(*a) == v).map(|(a, _)| *a));
                }>
                    <option value="">{all}</option>
                    {auds.into_iter().map(|(a, label)| view! { <option value=audience_id(a)>{label}</option> }).collect_view()}
                </select>
            </label>
            <label>{t(lang, Msg::Owner)}
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    // "*" is "any owner"; "" is "no owner given".
                    filter.update(|f| f.owner = (v != "*").then_some(v));
                }>
                    <option value="*">{all}</option>
                    {owners.into_iter().map(|o| {
                        let label = if o.is_empty() { t(lang, Msg::NoOwner).to_string() } else { o.clone() };
                        view! { <option value=o>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
        <p class="gap-count" role="status">{move || format!("{} {}", t(lang, Msg::GapsShown), count())}</p>
        <ol class="gap-list">{shown}</ol>
    }
}
