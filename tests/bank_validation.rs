//! Each validation rule, proved by a broken bank that produces exactly the expected error
//! (file, entry, field, problem). Fixtures are small files laid over the shipped bank:
//! "added" files merge as more files of the default bank; "provider" files extend it.

use soc_readiness::core::bank::{
    Bank, BankError, EntryKind, Format, Problem, ProviderFile, Source,
};
use soc_readiness::core::default_bank::SOURCES;
use soc_readiness::core::text::Lang;

/// A valid item in the fixture's own domain; fixtures replace one line of it.
const ITEM: &str = r#"
[[domain]]
id = "fixture"
title.en = "Fixture"
title.zh = "测试"
intro.en = "Fixture domain."
intro.zh = "测试领域。"

[[item]]
id = "FIX-01"
domain = "fixture"
kind = "cuec"
criticality = "high"
reports = ["soc2"]
criteria = ["CC6.1"]
title.en = "Title"
title.zh = "标题"
statement.en = "Statement."
statement.zh = "陈述。"
why.en = "Why."
why.zh = "原因。"
how.en = ["One.", "Two."]
how.zh = ["一。", "二。"]
evidence.en = "Evidence."
evidence.zh = "证据。"
"#;

fn added(text: &str) -> Vec<BankError> {
    let mut sources = SOURCES.to_vec();
    sources.push(Source {
        name: "fixture.toml",
        text,
    });
    match Bank::from_sources(&sources) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn provider(text: &str) -> Vec<BankError> {
    match Bank::from_provider(
        SOURCES,
        Source {
            name: "provider.toml",
            text,
        },
    ) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

/// The fixture item with one line replaced (`from` must occur in it).
fn item_with(from: &str, to: &str) -> String {
    assert!(ITEM.contains(from), "fixture has no `{from}`");
    ITEM.replacen(from, to, 1)
}

fn err(file: &str, entry: Option<&str>, field: Option<&str>, problem: Problem) -> BankError {
    BankError::new(file, entry, field, problem)
}

const PROVIDER_HEAD: &str = "[bank]\nschema_version = 1\nid = \"p\"\nversion = \"1\"\ndate = \"2026-11-28\"\ntitle.en = \"P\"\ntitle.zh = \"P\"\nextends = \"soc-readiness-default\"\n";

#[test]
fn the_valid_fixture_is_valid() {
    assert_eq!(added(ITEM), vec![]);
    assert_eq!(provider(&format!("{PROVIDER_HEAD}{ITEM}")), vec![]);
}

#[test]
fn each_broken_item_gives_exactly_its_error() {
    let f = "fixture.toml";
    let e = Some("FIX-01");
    let cases: Vec<(String, BankError)> = vec![
        (
            format!(
                "{ITEM}{}",
                ITEM.split("[[item]]")
                    .nth(1)
                    .map(|s| format!("[[item]]{s}"))
                    .unwrap()
            ),
            err(f, e, Some("id"), Problem::Duplicate("FIX-01".into())),
        ),
        (
            item_with("id = \"FIX-01\"", "id = \"IAM-01\""),
            err(
                f,
                Some("IAM-01"),
                Some("id"),
                Problem::Duplicate("IAM-01".into()),
            ),
        ),
        (
            item_with("id = \"FIX-01\"", "id = \"fix_1\""),
            err(
                f,
                Some("fix_1"),
                Some("id"),
                Problem::Invalid("fix_1".into(), "PREFIX-NN, e.g. IAM-01".into()),
            ),
        ),
        (
            item_with(
                "criteria = [\"CC6.1\"]",
                "criteria = [\"CC6.1\", \"CC10.1\"]",
            ),
            err(
                f,
                e,
                Some("criteria"),
                Problem::UnknownCriterion("CC10.1".into()),
            ),
        ),
        (
            item_with("criteria = [\"CC6.1\"]", "criteria = []"),
            err(f, e, Some("criteria"), Problem::Missing),
        ),
        (
            item_with("domain = \"fixture\"", "domain = \"nowhere\""),
            err(
                f,
                e,
                Some("domain"),
                Problem::UnknownDomain("nowhere".into()),
            ),
        ),
        (
            item_with("kind = \"cuec\"", "kind = \"control\""),
            err(
                f,
                e,
                Some("kind"),
                Problem::Invalid(
                    "control".into(),
                    "cuec, user_responsibility, monitoring, own_control or readiness".into(),
                ),
            ),
        ),
        (
            item_with("criticality = \"high\"", "criticality = \"urgent\""),
            err(
                f,
                e,
                Some("criticality"),
                Problem::Invalid("urgent".into(), "critical, high, medium or low".into()),
            ),
        ),
        (
            item_with("reports = [\"soc2\"]", "reports = [\"soc3\"]"),
            err(
                f,
                e,
                Some("reports"),
                Problem::Invalid("soc3".into(), "soc1 or soc2".into()),
            ),
        ),
        (
            // The default bank is strictly bilingual (a provider's may be English only).
            item_with("title.zh = \"标题\"", ""),
            err(f, e, None, Problem::Untranslated(vec!["title".into()])),
        ),
        (
            item_with("title.zh = \"标题\"", "title.zh = \"[EN] Title\""),
            err(f, e, None, Problem::Untranslated(vec!["title".into()])),
        ),
        (
            item_with(
                "statement.zh = \"陈述。\"",
                "statement.zh = \"Statement copied as it is.\"",
            ),
            err(f, e, None, Problem::Untranslated(vec!["statement".into()])),
        ),
        (
            item_with("why.en = \"Why.\"", "why.en = \"  \""),
            err(f, e, Some("why.en"), Problem::EmptyText(Lang::En)),
        ),
        (
            item_with("how.zh = [\"一。\", \"二。\"]", "how.zh = [\"一。\"]"),
            err(f, e, Some("how"), Problem::StepCountMismatch(2, 1)),
        ),
        (
            item_with("kind = \"cuec\"", "kind = \"cuec\"\ntarget = 5"),
            err(
                f,
                e,
                Some("target"),
                Problem::OutOfRange("5".into(), "1–4".into()),
            ),
        ),
        (
            item_with("kind = \"cuec\"", "kind = \"cuec\"\ntheme = 68"),
            err(
                f,
                e,
                Some("theme"),
                Problem::OutOfRange("68".into(), "1–67".into()),
            ),
        ),
        (
            item_with(
                "kind = \"cuec\"",
                "kind = \"cuec\"\ncheckpoints = [\"R24\"]",
            ),
            err(
                f,
                e,
                Some("checkpoints"),
                Problem::Invalid("R24".into(), "R1–R23 or DC1–DC9".into()),
            ),
        ),
        (
            item_with("kind = \"cuec\"", "kind = \"cuec\"\nshow_if = \"cloud:vm\""),
            err(
                f,
                e,
                Some("show_if"),
                Problem::UnknownQuestion("cloud".into()),
            ),
        ),
        (
            item_with(
                "kind = \"cuec\"",
                "kind = \"cuec\"\nshow_if = \"services:mainframe\"",
            ),
            err(
                f,
                e,
                Some("show_if"),
                Problem::UnknownOption("services".into(), "mainframe".into()),
            ),
        ),
        (
            item_with(
                "kind = \"cuec\"",
                "kind = \"cuec\"\nshow_if = \"own_audit:type1 & own_audit:type2\"",
            ),
            err(
                f,
                e,
                Some("show_if"),
                Problem::NeverTrue("own_audit:type1 & own_audit:type2".into()),
            ),
        ),
        (
            item_with(
                "kind = \"cuec\"",
                "kind = \"cuec\"\nshow_if = \"services:vm & !services:vm\"",
            ),
            err(
                f,
                e,
                Some("show_if"),
                Problem::NeverTrue("services:vm & !services:vm".into()),
            ),
        ),
        (
            item_with(
                "kind = \"cuec\"",
                "kind = \"cuec\"\nshow_if = \"services:vm &\"",
            ),
            err(
                f,
                e,
                Some("show_if"),
                Problem::BadCondition("`` is not of the form question:option".into()),
            ),
        ),
        (
            // The item's condition contradicts its domain's: it could never be shown.
            item_with(
                "intro.zh = \"测试领域。\"",
                "intro.zh = \"测试领域。\"\nshow_if = \"personal_data:yes\"",
            )
            .replacen(
                "kind = \"cuec\"",
                "kind = \"cuec\"\nshow_if = \"personal_data:no\"",
                1,
            ),
            err(
                f,
                e,
                Some("show_if"),
                Problem::NeverTrue("(personal_data:yes) & (personal_data:no)".into()),
            ),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            added(&text),
            vec![expected.clone()],
            "fixture for {expected}"
        );
    }
}

#[test]
fn unreadable_toml_names_the_file_and_line() {
    let errors = added(&item_with("kind = \"cuec\"", "kind = cuec"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "fixture.toml");
    assert!(
        matches!(&errors[0].problem, Problem::Parse(m) if m.contains("line")),
        "{:?}",
        errors[0]
    );
    // A misspelt field is an error, not silently ignored; the text it left incomplete too.
    let errors = added(&item_with("why.en", "wyh.en"));
    assert_eq!(
        errors,
        vec![
            err(
                "fixture.toml",
                Some("FIX-01"),
                Some("wyh"),
                Problem::UnknownField
            ),
            err(
                "fixture.toml",
                Some("FIX-01"),
                Some("why.en"),
                Problem::Missing
            ),
        ]
    );
}

#[test]
fn json_banks_are_read_and_their_errors_name_the_file_and_line() {
    let json = |name: &'static str, text: &str| -> Vec<BankError> {
        match Bank::from_provider(SOURCES, Source { name, text }) {
            Ok(_) => Vec::new(),
            Err(e) => e,
        }
    };
    // The JSON form of a valid provider bank is valid; validation names its entries.
    let head = r#""bank":{"schema_version":1,"id":"p","version":"1","date":"2026-11-28","title":{"en":"P","zh":"P"},"extends":"soc-readiness-default"}"#;
    assert_eq!(json("p.json", &format!("{{{head}}}")), vec![]);
    let errors = json(
        "p.json",
        &format!(r#"{{{head},"scoring":{{"default_target":9}}}}"#),
    );
    assert!(
        errors.contains(&err(
            "p.json",
            None,
            Some("scoring.default_target"),
            Problem::OutOfRange("9".into(), "1–4".into())
        )),
        "{errors:?}"
    );
    // Syntax errors and misspelt fields: the file, the parser's message and the line.
    let errors = json("p.json", "{\n\"bank\": {\"id\": \"p\",}\n}");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "p.json");
    assert!(
        matches!(&errors[0].problem, Problem::Parse(m) if m.contains("line 2")),
        "{errors:?}"
    );
    let errors = json("p.json", &format!("{{{head},\n\"itme\": []}}"));
    assert_eq!(
        errors,
        vec![err("p.json", None, Some("itme"), Problem::UnknownField)]
    );
}

#[test]
fn the_format_is_told_by_the_text_then_the_name() {
    let format = |name: &'static str, text: &'static str| Source { name, text }.format();
    assert_eq!(
        format("bank.toml", " \n\u{feff}{\"bank\": {}}"),
        Format::Json
    );
    assert_eq!(format("content/bank/00-bank.toml", "{}"), Format::Json);
    assert_eq!(format("bank.json", "[1]"), Format::Json);
    assert_eq!(format("BANK.JSON", ""), Format::Json);
    assert_eq!(format("bank.toml", "[bank]\nid = \"x\""), Format::Toml);
    assert_eq!(format("bank", "# comment\n{"), Format::Toml);
}

#[test]
fn a_toml_bank_where_only_json_is_read_gets_the_conversion_command() {
    let e = err("example-cloud.toml", None, None, Problem::TomlNotSupported);
    let cmd = "`cargo run --bin bank-check -- --json example-cloud.toml > example-cloud.json`";
    assert!(e.message(Lang::En).starts_with("example-cloud.toml: "));
    assert!(e.message(Lang::En).contains(cmd), "{}", e.message(Lang::En));
    assert!(e.message(Lang::Zh).contains(cmd), "{}", e.message(Lang::Zh));
    assert!(e.message(Lang::Zh).contains("转换为 JSON"));
    // A name with a query string or without an extension still gives a usable command.
    let e = err("b.toml?v=2", None, None, Problem::TomlNotSupported);
    assert!(e.message(Lang::En).contains("--json b.toml > b.json"));
    let e = err("bank", None, None, Problem::TomlNotSupported);
    assert!(e.message(Lang::En).contains("--json FILE.toml > FILE.json"));
}

#[test]
fn bank_header_rules() {
    let p = "provider.toml";
    assert_eq!(
        provider(&PROVIDER_HEAD.replace("schema_version = 1", "schema_version = 2")),
        vec![err(
            p,
            None,
            Some("bank.schema_version"),
            Problem::UnsupportedSchema(2)
        )]
    );
    assert_eq!(
        provider(&PROVIDER_HEAD.replace("2026-11-28", "28/11/2026")),
        vec![err(
            p,
            None,
            Some("bank.date"),
            Problem::Invalid("28/11/2026".into(), "YYYY-MM-DD".into())
        )]
    );
    assert_eq!(
        provider(&PROVIDER_HEAD.replace("id = \"p\"", "id = \"P Cloud\"")),
        vec![err(
            p,
            None,
            Some("bank.id"),
            Problem::Invalid("P Cloud".into(), "lower-case letters, digits and -".into())
        )]
    );
    assert_eq!(
        provider(&PROVIDER_HEAD.replace("soc-readiness-default", "other-bank")),
        vec![err(
            p,
            None,
            Some("bank.extends"),
            Problem::UnknownBase("other-bank".into())
        )]
    );
    assert_eq!(
        provider(&format!("{PROVIDER_HEAD}remove = [\"NOPE-01\"]\n")),
        vec![err(
            p,
            Some("NOPE-01"),
            Some("bank.remove"),
            Problem::Invalid("NOPE-01".into(), "an item id of the base bank".into())
        )]
    );
    // An added file with a second [bank] table.
    assert_eq!(
        added(&PROVIDER_HEAD.replace("extends = \"soc-readiness-default\"\n", "")),
        vec![err(
            "fixture.toml",
            None,
            Some("bank"),
            Problem::SecondHeader
        )]
    );
}

#[test]
fn scoring_rules() {
    let p = "provider.toml";
    let weights = |w: &str| {
        format!("{PROVIDER_HEAD}[scoring]\nweights = {{ {w} }}\ndefault_target = 3\n[[scoring.band]]\nid = \"a\"\nmin = 0\nlabel.en = \"A\"\nlabel.zh = \"甲\"\n[[scoring.band]]\nid = \"type1_ready\"\nmin = 50\nlabel.en = \"B\"\nlabel.zh = \"乙\"\n[[scoring.band]]\nid = \"type2_ready\"\nmin = 90\nlabel.en = \"C\"\nlabel.zh = \"丙\"\n")
    };
    assert_eq!(
        provider(&weights("critical = 8, high = 4, medium = 2, low = 1")),
        vec![]
    );
    assert_eq!(
        provider(&weights("critical = 0, high = 4, medium = 2, low = 1")),
        vec![err(
            p,
            None,
            Some("scoring.weights.critical"),
            Problem::OutOfRange("0".into(), "1–100".into())
        )]
    );
    assert_eq!(
        provider(&weights("critical = 8, high = 4, medium = 2")),
        vec![err(p, None, Some("scoring.weights.low"), Problem::Missing)]
    );
    assert_eq!(
        provider(
            &weights("critical = 8, high = 4, medium = 2, low = 1")
                .replace("default_target = 3", "default_target = 7")
        ),
        vec![err(
            p,
            None,
            Some("scoring.default_target"),
            Problem::OutOfRange("7".into(), "1–4".into())
        )]
    );
    assert_eq!(
        provider(
            &weights("critical = 8, high = 4, medium = 2, low = 1").replace("min = 90", "min = 40")
        ),
        vec![err(
            p,
            Some("type2_ready"),
            Some("min"),
            Problem::Invalid("40".into(), "a value above the previous band's 50".into())
        )
        .of(EntryKind::Band)]
    );
}

#[test]
fn scope_rules() {
    let p = "provider.toml";
    // Replacing `reliance` (2nd question) with a condition on a later question.
    let forward = format!("{PROVIDER_HEAD}[[scope]]\nid = \"reliance\"\nmultiple = true\nshow_if = \"personal_data:yes\"\ntext.en = \"R\"\ntext.zh = \"依赖\"\n[[scope.option]]\nid = \"soc1\"\nlabel.en = \"SOC 1\"\nlabel.zh = \"SOC 1\"\n[[scope.option]]\nid = \"soc2\"\nlabel.en = \"SOC 2\"\nlabel.zh = \"SOC 2\"\n");
    assert_eq!(
        provider(&forward),
        vec![err(
            p,
            Some("reliance"),
            Some("show_if"),
            Problem::ForwardReference("personal_data".into())
        )
        .of(EntryKind::Scope)]
    );
    // Dropping an option the core relies on.
    let no_soc2 = forward
        .replace("show_if = \"personal_data:yes\"\n", "")
        .replace(
            "[[scope.option]]\nid = \"soc2\"\nlabel.en = \"SOC 2\"\nlabel.zh = \"SOC 2\"\n",
            "",
        );
    let errors = provider(&no_soc2);
    assert!(
        errors.contains(
            &err(
                p,
                Some("reliance"),
                Some("option"),
                Problem::RequiredScope("reliance:soc2".into())
            )
            .of(EntryKind::Scope)
        ),
        "{errors:?}"
    );
}

#[test]
fn every_criterion_must_stay_covered() {
    // Dropping the only item that cites PI1.5 leaves it uncovered when processing integrity
    // is in scope.
    let base = Bank::from_sources(SOURCES).unwrap();
    let citing: Vec<String> = base
        .items
        .iter()
        .filter(|i| i.criteria.iter().any(|c| c == "PI1.5"))
        .map(|i| format!("\"{}\"", i.id))
        .collect();
    assert!(!citing.is_empty());
    let errors = provider(&format!(
        "{PROVIDER_HEAD}remove = [{}]\n",
        citing.join(", ")
    ));
    assert_eq!(
        errors,
        vec![err(
            "provider.toml",
            Some("PI1.5"),
            Some("criteria"),
            Problem::Uncovered("PI1.5".into(), "processing_integrity".into())
        )
        .of(EntryKind::Criterion)]
    );
}

#[test]
fn messages_name_file_item_and_field_in_both_languages() {
    let e = err(
        "bank.toml",
        Some("IAM-01"),
        Some("why.zh"),
        Problem::Missing,
    );
    assert_eq!(
        e.message(Lang::En),
        "bank.toml: item IAM-01: field why.zh: is missing"
    );
    assert_eq!(
        e.message(Lang::Zh),
        "bank.toml：条目 IAM-01：字段 why.zh：缺少必填字段"
    );
}

/// The app downloads the default bank for a provider file only when the file extends it,
/// and reads the provider's file once.
#[test]
fn a_provider_file_says_whether_it_extends_the_default_bank() {
    let example = std::fs::read_to_string("public/banks/example-cloud.json").unwrap();
    let extends = |text: &str| {
        ProviderFile::parse(Source {
            name: "p.json",
            text,
        })
        .map(|f| f.extends().map(str::to_string))
        .map_err(|e| e.file)
    };
    assert_eq!(extends(&example), Ok(Some("soc-readiness-default".into())));
    let survey = std::fs::read_to_string("tests/e2e/fixtures/peer-survey.json").unwrap();
    assert_eq!(extends(&survey), Ok(None));
    // Unreadable: refused, naming the file, before anything is downloaded.
    assert_eq!(extends("{\"bank\": "), Err("p.json".into()));
    // Built from that one reading: the same bank as from the text.
    let source = Source {
        name: "p.json",
        text: &survey,
    };
    let once = Bank::from_provider_file(&[], ProviderFile::parse(source).unwrap()).unwrap();
    let from_text = Bank::from_provider(SOURCES, source).unwrap();
    assert_eq!(once.meta.id, "peer-survey");
    let ids = |b: &Bank| b.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&once), ids(&from_text));
}
