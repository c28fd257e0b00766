// Size report of the release bundle in dist/: every wasm, JS, CSS and HTML file, raw, gzip -9
// and brotli -q 11 (Node's zlib, same algorithms as the CLIs), and the default question bank's
// language packs (banks/default.en.jsonl, banks/default.zh.jsonl: a first visit downloads the
// one of its language, unless a standalone provider bank replaces it; the guidance packs come
// when first needed, src/core/bank/pack.rs). The first load counts the larger pack. Fails above
// either budget in tools/size-budget.json: the app's code (what every load transfers) and the
// first load with the default bank. Provider banks are optional downloads (not listed); the
// demo page and embed.js belong to host pages, so they are listed but not counted.
// Then the single file (`make single`: dist-single/soc-readiness.html, everything inside,
// the wasm as base64), next to the hosted first load, against its own budget.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const budgets = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url)));
// Per language: the default bank's pack and the UI's words (text/ui.*.json, src/ui_text.rs),
// both downloaded before the first question can be clicked.
const FIRST = { en: ['banks/default.en.jsonl', 'text/ui.en.json'], zh: ['banks/default.zh.jsonl', 'text/ui.zh.json'] };
const PACKS = [...FIRST.en, ...FIRST.zh];
const LATER = ['banks/default.en.guide.jsonl', 'banks/default.zh.guide.jsonl', 'banks/default.jsonl'];
const kinds = new Set(['.wasm', '.js', '.css', '.html']);

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
// The app's own first load; the demo host page and the host-side loader are not part of it.
const notApp = (rel) => rel.startsWith('demo/') || rel === 'embed.js';
const files = walk(dist).filter((f) => kinds.has(extname(f))).sort();
const all = files.map((f) => ({ file: f.slice(dist.length + 1), ...sizes(readFileSync(f)) }));
const rows = all.filter((r) => !notApp(r.file));
let packs;
try {
  packs = [...PACKS, ...LATER].map((file) => ({ file, ...sizes(readFileSync(join(dist, file))) }));
} catch (e) {
  console.error(`size report: ${e.path} is missing (Trunk's post_build hook writes it)`);
  process.exit(1);
}
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const perLang = Object.entries(FIRST).map(([lang, names]) => ({ lang, ...sum(packs.filter((p) => names.includes(p.file))) }));
const bank = perLang.reduce((a, b) => (b.brotli > a.brotli ? b : a));
const extra = all.filter((r) => notApp(r.file));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('\nSize report (dist/, bytes as KiB)');
console.log(`${'file'.padEnd(44)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
console.log(`${'app code (every load)'.padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
for (const p of packs.slice(0, PACKS.length)) console.log(`${('+ ' + p.file).padEnd(44)}${kb(p.raw)}${kb(p.gzip)}${kb(p.brotli)}`);
const first = { raw: total.raw + bank.raw, gzip: total.gzip + bank.gzip, brotli: total.brotli + bank.brotli };
console.log(`${('first load with the default bank (' + bank.lang + ')').padEnd(44)}${kb(first.raw)}${kb(first.gzip)}${kb(first.brotli)}`);
for (const p of packs.slice(PACKS.length)) console.log(`${('(when needed) ' + p.file).padEnd(44)}${kb(p.raw)}${kb(p.gzip)}${kb(p.brotli)}`);
for (const r of extra) console.log(`${('(not counted) ' + r.file).padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const SINGLE = process.argv[3] || 'dist-single/soc-readiness.html';
const checks = [
  ['app code', total.brotli, budgets.app_brotli_max],
  ['first load with the default bank', first.brotli, budgets.default_first_load_brotli_max],
];
if (existsSync(SINGLE)) {
  const single = sizes(readFileSync(SINGLE));
  console.log(`${'single file (make single)'.padEnd(44)}${kb(single.raw)}${kb(single.gzip)}${kb(single.brotli)}`);
  console.log(`single file: ${single.raw} B raw, ${single.brotli} B brotli; hosted first load with the default bank: ${first.raw} B raw, ${first.brotli} B brotli`);
  checks.push(['single file', single.brotli, budgets.single_file_brotli_max]);
} else {
  console.log(`single file: ${SINGLE} not built (make single), not checked`);
}
let ok = true;
for (const [what, value, max] of checks) {
  const within = value <= max;
  ok &&= within;
  console.log(`size budget, ${what}: brotli ${value} B of ${max} B (${((100 * value) / max).toFixed(0)}%): ${within ? 'within budget' : 'OVER BUDGET'}`);
}
process.exit(ok ? 0 : 1);
