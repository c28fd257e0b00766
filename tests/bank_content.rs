//! The shipped question bank: it validates, covers all 61 criteria, has enough CUECs, and
//! every text exists in both languages.
#![allow(clippy::panic)]

use std::collections::BTreeSet;

use soc_readiness::core::bank::{Bank, ItemKind};
use soc_readiness::core::criteria::Catalogue;
use soc_readiness::core::default_bank::default_bank;
// The tests of the example bank and of the build-time conversion read TOML.
#[cfg(feature = "toml")]
use soc_readiness::core::{
    bank::{Format, Source},
    default_bank::{SOURCES, TOML_SOURCES},
};

fn bank() -> &'static Bank {
    match default_bank() {
        Ok(b) => b,
        Err(errors) => panic!(
            "default bank invalid:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn the_default_bank_validates() {
    let b = bank();
    assert_eq!(b.meta.id, "soc-readiness-default");
    assert_eq!(b.meta.schema_version, 1);
}

#[test]
fn the_catalogue_has_the_61_criteria_and_all_are_cited() {
    let cat = Catalogue::builtin().unwrap();
    assert_eq!(cat.criterion.len(), 61);
    let cited: BTreeSet<&str> = bank()
        .items
        .iter()
        .flat_map(|i| i.criteria.iter().map(String::as_str))
        .collect();
    let missing: Vec<&str> = cat
        .criterion
        .iter()
        .map(|c| c.id.as_str())
        .filter(|c| !cited.contains(c))
        .collect();
    assert!(missing.is_empty(), "criteria cited by no item: {missing:?}");
    // The items of the own-SOC 2 result cover all 61 (a customer heading for its own SOC 2).
    let by_readiness: BTreeSet<&str> = bank()
        .items
        .iter()
        .filter(|i| i.counts_for_own_soc2())
        .flat_map(|i| i.criteria.iter().map(String::as_str))
        .collect();
    assert_eq!(by_readiness.len(), 61);
}

#[test]
fn at_least_60_cuec_items_covering_all_67_themes() {
    let cuec_like: Vec<_> = bank()
        .items
        .iter()
        .filter(|i| i.kind != ItemKind::Readiness)
        .collect();
    assert!(cuec_like.len() >= 60, "only {} CUEC items", cuec_like.len());
    let themes: BTreeSet<u8> = cuec_like.iter().filter_map(|i| i.theme).collect();
    let missing: Vec<u8> = (1..=67).filter(|t| !themes.contains(t)).collect();
    assert!(missing.is_empty(), "CUEC themes with no item: {missing:?}");
    // Both labels are used: CUECs proper and user-entity responsibilities.
    assert!(cuec_like.iter().any(|i| i.kind == ItemKind::Cuec));
    assert!(cuec_like
        .iter()
        .any(|i| i.kind == ItemKind::UserResponsibility));
}

#[test]
fn every_text_is_present_in_both_languages() {
    for i in &bank().items {
        // The format leaves guidance optional; the default bank gives all of it.
        let why = i.why.as_ref().expect("why");
        let evidence = i.evidence.as_ref().expect("evidence");
        let how = i.how.as_ref().expect("how");
        for (field, t) in [
            ("title", &i.title),
            ("statement", &i.statement),
            ("why", why),
            ("evidence", evidence),
        ] {
            assert!(
                !t.en.trim().is_empty() && !t.zh.trim().is_empty(),
                "{} {field}",
                i.id
            );
            // Chinese text is Chinese: it contains CJK ideographs.
            assert!(
                t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} {field}.zh has no Chinese",
                i.id
            );
        }
        assert_eq!(how.en.len(), how.zh.len(), "{} how", i.id);
        assert!(
            (2..=4).contains(&how.en.len()),
            "{} has {} steps",
            i.id,
            how.en.len()
        );
    }
    for d in &bank().domains {
        assert!(
            d.title
                .zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            d.id
        );
    }
}

#[test]
fn every_criterion_has_titles_in_both_languages() {
    for c in &Catalogue::builtin().unwrap().criterion {
        assert!(
            !c.title.en.is_empty()
                && c.title
                    .zh
                    .chars()
                    .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
            "{}",
            c.id
        );
        let is_coso = c.id.starts_with("CC1")
            || c.id.starts_with("CC2")
            || c.id.starts_with("CC3")
            || c.id.starts_with("CC4")
            || c.id.starts_with("CC5");
        assert_eq!(c.coso.is_some(), is_coso, "{} COSO principle", c.id);
    }
}

#[cfg(feature = "toml")]
#[test]
fn the_example_provider_bank_extends_the_default() {
    let text = std::fs::read_to_string("public/banks/example-cloud.toml").unwrap();
    let b = Bank::from_provider(
        SOURCES,
        Source {
            name: "example-cloud.toml",
            text: &text,
        },
    )
    .unwrap();
    assert_eq!(b.meta.id, "example-cloud");
    assert_eq!(b.meta.extends.as_deref(), Some("soc-readiness-default"));
    assert!(b.domain("example_cloud").is_some());
    assert!(b.items_of("example_cloud").count() >= 6);
    // It removes an item of the base and overrides another in place.
    assert!(b.item("FIN-05").is_none());
    let ven = b.item("VEN-01").unwrap();
    assert!(
        ven.statement.en.contains("Example Cloud"),
        "VEN-01 is overridden"
    );
    assert_eq!(
        b.items.len(),
        bank().items.len() - 1 + b.items_of("example_cloud").count()
    );
}

/// The browser reads public/banks/example-cloud.json; example-cloud.toml is its source. The
/// JSON must be exactly what `bank-check --json` prints for the TOML, so they cannot drift.
#[cfg(feature = "toml")]
#[test]
fn the_example_json_is_what_bank_check_json_prints_for_the_toml() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bank-check"))
        .args(["--json", "public/banks/example-cloud.toml"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read("public/banks/example-cloud.json").unwrap();
    assert!(
        out.stdout == committed,
        "public/banks/example-cloud.json is stale: regenerate it with\n  \
         cargo run --bin bank-check -- --json public/banks/example-cloud.toml > public/banks/example-cloud.json"
    );
}

#[cfg(feature = "toml")]
#[test]
fn the_example_json_bank_is_the_toml_bank() {
    let load = |name: &str| {
        let text = std::fs::read_to_string(format!("public/banks/{name}")).unwrap();
        Bank::from_provider(SOURCES, Source { name, text: &text }).unwrap()
    };
    assert_eq!(load("example-cloud.json"), load("example-cloud.toml"));
}

/// build.rs embeds the content as JSON; it must say exactly what the TOML says.
#[cfg(feature = "toml")]
#[test]
fn the_embedded_json_is_the_toml_as_written() {
    assert_eq!(SOURCES.len(), TOML_SOURCES.len());
    assert!(SOURCES.len() >= 20);
    for (json, toml) in SOURCES.iter().zip(TOML_SOURCES) {
        assert_eq!(json.name, toml.name);
        assert!(json.name.starts_with("content/bank/") && json.name.ends_with(".toml"));
        assert_eq!(json.format(), Format::Json);
        assert_eq!(toml.format(), Format::Toml);
    }
    assert_eq!(
        Bank::from_sources(SOURCES).unwrap(),
        Bank::from_sources(TOML_SOURCES).unwrap()
    );
    let from_toml = Catalogue::parse_toml(include_str!("../content/criteria.toml")).unwrap();
    assert_eq!(
        format!("{:?}", Catalogue::builtin().unwrap()),
        format!("{from_toml:?}")
    );
}
