//! Full rescore (`scoring::score`) benchmarks: the UI recomputes after every answer.
//!
//! `cargo bench --no-default-features --features toml --bench scoring` (the synthetic banks
//! are generated as TOML).
//!
//! - the default bank, scope selecting everything (all 149 items asked), every item
//!   answered;
//! - synthetic banks of 1,000 and 10,000 items (generated TOML: the fixture bank's header,
//!   scoring and scope, ten domains, items citing three criteria each and one in five with
//!   a `show_if`; 960 of 1,000 and 9,600 of 10,000 asked), parsed and validated once,
//!   outside the timing loop, every asked item answered.
//!
//! Goal: under 50 µs for the default bank, growing linearly with the number of items.

// Set-up failures stop the benchmark with a message (clippy denies these in the crate).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use soc_readiness::core::bank::{Bank, Source};
use soc_readiness::core::criteria::Catalogue;
use soc_readiness::core::default_bank::default_bank;
use soc_readiness::core::scoring::score;

// The tests' shared helpers: the full scope (every item that can be asked is asked) and a
// realistic assessment answering every asked item, a note on one in three.
#[path = "../tests/common/mod.rs"]
mod common;
use common::realistic_assessment;

/// A valid bank of `n` items: the scoring fixture's header, scoring and scope questions,
/// then generated domains and items.
fn synthetic_bank(n: usize) -> Bank {
    let fixture = include_str!("../tests/fixtures/scoring/bank.toml");
    let head = &fixture[..fixture.find("[[domain]]").unwrap()];
    let criteria: Vec<&str> = Catalogue::builtin()
        .unwrap()
        .criterion
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let mut toml = head.to_string();
    for d in 0..10 {
        write!(
            toml,
            "[[domain]]\nid = \"d{d}\"\ntitle.en = \"Domain {d}\"\ntitle.zh = \"领域 {d}\"\n\
             intro.en = \"Synthetic domain.\"\nintro.zh = \"合成领域。\"\n\n"
        )
        .unwrap();
    }
    let kinds = ["cuec", "cuec", "user_responsibility", "readiness"];
    let crits = ["critical", "high", "medium", "medium", "low"];
    let reports = ["[\"soc1\", \"soc2\"]", "[\"soc2\"]", "[\"soc1\"]"];
    let conditions = [
        "reliance:soc1",
        "own_audit:type1 | own_audit:type2",
        "categories:privacy",
        "!reliance:soc2",
        "reliance:soc2 & categories:availability",
    ];
    for i in 0..n {
        let c = |k: usize| criteria[(3 * i + k) % criteria.len()];
        write!(
            toml,
            "[[item]]\nid = \"SYN-{i:05}\"\ndomain = \"d{}\"\nkind = \"{}\"\ncriticality = \"{}\"\n\
             reports = {}\ncriteria = [\"{}\", \"{}\", \"{}\"]\n",
            i % 10,
            kinds[i % kinds.len()],
            crits[i % crits.len()],
            reports[i % reports.len()],
            c(0),
            c(1),
            c(2),
        )
        .unwrap();
        if i % 5 == 4 {
            writeln!(
                toml,
                "show_if = \"{}\"",
                conditions[i / 5 % conditions.len()]
            )
            .unwrap();
        }
        write!(
            toml,
            "title.en = \"Synthetic item {i}\"\ntitle.zh = \"合成条目 {i}\"\n\
             statement.en = \"Control {i} is in place.\"\nstatement.zh = \"控制 {i} 已到位。\"\n\
             why.en = \"The provider relies on it.\"\nwhy.zh = \"服务商依赖于此。\"\n\
             how.en = [\"Do it.\", \"Keep evidence.\"]\nhow.zh = [\"执行。\", \"保留证据。\"]\n\
             evidence.en = \"A record.\"\nevidence.zh = \"一份记录。\"\n\n"
        )
        .unwrap();
    }
    Bank::from_sources(&[Source {
        name: "synthetic.toml",
        text: &toml,
    }])
    .unwrap_or_else(|e| {
        panic!(
            "synthetic bank invalid: {:?}",
            e.iter().take(5).map(|e| e.to_string()).collect::<Vec<_>>()
        )
    })
}

fn bench_score(c: &mut Criterion) {
    let mut group = c.benchmark_group("score");
    group
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));

    let default = default_bank().unwrap();
    let cases: Vec<(String, Bank)> = vec![
        ("default".to_string(), default.clone()),
        ("synthetic".to_string(), synthetic_bank(1_000)),
        ("synthetic".to_string(), synthetic_bank(10_000)),
    ];
    for (name, bank) in &cases {
        let a = realistic_assessment(bank, 3);
        let asked = bank.visible_items(&a.scope).count();
        group.throughput(Throughput::Elements(bank.items.len() as u64));
        group.bench_with_input(
            BenchmarkId::new(format!("{name}/{asked}_asked_of"), bank.items.len()),
            &(bank, &a),
            |b, (bank, a)| b.iter(|| score(black_box(bank), black_box(a))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_score);
criterion_main!(benches);
