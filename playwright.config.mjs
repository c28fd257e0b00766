// Browser tests: Playwright driving Debian's Chromium against the release build (dist/),
// served on 127.0.0.1. No browser is ever downloaded.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8081);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.mjs/,
  timeout: 30_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // The offline copy (public/sw.js) is tested on its own (offline.spec.mjs allows it);
    // elsewhere it would serve from its cache what a test routes or holds back.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  // The app on one origin; the same files on a second port serve as another origin for the
  // embedding tests (the host page on 127.0.0.1:PORT, the app on localhost:PORT+1), and a
  // third for an unrelated frame.
  webServer: [0, 1, 2].map((i) => ({
    command: `node tests/e2e/serve.mjs dist ${PORT + i}`,
    url: `http://127.0.0.1:${PORT + i}/`,
    reuseExistingServer: false,
    timeout: 10_000,
  })),
});
