//! HTML text for the parts of a page the UI sets as one `innerHTML` (a question's static
//! markup: building it node by node through wasm costs several calls per node, and a section
//! shows a dozen questions). Bank text is untrusted input (a provider's bank, a file the user
//! picked).
//!
//! Safe by type: such markup is an [`Escaped`], which only this module can make, from
//! `&'static str` literals the program itself contains (tags, class names, fixed markup) and
//! text that is always escaped. The UI's innerHTML sinks accept only an `Escaped`, so the
//! result can never contain markup, a script or an event handler that came from input.
//!
//! Pure; no panics.

/// Markup safe to set as innerHTML. Made only here: [`Escaped::literal`] takes the
/// program's own string literals, every other text goes through escaping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Escaped(String);

impl Escaped {
    pub fn with_capacity(capacity: usize) -> Escaped {
        Escaped(String::with_capacity(capacity))
    }

    /// Appends markup written in the program (a `&'static str`: never input).
    pub fn literal(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by character references:
    /// safe as element text and as a quoted attribute value.
    pub fn text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// Appends `<tag class="class">text</tag>` with `text` escaped; `tag` and `class` are
    /// the program's literals.
    pub fn element(&mut self, tag: &'static str, class: &'static str, text: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        if !class.is_empty() {
            self.0.push_str(" class=\"");
            self.0.push_str(class);
            self.0.push('"');
        }
        self.0.push('>');
        self.text(text);
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str) -> String {
        let mut out = Escaped::default();
        out.text(text);
        out.into_string()
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
        let mut s = Escaped::default();
        s.element("span", "badge", "<b>")
            .element("p", "", "a&b")
            .literal("<ol>")
            .text("\"><img onerror=alert(1)>");
        assert_eq!(
            s.as_str(),
            r#"<span class="badge">&lt;b&gt;</span><p>a&amp;b</p><ol>&quot;&gt;&lt;img onerror=alert(1)&gt;"#
        );
    }
}
