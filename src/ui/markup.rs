//! How markup reaches `inner_html=`: as an [`Escaped`] (see `core::html`, the only place
//! that makes one). The `view!` macro converts an attribute's value through
//! `IntoAttributeValue`; an `Escaped` becomes its text, which already is safe HTML.
//! clippy.toml forbids the raw-HTML calls of web-sys (`set_inner_html`,
//! `insert_adjacent_html`…) but for one reviewed place (ui/disclosure.rs) that also takes
//! only an `Escaped`.

use leptos::prelude::IntoAttributeValue;

use crate::core::html::Escaped;

impl IntoAttributeValue for Escaped {
    type Output = String;

    fn into_attribute_value(self) -> String {
        self.into_string()
    }
}
