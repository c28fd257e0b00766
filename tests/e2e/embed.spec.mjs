// Embedding on a provider's trust page, across origins: the host page on 127.0.0.1:PORT,
// the app on localhost:PORT+1, an unrelated frame on 127.0.0.1:PORT+2.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const PORT = Number(process.env.E2E_PORT || 8081);
const APP = `http://localhost:${PORT + 1}/`;
const APP_ORIGIN = `http://localhost:${PORT + 1}`;
const THIRD = `http://127.0.0.1:${PORT + 2}/fixtures/evil.html`;

function hostUrl(options = {}) {
  const q = new URLSearchParams({ app: APP, bank: 'banks/example-cloud.json', provider: 'Example Cloud', primary: '#1d4ed8', ...options });
  return `/fixtures/host.html?${q}`;
}
const frameOf = (page) => page.frameLocator('iframe[title="SOC readiness self-assessment"]');
const appFrame = (page) => page.frames().find((f) => f.url().startsWith(APP));
/** In embed mode the section list starts folded: open it like a user would. */
async function openSections(frame) {
  const details = frame.locator('details.sidebar-toggle');
  if ((await details.getAttribute('open')) === null) await frame.getByText('Sections', { exact: true }).click();
}

test('the iframe loads across origins, with the branding and the provider bank', async ({ page }) => {
  await page.goto(hostUrl());
  const frame = frameOf(page);
  await expect(frame.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  await expect(frame.locator('.provider-name')).toHaveText('Example Cloud');
  const headerColour = await frame.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(headerColour).toBe('rgb(29, 78, 216)');
  // No site chrome is needed around it: the header is compact and the sidebar folded.
  await expect(frame.locator('details.sidebar-toggle')).not.toHaveAttribute('open', '');
  await openSections(frame);
  await expect(frame.getByRole('link', { name: /^Example Cloud CUECs/ })).toBeVisible();
});

test('the iframe height follows the content as the user moves through the steps', async ({ page }) => {
  await page.goto(hostUrl());
  const frame = frameOf(page);
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  const iframe = page.locator('iframe[title="SOC readiness self-assessment"]');
  const heightNow = async () => (await iframe.boundingBox()).height;
  await expect.poll(async () => {
    const inner = await appFrame(page).evaluate(() => document.documentElement.scrollHeight);
    return Math.abs((await heightNow()) - inner);
  }).toBeLessThanOrEqual(2);
  const welcome = await heightNow();
  await frame.getByRole('link', { name: 'Start the assessment' }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Scope' })).toBeVisible();
  await expect.poll(heightNow).toBeGreaterThan(welcome + 200);
  const inner = await appFrame(page).evaluate(() => document.documentElement.scrollHeight);
  expect(Math.abs((await heightNow()) - inner)).toBeLessThanOrEqual(2);
});

test('messages reach the host only from the app origin, and results only when opted in', async ({ page }) => {
  test.setTimeout(60_000);
  for (const share of [false, true]) {
    await page.goto(hostUrl(share ? { 'share-results': 'true' } : {}));
    const frame = frameOf(page);
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    // The frame may have no storage (third-party): fill it the way such a user would, by
    // importing a file, then open the results through the app's own links.
    await openSections(frame);
    await frame.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review', exact: true }).click();
    await expect(frame.locator('.review-list .item-id').first()).toBeVisible();
    const ids = await frame.locator('.review-list .item-id').allTextContents();
    expect(ids.length).toBeGreaterThan(20);
    const answers = Object.fromEntries(ids.map((id, i) => [id, { response: { level: (i % 2) + 3 }, note: 'secret note' }]));
    const file = { format: 'soc-readiness-assessment', schema_version: 1, bank: { id: 'example-cloud', version: '1.0.0' }, exported_at: '2026-11-28T00:00:00Z',
      assessment: { schema_version: 1, bank_id: 'example-cloud', bank_version: '1.0.0', answers } };
    await frame.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Your data', exact: true }).click();
    await frame.getByLabel('Choose an exported assessment file (JSON)').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await frame.getByRole('button', { name: 'Replace the current assessment' }).click();
    await frame.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results', exact: true }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
    // Messages cross the frame asynchronously: wait for the last step (and, when opted in, the
    // verdict) to arrive rather than for a fixed time.
    await expect.poll(() => page.evaluate((share) => window.received.some((m) => m.data.type === 'soc-readiness:step' && m.data.step === 'results')
      && (!share || window.received.some((m) => m.data.type === 'soc-readiness:completed')), share)).toBe(true);
    await page.waitForTimeout(300); // and give a message that must not come the time to come
    const received = await page.evaluate(() => window.received);
    expect(received.length).toBeGreaterThan(0);
    for (const m of received) expect(m.origin).toBe(APP_ORIGIN);
    const types = received.map((m) => m.data.type);
    expect(types).toContain('soc-readiness:ready');
    expect(types).toContain('soc-readiness:height');
    expect(received.filter((m) => m.data.type === 'soc-readiness:step').map((m) => m.data.step)).toEqual(['welcome', 'review', 'data', 'results']);
    const completed = received.filter((m) => m.data.type === 'soc-readiness:completed');
    if (share) {
      expect(completed.length).toBeGreaterThanOrEqual(1);
      // One result per report relied on, and no examination field: this customer prepares
      // no SOC 2 of its own (EMBEDDING.md).
      expect(Object.keys(completed[0].data).sort()).toEqual(['reliance', 'type']);
      expect(completed[0].data.reliance.map((r) => r.report)).toEqual(['soc2']);
      expect(typeof completed[0].data.reliance[0].level).toBe('string');
      expect(typeof completed[0].data.reliance[0].score).toBe('number');
      expect(JSON.stringify(completed)).not.toMatch(/type1|type2|verdict|own_soc2/);
      await expect(frame.getByRole('status').filter({ hasText: 'This page will receive the level and score of each result' })).toBeVisible();
    } else {
      expect(completed).toEqual([]);
    }
    // Answers and notes never cross the frame.
    expect(JSON.stringify(received)).not.toContain('secret note');
    expect(JSON.stringify(received)).not.toContain('IAM-01');
    // The element's DOM events mirror the messages.
    expect((await page.evaluate(() => window.events)).map((d) => d.type)).toContain('soc-readiness:step');
  }
});

test('commands from a third origin are ignored; the host can set the language', async ({ page }) => {
  await page.goto(hostUrl({ third: THIRD }));
  const frame = frameOf(page);
  await expect(frame.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  // The third-origin frame keeps sending set-language to every frame.
  await page.waitForTimeout(800);
  await expect(frame.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  await page.evaluate(() => window.SocReadiness.setLanguage(document.getElementById('assessment'), 'zh'));
  await expect(frame.getByRole('heading', { level: 1, name: '您是否已准备好依赖云服务商的 SOC 报告？' })).toBeVisible();
});

test('branding values carrying markup or CSS are refused and the defaults used', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(hostUrl({ primary: 'red;}body{display:none}', provider: '<img src=x onerror=alert(1)>', font: 'x;}*{color:red', radius: '999', logo: 'https://evil.example/logo.png' }));
  const frame = frameOf(page);
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  const alert = frame.locator('.branding-rejected');
  await expect(alert).toContainText('primary');
  await expect(alert).toContainText('provider');
  await expect(alert).toContainText('font');
  await expect(alert).toContainText('radius');
  await expect(alert).toContainText('logo');
  await expect(frame.locator('.provider-name')).toHaveCount(0);
  await expect(frame.locator('img')).toHaveCount(0);
  const headerColour = await frame.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(headerColour).toBe('rgb(11, 92, 173)');
  expect(dialogs).toEqual([]);
});

test('with third-party storage blocked the embedded app works, says so and exports', async ({ page }) => {
  await page.addInitScript((appOrigin) => {
    if (location.origin === appOrigin && window !== window.top) {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  }, APP_ORIGIN);
  await page.goto(hostUrl());
  const frame = frameOf(page);
  await expect(frame.getByRole('alert').filter({ hasText: 'does not let the app store anything' })).toBeVisible();
  await openSections(frame);
  await frame.getByRole('link', { name: /^Identity and access/ }).click();
  const q = frame.locator('article[data-item="IAM-01"]');
  await q.getByRole('radio', { name: /^3 — / }).check();
  await expect(q.getByRole('radio', { name: /^3 — / })).toBeChecked();
  await frame.getByRole('link', { name: 'Go to Your data' }).first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download the current assessment (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.soc-readiness\.json$/);
});

test('axe-core finds no violation inside the frame', async ({ page }) => {
  await page.goto(hostUrl());
  const frame = frameOf(page);
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  await openSections(frame);
  await frame.getByRole('link', { name: /^Example Cloud CUECs/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Example Cloud CUECs' })).toBeVisible();
  const r = await new AxeBuilder({ page }).include('iframe').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the demo trust page embeds the assessment with the example provider bank', async ({ page }) => {
  await page.goto('/demo/');
  await expect(page.getByRole('heading', { level: 1, name: 'SOC 1 and SOC 2 reports' })).toBeVisible();
  const frame = page.frameLocator('iframe[title="Example Cloud SOC readiness self-assessment"]');
  await expect(frame.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  await frame.getByRole('link', { name: 'Start the assessment' }).click();
  await expect(page.locator('#demo-status')).toHaveText('Assessment step: scope');
});

test('fault 10: picking a bank file announces ready once and keeps one height observer', async ({ page }) => {
  // Count the observers the app makes, in every frame.
  await page.addInitScript(() => {
    const Native = window.ResizeObserver;
    window.__observers = 0;
    window.ResizeObserver = class extends Native { constructor(cb) { super(cb); window.__observers += 1; } };
  });
  await page.goto(hostUrl());
  const frame = frameOf(page);
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  await openSections(frame);
  await frame.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Your data', exact: true }).click();
  const stepsToData = () => page.evaluate(() => window.received.filter((m) => m.data.type === 'soc-readiness:step' && m.data.step === 'data').length);
  await expect.poll(stepsToData).toBe(1);
  await frame.getByLabel("Use a provider's question bank from a file (JSON) for this visit").setInputFiles('dist/banks/example-cloud.json');
  // The shell re-mounts with the picked bank: it reports its step again.
  await expect.poll(stepsToData).toBe(2);
  await expect(frame.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  const ready = await page.evaluate(() => window.received.filter((m) => m.data.type === 'soc-readiness:ready').length);
  expect(ready).toBe(1);
  expect(await appFrame(page).evaluate(() => window.__observers)).toBe(1);
});
