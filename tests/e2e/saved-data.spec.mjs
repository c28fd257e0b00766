// Issue 16: nothing saved is ever lost, whatever state storage is in. Each test reproduces
// one fault found by a bad-input suite (the fault's number is in the test's name).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STORAGE_KEY, fillQuota, plainText } from './helpers.mjs';

const CURRENT = 'soc-readiness.v1.current';
const key = (id) => `soc-readiness.v1.assessment.${id}`;
const q = (page, id) => page.locator(`article[data-item="${id}"]`);
const stored = (page, k) => page.evaluate((k) => localStorage.getItem(k), k);
const assessment = (id, name, updated, answers = {}) => JSON.stringify({
  schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id, name, created: updated, updated, answers,
});

async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return readFileSync(await download.path(), 'utf8');
}

/** Opens the app once (so the origin exists), then plants values and reloads. */
async function plantAndOpen(page, values, url = './?lang=en') {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((values) => { localStorage.clear(); for (const [k, v] of values) localStorage.setItem(k, v); }, values);
}

test('fault 1: an unreadable save that cannot be copied aside (quota full) is never written over, and stays downloadable', async ({ page }) => {
  const corrupt = `{"schema_version": 1, "answers": {"IAM-01": ${'{"response": '.repeat(40)}`;
  expect(corrupt.length).toBeGreaterThan(500);
  await plantAndOpen(page, [[STORAGE_KEY, corrupt], [CURRENT, 'default']]);
  await fillQuota(page);
  await page.goto('./?lang=en&step=section&domain=iam');
  await expect(page.getByRole('alert').filter({ hasText: 'no room to copy it aside' })).toBeVisible();
  await q(page, 'IAM-01').getByRole('radio', { name: /^2 — / }).check();
  await expect(q(page, 'IAM-01').getByRole('radio', { name: /^2 — / })).toBeChecked();
  expect(await stored(page, STORAGE_KEY)).toBe(corrupt);
  await page.goto('./?lang=en&step=data');
  const item = page.locator('li').filter({ hasText: 'soc-readiness.v1.assessment.default' });
  expect(await downloadText(page, () => item.getByRole('button', { name: 'Download' }).click())).toBe(corrupt);
});

test('fault 1: data written by someone else mid-visit, with the quota full, is left in place and the work goes on under a new key', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=iam');
  await q(page, 'IAM-01').getByRole('radio', { name: /^3 — / }).check();
  await expect.poll(() => stored(page, STORAGE_KEY)).toContain('IAM-01');
  const corrupt = 'written by another program: '.padEnd(600, '#');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, corrupt]);
  // No room for a copy; writing the (smaller) answers over the corrupt value would fit.
  await fillQuota(page);
  await q(page, 'IAM-02').getByRole('radio', { name: /^2 — / }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'no room to copy it aside' })).toBeVisible();
  expect(await stored(page, STORAGE_KEY)).toBe(corrupt);
  await page.goto('./?lang=en&step=data');
  const item = page.locator('li').filter({ hasText: 'soc-readiness.v1.assessment.default' });
  expect(await downloadText(page, () => item.getByRole('button', { name: 'Download' }).click())).toBe(corrupt);
});

test('faults 1 and 2: a 4 MiB unreadable value on its own is kept whole, and the message about it stays short', async ({ page }) => {
  const huge = `{"name": "${'A'.repeat(4 * 1024 * 1024)}`;
  await plantAndOpen(page, [[STORAGE_KEY, huge], [CURRENT, 'default']]);
  await page.goto('./?lang=en&step=section&domain=iam');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toBeVisible();
  const sentence = await plainText(alert);
  expect(sentence.length).toBeLessThan(400); // the sentence, the link and the button
  expect(sentence).not.toContain('AAAA');
  await alert.getByText('Details').click();
  const detail = await alert.locator('details code').textContent();
  expect(detail.length).toBeLessThanOrEqual(101);
  expect(detail).toMatch(/^line 1, column \d+/);
  expect((await alert.textContent()).length).toBeLessThan(600);
  await q(page, 'IAM-01').getByRole('radio', { name: /^1 — / }).check();
  await expect.poll(async () => (await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.assessment.')).map((k) => localStorage.getItem(k)))).some((v) => v.includes('"IAM-01"'))).toBe(true);
  expect((await stored(page, STORAGE_KEY)) === huge).toBe(true);
});

for (const [label, pointer] of [['null', 'null'], ['{}', '{}'], ['4 MiB of text', 'x'.repeat(4 * 1024 * 1024)]]) {
  test(`fault 3: a "current" pointer holding ${label} opens the most recently updated assessment and says so`, async ({ page }) => {
    await plantAndOpen(page, [
      [key('a1'), assessment('a1', 'Older', '2026-11-20T10:00:00.000Z', { 'IAM-01': { response: { level: 1 } } })],
      [key('a2'), assessment('a2', 'Newer', '2026-11-28T10:00:00.000Z', { 'IAM-01': { response: { level: 4 } }, 'IAM-02': { response: { level: 3 } } })],
      [CURRENT, pointer],
    ]);
    const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());
    await page.goto('./?lang=en&step=section&domain=iam');
    await expect(page.getByRole('status').filter({ hasText: 'the most recently changed one was opened' })).toBeVisible();
    await expect(q(page, 'IAM-01').getByRole('radio', { name: /^4 — / })).toBeChecked();
    await expect(page.locator('#progress-label')).not.toContainText('Answered 0 /');
    await q(page, 'IAM-03').getByRole('radio', { name: /^2 — / }).check();
    await expect.poll(() => stored(page, key('a2'))).toContain('IAM-03');
    // No assessment named after the garbage; the others untouched.
    expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(keysBefore);
    expect(JSON.parse(await stored(page, key('a1'))).name).toBe('Older');
    await page.goto('./?lang=en&step=data');
    await expect(page.getByRole('textbox', { name: 'Name of the current assessment' })).toHaveValue('Newer');
  });
}

test('fault 4: a quota full at start is not blocked storage: the saved work opens, the user is told, export has it', async ({ page }) => {
  await plantAndOpen(page, [
    [STORAGE_KEY, assessment('default', 'Production', '2026-11-28T10:00:00.000Z', { 'IAM-01': { response: { level: 3 } } })],
    [CURRENT, 'default'],
  ]);
  await fillQuota(page);
  await page.goto('./?lang=en&step=section&domain=iam');
  await expect(page.getByRole('alert').filter({ hasText: 'storage for the app is full' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'does not let the app store anything' })).toHaveCount(0);
  await expect(q(page, 'IAM-01').getByRole('radio', { name: /^3 — / })).toBeChecked();
  await q(page, 'IAM-02').getByRole('radio', { name: /^4 — / }).check();
  await page.getByRole('link', { name: 'Go to Your data' }).first().click();
  const file = JSON.parse(await downloadText(page, () => page.getByRole('button', { name: 'Download the current assessment (JSON)' }).click()));
  expect(file.assessment.name).toBe('Production');
  expect(file.assessment.answers).toEqual({ 'IAM-01': { response: { level: 3 } }, 'IAM-02': { response: { level: 4 } } });
});

test('fault 5: organisation and assessor typed before any answer are saved, and count as started', async ({ page }) => {
  await page.goto('./?lang=en&step=report');
  await page.getByRole('textbox', { name: 'Organisation' }).fill('Acme Trading');
  await page.getByRole('textbox', { name: 'Organisation' }).blur();
  await page.getByRole('textbox', { name: 'Assessor' }).fill('Li Wei');
  await page.getByRole('textbox', { name: 'Assessor' }).blur();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Organisation' })).toHaveValue('Acme Trading');
  await expect(page.getByRole('textbox', { name: 'Assessor' })).toHaveValue('Li Wei');
  await page.goto('./?lang=en');
  await expect(page.getByRole('link', { name: 'Continue where you stopped' })).toBeVisible();
});

test('fault 8: a save whose id names another assessment does not raise a false "another tab" conflict', async ({ page }) => {
  const other = assessment('a2', 'Other', '2026-11-27T10:00:00.000Z', { 'IAM-05': { response: { level: 2 } } });
  await plantAndOpen(page, [
    [STORAGE_KEY, assessment('a2', 'Mine', '2026-11-28T10:00:00.000Z', { 'IAM-01': { response: { level: 3 } } })],
    [key('a2'), other],
    [CURRENT, 'default'],
  ]);
  await page.goto('./?lang=en&step=section&domain=iam');
  await expect(q(page, 'IAM-01').getByRole('radio', { name: /^3 — / })).toBeChecked();
  await q(page, 'IAM-02').getByRole('radio', { name: /^1 — / }).check();
  await expect.poll(() => stored(page, STORAGE_KEY)).toContain('IAM-02');
  await expect(page.getByText(/another tab/)).toHaveCount(0);
  expect(await stored(page, key('a2'))).toBe(other);
  expect(JSON.parse(await stored(page, STORAGE_KEY)).answers).toEqual({ 'IAM-01': { response: { level: 3 } }, 'IAM-02': { response: { level: 1 } } });
});
