//! Fields the bank format does not know. Extension fields (`x-…`, e.g. `x-source-url`) are
//! the provider's own: kept in the file (and in its JSON form) and ignored. Any other
//! unknown field is an error, reported with every other problem of the run; in a text, a
//! key that looks like a language code (`es`, `ja`, `zh-tw`) is ignored with a warning.

use super::raw::Extra;

/// Whether a field name is an extension field, which the app keeps and ignores.
pub fn is_extension(key: &str) -> bool {
    key.starts_with("x-") || key.starts_with("x_")
}

/// The unknown fields that are not extension fields, in name order.
pub fn unknown(extra: &Extra) -> impl Iterator<Item = &String> {
    extra.keys().filter(|k| !is_extension(k))
}

/// A language code: two or three lower-case letters, optionally a region or script
/// (`pt-br`, `zh-Hant`).
pub fn is_language(key: &str) -> bool {
    let mut parts = key.split(['-', '_']);
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_fields_and_language_codes() {
        assert!(is_extension("x-ref-id"));
        assert!(!is_extension("ref_id"));
        assert!(is_language("es"));
        assert!(is_language("zh-Hant"));
        assert!(is_language("pt-br"));
        assert!(!is_language("copyright"));
        assert!(!is_language("EN"));
    }
}
