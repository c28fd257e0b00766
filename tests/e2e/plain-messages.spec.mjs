// Issue 16, fault 7: every refusal about saved data, an imported file or a share link is a
// plain sentence in the user's language. In Chinese no Latin word appears but ids and product
// names; in English no parser jargon. The parser's words are behind "Details", shortened.
import { test, expect } from '@playwright/test';
import { STORAGE_KEY, plainText } from './helpers.mjs';

const BANK = { id: 'soc-readiness-default', version: '1.0.0' };
const saved = (answers) => JSON.stringify({ schema_version: 1, bank_id: BANK.id, bank_version: BANK.version, id: 'default', answers });
const file = (assessment, extra = {}) => JSON.stringify({ format: 'soc-readiness-assessment', schema_version: 1, bank: BANK, assessment, ...extra });

/** Latin words left after removing item ids (IAM-01) and product names. */
function latinWords(text) {
  return (text.replace(/\b[A-Z][A-Z0-9]*-[A-Z0-9-]+\b/g, ' ')
    .replace(/\b(SOC|Tencent Cloud|AWS|Azure|Alibaba Cloud|Google Cloud)\b/g, ' ')
    .match(/[A-Za-z]{2,}/g)) || [];
}
const JARGON = /EOF|expected|unknown variant|invalid type|at line|column|serde|struct/i;

const SAVED = [
  ['cut short', '{"schema_version": 1, "answers": {'],
  ['not JSON', 'garbage from another writer'],
  ['a level of 7', saved({ 'IAM-01': { response: { level: 7 } } })],
  ['an unknown answer kind', saved({ 'IAM-01': { response: 'maybe' } })],
  ['a wrong type', JSON.stringify({ schema_version: 1, bank_id: BANK.id, bank_version: BANK.version, answers: [] })],
];

const IMPORTS = [
  ['not JSON', 'not json at all'],
  ['cut short', file({}).slice(0, 40)],
  ['not ours', JSON.stringify({ hello: 'world' })],
  ['another format', JSON.stringify({ format: 'something-else-entirely' })],
  ['a level of 7', file({ schema_version: 1, bank_id: BANK.id, bank_version: BANK.version, answers: { 'IAM-01': { response: { level: 7 } } } })],
  ['an unknown answer kind', file({ schema_version: 1, bank_id: BANK.id, bank_version: BANK.version, answers: { 'IAM-01': { response: 'maybe' } } })],
  ['a wrong type', file({ schema_version: 1, bank_id: BANK.id, bank_version: 7, answers: {} })],
  ['no bank', JSON.stringify({ format: 'soc-readiness-assessment', schema_version: 1 })],
  ['too new', file({ schema_version: 9 })],
];

for (const lang of ['zh', 'en']) {
  test(`fault 7 (${lang}): refusals of saved data are plain sentences, the parser's words behind Details`, async ({ page }) => {
    for (const [what, value] of SAVED) {
      await page.goto(`./?lang=${lang}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [STORAGE_KEY, value]);
      await page.reload();
      const alert = page.getByRole('alert').first();
      await expect(alert, what).toBeVisible();
      const text = await plainText(alert);
      if (lang === 'zh') expect(latinWords(text), `${what}: ${text}`).toEqual([]);
      else expect(text, what).not.toMatch(JARGON);
      expect(text.length, what).toBeLessThan(300);
    }
  });

  test(`fault 7 (${lang}): refused imports are plain sentences`, async ({ page }) => {
    for (const [what, content] of IMPORTS) {
      // A fresh page per file, so the refusal read is this file's.
      await page.goto(`./?lang=${lang}&step=data`);
      await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
      const alert = page.locator('.data [role="alert"]');
      await expect(alert, what).toBeVisible();
      const text = await plainText(alert);
      if (lang === 'zh') expect(latinWords(text), `${what}: ${text}`).toEqual([]);
      else expect(text, what).not.toMatch(JARGON);
      expect(text.length, what).toBeLessThan(300);
    }
  });

  test(`fault 7 (${lang}): refused share links are plain sentences`, async ({ page }) => {
    await page.goto(`./?lang=${lang}&step=section&domain=iam`);
    await page.locator('article[data-item="IAM-01"]').getByRole('radio').first().check();
    await page.goto(`./?lang=${lang}&step=data`);
    await page.locator('.data button').filter({ hasText: lang === 'zh' ? '生成分享链接' : 'Create a share link' }).click();
    const link = await page.locator('#share-link').inputValue();
    const [base, payload] = link.split('#share=');
    const bad = [
      ['cut short', payload.slice(0, payload.length - 9)],
      ['tampered', payload.slice(0, 12) + (payload[12] === 'A' ? 'B' : 'A') + payload.slice(13)],
      ['another version', `v9.${payload.slice(3)}`],
      ['a foreign character', `v1.${payload.slice(3, 20)}!${payload.slice(21)}`],
      ['nothing', ''],
      ['not a link of ours', 'hello-world-this-is-no-share-link'],
    ];
    for (const [what, p] of bad) {
      await page.goto(`${base}#share=${p}`);
      await page.reload();
      const alert = page.getByRole('alert').first();
      await expect(alert, what).toBeVisible();
      const text = await plainText(alert);
      if (lang === 'zh') expect(latinWords(text), `${what}: ${text}`).toEqual([]);
      else expect(text, what).not.toMatch(JARGON);
      expect(text.length, what).toBeLessThan(300);
    }
  });
}
