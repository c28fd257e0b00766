//! The technical detail of a refusal (what a parser said, and where), kept apart from the
//! plain sentence a user reads: the UI shows it behind a "details" disclosure. Foreign text
//! (a saved value, an imported file, a share link, a bank) can be megabytes long and a
//! parser's message may quote it, so every detail is shortened here: it never carries more
//! than [`DETAIL_CHARS`] characters, of which at most [`QUOTE_CHARS`] of a quoted value.
//!
//! Pure; no panics.

/// At most this many characters of a detail are kept.
pub const DETAIL_CHARS: usize = 100;

/// At most this many characters of one foreign value are quoted.
pub const QUOTE_CHARS: usize = 40;

/// `s` cut to at most `max` characters (on a character boundary), with "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or_default()),
        None => s.to_string(),
    }
}

/// A foreign value, shortened for quoting (see [`QUOTE_CHARS`]).
pub fn quote(s: &str) -> String {
    shorten(s, QUOTE_CHARS)
}

/// A parser's error as a short detail: `line 1, column 74: EOF while parsing a value`
/// (the position first, so shortening never drops it), cut to [`DETAIL_CHARS`].
pub fn json_error(e: &serde_json::Error) -> String {
    let full = e.to_string();
    if e.line() == 0 {
        return shorten(&full, DETAIL_CHARS);
    }
    // serde_json appends " at line L column C"; the input it quotes comes before that.
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(w, _)| w);
    shorten(
        &format!("line {}, column {}: {what}", e.line(), e.column()),
        DETAIL_CHARS,
    )
}

/// `prefix: detail`, shortened as one.
pub fn labelled(prefix: &str, detail: &str) -> String {
    shorten(&format!("{prefix}: {detail}"), DETAIL_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_keeps_short_text_and_cuts_long_text_on_a_character() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "abc…");
        assert_eq!(shorten("访问权限", 2), "访问…");
    }

    #[test]
    fn a_parser_error_names_the_place_and_quotes_little_of_the_input() {
        let huge = format!("{{\"a\": \"{}", "x".repeat(1 << 20));
        let e = serde_json::from_str::<serde_json::Value>(&huge).unwrap_err();
        let d = json_error(&e);
        assert!(d.starts_with("line 1, column "), "{d}");
        assert!(d.chars().count() <= DETAIL_CHARS + 1, "{d}");
        // A value of the wrong type is quoted by serde: still shortened.
        let e = serde_json::from_str::<u8>(&format!("\"{}\"", "y".repeat(5000))).unwrap_err();
        assert!(json_error(&e).chars().count() <= DETAIL_CHARS + 1);
    }
}
