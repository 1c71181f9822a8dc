// One Playwright test body per shared scenario (tests/scenarios/index.ts) for one browser: a
// fresh browser, profile and extension install per scenario, closed afterwards. The spec
// files call test() themselves so that reports point at them.
import { test } from '@playwright/test';
import type { Scenario } from '../../scenarios';
import type { Driver } from './driver';

export function scenarioTest(scenario: Scenario, launch: () => Promise<Driver>): () => Promise<void> {
  return async () => {
    const reason = scenario.skipReason?.();
    test.skip(reason !== undefined, reason);
    const driver = await launch();
    try {
      await scenario.run(driver);
    } finally {
      await driver.close();
    }
  };
}
