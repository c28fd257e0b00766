//! HTML text for the parts of a page the UI sets as one `innerHTML` (a question's static
//! markup: building it node by node through wasm costs several calls per node, and a section
//! shows a dozen questions). Bank text is untrusted input (a provider's bank, a file the user
//! picked), so every text and attribute value goes through [`push_escaped`]: the result can never
//! contain markup, a script or an event handler of its own.
//!
//! Pure; no panics.

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` replaced by character references:
/// safe as element text and as a quoted attribute value.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends `<tag class="class">text</tag>` with `text` escaped. `tag` and `class` are the
/// caller's literals, never user input.
pub fn push_element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text);
        out
    }

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)"> & 'q'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;"
        );
    }

    #[test]
    fn other_text_is_unchanged() {
        assert_eq!(
            escape("访问权限 — CC6.1 (Type II)"),
            "访问权限 — CC6.1 (Type II)"
        );
        assert_eq!(escape(""), "");
    }

    #[test]
    fn an_element_escapes_its_text() {
        let mut s = String::new();
        push_element(&mut s, "span", "badge", "<b>");
        push_element(&mut s, "p", "", "a&b");
        assert_eq!(s, r#"<span class="badge">&lt;b&gt;</span><p>a&amp;b</p>"#);
    }
}
