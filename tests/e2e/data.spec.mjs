// The user's data never costs an answer: bad saved data, full or blocked storage, export
// and import, share links, two tabs, several named assessments and erasing everything.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { STORAGE_KEY } from './helpers.mjs';

const saved = (page, key = STORAGE_KEY) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), key);
const q = (page, id) => page.locator(`article[data-item="${id}"]`);

async function answer(page, domain, answers) {
  await page.goto(`./?lang=en&step=section&domain=${domain}`);
  for (const [id, level] of Object.entries(answers)) {
    await q(page, id).getByRole('radio', { name: new RegExp(`^${level} — `) }).check();
  }
}

async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('an assessment saved by a newer version is kept aside, downloadable, and work goes on', async ({ page }) => {
  await page.goto('./?lang=en');
  // Plant only once the app has started, or it may read the data before the reload.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const future = JSON.stringify({ schema_version: 99, bank_id: 'soc-readiness-default', bank_version: '9.0.0', answers: { 'IAM-01': { response: { level: 4 } } } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, future]);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'newer version of the app' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Your data' }).first().click();
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download', exact: true }).click());
  expect(JSON.parse(backup.text)).toEqual(JSON.parse(future));
  // The app still works: a new answer is saved.
  await answer(page, 'iam', { 'IAM-01': 2 });
  expect((await saved(page)).answers['IAM-01']).toEqual({ response: { level: 2 } });
});

test('answers to questions the bank no longer has go to an archive that travels with exports', async ({ page }) => {
  await page.goto('./?lang=en');
  // Plant only once the app has started, or it may read the data before the reload.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const old = { schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '0.9.0', answers: { 'IAM-01': { response: { level: 3 } }, 'OLD-07': { response: { level: 2 }, note: 'retired question' } } };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify(old)]);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'kept in an archive' })).toBeVisible();
  await expect.poll(async () => (await saved(page))?.archive).toEqual({ 'OLD-07': { response: { level: 2 }, note: 'retired question' } });
  await page.goto('./?lang=en&step=data');
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Download the current assessment (JSON)' }).click());
  const file = JSON.parse(exported.text);
  expect(file.assessment.archive['OLD-07'].note).toBe('retired question');
  expect(file.assessment.answers['IAM-01']).toEqual({ response: { level: 3 } });
});

test('a full storage says so, keeps the answer on screen and offers export', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 1 });
  // Fill the origin's quota with other data.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; i < 40; i++) {
      try { localStorage.setItem(`filler-${i}`, chunk); } catch { break; }
    }
    let small = 'y'.repeat(64 * 1024);
    for (let i = 0; i < 200 && small.length > 8; i++) {
      try { localStorage.setItem(`filler-s-${i}`, small); } catch { small = small.slice(0, small.length / 2); }
    }
  });
  await q(page, 'IAM-02').getByRole('radio', { name: /^4 — / }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'storage for the app is full' })).toBeVisible();
  await expect(q(page, 'IAM-02').getByRole('radio', { name: /^4 — / })).toBeChecked();
  await page.getByRole('link', { name: 'Go to Your data' }).first().click();
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Download the current assessment (JSON)' }).click());
  expect(JSON.parse(exported.text).assessment.answers['IAM-02']).toEqual({ response: { level: 4 } });
});

test('with storage blocked (as in a third-party frame) the app works, says so, and exports', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await answer(page, 'iam', { 'IAM-01': 3 });
  await expect(page.getByRole('alert').filter({ hasText: 'does not let the app store anything' })).toBeVisible();
  await expect(q(page, 'IAM-01').getByRole('radio', { name: /^3 — / })).toBeChecked();
  await page.getByRole('link', { name: 'Go to Your data' }).first().click();
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Download the current assessment (JSON)' }).click());
  expect(JSON.parse(exported.text).assessment.answers['IAM-01']).toEqual({ response: { level: 3 } });
  expect(errors).toEqual([]);
});

test('export and import round-trip; import shows what it brings and creates a new assessment', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 3, 'IAM-02': 4 });
  await page.goto('./?lang=en&step=data');
  await page.getByRole('textbox', { name: 'Name of the current assessment' }).fill('Q3 review');
  await page.getByRole('textbox', { name: 'Name of the current assessment' }).blur();
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Download the current assessment (JSON)' }).click());
  expect(exported.name).toBe('Q3-review.soc-readiness.json');
  await page.getByLabel('Choose an exported assessment file (JSON)').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  const preview = page.getByRole('region', { name: 'This file contains' });
  await expect(preview).toContainText('Answers: 2');
  await expect(preview).toContainText('Answers that differ from the current assessment: 0');
  await page.getByRole('button', { name: 'Import as a new assessment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The assessment was imported.' })).toBeVisible();
  await expect(page.locator('.saved-list li')).toHaveCount(2);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.assessment.')));
  expect(keys).toHaveLength(2);
  for (const k of keys) expect((await saved(page, k)).answers).toEqual({ 'IAM-01': { response: { level: 3 } }, 'IAM-02': { response: { level: 4 } } });
});

test('malformed import files are refused and change nothing', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 2 });
  await page.goto('./?lang=en&step=data');
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const cases = [
    ['not json at all', 'This file was not imported'],
    [JSON.stringify({ hello: 'world' }), 'This file was not imported'],
    [JSON.stringify({ format: 'soc-readiness-assessment', schema_version: 1, bank: { id: 'soc-readiness-default', version: '1.0.0' }, assessment: { schema_version: 1, bank_id: 'x', bank_version: '1', answers: { 'IAM-01': { response: { level: 7 } } } } }), 'This file was not imported'],
  ];
  for (const [content, message] of cases) {
    await page.getByLabel('Choose an exported assessment file (JSON)').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(page.getByRole('region', { name: 'This file contains' })).toHaveCount(0);
  }
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test('a share link round-trips read-only, can be imported, and a mangled one is refused', async ({ page, context }) => {
  await answer(page, 'iam', { 'IAM-01': 4, 'IAM-02': 1 });
  await page.goto('./?lang=en&step=results');
  const score = await page.locator('.verdict-score').textContent();
  await page.goto('./?lang=en&step=data');
  await page.getByRole('button', { name: 'Create a share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link (select and copy)' }).inputValue();
  expect(link).toMatch(/#share=v1\./);

  // Open it in a fresh browser profile: nothing stored there.
  const other = await context.browser().newContext();
  const viewer = await other.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole('heading', { level: 1, name: 'A shared assessment' })).toBeVisible();
  await expect(viewer.locator('.verdict-score')).toHaveText(score);
  expect(await viewer.evaluate(() => Object.keys(localStorage).length)).toBe(0);
  await viewer.getByRole('button', { name: 'Import it into this browser' }).click();
  await expect(viewer.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  const imported = await viewer.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.assessment.')).map((k) => JSON.parse(localStorage.getItem(k)).answers));
  expect(imported).toEqual([{ 'IAM-01': { response: { level: 4 } }, 'IAM-02': { response: { level: 1 } } }]);

  // Truncated and tampered links.
  const [base, payload] = link.split('#share=');
  for (const bad of [payload.slice(0, payload.length - 9), payload.slice(0, 12) + (payload[12] === 'A' ? 'B' : 'A') + payload.slice(13)]) {
    // Pasted into the open page: followed through hashchange, no reload needed.
    await viewer.goto(`${base}#share=${bad}`);
    await expect(viewer.getByRole('alert')).toContainText('This share link cannot be opened');
  }
  await other.close();
});

test('two tabs do not overwrite each other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await answer(a, 'iam', { 'IAM-01': 3 });
  await b.goto('./?lang=en&step=section&domain=iam');
  await expect(q(b, 'IAM-01').getByRole('radio', { name: /^3 — / })).toBeChecked();
  // Tab B changes another answer; tab A follows through the storage event.
  await q(b, 'IAM-02').getByRole('radio', { name: /^2 — / }).check();
  await expect(q(a, 'IAM-02').getByRole('radio', { name: /^2 — / })).toBeChecked();
  await expect(a.getByRole('status').filter({ hasText: 'changed in another tab' })).toBeVisible();
  // Tab A answers again: both answers survive.
  await q(a, 'IAM-03').getByRole('radio', { name: /^1 — / }).check();
  await expect.poll(async () => (await saved(b)).answers).toEqual({
    'IAM-01': { response: { level: 3 } }, 'IAM-02': { response: { level: 2 } }, 'IAM-03': { response: { level: 1 } },
  });
  await expect(q(b, 'IAM-03').getByRole('radio', { name: /^1 — / })).toBeChecked();
});

test('a write this tab did not see is never overwritten: the user chooses', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 3 });
  // Another tab's write that this tab missed (no storage event reaches the writer's own tab).
  await page.evaluate((k) => {
    const a = JSON.parse(localStorage.getItem(k));
    a.answers['IAM-05'] = { response: { level: 4 } };
    localStorage.setItem(k, JSON.stringify(a));
  }, STORAGE_KEY);
  await q(page, 'IAM-02').getByRole('radio', { name: /^2 — / }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing has been overwritten' })).toBeVisible();
  expect((await saved(page)).answers).toEqual({ 'IAM-01': { response: { level: 3 } }, 'IAM-05': { response: { level: 4 } } });
  await page.getByRole('button', { name: "Keep this tab's version (save the other as a copy)" }).click();
  await expect.poll(async () => (await saved(page)).answers).toEqual({ 'IAM-01': { response: { level: 3 } }, 'IAM-02': { response: { level: 2 } } });
  const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.assessment.')).map((k) => JSON.parse(localStorage.getItem(k)).answers['IAM-05']));
  expect(copies).toContainEqual({ response: { level: 4 } });
});

test('named assessments: new, rename, duplicate, open, delete', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 3 });
  await page.goto('./?lang=en&step=data');
  const name = page.getByRole('textbox', { name: 'Name of the current assessment' });
  await name.fill('Production account');
  await name.blur();
  await page.getByRole('button', { name: 'Duplicate the current assessment' }).click();
  await expect(name).toHaveValue('Production account (copy)');
  await page.getByRole('button', { name: 'Start a new assessment' }).click();
  await expect(name).toHaveValue('');
  await name.fill('Staging');
  await name.blur();
  await expect(page.locator('.saved-list li')).toHaveCount(3);
  await page.getByRole('button', { name: 'Open Production account', exact: true }).click();
  await expect(name).toHaveValue('Production account');
  await page.goto('./?lang=en&step=section&domain=iam');
  await expect(q(page, 'IAM-01').getByRole('radio', { name: /^3 — / })).toBeChecked();
  await page.goto('./?lang=en&step=data');
  const staging = page.locator('.saved-list li').filter({ hasText: 'Staging' });
  await staging.getByRole('button', { name: 'Delete' }).click();
  await staging.getByRole('button', { name: 'Delete it for good' }).click();
  await expect(page.locator('.saved-list li')).toHaveCount(2);
  // Survives a reload: the current assessment is remembered.
  await page.reload();
  await expect(name).toHaveValue('Production account');
});

test('delete everything erases all the app stored, after confirmation', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 3 });
  await page.goto('./?lang=en&step=data');
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('button', { name: 'Yes, erase all data of this app' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All data of this app was erased' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('soc-readiness')))).toEqual([]);
  await page.reload();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('soc-readiness')))).toEqual([]);
});

test('unreadable data written by someone else is backed up before the next save', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 3 });
  await page.evaluate((k) => localStorage.setItem(k, 'garbage from another writer'), STORAGE_KEY);
  await q(page, 'IAM-02').getByRole('radio', { name: /^2 — / }).check();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('unreadable')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['garbage from another writer']);
  expect((await saved(page)).answers).toEqual({ 'IAM-01': { response: { level: 3 } }, 'IAM-02': { response: { level: 2 } } });
});

test('the list of assessments shows the current answer count, also after answering in the same visit', async ({ page }) => {
  await answer(page, 'iam', { 'IAM-01': 3 });
  await page.goto('./?lang=en&step=data');
  await expect(page.locator('.saved-list li')).toContainText('1 answers');
  // Within the visit (no reload): answer one more, then open "Your data" from the sidebar.
  await page.getByRole('link', { name: /^Identity and access/ }).click();
  await q(page, 'IAM-02').getByRole('radio', { name: /^2 — / }).check();
  await page.getByRole('link', { name: /^Your data/ }).click();
  await expect(page.locator('.saved-list li')).toContainText('2 answers');
});
