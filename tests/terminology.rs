//! Terminology: the preferred terms of content/terminology.toml, and criterion titles in our
//! own words. Fails on any forbidden variant in the bank, the criteria catalogue or the UI
//! strings, and on a criterion title that shares six or more consecutive words with one of
//! the AICPA phrasings kept in tests/fixtures/aicpa-phrasings.txt.
#![cfg(feature = "toml")]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct Table {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    id: String,
    en: String,
    zh: String,
    forbidden: Vec<String>,
    #[serde(default)]
    allowed_in: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

fn table() -> Table {
    let text = std::fs::read_to_string("content/terminology.toml").unwrap();
    toml::from_str(&text).unwrap()
}

/// The files the rule covers: every bank file, the catalogue and the UI strings.
fn covered_files() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir("content/bank")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths.push("content/criteria.toml".into());
    paths.push("content/guide.toml".into());
    paths.push("src/ui/strings.rs".into());
    paths
        .into_iter()
        .map(|p: std::path::PathBuf| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect()
}

/// Every forbidden variant in `text`, as (term id, variant, line number).
fn violations(table: &Table, text: &str) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for term in &table.term {
            let mut cleaned = line.to_string();
            for ok in &term.allowed_in {
                cleaned = cleaned.replace(ok.as_str(), " ");
            }
            for bad in &term.forbidden {
                if cleaned.contains(bad.as_str()) {
                    out.push((term.id.clone(), bad.clone(), n + 1));
                }
            }
        }
    }
    out
}

#[test]
fn the_table_is_well_formed() {
    let t = table();
    assert!(t.term.len() >= 12);
    for term in &t.term {
        assert!(
            !term.en.trim().is_empty() && !term.zh.trim().is_empty(),
            "{}",
            term.id
        );
        assert!(!term.forbidden.is_empty(), "{} forbids nothing", term.id);
        // A preferred term must never be one of its own forbidden variants.
        for bad in &term.forbidden {
            assert!(!term.zh.contains(bad.as_str()), "{}: {bad}", term.id);
        }
        let _ = &term.note;
    }
}

#[test]
fn no_forbidden_variant_in_the_bank_the_catalogue_or_the_ui_strings() {
    let t = table();
    let mut found = Vec::new();
    for (file, text) in covered_files() {
        for (term, bad, line) in violations(&t, &text) {
            found.push(format!(
                "{file}:{line}: `{bad}` (use the preferred term of `{term}`)"
            ));
        }
    }
    assert!(
        found.is_empty(),
        "forbidden variants:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_planted_variant_is_caught_and_an_allowed_context_is_not() {
    let t = table();
    let planted = "why.zh = \"服务组织的报告采用剥离法，事故由受托方处理。\"";
    let ids: Vec<String> = violations(&t, planted).into_iter().map(|v| v.0).collect();
    for id in ["provider", "carve_out", "event_incident", "processor"] {
        assert!(
            ids.iter().any(|i| i == id),
            "{id} not caught in {planted}: {ids:?}"
        );
    }
    let fine = "how.zh = [\"子服务组织的 CSOC；阿里云 KMS 凭据管家；排除法；安全事件\"]";
    assert_eq!(violations(&t, fine), vec![]);
}

/// Words compared: lower case, British spelling, common endings dropped, small words skipped.
fn words(text: &str) -> Vec<String> {
    const SKIP: [&str; 20] = [
        "a", "an", "the", "and", "or", "of", "to", "its", "it", "are", "is", "be", "by", "for",
        "in", "on", "over", "during", "from", "with",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SKIP.contains(w))
        .map(|w| {
            let w = w.replace("iz", "is");
            for end in ["ing", "ed", "es", "s", "e"] {
                if let Some(stem) = w.strip_suffix(end) {
                    if stem.len() >= 3 {
                        return stem.to_string();
                    }
                }
            }
            w
        })
        .collect()
}

/// The longest run of consecutive words `a` shares with `b`.
fn longest_shared_run(a: &[String], b: &[String]) -> usize {
    let mut best = 0;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            best = best.max(k);
        }
    }
    best
}

fn phrasings() -> Vec<Vec<String>> {
    include_str!("fixtures/aicpa-phrasings.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(words)
        .collect()
}

fn too_close(title: &str) -> Option<usize> {
    let t = words(title);
    phrasings()
        .iter()
        .map(|p| longest_shared_run(&t, p))
        .max()
        .filter(|&run| run >= 6)
}

#[test]
fn criterion_titles_share_no_six_word_run_with_aicpa_phrasings() {
    let text = std::fs::read_to_string(Path::new("content/criteria.toml")).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let criteria = value["criterion"].as_array().unwrap();
    assert_eq!(criteria.len(), 61);
    let close: Vec<String> = criteria
        .iter()
        .filter_map(|c| {
            let title = c["title"]["en"].as_str().unwrap();
            too_close(title)
                .map(|run| format!("{} ({run} words): {title}", c["id"].as_str().unwrap()))
        })
        .collect();
    assert!(
        close.is_empty(),
        "titles too close to AICPA text:\n{}",
        close.join("\n")
    );
}

#[test]
fn the_old_cc6_1_title_would_have_failed() {
    // The catalogue's CC6.1 title before the review: it follows the AICPA wording.
    let old = "Logical access security (software, infrastructure, architecture) protects information assets";
    assert!(too_close(old).is_some());
    assert_eq!(
        too_close("Logical controls and secure design restrict who can reach systems"),
        None
    );
}
