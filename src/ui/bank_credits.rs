//! What a provider's question bank says about itself, shown on the welcome page and at the
//! end of the report beside our own disclaimer: that its questions are its author's words,
//! who wrote it and under which licence (`attribution`), and its own disclaimer. Nothing
//! for the default bank.

use leptos::prelude::*;

use crate::core::bank::Bank;
use crate::core::text::{Lang, Text};
use crate::ui::strings::{colon, t, Msg};

/// The `lang` attribute of a bank text shown in `lang`: English when the provider left it
/// untranslated, so that it is not read out as Chinese.
pub fn text_lang(text: &Text, lang: Lang) -> Option<&'static str> {
    (!text.has(lang)).then_some("en")
}

/// The bank's credits in `lang`.
#[component]
pub fn BankCredits(
    /// The bank in use.
    bank: &'static Bank,
    /// The language to show them in.
    lang: Lang,
) -> impl IntoView {
    let meta = &bank.meta;
    if !meta.provider {
        return ().into_any();
    }
    let origin = t(lang, Msg::BankQuestionsFrom)
        .replace("{title}", meta.title.get(lang))
        .replace("{version}", &meta.version);
    let labelled = |class: &'static str, label: Msg, text: &'static Text| {
        view! {
            <p class=class>
                <strong>{t(lang, label)}{colon(lang)}</strong>
                <span lang=text_lang(text, lang)>{text.get(lang).to_string()}</span>
            </p>
        }
    };
    view! {
        <div class="bank-credits">
            <p class="bank-origin">{origin}</p>
            {meta.attribution.as_ref().map(|a| labelled("bank-attribution", Msg::BankAttribution, a))}
            {meta.disclaimer.as_ref().map(|d| labelled("bank-disclaimer", Msg::BankDisclaimer, d))}
            {(lang == Lang::Zh && bank.untranslated(lang)).then(|| view! {
                <p class="bank-untranslated">{t(lang, Msg::BankPartlyUntranslated)}</p>
            })}
        </div>
    }
    .into_any()
}
