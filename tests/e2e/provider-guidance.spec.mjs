// Guidance per provider: with a provider chosen, every "How to do it" step and evidence text
// shown in the questionnaire, the blank questionnaire and the printed report names that
// provider's products and no other provider's; with "Another provider", none.
// The product names are the fixture shared with tests/provider_guidance.rs.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { watch, openAllDetails, STORAGE_KEY } from './helpers.mjs';

const NAMES = JSON.parse(readFileSync(new URL('../fixtures/provider-products.json', import.meta.url), 'utf8'));
delete NAMES._comment;
const PROVIDERS = { tencent: 'Tencent Cloud', aws: 'AWS', azure: 'Microsoft Azure', alibaba: 'Alibaba Cloud', gcp: 'Google Cloud', other: 'Another provider' };

/** Names of `provider`'s products found in `text` (ASCII names as whole words). */
function named(text, provider) {
  return NAMES[provider].filter((n) => (/^[\x00-\x7f]*$/.test(n)
    ? new RegExp(`(?<![A-Za-z0-9])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`).test(text)
    : text.includes(n)));
}

/** Every other provider's names in the texts, as "provider: name in «text»". */
function leaks(texts, chosen) {
  const out = [];
  for (const t of texts) {
    for (const p of Object.keys(NAMES)) {
      if (p === chosen) continue;
      for (const n of named(t, p)) out.push(`${p}: ${n} in «${t.slice(0, 100)}»`);
    }
  }
  return out;
}

/** Chooses the provider and a scope that shows every section: own Type II, every category
 *  and every kind of service. */
async function chooseScope(page, provider) {
  await page.goto('./?lang=en&step=scope');
  await page.getByLabel(PROVIDERS[provider], { exact: true }).check();
  await page.getByLabel('SOC 2 (Trust Services Criteria)').check();
  await page.getByLabel(/^Yes, a Type II/).check();
  for (const c of ['Availability (A1)', 'Confidentiality (C1)', 'Processing integrity (PI1)', 'Privacy (P1 to P8)']) {
    await page.getByLabel(c).check();
  }
  const services = page.locator('fieldset', { hasText: 'Which kinds of cloud service do you use?' }).locator('input[type=checkbox]');
  for (let i = 0; i < await services.count(); i++) await services.nth(i).check();
}

/** The "How to do it" text of every question in every section: one string per step and
 *  per evidence paragraph. */
async function shownGuidance(page) {
  const domains = await page.locator('nav.sidebar a[href*="domain="]').evaluateAll(
    (as) => as.map((a) => new URL(a.href).searchParams.get('domain')));
  expect(domains.length).toBeGreaterThan(20);
  const texts = [];
  for (const d of domains) {
    await page.goto(`./?lang=en&step=section&domain=${d}`);
    await expect(page.locator('article.question').first()).toBeVisible();
    await openAllDetails(page);
    texts.push(...await page.locator('article.question details').filter({ hasText: 'How to do it' })
      .locator('li, p').allTextContents());
  }
  return texts;
}

for (const provider of ['gcp', 'tencent', 'aws', 'azure', 'alibaba']) {
  test(`with ${PROVIDERS[provider]} chosen, every shown step names its products and no other provider's`, async ({ page }) => {
    test.setTimeout(180_000);
    const seen = await watch(page);
    await chooseScope(page, provider);

    const texts = await shownGuidance(page);
    expect(texts.length).toBeGreaterThan(400);
    expect(leaks(texts, provider)).toEqual([]);
    // Its own steps are there: dozens of them name its products.
    const own = texts.filter((t) => named(t, provider).length > 0);
    expect(own.length).toBeGreaterThan(50);

    // The blank questionnaire prints the same steps.
    await page.goto('./?lang=en&step=blank');
    await expect(page.locator('ol.blank-how li').first()).toBeVisible();
    const blank = await page.locator('ol.blank-how li').allTextContents();
    expect(blank.length).toBeGreaterThan(400);
    expect(leaks(blank, provider)).toEqual([]);
    expect(blank.filter((t) => named(t, provider).length > 0).length).toBeGreaterThan(50);

    // The printed report's gap plan: one gap, on an item with provider steps.
    await page.goto('./?lang=en&step=section&domain=iam');
    await page.locator('article[data-item="IAM-01"] input[type=radio][value="0"]').check();
    await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('"IAM-01"'), STORAGE_KEY);
    await page.goto('./?lang=en&step=report');
    await expect(page.locator('ol.plan-steps li').first()).toBeVisible();
    const plan = await page.locator('ol.plan-steps li').allTextContents();
    expect(plan.length).toBeGreaterThan(0);
    expect(leaks(plan, provider)).toEqual([]);
    expect(plan.some((t) => named(t, provider).length > 0)).toBe(true);

    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
  });
}

test('with another provider chosen, the steps name no provider at all', async ({ page }) => {
  test.setTimeout(180_000);
  await chooseScope(page, 'other');
  const texts = await shownGuidance(page);
  expect(texts.length).toBeGreaterThan(300);
  expect(leaks(texts, null)).toEqual([]);
});
