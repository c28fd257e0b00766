// A/B of two builds on the peer survey, without the profiler: alternates A and B for N fresh
// page loads each (so a drift in the machine's speed hits both alike) and prints the medians
// of the benchmark's answering loop (total, clicks, section changes) and of the page load to
// the first clickable question. Compare builds this way before `make bench`: one change is
// usually smaller than the noise of a single run.
//
//   node tools/bench/ab.mjs URL_A URL_B [N=10] [--cpu-throttle K] [--load-only]
//
// --load-only: the page load alone, on any page with a question (e.g. the default bank's
// `?lang=en&step=section&domain=iam`), with the bytes each load transferred.
//
// URL_A / URL_B: each build serving the survey, e.g.
//   http://127.0.0.1:8091/?lang=en&bank=fixtures/peer-survey.json&step=scope
import { chromium } from 'playwright-core';
import { answerAll } from './answer-loop.mjs';

const args = process.argv.slice(2);
let throttle = 1;
const t = args.indexOf('--cpu-throttle');
if (t >= 0) { throttle = Number(args[t + 1]); args.splice(t, 2); }
const loadOnly = args.includes('--load-only');
if (loadOnly) args.splice(args.indexOf('--load-only'), 1);
const [urlA, urlB, n = '10'] = args;
if (!urlA || !urlB) {
  console.error('usage: node tools/bench/ab.mjs URL_A URL_B [N] [--cpu-throttle K]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const results = { A: [], B: [] };
async function once(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  let bytes = 0;
  page.on('requestfinished', async (r) => { try { bytes += (await r.sizes()).responseBodySize; } catch { /* gone */ } });
  const t0 = Date.now();
  await page.goto(url);
  await page.locator('[data-q] label[data-option]').first().waitFor();
  const ready = Date.now() - t0;
  if (loadOnly) {
    await context.close();
    return { ready, bytes };
  }
  const run = await answerAll(page);
  await context.close();
  return { ready, ...run };
}
for (let i = 0; i < Number(n); i++) {
  for (const [name, url] of i % 2 ? [['B', urlB], ['A', urlA]] : [['A', urlA], ['B', urlB]]) results[name].push(await once(url));
}
await browser.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const row = (label, key) => {
  const a = median(results.A.map((r) => r[key])), b = median(results.B.map((r) => r[key]));
  console.log(`${label.padEnd(30)} ${a.toFixed(0).padStart(8)} ${b.toFixed(0).padStart(8)} ${(b / a).toFixed(3).padStart(8)}`);
};
console.log(`medians of ${n} loads each, CPU throttle ${throttle}x`);
console.log(`${''.padEnd(30)} ${'A ms'.padStart(8)} ${'B ms'.padStart(8)} ${'B/A'.padStart(8)}`);
row('load to first clickable', 'ready');
if (loadOnly) {
  const a = median(results.A.map((r) => r.bytes)), b = median(results.B.map((r) => r.bytes));
  console.log(`${'bytes before first clickable'.padEnd(30)} ${String(a).padStart(8)} ${String(b).padStart(8)} ${(b / a).toFixed(3).padStart(8)}  (uncompressed: the test server sends no compression)`);
  process.exit(0);
}
row('answer all 141', 'ms');
row('  of which clicks', 'clickMs');
row('  of which section changes', 'viewMs');
