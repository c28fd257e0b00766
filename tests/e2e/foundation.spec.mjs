// The walking skeleton in a real Chromium: it starts clean, keeps answers across reloads,
// stays on its own origin, holds a strict CSP, is accessible, and never freezes.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { watch, cspViolations, axeViolations, STORAGE_KEY } from './helpers.mjs';

const TYPE1 = '3 — In place and documented';
const IAM = './?lang=en&step=section&domain=iam';
const first = (page) => page.locator('article[data-item="IAM-01"]');

test('loads with no console error, no foreign request, no CSP violation', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: "How ready are you to rely on your cloud provider's SOC reports?" })).toBeVisible();
  expect(await page.title()).toBe('SOC readiness self-assessment');
  await page.getByRole('link', { name: 'Start the assessment' }).click();
  await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();
  await page.goto(IAM);
  await expect(first(page).getByRole('radio', { name: TYPE1 })).toBeVisible();
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

test('an answer survives a reload', async ({ page }) => {
  await page.goto(IAM);
  const radio = first(page).getByRole('radio', { name: TYPE1 });
  await radio.check();
  await expect(radio).toBeChecked();
  await page.reload();
  await expect(first(page).getByRole('radio', { name: TYPE1 })).toBeChecked();
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
  expect(saved.answers).toEqual({ 'IAM-01': { response: { level: 3 } } });
});

test('the question is read from the bank data, in both languages', async ({ page }) => {
  await page.goto('./?lang=zh&step=section&domain=iam');
  await expect(first(page).getByRole('radio', { name: '3 — 已落实并有文档' })).toBeVisible();
  await expect(first(page).getByRole('group', { name: '云上访问权限先审批、后开通' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(first(page).getByRole('radio', { name: TYPE1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
});

test('axe-core finds no WCAG 2.1 AA violation', async ({ page }) => {
  await page.goto('./?lang=en');
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(IAM);
  await expect(first(page).getByRole('radio', { name: TYPE1 })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a panic shows a message that saved answers are safe, not a frozen page', async ({ page }) => {
  await page.goto(IAM);
  await first(page).getByRole('radio', { name: TYPE1 }).check();
  await page.goto('./?lang=en&selftest=panic');
  const alert = page.getByRole('alert').filter({ hasText: 'The assessment stopped' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Your answers are saved');
  await expect(page.getByRole('button', { name: 'Reload the page' })).toBeFocused();
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
  expect(Object.values(saved.answers)).toHaveLength(1);
});

test('an unreadable saved assessment is kept aside and the user is told', async ({ page }) => {
  await page.goto('./?lang=en');
  // Plant only once the app has started, or it may read the data before the reload.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate((k) => localStorage.setItem(k, '{"schema_version": 1, "answers": tampered'), STORAGE_KEY);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('unreadable')));
  expect(backups).toHaveLength(1);
  const kept = await page.evaluate((k) => localStorage.getItem(k), backups[0]);
  expect(kept).toContain('tampered');
});

test('works from a sub-path of a provider site', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/trust/readiness/?lang=en');
  await page.getByRole('link', { name: 'Start the assessment' }).click();
  await page.getByRole('link', { name: /^Identity and access/ }).click();
  await expect(first(page).getByRole('radio', { name: TYPE1 })).toBeVisible();
  expect(page.url()).toContain('/trust/readiness/?lang=en&step=section&domain=iam');
  expect(seen.consoleErrors).toEqual([]);
});

test('the built page has no inline script and a strict policy', async () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]));
  expect(inline).toEqual([]);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // Every asset URL is relative, so dist/ can live under any path.
  expect(html).not.toMatch(/(src|href)="\/[^/]/);
  expect(readdirSync('dist').some((f) => /^start-[0-9a-f]+\.js$/.test(f))).toBe(true);
});
