// English and Simplified Chinese everywhere: no English left on any step in Chinese, the
// language choice order (?lang=, saved choice, browser), switching keeps every answer, and
// the printed report in Chinese.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { STORAGE_KEY, openAllDetails } from './helpers.mjs';

const OUT = 'test-results/i18n';
mkdirSync(OUT, { recursive: true });

const LATIN = /[A-Za-z][A-Za-z0-9'’.-]*/g;
/** Latin words the Chinese bank texts use on purpose (product names, terms kept in
 *  parentheses): read from the bank's own `.zh` fields, so the allow-list cannot hide UI text. */
function bankZhWords() {
  const words = new Set();
  for (const f of ['content/criteria.toml', ...readdirSync('content/bank').map((f) => `content/bank/${f}`)]) {
    // A key line sets whether the value is Chinese; continuation lines of a multi-line
    // array (indented) belong to the key above them.
    let zh = false;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const key = line.match(/^([A-Za-z0-9_.]+)\s*=/);
      if (key) zh = /(^|\.)zh$/.test(key[1]);
      else if (!/^\s/.test(line)) zh = false;
      if (zh) for (const w of line.replace(/^[^=]*=/, '').match(LATIN) || []) words.add(w);
    }
  }
  return words;
}
// Terms Chinese practitioners write in Latin letters, file formats, key names, and the
// language switch's own "English" button.
const UI_TERMS = new Set(['SOC', 'Type', 'I', 'II', 'CUEC', 'CSV', 'JSON', 'PDF', 'Excel', 'AICPA', 'English', 'D', 'N', 'Tab']);
const ID = /^([A-Z]{2,4}-\d{2}|DC\d|(CC|A|C|PI|P)\d(\.\d)?|soc-readiness-default|\d.*)$/;

const FULL_SCOPE = {
  provider: ['tencent'], reliance: ['soc1', 'soc2'], own_audit: ['type2'], audit_when: ['within_6m'],
  categories: ['availability', 'confidentiality', 'processing_integrity', 'privacy'],
  services: ['vm', 'containers', 'object_storage', 'managed_db', 'serverless', 'kms', 'cdn_waf', 'fin_integrations'], personal_data: ['yes'],
};

test('in Chinese, no step shows English text', async ({ page }) => {
  test.setTimeout(120_000);
  const allowed = bankZhWords();
  await page.goto('./?lang=zh');
  await page.evaluate(([k, scope]) => localStorage.setItem(k, JSON.stringify({
    schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id: 'default', scope,
    answers: { 'IAM-01': { response: { level: 2 } }, 'IAM-02': { response: 'dont_know' }, 'IAM-03': { response: { not_applicable: { reason: '无' } } } },
  })), [STORAGE_KEY, FULL_SCOPE]);
  await page.goto('./?lang=zh&step=scope');
  await expect(page.locator('.step-list a').first()).toBeVisible(); // the bank is a download
  const steps = await page.locator('.step-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(steps.length).toBeGreaterThan(25);
  const found = {};
  for (const href of [...steps, '?lang=zh&step=report', '?lang=zh&step=blank']) {
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await openAllDetails(page);
    const text = await page.evaluate(() => document.body.innerText);
    for (const w of text.match(LATIN) || []) {
      if (!allowed.has(w) && !UI_TERMS.has(w) && !ID.test(w)) (found[w] ||= new Set()).add(href);
    }
  }
  expect(Object.fromEntries(Object.entries(found).map(([w, s]) => [w, [...s].slice(0, 3)]))).toEqual({});
});

test('the language comes from ?lang=, then the saved choice, then the browser', async ({ browser }) => {
  const zhBrowser = await browser.newContext({ locale: 'zh-CN' });
  const page = await zhBrowser.newPage();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您是否已准备好依赖云服务商的 SOC 报告？');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("How ready are you to rely on your cloud provider's SOC reports?");
  // The switch is remembered over the browser's language.
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("How ready are you to rely on your cloud provider's SOC reports?");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await zhBrowser.close();
});

test('the loading message is in one language, chosen as the app chooses it', async ({ browser }) => {
  // Hold the wasm back so the page stays at its loading message.
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.route('**/*.wasm', () => {});
  const page = await context.newPage();
  const loading = page.locator('#loading');
  await page.goto('./');
  await expect(loading).toHaveText('正在加载评估…');
  await expect(loading).toHaveAttribute('lang', 'zh-CN');
  await expect(loading).toHaveRole('status');
  await page.goto('./?lang=en');
  await expect(loading).toHaveText('Loading the assessment…');
  // The saved choice comes before the browser's language.
  await page.evaluate(() => localStorage.setItem('soc-readiness.v1.lang', JSON.stringify('en')));
  await page.goto('./');
  await expect(loading).toHaveText('Loading the assessment…');
  await expect(loading).toHaveAttribute('lang', 'en');
  await context.close();
});

test('switching language mid-assessment keeps every answer and the step', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=iam');
  const items = page.locator('article.question');
  await expect(items.first()).toBeVisible(); // the bank is a download: count only once it is shown
  const n = await items.count();
  for (let i = 0; i < n; i++) await items.nth(i).getByRole('radio').nth(i % 6).check();
  await items.first().getByText('Note, owner and frequency').click();
  await items.first().getByRole('textbox', { name: /^Note/ }).fill('Evidence: ticket SEC-1');
  await items.first().getByRole('textbox', { name: /^Note/ }).blur();
  const before = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('身份与访问管理');
  expect(page.url()).toContain('step=section&domain=iam');
  for (let i = 0; i < n; i++) await expect(items.nth(i).getByRole('radio').nth(i % 6)).toBeChecked();
  await expect(items.first().getByRole('textbox', { name: /^备注/ })).toHaveValue('Evidence: ticket SEC-1');
  expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(before);
  // And back.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identity and access');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Identity and access');
});

test('the printed report in Chinese has Chinese headings', async ({ page }) => {
  await page.goto('./?lang=zh');
  await page.evaluate(([k, scope]) => localStorage.setItem(k, JSON.stringify({
    schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id: 'default', scope,
    organisation: '示例贸易有限公司', assessor: '张审计',
    answers: { 'IAM-01': { response: { level: 2 }, note: '证据：工单系统' }, 'MFA-01': { response: { level: 4 } }, 'BAK-02': { response: { level: 1 } } },
  })), [STORAGE_KEY, { reliance: ['soc2'], own_audit: ['none'] }]);
  await page.goto('./?lang=zh&step=report');
  await expect(page.getByRole('heading', { level: 1, name: 'SOC 就绪度报告' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const file = `${OUT}/report-zh-A4.pdf`;
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  // Layout mode pads Latin and CJK runs with spaces: compare with runs of spaces collapsed.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  for (const heading of ['SOC 就绪度报告', '执行摘要', '按信任服务标准类别', '按控制领域', '差距整改计划', '互补用户实体控制职责矩阵与签字确认', '附录：全部答案', '关于本报告']) {
    expect(text, heading).toContain(heading);
  }
  expect(text).toContain('示例贸易有限公司');
  expect(text).toContain('云上访问权限先审批、后开通');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, `${OUT}/report-zh-page`]);
});
