//! `bank-check FILE…`: validates a question bank the way the app does, for providers who
//! write their own. A file that `extends` the default bank is checked merged over it.
//! Prints every error (file, item, field, problem) and exits non-zero if there is one.
//! A file may be TOML (the authoring format) or JSON (the form the browser reads).
//!
//! Warnings (an English-only draft, a language the app ignores, criticality left to its
//! default) are printed too; with `--strict` they are errors. The default bank is always
//! checked strictly.
//!
//! `bank-check --json FILE.toml > FILE.json`: validates the file, then prints its JSON form
//! (the same file in JSON, not the merged bank), which the browser app can load. Nothing
//! goes to standard output when the file has an error.
//!
//! `bank-check --bundle OUT`: validates the default bank, then writes it as the one file the
//! web app downloads (`banks/default.jsonl`, see `core::bank::bundle`). Trunk runs this after
//! each build (Trunk.toml), so the file in `dist/` always matches `content/bank/`.

use std::process::ExitCode;

use soc_readiness::core::bank::{
    pack_path, toml_to_json, write_bundle, write_pack, Bank, BankError, Checked, Format, PackPart,
    Source,
};
use soc_readiness::core::default_bank::{SOURCES, TOML_SOURCES};
use soc_readiness::core::text::Lang;

const USAGE: &str = "usage: bank-check [--zh] [--strict] FILE [FILE …]   validate banks (TOML or JSON; no file: the default bank)
       bank-check [--zh] [--strict] --json FILE.toml     validate, then print the file's JSON form
       --strict: warnings (e.g. no Chinese translation) are errors
       bank-check --bundle OUT                validate the default bank, write it as OUT (banks/default.jsonl)
                                              and its language packs beside it (banks/default.en.jsonl…)
       bank-check --ui-text DIR               write the UI's words as DIR/ui.en.json and DIR/ui.zh.json";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--ui-text DIR` (with `--bundle`, in Trunk's hook): the UI's words as data.
    if let Some(pos) = args.iter().position(|a| a == "--ui-text") {
        let Some(dir) = args.get(pos + 1).cloned() else {
            eprintln!("bank-check: --ui-text takes a folder\n{USAGE}");
            return ExitCode::FAILURE;
        };
        if ui_text(&dir) != ExitCode::SUCCESS {
            return ExitCode::FAILURE;
        }
        args.drain(pos..pos + 2);
        if args.is_empty() {
            return ExitCode::SUCCESS;
        }
    }
    let lang = if args.iter().any(|a| a == "--zh") {
        Lang::Zh
    } else {
        Lang::En
    };
    let json = args.iter().any(|a| a == "--json");
    let strict = args.iter().any(|a| a == "--strict");
    if let Some(pos) = args.iter().position(|a| a == "--bundle") {
        return match (args.get(pos + 1), args.len()) {
            (Some(out), 2) => bundle(out, lang),
            _ => {
                eprintln!("bank-check: --bundle takes exactly one output file\n{USAGE}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(bad) = args
        .iter()
        .find(|a| a.starts_with("--") && !matches!(a.as_str(), "--zh" | "--json" | "--strict"))
    {
        eprintln!("bank-check: unknown option {bad}\n{USAGE}");
        return ExitCode::FAILURE;
    }
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if json {
        return match files.as_slice() {
            [file] => to_json(file, lang, strict),
            _ => {
                eprintln!("bank-check: --json takes exactly one file\n{USAGE}");
                ExitCode::FAILURE
            }
        };
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        // The TOML files as written, so that a mistake is reported with its line.
        return report(
            strictly(Bank::from_sources(TOML_SOURCES)),
            "default bank",
            lang,
            false,
        );
    }
    let mut failed = false;
    for path in files {
        let Some(text) = read(path) else {
            failed = true;
            continue;
        };
        let result = Bank::check_provider(
            SOURCES,
            Source {
                name: path,
                text: &text,
            },
            strict,
        );
        failed |= report(result, path, lang, false) != ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &str) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("{path}: {e}");
            None
        }
    }
}

/// Validates one file, then prints its JSON form on standard output (the report goes to
/// standard error, so that `> FILE.json` captures the JSON alone).
fn to_json(path: &str, lang: Lang, strict: bool) -> ExitCode {
    let Some(text) = read(path) else {
        return ExitCode::FAILURE;
    };
    let source = Source {
        name: path,
        text: &text,
    };
    if report(
        Bank::check_provider(SOURCES, source, strict),
        path,
        lang,
        true,
    ) != ExitCode::SUCCESS
    {
        return ExitCode::FAILURE;
    }
    let json = match source.format() {
        Format::Toml => toml_to_json(&text),
        // Already JSON: printed in the same compact form.
        Format::Json => serde_json::from_str::<serde_json::Value>(&text)
            .and_then(|v| serde_json::to_string(&v))
            .map_err(|e| e.to_string()),
    };
    match json {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Validates the default bank, then writes its bundle to `out` (creating its folder).
fn bundle(out: &str, lang: Lang) -> ExitCode {
    if report(
        strictly(Bank::from_sources(SOURCES)),
        "default bank",
        lang,
        true,
    ) != ExitCode::SUCCESS
    {
        return ExitCode::FAILURE;
    }
    let path = std::path::Path::new(out);
    let dir = path.parent().unwrap_or(std::path::Path::new(""));
    if !dir.as_os_str().is_empty() {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    // The whole bundle (the single file, provider banks that extend it), then the language
    // packs a first visit downloads (core::bank::pack), next to it.
    let mut files = vec![(path.to_path_buf(), write_bundle(SOURCES))];
    for l in Lang::ALL {
        for part in [PackPart::Core, PackPart::Guidance] {
            let name = pack_path(l, part);
            let name = name.rsplit('/').next().unwrap_or(&name).to_string();
            files.push((dir.join(name), write_pack(SOURCES, l, part)));
        }
    }
    for (file, text) in files {
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}", e.message(lang));
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = std::fs::write(&file, text) {
            eprintln!("{}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Writes the UI's words, one file per language (`soc_readiness::ui_text`), into `dir`.
fn ui_text(dir: &str) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{dir}: {e}");
        return ExitCode::FAILURE;
    }
    for l in Lang::ALL {
        let path = std::path::Path::new(dir).join(format!("ui.{}.json", l.code()));
        if let Err(e) = std::fs::write(&path, soc_readiness::ui_text::file_json(l)) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The default bank's result: checked strictly, so it has no warnings left.
fn strictly(bank: Result<Bank, Vec<BankError>>) -> Checked {
    Checked {
        bank,
        warnings: Vec::new(),
    }
}

fn report(checked: Checked, what: &str, lang: Lang, to_stderr: bool) -> ExitCode {
    let print = |line: String| {
        if to_stderr {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    let warning = if lang == Lang::Zh {
        "警告"
    } else {
        "warning"
    };
    for w in &checked.warnings {
        print(format!("{warning}: {}", w.message(lang)));
    }
    if !checked.warnings.is_empty() {
        print(format!(
            "{what}: {} warning(s); --strict makes them errors",
            checked.warnings.len()
        ));
    }
    match checked.bank {
        Ok(bank) => {
            let line = format!(
                "{what}: OK: {} {} ({} scope questions, {} domains, {} items)",
                bank.meta.id,
                bank.meta.version,
                bank.scope.len(),
                bank.domains.len(),
                bank.items.len()
            );
            if to_stderr {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let mut lines: Vec<String> = errors.iter().map(|e| e.message(lang)).collect();
            lines.push(format!("{what}: {} error(s)", errors.len()));
            for line in lines {
                if to_stderr {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
            }
            ExitCode::FAILURE
        }
    }
}
