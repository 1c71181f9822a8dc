// The shared cross-browser scenarios (tests/scenarios/) in headless Chromium with the Chrome
// build (.output/chrome-mv3), through Playwright (tests/e2e/drivers/chromium.ts).
import { test } from '@playwright/test';
import { scenarios } from '../scenarios';
import { launchChromium } from './drivers/chromium';
import { scenarioTest } from './drivers/suite';

test.describe('chromium', () => {
  for (const scenario of scenarios) test(scenario.name, scenarioTest(scenario, launchChromium));
});
