//! The only way markup reaches `inner_html=`: an [`Escaped`] (see `core::html`, the only
//! place that makes one). Its text already is safe HTML, so setting it is String's
//! behaviour; what this adds is the type: a plain `String` of bank text cannot get here.

use std::future::Future;

use leptos::tachys::html::element::InnerHtmlValue;
use leptos::tachys::renderer::types::Element;

use crate::core::html::Escaped;

impl InnerHtmlValue for Escaped {
    type AsyncOutput = Self;
    type State = <String as InnerHtmlValue>::State;
    type Cloneable = Self;
    type CloneableOwned = Self;

    fn html_len(&self) -> usize {
        self.as_str().len()
    }

    fn to_html(self, buf: &mut String) {
        buf.push_str(self.as_str());
    }

    fn to_template(_buf: &mut String) {}

    fn hydrate<const FROM_SERVER: bool>(self, el: &Element) -> Self::State {
        self.into_string().hydrate::<FROM_SERVER>(el)
    }

    fn build(self, el: &Element) -> Self::State {
        self.into_string().build(el)
    }

    fn rebuild(self, state: &mut Self::State) {
        self.into_string().rebuild(state)
    }

    fn into_cloneable(self) -> Self {
        self
    }

    fn into_cloneable_owned(self) -> Self {
        self
    }

    fn dry_resolve(&mut self) {}

    fn resolve(self) -> impl Future<Output = Self> + Send {
        async move { self }
    }
}
