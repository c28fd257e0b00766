// The single self-contained file (`make single`: dist-single/soc-readiness.html), opened
// from file:// as a user opens a copy from a share drive: with the network blocked it walks
// from welcome to results and prints; its storage is its own; export and import carry an
// assessment to the hosted app with the same results.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SINGLE = pathToFileURL(resolve('dist-single/soc-readiness.html')).href;
const OUT = 'test-results/single';
const q = (page, id) => page.locator(`article[data-item="${id}"]`);
const heading = (page) => page.locator('#step-heading');

/** Everything the page asks for, and the network refused for anything but the file. */
async function offline(context, page) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.route(/^(https?|wss?):/, (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { requests, errors };
}

async function answerIam(page) {
  await page.goto(`${SINGLE}?lang=en&step=section&domain=iam`);
  for (const [id, level] of [['IAM-01', 3], ['IAM-02', 4], ['IAM-03', 1]]) {
    await q(page, id).getByRole('radio', { name: new RegExp(`^${level} — `) }).check();
  }
}

test('from file://, with the network blocked, it walks from welcome to results and prints', async ({ page, context }) => {
  test.setTimeout(60_000);
  const seen = await offline(context, page);
  await page.goto(`${SINGLE}?lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  await page.getByRole('link', { name: 'Start the assessment' }).click();
  await expect(heading(page)).toHaveText('Scope');
  // Through every step by its "Next" link, answering the first question of each section.
  for (let i = 0; i < 40 && (await heading(page).textContent()) !== 'Results'; i++) {
    const first = page.locator('article.question').first();
    if (await first.count()) await first.getByRole('radio', { name: /^3 — / }).check();
    const before = await heading(page).textContent();
    await page.locator('#step-next').click();
    await expect(heading(page)).not.toHaveText(before);
  }
  await expect(heading(page)).toHaveText('Results');
  await expect(page.locator('.verdict-score').first()).toContainText('/ 100');
  await page.getByRole('link', { name: 'Open the printable report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SOC readiness report' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/report.pdf`, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', `${OUT}/report.pdf`, '-'], { encoding: 'utf8' });
  expect(text).toContain('SOC readiness report');
  expect(text).toContain('Executive summary');
  expect(text).not.toContain('Print / Save as PDF');
  // Nothing but the file itself was ever requested; no policy violation, no error.
  expect(seen.requests.filter((u) => !u.startsWith(SINGLE.split('?')[0]))).toEqual([]);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('an assessment exported from the single file imports into the hosted app with the same results', async ({ page, context }) => {
  await answerIam(page);
  await page.goto(`${SINGLE}?lang=en&step=results`);
  const verdicts = page.locator('.verdict-band, .verdict-score');
  await expect(verdicts.first()).toBeVisible();
  const results = await verdicts.allTextContents();
  expect(results.join(' ')).toContain('/ 100');
  await page.goto(`${SINGLE}?lang=en&step=data`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the current assessment (JSON)' }).click(),
  ]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(Object.keys(JSON.parse(exported).assessment.answers)).toEqual(['IAM-01', 'IAM-02', 'IAM-03']);
  // The hosted app, in the same browser: another origin, so none of the file's answers.
  const hosted = await context.newPage();
  await hosted.goto('./?lang=en&step=section&domain=iam');
  await expect(q(hosted, 'IAM-01').getByRole('radio', { name: /^3 — / })).not.toBeChecked();
  await hosted.goto('./?lang=en&step=data');
  await hosted.getByLabel('Choose an exported assessment file (JSON)').setInputFiles({ name: 'from-the-file.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(hosted.getByRole('region', { name: 'This file contains' })).toContainText('Answers: 3');
  await hosted.getByRole('button', { name: 'Import as a new assessment' }).click();
  await expect(hosted.getByRole('status').filter({ hasText: 'The assessment was imported.' })).toBeVisible();
  await hosted.goto('./?lang=en&step=results');
  await expect(hosted.locator('.verdict-band, .verdict-score')).toHaveText(results);
  await hosted.goto('./?lang=en&step=section&domain=iam');
  await expect(q(hosted, 'IAM-02').getByRole('radio', { name: /^4 — / })).toBeChecked();
});
