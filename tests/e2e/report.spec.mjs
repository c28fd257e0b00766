// The printed readiness report: Chromium prints it to PDF at A4 and Letter; the PDF text
// holds the verdict, every section heading and every gap; the page count stays bounded.
// Also the blank questionnaire, the CSV exports and accessibility of the results.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { STORAGE_KEY, axeViolations, openAllDetails, parseCsv } from './helpers.mjs';

const OUT = 'test-results/report';
mkdirSync(OUT, { recursive: true });

const SCOPE = {
  provider: ['tencent'], reliance: ['soc1', 'soc2'], own_audit: ['type2'], audit_when: ['within_6m'],
  categories: ['availability', 'privacy'], services: ['vm', 'object_storage', 'kms'], personal_data: ['yes'],
};

/** Answers every question in the scope (levels cycle 0–4, or `level(id)`, a few notes), via storage. */
async function seed(page, lang = 'en', scope = SCOPE, level = null) {
  await page.goto(`./?lang=${lang}`);
  await page.evaluate(([key, scope]) => {
    localStorage.setItem(key, JSON.stringify({ schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id: 'default', scope, answers: {} }));
  }, [STORAGE_KEY, scope]);
  await page.goto(`./?lang=${lang}&step=review`);
  await expect(page.locator('.review-list .item-id').first()).toBeVisible();
  const ids = await page.locator('.review-list .item-id').allTextContents();
  expect(ids.length).toBeGreaterThan(scope === SCOPE ? 100 : 40);
  const levels = Object.fromEntries(ids.map((id, i) => [id, level ? level(id) : (i * 3 + 1) % 5]));
  await page.evaluate(([key, ids, levels]) => {
    const a = JSON.parse(localStorage.getItem(key));
    ids.forEach((id, i) => {
      a.answers[id] = { response: { level: levels[id] } };
      if (i % 7 === 0) a.answers[id].note = `Evidence in the GRC tool, folder ${id}; 责任人：平台组`;
      if (i % 5 === 0) { a.answers[id].owner = 'Platform team'; a.answers[id].frequency = 'Quarterly'; }
    });
    a.organisation = 'Example Trading Ltd';
    a.assessor = 'A. Auditor';
    a.name = 'FY2026 readiness';
    localStorage.setItem(key, JSON.stringify(a));
  }, [STORAGE_KEY, ids, levels]);
  return ids;
}

function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfPages(file) {
  return Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
}

for (const format of ['A4', 'Letter']) {
  test(`the report prints to PDF on ${format} with verdict, every section and every gap`, async ({ page }) => {
    test.setTimeout(60_000);
    const ids = await seed(page);
    await page.goto('./?lang=en&step=report');
    await expect(page.getByRole('heading', { level: 1, name: 'SOC readiness report' })).toBeVisible();
    await expect(page.locator('.gap-table tbody .item-id').first()).toBeVisible();
    const verdicts = await page.locator('.report-section .verdict-band').allTextContents();
    expect(verdicts.length).toBe(3); // SOC 1 and SOC 2 reliance, own SOC 2
    const gaps = await page.locator('.gap-table tbody .item-id').allTextContents();
    expect(gaps.length).toBeGreaterThan(20);
    await page.emulateMedia({ media: 'print' });
    const file = `${OUT}/report-${format}.pdf`;
    await page.pdf({ path: file, format, printBackground: true });
    const text = pdfText(file);
    for (const v of verdicts) expect(text).toContain(v);
    for (const heading of ['SOC readiness report', 'Executive summary', 'By Trust Services Criteria category', 'By CUEC domain',
      'Gap plan', 'CUEC responsibility matrix and sign-off', 'Appendix: every answer', 'About this report']) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toContain('Example Trading Ltd');
    expect(text).toContain('soc-readiness-default 1.0.0');
    expect(text).toContain('not an audit opinion');
    for (const id of gaps) expect(text, id).toContain(id);
    // Every answered item is in the appendix.
    for (const id of ids) expect(text, id).toContain(id);
    // Nothing of the screen chrome is printed.
    expect(text).not.toContain('Print / Save as PDF');
    expect(text).not.toContain('Your next five steps →');
    // Page numbers from the @page margin box.
    const pages = pdfPages(file);
    expect(text).toContain(`1 / ${pages}`);
    // Bound, for this worst realistic case (140 items in scope, about 110 gaps): cover and
    // summary (2), charts (1), the 20 detailed gaps (about 5), the other gaps (3), the
    // matrix (7) and the appendix (about 25 rows a page: 6) came to 31 (A4) and 32 (Letter)
    // pages; more than 36 means a layout regression (e.g. rows no longer fit).
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(36);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, `${OUT}/report-${format}-page`]);
  });
}

test('the blank questionnaire prints every question of every branch', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('./?lang=en&step=blank');
  await expect(page.locator('.blank-q .item-id').first()).toBeVisible();
  const ids = await page.locator('.blank-q .item-id').allTextContents();
  expect(ids.length).toBeGreaterThanOrEqual(143);
  await page.emulateMedia({ media: 'print' });
  const file = `${OUT}/blank-A4.pdf`;
  await page.pdf({ path: file, format: 'A4' });
  const text = pdfText(file);
  for (const id of ids) expect(text, id).toContain(id);
  // Scope questions of every branch, including those shown only for an own audit.
  expect(text).toContain('When does your examination date or observation period start?');
  expect(text).toContain('Which Trust Services Criteria categories besides Security will your report cover?');
});


test('the answers CSV opens in Excel with Chinese text and parses back to the same answers', async ({ page }) => {
  await seed(page, 'zh');
  await page.goto('./?lang=zh&step=results');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '答案（Excel 用 CSV）' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('\r\n');
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header.slice(0, 4)).toEqual(['item_id', 'domain', 'title', 'kind']);
  const col = (k) => header.indexOf(k);
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).answers, STORAGE_KEY);
  const fromCsv = {};
  for (const r of rows) {
    if (!r[col('response')]) continue;
    const v = r[col('response')];
    const entry = { response: { level: Number(v) } };
    if (r[col('note')]) entry.note = r[col('note')];
    if (r[col('owner')]) entry.owner = r[col('owner')];
    if (r[col('frequency')]) entry.frequency = r[col('frequency')];
    fromCsv[r[col('item_id')]] = entry;
  }
  expect(fromCsv).toEqual(stored);
  // Titles are in the chosen language.
  expect(rows.find((r) => r[0] === 'IAM-01')[col('title')]).toBe('云上访问权限先审批、后开通');
  writeFileSync(`${OUT}/answers-zh.csv`, text);
});

test('the gap plan CSV lists the gaps in rank order', async ({ page }) => {
  await seed(page);
  await page.goto('./?lang=en&step=report');
  await expect(page.locator('.gap-table tbody .item-id').first()).toBeVisible();
  const gaps = await page.locator('.gap-table tbody .item-id').allTextContents();
  expect(gaps.length).toBeGreaterThan(20);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gap plan (CSV for Excel)' }).click()]);
  const [header, ...rows] = parseCsv(readFileSync(await download.path(), 'utf8').slice(1));
  expect(header[0]).toBe('rank');
  expect(rows.map((r) => r[header.indexOf('item_id')])).toEqual(gaps);
});

test('axe-core finds no violation on the results page and the report', async ({ page }) => {
  test.setTimeout(120_000);
  await seed(page);
  for (const step of ['results', 'report']) {
    await page.goto(`./?lang=en&step=${step}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await openAllDetails(page);
    expect(await axeViolations(page), step).toEqual([]);
  }
});

test('why this score lists the items behind each result\'s score', async ({ page }) => {
  await seed(page);
  await page.goto('./?lang=en&step=results');
  await page.locator('details.result-details > summary').click();
  for (const card of [page.locator('.reliance-card').nth(1), page.locator('.own-card')]) {
    await card.locator('.why-score summary').click();
    const table = card.locator('.why-score table');
    await expect(table).toBeVisible();
    const headline = await card.locator('.verdict-score').textContent();
    const formula = await card.locator('.why-score p').textContent();
    // "Points earned / possible: P / M = S" agrees with the card's score.
    const s = formula.match(/= (\d+)/)[1];
    expect(headline).toContain(`Score: ${s} / 100`);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(30);
  }
});

test('each result lists the gaps of its own items', async ({ page }) => {
  await seed(page);
  await page.goto('./?lang=en&step=results');
  await page.locator('details.result-details > summary').click();
  const cards = page.locator('.result-card');
  await expect(cards).toHaveCount(3);
  const gapsOf = async (card) => {
    await card.locator('.result-gaps summary').click();
    await expect(card.locator('.result-gaps .item-id').first()).toBeVisible();
    return card.locator('.result-gaps .item-id').allTextContents();
  };
  const soc1 = await gapsOf(page.locator('.reliance-card[data-report="soc1"]'));
  const soc2 = await gapsOf(page.locator('.reliance-card[data-report="soc2"]'));
  const own = await gapsOf(page.locator('.own-card'));
  const readiness = (ids) => ids.filter((id) => /^(GOV|RSK|ACC|OPS|AVL|CNF|PIN|PRI|AUD)-/.test(id));
  // Readiness questions concern the customer's own SOC 2, never its reliance on a report.
  expect(soc1.some((id) => id.startsWith('FIN-'))).toBe(true);
  expect(readiness(soc1)).toEqual([]);
  expect(readiness(soc2)).toEqual([]);
  // The SOC 1-only items (own controls over financial reporting) are in no SOC 2 result.
  for (const id of ['FIN-01', 'FIN-02', 'FIN-04']) expect(soc2.concat(own)).not.toContain(id);
  expect(own.some((id) => id.startsWith('GOV-'))).toBe(true);
  // A CUEC that is also an own control is a gap in both, answered once.
  expect(soc2.filter((id) => own.includes(id)).length).toBeGreaterThan(0);
});

// The two customers of issue 13: one that only relies on its provider's SOC 2 (no own
// audit), one preparing its own Type I with everything in place. The printed report says
// what each one's answers support, and nothing more.
test('the printed report gives the no-own-audit customer no examination line, and a Type I customer its verdict', async ({ page }) => {
  test.setTimeout(90_000);
  const base = { provider: ['aws'], reliance: ['soc2'], services: ['vm', 'object_storage'], personal_data: ['no'] };
  const cases = [
    { name: 'reliance only', scope: { ...base, own_audit: ['none'] }, level: () => 3 },
    { name: 'Type I', scope: { ...base, own_audit: ['type1'] }, level: () => 3 },
  ];
  const texts = [];
  for (const c of cases) {
    await seed(page, 'en', c.scope, c.level);
    await page.goto('./?lang=en&step=report');
    await expect(page.locator('.report-section .verdict-band').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const file = `${OUT}/report-${c.name.replace(/ /g, '-')}.pdf`;
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    texts.push(pdfText(file));
  }
  const [relianceOnly, type1] = texts;
  // Both: the reliance result for the provider's SOC 2, in place (every answer at 3).
  for (const text of texts) {
    expect(text).toContain("Your side of the provider's controls");
    expect(text).toMatch(/SOC 2 \(you rely on it\)\s+In place/);
  }
  // No examination verdict at all for the customer with no own audit (the scope table may
  // still quote the question it answered "No" to).
  // (The glossary in the appendix defines the terms, including the observation period.)
  const beforeAppendix = relianceOnly.split('Appendix: audit-preparation guide')[0];
  expect(beforeAppendix).not.toMatch(/Ready for a Type I|Ready to start the Type II|Type I ready|Type II ready|observation period/);
  expect(relianceOnly).toContain('Appendix: audit-preparation guide');
  expect(relianceOnly).not.toContain('Your own SOC 2 readiness');
  expect(type1).toMatch(/Ready for a Type I examination/);
  // The Type I customer: its own result, Type I ready, not yet ready for the observation
  // period (nothing is at 4).
  expect(type1).toContain('Your own SOC 2 readiness');
  expect(type1).toMatch(/Ready for a Type I examination\s+Yes/);
  expect(type1).toMatch(/Ready to start the Type II observation period\s+No/);
});
