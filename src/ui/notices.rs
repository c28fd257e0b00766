//! Messages about the user's data (storage problems, other tabs, archives), in plain words,
//! each dismissible; a conflict offers its two ways out.

use leptos::prelude::*;

use super::disclosure::error_detail;
use super::state::{use_session, Kept, Notice};
use super::storage::WriteError;
use super::strings::{t, tr, Msg};
use crate::core::text::Lang;

fn text(lang: Lang, n: &Notice) -> String {
    match n {
        Notice::Unreadable { error, kept } => format!(
            "{} {}",
            error.message(lang),
            t(
                lang,
                match kept {
                    Kept::BackedUp => Msg::BackupKept,
                    Kept::LeftInPlace => Msg::BackupFailed,
                }
            )
        ),
        Notice::OpenedInstead(_) => t(lang, Msg::OpenedInstead).to_string(),
        Notice::PointerLost => t(lang, Msg::PointerLost).to_string(),
        Notice::FullAtStart => t(lang, Msg::FullAtStart).to_string(),
        Notice::Archived(n) => format!("{} ({n})", t(lang, Msg::AnswersArchived)),
        Notice::Restored(n) => format!("{} ({n})", t(lang, Msg::AnswersRestored)),
        Notice::NoStorage => t(lang, Msg::NoStorage).to_string(),
        Notice::SaveFailed(WriteError::Full) => t(lang, Msg::StorageFull).to_string(),
        Notice::SaveFailed(_) => t(lang, Msg::SaveFailed).to_string(),
        Notice::UpdatedElsewhere => t(lang, Msg::UpdatedElsewhere).to_string(),
        Notice::Conflict => t(lang, Msg::ConflictText).to_string(),
        Notice::DeletedElsewhere => t(lang, Msg::DeletedElsewhere).to_string(),
        Notice::Done(m) => t(lang, *m).to_string(),
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let session = use_session();
    let lang = session.lang;
    view! {
        <div class="notices">
            {move || session.notices.get().into_iter().enumerate().map(|(i, n)| {
                let is_conflict = n == Notice::Conflict;
                let serious = matches!(n, Notice::Unreadable { .. } | Notice::NoStorage | Notice::SaveFailed(_) | Notice::Conflict | Notice::FullAtStart | Notice::PointerLost);
                let offers_export = matches!(n, Notice::NoStorage | Notice::SaveFailed(_) | Notice::Unreadable { .. } | Notice::FullAtStart | Notice::OpenedInstead(_));
                let detail = match &n {
                    Notice::Unreadable { error, .. } => error.detail().map(str::to_string),
                    _ => None,
                };
                view! {
                    <div class=if serious { "notice notice-error" } else { "notice" } role=if serious { "alert" } else { "status" }>
                        <p>{text(lang.get(), &n)}</p>
                        {error_detail(lang, detail)}
                        {offers_export.then(|| view! { <a href=|| super::route::Step::Data.href()>{tr(lang, Msg::GoToData)}</a> })}
                        {is_conflict.then(|| view! {
                            <button type="button" on:click=move |_| session.resolve_conflict(false)>{tr(lang, Msg::LoadTheirs)}</button>
                            <button type="button" on:click=move |_| session.resolve_conflict(true)>{tr(lang, Msg::KeepMine)}</button>
                        })}
                        {(!is_conflict).then(|| view! {
                            <button type="button" class="dismiss" on:click=move |_| session.dismiss(i)>{tr(lang, Msg::Dismiss)}</button>
                        })}
                    </div>
                }
            }).collect_view()}
        </div>
    }
}
