//! Compiles the content into the app. The bank files and the criteria catalogue are written
//! in TOML; this script converts each to compact JSON in OUT_DIR (src/core/bank/convert.rs),
//! so the app parses JSON with serde_json and the wasm carries no TOML parser.
//!
//! - every `content/bank/*.toml`, in file name order, becomes one `Source` of
//!   `core::default_bank::SOURCES` (`default_bank_sources.rs`): its name is the .toml file
//!   (for messages), its text the JSON. Adding a bank file needs no code change.
//! - `default_bank_toml_sources.rs` lists the same files as TOML, for native tools and tests
//!   (feature `toml`): `core::default_bank::TOML_SOURCES`.
//! - `content/criteria.toml` becomes `criteria.json`.
//! - `content/samples.toml` (Type II sample sizes by control frequency) becomes `samples.json`.
//!
//! A file that is not valid TOML fails the build with its name and the parser's message.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

#[path = "src/core/bank/convert.rs"]
mod convert;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            println!(
                "cargo:warning={}",
                message.lines().next().unwrap_or_default()
            );
            ExitCode::FAILURE
        }
    }
}

/// Converts one TOML file to `out` (JSON); the error names the file.
fn convert_file(file: &Path, out: &Path) -> Result<(), String> {
    println!("cargo:rerun-if-changed={}", file.display());
    let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let json = convert::toml_to_json(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    fs::write(out, json).map_err(|e| format!("{}: {e}", out.display()))
}

fn run() -> Result<(), String> {
    let dir = PathBuf::from("content/bank");
    println!("cargo:rerun-if-changed=content/bank");
    println!("cargo:rerun-if-changed=src/core/bank/convert.rs");
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out_dir = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let json_dir = out_dir.join("bank");
    fs::create_dir_all(&json_dir).map_err(|e| format!("{}: {e}", json_dir.display()))?;

    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();

    let mut json_list = String::from("&[\n");
    let mut toml_list = String::from("&[\n");
    for f in &files {
        let name = f.display().to_string();
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let json = json_dir.join(format!("{stem}.json"));
        convert_file(f, &json)?;
        json_list.push_str(&format!(
            "    Source {{ name: {name:?}, text: include_str!({:?}) }},\n",
            json.display().to_string()
        ));
        toml_list.push_str(&format!(
            "    Source {{ name: {name:?}, text: include_str!({:?}) }},\n",
            manifest.join(f).display().to_string()
        ));
    }
    json_list.push_str("]\n");
    toml_list.push_str("]\n");
    let write = |file: &str, text: &str| {
        fs::write(out_dir.join(file), text).map_err(|e| format!("{file}: {e}"))
    };
    write("default_bank_sources.rs", &json_list)?;
    write("default_bank_toml_sources.rs", &toml_list)?;

    // The guide and the glossary (src/core/guide.rs, glossary.rs) are compiled into the app.
    for name in ["guide", "glossary"] {
        let file = format!("content/{name}.toml");
        println!("cargo:rerun-if-changed={file}");
        convert_file(Path::new(&file), &out_dir.join(format!("{name}.json")))?;
    }
    convert_file(
        Path::new("content/criteria.toml"),
        &out_dir.join("criteria.json"),
    )?;
    convert_file(
        Path::new("content/samples.toml"),
        &out_dir.join("samples.json"),
    )
}
