// The questionnaire as a user meets it: a whole walkthrough by keyboard alone, resuming
// after a reload, scope changes that hide and restore answers, and answering by digit keys.
import { test, expect } from '@playwright/test';
import { watch, axeViolations, STORAGE_KEY, openAllDetails } from './helpers.mjs';

/** Presses Tab until the focused element's text matches, as a keyboard user would. */
async function tabTo(page, pattern, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      const label = el.closest('label');
      return (label ? label.textContent : el.textContent || el.getAttribute('aria-label') || '').trim();
    });
    if (pattern.test(text)) return text;
  }
  throw new Error(`never reached ${pattern} with Tab`);
}

const saved = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), STORAGE_KEY);

test('a whole walkthrough by keyboard alone, from welcome to results', async ({ page }) => {
  test.setTimeout(120_000);
  const seen = await watch(page);
  await page.goto('./?lang=en');
  await tabTo(page, /^Start the assessment$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Scope' })).toBeFocused();

  // Scope: Space selects, arrow keys move within a radio group.
  await tabTo(page, /^Tencent Cloud$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^SOC 2 \(Trust Services Criteria\)$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^No, we only rely on the provider's reports$/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Virtual machines you manage/);
  await page.keyboard.press('Space');
  await tabTo(page, /^Yes$/);
  await page.keyboard.press('ArrowDown'); // personal data: No
  const scope = (await saved(page)).scope;
  expect(scope).toEqual({ provider: ['tencent'], reliance: ['soc2'], own_audit: ['none'], services: ['vm'], personal_data: ['no'] });

  await tabTo(page, /^Next: /);
  await page.keyboard.press('Enter');
  let answered = 0;
  for (let section = 0; section < 40; section++) {
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    if ((await heading.textContent()) === 'Review') break;
    const count = await page.locator('article.question').count();
    expect(count).toBeGreaterThan(0);
    await tabTo(page, /^0 — Not in place$/);
    for (let q = 0; q < count; q++) {
      await page.keyboard.press(String((answered * 3 + 1) % 5));
      answered += 1;
    }
    // After the last question, focus has moved on to the Next link.
    await expect(page.locator('#step-next')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByText(`Answered ${answered} / ${answered}`)).toBeVisible();
  await expect(page.getByText('Every question in your scope is answered.')).toBeVisible();
  await tabTo(page, /^Next: Results/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeFocused();
  await expect(page.locator('.summary-card .verdict-score').first()).toContainText('Score: ');
  const stored = await saved(page);
  expect(Object.keys(stored.answers)).toHaveLength(answered);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
});

test('digit keys answer the focused question and move on; N asks for a reason', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=iam');
  const q1 = page.locator('article[data-item="IAM-01"]');
  await q1.getByRole('radio').first().focus();
  await page.keyboard.press('4');
  await expect(q1.getByRole('radio', { name: /^4 — / })).toBeChecked();
  // IAM-02 now has focus; D answers "don't know".
  await page.keyboard.press('D');
  await expect(page.locator('article[data-item="IAM-02"]').getByRole('radio', { name: "Don't know" })).toBeChecked();
  // IAM-03 can be not applicable: N opens the reason field and focuses it.
  await page.keyboard.press('N');
  const reason = page.locator('article[data-item="IAM-03"]').getByRole('textbox', { name: /Why does it not apply/ });
  await expect(reason).toBeFocused();
  await page.keyboard.type('No role changes: two-person company');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await saved(page)).answers['IAM-03']).toEqual({ response: { not_applicable: { reason: 'No role changes: two-person company' } } });
  // IAM-02 is never N/A: it offers no such choice.
  await expect(page.locator('article[data-item="IAM-02"]').getByRole('radio', { name: 'Not applicable' })).toHaveCount(0);
});

test('a reload in the middle keeps every answer, note and the step', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=mfa_admin');
  const items = page.locator('article.question');
  await expect(items.first()).toBeVisible(); // the bank is a download: count only once it is shown
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    await items.nth(i).getByRole('radio', { name: new RegExp(`^${i % 5} — `) }).check();
  }
  // The note, owner and frequency fields are folded until opened.
  await expect(items.first().getByRole('textbox', { name: /Note/ })).toHaveCount(0);
  await items.first().getByText('Note, owner and frequency').click();
  await items.first().getByRole('textbox', { name: /Note/ }).fill('Owner: platform team; evidence in Confluence SEC-12');
  await items.first().getByRole('textbox', { name: /Note/ }).blur();
  await items.first().getByRole('textbox', { name: /^Owner/ }).fill('Platform lead');
  await items.first().getByRole('textbox', { name: /^Owner/ }).blur();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'MFA and privileged accounts' })).toBeVisible();
  for (let i = 0; i < n; i++) {
    await expect(items.nth(i).getByRole('radio', { name: new RegExp(`^${i % 5} — `) })).toBeChecked();
  }
  // A question with a note shows its fields open; the others stay folded.
  await expect(items.first().getByRole('textbox', { name: /Note/ })).toHaveValue('Owner: platform team; evidence in Confluence SEC-12');
  await expect(items.first().getByRole('textbox', { name: /^Owner/ })).toHaveValue('Platform lead');
  await expect(items.nth(1).getByRole('textbox', { name: /Note/ })).toHaveCount(0);
});

test('a scope change hides questions but keeps their answers, and restores them', async ({ page }) => {
  await page.goto('./?lang=en&step=scope');
  const storage = page.getByRole('checkbox', { name: 'Object storage' });
  await storage.check();
  await page.goto('./?lang=en&step=section&domain=network');
  const bucket = page.locator('article[data-item="NET-02"]');
  await bucket.getByRole('radio', { name: /^3 — / }).check();
  await page.goto('./?lang=en&step=scope');
  await page.getByRole('checkbox', { name: 'Object storage' }).uncheck();
  await page.goto('./?lang=en&step=section&domain=network');
  await expect(page.locator('article[data-item="NET-01"]')).toBeVisible();
  await expect(bucket).toHaveCount(0);
  // Hidden, not lost.
  expect((await saved(page)).answers['NET-02']).toEqual({ response: { level: 3 } });
  await page.goto('./?lang=en&step=scope');
  await page.getByRole('checkbox', { name: 'Object storage' }).check();
  await page.goto('./?lang=en&step=section&domain=network');
  await expect(bucket.getByRole('radio', { name: /^3 — / })).toBeChecked();
});

test('own-audit scope adds the readiness sections; a category adds its own', async ({ page }) => {
  await page.goto('./?lang=en&step=scope');
  // Absent once the sections are shown (the bank is a download), not merely not yet rendered.
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Governance and communication/ })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Yes, a Type II (operating effectiveness over a period)' }).check();
  await expect(page.getByRole('link', { name: /^Governance and communication/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Privacy (P1 to P8)' }).check();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Privacy/ }).first()).toBeVisible();
});

test('answering updates progress and the live readiness at once', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=backup');
  const live = page.locator('.live-score');
  await expect(live).toContainText('SOC 2: Nothing answered yet');
  await page.locator('article.question').first().getByRole('radio', { name: /^4 — / }).check();
  await expect(live).toContainText('SOC 2: No gap found so far, but questions are still open');
  await expect(page.getByRole('link', { name: /^Backup and recovery/ })).toContainText('1/');
});

for (const width of [360, 1280]) {
  test(`axe-core finds no violation on any step at ${width} px`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./?lang=en&step=scope');
    await page.getByRole('radio', { name: 'Yes, a Type I (design at a point in time)' }).check();
    await page.getByRole('checkbox', { name: 'Privacy (P1 to P8)' }).check();
    const steps = ['', 'step=scope', 'step=section&domain=iam', 'step=section&domain=rd_privacy', 'step=review', 'step=results', 'step=data'];
    for (const s of steps) {
      await page.goto(`./?lang=en&${s}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Open every "why" and "how" so their text is checked too.
      await openAllDetails(page);
      expect(await axeViolations(page), s).toEqual([]);
    }
    // Nothing overflows sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the guidance opens from the keyboard: why, how, evidence and what Type II adds', async ({ page }) => {
  await page.goto('./?lang=en&step=section&domain=iam');
  const item = page.locator('article[data-item="IAM-01"]');
  // Built when first opened, not before.
  await expect(item.getByText('Why it matters')).toBeVisible();
  await expect(item).not.toContainText("The provider's logical-access controls cover its own staff");
  await item.getByText('Why it matters').focus();
  await page.keyboard.press('Enter');
  await expect(item).toContainText("The provider's logical-access controls cover its own staff");
  await item.getByText('How to do it').focus();
  await page.keyboard.press('Enter');
  await expect(item.getByRole('listitem').filter({ hasText: 'Route every access request' })).toBeVisible();
  await expect(item).toContainText('The access-request procedure; a system-generated list of ide');
  await expect(item).toContainText('The auditor samples grants from the whole window');
  // Closed and opened again: still there, once.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(item.getByRole('listitem').filter({ hasText: 'Route every access request' })).toHaveCount(1);
});
