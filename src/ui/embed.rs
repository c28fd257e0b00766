//! Embed mode (`?embed=1`, set by `public/embed.js`): compact chrome, the provider's
//! validated branding, and a small postMessage API with the host page.
//!
//! Invariants: messages go only to the host origin named by the loader (`host=`), never to
//! `*`; answers never cross the frame (only ready, height, step and, when the host opted in
//! with `share=1`, the verdict and overall score); messages from the host are accepted only
//! from that origin and the parent window, and only the documented commands.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::route::Step;
use super::state::Session;
use crate::core::brand::{Brand, BrandInput, Rejected};
use crate::core::scoring::Completed;
use crate::core::text::Lang;

/// Message types, prefixed so a host can tell ours from others.
const PREFIX: &str = "soc-readiness:";

#[derive(Clone)]
pub struct Embed {
    pub enabled: bool,
    /// The host page's origin, validated; `None` means no message is ever sent.
    pub host: Option<String>,
    /// The host may receive the verdict and overall score on completion.
    pub share_results: bool,
    pub brand: RwSignal<Brand>,
    pub rejected: RwSignal<Vec<Rejected>>,
    /// `ready` was sent and the height observer made: once per page, although a bank
    /// picked from a file mounts the shell (and [`connect`]) again.
    announced: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

fn params() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// An origin exactly as `scheme://host[:port]`, http or https only.
fn valid_origin(s: &str) -> Option<String> {
    let url = web_sys::Url::new(s).ok()?;
    let origin = url.origin();
    (matches!(url.protocol().as_str(), "http:" | "https:") && origin == s.trim_end_matches('/'))
        .then_some(origin)
}

pub fn use_embed() -> Embed {
    expect_context()
}

impl Embed {
    /// Reads the embed options from the page's query string.
    pub fn from_query() -> Embed {
        let p = params();
        let get = |k: &str| p.as_ref().and_then(|p| p.get(k));
        let enabled = get("embed").as_deref() == Some("1");
        let input = BrandInput {
            primary: get("primary"),
            font: get("font"),
            radius: get("radius"),
            logo: get("logo"),
            provider: get("provider"),
        };
        let (brand, rejected) = Brand::from_input(&input);
        let embed = Embed {
            enabled,
            host: if enabled {
                get("host").and_then(|h| valid_origin(&h))
            } else {
                None
            },
            share_results: enabled && get("share").as_deref() == Some("1"),
            brand: RwSignal::new(brand),
            rejected: RwSignal::new(rejected),
            announced: Default::default(),
        };
        if let Some(config) = get("config") {
            embed.load_config(config, input);
        }
        embed
    }

    /// Loads a same-origin JSON branding file; query parameters win over it.
    fn load_config(&self, path: String, query: BrandInput) {
        let (brand, rejected) = (self.brand, self.rejected);
        wasm_bindgen_futures::spawn_local(async move {
            let Some(text) = fetch_same_origin(&path).await else {
                rejected.update(|r| {
                    r.push(Rejected {
                        option: "config",
                        reason: "a JSON file on this site",
                    })
                });
                return;
            };
            match serde_json::from_str::<BrandInput>(&text) {
                Ok(file) => {
                    let (b, r) = Brand::from_input(&file.overlay(query));
                    brand.set(b);
                    rejected.set(r);
                }
                Err(_) => rejected.update(|r| {
                    r.push(Rejected {
                        option: "config",
                        reason: "a JSON file on this site",
                    })
                }),
            }
        });
    }

    /// Sends `{type, ...fields}` to the host, if there is one.
    pub fn post(&self, kind: &str, fields: serde_json::Value) {
        let (Some(host), Some(parent)) = (
            &self.host,
            web_sys::window().and_then(|w| w.parent().ok().flatten()),
        ) else {
            return;
        };
        let mut msg = serde_json::json!({ "type": format!("{PREFIX}{kind}") });
        if let (Some(m), Some(f)) = (msg.as_object_mut(), fields.as_object()) {
            m.extend(f.clone());
        }
        if let Ok(value) = js_sys::JSON::parse(&msg.to_string()) {
            let _ = parent.post_message(&value, host);
        }
    }
}

async fn fetch_same_origin(path: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let url = web_sys::Url::new_with_base(path, &window.location().href().ok()?).ok()?;
    if url.origin() != window.location().origin().ok()? {
        return None;
    }
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(&url.href()))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !resp.ok() {
        return None;
    }
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}

/// Puts the branding into CSS custom properties on `<html>` (through the CSSOM, which a
/// strict `style-src 'self'` allows) and marks embed mode for the stylesheet.
pub fn apply_branding(embed: &Embed) {
    let enabled = embed.enabled;
    let brand = embed.brand;
    Effect::new(move |_| {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if enabled {
            let _ = root.class_list().add_1("embedded");
        }
        let style = root.style();
        brand.with(|b| {
            let set = |k: &str, v: Option<String>| {
                let _ = match v {
                    Some(v) => style.set_property(k, &v),
                    None => style.remove_property(k).map(|_| ()),
                };
            };
            set("--brand", b.primary.clone());
            set("--brand-ink", b.on_primary.map(str::to_string));
            set(
                "--font",
                b.font
                    .clone()
                    .map(|f| format!("{f}, system-ui, \"Noto Sans CJK SC\", sans-serif")),
            );
            set("--radius", b.radius.map(|r| format!("{r}px")));
        });
    });
}

/// Wires the host messages: ready, height (as the content changes), step, completed; and
/// the host's `set-language` command.
pub fn connect(embed: Embed, session: Session, step: Memo<Step>) {
    if embed.host.is_none() {
        return;
    }
    if !embed
        .announced
        .swap(true, std::sync::atomic::Ordering::Relaxed)
    {
        announce(&embed);
    }
    connect_per_shell(embed, session, step);
}

/// `ready`, and the height reported whenever the document's height changes: once per page.
fn announce(embed: &Embed) {
    embed.post("ready", serde_json::json!({ "version": 1 }));
    // Height: observe the document and report its height whenever it changes.
    let for_height = embed.clone();
    let last = std::rc::Rc::new(std::cell::Cell::new(0));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let h = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        if h != last.get() {
            last.set(h);
            for_height.post("height", serde_json::json!({ "height": h }));
        }
    });
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body()),
    ) {
        observer.observe(&root);
        // Both live as long as the page (this runs once per page, see `announced`).
        std::mem::forget(observer);
    }
    on_resize.forget();
}

/// What belongs to one mounted shell (its session and step): step and completion
/// messages, and the host's commands; cleaned up with the shell.
fn connect_per_shell(embed: Embed, session: Session, step: Memo<Step>) {
    let for_step = embed.clone();
    Effect::new(move |_| {
        let s = step.get();
        let name = match &s {
            Step::Welcome => "welcome".to_string(),
            Step::Scope => "scope".into(),
            Step::Section(d) => format!("section:{d}"),
            Step::Review => "review".into(),
            Step::Results => "results".into(),
            Step::Report => "report".into(),
            Step::Blank => "blank".into(),
            Step::Data => "data".into(),
            Step::Requests => "requests".into(),
            Step::Compare => "compare".into(),
            Step::Glossary => "glossary".into(),
        };
        for_step.post("step", serde_json::json!({ "step": name }));
    });

    if embed.share_results {
        let for_done = embed.clone();
        // Completed: the results are shown and every question in scope is answered. Only
        // each result's level and score leave the frame (core::scoring::Completed), and no
        // examination verdict when the customer prepares no SOC 2 of its own.
        let completed = Memo::new(move |_| {
            (step.get() == Step::Results)
                .then(|| {
                    let c = session.scores.with(|s| s.completion());
                    (c.answered == c.total)
                        .then(|| {
                            session
                                .results
                                .with(|r| serde_json::to_value(Completed::of(r)).ok())
                        })
                        .flatten()
                })
                .flatten()
        });
        Effect::new(move |_| {
            if let Some(payload) = completed.get() {
                for_done.post("completed", payload);
            }
        });
    }

    let host = embed.host.clone().unwrap_or_default();
    let lang = session.lang;
    let handle = window_event_listener(leptos::ev::message, move |e: web_sys::MessageEvent| {
        let from_parent = web_sys::window()
            .and_then(|w| w.parent().ok().flatten())
            .zip(e.source())
            .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
        if e.origin() != host || !from_parent {
            return;
        }
        let data = e.data();
        let kind = js_sys::Reflect::get(&data, &"type".into())
            .ok()
            .and_then(|v| v.as_string());
        if kind.as_deref() == Some("soc-readiness:set-language") {
            if let Some(l) = js_sys::Reflect::get(&data, &"lang".into())
                .ok()
                .and_then(|v| v.as_string())
                .and_then(|l| Lang::parse(&l))
            {
                leptos::task::spawn_local(async move {
                    super::strings::switch_language(lang, l).await;
                });
            }
        }
    });
    on_cleanup(move || handle.remove());
}
