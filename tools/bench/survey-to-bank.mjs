#!/usr/bin/env node
// Converts the peer benchmark's SurveyJS survey (150 maturity questions, 12 sections, 3 scope
// toggles) into a standalone question bank of ours, in the JSON form the browser loads.
//   node tools/bench/survey-to-bank.mjs SURVEY.json [OUT.json]
// Default OUT: tests/e2e/fixtures/peer-survey.json (a committed fixture; regenerate with
//   node tools/bench/survey-to-bank.mjs ../shared/bench/peer/site/surveyjs/survey.json
// and validate with
//   cargo run --no-default-features --features toml --bin bank-check -- tests/e2e/fixtures/peer-survey.json).
//
// Mapping (see tools/bench/README.md):
// * scope page questions keep their names (scope_cloud, scope_dev, scope_ot), options yes, no;
// * each section page becomes a domain s01..s12; a page-level visibleIf `{scope_x} = 'yes'`
//   becomes the domain's show_if `scope_x:yes`;
// * each maturity question becomes a readiness item S<section>-<nn> in survey order (the
//   harness picks options by position, so the order is what keeps both apps' 141 clicks equal);
//   SurveyJS values 1..5 are our levels 0..4 (the app shows its own level labels);
// * criticality cycles high/medium/low; the 61 criteria are assigned round robin over the items
//   of the unconditional sections, so every criterion is cited by an always-shown item;
// * texts are the survey's English; Chinese is the English prefixed with 【基准测试】 (the
//   survey has no Chinese, and our banks require both languages).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [surveyPath, outArg] = process.argv.slice(2);
if (!surveyPath) {
  console.error('usage: node tools/bench/survey-to-bank.mjs SURVEY.json [OUT.json]');
  process.exit(2);
}
const out = resolve(outArg ?? `${ROOT}/tests/e2e/fixtures/peer-survey.json`);
const survey = JSON.parse(readFileSync(surveyPath, 'utf8'));

const ZH = '【基准测试】';
const text = (en) => ({ en, zh: ZH + en });
const yesNo = (c) => (c.value === 'yes' ? { en: c.text, zh: '是' } : c.value === 'no' ? { en: c.text, zh: '否' } : text(c.text ?? String(c.value)));
const list = (en) => ({ en, zh: en.map((s) => ZH + s) });
const fail = (msg) => { console.error(`survey-to-bank: ${msg}`); process.exit(1); };

// ---- criteria IDs (content/criteria.toml, in catalogue order) ----
const criteriaToml = readFileSync(`${ROOT}/content/criteria.toml`, 'utf8');
const criteria = [...criteriaToml.matchAll(/^\[\[criterion\]\]\s*\nid\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
if (criteria.length !== 61) fail(`expected 61 criteria in content/criteria.toml, found ${criteria.length}`);

// ---- [scoring] copied from content/bank/00-bank.toml (a tiny reader for that one table) ----
function readScoring(src) {
  const scoring = { band: [] };
  let cur = null; // null: outside [scoring]; scoring or a band object inside
  const setDotted = (obj, key, value) => {
    const parts = key.split('.');
    let o = obj;
    for (const p of parts.slice(0, -1)) o = o[p] ??= {};
    o[parts[parts.length - 1]] = value;
  };
  const value = (v) => {
    v = v.trim();
    if (v.startsWith('{')) { // inline table of integers: { critical = 8, high = 4 }
      return Object.fromEntries(v.slice(1, -1).split(',').map((kv) => kv.split('=').map((s) => s.trim())).map(([k, n]) => [k, Number(n)]));
    }
    if (v.startsWith('"') || v.startsWith('[')) return JSON.parse(v);
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    fail(`00-bank.toml: unsupported value ${v}`);
  };
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (line === '[scoring]') cur = scoring;
      else if (line === '[[scoring.band]]') scoring.band.push((cur = {}));
      else cur = null;
      continue;
    }
    if (!cur) continue;
    const m = line.match(/^([A-Za-z0-9_.]+)\s*=\s*(.+)$/);
    if (!m) fail(`00-bank.toml: cannot read line in [scoring]: ${line}`);
    setDotted(cur, m[1], value(m[2].replace(/\s+#[^"]*$/, '')));
  }
  if (!scoring.weights || !scoring.band.length) fail('00-bank.toml: no [scoring] weights or bands found');
  // Items the observation period requires are the default bank's (AUD-07): not the survey's.
  delete scoring.observation_requires;
  return scoring;
}
const scoring = readScoring(readFileSync(`${ROOT}/content/bank/00-bank.toml`, 'utf8'));

// ---- survey pages ----
const pages = survey.pages ?? fail('no pages in the survey');
const scopePage = pages.find((p) => p.elements.every((e) => e.choices?.every((c) => typeof c.value === 'string')));
if (!scopePage) fail('no scope page (yes/no questions) found');
const scope = scopePage.elements.map((e, n) => {
  if (!/^[a-z0-9_]+$/.test(e.name)) fail(`scope question name ${e.name} is not [a-z0-9_]+`);
  const q = { id: e.name, multiple: false, text: text(e.title) };
  if (n === 0 && scopePage.description) q.help = text(scopePage.description);
  q.option = e.choices.map((c) => ({ id: String(c.value), label: yesNo(c) }));
  return q;
});
const scopeIds = new Set(scope.map((s) => s.id));

// `{scope_cloud} = 'yes'` -> `scope_cloud:yes`
function condition(visibleIf) {
  if (!visibleIf) return undefined;
  const m = visibleIf.match(/^\{([a-z0-9_]+)\}\s*=\s*'([a-z0-9_]+)'$/);
  if (!m || !scopeIds.has(m[1])) fail(`unsupported visibleIf: ${visibleIf}`);
  return `${m[1]}:${m[2]}`;
}

const sections = pages.filter((p) => p !== scopePage);
const domains = [];
const items = [];
const CRIT = ['high', 'medium', 'low'];
let crit = 0; let round = 0;
sections.forEach((page, si) => {
  const id = page.name;
  if (!/^[a-z0-9_]+$/.test(id)) fail(`section name ${id} is not [a-z0-9_]+`);
  const title = page.title.replace(/^\d+\.\s*/, '');
  const show_if = condition(page.visibleIf);
  domains.push({
    id,
    title: text(title),
    intro: text(`Section ${si + 1} of the peer benchmark survey: rate each ${title.toLowerCase()} practice from initial to optimising.`),
    ...(show_if ? { show_if } : {}),
  });
  const prefix = `S${String(si + 1).padStart(2, '0')}`;
  page.elements.forEach((q, qi) => {
    if (q.type !== 'radiogroup' || q.choices?.length !== 5) fail(`${q.name}: expected a 5-level radiogroup`);
    const values = q.choices.map((c) => c.value);
    if (values.join() !== '1,2,3,4,5') fail(`${q.name}: expected values 1..5, got ${values.join()}`);
    // "How mature is your ability to define X practice #1?" -> title "Define X practice #1"
    const m = q.title.match(/^How mature is your ability to (.+)\?$/);
    let short = m ? m[1][0].toUpperCase() + m[1].slice(1) : q.title;
    if (short.length > 80) short = short.slice(0, 79) + '…';
    const item = {
      id: `${prefix}-${String(qi + 1).padStart(2, '0')}`,
      domain: id,
      // A CUEC: it counts in the reliance result on the provider's SOC 2, which every bank
      // has. (A readiness item counts only in an own SOC 2 result, which needs the scope
      // question own_audit, and the survey has none: since issue 13 its answers were no
      // longer scored at all, and the benchmark's results step did less than SurveyJS's.)
      kind: 'cuec',
      criticality: CRIT[crit++ % 3],
      reports: ['soc2'],
      criteria: [],
      title: text(short),
      statement: text(q.title),
      why: text(`Benchmark question ${q.name} (${title}): a practice that is not in place weakens the controls that depend on it.`),
      how: list([`Describe how the practice works today and who owns it.`, `Close the gap to the next maturity level and record the change.`]),
      evidence: text(`A dated document or record showing the practice in operation.`),
    };
    // Criteria: round robin over the unconditional sections' items.
    if (!show_if) item.criteria.push(criteria[round++ % criteria.length]);
    else item.criteria.push(criteria[(si * 13 + qi) % criteria.length]);
    items.push(item);
  });
});
if (round < criteria.length) fail(`only ${round} unconditional items: cannot cover ${criteria.length} criteria`);

const bank = {
  bank: {
    schema_version: 1,
    id: 'peer-survey',
    version: '1.0.0',
    date: '2026-11-28',
    title: text(survey.title ?? 'Peer benchmark survey'),
  },
  scoring,
  scope,
  domain: domains,
  item: items,
};
writeFileSync(out, JSON.stringify(bank) + '\n');
console.error(`survey-to-bank: ${scope.length} scope questions, ${domains.length} domains, ${items.length} items -> ${out}`);
