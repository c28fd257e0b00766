//! The audit-preparation guide and the glossary: content files validated at load, every
//! error naming the file, the entry and the field.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use soc_readiness::core::default_bank::default_bank;
use soc_readiness::core::glossary::Glossary;
use soc_readiness::core::guide::Guide;
use soc_readiness::core::text::Lang;

#[test]
fn the_guide_validates_and_shows_each_topic_somewhere_that_exists() {
    let guide = Guide::builtin().unwrap();
    let bank = default_bank().unwrap();
    for t in &guide.topics {
        for place in &t.show_in {
            assert!(
                place == "results" || bank.domain(place).is_some(),
                "{}: {place}",
                t.id
            );
        }
    }
    for id in [
        "sample_sizes",
        "evidence_retention",
        "auditor_independence",
        "system_description",
        "provider_reports",
        "deviations",
    ] {
        assert!(guide.topics.iter().any(|t| t.id == id), "no topic {id}");
    }
    // The audit-preparation section and the results page carry the topics.
    assert!(guide.topics_for("rd_audit", true).len() >= 5);
    assert!(guide.topics_for("results", true).len() >= 5);
    // Without an own audit, only the provider-report topic remains.
    let ids: Vec<&str> = guide
        .topics_for("results", false)
        .into_iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, ["provider_reports"]);
    assert_eq!(guide.printed(false).count(), 1);
    let sizes = guide
        .topics
        .iter()
        .find(|t| t.id == "sample_sizes")
        .unwrap();
    let table = sizes.table.as_ref().unwrap();
    let freq: Vec<&str> = table.rows(Lang::En).iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        freq,
        [
            "Annually",
            "Quarterly",
            "Monthly",
            "Weekly",
            "Daily",
            "Many times a day"
        ]
    );
    assert_eq!(table.rows(Lang::Zh).len(), 6);
    let dc = guide
        .topics
        .iter()
        .find(|t| t.id == "system_description")
        .unwrap();
    assert_eq!(dc.table.as_ref().unwrap().rows(Lang::En).len(), 9);
}

#[test]
fn a_broken_guide_names_the_file_the_topic_and_the_field() {
    let src = r#"{"topic": [
      {"id": "a", "show_in": ["results"], "title": {"en": "A", "zh": ""}, "text": {"en": ["x"], "zh": ["x", "y"]}},
      {"id": "a", "show_in": [], "title": {"en": "B", "zh": "B"}, "text": {"en": ["x"], "zh": ["x"]},
       "columns": {"en": ["c1", "c2"], "zh": ["c1", "c2"]}, "rows": {"en": [["1"]], "zh": [["1", "2"]]}}]}"#;
    let errors = Guide::parse(src).unwrap_err();
    for want in [
        "content/guide.toml: topic a: title.zh: is empty",
        "content/guide.toml: topic a: text: has 1 texts in en but 2 in zh",
        "content/guide.toml: topic a: id: is used twice",
        "content/guide.toml: topic a: show_in: names no place",
        "content/guide.toml: topic a: rows.en[0]: needs 2 non-empty cells, one per column",
    ] {
        assert!(
            errors.iter().any(|e| e == want),
            "missing {want:?} in {errors:#?}"
        );
    }
}

#[test]
fn the_glossary_has_the_terms_and_the_cicpa_aliases() {
    let g = Glossary::builtin().unwrap();
    for id in [
        "cuec",
        "csoc",
        "user_responsibility",
        "carve_out",
        "inclusive",
        "bridge_letter",
        "type1",
        "type2",
        "observation_period",
        "system_description",
        "subservice",
        "deviation",
        "qualified_opinion",
    ] {
        assert!(g.term(id).is_some(), "no term {id}");
    }
    let cicpa: Vec<&str> = g.terms.iter().filter_map(|t| t.cicpa.as_deref()).collect();
    for alias in ["服务机构", "分包服务机构", "互补性控制"] {
        assert!(cicpa.contains(&alias), "no CICPA alias {alias}");
    }
    // Questions link to the terms their text uses, in either language.
    let ids = |text: &str, lang| {
        g.terms_in(text, lang)
            .iter()
            .map(|t| t.id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids("Map every provider CUEC to one of our controls", Lang::En),
        ["cuec"]
    );
    assert_eq!(
        ids("采用排除法时，需获取桥接函", Lang::Zh),
        ["carve_out", "bridge_letter"]
    );
    assert!(ids("Nothing to see here", Lang::En).is_empty());
}

#[test]
fn a_broken_glossary_names_the_file_the_term_and_the_field() {
    let src = r#"{"term": [{"id": "X", "name": {"en": "x", "zh": "x"}, "definition": {"en": "", "zh": "d"},
       "match": {"en": ["x"], "zh": []}}]}"#;
    let errors = Glossary::parse(src).unwrap_err();
    for want in [
        "content/glossary.toml: term X: id: is missing or not [a-z0-9_]+",
        "content/glossary.toml: term X: definition.en: is empty",
        "content/glossary.toml: term X: match: needs non-empty words in en and zh",
    ] {
        assert!(
            errors.iter().any(|e| e == want),
            "missing {want:?} in {errors:#?}"
        );
    }
}
