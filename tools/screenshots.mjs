// Takes the README's screenshots from the release build (dist/, served here on a free
// port): welcome, a question, the results, the printed report's first page, the Chinese UI.
//   make build && node tools/screenshots.mjs
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const PORT = 8139;
const OUT = 'docs/screenshots';
const BASE = `http://127.0.0.1:${PORT}/`;
mkdirSync(OUT, { recursive: true });
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${BASE}?lang=en`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: `${OUT}/welcome.png` });

  // A realistic assessment: an AWS customer relying on SOC 2, preparing its own Type I.
  const scope = { provider: ['aws'], reliance: ['soc2'], own_audit: ['type1'], services: ['vm', 'object_storage', 'kms'], personal_data: ['no'] };
  await page.evaluate((scope) => localStorage.setItem('soc-readiness.v1.assessment.default', JSON.stringify({
    schema_version: 1, bank_id: 'soc-readiness-default', bank_version: '1.0.0', id: 'default', name: 'FY2027 readiness',
    organisation: 'Example Trading Ltd', scope, answers: {} })), scope);
  await page.goto(`${BASE}?lang=en&step=review`);
  await page.locator('.review-list .item-id').first().waitFor();
  const ids = await page.locator('.review-list .item-id').allTextContents();
  await page.evaluate((ids) => {
    const a = JSON.parse(localStorage.getItem('soc-readiness.v1.assessment.default'));
    ids.forEach((id, i) => { if (i > 0) a.answers[id] = { response: { level: [4, 3, 3, 2, 4, 1, 3][i % 7] } }; });
    localStorage.setItem('soc-readiness.v1.assessment.default', JSON.stringify(a));
  }, ids);

  await page.goto(`${BASE}?lang=en&step=section&domain=iam`);
  await page.locator('article.question').first().waitFor();
  await page.locator('article.question details').first().click();
  await page.screenshot({ path: `${OUT}/question.png` });

  await page.goto(`${BASE}?lang=en&step=results`);
  await page.locator('.summary-card').first().waitFor();
  await page.screenshot({ path: `${OUT}/results.png` });

  await page.goto(`${BASE}?lang=en&step=report`);
  await page.locator('.report-section .verdict-band').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${OUT}/report.pdf`, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', `${OUT}/report.pdf`, `${OUT}/report`]);
  execFileSync('rm', [`${OUT}/report.pdf`]);
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`${BASE}?lang=zh&step=results`);
  await page.locator('.summary-card').first().waitFor();
  await page.screenshot({ path: `${OUT}/results-zh.png` });
} finally {
  await browser.close();
  server.kill();
}
