//! Compiles the default question bank into the app: every `content/bank/*.toml`, in file
//! name order, becomes one `Source` of `core::default_bank::SOURCES`. Adding a bank file
//! needs no code change.

use std::{env, fs, path::PathBuf};

fn main() {
    let dir = PathBuf::from("content/bank");
    println!("cargo:rerun-if-changed=content/bank");
    println!("cargo:rerun-if-changed=content/criteria.toml");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = String::from("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.display().to_string();
        let abs = PathBuf::from(&manifest).join(f);
        out.push_str(&format!(
            "    Source {{ name: {name:?}, text: include_str!({:?}) }},\n",
            abs.display().to_string()
        ));
    }
    out.push_str("]\n");
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap_or_default());
    if let Err(e) = fs::write(out_dir.join("default_bank_sources.rs"), out) {
        println!("cargo:warning=cannot write the default bank list: {e}");
    }
}
