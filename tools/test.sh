#!/usr/bin/env bash
# Every check, in the order that fails fastest. Run through `make test` (which installs what
# is missing first). Exits non-zero when anything fails; the last lines are the runners'
# summaries and the size report.
set -uo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
failed=()
run() { local name=$1; shift; printf '\n== %s\n' "$name"; "$@" || failed+=("$name"); }

run "cargo fmt --check" cargo fmt --all -- --check
# The core must build and test with no web crate at all: this is the architecture boundary.
run "core has no web dependency" bash -c '! cargo tree --no-default-features -e normal --prefix none | grep -E "^(leptos|web-sys|wasm-bindgen|js-sys|gloo)[a-z_-]* v"'
# The web build (index.html: no default features, feature ui) has no TOML parser: build.rs
# converts the content to JSON. `toml` must not be a dependency of ours there (leptos_config
# pulls it in through `config` for server-side settings; no code of it reaches the wasm:
# checked on the release wasm below).
run "wasm build does not depend on toml" bash -c '! cargo tree --no-default-features --features ui -e normal --target wasm32-unknown-unknown --depth 1 --prefix none | grep -E "^toml[a-z_-]* v"'
run "clippy (core, native)" cargo clippy --no-default-features --features toml --all-targets -q -- -D warnings
run "clippy (app, wasm32)" cargo clippy --target wasm32-unknown-unknown --no-default-features --features ui --bins --lib -q -- -D warnings
mkdir -p target
run "native tests (core)" bash -c 'set -o pipefail; cargo test --no-default-features --features toml -q 2>&1 | tee target/native-tests.log'
run "bank-check: default, example and fixture provider banks" cargo run -q --no-default-features --features toml --bin bank-check -- public/banks/example-cloud.toml public/banks/example-cloud.json tests/e2e/fixtures/providers/security-only.toml tests/e2e/fixtures/providers/privacy-roles.toml tests/e2e/fixtures/providers/cuec-list.json
run "release build (trunk)" trunk build --release
# The single self-contained page (make single), which the browser tests open from file://.
run "single file" node tools/single-file.mjs
# No toml code in the release wasm (before wasm-bindgen): none of its mangled function names
# (`4toml2de…`, `toml..de..`, `toml_parser`) nor its source paths (panic locations).
run "no toml code in the wasm" bash -c '! grep -aqE "4toml[0-9]|toml\.\.|toml_(parser|datetime|edit)|/toml-[0-9]" target/wasm32-unknown-unknown/release/soc-readiness.wasm'
# The default bank is a download (banks/default.jsonl), not part of the wasm: an item title
# from the bank must not be in it, and the bundle must be in dist/.
run "default bank is a download, not in the wasm" bash -c '[ -s dist/banks/default.jsonl ] && grep -q "Observation window and control calendar planned" dist/banks/default.jsonl && grep -q "Observation window and control calendar planned" dist/banks/default.en.jsonl && ! grep -aq "Observation window and control calendar planned" target/wasm32-unknown-unknown/release/soc-readiness.wasm'
# The UI's words are data too (src/ui_text.rs, issue 19): a long UI sentence is in the
# language file and not in the wasm.
run "UI words are a download, not in the wasm" bash -c 'grep -q "This is a self-assessment made with a tool" dist/text/ui.en.json && ! grep -aq "This is a self-assessment made with a tool" target/wasm32-unknown-unknown/release/soc-readiness.wasm'
if [ -f dist/index.html ]; then
  run "browser tests (Playwright + Debian Chromium)" npx playwright test
  node -e '
    const r = JSON.parse(require("fs").readFileSync("test-results/e2e.json", "utf8"));
    const s = r.stats; console.log(`\nbrowser tests: ${s.expected} passed, ${s.unexpected + s.flaky} failed, ${s.skipped} skipped`);
  ' 2>/dev/null || true
fi
run "size report" node tools/size-report.mjs

# One closing line over both runners: native (cargo test) and browser (Playwright).
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const m of (fs.existsSync("target/native-tests.log") ? fs.readFileSync("target/native-tests.log", "utf8") : "").matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) { passed += +m[1]; failed += +m[2]; }
  try { const s = JSON.parse(fs.readFileSync("test-results/e2e.json", "utf8")).stats; passed += s.expected; failed += s.unexpected + s.flaky; } catch {}
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  // Name each failed browser test and its first error line last, so a log cut to its tail says what failed.
  try {
    const walk = (suite) => [...(suite.suites || []).flatMap(walk), ...(suite.specs || []).flatMap((sp) => sp.tests.flatMap((t) => t.results
      .filter((res) => res.status !== "passed" && res.status !== "skipped")
      .map((res) => `  ${sp.file}:${sp.line} ${sp.title} [${res.status}, ${res.duration} ms]: ${((res.error && res.error.message) || "").replace(/\x1b\[[0-9;]*m/g, "").split("\n")[0].slice(0, 200)}`)))];
    const lines = JSON.parse(fs.readFileSync("test-results/e2e.json", "utf8")).suites.flatMap(walk);
    if (lines.length) console.log("failed browser tests:\n" + lines.join("\n"));
  } catch {}
' || true
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failed[@]}"
  exit 1
fi
