//! Charts as SVG. All geometry comes from `core::chart` (unit-tested); these components
//! only emit elements. Each chart has a data table alternative with the same rows.

use leptos::prelude::*;

use crate::core::chart::{
    band_threshold, bar_chart, category_bars, domain_bars, fmt_num, BarInput, BarLayout, Label,
    Threshold,
};
use crate::core::criteria::Catalogue;
use crate::core::scoring::{Results, Scores, TYPE1_BAND, TYPE2_BAND};
use crate::core::text::Lang;
use crate::ui::state::use_session;
use crate::ui::strings::{t, Msg};
use crate::ui::verdicts::report_name;

fn text(l: &Label, class: &'static str) -> impl IntoView {
    view! {
        <text class=class x=fmt_num(l.x) y=fmt_num(l.y) text-anchor=l.anchor.as_str() dominant-baseline=l.baseline.as_str()>
            {l.text.clone()}
        </text>
    }
}

/// The own-SOC 2 bands' thresholds, when `own` (a customer preparing its own SOC 2: they
/// name an examination), else none.
fn band_thresholds(own: bool, lang: Lang) -> Vec<Threshold> {
    let bank = use_session().bank;
    [TYPE1_BAND, TYPE2_BAND]
        .iter()
        .filter(|_| own)
        .filter_map(|b| band_threshold(bank, b, lang))
        .collect()
}

/// `compact`: a narrow chart for the summary beside the result cards (fewer, shorter rows).
fn bar_svg(
    rows: Vec<BarInput>,
    lang: Lang,
    title: Msg,
    id: &'static str,
    thresholds: Vec<Threshold>,
    compact: bool,
) -> impl IntoView {
    let (width, label_width, value_width) = if compact {
        (420.0, 110.0, 80.0)
    } else {
        (720.0, 260.0, BarLayout::default().value_width)
    };
    let layout = BarLayout {
        width,
        label_width,
        value_width,
        thresholds,
        ..BarLayout::default()
    };
    let chart = bar_chart(&rows, layout);
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", fmt_num(chart.width), fmt_num(chart.height)) role="img" aria-labelledby=labelled_by>
                <title id=title_id>{t(lang, title)}</title>
                {chart.ticks.iter().map(|tick| view! {
                    <line class="grid" x1=fmt_num(tick.x) x2=fmt_num(tick.x) y1=fmt_num(chart.plot.y) y2=fmt_num(chart.plot.y + chart.plot.height) />
                    {text(&tick.label, "tick")}
                }).collect_view()}
                {chart.rows.iter().map(|r| view! {
                    {text(&r.label, "row-label")}
                    {r.secondary.as_ref().map(|s| text(s, "row-secondary"))}
                    <rect class="bar" x=fmt_num(r.bar.x) y=fmt_num(r.bar.y) width=fmt_num(r.bar.width) height=fmt_num(r.bar.height) />
                    {text(&r.value_label, "value")}
                }).collect_view()}
                {chart.thresholds.iter().map(|m| view! {
                    <line class="threshold" x1=fmt_num(m.x) x2=fmt_num(m.x) y1=fmt_num(chart.plot.y - 4.0) y2=fmt_num(chart.plot.y + chart.plot.height) />
                    {text(&m.label, "threshold-label")}
                }).collect_view()}
            </svg>
            <details class="chart-table">
                <summary>{t(lang, Msg::ChartTable)}</summary>
                <table class="score-table">
                    <caption>{t(lang, title)}</caption>
                    <thead><tr><th scope="col">{t(lang, Msg::Item)}</th><th scope="col">{t(lang, Msg::Score)}</th><th scope="col">{t(lang, Msg::Answered)}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr>
                                <th scope="row">{r.label}</th>
                                <td>{r.value.map(|v| format!("{v:.0}")).unwrap_or_else(|| t(lang, Msg::NotScored).to_string())}</td>
                                <td>{r.secondary.unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

#[component]
pub fn CategoryChart(scores: Scores, lang: Lang, thresholds: bool) -> impl IntoView {
    let rows = Catalogue::builtin()
        .map(|c| category_bars(&scores, c, lang))
        .unwrap_or_default();
    bar_svg(
        rows,
        lang,
        Msg::ChartCategories,
        "chart-categories",
        band_thresholds(thresholds, lang),
        false,
    )
}

#[component]
pub fn DomainChart(scores: Scores, lang: Lang, thresholds: bool) -> impl IntoView {
    let session = use_session();
    let rows = domain_bars(&scores, session.bank, lang);
    bar_svg(
        rows,
        lang,
        Msg::ChartDomains,
        "chart-domains",
        band_thresholds(thresholds, lang),
        false,
    )
}

/// The results at a glance: one bar per result (each report's reliance, the own SOC 2),
/// against the bank's two thresholds, named for what they mean in both results ("in
/// place", "with evidence"), never for an examination.
#[component]
pub fn ResultsChart(results: Results, lang: Lang) -> impl IntoView {
    let bank = use_session().bank;
    let mut rows: Vec<BarInput> = results
        .reliance
        .iter()
        .map(|r| BarInput {
            label: format!(
                "{} {}",
                report_name(r.report),
                t(lang, Msg::RelianceChartLabel)
            ),
            value: r.score.score,
            // The cards beside the chart give the level; its data table too.
            secondary: None,
        })
        .collect();
    if let Some(o) = &results.own {
        rows.push(BarInput {
            label: t(lang, Msg::OwnChartLabel).to_string(),
            value: o.score.score,
            secondary: None,
        });
    }
    let thresholds = [
        (TYPE1_BAND, Msg::ThresholdInPlace),
        (TYPE2_BAND, Msg::ThresholdEvidence),
    ]
    .into_iter()
    .filter_map(|(band, label)| {
        band_threshold(bank, band, lang).map(|th| Threshold {
            value: th.value,
            label: t(lang, label).to_string(),
        })
    })
    .collect();
    bar_svg(
        rows,
        lang,
        Msg::ChartResults,
        "chart-results",
        thresholds,
        true,
    )
}
