//! What a provider's question bank says about itself, shown on the welcome page and at the
//! end of the report beside our own disclaimer: that its questions are its author's words,
//! who wrote it and under which licence (`attribution`), and its own disclaimer. Nothing
//! for the default bank. Bank text is untrusted: it is set as escaped HTML (core::html).

use leptos::prelude::*;

use crate::core::bank::Bank;
use crate::core::html::Escaped;
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
    bank.meta
        .provider
        .then(|| view! { <div class="bank-credits" inner_html=credits_markup(bank, lang)></div> })
}

/// The credits as HTML (every text escaped; a text the provider did not translate is
/// marked `lang="en"`).
fn credits_markup(bank: &Bank, lang: Lang) -> Escaped {
    let meta = &bank.meta;
    let mut out = Escaped::with_capacity(512);
    out.element("p", "bank-origin", t(lang, Msg::BankQuestionsFrom));
    let labelled: [(&'static str, Msg, &Option<Text>); 2] = [
        (
            r#"<p class="bank-attribution"><strong>"#,
            Msg::BankAttribution,
            &meta.attribution,
        ),
        (
            r#"<p class="bank-disclaimer"><strong>"#,
            Msg::BankDisclaimer,
            &meta.disclaimer,
        ),
    ];
    for (open, label, text) in labelled {
        let Some(text) = text else { continue };
        out.literal(open)
            .text(t(lang, label))
            .literal(colon(lang))
            .literal(if text_lang(text, lang).is_some() {
                r#"</strong><span lang="en">"#
            } else {
                "</strong><span>"
            })
            .text(text.get(lang))
            .literal("</span></p>");
    }
    if lang == Lang::Zh && bank.untranslated(lang) {
        out.element(
            "p",
            "bank-untranslated",
            t(lang, Msg::BankPartlyUntranslated),
        );
    }
    out
}
