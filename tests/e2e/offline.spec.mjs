// The offline copy (public/sw.js) and the installable app (the web app manifest), in a real
// Chromium with service workers allowed (playwright.config.mjs blocks them elsewhere). The
// first two tests run their own server (tests/e2e/serve.mjs as a child process), so they can
// take it down and deploy another release over the first.
import { test, expect, chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { watch, cspViolations, axeViolations } from './helpers.mjs';

test.use({ serviceWorkers: 'allow' });

const PORT = Number(process.env.E2E_PORT || 8081);
const LEVEL3 = /^3 — /;
const q = (page, id) => page.locator(`article[data-item="${id}"]`);

/** Serves `dir` on `port` until stopped: the server the user's browser loses. */
async function serve(dir, port) {
  const child = spawn(process.execPath, ['tests/e2e/serve.mjs', dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill(); }),
  };
}

/** A copy of dist/ to serve and overwrite. */
function release(name) {
  const dir = `test-results/offline/${name}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync('dist', dir, { recursive: true });
  return dir;
}

/** Waits until this page's service worker is active, then reloads so it controls the page. */
async function underWorker(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after one visit the app works with the server down, with the saved answers and the provider bank', async ({ page }) => {
  const server = await serve(release('down'), PORT + 3);
  try {
    await page.goto(`${server.url}?lang=en&step=section&domain=iam`);
    await q(page, 'IAM-01').getByRole('radio', { name: LEVEL3 }).check();
    await underWorker(page);
    // The language's questions and its guidance are kept (boot.js names the packs the
    // first visit downloaded; the worker adds that language's guidance), not the other's.
    await page.waitForFunction(async () => {
      const data = (await caches.keys()).find((k) => k.endsWith(' data'));
      if (!data) return false;
      const kept = (await (await caches.open(data)).keys()).map((r) => r.url.split('/banks/')[1]);
      return kept.includes('default.en.jsonl') && kept.includes('default.en.guide.jsonl');
    });
    const kept = await page.evaluate(async () => {
      const data = (await caches.keys()).find((k) => k.endsWith(' data'));
      return (await (await caches.open(data)).keys()).map((r) => r.url.split('/banks/')[1] || r.url);
    });
    expect(kept.filter((f) => f.includes('.zh.'))).toEqual([]);
    // A provider's bank used once (online) is kept too.
    await page.goto(`${server.url}?lang=en&bank=banks/example-cloud.json`);
    await expect(page.getByRole('link', { name: /^Example Cloud CUECs/ })).toBeVisible();
  } finally {
    await server.stop();
  }
  expect(await page.evaluate((u) => fetch(u).then(() => 'up', () => 'down'), `${server.url}boot.js?probe`)).toBe('down');
  await page.goto(`${server.url}?lang=en&step=section&domain=iam`);
  await expect(q(page, 'IAM-01').getByRole('radio', { name: LEVEL3 })).toBeChecked();
  // The guidance opens offline, though it was never opened online.
  await q(page, 'IAM-01').locator('details').filter({ has: page.locator('summary', { hasText: 'How to do it' }) }).locator('summary').click();
  await expect(q(page, 'IAM-01').locator('details[open] li').first()).toBeVisible();
  await expect(q(page, 'IAM-01').locator('.guidance-status')).toHaveCount(0);
  // The app still moves between steps and scores.
  await page.getByRole('link', { name: /^Next: / }).click();
  await expect(page.locator('#step-heading')).toBeVisible();
  await page.goto(`${server.url}?lang=en&step=results`);
  await expect(page.locator('.verdict-score').first()).toBeVisible();
  await page.goto(`${server.url}?lang=en&bank=banks/example-cloud.json`);
  await expect(page.getByRole('link', { name: /^Example Cloud CUECs/ })).toBeVisible();
});

/** dist/ with a new release's changes: its stylesheet under a new hashed name, a marker. */
function secondRelease(dir) {
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  const oldCss = html.match(/main-[0-9a-f]{16}\.css/)[0];
  const css = `${readFileSync(join(dir, oldCss), 'utf8')}\nhtml { --soc-test-release: 2; }\n`;
  const newCss = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  unlinkSync(join(dir, oldCss));
  writeFileSync(join(dir, newCss), css);
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  html = html.replace(new RegExp(`(<link[^>]*${oldCss}[^>]*integrity=")[^"]*`), `$1${integrity}`).replaceAll(oldCss, newCss)
    .replace('</head>', '<meta name="soc-test-release" content="2">\n</head>');
  writeFileSync(join(dir, 'index.html'), html);
  const out = spawn(process.execPath, ['tools/service-worker.mjs', dir]);
  return new Promise((resolve, reject) => out.on('exit', (c) => (c === 0 ? resolve() : reject(new Error('service-worker.mjs failed')))));
}

test('a new release: the user is told, agrees, and lands on it with every answer', async ({ page }) => {
  const live = release('live');
  const next = release('next');
  await secondRelease(next);
  const server = await serve(live, PORT + 4);
  try {
    await page.goto(`${server.url}?lang=en&step=section&domain=iam`);
    await q(page, 'IAM-01').getByRole('radio', { name: LEVEL3 }).check();
    await underWorker(page);
    await page.evaluate(() => { window.__firstRelease = true; });
    // Deploy the second build over the first, as a host would.
    for (const f of readdirSync(live)) rmSync(join(live, f), { recursive: true });
    cpSync(next, live, { recursive: true });
    // The browser checks for a new release (at each visit and every hour): here, now.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the assessment is ready.' });
    await expect(notice).toBeVisible();
    // Told in the user's language, accessibly; and nothing has reloaded yet.
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('status').filter({ hasText: '评估工具的新版本已准备就绪。' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => window.__firstRelease)).toBe(true);
    expect(await page.locator('meta[name="soc-test-release"]').count()).toBe(0);
    // Until the user agrees the new release waits, even across a reload: the first release
    // runs whole, from its own cache, and the notice is shown again.
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting)).toBe(true);
    await page.reload();
    await expect(notice).toBeVisible();
    expect(await page.locator('meta[name="soc-test-release"]').count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--soc-test-release').trim())).toBe('');
    await page.evaluate(() => { window.__firstRelease = true; });
    // An answer given and a note being typed when the user agrees are not lost.
    await q(page, 'IAM-02').getByRole('radio', { name: /^2 — / }).check();
    await q(page, 'IAM-02').locator('details.notes > summary').click();
    await q(page, 'IAM-02').locator('textarea.note').fill('Ticket 42, typed just before the update');
    await page.getByRole('button', { name: 'Use the new version (reloads the page)' }).click();
    await expect(page.locator('meta[name="soc-test-release"]')).toHaveAttribute('content', '2');
    expect(await page.evaluate(() => window.__firstRelease)).toBeUndefined();
    await expect(q(page, 'IAM-01').getByRole('radio', { name: LEVEL3 })).toBeChecked();
    await expect(q(page, 'IAM-02').getByRole('radio', { name: /^2 — / })).toBeChecked();
    await expect(q(page, 'IAM-02').locator('textarea.note')).toHaveValue('Ticket 42, typed just before the update');
    // Only the new release: its stylesheet, and one release cache (the old one is gone).
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--soc-test-release').trim())).toBe('2');
    const version = readFileSync(join(next, 'sw.js'), 'utf8').match(/"version":"([0-9a-f]+)"/)[1];
    const caches = await page.evaluate(() => caches.keys());
    expect(caches.filter((k) => !k.endsWith(' data'))).toEqual([`soc-readiness ${server.url} ${version}`]);
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('under a sub-path, with the strict CSP and the worker in control: no CSP violation, no error', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/trust/readiness/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`http://127.0.0.1:${PORT}/trust/readiness/`);
  await underWorker(page);
  await page.getByRole('link', { name: 'Start the assessment' }).click();
  await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();
  await page.goto('/trust/readiness/?lang=en&step=section&domain=iam');
  await q(page, 'IAM-01').getByRole('radio', { name: LEVEL3 }).check();
  await page.goto('/trust/readiness/?lang=en&step=report');
  await expect(page.getByRole('heading', { level: 1, name: 'SOC readiness report' })).toBeVisible();
  expect(await cspViolations(page)).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
});

// Chromium checks installability only in a profile of its own: a test's context is an
// incognito one ("in-incognito"), so this test launches a persistent profile.
test('the manifest passes Chromium\'s installability check, named in the user\'s language', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'soc-install-'));
  const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}?lang=en`);
    await expect(page.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = async () => {
      const { url, errors, data } = await cdp.send('Page.getAppManifest');
      expect(errors).toEqual([]);
      return { url, name: JSON.parse(data).name };
    };
    expect(await manifest()).toEqual({ url: `${baseURL}manifest.en.webmanifest`, name: 'SOC readiness self-assessment' });
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(manifest).toEqual({ url: `${baseURL}manifest.zh.webmanifest`, name: 'SOC 就绪度自评估' });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
