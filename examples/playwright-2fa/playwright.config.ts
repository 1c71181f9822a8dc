// The example's Playwright set-up. Tessera's kit launches the browsers itself (one per worker, with
// the extension loaded), so the only settings are where the app runs and which Chromium to use.
import { defineConfig } from '@playwright/test';
import type { TesseraOptions } from 'tessera-otp/playwright';

const port = Number(process.env.APP_PORT ?? 3000);

export default defineConfig<{}, { tesseraOptions: TesseraOptions }>({
  testDir: 'tests',
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Debian's Chromium in CI (Playwright cannot download its own there); unset: Playwright's Chromium.
    tesseraOptions: { executablePath: process.env.CHROMIUM_PATH },
  },
  projects: [
    { name: 'chromium', testIgnore: /firefox/ },
    // puppeteer-core drives Firefox (Playwright's Firefox cannot load extensions); Debian's firefox-esr by default.
    { name: 'firefox', testMatch: /firefox/ },
  ],
  webServer: {
    command: `node app/server.mjs ${port}`,
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: !process.env.CI,
  },
});
