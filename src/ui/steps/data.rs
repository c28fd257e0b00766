//! Your data: the assessments kept in this browser (open, rename, duplicate, delete, new),
//! export and import, share links, backups of unreadable data, and erasing everything.

use leptos::prelude::*;

use crate::core::exchange::{export_json, import_json, Import, ImportError};
use crate::core::share;
use crate::ui::disclosure::error_detail;
use crate::ui::download::{download, file_stem, read_picked_file};
use crate::ui::state::{now_iso, use_session, Notice};
use crate::ui::strings::{colon, t, tr, Msg};

#[component]
pub fn DataStep() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    view! {
        <section class="data" aria-labelledby="step-heading">
            <h1 id="step-heading" tabindex="-1">{tr(lang, Msg::StepData)}</h1>
            <p>{tr(lang, Msg::DataIntro)}</p>
            <Assessments />
            <BankFile />
            <ExportImport />
            <ShareLink />
            <Backups />
            <EraseAll />
        </section>
    }
}

#[component]
fn Assessments() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    // Read again when the page opens: answering does not refresh the list (that would read
    // every saved assessment on every click), so its counts and dates would be from earlier.
    session.refresh_saved();
    let confirm_delete = RwSignal::new(None::<String>);
    let name = Memo::new(move |_| session.assessment.with(|a| a.name.clone()));
    view! {
        <h2>{tr(lang, Msg::YourAssessments)}</h2>
        <label class="field" for="assessment-name">{tr(lang, Msg::NameLabel)}</label>
        <input id="assessment-name" type="text" prop:value=move || name.get()
            on:change=move |ev| { let v = event_target_value(&ev); session.edit(|a| a.name = v); } />
        <ul class="saved-list">
            {move || {
                let current = session.assessment.with(|a| a.id.clone());
                session.saved.get().into_iter().map(|s| {
                    let is_current = s.id == current;
                    let id_open = s.id.clone();
                    let id_del = s.id.clone();
                    let id_confirm = s.id.clone();
                    let label = if s.name.is_empty() { t(lang.get(), Msg::Untitled).to_string() } else { s.name.clone() };
                    let label_for = label.clone();
                    view! {
                        <li>
                            <span class="saved-name">{label}</span>
                            {is_current.then(|| view! { <span class="badge">{tr(lang, Msg::CurrentAssessment)}</span> })}
                            <span class="saved-meta">{format!(" · {} {} · {}", s.answered, t(lang.get(), Msg::AnswersCount), s.updated.get(..16).unwrap_or_default().replace('T', " "))}</span>
                            {(!is_current).then(|| view! {
                                <button type="button" aria-label=format!("{} {}", t(lang.get(), Msg::Open), label_for)
                                    on:click=move |_| session.switch_to(&id_open)>{tr(lang, Msg::Open)}</button>
                            })}
                            {move || if confirm_delete.get().as_deref() == Some(id_confirm.as_str()) {
                                let id = id_del.clone();
                                view! {
                                    <button type="button" class="danger" on:click=move |_| { session.delete(&id); confirm_delete.set(None); }>
                                        {tr(lang, Msg::ConfirmDelete)}
                                    </button>
                                    <button type="button" on:click=move |_| confirm_delete.set(None)>{tr(lang, Msg::Cancel)}</button>
                                }.into_any()
                            } else {
                                let id = id_del.clone();
                                view! {
                                    <button type="button" on:click=move |_| confirm_delete.set(Some(id.clone()))>{tr(lang, Msg::Delete)}</button>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
        <p class="actions">
            <button type="button" on:click=move |_| session.create("")>{tr(lang, Msg::NewAssessment)}</button>
            <button type="button" on:click=move |_| {
                let base = session.assessment.with_untracked(|a| a.name.clone());
                let base = if base.is_empty() { t(lang.get_untracked(), Msg::Untitled).to_string() } else { base };
                session.duplicate(&format!("{base} ({})", t(lang.get_untracked(), Msg::CopySuffix)));
            }>{tr(lang, Msg::DuplicateAssessment)}</button>
        </p>
    }
}

#[component]
fn ExportImport() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let pending = RwSignal::new(None::<Import>);
    // The refusal, kept as the error so its message follows the language.
    let refused = RwSignal::new(None::<Option<ImportError>>);
    let export = move |_| {
        let (json, name) = session
            .assessment
            .with_untracked(|a| (export_json(a, bank, &now_iso()), a.name.clone()));
        download(
            &format!("{}.soc-readiness.json", file_stem(&name)),
            "application/json",
            &json,
        );
    };
    let on_file = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |_, text| {
            match text.map(|t| import_json(&t, bank)) {
                Some(Ok(import)) => {
                    refused.set(None);
                    pending.set(Some(import));
                }
                Some(Err(e)) => {
                    pending.set(None);
                    refused.set(Some(Some(e)));
                }
                None => refused.set(Some(None)),
            }
        });
    };
    let apply = move |as_new: bool| {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        let mut a = import.assessment;
        if as_new {
            a.id = String::new();
            session.adopt(a);
        } else {
            a.id = session.assessment.with_untracked(|c| c.id.clone());
            session.edit(|current| *current = a);
        }
        pending.set(None);
        session.notify(Notice::Done(Msg::ImportDone));
    };
    view! {
        <h2>{tr(lang, Msg::ExportTitle)}</h2>
        <p><button type="button" on:click=export>{tr(lang, Msg::ExportJson)}</button></p>
        <h2>{tr(lang, Msg::ImportTitle)}</h2>
        <label class="field" for="import-file">{tr(lang, Msg::ImportFile)}</label>
        <input id="import-file" type="file" accept=".json,application/json" on:change=on_file />
        {move || refused.get().map(|e| {
            let l = lang.get();
            let message = e.as_ref().map(|e| e.message(l)).unwrap_or_default();
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{t(l, Msg::ImportRefused)} " " {message}</p>
                    {error_detail(lang, e.and_then(|e| e.detail()))}
                </div>
            }
        })}
        {move || pending.get().map(|import| {
            let l = lang.get();
            let current = session.assessment.get();
            let changes = import.diff_against(&current).answers_changed();
            let s = &import.summary;
            view! {
                <div class="import-preview" role="region" aria-label=t(l, Msg::ImportPreviewTitle)>
                    <h3>{t(l, Msg::ImportPreviewTitle)}</h3>
                    <ul>
                        <li>{format!("{}{}{}", t(l, Msg::ImportAnswers), colon(l), s.answered)}</li>
                        <li>{format!("{}{}{}", t(l, Msg::ImportNotes), colon(l), s.notes)}</li>
                        <li>{format!("{}{}{}", t(l, Msg::ImportUnknown), colon(l), s.archived.len())}</li>
                        <li>{format!("{}{}{}", t(l, Msg::ImportChanges), colon(l), changes)}</li>
                        {s.bank_differs().then(|| view! { <li>{format!("{} {} {}", t(l, Msg::ImportBankDiffers), s.file_bank.id, s.file_bank.version)}</li> })}
                        {s.warnings.iter().map(|w| view! { <li>{w.message(l)}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="primary" on:click=move |_| apply(true)>{t(l, Msg::ImportAsNew)}</button>
                    <button type="button" on:click=move |_| apply(false)>{t(l, Msg::ImportReplace)}</button>
                    <button type="button" on:click=move |_| pending.set(None)>{t(l, Msg::Cancel)}</button>
                </div>
            }
        })}
    }
}

#[component]
fn ShareLink() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let link = RwSignal::new(None::<String>);
    let create = move |_| {
        let payload = session
            .assessment
            .with_untracked(|a| share::encode(a, session.bank));
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|h| h.split('#').next().unwrap_or_default().to_string())
            .unwrap_or_default();
        link.set(Some(format!("{base}#share={payload}")));
    };
    view! {
        <h2>{tr(lang, Msg::ShareTitle)}</h2>
        <p>{tr(lang, Msg::ShareExplain)}</p>
        <p><button type="button" on:click=create>{tr(lang, Msg::CreateShareLink)}</button></p>
        {move || link.get().map(|l| view! {
            <label class="field" for="share-link">{tr(lang, Msg::ShareLinkLabel)}</label>
            <input id="share-link" type="text" readonly=true prop:value=l class="share-link" />
        })}
    }
}

#[component]
fn Backups() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    // Read when the page opens: backups, and unreadable assessments left where they lie.
    let backups = session.unreadable();
    (!backups.is_empty()).then(|| {
        view! {
            <h2>{tr(lang, Msg::BackupsTitle)}</h2>
            <ul>
                {backups.into_iter().map(|(key, text)| {
                    let name = format!("{}.txt", key.replace('.', "-"));
                    let label = key.clone();
                    view! {
                        <li>
                            <code>{label}</code> " "
                            <button type="button" on:click=move |_| { download(&name, "text/plain", &text); }>
                                {tr(lang, Msg::DownloadBackup)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn EraseAll() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let confirming = RwSignal::new(false);
    view! {
        <h2>{tr(lang, Msg::EraseTitle)}</h2>
        <p>{tr(lang, Msg::EraseExplain)}</p>
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" class="danger" on:click=move |_| confirming.set(true)>{tr(lang, Msg::EraseStart)}</button>
        }>
            <button type="button" class="danger" on:click=move |_| {
                session.erase_everything();
                confirming.set(false);
                session.notify(Notice::Done(Msg::EraseDone));
            }>{tr(lang, Msg::EraseConfirm)}</button>
            <button type="button" on:click=move |_| confirming.set(false)>{tr(lang, Msg::Cancel)}</button>
        </Show>
    }
}

/// The question bank in use, and loading a provider's bank from a file (JSON form).
#[component]
fn BankFile() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    let bank = session.bank;
    let errors = RwSignal::new(Vec::<crate::core::bank::BankError>::new());
    let picked = use_context::<crate::ui::app::PickedBank>();
    let on_file = move |ev: leptos::ev::Event| {
        read_picked_file(&ev, move |name, text| {
            let text = text.unwrap_or_default();
            leptos::task::spawn_local(async move {
                match crate::ui::bank_source::provider_bank(&name, &text).await {
                    Ok(b) => {
                        errors.set(Vec::new());
                        if let Some(p) = picked {
                            p.0.set(Some(b));
                        }
                    }
                    Err(crate::ui::bank_source::BankProblem::Invalid(e)) => errors.set(e),
                    // The standard bank it extends could not be downloaded.
                    Err(_) => errors.set(vec![crate::core::bank::BankError::new(
                        crate::core::bank::DEFAULT_BUNDLE_PATH,
                        None,
                        None,
                        crate::core::bank::Problem::Parse(
                            t(lang.get_untracked(), Msg::DefaultBankMissing).to_string(),
                        ),
                    )]),
                }
            });
        });
    };
    view! {
        <h2>{tr(lang, Msg::QuestionBank)}</h2>
        <p>{move || format!("{} · {} {} ({})", bank.meta.title.get(lang.get()), bank.meta.id, bank.meta.version, bank.meta.date)}</p>
        <label class="field" for="bank-file">{tr(lang, Msg::UseBankFile)}</label>
        <input id="bank-file" type="file" accept=".json,application/json" on:change=on_file />
        {move || (!errors.with(Vec::is_empty)).then(|| view! {
            <div class="bank-errors" role="alert">
                <p>{t(lang.get(), Msg::BankInvalid)}</p>
                <ul>{errors.get().iter().map(|e| view! { <li>{e.message(lang.get())}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
