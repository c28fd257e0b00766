// The results page reads summary first: each result's card and the chart above the fold,
// the next five steps, then the details folded; the full gap list narrows with filters.
import { test, expect } from '@playwright/test';
import { seedAnswers } from './helpers.mjs';

const SCOPE = {
  provider: ['aws'], reliance: ['soc1', 'soc2'], own_audit: ['type1'],
  services: ['vm', 'object_storage', 'managed_db', 'kms'], personal_data: ['no'],
};
const cycle = (id, i) => (i * 3 + 1) % 5;

async function bottomOf(locator) {
  const box = await locator.boundingBox();
  return box.y + box.height;
}

test('at 1280×800 the result cards and the chart sit above the fold', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seedAnswers(page, SCOPE, cycle);
  await page.goto('./?lang=en&step=results');
  const cards = page.locator('.summary-card');
  await expect(cards).toHaveCount(3); // SOC 1 and SOC 2 reliance, own SOC 2
  for (const card of await cards.all()) {
    await expect(card.locator('.verdict-band')).toBeVisible();
    expect(await bottomOf(card)).toBeLessThanOrEqual(800);
  }
  const chart = page.locator('.summary figure.chart svg');
  await expect(chart).toBeVisible();
  expect(await bottomOf(chart)).toBeLessThanOrEqual(800);
  // The details are folded: the page is a few screens, not a wall.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(2400);
});

test('at 360 px the first verdict is visible without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await seedAnswers(page, SCOPE, cycle);
  await page.goto('./?lang=en&step=results');
  const verdict = page.locator('.summary-card .verdict-band').first();
  await expect(verdict).toBeVisible();
  expect(await bottomOf(verdict)).toBeLessThanOrEqual(740);
});

test('the gap filters narrow the full gap list', async ({ page }) => {
  await seedAnswers(page, SCOPE, cycle, (id, i) => (i % 4 === 0 ? { owner: 'Platform team' } : {}));
  await page.goto('./?lang=en&step=results');
  await page.locator('details.all-gaps > summary').click();
  const items = page.locator('.all-gaps .gap-list > li');
  await expect(items.first()).toBeVisible();
  const all = await items.count();
  const shown = page.locator('.all-gaps .gap-count');
  await expect(shown).toHaveText(`Gaps shown: ${all}`);

  await page.getByRole('combobox', { name: 'Criticality' }).selectOption({ label: 'Critical' });
  const critical = await items.count();
  expect(critical).toBeGreaterThan(0);
  expect(critical).toBeLessThan(all);
  expect(await page.locator('.all-gaps .gap-list > li .badge.crit-critical').count()).toBe(critical);

  await page.getByRole('combobox', { name: 'Criticality' }).selectOption({ label: 'All' });
  await expect(shown).toHaveText(`Gaps shown: ${all}`);
  await page.getByRole('combobox', { name: 'Domain' }).selectOption({ label: 'Identity and access' });
  const iam = await page.locator('.all-gaps .gap-list > li .item-id').allTextContents();
  expect(iam.length).toBeGreaterThan(0);
  expect(iam.every((id) => id.startsWith('IAM-'))).toBe(true);

  await page.getByRole('combobox', { name: 'Domain' }).selectOption({ label: 'All' });
  await page.getByRole('combobox', { name: 'Result' }).selectOption({ label: 'Your own SOC 2 readiness' });
  const own = await page.locator('.all-gaps .gap-list > li .item-id').allTextContents();
  expect(own.some((id) => id.startsWith('AUD-'))).toBe(true);
  expect(own.some((id) => id.startsWith('FIN-'))).toBe(false);

  await page.getByRole('combobox', { name: 'Result' }).selectOption({ label: 'All' });
  await page.getByRole('combobox', { name: /^Owner/ }).selectOption({ label: 'Platform team' });
  const owned = await items.count();
  expect(owned).toBeGreaterThan(0);
  expect(owned).toBeLessThan(all);
});
