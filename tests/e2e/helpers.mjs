// Shared test helpers: watch a page for console errors, requests to other origins and CSP
// violations, so every test can assert the app stays quiet, local and policy-clean.
import AxeBuilder from '@axe-core/playwright';

export const STORAGE_KEY = 'soc-readiness.v1.assessment.default';

/** Starts watching; call before page.goto. Returns live arrays. */
export async function watch(page) {
  const seen = { consoleErrors: [], foreignRequests: [], pageErrors: [] };
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol !== 'data:') seen.foreignRequests.push(r.url());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__csp || []);
}

/** axe-core WCAG 2.1 A/AA scan of the current page. */
export async function axeViolations(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Opens every <details> on the page. A question's guidance is built when its <details> is
// first opened (src/ui/question.rs), so this waits until every one holds more than its summary.
export async function openAllDetails(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  // Guidance is downloaded on first opening (src/ui/guidance.rs): wait until it is in.
  await page.waitForFunction(() => [...document.querySelectorAll('article.question details:not([hidden])')].every((d) => d.children.length > 1)
    && !document.querySelector('.guidance-status'));
}

/**
 * Plants an assessment with this scope in storage and answers every question the scope asks
 * with `level(id, i)` (the ids are read off the review page). Returns the ids.
 */
export async function seedAnswers(page, scope, level, extra = () => ({})) {
  await page.goto('./?lang=en');
  await page.evaluate(([key, scope]) => {
    localStorage.setItem(key, JSON.stringify({ schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id: 'default', scope, answers: {} }));
  }, [STORAGE_KEY, scope]);
  await page.goto('./?lang=en&step=review');
  await page.locator('.review-list .item-id').first().waitFor();
  const ids = await page.locator('.review-list .item-id').allTextContents();
  const answers = Object.fromEntries(ids.map((id, i) => [id, { response: { level: level(id, i) }, ...extra(id, i) }]));
  await page.evaluate(([key, answers]) => {
    const a = JSON.parse(localStorage.getItem(key));
    a.answers = answers;
    localStorage.setItem(key, JSON.stringify(a));
  }, [STORAGE_KEY, answers]);
  return ids;
}

/**
 * Fills the origin's localStorage quota with other data, down to the last character, so
 * that any further write fails (QuotaExceededError).
 */
export async function fillQuota(page) {
  await page.evaluate(() => {
    let size = 512 * 1024;
    for (let i = 0; size >= 1 && i < 10_000; i++) {
      try { localStorage.setItem(`filler-${i}`, 'x'.repeat(size)); } catch { size = Math.floor(size / 2); }
    }
  });
}

/** The visible sentence of an alert or status: its text without any "Details" disclosure. */
export async function plainText(locator) {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('details').forEach((d) => d.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

/** RFC 4180 reader for the test (quotes, doubled quotes, CRLF inside quotes). */
export function parseCsv(text) {
  const rows = []; let row = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r') { /* CRLF */ } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
