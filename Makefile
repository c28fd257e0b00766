# One entry point. `make serve` and `make test` are all a new user needs (see README.md).
SHELL := /bin/bash
ENV := source tools/env.sh &&

.PHONY: setup setup-build serve build single test size bench clean

setup:            ## install everything (build tools, Chromium, npm packages), only what is missing
	tools/setup.sh all

setup-build:      ## install what building needs (no browser)
	tools/setup.sh build

# `trunk serve` builds into target/serve, never dist/, and without Trunk's live-reload
# script (an inline script that dials ws://{{__trunk_address__}}, which the strict CSP
# blocks): only `make build` writes dist/, the folder to deploy.
serve: setup-build  ## release build in target/serve (never dist/), served at http://127.0.0.1:8080
	$(ENV) trunk serve --release --dist target/serve --no-autoreload --address 127.0.0.1 --port 8080

build: setup-build  ## release build into dist/
	$(ENV) trunk build --release

single: build     ## one self-contained page, dist-single/soc-readiness.html (file:// or any host, no network)
	node tools/single-file.mjs

test: setup       ## every check: fmt, clippy (native + wasm32), native tests, release build, browser tests, size report
	$(ENV) tools/test.sh

size:             ## transfer size of dist/ and of the single file (raw, gzip, brotli) against the budgets
	node tools/size-report.mjs

bench: setup      ## peer benchmark: SurveyJS, vanilla floor and this app side by side, 1x and 4x CPU (BENCH_ARGS=--quick for a smoke run)
	tools/bench/run.sh $(BENCH_ARGS)

clean:
	cargo clean; rm -rf dist dist-single node_modules test-results
