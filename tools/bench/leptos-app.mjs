// Peer-benchmark target config for our app (Leptos CSR build served from dist/), the same shape
// as the harness's configs/surveyjs.mjs. The app must already be served; tools/bench/run.sh
// serves the release build with tests/e2e/serve.mjs and sets BENCH_APP_URL, e.g.
//   BENCH_APP_URL=http://127.0.0.1:8081/ node bench.mjs --config /path/to/tools/bench/leptos-app.mjs
// BENCH_APP_URL is the app's base URL; without a query the benchmark's start query is appended
// (English, the peer survey as a provider bank from tests/e2e/fixtures, scope step).
const START = '?lang=en&bank=fixtures/peer-survey.json&step=scope';
const base = process.env.BENCH_APP_URL;
if (!base) throw new Error('leptos-app.mjs: set BENCH_APP_URL to the served app, e.g. http://127.0.0.1:8081/');

export default {
  name: 'SOC readiness (Leptos CSR, wasm)',
  url: base.includes('?') ? base : base.replace(/\/?$/, '/') + START,

  // First question visible and clickable: the first answer option of the first scope question.
  readySelector: '[data-q] label[data-option]',

  answer: {
    // Every question group (scope questions and items) carries data-q="<id>".
    groupSelector: '[data-q]',
    groupKey: 'data-q',
    // Options in scale order: scope choices in bank order; items: levels 0-4 only
    // ("don't know" / N/A have no data-option).
    optionSelector: 'label[data-option]',
    checkedSelector: 'input:checked',
    // Present only while the next step has questions: the last section ends the loop.
    nextSelector: '#step-next[data-next=questions]',
    finishSelector: '.step-list a[href*="step=results"]',
    // Same answers as the SurveyJS config: scope keys keep their names; items are picked by
    // position (the bank keeps the survey's order), so both apps get the same 141 clicks.
    fixed: { scope_cloud: 0, scope_dev: 0, scope_ot: 1 },
    pick: (key, i, n) => (i * 3 + 1) % n,
  },

  resultsSelector: '.verdict-score',
  scoreSelector: '.live-score',

  pdf: [
    { name: 'results', at: 'results' },
    { name: 'all-answers', at: 'beforeFinish',
      click: '.step-list a[href*="step=report"]', waitFor: '.appendix' },
  ],
  // The app is wasm: the harness already hooks WebAssembly.Memory and reports its bytes.
  extraMemoryExpr: null,
};
