//! One question: the statement; the 0–4 scale, "don't know" and "not applicable" as one
//! radio group whose options carry their meaning; a reason for N/A; a note; the guidance
//! (why, how, evidence, Type II) and the criteria it supports.
//!
//! Keyboard: with focus anywhere in a question (but not in a text field), the digits 0–4
//! answer it, `D` answers "don't know", `N` chooses "not applicable" and moves to its reason;
//! after a digit or `D`, focus moves to the next question.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::bank_credits::text_lang;
use super::disclosure::{fill_guidance_on_first_open, fill_on_first_open, on_first_open};
use super::state::use_session;
use super::strings::{colon, criticality_text, level_label, t, Msg};
use crate::core::answers::{Level, Response};
use crate::core::bank::{Criticality, Item, ItemKind};
use crate::core::criteria::Catalogue;
use crate::core::html::Escaped;
use crate::core::text::Lang;

/// What the radio group shows as chosen (a pending N/A has no reason yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Level(u8),
    DontKnow,
    NotApplicable,
}

/// Moves focus to the first radio of the question after `article` (or the "next" link).
fn focus_next_question(article: &web_sys::Element) {
    let mut next = article.next_element_sibling();
    while let Some(el) = next {
        if el.class_list().contains("question") {
            let target = el
                .query_selector("input[type=radio]:checked")
                .ok()
                .flatten()
                .or_else(|| el.query_selector("input[type=radio]").ok().flatten());
            if let Some(input) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = input.focus();
            }
            return;
        }
        next = el.next_element_sibling();
    }
    let doc = article.owner_document();
    if let Some(link) = doc
        .and_then(|d| d.get_element_by_id("step-next"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}

pub fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
pub fn QuestionCard(
    /// The item to ask (from the session's bank).
    item: &'static Item,
    /// Position in the section, for the heading ("3 of 9").
    number: usize,
    /// The language of every text: the section renders its questions again when it changes,
    /// so a question holds no reactive text of its own (answering stays cheap, and the
    /// section has a third fewer effects to build and drop).
    lang: Lang,
) -> impl IntoView {
    let session = use_session();
    let bank = session.bank;
    let id = item.id.as_str();
    // A per-question memo: answering one question re-renders only that question.
    let response = Memo::new(move |_| session.assessment.with(|a| a.response(id).cloned()));
    let na_pending = RwSignal::new(false);
    let choice = Memo::new(move |_| match response.get() {
        Some(Response::Level(l)) => Some(Choice::Level(l.value())),
        Some(Response::DontKnow) => Some(Choice::DontKnow),
        Some(Response::NotApplicable { .. }) => Some(Choice::NotApplicable),
        None if na_pending.get() => Some(Choice::NotApplicable),
        None => None,
    });
    let reason = Memo::new(move |_| match response.get() {
        Some(Response::NotApplicable { reason }) => reason,
        _ => String::new(),
    });
    let na_error = RwSignal::new(None::<String>);

    let set = move |r: Response| {
        let mut result = Ok(());
        session.edit(|a| result = a.set_response(bank, id, r));
        na_error.set(result.err().map(|e| e.message(lang)));
    };
    let pick_level = move |v: u8| {
        na_pending.set(false);
        if let Some(l) = Level::new(v) {
            set(Response::Level(l));
        }
    };
    let pick_dont_know = move || {
        na_pending.set(false);
        set(Response::DontKnow);
    };
    let pick_na = move || {
        if item.never_na {
            na_error.set(Some(
                crate::core::answers::AnswerError::NaRefused(id.to_string()).message(lang),
            ));
            return;
        }
        na_pending.set(true);
        if !reason.get_untracked().is_empty() {
            return;
        }
        // No reason yet: the N/A is recorded once the reason is typed.
        session.edit(|a| a.clear_response(id));
    };
    let set_reason = move |text: String| {
        if text.trim().is_empty() {
            session.edit(|a| a.clear_response(id));
            na_pending.set(true);
        } else {
            set(Response::NotApplicable { reason: text });
        }
    };
    let note = Memo::new(move |_| session.assessment.with(|a| a.note(id).to_string()));
    let owner_frequency = Memo::new(move |_| {
        session.assessment.with(|a| {
            a.answers
                .get(id)
                .map(|x| (x.owner.clone(), x.frequency.clone()))
                .unwrap_or_default()
        })
    });
    let set_owner = move |owner: String| {
        let frequency = owner_frequency.get_untracked().1;
        session.edit(|a| {
            let _ = a.set_owner_frequency(bank, id, &owner, &frequency);
        })
    };
    let set_frequency = move |frequency: String| {
        let owner = owner_frequency.get_untracked().0;
        session.edit(|a| {
            let _ = a.set_owner_frequency(bank, id, &owner, &frequency);
        })
    };
    let set_note = move |text: String| {
        session.edit(|a| {
            let _ = a.set_note(bank, id, &text);
        })
    };

    let reason_field = format!("r-{id}");
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let in_text = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                let tag = el.tag_name().to_ascii_lowercase();
                tag == "textarea"
                    || (tag == "input" && el.get_attribute("type").as_deref() != Some("radio"))
            });
        if in_text {
            return;
        }
        let article = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let key = ev.key();
        let answered = match key.as_str() {
            "0" | "1" | "2" | "3" | "4" => {
                pick_level(key.as_bytes()[0] - b'0');
                true
            }
            "d" | "D" => {
                pick_dont_know();
                true
            }
            "n" | "N" => {
                pick_na();
                ev.prevent_default();
                // The reason field appears with the next render.
                let field = reason_field.clone();
                request_animation_frame(move || focus_by_id(&field));
                false
            }
            _ => return,
        };
        if answered {
            ev.prevent_default();
            if let Some(a) = article {
                focus_next_question(&a);
            }
        }
    };

    let kind_label = t(
        lang,
        match item.kind {
            ItemKind::Cuec => Msg::KindCuec,
            ItemKind::UserResponsibility => Msg::KindUserResponsibility,
            ItemKind::Monitoring => Msg::KindMonitoring,
            ItemKind::OwnControl => Msg::KindOwnControl,
            ItemKind::Readiness => Msg::KindReadiness,
        },
    );
    let criticality_label = criticality_text(lang, item.criticality);
    // The guidance is built when its <details> is first opened: most are never opened, and
    // each would otherwise add a dozen nodes to every question of the section.
    // The note, owner and frequency fields likewise (three form controls per question):
    // open from the start when the question already has any of them.
    let has_notes = !note.get_untracked().is_empty()
        || owner_frequency.with_untracked(|(o, f)| !o.is_empty() || !f.is_empty());
    let notes_opened = RwSignal::new(has_notes);
    let group = format!("q-{id}");
    let heading_id = format!("h-{id}");
    let labelled_by = heading_id.clone();
    let reason_id = format!("r-{id}");
    let note_id = format!("n-{id}");
    let owner_id = format!("o-{id}");
    let frequency_id = format!("f-{id}");
    // The scale's radios are set as one piece of HTML, with one `change` listener on the
    // scale for all of them (changes bubble): built node by node they were the bulk of a
    // section's wasm→DOM calls. Each radio's `value` says what it answers.
    let scale_html = scale_markup(&group, lang, item.never_na);
    let on_scale_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        match input.value().as_str() {
            v @ ("0" | "1" | "2" | "3" | "4") => pick_level(v.as_bytes()[0] - b'0'),
            DONT_KNOW_VALUE => pick_dont_know(),
            NOT_APPLICABLE_VALUE => pick_na(),
            _ => {}
        }
    };
    let meta_html = meta_markup(
        id,
        item.source.as_deref().map(|s| (t(lang, Msg::SourceRef), s)),
        kind_label,
        item.criticality,
        criticality_label,
        format!("{} {number}", t(lang, Msg::QuestionNumber)),
        // Not marked while the default bank's pack of this language is missing (a failed
        // download, said once at the top): the provider translated everything.
        (item.untranslated(lang) && bank.packs.as_ref().is_none_or(|p| p.has(lang)))
            .then(|| t(lang, Msg::NotTranslated)),
    );
    // A bank from the default bank's packs has its guidance still to download: every item
    // of the default bank has a why and a how (bank_content.rs).
    let guidance_later = !super::guidance::has_guidance(bank, lang);
    let has_why = guidance_later || item.why.is_some();
    let has_how =
        guidance_later || item.how.is_some() || item.evidence.is_some() || item.type2.is_some();
    // One effect per question keeps its radios in step with the answer (an import, another
    // tab, a cleared N/A), instead of one per radio: the radios are the scale's children in
    // the order levels 0–4, don't know, N/A.
    let scale = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let position = match choice.get() {
            Some(Choice::Level(v)) => Some(usize::from(v)),
            Some(Choice::DontKnow) => Some(5),
            Some(Choice::NotApplicable) => Some(6),
            None => None,
        };
        let Some(scale) = scale.get() else { return };
        let mut label = scale.first_element_child();
        let mut i = 0;
        while let Some(l) = label {
            if let Some(input) = l
                .first_element_child()
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_checked(position == Some(i));
            }
            i += 1;
            label = l.next_element_sibling();
        }
    });

    view! {
        <article class="question" data-item=id data-q=id aria-labelledby=labelled_by on:keydown=on_key>
            <div class="question-meta" inner_html=meta_html></div>
            <fieldset>
                <legend id=heading_id lang=text_lang(&item.title, lang) prop:textContent=item.title.get(lang)></legend>
                <p class="statement" lang=text_lang(&item.statement, lang) prop:textContent=item.statement.get(lang)></p>
                <div class="scale" node_ref=scale inner_html=scale_html on:change=on_scale_change></div>
                <Show when=move || choice.get() == Some(Choice::NotApplicable)>
                    <label class="field" for=reason_id.clone()>{t(lang, Msg::NaReason)}</label>
                    <textarea id=reason_id.clone() class="na-reason" rows="2"
                        prop:value=move || reason.get()
                        on:change=move |ev| set_reason(event_target_value(&ev))></textarea>
                </Show>
                {move || na_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </fieldset>
            <details class="notes" open=has_notes on:toggle=on_first_open(notes_opened)>
                <summary prop:textContent=t(lang, Msg::NotesOwner)></summary>
                {move || notes_opened.get().then(|| view! {
                    <label class="field" for=note_id.clone()>{t(lang, Msg::Note)}</label>
                    <textarea id=note_id.clone() class="note" rows="2"
                        prop:value=move || note.get()
                        on:change=move |ev| set_note(event_target_value(&ev))></textarea>
                    <div class="owner-row">
                        <div>
                            <label class="field" for=owner_id.clone()>{t(lang, Msg::Owner)}</label>
                            <input id=owner_id.clone() type="text" prop:value=move || owner_frequency.get().0
                                on:change=move |ev| set_owner(event_target_value(&ev)) />
                        </div>
                        <div>
                            <label class="field" for=frequency_id.clone()>{t(lang, Msg::Frequency)}</label>
                            <input id=frequency_id.clone() type="text" prop:value=move || owner_frequency.get().1
                                on:change=move |ev| set_frequency(event_target_value(&ev)) />
                        </div>
                    </div>
                })}
            </details>
            // Guidance a bank leaves out: its panel is hidden.
            <details hidden=!has_why on:toggle=fill_guidance_on_first_open(bank, id, lang, move |item| why_markup(item, lang))>
                <summary prop:textContent=t(lang, Msg::WhyItMatters)></summary>
            </details>
            <details hidden=!has_how on:toggle=fill_guidance_on_first_open(bank, id, lang, move |item| {
                let provider = session.assessment.with_untracked(|a| bank.chosen_provider(&a.scope).map(str::to_string));
                how_markup(item, provider.as_deref(), lang)
            })>
                <summary prop:textContent=t(lang, Msg::HowToDoIt)></summary>
            </details>
            <details class="criteria" on:toggle=fill_on_first_open(move || criteria_markup(item, lang))>
                <summary prop:textContent=format!("{}{}{}", t(lang, Msg::Criteria), colon(lang), item.criteria.join(", "))></summary>
            </details>
        </article>
    }
}

/// What a radio's `value` is for "don't know" and "not applicable" (the levels are "0"–"4").
const DONT_KNOW_VALUE: &str = "dont_know";
const NOT_APPLICABLE_VALUE: &str = "not_applicable";

/// The scale as HTML: levels 0–4 (marked `data-option`: the peer benchmark and the tests
/// select answers by it), "don't know", and "not applicable" unless the item never is. The
/// order is the one the radio-sync effect relies on. Every text is escaped.
fn scale_markup(group: &str, lang: Lang, never_na: bool) -> Escaped {
    let mut out = Escaped::with_capacity(1024);
    let mut radio = |value: &str, label: &str, is_level: bool| {
        out.literal(if is_level {
            r#"<label class="scale-option" data-option=""><input type="radio" name=""#
        } else {
            r#"<label class="scale-option"><input type="radio" name=""#
        })
        .text(group)
        .literal(r#"" value=""#)
        .text(value)
        .literal(r#"">"#)
        .text(label)
        .literal("</label>");
    };
    for level in Level::all() {
        let v = level.value();
        radio(&v.to_string(), level_label(lang, v), true);
    }
    radio(DONT_KNOW_VALUE, t(lang, Msg::DontKnow), false);
    if !never_na {
        radio(NOT_APPLICABLE_VALUE, t(lang, Msg::NotApplicable), false);
    }
    out
}

/// The class of a criticality badge (a literal per criticality, never bank text).
fn criticality_class(c: Criticality) -> &'static str {
    match c {
        Criticality::Critical => "badge crit-critical",
        Criticality::High => "badge crit-high",
        Criticality::Medium => "badge crit-medium",
        Criticality::Low => "badge crit-low",
    }
}

/// The line above a question: its id, its reference in the provider's source (label and
/// value), kind, criticality, number, and the mark of a text the provider did not
/// translate, as HTML (escaped).
fn meta_markup(
    id: &str,
    source: Option<(&str, &str)>,
    kind: &str,
    criticality: Criticality,
    criticality_label: &str,
    number: String,
    untranslated: Option<&str>,
) -> Escaped {
    let mut out = Escaped::with_capacity(256);
    out.element("span", "item-id", id);
    if let Some((label, source)) = source {
        out.element("span", "item-source", &format!("{label} {source}"));
    }
    out.element("span", "badge", kind)
        .element("span", criticality_class(criticality), criticality_label)
        .element("span", "q-number", &number);
    if let Some(mark) = untranslated {
        out.element("span", "badge untranslated", mark);
    }
    out
}

/// "Why it matters", as HTML (escaped).
fn why_markup(item: &Item, lang: Lang) -> Escaped {
    let mut out = Escaped::default();
    if let Some(why) = &item.why {
        out.element("p", "", why.get(lang));
    }
    let text = [
        item.title.get(lang),
        item.statement.get(lang),
        item.why.as_ref().map_or("", |w| w.get(lang)),
    ]
    .join("\n");
    crate::ui::guide::push_glossary_links(&mut out, &text, lang);
    out
}

/// "How to do it": the steps (the generic ones, then the chosen provider's), the evidence and
/// what a Type II period adds, as HTML (escaped).
fn how_markup(item: &Item, provider: Option<&str>, lang: Lang) -> Escaped {
    let mut out = Escaped::default();
    let steps = item.how_for(provider, lang);
    if !steps.is_empty() {
        out.literal("<ol>");
        for step in steps {
            out.element("li", "", step);
        }
        out.literal("</ol>");
    }
    let evidence = item.evidence_for(provider, lang);
    if !evidence.is_empty() {
        out.element("h3", "", t(lang, Msg::Evidence))
            .element("p", "", &evidence);
    }
    if let Some(type2) = &item.type2 {
        out.element("h3", "", t(lang, Msg::Type2Adds))
            .element("p", "", type2.get(lang));
    }
    out
}

/// The criteria an item supports, each with its title, as HTML (escaped).
fn criteria_markup(item: &Item, lang: Lang) -> Escaped {
    let catalogue = Catalogue::builtin().ok();
    let mut out = Escaped::default();
    out.literal("<ul>");
    for id in &item.criteria {
        let title = catalogue
            .and_then(|cat| cat.criterion(id))
            .map(|c| c.title.get(lang))
            .unwrap_or_default();
        out.literal("<li>")
            .element("span", "crit-id", id.as_str())
            .literal(" ")
            .text(title)
            .literal("</li>");
    }
    out.literal("</ul>");
    out
}
