//! Where the question bank comes from: the default bank (downloaded as
//! `banks/default.jsonl`, never compiled into the wasm; the single file carries it in the
//! page), a provider's bank from `?bank=` (same origin only), or a file the user picks. Each
//! is built once and kept for the page's life; the session borrows it.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::bank::{
    bundle_sources, read_bundle, Bank, BankError, ProviderFile, Source, DEFAULT_BUNDLE_PATH,
};

/// Why a bank could not be used.
#[derive(Debug, Clone)]
pub enum BankProblem {
    NotSameOrigin(String),
    Fetch(String),
    Invalid(Vec<BankError>),
}

thread_local! {
    /// The default bank's bundle text once downloaded (a provider file that extends it and a
    /// later "use the standard bank" reuse it), and the default bank once built.
    static DEFAULT_TEXT: RefCell<Option<&'static str>> = const { RefCell::new(None) };
    static DEFAULT_BANK: RefCell<Option<&'static Bank>> = const { RefCell::new(None) };
}

/// `url` resolved against the page, if it is on the page's own origin over http(s).
fn same_origin(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let href = window.location().href().ok()?;
    let resolved = web_sys::Url::new_with_base(url, &href).ok()?;
    let origin = window.location().origin().ok()?;
    (resolved.origin() == origin && matches!(resolved.protocol().as_str(), "http:" | "https:"))
        .then(|| resolved.href())
}

/// Downloads `url` (already resolved) as text. public/boot.js may have started this
/// very download while the wasm loaded: its response is taken when the URL matches.
async fn fetch_text(url: &str, shown_as: &str) -> Result<String, BankProblem> {
    let failed = || BankProblem::Fetch(shown_as.to_string());
    let window = web_sys::window().ok_or_else(failed)?;
    let prefetched = js_sys::Reflect::get(&window, &"__socBankPrefetch".into())
        .ok()
        .filter(|p| {
            js_sys::Reflect::get(p, &"url".into())
                .ok()
                .and_then(|u| u.as_string())
                .as_deref()
                == Some(url)
        })
        .and_then(|p| js_sys::Reflect::get(&p, &"response".into()).ok())
        .and_then(|r| r.dyn_into::<js_sys::Promise>().ok());
    if prefetched.is_some() {
        // Used once: a retry after a failure downloads again.
        let _ = js_sys::Reflect::delete_property(&window, &"__socBankPrefetch".into());
    }
    let request = prefetched.unwrap_or_else(|| window.fetch_with_str(url));
    let resp: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    if !resp.ok() {
        return Err(BankProblem::Fetch(format!(
            "{shown_as} (HTTP {})",
            resp.status()
        )));
    }
    JsFuture::from(resp.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?
        .as_string()
        .ok_or_else(failed)
}

/// The default bank's bundle inside the page: the single file (tools/single-file.mjs) has
/// no other file to download it from, so it carries the bundle as a data block,
/// `<script type="application/x-ndjson" id="soc-default-bank">`.
fn inline_default_text() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id("soc-default-bank")?
        .text_content()
}

/// The default bank's bundle text, downloaded (or read from the page) once per page.
async fn default_text() -> Result<&'static str, BankProblem> {
    if let Some(text) = DEFAULT_TEXT.with(|t| *t.borrow()) {
        return Ok(text);
    }
    let text = match inline_default_text() {
        Some(text) => text,
        None => {
            let url = same_origin(DEFAULT_BUNDLE_PATH)
                .ok_or_else(|| BankProblem::Fetch(DEFAULT_BUNDLE_PATH.to_string()))?;
            fetch_text(&url, DEFAULT_BUNDLE_PATH).await?
        }
    };
    // Kept for the page's life: the default bank is built from it at most twice (alone, and
    // under a provider's file).
    let text: &'static str = Box::leak(text.into_boxed_str());
    DEFAULT_TEXT.with(|t| *t.borrow_mut() = Some(text));
    Ok(text)
}

/// The default bank's files, borrowed from the downloaded bundle.
async fn default_files() -> Result<Vec<(String, &'static str)>, BankProblem> {
    let text = default_text().await?;
    read_bundle(DEFAULT_BUNDLE_PATH, text).map_err(|e| BankProblem::Invalid(vec![e]))
}

/// The default bank, downloaded and built once per page.
pub async fn default_bank() -> Result<&'static Bank, BankProblem> {
    if let Some(bank) = DEFAULT_BANK.with(|b| *b.borrow()) {
        return Ok(bank);
    }
    let files = default_files().await?;
    let bank = Bank::from_sources(&bundle_sources(&files)).map_err(BankProblem::Invalid)?;
    let bank: &'static Bank = Box::leak(Box::new(bank));
    DEFAULT_BANK.with(|b| *b.borrow_mut() = Some(bank));
    Ok(bank)
}

/// Builds a provider's bank from its text: laid over the default bank when it `extends`
/// it, standalone otherwise; the default bank is downloaded only when the file needs it
/// (it extends it, or leaves out part of `[scoring]`, which is then the default bank's).
pub async fn provider_bank(name: &str, text: &str) -> Result<&'static Bank, BankProblem> {
    // Read once: whether it extends the default bank, then built from the same reading.
    let file =
        ProviderFile::parse(Source { name, text }).map_err(|e| BankProblem::Invalid(vec![e]))?;
    let bank = if file.needs_base() {
        let files = default_files().await?;
        Bank::from_provider_file(&bundle_sources(&files), file)
    } else {
        Bank::from_provider_file(&[], file)
    }
    .map_err(BankProblem::Invalid)?;
    // Loaded once per page (or per picked file); the session borrows it for the page's life.
    Ok(Box::leak(Box::new(bank)))
}

/// Loads `?bank=URL` (same origin only).
pub async fn bank_from_url(url: String) -> Result<&'static Bank, BankProblem> {
    let resolved = same_origin(&url).ok_or_else(|| BankProblem::NotSameOrigin(url.clone()))?;
    let text = fetch_text(&resolved, &url).await?;
    let name = url.rsplit('/').next().unwrap_or(&url).to_string();
    provider_bank(&name, &text).await
}
