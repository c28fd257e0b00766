//! The auditor's request list ("provided by client"): for every control in scope, the
//! evidence an auditor will request, the owner and frequency given, and the Type II sample
//! size typical for that frequency. Built by `core::requests`; exported as CSV and printed
//! as its own document.

use leptos::prelude::*;

use crate::core::requests::{request_csv, request_list, RequestFlag, SampleTable};
use crate::ui::download::{download, file_stem};
use crate::ui::guidance::use_guidance;
use crate::ui::state::use_session;
use crate::ui::steps::report::print_page;
use crate::ui::strings::{t, tr, Msg};

fn flag_text(f: RequestFlag) -> Msg {
    match f {
        RequestFlag::NoOwner => Msg::FlagNoOwner,
        RequestFlag::NoEvidence => Msg::FlagNoEvidence,
        RequestFlag::FrequencyUnknown => Msg::FlagFrequencyUnknown,
    }
}

#[component]
pub fn RequestsStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let Ok(table) = SampleTable::builtin() else {
        return view! { <p class="notice notice-error" role="alert">{tr(lang, Msg::SamplesMissing)}</p> }.into_any();
    };
    // The evidence to request comes with the guidance (downloaded on first need): the list
    // waits for it, so that no control is flagged for evidence not yet downloaded.
    let guidance = use_guidance();
    let guided = move || guidance.bank(bank, lang.get());
    let rows = Memo::new(move |_| {
        guided().map_or_else(Vec::new, |b| {
            session.assessment.with(|a| request_list(b, a, table))
        })
    });
    let export = move |_| {
        let b = guidance.bank_or(bank, lang.get_untracked());
        let csv = rows.with_untracked(|r| request_csv(b, r, table, lang.get_untracked()));
        let stem = session.assessment.with_untracked(|a| file_stem(&a.name));
        download(
            &format!("{stem}-request-list.csv"),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let flagged = move || {
        rows.with(|r| {
            r.iter()
                .filter(|x| {
                    x.flags.contains(&RequestFlag::NoOwner)
                        || x.flags.contains(&RequestFlag::NoEvidence)
                })
                .count()
        })
    };
    view! {
        <article class="requests" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepRequests)}</h1>
            <p>{tr(lang, Msg::RequestsIntro)}</p>
            <p class="actions no-print">
                <button type="button" class="primary-button" on:click=move |_| print_page()>{tr(lang, Msg::PrintRequests)}</button>
                <button type="button" on:click=export>{tr(lang, Msg::ExportRequestsCsv)}</button>
            </p>
            <h2>{tr(lang, Msg::SampleSizesHeading)}</h2>
            <p>{tr(lang, Msg::SampleSizesHelp)}</p>
            <table class="score-table samples-table">
                <thead><tr><th scope="col">{tr(lang, Msg::Frequency)}</th><th scope="col">{tr(lang, Msg::Type2Sample)}</th></tr></thead>
                <tbody>
                    {table.frequency.iter().map(|f| view! {
                        <tr><th scope="row">{move || f.label.get(lang.get()).to_string()}</th><td>{f.samples_text()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>{move || format!("{} ({})", t(lang.get(), Msg::ControlsInScope), rows.with(Vec::len))}</h2>
            {move || guided().is_none().then(|| view! {
                <p class="guidance-status" role="status">{move || t(lang.get(), if guidance.failed.get() { Msg::GuidanceMissing } else { Msg::GuidanceLoading })}</p>
            })}
            <p class="flag-summary" role="status">{move || format!("{} {}", t(lang.get(), Msg::FlaggedControls), flagged())}</p>
            <table class="report-table request-table">
                <thead><tr>
                    <th scope="col">{tr(lang, Msg::Item)}</th>
                    <th scope="col">{tr(lang, Msg::Evidence)}</th>
                    <th scope="col">{tr(lang, Msg::Owner)}</th>
                    <th scope="col">{tr(lang, Msg::Frequency)}</th>
                    <th scope="col">{tr(lang, Msg::Type2Sample)}</th>
                    <th scope="col">{tr(lang, Msg::Flags)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        let bank = guidance.bank_or(bank, l);
                        let provider = session.assessment.with(|a| bank.chosen_provider(&a.scope).map(str::to_string));
                        rows.get().into_iter().map(|r| {
                            let item = bank.item(&r.item);
                            let title = item.map(|i| i.title.get(l).to_string()).unwrap_or_default();
                            let evidence = item.map(|i| i.evidence_for(provider.as_deref(), l)).unwrap_or_default();
                            let flags: Vec<&str> = r.flags.iter().map(|f| t(l, flag_text(*f))).collect();
                            view! {
                                <tr class=if r.flags.is_empty() { "" } else { "flagged" } data-item=r.item.clone()>
                                    <td><span class="item-id">{r.item.clone()}</span> " " {title}</td>
                                    <td>{evidence}</td>
                                    <td>{if r.owner.is_empty() { "—".to_string() } else { r.owner.clone() }}</td>
                                    <td>{if r.frequency.is_empty() { "—".to_string() } else { r.frequency.clone() }}</td>
                                    <td class="samples">{r.samples.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td class="flags">{flags.join("; ")}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </article>
    }
    .into_any()
}
