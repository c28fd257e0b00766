//! CSV exports (src/core/csv.rs): BOM, CRLF, RFC 4180 quoting, the formula-injection guard,
//! the answers round trip (answers → CSV → answers), the gap plan in rank order, and the
//! reader's errors. On the fixture bank `tests/fixtures/scoring/bank.toml`.

// Test helpers may panic to state expectations (clippy.toml allows it in #[test] fns only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use soc_readiness::core::answers::{Assessment, ItemAnswer, Level, Response};
use soc_readiness::core::bank::Bank;
use soc_readiness::core::csv::{
    answers_csv, answers_from_csv, gaps_csv, guard_cell, parse_csv, unguard_cell, CsvError,
    ANSWER_COLUMNS, GAP_COLUMNS,
};
use soc_readiness::core::default_bank::default_bank;
use soc_readiness::core::scoring::score;
use soc_readiness::core::text::Lang;

fn bank() -> Bank {
    common::scoring_fixture_bank()
}

fn level(v: u8) -> Response {
    Response::Level(Level::new(v).unwrap())
}

fn na(reason: &str) -> Response {
    Response::NotApplicable {
        reason: reason.into(),
    }
}

/// Every response kind, notes that need quoting, Chinese, formulas, owner and frequency,
/// a note without a response, and an answer to an item hidden by the scope (FIN-01: the
/// customer relies on SOC 2 only).
fn assessment(bank: &Bank) -> Assessment {
    let mut a = Assessment::new(bank);
    a.set_scope(bank, "reliance", "soc2", true).unwrap();
    a.set_scope(bank, "own_audit", "type1", true).unwrap();
    let answers: [(&str, Response, &str); 12] = [
        (
            "IAM-01",
            level(4),
            "Owner: Li Wei, IT; evidence in \"MFA report\"",
        ),
        ("IAM-02", level(0), "=SUM(A1:A3)"),
        ("IAM-03", level(1), "line one\nline two\r\nline three"),
        ("IAM-04", level(2), "负责人：王芳，每季度复核。"),
        ("OPS-01", level(3), "+1 555 0100"),
        ("OPS-02", Response::DontKnow, "-"),
        (
            "OPS-03",
            na("Monitoring is \"outsourced\", see contract §4,\nand =the MSSP"),
            "@mention the MSSP",
        ),
        ("OPS-04", na("=not ours"), "'quoted'"),
        ("OPS-05", level(2), "'=already guarded looking"),
        ("FIN-01", level(3), "hidden by the scope, kept"),
        ("RD-01", Response::DontKnow, "\ttabbed"),
        ("RD-02", na("不适用：无此流程"), ""),
    ];
    for (id, r, note) in answers {
        a.set_response(bank, id, r).unwrap();
        a.set_note(bank, id, note).unwrap();
    }
    // A note only, and an owner and frequency.
    a.set_note(bank, "RD-03", "no answer yet, \"draft\"")
        .unwrap();
    let x = a.answers.entry("RD-04".into()).or_default();
    x.owner = "Ops team, Shanghai 上海".into();
    x.frequency = "quarterly".into();
    a.answers.get_mut("IAM-01").unwrap().owner = "=owner".into();
    a
}

/// The answers a CSV can carry: those to bank items with any content.
fn carried(bank: &Bank, a: &Assessment) -> BTreeMap<String, ItemAnswer> {
    a.answers
        .iter()
        .filter(|(id, x)| bank.item(id).is_some() && **x != ItemAnswer::default())
        .map(|(id, x)| (id.clone(), x.clone()))
        .collect()
}

/// Checks that every line break outside quoted fields is CRLF.
fn assert_crlf_records(text: &str) {
    let mut quoted = false;
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => assert_eq!(b[i - 1], b'\r', "bare LF at byte {i}"),
            b'\r' if !quoted => assert_eq!(b.get(i + 1), Some(&b'\n'), "bare CR at byte {i}"),
            _ => {}
        }
    }
    assert!(!quoted, "unbalanced quotes");
    assert!(text.ends_with("\r\n"));
}

#[test]
fn answers_round_trip() {
    let bank = bank();
    let a = assessment(&bank);
    for lang in Lang::ALL {
        let csv = answers_csv(&bank, &a, lang);
        let back = answers_from_csv(&bank, &csv).unwrap();
        assert_eq!(back, carried(&bank, &a), "{lang:?}");
        // And the same answers give the same file.
        let mut b = Assessment::new(&bank);
        b.scope = a.scope.clone();
        b.answers = back;
        assert_eq!(answers_csv(&bank, &b, lang), csv);
    }
}

#[test]
fn answers_file_format() {
    let bank = bank();
    let a = assessment(&bank);
    let csv = answers_csv(&bank, &a, Lang::En);
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(csv.starts_with(
        "\u{FEFF}item_id,domain,title,kind,criticality,reports,criteria,in_scope,response,\
         na_reason,note,owner,frequency,source\r\n"
    ));
    assert_crlf_records(&csv);

    // Exact rows: quoting with doubled quotes, lists joined with "; ", the guard.
    assert!(csv.contains(
        "\r\nIAM-01,iam,Multi-factor authentication for every console and API user,cuec,\
         critical,soc1; soc2,CC6.1; CC6.2,yes,4,,\
         \"Owner: Li Wei, IT; evidence in \"\"MFA report\"\"\",'=owner,,\r\n"
    ));
    assert!(csv.contains(
        "\r\nIAM-02,iam,Remove cloud access when people leave,cuec,critical,soc1; soc2,\
         CC6.2; CC6.3,yes,0,,'=SUM(A1:A3),,,\r\n"
    ));
    assert!(csv.contains(",yes,1,,\"line one\nline two\r\nline three\",,,\r\n"));
    assert!(csv.contains(",yes,dont_know,,'-,,,\r\n"));
    assert!(csv.contains(
        ",yes,not_applicable,\"Monitoring is \"\"outsourced\"\", see contract §4,\nand =the MSSP\",\
         '@mention the MSSP,,,\r\n"
    ));
    assert!(csv.contains(",not_applicable,'=not ours,'quoted',,,\r\n"));
    assert!(csv.contains(",2,,''=already guarded looking,,,\r\n"));
    // FIN-01 is hidden by the scope: listed, not in scope, answer kept.
    assert!(csv.contains("\r\nFIN-01,fin,"));
    assert!(csv.contains(",no,3,,\"hidden by the scope, kept\",,,\r\n"));

    let rows = parse_csv(&csv).unwrap();
    assert_eq!(rows[0], ANSWER_COLUMNS);
    // One row per bank item, in bank order, whatever the scope.
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let bank_ids: Vec<&str> = bank.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, bank_ids);
    assert!(rows.iter().all(|r| r.len() == ANSWER_COLUMNS.len()));
    let in_scope: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[7].as_str()))
        .filter(|(_, s)| *s == "no")
        .collect();
    // FIN-* need reliance on SOC 1; RD-05 needs the privacy category.
    assert_eq!(
        in_scope,
        [("FIN-01", "no"), ("FIN-02", "no"), ("RD-05", "no")]
    );
    // Unanswered rows: empty response, reason, note, owner, frequency (and no source: the
    // default bank gives none).
    let rd05 = rows.iter().find(|r| r[0] == "RD-05").unwrap();
    assert_eq!(&rd05[8..], ["", "", "", "", "", ""]);
    // The guarded cell, read raw, starts with the apostrophe; unguarded it is the note.
    let iam02 = rows.iter().find(|r| r[0] == "IAM-02").unwrap();
    assert_eq!(iam02[10], "'=SUM(A1:A3)");
    assert_eq!(unguard_cell(&iam02[10]), "=SUM(A1:A3)");
}

#[test]
fn chinese_file_keeps_english_keys_and_ids() {
    let bank = bank();
    let a = assessment(&bank);
    let csv = answers_csv(&bank, &a, Lang::Zh);
    let rows = parse_csv(&csv).unwrap();
    assert_eq!(rows[0], ANSWER_COLUMNS);
    let iam03 = rows.iter().find(|r| r[0] == "IAM-03").unwrap();
    assert_eq!(
        iam03[1..5],
        ["iam", "每季度开展云上访问评审", "cuec", "high"]
    );
    let iam04 = rows.iter().find(|r| r[0] == "IAM-04").unwrap();
    assert_eq!(iam04[10], "负责人：王芳，每季度复核。");
    let rd02 = rows.iter().find(|r| r[0] == "RD-02").unwrap();
    assert_eq!(rd02[8..10], ["not_applicable", "不适用：无此流程"]);
}

#[test]
fn default_bank_round_trip() {
    let bank = default_bank().unwrap_or_else(|e| panic!("{e:?}"));
    let mut a = Assessment::new(bank);
    for (n, item) in bank.items.iter().enumerate() {
        let r = match n % 7 {
            0..=4 => level((n % 5) as u8),
            5 => Response::DontKnow,
            _ if item.never_na => level(1),
            _ => na("说明, \"reason\""),
        };
        a.set_response(bank, &item.id, r).unwrap();
        if n % 3 == 0 {
            a.set_note(bank, &item.id, &format!("=note {n},\n第二行"))
                .unwrap();
        }
    }
    let csv = answers_csv(bank, &a, Lang::Zh);
    assert_eq!(answers_from_csv(bank, &csv).unwrap(), carried(bank, &a));
    assert_eq!(parse_csv(&csv).unwrap().len(), bank.items.len() + 1);
}

#[test]
fn guard_is_exactly_undone() {
    let cells = [
        "", "plain", "=1+1", "+1", "-1", "@x", "\tx", "\rx", "'", "'plain", "'=x", "''=x", "''",
        "a=b", " =x", "中文",
    ];
    for s in cells {
        let g = guard_cell(s);
        assert_eq!(unguard_cell(&g), s, "{s:?}");
        assert!(
            !g.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{s:?} → {g:?}"
        );
    }
    assert_eq!(guard_cell("=x"), "'=x");
    assert_eq!(guard_cell("'=x"), "''=x");
    assert_eq!(guard_cell("'plain"), "'plain");
    assert_eq!(guard_cell("plain"), "plain");
    assert_eq!(unguard_cell("'plain"), "'plain");
}

/// Reliance on SOC 2 only, no own audit: targets are the bank's (3; OPS-05 2).
/// Gaps (weight × shortfall): IAM-01 1 → 8 × 2 = 16; IAM-03 don't know → 4 × 3 = 12;
/// IAM-04 0 → 2 × 3 = 6; OPS-02 2 → 4 × 1 = 4; OPS-05 1 → 1 × 1 = 1; OPS-01 at 4 and
/// OPS-03 at 3 are no gaps.
#[test]
fn gap_plan_in_rank_order() {
    let bank = bank();
    let mut a = Assessment::new(&bank);
    a.set_scope(&bank, "reliance", "soc2", true).unwrap();
    a.set_scope(&bank, "own_audit", "none", true).unwrap();
    for (id, r) in [
        ("OPS-05", level(1)),
        ("OPS-02", level(2)),
        ("IAM-04", level(0)),
        ("IAM-03", Response::DontKnow),
        ("IAM-01", level(1)),
        ("OPS-01", level(4)),
        ("OPS-03", level(3)),
    ] {
        a.set_response(&bank, id, r).unwrap();
    }
    a.set_note(&bank, "IAM-01", "=cmd|' /C calc'!A0").unwrap();
    a.set_note(&bank, "OPS-02", "Owner: DevOps, \"platform\"")
        .unwrap();
    let s = score(&bank, &a);
    let csv = gaps_csv(&bank, &s, &a, Lang::En);
    assert!(csv.starts_with(
        "\u{FEFF}rank,item_id,title,kind,counts_in,criticality,level,target,weighted_shortfall,\
         criteria,remediation,evidence,note,source\r\n"
    ));
    assert_crlf_records(&csv);
    let rows = parse_csv(&csv).unwrap();
    assert_eq!(rows[0], GAP_COLUMNS);
    let summary: Vec<[&str; 7]> = rows[1..]
        .iter()
        .map(|r| {
            [
                r[0].as_str(),
                r[1].as_str(),
                r[5].as_str(),
                r[6].as_str(),
                r[7].as_str(),
                r[8].as_str(),
                r[9].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        summary,
        [
            ["1", "IAM-01", "critical", "1", "3", "16", "CC6.1; CC6.2"],
            ["2", "IAM-03", "high", "dont_know", "3", "12", "CC6.3"],
            ["3", "IAM-04", "medium", "0", "3", "6", "CC6.1; CC6.6"],
            ["4", "OPS-02", "high", "2", "3", "4", "CC8.1"],
            ["5", "OPS-05", "low", "1", "2", "1", "C1.1; C1.2"],
        ]
    );
    // Same order as the scores' gap list.
    let ids: Vec<&str> = s.gaps.iter().map(|g| g.item.as_str()).collect();
    let csv_ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(csv_ids, ids);
    // The full first row: numbered steps on one line, evidence, the guarded note.
    assert!(csv.contains(
        "\r\n1,IAM-01,Multi-factor authentication for every console and API user,cuec,\
         reliance_soc2,critical,1,3,\
         16,CC6.1; CC6.2,1. Enforce MFA in the identity provider or console settings. \
         2. Review weekly that no user lacks MFA.,An export of users with their MFA status.,\
         '=cmd|' /C calc'!A0,\r\n"
    ));
    assert_eq!(rows[4][12], "Owner: DevOps, \"platform\"");
    // Which result each gap counts in: a readiness item would say own_soc2 only.
    assert_eq!(rows[5][3..5], ["user_responsibility", "reliance_soc2"]);

    let zh = parse_csv(&gaps_csv(&bank, &s, &a, Lang::Zh)).unwrap();
    assert_eq!(zh[0], GAP_COLUMNS);
    assert_eq!(zh[1][2], "所有控制台和 API 用户启用多因素认证");
    assert!(zh[1][10].starts_with("1. 在身份提供商"));
    assert!(zh[1][10].contains(" 2. 每周检查"));

    // No gaps: the header alone.
    let empty = Assessment::new(&bank);
    assert_eq!(
        parse_csv(&gaps_csv(&bank, &score(&bank, &empty), &empty, Lang::En))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn parser_basics() {
    assert_eq!(parse_csv("").unwrap(), Vec::<Vec<String>>::new());
    assert_eq!(parse_csv("\u{FEFF}").unwrap(), Vec::<Vec<String>>::new());
    assert_eq!(
        parse_csv("\u{FEFF}a,b\r\nc,d").unwrap(),
        [["a", "b"], ["c", "d"]]
    );
    assert_eq!(parse_csv("a,b\nc,d\n").unwrap(), [["a", "b"], ["c", "d"]]);
    assert_eq!(parse_csv("a,b\rc,d\r").unwrap(), [["a", "b"], ["c", "d"]]);
    assert_eq!(parse_csv(",\r\n").unwrap(), [["", ""]]);
    assert_eq!(parse_csv("a,").unwrap(), [["a", ""]]);
    assert_eq!(parse_csv("\r\n").unwrap(), [[""]]);
    assert_eq!(
        parse_csv("\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n").unwrap(),
        [["a,b", "say \"hi\"", ""]]
    );
    assert_eq!(
        parse_csv("\"x\r\ny\",z\r\n").unwrap(),
        [vec!["x\r\ny".to_string(), "z".to_string()]]
    );
    // A BOM only counts at the very start.
    assert_eq!(parse_csv("a\u{FEFF}").unwrap(), [["a\u{FEFF}"]]);
}

#[test]
fn parse_errors() {
    assert_eq!(
        parse_csv("a,b\r\n\"open,c\r\nmore"),
        Err(CsvError::UnterminatedQuote { line: 2 })
    );
    assert_eq!(
        parse_csv("\"x\""),
        Ok(vec![vec!["x".to_string()]]),
        "closed at the end of the text"
    );
    assert_eq!(
        parse_csv("\"only"),
        Err(CsvError::UnterminatedQuote { line: 1 })
    );
    assert_eq!(
        parse_csv("a\r\n\"q\"x,b"),
        Err(CsvError::StrayQuote { line: 2 })
    );
    assert_eq!(
        parse_csv("a\r\n\"multi\nline\"x"),
        Err(CsvError::StrayQuote { line: 3 })
    );
    assert_eq!(parse_csv("ab\"c"), Err(CsvError::StrayQuote { line: 1 }));
    for e in [
        CsvError::UnterminatedQuote { line: 2 },
        CsvError::StrayQuote { line: 1 },
    ] {
        assert!(e.message(Lang::En).contains('2') || e.message(Lang::En).contains('1'));
        assert!(e.message(Lang::Zh).contains('行'));
    }
}

#[test]
fn answers_reader_errors() {
    let bank = bank();
    let a = assessment(&bank);
    let csv = answers_csv(&bank, &a, Lang::En);

    // A truncated file: the last quoted note never closes.
    let cut = &csv[..csv.find("line two").unwrap()];
    assert!(matches!(
        answers_from_csv(&bank, cut),
        Err(CsvError::UnterminatedQuote { .. })
    ));

    assert_eq!(answers_from_csv(&bank, ""), Err(CsvError::Empty));
    assert_eq!(answers_from_csv(&bank, "\u{FEFF}"), Err(CsvError::Empty));
    assert_eq!(
        answers_from_csv(&bank, "item_id,response,note\r\n"),
        Err(CsvError::MissingColumn("na_reason".into()))
    );

    let head = "item_id,response,na_reason,note\r\n";
    let read = |body: &str| answers_from_csv(&bank, &format!("{head}{body}"));
    assert_eq!(
        read("IAM-01,4,\r\n"),
        Err(CsvError::FieldCount {
            line: 2,
            expected: 4,
            found: 3
        })
    );
    assert_eq!(
        read("IAM-01,4,,\r\nNOPE-1,1,,\r\n"),
        Err(CsvError::UnknownItem {
            line: 3,
            item: "NOPE-1".into()
        })
    );
    assert_eq!(
        read("IAM-01,4,,\r\nIAM-01,3,,\r\n"),
        Err(CsvError::DuplicateItem {
            line: 3,
            item: "IAM-01".into()
        })
    );
    for bad in ["5", "yes", "-1", "3.0", "N/A"] {
        assert_eq!(
            read(&format!("IAM-03,{bad},,\r\n")),
            Err(CsvError::BadResponse {
                line: 2,
                value: bad.into()
            })
        );
    }
    assert_eq!(
        read("IAM-03,not_applicable, ,\r\n"),
        Err(CsvError::NaWithoutReason {
            line: 2,
            item: "IAM-03".into()
        })
    );
    // The line of a record after a multi-line note counts physical lines.
    assert_eq!(
        read("IAM-01,4,,\"a\nb\"\r\nIAM-02,9,,\r\n"),
        Err(CsvError::BadResponse {
            line: 4,
            value: "9".into()
        })
    );

    // Columns in any order, extra columns ignored, blank lines skipped, no owner/frequency.
    let ok = answers_from_csv(
        &bank,
        "note,extra,na_reason,response,item_id\r\n'=x,?,,2,IAM-03\r\n\r\n,?,,,IAM-04\r\n",
    )
    .unwrap();
    let mut want = BTreeMap::new();
    want.insert(
        "IAM-03".to_string(),
        ItemAnswer {
            response: Some(level(2)),
            note: "=x".into(),
            ..ItemAnswer::default()
        },
    );
    assert_eq!(ok, want);

    for e in [
        CsvError::Empty,
        CsvError::MissingColumn("note".into()),
        CsvError::BadResponse {
            line: 2,
            value: "x".into(),
        },
    ] {
        for lang in Lang::ALL {
            assert!(!e.message(lang).is_empty());
        }
        assert_eq!(e.to_string(), e.message(Lang::En));
    }
}
