// Where the time goes while the peer survey is answered: runs the benchmark's in-page answering
// loop (click, yield a task, force layout; Next; until the last section) in Debian's Chromium
// under the V8 sampling profiler, and prints the functions with the most self time (wasm
// functions by name when the wasm keeps its name section).
//
//   node tools/bench/profile.mjs URL [N]
//   node tools/bench/profile.mjs --start URL [N]   the page load instead, up to the first question
//
// URL: the app serving the survey, e.g.
//   http://127.0.0.1:8090/?lang=en&bank=fixtures/peer-survey.json&step=scope
// For readable wasm names, serve a build whose wasm kept its names: tools/bench/profile-build.sh.
import { chromium } from 'playwright-core';
import { answerAll } from './answer-loop.mjs';

const args = process.argv.slice(2);
const startup = args[0] === '--start';
if (startup) args.shift();
// --inclusive REGEX: also list the inclusive time of every function whose name matches.
let inclusive = null;
const inc = args.indexOf('--inclusive');
if (inc >= 0) { inclusive = new RegExp(args[inc + 1]); args.splice(inc, 2); }
const url = args[0];
const top = Number(args[1] || 40);
if (!url) {
  console.error('usage: node tools/bench/profile.mjs URL [N]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (startup) await cdp.send('Profiler.start');
await page.goto(url);
await page.locator('[data-q] label[data-option]').first().waitFor();
if (!startup) await cdp.send('Profiler.start');
const run = startup ? await page.evaluate(() => ({ ready: performance.now() })) : await answerAll(page);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
const self = new Map();
const byKind = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const dt = profile.timeDeltas[i + 1] ?? 0;
  total += dt;
  const f = node.callFrame;
  const where = f.url ? f.url.replace(/^.*\//, '') : '';
  const name = `${f.functionName || '(anonymous)'}  ${where}`;
  self.set(name, (self.get(name) || 0) + dt);
  if (inclusive) {
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const fn = byId.get(id).callFrame.functionName;
      if (inclusive.test(fn) && !seen.has(fn)) { seen.add(fn); incl.set(fn, (incl.get(fn) || 0) + dt); }
    }
  }
  const kind = where.endsWith('.wasm') ? 'wasm' : where.endsWith('.js') ? 'JS glue' : f.url ? 'other script'
    : /^\((program|idle|garbage collector)\)$/.test(f.functionName) ? f.functionName : 'browser (DOM, layout, events)';
  byKind.set(kind, (byKind.get(kind) || 0) + dt);
}
console.log(startup ? `first question clickable at ${run.ready.toFixed(0)} ms`
  : `answered ${run.clicks} in ${run.ms.toFixed(0)} ms: clicks ${run.clickMs.toFixed(0)} ms, section changes ${run.viewMs.toFixed(0)} ms`);
console.log(`profile: ${(total / 1000).toFixed(0)} ms sampled; ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, us]) => `${k} ${(us / 1000).toFixed(0)} ms`).join(', ')}`);
console.log('top self time:');
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${(100 * us / total).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
}
if (inclusive) {
  console.log('inclusive time:');
  for (const [name, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${(100 * us / total).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
  }
}
