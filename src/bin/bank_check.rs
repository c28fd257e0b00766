//! `bank-check FILE…`: validates a question bank the way the app does, for providers who
//! write their own. A file that `extends` the default bank is checked merged over it.
//! Prints every error (file, item, field, problem) and exits non-zero if there is one.

use std::process::ExitCode;

use soc_readiness::core::bank::{Bank, Source};
use soc_readiness::core::default_bank::SOURCES;
use soc_readiness::core::text::Lang;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = if args.iter().any(|a| a == "--zh") {
        Lang::Zh
    } else {
        Lang::En
    };
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        eprintln!(
            "usage: bank-check [--zh] FILE.toml [FILE.toml …]   (no file: checks the default bank)"
        );
        return report(Bank::from_sources(SOURCES), "default bank", lang);
    }
    let mut failed = false;
    for path in files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let result = Bank::from_provider(
            SOURCES,
            Source {
                name: path,
                text: &text,
            },
        );
        failed |= report(result, path, lang) != ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn report(
    result: Result<Bank, Vec<soc_readiness::core::bank::BankError>>,
    what: &str,
    lang: Lang,
) -> ExitCode {
    match result {
        Ok(bank) => {
            println!(
                "{what}: OK: {} {} ({} scope questions, {} domains, {} items)",
                bank.meta.id,
                bank.meta.version,
                bank.scope.len(),
                bank.domains.len(),
                bank.items.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                println!("{}", e.message(lang));
            }
            println!("{what}: {} error(s)", errors.len());
            ExitCode::FAILURE
        }
    }
}
