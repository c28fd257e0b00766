#!/usr/bin/env bash
# Peer benchmark in one command (also `make bench`): SurveyJS, the vanilla-JS floor and our app on
# the same 150-question survey, at 1x (10 loads + 3 Playwright-click runs) and 4x CPU throttle
# (6 loads), each in two rounds of alternating order, then the three tables side by side
# (tools/bench/side-by-side.mjs merges the rounds).
#   tools/bench/run.sh            full run (about 10 minutes on 2 cores; run on an idle machine)
#   tools/bench/run.sh --quick    smoke run: 3 loads, no Playwright-click runs, 1x only
#   tools/bench/run.sh --no-build reuse the last build in target/peer-bench/dist
# The harness (read-only, default ../shared/bench/peer beside the checkout; override with
# PEER_BENCH_SRC) is copied
# into target/peer-bench/, results go to target/peer-bench/results/. See tools/bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SRC=${PEER_BENCH_SRC:-$ROOT/../shared/bench/peer}
B=$ROOT/target/peer-bench
QUICK=0; BUILD=1
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    *) echo "run.sh: unknown option $a (use --quick, --no-build)" >&2; exit 2 ;;
  esac
done
[ -f "$SRC/bench.mjs" ] || { echo "run.sh: no peer benchmark at $SRC (set PEER_BENCH_SRC)" >&2; exit 1; }

# 1. The harness, copied (its source is read-only); npm ci only when the lock file changed.
mkdir -p "$B/harness" "$B/results"
tar -C "$SRC" --exclude=./results --exclude=./node_modules -cf - . | tar -C "$B/harness" --no-same-permissions -xf -
chmod -R u+w "$B/harness"
if ! cmp -s "$B/harness/package-lock.json" "$B/harness/node_modules/.peer-bench-lock" 2>/dev/null; then
  (cd "$B/harness" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$B/harness/package-lock.json" "$B/harness/node_modules/.peer-bench-lock"
fi

# 2. The release build, in its own dist so that a parallel `make test` cannot change it mid-run.
if [ "$BUILD" = 1 ] || [ ! -f "$B/dist/index.html" ]; then
  # shellcheck source=/dev/null
  source tools/env.sh
  trunk build --release --dist "$B/dist"
fi
# The survey as a bank of ours (a committed fixture): fail early if it is out of date.
node tools/bench/survey-to-bank.mjs "$B/harness/site/surveyjs/survey.json" "$B/peer-survey.json" 2>/dev/null
cmp -s "$B/peer-survey.json" tests/e2e/fixtures/peer-survey.json || {
  echo "run.sh: tests/e2e/fixtures/peer-survey.json is out of date; regenerate it with" >&2
  echo "  node tools/bench/survey-to-bank.mjs $SRC/site/surveyjs/survey.json" >&2; exit 1; }

# 3. Serve dist/ (and /fixtures/) on a free port.
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node tests/e2e/serve.mjs "$B/dist" "$PORT" >/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  node -e "fetch('http://127.0.0.1:$PORT/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" && break
  sleep 0.2
done
export BENCH_APP_URL="http://127.0.0.1:$PORT/"

# 4. One run: the three targets per throttle, in two rounds (SurveyJS, floor, app, then the
# reverse order), merged by side-by-side.mjs: this machine's speed drifts over minutes, and a
# target measured only at the start or only at the end of a pass would be favoured or not.
CONFIGS=("$B/harness/configs/surveyjs.mjs" "$B/harness/configs/baseline.mjs" "$ROOT/tools/bench/leptos-app.mjs")
REVERSED=("${CONFIGS[2]}" "${CONFIGS[1]}" "${CONFIGS[0]}")
if [ "$QUICK" = 1 ]; then
  ROUNDS=("--runs 3 --pw-runs 0")
else
  ROUNDS=("--runs 5 --pw-runs 2" "--runs 5 --pw-runs 1"
          "--cpu-throttle 4 --runs 3 --pw-runs 0" "--cpu-throttle 4 --runs 3 --pw-runs 0")
fi
JSONS=()
for i in "${!ROUNDS[@]}"; do
  pass=${ROUNDS[$i]}
  if [ $((i % 2)) = 0 ]; then order=("${CONFIGS[@]}"); else order=("${REVERSED[@]}"); fi
  for cfg in "${order[@]}"; do
    # shellcheck disable=SC2086
    # One retry: the harness sometimes times out on a SurveyJS button on a busy machine.
    out=$(node "$B/harness/bench.mjs" --config "$cfg" --out "$B/results" $pass) || {
      echo "run.sh: $(basename "$cfg") failed ($pass); running it again" >&2
      out=$(node "$B/harness/bench.mjs" --config "$cfg" --out "$B/results" $pass)
    }
    echo "$out"; echo
    JSONS+=("$(echo "$out" | sed -n 's/^raw JSON: //p')")
  done
done

echo "==================== side by side ===================="
node tools/bench/side-by-side.mjs "${JSONS[@]}"
