// Provider banks that stand for real content (issue 15), loaded with ?bank= from their JSON
// (tests/e2e/fixtures/providers/, made from the TOML beside each by bank-check --json):
// each one's walkthrough, results, printed report and CSV export work; the source reference,
// the attribution, the bank's own disclaimer and the "not translated by the provider" mark
// are shown where the app promises them.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { parseCsv, watch } from './helpers.mjs';

const OUT = 'test-results/providers';
mkdirSync(OUT, { recursive: true });
const BANK = {
  security: 'fixtures/providers/security-only.json',
  cuec: 'fixtures/providers/cuec-list.json',
  privacy: 'fixtures/providers/privacy-roles.json',
};

/** Answers every question of every section, from the first section to the review, by
 *  clicking (levels cycle 1, 4, 2, 0, 3). Returns the ids answered, in order. */
async function answerEverything(page) {
  const ids = [];
  for (let section = 0; section < 20; section++) {
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    if ((await heading.textContent()) === 'Review') return ids;
    const articles = page.locator('article.question');
    const count = await articles.count();
    expect(count).toBeGreaterThan(0);
    for (let q = 0; q < count; q++) {
      const article = articles.nth(q);
      const level = (ids.length * 3 + 1) % 5;
      await article.getByRole('radio', { name: new RegExp(`^${level} — `) }).check();
      ids.push(await article.getAttribute('data-item'));
    }
    await page.locator('#step-next').click();
  }
  throw new Error('the walkthrough never reached the review');
}

/** Downloads a CSV export by its button and parses it (BOM dropped). */
async function downloadCsv(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text.slice(1));
}

/** Prints the report page to PDF and returns its text. */
async function reportPdfText(page, name) {
  await page.emulateMedia({ media: 'print' });
  const file = `${OUT}/${name}.pdf`;
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the Security-only library: source references, attribution and its disclaimer, walkthrough to CSV', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = await watch(page);
  await page.goto(`./?lang=en&bank=${BANK.security}`);
  await expect(page.getByText('Nimbus Cloud security control library')).toBeVisible();
  // Whose words the questions are, the attribution and the bank's own disclaimer.
  const credits = page.locator('.bank-credits');
  await expect(credits.locator('.bank-origin')).toHaveText("The questions come from a provider's question bank and are its author's words; this app describes only the criteria titles in its own words.");
  await expect(credits.locator('.bank-attribution')).toHaveText('Source and licence: Control library © 2026 Nimbus Cloud Ltd., shared under CC BY 4.0.');
  await expect(credits.locator('.bank-disclaimer')).toContainText('it does not replace your auditor');

  await page.getByRole('link', { name: 'Start the assessment' }).click();
  await page.getByRole('radio', { name: 'Type II' }).check();
  await page.locator('#step-next').click();
  // The source reference beside our id; guidance panels only where the bank gives guidance.
  const acc = page.locator('article[data-item="GOV-01"]');
  await expect(acc.locator('.item-id')).toHaveText('GOV-01');
  await expect(acc.locator('.item-source')).toHaveText('Source ref. CC1.1.02');
  await expect(acc.locator('details:not([hidden]) > summary')).toHaveText(['Note, owner and frequency', 'Why it matters', 'How to do it', /^Criteria/]);
  const bare = page.locator('article[data-item="GOV-02"]');
  await expect(bare.locator('details:not([hidden]) > summary')).toHaveText(['Note, owner and frequency', /^Criteria/]);
  await expect(bare.getByText('Why it matters')).toBeHidden();
  await expect(bare.getByText('How to do it')).toBeHidden();
  const ids = await answerEverything(page);
  expect(ids).toHaveLength(13);
  await expect(page.getByText('Every question in your scope is answered.')).toBeVisible();

  await page.goto(`./?lang=en&bank=${BANK.security}&step=results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const answers = await downloadCsv(page, 'Answers (CSV for Excel)');
  const header = answers[0];
  const row = answers.find((r) => r[0] === 'ACC-01');
  expect(row[header.indexOf('source')]).toBe('CC6.1.11');
  expect(row[header.indexOf('response')]).not.toBe('');
  expect(answers).toHaveLength(1 + 13);

  await page.goto(`./?lang=en&bank=${BANK.security}&step=report`);
  await expect(page.getByRole('heading', { level: 1, name: 'SOC readiness report' })).toBeVisible();
  const text = await reportPdfText(page, 'security-only');
  expect(text).toContain('nimbus-security-library 2026.11');
  expect(text).toContain('Control library © 2026 Nimbus Cloud Ltd., shared under CC BY 4.0.');
  expect(text).toContain('Nimbus Cloud maintains this library for its customers');
  expect(text).toContain("The questions come from a provider's question bank");
  expect(text).toContain('not an audit opinion');
  for (const id of ids) expect(text, id).toContain(id);
  const gaps = await downloadCsv(page, 'Gap plan (CSV for Excel)');
  expect(gaps[0][0]).toBe('rank');
  expect(gaps.length).toBeGreaterThan(1);
  expect(gaps.slice(1).every((r) => r[gaps[0].indexOf('source')].match(/^CC\d\.\d\.\d\d$/))).toBe(true);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
});

test('the English-only CUEC list: 25 items, marked untranslated in Chinese, walkthrough to CSV', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = await watch(page);
  await page.goto(`./?lang=zh&bank=${BANK.cuec}`);
  await expect(page.locator('.bank-credits .bank-untranslated')).toHaveText('此题库部分内容未由提供方翻译，以英文显示。');
  await expect(page.locator('.bank-credits .bank-attribution span[lang="en"]')).toHaveText('CUEC list published by Nimbus Cloud Ltd. from its 2026 SOC 2 report.');
  await page.goto(`./?lang=zh&bank=${BANK.cuec}&step=section&domain=iam`);
  const item = page.locator('article[data-item="NIAM-01"]');
  // English text under a Chinese page, marked and tagged as English.
  await expect(item.locator('.badge.untranslated')).toHaveText('提供方未翻译');
  await expect(item.locator('legend')).toHaveAttribute('lang', 'en');
  await expect(item.locator('legend')).toHaveText('Protect administrator sign-in with a second factor');
  await expect(item.locator('.statement')).toHaveAttribute('lang', 'en');
  // The Chinese scale and labels stay Chinese.
  await expect(item.getByRole('radio', { name: /^3 — / })).toBeVisible();

  await page.goto(`./?lang=en&bank=${BANK.cuec}&step=scope`);
  await page.getByRole('checkbox', { name: 'Virtual machines' }).check();
  await page.getByRole('checkbox', { name: 'Object storage' }).check();
  await page.locator('#step-next').click();
  // In English nothing is marked.
  await expect(page.locator('.badge.untranslated')).toHaveCount(0);
  const ids = await answerEverything(page);
  expect(ids).toHaveLength(25);
  await page.goto(`./?lang=en&bank=${BANK.cuec}&step=results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const answers = await downloadCsv(page, 'Answers (CSV for Excel)');
  expect(answers).toHaveLength(1 + 25);
  expect(answers.slice(1).every((r) => r[answers[0].indexOf('response')] !== '')).toBe(true);
  await page.goto(`./?lang=en&bank=${BANK.cuec}&step=report`);
  await expect(page.getByRole('heading', { level: 1, name: 'SOC readiness report' })).toBeVisible();
  const text = await reportPdfText(page, 'cuec-list');
  expect(text).toContain('nimbus-cuecs 1.0.0');
  expect(text).toContain('CUEC list published by Nimbus Cloud Ltd.');
  for (const id of ids) expect(text, id).toContain(id);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
});

test('the privacy bank: the role question decides which privacy items are asked', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = await watch(page);
  const defaultRequests = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/banks/default.jsonl')) defaultRequests.push(r.url()); });
  // A processor is not asked about the people the data is about.
  await page.goto(`./?lang=en&bank=${BANK.privacy}&step=scope`);
  await page.getByRole('radio', { name: 'Processor' }).check();
  await page.locator('#step-next').click();
  const asProcessor = await answerEverything(page);
  expect(asProcessor).toEqual(['PRV-04', 'PRV-05', 'PRV-06', 'PRV-07', 'PRV-08']);
  // A controller is, and is not asked the processor's own question.
  await page.goto(`./?lang=en&bank=${BANK.privacy}&step=scope`);
  await page.getByRole('radio', { name: 'Controller' }).check();
  await page.locator('#step-next').click();
  await expect(page.getByRole('heading', { level: 1, name: 'The people the data is about' })).toBeVisible();
  const asController = await answerEverything(page);
  expect(asController).toEqual(['PRV-01', 'PRV-02', 'PRV-03', 'PRV-04', 'PRV-05', 'PRV-06', 'PRV-07']);
  await page.goto(`./?lang=en&bank=${BANK.privacy}&step=results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const answers = await downloadCsv(page, 'Answers (CSV for Excel)');
  const inScope = Object.fromEntries(answers.slice(1).map((r) => [r[0], r[answers[0].indexOf('in_scope')]]));
  expect(inScope['PRV-01']).toBe('yes');
  expect(inScope['PRV-08']).toBe('no');
  await page.goto(`./?lang=zh&bank=${BANK.privacy}&step=report`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const text = await reportPdfText(page, 'privacy-roles');
  expect(text).toContain('nimbus-privacy 0.9.0');
  expect(text).toContain('PRV-01');
  // A bank with its own scoring stands alone: the default bank is never downloaded.
  expect(defaultRequests).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
});

test('a bank with ten problems shows all ten, each naming file, entry and field', async ({ page }) => {
  await page.goto('./?lang=en&bank=fixtures/providers/ten-problems.json');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: "Your provider's question bank cannot be used" })).toBeVisible();
  await expect(alert.getByRole('listitem')).toHaveCount(10);
  await expect(alert).toContainText('ten-problems.json: field bank.copyright: is not a field of the bank format');
  await expect(alert).toContainText('ten-problems.json: item TEN-03: field title.en: is 82 characters long; at most 80 are allowed');
  await page.goto('./?lang=zh&bank=fixtures/providers/ten-problems.json');
  await expect(page.getByRole('alert')).toContainText('ten-problems.json：条目 TEN-02：字段 domain：领域 `nowhere` 不存在');
});
