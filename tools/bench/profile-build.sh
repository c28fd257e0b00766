#!/usr/bin/env bash
# A copy of dist/ whose wasm keeps its function names (wasm-opt -Oz -g), for
# tools/bench/profile.mjs: target/profile-dist/. Run after `make build`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/env.sh
B=target/profile-dist
rm -rf "$B" && cp -r dist "$B"
wasm-bindgen --target web --no-typescript --out-dir "$B/.wb" target/wasm32-unknown-unknown/release/soc-readiness.wasm
wasm=$(cd "$B" && ls soc-readiness-*_bg.wasm)
glue=$(cd "$B" && ls soc-readiness-*.js)
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$B/.wb/soc-readiness_bg.wasm" -o "$B/$wasm"
cp "$B/.wb/soc-readiness.js" "$B/$glue"
rm -rf "$B/.wb"
echo "profile build: $B (serve with: node tests/e2e/serve.mjs $B 8090)"
