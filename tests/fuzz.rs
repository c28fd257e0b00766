//! Property-based fuzzing of everything that reads foreign bytes: import files, share links,
//! saved assessments and provider banks. Each case takes a real document and mutates it the
//! way damage and attacks do: truncation, byte flips, a value swapped for another type,
//! deep nesting, huge strings (and, for links, decompression bombs).
//!
//! For every case: no panic; a refusal has a message in both languages, each a sentence
//! under 300 characters (the technical detail, apart, under `detail::DETAIL_CHARS`); and
//! the call never holds more memory at once than a set limit (a counting allocator).
//!
//! Sized for CI: `FUZZ_CASES` cases per property (default below); set the variable to run
//! more, e.g. `FUZZ_CASES=2000 cargo test --no-default-features --features toml --test fuzz`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

use soc_readiness::core::answers::Assessment;
use soc_readiness::core::bank::{Bank, BankError, Source};
use soc_readiness::core::default_bank::SOURCES;
use soc_readiness::core::detail::DETAIL_CHARS;
use soc_readiness::core::exchange::{export_json, import_json};
use soc_readiness::core::share::{decode, encode, frame};
use soc_readiness::core::text::Lang;

// ---- Memory: the most each call holds at once, per thread (tests run in parallel). ----

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            track(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        track(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            track(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the most memory it held at once (bytes).
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    let peak = PEAK.with(Cell::get) - base;
    (out, usize::try_from(peak).unwrap_or(0))
}

const MIB: usize = 1024 * 1024;

// ---- Mutations of a real document. ----

#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the text at a byte.
    Truncate(Index),
    /// XOR one byte with a non-zero mask.
    FlipByte(Index, u8),
    /// Replace one value (any depth) with a value of another type.
    SwapType(Index, u8),
    /// Wrap one value in this many arrays.
    Nest(Index, usize),
    /// Replace one value with a string of this many characters.
    HugeString(Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<Index>().prop_map(Mutation::Truncate),
        3 => (any::<Index>(), 1..=255u8).prop_map(|(i, m)| Mutation::FlipByte(i, m)),
        4 => (any::<Index>(), 0..8u8).prop_map(|(i, k)| Mutation::SwapType(i, k)),
        1 => (any::<Index>(), 1..400usize).prop_map(|(i, d)| Mutation::Nest(i, d)),
        1 => (any::<Index>(), 1..(2 * MIB)).prop_map(|(i, n)| Mutation::HugeString(i, n)),
    ]
}

/// Paths (JSON pointers) of every value in `v`, the root first.
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{here}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(x, format!("{here}/{k}"), out);
            }
        }
        _ => {}
    }
}

fn other_type(kind: u8) -> Value {
    match kind {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => serde_json::json!(7),
        3 => serde_json::json!(-1.5e300),
        4 => serde_json::json!(u64::MAX),
        5 => serde_json::json!("maybe"),
        6 => serde_json::json!([]),
        _ => serde_json::json!({}),
    }
}

fn replace_node(doc: &str, at: &Index, with: impl FnOnce(Value) -> Value) -> String {
    let Ok(mut v) = serde_json::from_str::<Value>(doc) else {
        return doc.to_string();
    };
    let mut all = Vec::new();
    pointers(&v, String::new(), &mut all);
    let path = at.get(&all).clone();
    if path.is_empty() {
        return with(v).to_string();
    }
    if let Some(slot) = v.pointer_mut(&path) {
        let old = slot.take();
        *slot = with(old);
    }
    v.to_string()
}

fn apply(doc: &str, m: &Mutation) -> String {
    match m {
        Mutation::Truncate(i) => {
            let cut = i.index(doc.len().max(1));
            String::from_utf8_lossy(&doc.as_bytes()[..cut.min(doc.len())]).into_owned()
        }
        Mutation::FlipByte(i, mask) => {
            let mut bytes = doc.as_bytes().to_vec();
            if !bytes.is_empty() {
                let at = i.index(bytes.len());
                bytes[at] ^= mask;
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Mutation::SwapType(i, kind) => replace_node(doc, i, |_| other_type(*kind)),
        Mutation::Nest(i, depth) => replace_node(doc, i, |v| {
            (0..*depth).fold(v, |inner, _| Value::Array(vec![inner]))
        }),
        Mutation::HugeString(i, n) => replace_node(doc, i, |_| Value::String("A".repeat(*n))),
    }
}

// ---- What every refusal must be. ----

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Both languages, distinct, each under 300 characters; the detail short.
fn check_refusal(what: &str, en: &str, zh: &str, detail: Option<&str>) {
    assert!(
        !en.is_empty() && !zh.is_empty() && en != zh,
        "{what}: {en} / {zh}"
    );
    assert!(has_cjk(zh), "{what}: no Chinese in {zh}");
    for m in [en, zh] {
        assert!(
            m.chars().count() < 300,
            "{what}: {} characters: {m}",
            m.chars().count()
        );
    }
    if let Some(d) = detail {
        assert!(
            d.chars().count() <= DETAIL_CHARS + 1,
            "{what}: detail of {} characters",
            d.chars().count()
        );
    }
}

fn check_bank_errors(errors: &[BankError]) {
    assert!(!errors.is_empty());
    for e in errors {
        check_refusal("bank", &e.message(Lang::En), &e.message(Lang::Zh), None);
    }
}

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        // A failing case is shrunk a little, not for minutes.
        max_shrink_iters: 64,
        ..ProptestConfig::default()
    }
}

fn export_doc() -> String {
    let bank = common::shipped_bank();
    export_json(
        &common::realistic_assessment(bank, 3),
        bank,
        "2026-11-29T10:00:00Z",
    )
}

/// A share link whose payload is `json`, with its checksums right (as if made by the app).
fn link_of(json: &str) -> String {
    frame(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6))
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn import_files_never_panic_and_refuse_in_both_languages(m in mutation()) {
        let bank = common::shipped_bank();
        let text = apply(&export_doc(), &m);
        let (result, peak) = peak_of(|| import_json(&text, bank));
        if let Err(e) = result {
            check_refusal("import", &e.message(Lang::En), &e.message(Lang::Zh), e.detail().as_deref());
        }
        prop_assert!(peak < 48 * MIB, "import held {peak} bytes");
    }

    #[test]
    fn saved_assessments_never_panic_and_refuse_in_both_languages(m in mutation()) {
        let bank = common::shipped_bank();
        let saved = common::realistic_assessment(bank, 2).to_json();
        let text = apply(&saved, &m);
        let (result, peak) = peak_of(|| Assessment::from_json(&text));
        if let Err(e) = result {
            check_refusal("saved", &e.message(Lang::En), &e.message(Lang::Zh), e.detail());
        }
        prop_assert!(peak < 48 * MIB, "reading a save held {peak} bytes");
    }

    #[test]
    fn share_links_never_panic_and_refuse_in_both_languages(
        m in mutation(),
        on_payload in any::<bool>(),
    ) {
        let bank = common::shipped_bank();
        // Either the link's text is damaged, or its payload (re-framed, checksums right:
        // what a hostile link maker sends), which also makes decompression bombs.
        let link = if on_payload {
            link_of(&apply(&export_doc(), &m))
        } else {
            apply(&encode(&common::realistic_assessment(bank, 3), bank), &m)
        };
        let (result, peak) = peak_of(|| decode(&link, bank));
        if let Err(e) = result {
            check_refusal("link", &e.message(Lang::En), &e.message(Lang::Zh), e.detail().as_deref());
        }
        prop_assert!(peak < 32 * MIB, "decoding a link held {peak} bytes");
    }
}

proptest! {
    // Each case builds a whole bank (the default one under the provider's file): fewer.
    #![proptest_config(cases(16))]

    #[test]
    fn provider_banks_never_panic_and_refuse_in_both_languages(m in mutation()) {
        let original = include_str!("../public/banks/example-cloud.json");
        let text = apply(original, &m);
        let (result, peak) = peak_of(|| {
            Bank::from_provider(SOURCES, Source { name: "example-cloud.json", text: &text })
        });
        if let Err(errors) = result {
            check_bank_errors(&errors);
        }
        prop_assert!(peak < 96 * MIB, "loading a bank held {peak} bytes");
    }
}

#[test]
fn a_decompression_bomb_is_refused_within_the_limit() {
    let bank = common::shipped_bank();
    let bomb = link_of(&format!("{{\"format\": \"{}\"}}", "A".repeat(64 * MIB)));
    let (result, peak) = peak_of(|| decode(&bomb, bank));
    let Err(e) = result else {
        panic!("a 64 MiB payload was accepted")
    };
    check_refusal(
        "bomb",
        &e.message(Lang::En),
        &e.message(Lang::Zh),
        e.detail().as_deref(),
    );
    assert!(
        peak < 8 * MIB,
        "the bomb made the decoder hold {peak} bytes"
    );
}
