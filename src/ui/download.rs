//! Files in and out, all on the user's machine: saving a file the user asked for (export,
//! backup) through a Blob and a temporary link, and reading a file the user picked.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `content` as a download named `filename`. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, content: &str) -> bool {
    try_download(filename, mime, content).is_ok()
}

fn try_download(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    link.set_hidden(true);
    if let Some(body) = document.body() {
        body.append_child(&link)?;
        link.click();
        body.remove_child(&link)?;
    }
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// A file name safe on every system: letters, digits, `-` and `_` (CJK kept).
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "assessment".into()
    } else {
        s
    }
}

/// Reads the file picked in an `<input type=file>` (then clears the input, so the same file
/// can be picked again) and hands its name and text to `then`.
pub fn read_picked_file(
    ev: &leptos::ev::Event,
    then: impl FnOnce(String, Option<String>) + 'static,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        then(name, text);
    });
}
