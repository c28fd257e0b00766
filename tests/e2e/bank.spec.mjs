// Provider question banks in the browser: a provider's bank extends the default one and its
// items show; a broken bank shows its errors and offers the standard bank instead. The
// browser reads banks in JSON (the web build has no TOML parser); a TOML bank is refused
// with the command that converts it.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { watch, openAllDetails } from './helpers.mjs';

test('the example provider bank adds its own section and items', async ({ page }) => {
  const seen = await watch(page);
  const bankRequests = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('/example-cloud.json')) bankRequests.push(r.url()); });
  await page.goto('./?lang=en&bank=banks/example-cloud.json');
  await expect(page.getByText('SOC readiness for Example Cloud customers')).toBeVisible();
  await page.getByRole('link', { name: /^Example Cloud CUECs/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Example Cloud CUECs' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Customers enable EC Audit Trail in every region' })).toBeVisible();
  expect(await page.locator('article[data-item^="EXC-"]').count()).toBeGreaterThanOrEqual(6);
  // It overrides VEN-01 with its own wording.
  await page.getByRole('link', { name: /^Managing your provider/ }).click();
  await expect(page.locator('article[data-item="VEN-01"]')).toContainText('Example Cloud');
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
  // Fetched once, early, by boot.js; the app takes that response.
  expect(bankRequests).toHaveLength(1);
});

test('a broken provider bank shows its errors and offers the standard bank', async ({ page }) => {
  await page.goto('./?lang=en&bank=fixtures/broken-bank.json');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: "Your provider's question bank cannot be used" })).toBeVisible();
  await expect(alert).toContainText('broken-bank.json: item BRK-01: field criteria: `CC42.1` is not one of the 61 Trust Services Criteria');
  await page.getByRole('button', { name: 'Use the standard question bank instead' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
});

test('the errors are in the user language', async ({ page }) => {
  await page.goto('./?lang=zh&bank=fixtures/broken-bank.json');
  await expect(page.getByRole('alert')).toContainText('broken-bank.json：条目 BRK-01：字段 criteria：`CC42.1` 不是 61 条信任服务标准之一');
});

test('a TOML bank is refused with the command that converts it to JSON', async ({ page }) => {
  await page.goto('./?lang=en&bank=banks/example-cloud.toml');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: "Your provider's question bank cannot be used" })).toBeVisible();
  await expect(alert).toContainText('example-cloud.toml: this bank is TOML, but the browser reads banks in JSON only');
  await expect(alert).toContainText('cargo run --bin bank-check -- --json example-cloud.toml > example-cloud.json');
  await page.goto('./?lang=zh&bank=banks/example-cloud.toml');
  await expect(page.getByRole('alert')).toContainText('这是 TOML 格式的题库');
  await expect(page.getByRole('alert')).toContainText('cargo run --bin bank-check -- --json example-cloud.toml > example-cloud.json');
});

test('a bank from another origin is refused without a request', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('./?lang=en&bank=https://evil.example/bank.toml');
  await expect(page.getByRole('alert')).toContainText('A question bank can only come from this site');
  expect(seen.foreignRequests).toEqual([]);
});

test('a missing bank file is reported', async ({ page }) => {
  await page.goto('./?lang=en&bank=banks/nope.toml');
  await expect(page.getByRole('alert')).toContainText('The question bank could not be loaded: banks/nope.toml (HTTP 404)');
});

test('a provider bank can be picked from a file; a broken one shows its errors', async ({ page }) => {
  await page.goto('./?lang=en&step=data');
  await page.getByLabel("Use a provider's question bank from a file (JSON) for this visit").setInputFiles('tests/e2e/fixtures/broken-bank.json');
  await expect(page.getByRole('alert').filter({ hasText: 'CC42.1' })).toBeVisible();
  await page.getByLabel("Use a provider's question bank from a file (JSON) for this visit").setInputFiles('public/banks/example-cloud.json');
  await expect(page.getByRole('link', { name: /^Example Cloud CUECs/ })).toBeVisible();
  await expect(page.getByText('example-cloud 1.0.0')).toBeVisible();
});

// The default bank is not in the wasm: it is downloaded as language packs (src/core/bank/
// pack.rs), the visitor's language started by boot.js while the wasm compiles, and skipped
// when a standalone provider bank replaces it.
const bankFile = (url) => new URL(url).pathname.match(/\/banks\/(default\.[a-z.]*jsonl)$/)?.[1];
const isDefaultBank = (url) => !!bankFile(url);

test('the default bank is downloaded once, early, and only when it is used', async ({ page }) => {
  const defaultRequests = [];
  page.on('request', (r) => { if (isDefaultBank(r.url())) defaultRequests.push(bankFile(r.url())); });
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  expect(defaultRequests).toEqual(['default.en.jsonl']);

  // A standalone bank (the benchmark's survey) needs nothing else.
  defaultRequests.length = 0;
  await page.goto('./?lang=en&bank=fixtures/peer-survey.json&step=scope');
  await expect(page.getByRole('group', { name: 'Do you run production workloads in public cloud?' })).toBeVisible();
  expect(defaultRequests).toEqual([]);

  // A bank that extends the default one downloads it too (whole: both languages).
  await page.goto('./?lang=en&bank=banks/example-cloud.json');
  await expect(page.getByText('SOC readiness for Example Cloud customers')).toBeVisible();
  expect(defaultRequests).toEqual(['default.jsonl']);
});

// Issue 19: a first visit downloads its own language's questions and nothing of the other
// language; the guidance follows when first opened, the other language when chosen.
for (const [lang, other] of [['en', 'zh'], ['zh', 'en']]) {
  test(`a first visit in ${lang} downloads no ${other} bank text; guidance and ${other} come when asked for`, async ({ page }) => {
    const seen = await watch(page);
    const files = [];
    const texts = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('/banks/')) files.push(path.split('/banks/')[1]);
      if (path.includes('/text/')) texts.push(path.split('/text/')[1]);
    });
    await page.goto(`./?lang=${lang}&step=section&domain=iam`);
    const card = page.locator('article[data-item="IAM-01"]');
    await card.getByRole('radio').nth(3).check();
    await expect(card.getByRole('radio').nth(3)).toBeChecked();
    await page.getByRole('link', { name: /^(Next|下一步)/ }).first().click();
    await expect(page.locator('#step-heading')).toBeVisible();
    expect(files).toEqual([`default.${lang}.jsonl`]);
    // The UI's words too (src/ui_text.rs): this language's only.
    expect(texts).toEqual([`ui.${lang}.json`]);
    // No text of the other language reached the page.
    const body = await page.evaluate(() => document.body.innerText);
    expect(/[\u3400-\u9fff]/.test(body.replace(/中文/g, ''))).toBe(lang === 'zh');

    // The guidance of the page's language, when a question's guidance is first opened.
    await page.goto(`./?lang=${lang}&step=section&domain=iam`);
    await card.locator('details').filter({ has: page.locator('summary', { hasText: lang === 'en' ? 'Why it matters' : '为什么重要' }) }).locator('summary').click();
    await expect(card.locator('details[open] p').first()).not.toBeEmpty();
    await expect(card.locator('.guidance-status')).toHaveCount(0);
    expect(files.filter((f) => f.includes(`.${other}.`))).toEqual([]);
    expect(files).toContain(`default.${lang}.guide.jsonl`);

    // The other language's questions when the visitor switches; the answer stays.
    await page.getByRole('button', { name: other === 'en' ? 'English' : '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', other === 'en' ? 'en' : 'zh-CN');
    await expect(card.locator('.statement')).toContainText(other === 'en' ? /[A-Za-z]{4}/ : /[\u3400-\u9fff]/);
    await expect(card.getByRole('radio').nth(3)).toBeChecked();
    expect(files).toContain(`default.${other}.jsonl`);
    expect(texts).toContain(`ui.${other}.json`);
    expect(files).not.toContain('default.jsonl');
    expect(seen.pageErrors).toEqual([]);
  });
}

test('a language or guidance that cannot be downloaded is said where it was asked for, and the page keeps working', async ({ page }) => {
  await page.route('**/banks/default.zh.jsonl', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.route('**/banks/default.en.guide.jsonl', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto('./?lang=en&step=section&domain=iam');
  const card = page.locator('article[data-item="IAM-01"]');
  await card.locator('details').filter({ has: page.locator('summary', { hasText: 'Why it matters' }) }).locator('summary').click();
  await expect(card.getByRole('alert')).toContainText('The guidance could not be downloaded. Your answers are safe.');
  await card.getByRole('radio').nth(3).check();
  await expect(card.getByRole('radio').nth(3)).toBeChecked();
  // Chinese: the UI's words come, the questions cannot; they stay as they were, unmarked.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '无法下载该语言的题目' })).toBeVisible();
  await expect(card.locator('.statement')).toContainText(/[A-Za-z]{4}/);
  await expect(card.locator('.badge.untranslated')).toHaveCount(0);
  await expect(card.getByRole('radio').nth(3)).toBeChecked();
});

test('when the other language\'s words cannot be downloaded the page says so and stays in its language', async ({ page }) => {
  await page.route('**/text/ui.zh.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto('./?lang=en&step=section&domain=iam');
  await expect(page.locator('article[data-item="IAM-01"]')).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be downloaded' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
});

test('a default bank that cannot be downloaded is reported, saved answers stay, and trying again works', async ({ page }) => {
  const TYPE1 = '3 — In place and documented';
  const first = () => page.locator('article[data-item="IAM-01"]').getByRole('radio', { name: TYPE1 });
  // One answer saved while the bank was there.
  await page.goto('./?lang=en&step=section&domain=iam');
  await first().check();
  await page.reload();
  await expect(first()).toBeChecked();

  let blocked = true;
  await page.route('**/banks/default.*.jsonl', (route) => (blocked ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  for (const lang of ['en', 'zh']) {
    await page.goto(`./?lang=${lang}&step=section&domain=iam`);
    await expect(page.getByRole('alert')).toContainText(`banks/default.${lang}.jsonl`);
  }
  await expect(page.getByRole('heading', { name: '无法下载题库' })).toBeVisible();
  await page.goto('./?lang=en&step=section&domain=iam');
  await expect(page.getByRole('heading', { name: 'The question bank could not be downloaded' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Your saved answers are safe');
  blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(first()).toBeChecked();
});

test('bank text that looks like markup is shown as text, never run or rendered', async ({ page }) => {
  // A question's static parts and its guidance are set as escaped HTML (src/core/html.rs):
  // a provider's bank is untrusted input.
  const MARKUP = `<img src=x onerror="window.__ran=1">&amp; <b>bold</b> "q" 'a'`;
  const bank = JSON.parse(readFileSync(new URL('./fixtures/peer-survey.json', import.meta.url), 'utf8'));
  const item = bank.item.find((i) => i.id === 'S01-01');
  for (const field of ['title', 'statement', 'why', 'evidence']) item[field] = { en: `${field}: ${MARKUP}`, zh: `${field}：${MARKUP}` };
  item.how = { en: [`step: ${MARKUP}`], zh: [`步骤：${MARKUP}`] };
  await page.route('**/fixtures/markup-bank.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bank) }));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`./?lang=en&bank=fixtures/markup-bank.json&step=section&domain=${item.domain}`);
  const question = page.locator('article[data-item="S01-01"]');
  await expect(question.getByRole('group', { name: `title: ${MARKUP}` })).toBeVisible();
  await expect(question.locator('.statement')).toHaveText(`statement: ${MARKUP}`);
  await openAllDetails(page);
  await expect(question).toContainText(`why: ${MARKUP}`);
  await expect(question.getByRole('listitem').filter({ hasText: `step: ${MARKUP}` })).toBeVisible();
  await expect(question).toContainText(`evidence: ${MARKUP}`);
  await expect(question.locator('img, b')).toHaveCount(0);
  // The scale is still one working radio group.
  await question.getByRole('radio', { name: /^3 — / }).check();
  await expect(question.getByRole('radio', { name: /^3 — / })).toBeChecked();
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
