// Issue 16, fault 6: links follow the language and the query as they are now, and a share
// link pasted into the open page works without a reload.
import { test, expect } from '@playwright/test';

test('fault 6: after switching to 中文, Next and the section links carry lang=zh, and a reload stays Chinese', async ({ page }) => {
  await page.goto('./?lang=en&step=scope');
  await expect(page.getByRole('heading', { level: 1, name: 'Scope' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评估范围' })).toBeVisible();
  await expect(page.locator('#step-next')).toHaveAttribute('href', /lang=zh/);
  for (const href of await page.locator('nav.sidebar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(href).not.toContain('lang=en');
  }
  await page.locator('#step-next').click();
  await expect(page).toHaveURL(/lang=zh/);
  await expect(page).toHaveURL(/step=section/);
  await page.reload();
  await expect(page.getByRole('link', { name: /^下一步/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // Other parameters of the query are kept.
  await page.goto('./?lang=zh&bank=banks/example-cloud.json&step=scope');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#step-next')).toHaveAttribute('href', /bank=banks%2Fexample-cloud\.json|bank=banks\/example-cloud\.json/);
  await expect(page.locator('#step-next')).toHaveAttribute('href', /lang=en/);
});

test('fault 6: a share link pasted into the open page opens without a reload', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=iam');
  await page.locator('article[data-item="IAM-01"]').getByRole('radio', { name: /^4 — / }).check();
  await page.goto('./?lang=en&step=data');
  await page.getByRole('button', { name: 'Create a share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link (select and copy)' }).inputValue();
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.evaluate((hash) => { location.hash = hash; }, link.slice(link.indexOf('#')));
  await expect(page.getByRole('heading', { level: 1, name: 'A shared assessment' })).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  // A mangled one pasted next is refused, still without a reload.
  await page.evaluate(() => { location.hash = '#share=v1.AAAA'; });
  await expect(page.getByRole('alert')).toContainText('This share link cannot be opened');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});
