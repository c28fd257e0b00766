//! Where the question bank comes from: the default bank (downloaded as language packs,
//! `banks/default.{en,zh}.jsonl` and their guidance, see `core::bank::pack`; never compiled
//! into the wasm; the single file carries the whole bank in the page), a provider's bank from `?bank=` (same origin only), or a file the user picks. Each
//! is built once and kept for the page's life; the session borrows it.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::bank::{
    bundle_sources, merge_packs, pack_path, read_bundle, Bank, BankError, PackPart, ProviderFile,
    Source, DEFAULT_BUNDLE_PATH,
};
use crate::core::text::Lang;

/// Why a bank could not be used.
#[derive(Debug, Clone)]
pub enum BankProblem {
    NotSameOrigin(String),
    Fetch(String),
    Invalid(Vec<BankError>),
}

thread_local! {
    /// The default bank's whole bundle text once downloaded (a provider file that extends
    /// it reuses it), and the texts of the language packs downloaded so far, by path.
    static DEFAULT_TEXT: RefCell<Option<&'static str>> = const { RefCell::new(None) };
    static PACK_TEXTS: RefCell<Vec<(String, &'static str)>> = const { RefCell::new(Vec::new()) };
    /// The default banks built so far: from the whole bundle (the single file), and from
    /// packs, by their languages and guidance.
    static DEFAULT_BANKS: RefCell<Vec<&'static Bank>> = const { RefCell::new(Vec::new()) };
}

/// The global public/boot.js puts the bank's early download in.
const BANK_PREFETCH: &str = "__socBankPrefetch";

/// `url` resolved against the page, if it is on the page's own origin over http(s).
fn same_origin(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let href = window.location().href().ok()?;
    let resolved = web_sys::Url::new_with_base(url, &href).ok()?;
    let origin = window.location().origin().ok()?;
    (resolved.origin() == origin && matches!(resolved.protocol().as_str(), "http:" | "https:"))
        .then(|| resolved.href())
}

/// Downloads `path` (relative to the page, same origin) as text; `prefetch` as in
/// [`fetch_text`].
pub async fn fetch_same_origin(path: &str, prefetch: &str) -> Result<String, BankProblem> {
    let url = same_origin(path).ok_or_else(|| BankProblem::Fetch(path.to_string()))?;
    fetch_text(&url, path, prefetch).await
}

/// Downloads `url` (already resolved) as text. public/boot.js may have started this
/// very download while the wasm loaded, as `window[prefetch]`: its response is taken when
/// the URL matches.
async fn fetch_text(url: &str, shown_as: &str, prefetch: &str) -> Result<String, BankProblem> {
    let failed = || BankProblem::Fetch(shown_as.to_string());
    let window = web_sys::window().ok_or_else(failed)?;
    let prefetched = js_sys::Reflect::get(&window, &prefetch.into())
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
        let _ = js_sys::Reflect::delete_property(&window, &prefetch.into());
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
fn inline_default_bank() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("soc-default-bank")
}

/// Whether the page is the single file, which carries the whole default bank.
fn is_single_file() -> bool {
    inline_default_bank().is_some()
}

/// The default bank's bundle text, downloaded (or read from the page) once per page.
async fn default_text() -> Result<&'static str, BankProblem> {
    if let Some(text) = DEFAULT_TEXT.with(|t| *t.borrow()) {
        return Ok(text);
    }
    let text = match inline_default_bank().and_then(|e| e.text_content()) {
        Some(text) => text,
        None => {
            let url = same_origin(DEFAULT_BUNDLE_PATH)
                .ok_or_else(|| BankProblem::Fetch(DEFAULT_BUNDLE_PATH.to_string()))?;
            fetch_text(&url, DEFAULT_BUNDLE_PATH, BANK_PREFETCH).await?
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

/// One language pack, (its path, its text), downloaded once per page (public/boot.js
/// starts the download of the visitor's core pack while the wasm compiles).
async fn pack(lang: Lang, part: PackPart) -> Result<(String, &'static str), BankProblem> {
    let path = pack_path(lang, part);
    if let Some(text) =
        PACK_TEXTS.with(|p| p.borrow().iter().find(|(k, _)| *k == path).map(|(_, t)| *t))
    {
        return Ok((path, text));
    }
    let url = same_origin(&path).ok_or_else(|| BankProblem::Fetch(path.clone()))?;
    let text = fetch_text(&url, &path, BANK_PREFETCH).await?;
    // Kept for the page's life: a bank with more languages or its guidance is built from
    // the same texts.
    let text: &'static str = Box::leak(text.into_boxed_str());
    PACK_TEXTS.with(|p| p.borrow_mut().push((path.clone(), text)));
    Ok((path, text))
}

/// The default bank with the texts of `langs` (and its guidance when `guidance`), built
/// once per page for each combination. The single file carries the whole bank: every
/// combination is that bank.
pub async fn default_bank(langs: &[Lang], guidance: bool) -> Result<&'static Bank, BankProblem> {
    let fits = |b: &Bank| match &b.packs {
        None => true,
        Some(p) => (p.guidance || !guidance) && langs.iter().all(|l| p.has(*l)),
    };
    if let Some(bank) = DEFAULT_BANKS.with(|b| b.borrow().iter().find(|b| fits(b)).copied()) {
        return Ok(bank);
    }
    let bank = if is_single_file() {
        let files = default_files().await?;
        Bank::from_sources(&bundle_sources(&files)).map_err(BankProblem::Invalid)?
    } else {
        let mut packs = Vec::new();
        for l in langs {
            packs.push(pack(*l, PackPart::Core).await?);
            if guidance {
                packs.push(pack(*l, PackPart::Guidance).await?);
            }
        }
        let invalid = |e| BankProblem::Invalid(vec![e]);
        let bank = match packs.as_slice() {
            // The first visit: one pack, read as it is.
            [(name, text)] => {
                let files = read_bundle(name, text).map_err(invalid)?;
                Bank::from_packs(&bundle_sources(&files), langs, guidance)
            }
            _ => {
                let named: Vec<(&str, &str)> =
                    packs.iter().map(|(n, t)| (n.as_str(), *t)).collect();
                let files = merge_packs(&named).map_err(invalid)?;
                Bank::from_packs(&bundle_sources(&files), langs, guidance)
            }
        };
        bank.map_err(BankProblem::Invalid)?
    };
    let bank: &'static Bank = Box::leak(Box::new(bank));
    DEFAULT_BANKS.with(|b| b.borrow_mut().push(bank));
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
    let text = fetch_text(&resolved, &url, BANK_PREFETCH).await?;
    let name = url.rsplit('/').next().unwrap_or(&url).to_string();
    provider_bank(&name, &text).await
}
