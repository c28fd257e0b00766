//! Guidance that belongs to one provider: extra `how` steps and an evidence note that name
//! that provider's consoles and products. An item's own `how` and `evidence` stay generic;
//! when the customer has chosen a provider (scope question `provider`), the questionnaire,
//! the report and the blank questionnaire add that provider's entry, and nothing else's.

use serde::Deserialize;

use super::error::{BankError, Problem};
use super::model::{Item, ScopeQuestion};
use crate::core::text::{Lang, Text, TextList};

/// The scope question whose answer selects the provider-specific guidance.
pub const PROVIDER_QUESTION: &str = "provider";

/// `[[item.for_provider]]` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProviderSteps {
    pub provider: Option<String>,
    pub how: Option<super::raw::RawTextList>,
    pub evidence: Option<super::raw::RawText>,
}

/// One provider's guidance for an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderSteps {
    /// An option id of the scope question `provider`.
    pub provider: String,
    /// Steps shown after the generic ones (possibly none).
    pub how: TextList,
    /// A note shown after the generic evidence text.
    pub evidence: Option<Text>,
}

impl Item {
    /// The guidance entry for this provider, if the item has one.
    pub fn provider_steps(&self, provider: Option<&str>) -> Option<&ProviderSteps> {
        let p = provider?;
        self.for_provider.iter().find(|s| s.provider == p)
    }

    /// The steps to show: the generic ones, then the chosen provider's.
    pub fn how_for(&self, provider: Option<&str>, lang: Lang) -> Vec<&str> {
        let mut steps: Vec<&str> = self.steps(lang).iter().map(String::as_str).collect();
        if let Some(s) = self.provider_steps(provider) {
            steps.extend(s.how.get(lang).iter().map(String::as_str));
        }
        steps
    }

    /// The evidence text to show: the generic text, then the chosen provider's note.
    pub fn evidence_for(&self, provider: Option<&str>, lang: Lang) -> String {
        let mut out = self.evidence_text(lang).to_string();
        if let Some(note) = self
            .provider_steps(provider)
            .and_then(|s| s.evidence.as_ref())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(note.get(lang));
        }
        out
    }
}

fn err(errors: &mut Vec<BankError>, file: &str, item: &str, field: &str, p: Problem) {
    errors.push(BankError::new(file, Some(item), Some(field), p));
}

/// Validates an item's `for_provider` entries against the scope question `provider`. Every
/// error names the file, the item and the field (`for_provider[1].how.zh`).
pub(super) fn validate(
    errors: &mut Vec<BankError>,
    only: Option<Lang>,
    file: &str,
    item: &str,
    raw: &[RawProviderSteps],
    scope: &[ScopeQuestion],
) -> Option<Vec<ProviderSteps>> {
    let question = scope.iter().find(|q| q.id == PROVIDER_QUESTION);
    let before = errors.len();
    let mut out = Vec::with_capacity(raw.len());
    for (n, r) in raw.iter().enumerate() {
        let at = format!("for_provider[{n}]");
        let Some(provider) = r.provider.clone() else {
            err(
                errors,
                file,
                item,
                &format!("{at}.provider"),
                Problem::Missing,
            );
            continue;
        };
        match question {
            None => err(
                errors,
                file,
                item,
                &format!("{at}.provider"),
                Problem::Invalid(
                    provider.clone(),
                    "an option of the scope question `provider`, which this bank lacks".into(),
                ),
            ),
            Some(q) if !q.options.iter().any(|o| o.id == provider) => err(
                errors,
                file,
                item,
                &format!("{at}.provider"),
                Problem::UnknownOption(PROVIDER_QUESTION.into(), provider.clone()),
            ),
            Some(_) => {}
        }
        if out.iter().any(|s: &ProviderSteps| s.provider == provider) {
            err(
                errors,
                file,
                item,
                &format!("{at}.provider"),
                Problem::Duplicate(provider.clone()),
            );
        }
        if r.how.is_none() && r.evidence.is_none() {
            err(errors, file, item, &format!("{at}.how"), Problem::Missing);
        }
        let how = r
            .how
            .as_ref()
            .and_then(|h| steps(errors, only, file, item, &format!("{at}.how"), h));
        let evidence = r
            .evidence
            .as_ref()
            .and_then(|t| text(errors, only, file, item, &format!("{at}.evidence"), t));
        out.push(ProviderSteps {
            provider,
            how: how.unwrap_or_default(),
            evidence,
        });
    }
    (errors.len() == before).then_some(out)
}

fn text(
    errors: &mut Vec<BankError>,
    only: Option<Lang>,
    file: &str,
    item: &str,
    field: &str,
    t: &super::raw::RawText,
) -> Option<Text> {
    let mut ok = true;
    for (lang, v) in super::checker::required_languages(only, &t.en, &t.zh) {
        let f = format!("{field}.{}", lang.code());
        match v {
            None => {
                err(errors, file, item, &f, Problem::Missing);
                ok = false;
            }
            Some(s) if s.trim().is_empty() => {
                err(errors, file, item, &f, Problem::EmptyText(lang));
                ok = false;
            }
            Some(_) => {}
        }
    }
    ok.then(|| {
        Text::new(
            t.en.clone().unwrap_or_default(),
            t.zh.clone().unwrap_or_default(),
        )
    })
}

fn steps(
    errors: &mut Vec<BankError>,
    only: Option<Lang>,
    file: &str,
    item: &str,
    field: &str,
    t: &super::raw::RawTextList,
) -> Option<TextList> {
    let mut ok = true;
    for (lang, v) in super::checker::required_languages(only, &t.en, &t.zh) {
        let f = format!("{field}.{}", lang.code());
        match v {
            None => {
                err(errors, file, item, &f, Problem::Missing);
                ok = false;
            }
            Some(list) if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) => {
                err(errors, file, item, &f, Problem::EmptyText(lang));
                ok = false;
            }
            Some(list) if list.len() > 4 => {
                err(
                    errors,
                    file,
                    item,
                    &f,
                    Problem::OutOfRange(list.len().to_string(), "1–4 steps".into()),
                );
                ok = false;
            }
            Some(_) => {}
        }
    }
    let (en, zh) = (
        t.en.clone().unwrap_or_default(),
        t.zh.clone().unwrap_or_default(),
    );
    if ok && only.is_none() && en.len() != zh.len() {
        err(
            errors,
            file,
            item,
            field,
            Problem::StepCountMismatch(en.len(), zh.len()),
        );
        ok = false;
    }
    ok.then_some(TextList { en, zh })
}

impl super::model::Bank {
    /// The provider the customer has chosen (an option of the scope question `provider`
    /// that the scope shows), if any. "Another provider" is an option like any other: no
    /// item of the default bank has steps for it, so it shows the generic steps.
    pub fn chosen_provider<'a>(
        &self,
        scope: &'a crate::core::condition::ScopeAnswers,
    ) -> Option<&'a str> {
        let q = self.scope_question(PROVIDER_QUESTION)?;
        if !self.scope_question_visible(q, scope) {
            return None;
        }
        scope
            .get(PROVIDER_QUESTION)?
            .iter()
            .find(|o| q.options.iter().any(|opt| &opt.id == *o))
            .map(String::as_str)
    }
}
