// End-to-end tests: the built extension (.output/chrome-mv3) loaded unpacked into Debian's
// headless Chromium, against the demo site and fixture pages served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

export const SITE_PORT = Number(process.env.SITE_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: 'list',
  projects: [
    { name: 'e2e', testIgnore: /screen-scan\.spec\.ts$/ },
    // The screen captures run last, on their own: Chromium's fake capture source delivered no
    // frame for 30 s in about one run in ten while another browser worked beside it (never in
    // 9 runs alone), which says nothing about the product. Alone: `npx playwright test
    // tests/e2e/screen-scan.spec.ts --no-deps` (without --no-deps the whole e2e project runs first).
    { name: 'screen-capture', testMatch: /screen-scan\.spec\.ts$/, dependencies: ['e2e'] },
  ],
  webServer: {
    command: `node tests/site/server.mjs ${SITE_PORT}`,
    url: `http://127.0.0.1:${SITE_PORT}/login`,
    reuseExistingServer: !process.env.CI,
  },
});
