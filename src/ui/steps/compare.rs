//! Progress over time: two assessments (saved here, or one from an exported file) compared
//! result by result, category by category, domain by domain, with the items that moved; and
//! the trend of every saved assessment. Computed by `core::compare`; printable and exported
//! as CSV.

use leptos::prelude::*;

use crate::core::answers::Assessment;
use crate::core::chart::{fmt_num, line_chart, LineSeries};
use crate::core::compare::{compare, comparison_csv, trend, Comparison, Measure, Movement};
use crate::core::criteria::{Catalogue, Category};
use crate::core::exchange::import_json;
use crate::ui::download::{download, read_picked_file};
use crate::ui::state::{today_date, use_session};
use crate::ui::steps::report::print_page;
use crate::ui::strings::{t, tr, Msg};
use crate::ui::verdicts::report_name;

/// What a comparison row is about, in words.
fn measure_label(m: &Measure, lang: crate::core::text::Lang) -> String {
    let bank = use_session().bank;
    match m {
        Measure::Reliance(r) => format!("{} {}", report_name(*r), t(lang, Msg::RelianceChartLabel)),
        Measure::OwnSoc2 => t(lang, Msg::OwnChartLabel).to_string(),
        Measure::Category(id) => Category::from_id(id)
            .and_then(|c| Catalogue::builtin().ok()?.category_title(c))
            .map_or(id.clone(), |x| x.get(lang).to_string()),
        Measure::Domain(id) => bank
            .domain(id)
            .map_or(id.clone(), |d| d.title.get(lang).to_string()),
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "–".into())
}

fn signed(v: Option<f64>) -> String {
    v.map(|x| format!("{x:+.0}")).unwrap_or_default()
}

/// "From the file" is offered next to the saved assessments.
const FILE: &str = "file";

#[component]
pub fn CompareStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    session.refresh_saved();
    let saved = session.saved;
    let from_file = RwSignal::new(None::<Assessment>);
    let refused = RwSignal::new(None::<String>);
    // Defaults: the two most recent saved assessments, older first.
    let before = RwSignal::new(
        saved
            .with_untracked(|s| s.get(1).map(|x| x.id.clone()))
            .unwrap_or_default(),
    );
    let after = RwSignal::new(
        saved
            .with_untracked(|s| s.first().map(|x| x.id.clone()))
            .unwrap_or_default(),
    );
    let load = move |id: &str| -> Option<Assessment> {
        if id == FILE {
            from_file.get()
        } else {
            session.peek(id)
        }
    };
    let comparison = Memo::new(move |_| {
        let (b, a) = (load(&before.get())?, load(&after.get())?);
        Some(compare(bank, &b, &a, today_date()))
    });
    let on_file = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |_, text| {
            match text.map(|t| import_json(&t, bank)) {
                Some(Ok(import)) => {
                    refused.set(None);
                    from_file.set(Some(import.assessment));
                    after.set(FILE.to_string());
                }
                Some(Err(e)) => refused.set(Some(e.message(lang.get_untracked()))),
                None => refused.set(Some(String::new())),
            }
        });
    };
    let options = move |selected: RwSignal<String>| {
        move || {
            let l = lang.get();
            let mut v: Vec<_> = saved
                .get()
                .into_iter()
                .map(|s| {
                    let id = s.id.clone();
                    let label = format!("{} ({})", if s.name.is_empty() { t(l, Msg::Unnamed).to_string() } else { s.name.clone() }, s.updated.get(..10).unwrap_or_default());
                    let is = id.clone();
                    view! { <option value=id selected=move || selected.get() == is>{label}</option> }.into_any()
                })
                .collect();
            if from_file.with(Option::is_some) {
                v.push(view! { <option value=FILE selected=move || selected.get() == FILE>{t(l, Msg::CompareFromFile)}</option> }.into_any());
            }
            v
        }
    };
    let export = move |_| {
        if let Some(c) = comparison.get_untracked() {
            download(
                "comparison.csv",
                "text/csv;charset=utf-8",
                &comparison_csv(&c),
            );
        }
    };
    view! {
        <article class="compare" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepCompare)}</h1>
            <p>{tr(lang, Msg::CompareIntro)}</p>
            <div class="compare-pick no-print">
                <label>{tr(lang, Msg::CompareBefore)}
                    <select on:change=move |ev| before.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {options(before)}
                    </select>
                </label>
                <label>{tr(lang, Msg::CompareAfter)}
                    <select on:change=move |ev| after.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {options(after)}
                    </select>
                </label>
                <label>{tr(lang, Msg::CompareFile)}
                    <input type="file" accept="application/json,.json" on:change=on_file />
                </label>
            </div>
            {move || refused.get().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
            {move || match comparison.get() {
                None => view! { <p>{tr(lang, Msg::ComparePickTwo)}</p> }.into_any(),
                Some(c) => view! {
                    <p class="actions no-print">
                        <button type="button" class="primary-button" on:click=move |_| print_page()>{tr(lang, Msg::PrintComparison)}</button>
                        <button type="button" on:click=export>{tr(lang, Msg::ExportComparisonCsv)}</button>
                    </p>
                    <ComparisonView c=c />
                }.into_any(),
            }}
            <TrendView />
        </article>
    }
}

#[component]
fn ComparisonView(c: Comparison) -> impl IntoView {
    let session = use_session();
    let lang = session.lang.get_untracked();
    let bank = session.bank;
    let moves = |m: Movement, title: Msg| {
        let list: Vec<_> = c.moved(m).cloned().collect();
        view! {
            <h3>{format!("{} ({})", t(lang, title), list.len())}</h3>
            <ul class=format!("moves moves-{}", match m { Movement::Improved => "improved", Movement::Regressed => "regressed", Movement::NewlyAnswered => "new", Movement::ScopeChanged => "scope" })>
                {list.into_iter().map(|x| {
                    let title = bank.item(&x.item).map(|i| i.title.get(lang).to_string()).unwrap_or_default();
                    view! { <li><span class="item-id">{x.item.clone()}</span> " " {title}</li> }
                }).collect_view()}
            </ul>
        }
    };
    view! {
        <table class="score-table compare-table">
            <caption>{t(lang, Msg::CompareScores)}</caption>
            <thead><tr>
                <th scope="col">{t(lang, Msg::Score)}</th>
                <th scope="col">{t(lang, Msg::CompareBefore)}</th>
                <th scope="col">{t(lang, Msg::CompareAfter)}</th>
                <th scope="col">{t(lang, Msg::CompareDifference)}</th>
            </tr></thead>
            <tbody>
                {c.deltas.iter().map(|d| view! {
                    <tr><th scope="row">{measure_label(&d.measure, lang)}</th><td>{num(d.before)}</td><td>{num(d.after)}</td><td class="difference">{signed(d.difference())}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        {moves(Movement::Improved, Msg::MovedImproved)}
        {moves(Movement::Regressed, Msg::MovedRegressed)}
        {moves(Movement::NewlyAnswered, Msg::MovedNew)}
        {moves(Movement::ScopeChanged, Msg::MovedScope)}
        {(!c.missing_items.is_empty()).then(|| view! {
            <h3>{t(lang, Msg::MissingItems)}</h3>
            <p class="missing-items">{c.missing_items.join(", ")}</p>
        })}
    }
}

/// The trend of every saved assessment, oldest first: one line per result.
#[component]
fn TrendView() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let points = Memo::new(move |_| {
        let all: Vec<Assessment> = session
            .saved
            .get()
            .iter()
            .filter_map(|s| session.peek(&s.id))
            .collect();
        trend(bank, &all, today_date())
    });
    move || {
        let p = points.get();
        let l = lang.get();
        (p.len() >= 2).then(|| {
            let labels: Vec<String> = p.iter().map(|x| if x.date.is_empty() { x.name.clone() } else { format!("{} {}", x.name, x.date) }).collect();
            let mut measures: Vec<Measure> = Vec::new();
            for m in p.iter().flat_map(|x| x.scores.iter().map(|(m, _)| m.clone())) {
                if !measures.contains(&m) {
                    measures.push(m);
                }
            }
            let series: Vec<LineSeries> = measures.iter().map(|m| LineSeries {
                label: measure_label(m, l),
                values: p.iter().map(|x| x.scores.iter().find(|(k, _)| k == m).and_then(|(_, v)| *v)).collect(),
            }).collect();
            let chart = line_chart(&labels, &series, 720.0, 260.0);
            view! {
                <h2>{t(l, Msg::TrendHeading)}</h2>
                <figure class="chart trend-chart">
                    <svg viewBox=format!("0 0 {} {}", fmt_num(chart.width), fmt_num(chart.height)) role="img" aria-labelledby="trend-title">
                        <title id="trend-title">{t(l, Msg::TrendHeading)}</title>
                        {chart.ticks.iter().map(|(y, label)| view! {
                            <line class="grid" x1=fmt_num(chart.plot.x) x2=fmt_num(chart.plot.x + chart.plot.width) y1=fmt_num(*y) y2=fmt_num(*y) />
                            <text class="tick" x=fmt_num(label.x) y=fmt_num(label.y) text-anchor=label.anchor.as_str() dominant-baseline=label.baseline.as_str()>{label.text.clone()}</text>
                        }).collect_view()}
                        {chart.x_labels.iter().map(|label| view! {
                            <text class="tick" x=fmt_num(label.x) y=fmt_num(label.y) text-anchor=label.anchor.as_str() dominant-baseline=label.baseline.as_str()>{label.text.clone()}</text>
                        }).collect_view()}
                        {chart.lines.iter().enumerate().map(|(n, line)| view! {
                            <g class=format!("trend-line series-{n}") data-series=line.label.clone()>
                                <path d=line.path.clone() />
                                {line.points.iter().map(|pt| view! {
                                    <circle class="trend-point" cx=fmt_num(pt.x) cy=fmt_num(pt.y) r="4"><title>{format!("{}: {:.0}", line.label, pt.value)}</title></circle>
                                }).collect_view()}
                            </g>
                        }).collect_view()}
                    </svg>
                    <figcaption class="trend-legend">
                        {chart.lines.iter().enumerate().map(|(n, line)| view! { <span class=format!("legend series-{n}")>{line.label.clone()}</span> }).collect_view()}
                    </figcaption>
                    <table class="score-table">
                        <caption>{t(l, Msg::TrendHeading)}</caption>
                        <thead><tr><th scope="col">{t(l, Msg::AssessmentName)}</th>
                            {series.iter().map(|s| view! { <th scope="col">{s.label.clone()}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {labels.iter().enumerate().map(|(i, label)| view! {
                                <tr><th scope="row">{label.clone()}</th>
                                    {series.iter().map(|s| view! { <td>{num(s.values.get(i).copied().flatten())}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </figure>
            }
        })
    }
}
