// Progress over time and the auditor's request list: a comparison of planted assessments
// shows differences computed here independently from the bank's own data, a trend of three
// assessments has one point each, and the request list (screen and CSV) has one row per
// control in scope with the sample size of its frequency.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeViolations, openAllDetails, seedAnswers } from './helpers.mjs';

const SCOPE = { provider: ['aws'], reliance: ['soc2'], own_audit: ['none'], services: ['vm'], personal_data: ['no'] };
const PREFIX = 'soc-readiness.v1.';
const WEIGHT = { critical: 8, high: 4, medium: 2, low: 1 };

/** The default bank's items, from the file the app downloads. */
function bankItems() {
  const lines = readFileSync('dist/banks/default.jsonl', 'utf8').split('\n').filter((l) => l.startsWith('{'));
  return lines.flatMap((l) => JSON.parse(l).item || []);
}

/** 100 × Σ weight × level / Σ weight × 4 over the given items, as SCORING.md §2 says. */
function score(items, levels) {
  let points = 0; let max = 0;
  for (const i of items) {
    if (levels[i.id] === undefined) continue;
    points += WEIGHT[i.criticality] * levels[i.id];
    max += WEIGHT[i.criticality] * 4;
  }
  return (100 * points) / max;
}

/** Plants three dated assessments (Q1 all at 2, Q2 with IAM at 4, Q3 all at 4). */
async function plant(page) {
  const ids = await seedAnswers(page, SCOPE, () => 2);
  const levels = {
    Q1: Object.fromEntries(ids.map((id) => [id, 2])),
    Q2: Object.fromEntries(ids.map((id) => [id, id.startsWith('IAM-') ? 4 : 2])),
    Q3: Object.fromEntries(ids.map((id) => [id, 4])),
  };
  await page.evaluate(([prefix, scope, levels]) => {
    localStorage.removeItem(`${prefix}assessment.default`);
    const dates = { Q1: '2026-03-31', Q2: '2026-06-30', Q3: '2026-09-30' };
    for (const [name, lv] of Object.entries(levels)) {
      const answers = Object.fromEntries(Object.entries(lv).map(([id, l]) => [id, { response: { level: l } }]));
      localStorage.setItem(`${prefix}assessment.${name.toLowerCase()}`, JSON.stringify({
        schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id: name.toLowerCase(), name,
        scope, answers, created: `${dates[name]}T09:00:00Z`, updated: `${dates[name]}T17:00:00Z`,
      }));
    }
    localStorage.setItem(`${prefix}current`, 'q3');
  }, [PREFIX, SCOPE, levels]);
  return { ids, levels };
}

test('two planted assessments compare with the exact differences', async ({ page }) => {
  const { ids, levels } = await plant(page);
  await page.goto('./?lang=en&step=compare');
  await page.getByRole('combobox', { name: 'Before' }).selectOption({ label: 'Q1 (2026-03-31)' });
  await page.getByRole('combobox', { name: 'After' }).selectOption({ label: 'Q2 (2026-06-30)' });
  const table = page.locator('.compare-table');
  await expect(table).toBeVisible();
  const row = (name) => table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).locator('td');

  // SOC 2 reliance: every asked item but readiness ones that apply to SOC 2.
  const asked = new Set(ids);
  const reliance = bankItems().filter((i) => asked.has(i.id) && i.kind !== 'readiness' && i.reports.includes('soc2'));
  const before = score(reliance, levels.Q1);
  const after = score(reliance, levels.Q2);
  expect(before).toBe(50);
  await expect(row('SOC 2 reliance')).toHaveText([String(Math.round(before)), String(Math.round(after)), `+${Math.round(after - before)}`]);
  // The identity domain goes from 2 to 4 on every item: 50 to 100.
  await expect(row('Identity and access')).toHaveText(['50', '100', '+50']);
  // Every IAM item improved, nothing else moved.
  const improved = await page.locator('.moves-improved .item-id').allTextContents();
  expect(improved.sort()).toEqual(ids.filter((id) => id.startsWith('IAM-')).sort());
  await expect(page.locator('.moves-regressed li')).toHaveCount(0);

  // The CSV says the same.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Comparison (CSV for Excel)' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('domain,iam,50.0,100.0,50.0');
  expect(csv.split('\r\n').filter((l) => l.startsWith('improved,')).length).toBe(improved.length);
});

test('a trend of three assessments has one point per assessment', async ({ page }) => {
  await plant(page);
  await page.goto('./?lang=en&step=compare');
  const chart = page.locator('.trend-chart svg');
  await expect(chart).toBeVisible();
  const line = page.locator('.trend-line').first();
  await expect(line.locator('circle.trend-point')).toHaveCount(3);
  await expect(page.locator('.trend-chart tbody tr th')).toHaveText(['Q1 2026-03-31', 'Q2 2026-06-30', 'Q3 2026-09-30']);
  // Oldest first, and the last (all at 4) is the highest.
  const ys = await line.locator('circle.trend-point').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
  expect(ys[2]).toBeLessThan(ys[0]);
});

/** The sample-size table the app ships (content/samples.toml), read here on its own. */
function sampleTable() {
  const text = readFileSync('content/samples.toml', 'utf8');
  return text.split('[[frequency]]').slice(1).map((block) => ({
    label: block.match(/label\.en = "([^"]+)"/)[1],
    min: Number(block.match(/samples_min = (\d+)/)[1]),
    max: Number(block.match(/samples_max = (\d+)/)[1]),
  }));
}

test('the request list has one row per control in scope, with the sample size of its frequency, and flags unowned CUECs', async ({ page }) => {
  const table = sampleTable();
  const freqs = table.map((f) => f.label);
  const ids = await seedAnswers(page, SCOPE, (id, i) => (i % 5), (id, i) => ({
    frequency: freqs[i % freqs.length],
    ...(i % 3 === 0 ? {} : { owner: 'Platform team' }),
  }));
  await page.goto('./?lang=en&step=requests');
  const rows = page.locator('.request-table tbody tr');
  await expect(rows).toHaveCount(ids.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Request list (CSV for Excel)' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines.length).toBe(ids.length + 1);
  const header = lines[0].split(',');
  const col = (name) => header.indexOf(name);
  for (const [n, line] of lines.slice(1).entries()) {
    // Fields without commas: id, kind, owner, frequency and sample size come first or are plain.
    const id = line.split(',')[0];
    expect(id).toBe(ids[n]);
    const f = table[n % table.length];
    const want = f.min === f.max ? String(f.min) : `${f.min}–${f.max}`;
    expect(line, id).toContain(`,${f.label},${f.label},${want},`);
  }
  expect(col('type2_sample_size')).toBeGreaterThan(0);
  // A CUEC with no owner is flagged on the page and in the file.
  const items = bankItems();
  const unownedCuec = ids.find((id, i) => i % 3 === 0 && items.find((x) => x.id === id).kind === 'cuec');
  const row = page.locator(`.request-table tr[data-item="${unownedCuec}"]`);
  await expect(row).toHaveClass(/flagged/);
  await expect(row.locator('td.flags')).toHaveText('no owner');
  expect(lines.find((l) => l.startsWith(`${unownedCuec},`))).toMatch(/no_owner$/);
  const owned = ids.find((id, i) => i % 3 !== 0);
  await expect(page.locator(`.request-table tr[data-item="${owned}"] td.flags`)).toHaveText('');
});

for (const width of [360, 1280]) {
  test(`axe-core finds no violation on the new pages at ${width} px`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 800 });
    await plant(page);
    for (const step of ['requests', 'compare', 'results']) {
      await page.goto(`./?lang=en&step=${step}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (step === 'compare') await expect(page.locator('.trend-chart svg')).toBeVisible();
      await openAllDetails(page);
      expect(await axeViolations(page), step).toEqual([]);
    }
  });
}
