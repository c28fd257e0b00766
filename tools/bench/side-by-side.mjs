#!/usr/bin/env node
// Prints the peer benchmark's results side by side: SurveyJS, the vanilla-JS floor and our app,
// one table per CPU throttle, medians, with our app as a ratio to SurveyJS and issue 9's target.
//   node tools/bench/side-by-side.mjs FILE.json...   (bench.mjs result files; several files of one
//                                                     target and throttle, the rounds of one run,
//                                                     are merged: medians over all their loads)
//   node tools/bench/side-by-side.mjs DIR            (the newest result per target and throttle)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (!args.length) { console.error('usage: side-by-side.mjs FILE.json... | DIR'); process.exit(2); }
let files = [];
for (const a of args) {
  if (statSync(a).isDirectory()) files.push(...readdirSync(a).filter((f) => f.endsWith('.json')).map((f) => join(a, f)));
  else files.push(a);
}
const role = (name) => (/surveyjs/i.test(name) ? 'surveyjs' : /baseline|vanilla/i.test(name) ? 'baseline' : 'app');
// Per (throttle, role): the newest result (a directory), or all the given files merged.
const merge = !args.some((a) => statSync(a).isDirectory());
const pick = new Map();
for (const f of files) {
  let r; try { r = JSON.parse(readFileSync(f, 'utf8')); } catch { continue; }
  if (!r.target || !r.runs) continue;
  const key = `${r.throttle}|${role(r.target)}`;
  const had = pick.get(key);
  if (merge && had) {
    pick.set(key, { ...had, runs: [...had.runs, ...r.runs], pdf: [...(had.pdf ?? []), ...(r.pdf ?? [])],
      otherCpu: had.otherCpu && r.otherCpu ? { share: Math.max(had.otherCpu.share, r.otherCpu.share) } : had.otherCpu ?? r.otherCpu,
      file: `${had.file}\n  ${f}` });
  } else if (!had || had.date < r.date) pick.set(key, { ...r, file: f });
}

const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); if (!s.length) return NaN; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const sum = (o, k) => Object.values(o ?? {}).reduce((a, c) => a + (c[k] ?? 0), 0);
const metrics = [
  { label: 'transfer, brotli total', unit: 'KiB', target: 1 / 3, targetText: '<= 1/3',
    get: (r) => sum(r.bytes?.byCategory, 'brotli11') / 1024 },
  { label: '  of which JS+CSS+wasm', unit: 'KiB',
    get: (r) => ['js', 'css', 'wasm'].reduce((a, c) => a + (r.bytes?.byCategory?.[c]?.brotli11 ?? 0), 0) / 1024 },
  { label: 'nav -> first clickable (PW)', unit: 'ms', target: 0.5, targetText: '<= 0.5',
    get: (r) => median(r.runs.map((x) => x.pwReady)) },
  { label: 'answer all + results (in-page)', unit: 'ms', target: 0.2, targetText: '<= 0.2',
    get: (r) => median(r.runs.map((x) => x.answer.ms + x.finish.ms)) },
  { label: 'change 1 answer -> score (DOM)', unit: 'ms', target: 0.2, targetText: '<= 0.2',
    get: (r) => median(r.runs.flatMap((x) => x.recompute?.dom ?? [])) },
  { label: 'JS heap + wasm memory at results', unit: 'MiB', target: 0.5, targetText: '<= 0.5',
    get: (r) => median(r.runs.map((x) => x.memResults.jsHeapUsed + (x.memResults.wasmMemory || 0))) / 1048576 },
  { label: '  of which wasm linear memory', unit: 'MiB',
    get: (r) => median(r.runs.map((x) => x.memResults.wasmMemory || 0)) / 1048576 },
  { label: 'PDF all-answers, page.pdf() time', unit: 'ms', target: 0.5, targetText: '<= 0.5',
    get: (r) => median((r.pdf ?? []).filter((p) => p.name === 'all-answers').map((p) => p.ms)) },
  { label: 'PDF all-answers, pages', unit: '',
    get: (r) => r.pdf?.find((p) => p.name === 'all-answers')?.pages ?? NaN },
];
const fmt = (v, unit) => (Number.isFinite(v) ? `${v >= 100 || unit === '' ? v.toFixed(0) : v.toFixed(1)} ${unit}`.trim() : 'n/a');

const throttles = [...new Set([...pick.keys()].map((k) => Number(k.split('|')[0])))].sort((a, b) => a - b);
if (!throttles.length) { console.error('side-by-side: no bench.mjs result files found'); process.exit(1); }
const W = [34, 13, 13, 13, 9, 8, 6];
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(W[i]) : String(c).padStart(W[i]))).join(' ');
const out = [];
for (const t of throttles) {
  const S = pick.get(`${t}|surveyjs`), B = pick.get(`${t}|baseline`), A = pick.get(`${t}|app`);
  const runs = [S, B, A].map((r) => (r ? `${r.runs.length}` : '-')).join('/');
  out.push(`CPU throttle ${t}x  (medians; fresh loads SurveyJS/floor/app: ${runs})`);
  out.push(line(['', 'SurveyJS', 'vanilla', 'our app', 'app/SJS', 'target', '']));
  for (const m of metrics) {
    const [s, b, a] = [S, B, A].map((r) => (r ? m.get(r) : NaN));
    const ratio = a / s;
    const ok = m.target && Number.isFinite(ratio) ? (ratio <= m.target ? 'ok' : 'MISS') : '';
    out.push(line([m.label, fmt(s, m.unit), fmt(b, m.unit), fmt(a, m.unit), m.target && Number.isFinite(ratio) ? ratio.toFixed(3) : '', m.targetText ?? '', ok]));
  }
  const info = (r) => (r ? `${r.runs[0]?.answer.clicks} clicks/${r.runs[0]?.answer.views} views, result "${r.runs[0]?.finish.text}", other CPU ${r.otherCpu ? (100 * r.otherCpu.share).toFixed(0) + '%' : 'n/a'}` : 'not run');
  out.push(`  SurveyJS: ${info(S)}`);
  out.push(`  vanilla:  ${info(B)}`);
  out.push(`  our app:  ${info(A)}`);
  const errs = A ? [...new Set(A.runs.flatMap((x) => x.errors ?? []))] : [];
  if (errs.length) out.push(`  our app page errors: ${errs.join(' | ')}`);
  for (const r of [S, B, A]) if (r) out.push(`  ${r.file}`);
  out.push('');
}
console.log(out.join('\n'));
