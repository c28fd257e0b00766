//! Bilingual text. Every user-visible string of a bank exists in English and Simplified
//! Chinese; the UI picks one with [`Lang`].

use serde::{Deserialize, Serialize};

/// The languages the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// BCP 47 tag for `<html lang>` and number/date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Short code used in URLs (`?lang=`) and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Reads `en`, `zh`, `zh-CN`, `zh-Hans`, `en-GB`… case-insensitively.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

/// One text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `lang`; a text a provider left in English only (empty `zh`) is its
    /// English (the UI marks it, see [`Text::has`]).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            Lang::Zh | Lang::En => &self.en,
        }
    }

    /// Whether the text exists in `lang` (English always does in a validated bank).
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::En => !self.en.is_empty(),
            Lang::Zh => !self.zh.is_empty(),
        }
    }
}

/// A list of texts (e.g. remediation steps) in both languages, same length in each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TextList {
    pub en: Vec<String>,
    pub zh: Vec<String>,
}

impl TextList {
    /// The list in `lang`, or in English when a provider left it untranslated.
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            Lang::Zh | Lang::En => &self.en,
        }
    }

    /// Whether the list exists in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::En => !self.en.is_empty(),
            Lang::Zh => !self.zh.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("ZH_hans"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
