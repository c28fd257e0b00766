//! On the scope step: the provider's reports the customer relies on (type and period end)
//! and its own period end, which the reliance result checks for age, type and the gap a
//! bridge letter must cover (core::provider_reports).

use leptos::prelude::*;

use crate::core::bank::Report;
use crate::core::provider_reports::ReportType;
use crate::ui::state::use_session;
use crate::ui::strings::{t, tr, Msg};
use crate::ui::verdicts::report_name;

fn type_label(kind: ReportType) -> Msg {
    match kind {
        ReportType::Type1 => Msg::ReportType1,
        ReportType::Type2 => Msg::ReportType2,
        ReportType::Soc3 => Msg::ReportSoc3,
    }
}

#[component]
pub fn ProviderReportsForm() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    // The reports the reliance result covers (SOC 2 when the customer has not said).
    let reports = Memo::new(move |_| {
        session
            .results
            .with(|r| r.reliance.iter().map(|x| x.report).collect::<Vec<_>>())
    });
    let own_end = Memo::new(move |_| {
        session
            .assessment
            .with(|a| a.provider_reports.own_period_end.clone())
    });
    view! {
        <fieldset class="scope-question provider-reports">
            <legend>{tr(lang, Msg::ProviderReportsHeading)}</legend>
            <p class="help">{tr(lang, Msg::ProviderReportsHelp)}</p>
            <For each=move || reports.get() key=|r| *r children=move |report: Report| view! { <ReportFields report=report /> } />
            <p class="field-row">
                <label for="own-period-end">{tr(lang, Msg::OwnPeriodEnd)}</label>
                <input id="own-period-end" type="date" prop:value=move || own_end.get()
                    on:change=move |ev| { let v = event_target_value(&ev); session.edit(|a| a.provider_reports.own_period_end = v); } />
            </p>
        </fieldset>
    }
}

#[component]
fn ReportFields(report: Report) -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let info = Memo::new(move |_| {
        session
            .assessment
            .with(|a| a.provider_reports.of(report).clone())
    });
    let type_id = format!("report-type-{}", report.id());
    let end_id = format!("report-end-{}", report.id());
    // SOC 1 has no general-use summary: a SOC 3 is a SOC 2 matter.
    let kinds: Vec<ReportType> = ReportType::ALL
        .into_iter()
        .filter(|k| report == Report::Soc2 || *k != ReportType::Soc3)
        .collect();
    view! {
        <div class="report-fields" data-report=report.id()>
            <p class="field-row">
                <label for=type_id.clone()>{move || format!("{} — {}", report_name(report), t(lang.get(), Msg::ReportType))}</label>
                <select id=type_id
                    on:change=move |ev| {
                        let v = ReportType::from_id(&event_target_value(&ev));
                        session.edit(|a| a.provider_reports.of_mut(report).kind = v);
                    }>
                    <option value="" selected=move || info.with(|i| i.kind.is_none())>{tr(lang, Msg::ReportTypeUnknown)}</option>
                    {kinds.into_iter().map(|k| view! {
                        <option value=k.id() selected=move || info.with(|i| i.kind == Some(k))>{tr(lang, type_label(k))}</option>
                    }).collect_view()}
                </select>
            </p>
            <p class="field-row">
                <label for=end_id.clone()>{move || format!("{} — {}", report_name(report), t(lang.get(), Msg::ReportPeriodEnd))}</label>
                <input id=end_id type="date" prop:value=move || info.with(|i| i.period_end.clone())
                    on:change=move |ev| { let v = event_target_value(&ev); session.edit(|a| a.provider_reports.of_mut(report).period_end = v); } />
            </p>
        </div>
    }
}
