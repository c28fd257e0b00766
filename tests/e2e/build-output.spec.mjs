// Issue 16, fault 9: `make serve` must never leave a development build in dist/. Trunk's
// serve adds a live-reload script (an inline script dialling ws://{{__trunk_address__}}),
// which the strict CSP blocks; a user who serves, then copies dist/ to a web server, would
// ship it. The serve target builds elsewhere, without that script.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

test('fault 9: make serve builds into target/serve without live reload; dist/ has no development script', async ({ page }) => {
  // What `make serve` would run (make -n prints the recipe without running it).
  const recipe = execFileSync('make', ['-n', 'serve'], { encoding: 'utf8' }).split('\n').find((l) => l.includes('trunk serve'));
  expect(recipe).toBeTruthy();
  expect(recipe).toMatch(/--dist[ =](?!dist\b)\S+/);
  expect(recipe).toContain('--no-autoreload');
  // The build under test (dist/, made by `trunk build --release`) has no live-reload code.
  const html = readFileSync('dist/index.html', 'utf8');
  expect(html).not.toMatch(/__trunk_address__|autoreload|new WebSocket/);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
