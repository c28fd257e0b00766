//! Provider banks that real content fits (issue 15): declared coverage, source references,
//! extension fields, English-only drafts, optional guidance, every error at once, and a
//! test for every limit content/FORMAT.md states. The fixtures in
//! tests/e2e/fixtures/providers/ stand for real content; the browser tests load their JSON.
#![cfg(feature = "toml")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use soc_readiness::core::bank::{
    toml_to_json, Bank, BankError, Checked, Criticality, EntryKind, Problem, Purpose, Source,
    MAX_SOURCE, MAX_TITLE, STEPS,
};
use soc_readiness::core::criteria::Category;
use soc_readiness::core::default_bank::SOURCES;
use soc_readiness::core::text::Lang;

const DIR: &str = "tests/e2e/fixtures/providers";

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{name}")).unwrap()
}

fn check(name: &str, text: &str, strict: bool) -> Checked {
    Bank::check_provider(SOURCES, Source { name, text }, strict)
}

fn fixture(name: &str) -> (Bank, Vec<BankError>) {
    let c = check(name, &read(name), false);
    match c.bank {
        Ok(b) => (b, c.warnings),
        Err(e) => panic!(
            "{name}: {:?}",
            e.iter().map(|e| e.to_string()).collect::<Vec<_>>()
        ),
    }
}

fn errors(name: &str, text: &str) -> Vec<BankError> {
    check(name, text, false).bank.err().unwrap_or_default()
}

fn criteria_of(errors: &[BankError]) -> Vec<String> {
    errors
        .iter()
        .filter(|e| matches!(e.problem, Problem::Uncovered(..)))
        .map(|e| {
            assert_eq!(e.kind, EntryKind::Criterion, "{e}");
            e.entry.clone().unwrap()
        })
        .collect()
}

#[test]
fn the_security_only_library_loads_with_source_references_and_extension_fields() {
    let (bank, warnings) = fixture("security-only.toml");
    assert_eq!(warnings, vec![]);
    assert_eq!(bank.meta.covers.purpose, vec![Purpose::Readiness]);
    assert_eq!(bank.meta.covers.categories, vec![Category::Security]);
    assert_eq!(bank.items.len(), 13);
    let item = bank.item("ACC-01").unwrap();
    assert_eq!(item.source.as_deref(), Some("CC6.1.11"));
    // Guidance is optional: GOV-02 has none, ACC-01 has why and evidence but no steps.
    let bare = bank.item("GOV-02").unwrap();
    assert!(bare.why.is_none() && bare.how.is_none() && bare.evidence.is_none());
    assert!(item.why.is_some() && item.how.is_none() && item.evidence.is_some());
    assert!(bank.domain("access").unwrap().intro.is_none());
    let attribution = bank.meta.attribution.as_ref().unwrap();
    assert!(attribution.get(Lang::En).contains("CC BY 4.0"));
    assert!(attribution.get(Lang::Zh).contains("许可"));
    assert!(bank.meta.disclaimer.as_ref().unwrap().en.contains("Nimbus"));
    // No [scoring]: the standard bank's, but not its item ids (this bank lacks those items).
    let standard = Bank::from_sources(SOURCES).unwrap();
    assert_eq!(bank.scoring.weights, standard.scoring.weights);
    assert_eq!(bank.scoring.default_target, standard.scoring.default_target);
    assert_eq!(bank.scoring.bands, standard.scoring.bands);
    assert!(!standard.scoring.observation_requires.is_empty());
    assert!(bank.scoring.observation_requires.is_empty());
    // Without its declaration the same bank would have to cover all 61 criteria.
    let undeclared = read("security-only.toml").replace("categories = [\"security\"]\n", "");
    let uncovered = criteria_of(&errors("s.toml", &undeclared));
    assert_eq!(uncovered.len(), 61 - 33, "{uncovered:?}");
    assert!(uncovered.iter().all(|c| !c.starts_with("CC")));
    // Declaring one more category asks for its criteria: exactly availability's three.
    let more = read("security-only.toml").replace(
        "categories = [\"security\"]",
        "categories = [\"security\", \"availability\"]",
    );
    assert_eq!(
        criteria_of(&errors("s.toml", &more)),
        vec!["A1.1", "A1.2", "A1.3"]
    );
    let msg = errors("s.toml", &more)[0].message(Lang::En);
    assert!(
        msg.starts_with("s.toml: criterion A1.1: field criteria: "),
        "{msg}"
    );
}

#[test]
fn the_cuec_list_in_english_only_loads_with_warnings_and_fails_strict() {
    let (bank, warnings) = fixture("cuec-list.toml");
    assert_eq!(bank.items.len(), 25);
    assert_eq!(bank.meta.covers.purpose, vec![Purpose::Cuec]);
    // Chinese falls back to the English, and the item says it is untranslated.
    let item = bank.item("NIAM-01").unwrap();
    assert!(item.untranslated(Lang::Zh) && !item.untranslated(Lang::En));
    assert_eq!(item.title.get(Lang::Zh), item.title.get(Lang::En));
    // Missing criticality is medium, with one warning for the bank.
    assert_eq!(
        bank.item("NIAM-03").unwrap().criticality,
        Criticality::Medium
    );
    assert!(warnings.contains(&BankError::new(
        "cuec-list.toml",
        None,
        Some("criticality"),
        Problem::CriticalityDefaulted(13)
    )));
    let untranslated: Vec<&BankError> = warnings
        .iter()
        .filter(|w| matches!(w.problem, Problem::Untranslated(_)))
        .collect();
    // The header, the scope question, five domains and 25 items: one warning each.
    assert_eq!(untranslated.len(), 1 + 1 + 5 + 25);
    assert!(untranslated.contains(&&BankError::new(
        "cuec-list.toml",
        Some("NIAM-01"),
        None,
        Problem::Untranslated(vec![
            "title".into(),
            "statement".into(),
            "why".into(),
            "evidence".into()
        ])
    )));
    // --strict: every warning is an error.
    let strict = check("cuec-list.toml", &read("cuec-list.toml"), true);
    assert_eq!(strict.bank.unwrap_err().len(), warnings.len());
    // A CUEC list has no coverage rule even though it cites few criteria.
    assert!(bank.items.iter().all(|i| i.criteria.len() == 1));
}

#[test]
fn bank_check_warns_and_strict_fails_on_an_english_only_draft() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_bank-check"))
            .args(args)
            .output()
            .unwrap()
    };
    let file = format!("{DIR}/cuec-list.toml");
    let out = run(&[&file]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("warning: tests/e2e/fixtures/providers/cuec-list.toml: item NIAM-02: title, statement not translated into Chinese"), "{stdout}");
    assert!(stdout.contains("OK: nimbus-cuecs 1.0.0"), "{stdout}");
    let out = run(&["--strict", &file]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(stdout.contains("33 error(s)"), "{stdout}");
}

#[test]
fn the_privacy_bank_counts_its_declared_gate() {
    let (bank, warnings) = fixture("privacy-roles.toml");
    assert_eq!(warnings, vec![]);
    assert_eq!(bank.meta.covers.gates, vec!["role".to_string()]);
    assert_eq!(bank.items.len(), 8);
    // Its own scoring, not the standard bank's.
    assert_eq!(bank.scoring.bands.len(), 3);
    // Without the gate, the controller-only criteria are uncovered (a processor is never
    // asked about them).
    let text = read("privacy-roles.toml");
    let no_gate = text.replace("gates = [\"role\"]\n", "");
    assert_eq!(
        criteria_of(&errors("p.toml", &no_gate)),
        vec!["P1.1", "P2.1", "P3.1", "P3.2", "P5.1", "P5.2"]
    );
    // A gate is one of the bank's own scope questions.
    let unknown = text.replace("gates = [\"role\"]", "gates = [\"region\"]");
    assert!(errors("p.toml", &unknown).contains(&BankError::new(
        "p.toml",
        None,
        Some("bank.covers.gates"),
        Problem::UnknownQuestion("region".into())
    )));
}

#[test]
fn items_apply_only_to_declared_reports() {
    let text = read("privacy-roles.toml").replacen(
        "reports = [\"soc2\"]\ncriteria = [\"P7.1\"",
        "reports = [\"soc1\", \"soc2\"]\ncriteria = [\"P7.1\"",
        1,
    );
    assert_eq!(
        errors("p.toml", &text),
        vec![BankError::new(
            "p.toml",
            Some("PRV-07"),
            Some("reports"),
            Problem::Invalid(
                "soc1".into(),
                "a report the bank declares in bank.covers.reports (soc2)".into()
            )
        )]
    );
}

#[test]
fn extension_fields_are_ignored_other_languages_warned_unknown_fields_all_reported() {
    let text = read("security-only.toml")
        .replace(
            "title.zh = \"Nimbus 云安全控制库\"",
            "title.zh = \"Nimbus 云安全控制库\"\ntitle.es = \"Biblioteca\"",
        )
        .replacen(
            "source = \"CC1.1.02\"",
            "source = \"CC1.1.02\"\nref_id = \"1\"",
            1,
        )
        .replace("x-library-owner", "owner");
    let c = check("s.toml", &text, false);
    assert_eq!(
        c.warnings,
        vec![BankError::new(
            "s.toml",
            None,
            Some("bank.title.es"),
            Problem::LanguageIgnored("es".into())
        )]
    );
    assert_eq!(
        c.bank.unwrap_err(),
        vec![
            BankError::new("s.toml", None, Some("bank.owner"), Problem::UnknownField),
            BankError::new(
                "s.toml",
                Some("GOV-01"),
                Some("ref_id"),
                Problem::UnknownField
            ),
        ]
    );
}

#[test]
fn scoring_left_out_is_the_standard_banks_field_by_field() {
    let standard = Bank::from_sources(SOURCES).unwrap();
    let text = read("security-only.toml").replace(
        "[bank.covers]",
        "[scoring]\nweights = { critical = 10, high = 5, medium = 2, low = 1 }\n\n[bank.covers]",
    );
    // TOML: [bank.covers] after [scoring] still belongs to [bank].
    let (bank, _) = match check("s.toml", &text, false).bank {
        Ok(b) => (b, ()),
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(bank.scoring.weights.critical, 10);
    assert_eq!(bank.scoring.bands, standard.scoring.bands);
    assert_eq!(bank.scoring.default_target, standard.scoring.default_target);
}

#[test]
fn a_bank_without_a_critical_item_is_warned_that_no_gate_can_fire() {
    let text =
        read("security-only.toml").replace("criticality = \"critical\"", "criticality = \"high\"");
    let c = check("s.toml", &text, false);
    assert!(c.bank.is_ok());
    assert_eq!(
        c.warnings,
        vec![BankError::new(
            "s.toml",
            None,
            Some("criticality"),
            Problem::NoCriticalItem
        )]
    );
}

/// Ten different problems in one file: ten errors from one run, each naming the file, the
/// entry (where there is one) and the field.
#[test]
fn ten_problems_give_ten_errors_in_one_run() {
    let f = "ten-problems.toml";
    let errors = errors(f, &read(f));
    let e = |entry: Option<&str>, field: &str, p: Problem| BankError::new(f, entry, Some(field), p);
    assert_eq!(
        errors,
        vec![
            e(None, "bank.copyright", Problem::UnknownField),
            e(
                None,
                "bank.date",
                Problem::Invalid("20/11/2026".into(), "YYYY-MM-DD".into())
            ),
            e(
                Some("CC6.1.11"),
                "id",
                Problem::Invalid("CC6.1.11".into(), "PREFIX-NN, e.g. IAM-01".into())
            ),
            e(
                Some("TEN-02"),
                "domain",
                Problem::UnknownDomain("nowhere".into())
            ),
            e(
                Some("TEN-02"),
                "criteria",
                Problem::UnknownCriterion("CC10.1".into())
            ),
            e(
                Some("TEN-03"),
                "kind",
                Problem::Invalid(
                    "control".into(),
                    "cuec, user_responsibility, monitoring, own_control or readiness".into()
                )
            ),
            e(
                Some("TEN-03"),
                "target",
                Problem::OutOfRange("7".into(), "1–4".into())
            ),
            e(Some("TEN-03"), "title.en", Problem::TooLong(82, MAX_TITLE)),
            e(
                Some("TEN-04"),
                "show_if",
                Problem::UnknownQuestion("cloud".into())
            ),
            e(
                Some("TEN-04"),
                "how.en",
                Problem::OutOfRange("5".into(), "1–4 steps".into())
            ),
        ]
    );
    assert_eq!(
        errors[4].message(Lang::Zh),
        "ten-problems.toml：条目 TEN-02：字段 criteria：`CC10.1` 不是 61 条信任服务标准之一"
    );
}

/// The browser reads the fixtures' JSON; each must be its TOML converted, so they cannot
/// drift (regenerate with `bank-check --json`).
#[test]
fn each_json_fixture_is_its_toml_converted() {
    for name in [
        "security-only",
        "cuec-list",
        "privacy-roles",
        "ten-problems",
    ] {
        let toml = read(&format!("{name}.toml"));
        let json = read(&format!("{name}.json"));
        let converted: serde_json::Value =
            serde_json::from_str(&toml_to_json(&toml).unwrap()).unwrap();
        let committed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(
            converted == committed,
            "{DIR}/{name}.json is stale: regenerate it with\n  cargo run --bin bank-check -- --json {DIR}/{name}.toml > {DIR}/{name}.json\n(ten-problems refuses that by design: convert it with any TOML-to-JSON tool)"
        );
        // The extension fields travel in the JSON, where the app ignores them too.
        if name == "security-only" {
            assert!(json.contains("\"x-ref-url\""));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Every limit content/FORMAT.md states ("## Limits", one row per limit, its id first) has a
// case here: a bank at the limit loads, one past it gets exactly one error on that field.

const BASE: &str = r#"
[bank]
schema_version = 1
id = "limits"
version = "1"
date = "2026-11-28"
title.en = "Limits"
title.zh = "限制"
[bank.covers]
purpose = ["cuec"]
[scoring]
weights = { critical = 8, high = 4, medium = 2, low = 1 }
default_target = 3
[[scope]]
id = "pick"
multiple = false
text.en = "Pick"
text.zh = "选择"
[[scope.option]]
id = "a"
label.en = "A"
label.zh = "甲"
[[scope.option]]
id = "b"
label.en = "B"
label.zh = "乙"
[[domain]]
id = "main"
title.en = "Main"
title.zh = "主要"
[[item]]
id = "LIM-01"
domain = "main"
kind = "cuec"
criticality = "high"
reports = ["soc2"]
criteria = ["CC6.1"]
title.en = "Title"
title.zh = "标题"
statement.en = "Statement."
statement.zh = "陈述。"
"#;

/// `BASE` with `from` replaced by `to` (`from` must occur).
fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE has no `{from}`");
    BASE.replacen(from, to, 1)
}

fn steps(n: usize, lang: &str) -> String {
    let list: Vec<String> = (1..=n).map(|k| format!("\"{lang} {k}\"")).collect();
    format!("[{}]", list.join(", "))
}

fn item_line(line: &str) -> String {
    with("kind = \"cuec\"", &format!("kind = \"cuec\"\n{line}"))
}

/// For each limit id: a bank at the limit and one past it, and the field of the one error.
fn limit_cases(id: &str) -> Option<(String, String, &'static str)> {
    let title = |n: usize| {
        with(
            "title.en = \"Title\"",
            &format!("title.en = \"{}\"", "t".repeat(n)),
        )
    };
    let band = |min: &str| {
        format!("{BASE}[[scoring.band]]\nid = \"not_ready\"\nmin = {min}\nlabel.en = \"N\"\nlabel.zh = \"未\"\n[[scoring.band]]\nid = \"type1_ready\"\nmin = 75\nlabel.en = \"I\"\nlabel.zh = \"一\"\n[[scoring.band]]\nid = \"type2_ready\"\nmin = 90\nlabel.en = \"II\"\nlabel.zh = \"二\"\n")
    };
    Some(match id {
        "schema-version" => (
            BASE.into(),
            with("schema_version = 1", "schema_version = 2"),
            "bank.schema_version",
        ),
        "bank-id" => (
            with("id = \"limits\"", "id = \"lim-1\""),
            with("id = \"limits\"", "id = \"Lim_1\""),
            "bank.id",
        ),
        "date" => (BASE.into(), with("2026-11-28", "2026-11-2"), "bank.date"),
        "ident" => (
            with("id = \"a\"", "id = \"a_1\""),
            with("id = \"a\"", "id = \"A\""),
            "option[0].id",
        ),
        "item-id" => (
            with("id = \"LIM-01\"", "id = \"LIM2-007\""),
            with("id = \"LIM-01\"", "id = \"LIM-1a\""),
            "id",
        ),
        "source" => (
            item_line(&format!("source = \"{}\"", "S".repeat(MAX_SOURCE))),
            item_line(&format!("source = \"{}\"", "S".repeat(MAX_SOURCE + 1))),
            "source",
        ),
        "title" => (title(MAX_TITLE), title(MAX_TITLE + 1), "title.en"),
        "how-steps" => (
            item_line(&format!(
                "how.en = {}\nhow.zh = {}",
                steps(*STEPS.end(), "en"),
                steps(*STEPS.end(), "zh")
            )),
            item_line(&format!("how.en = {}", steps(STEPS.end() + 1, "en"))),
            "how.en",
        ),
        "how-count" => (
            item_line(&format!(
                "how.en = {}\nhow.zh = {}",
                steps(2, "en"),
                steps(2, "zh")
            )),
            item_line(&format!(
                "how.en = {}\nhow.zh = {}",
                steps(2, "en"),
                steps(1, "zh")
            )),
            "how",
        ),
        "criteria" => (
            with("criteria = [\"CC6.1\"]", "criteria = [\"CC6.1\", \"P8.1\"]"),
            with("criteria = [\"CC6.1\"]", "criteria = []"),
            "criteria",
        ),
        "theme" => (item_line("theme = 67"), item_line("theme = 68"), "theme"),
        "checkpoints" => (
            item_line("checkpoints = [\"R1\", \"R23\"]"),
            item_line("checkpoints = [\"R0\"]"),
            "checkpoints",
        ),
        "target" => (item_line("target = 4"), item_line("target = 0"), "target"),
        "default-target" => (
            BASE.into(),
            with("default_target = 3", "default_target = 5"),
            "scoring.default_target",
        ),
        "weights" => (
            with("critical = 8", "critical = 100"),
            with("critical = 8", "critical = 101"),
            "scoring.weights.critical",
        ),
        "band-min" => (band("0"), band("-1"), "min"),
        "scope-options" => (
            with("multiple = false", "multiple = true").replacen(
                "[[scope.option]]\nid = \"b\"\nlabel.en = \"B\"\nlabel.zh = \"乙\"\n",
                "",
                1,
            ),
            BASE.replacen(
                "[[scope.option]]\nid = \"b\"\nlabel.en = \"B\"\nlabel.zh = \"乙\"\n",
                "",
                1,
            ),
            "option",
        ),
        "text" => (
            with("statement.zh = \"陈述。\"\n", ""),
            with("statement.en = \"Statement.\"", "statement.en = \" \""),
            "statement.en",
        ),
        "reports" => (
            with("reports = [\"soc2\"]", "reports = [\"soc1\", \"soc2\"]"),
            with("reports = [\"soc2\"]", "reports = [\"soc3\"]"),
            "reports",
        ),
        _ => return None,
    })
}

/// The limit ids of content/FORMAT.md's "## Limits" table, in order.
fn documented_limits() -> Vec<String> {
    let doc = std::fs::read_to_string("content/FORMAT.md").unwrap();
    let section = doc
        .split("\n## Limits\n")
        .nth(1)
        .expect("FORMAT.md has ## Limits");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.trim_start_matches("| `")
                .split('`')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_limit_in_format_md_has_a_test() {
    let limits = documented_limits();
    assert!(limits.len() >= 15, "{limits:?}");
    for id in &limits {
        let (at, past, field) =
            limit_cases(id).unwrap_or_else(|| panic!("no test for limit `{id}` of FORMAT.md"));
        let at_limit = check("limits.toml", &at, false);
        assert!(
            at_limit.bank.is_ok(),
            "limit `{id}`: at the limit: {:?}",
            at_limit.bank.err()
        );
        let past_limit = errors("limits.toml", &past);
        assert_eq!(past_limit.len(), 1, "limit `{id}`: past it: {past_limit:?}");
        assert_eq!(
            past_limit[0].field.as_deref(),
            Some(field),
            "limit `{id}`: {:?}",
            past_limit[0]
        );
    }
}

/// The figures FORMAT.md states are the validator's constants.
#[test]
fn format_md_states_the_validators_figures() {
    let doc = std::fs::read_to_string("content/FORMAT.md").unwrap();
    for stated in [
        format!("at most {MAX_TITLE} characters"),
        format!("at most {MAX_SOURCE} characters"),
        format!("{}–{} steps", STEPS.start(), STEPS.end()),
    ] {
        assert!(doc.contains(&stated), "FORMAT.md does not say `{stated}`");
    }
}

/// A customer's CSV export carries the bank's source references beside our ids.
#[test]
fn the_answers_csv_carries_the_source_reference() {
    use soc_readiness::core::answers::Assessment;
    use soc_readiness::core::csv::{answers_csv, parse_csv, ANSWER_COLUMNS};
    let (bank, _) = fixture("security-only.toml");
    let rows = parse_csv(&answers_csv(&bank, &Assessment::new(&bank), Lang::En)).unwrap();
    let source = ANSWER_COLUMNS.iter().position(|c| *c == "source").unwrap();
    let acc = rows.iter().find(|r| r[0] == "ACC-01").unwrap();
    assert_eq!(acc[source], "CC6.1.11");
    assert_eq!(rows.len(), 1 + 13);
}

/// Share links and JSON exports carry the answers by the bank's own item ids and name the
/// bank, so that they round-trip under a provider's standalone bank.
#[test]
fn share_links_and_exports_round_trip_under_a_provider_bank() {
    use soc_readiness::core::answers::{Assessment, Level, Response};
    use soc_readiness::core::exchange::{export_json, import_json};
    use soc_readiness::core::share::{decode, encode};
    let (bank, _) = fixture("security-only.toml");
    let mut a = Assessment::new(&bank);
    for (n, item) in bank.items.iter().enumerate() {
        let level = Level::new((n % 5) as u8).unwrap();
        a.set_response(&bank, &item.id, Response::Level(level))
            .unwrap();
    }
    let shared = decode(&encode(&a, &bank), &bank).unwrap();
    assert_eq!(shared.assessment.answers, a.answers);
    assert_eq!(shared.bank().id, "nimbus-security-library");
    assert!(!shared.bank_differs());
    let json = export_json(&a, &bank, "2026-11-29T00:00:00Z");
    assert!(json.contains("\"ACC-01\""));
    assert_eq!(
        import_json(&json, &bank).unwrap().assessment.answers,
        a.answers
    );
}

/// The new messages say what kind of entry they are about, in both languages.
#[test]
fn messages_name_the_kind_of_entry_in_both_languages() {
    let uncovered = BankError::new(
        "b.toml",
        Some("A1.1"),
        Some("criteria"),
        Problem::Uncovered("A1.1".into(), "availability".into()),
    )
    .of(EntryKind::Criterion);
    assert!(uncovered
        .message(Lang::En)
        .starts_with("b.toml: criterion A1.1: field criteria: no question covers criterion A1.1"));
    assert!(uncovered
        .message(Lang::Zh)
        .starts_with("b.toml：标准 A1.1：字段 criteria："));
    let domain = BankError::new("b.toml", Some("iam"), Some("x"), Problem::UnknownField)
        .of(EntryKind::Domain);
    assert_eq!(
        domain.message(Lang::En),
        "b.toml: domain iam: field x: is not a field of the bank format (write extension fields as x-…)"
    );
    assert_eq!(
        domain.message(Lang::Zh),
        "b.toml：领域 iam：字段 x：题库格式中没有此字段（扩展字段请以 x- 开头）"
    );
    let untranslated = BankError::new(
        "b.toml",
        Some("reliance"),
        None,
        Problem::Untranslated(vec!["text".into()]),
    )
    .of(EntryKind::Scope);
    assert!(untranslated
        .message(Lang::Zh)
        .starts_with("b.toml：范围问题 reliance：text 未翻译成中文"));
}
