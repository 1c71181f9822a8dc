// One cross-browser end-to-end scenario (issue 7: the core scenarios run in Chromium and
// Firefox from one shared list, not two copies). A scenario drives Tessera only through the
// Driver (tests/e2e/drivers/driver.ts) and asserts with Playwright's `expect`, so the same
// code runs under tests/e2e/scenarios.chromium.spec.ts and scenarios.firefox.spec.ts.
import type { Driver } from '../e2e/drivers/driver';

export interface Scenario {
  /** The test title, the same in both browsers. */
  name: string;
  /** Why the scenario cannot run yet (checked before a browser starts); undefined when it can. */
  skipReason?: () => string | undefined;
  run(driver: Driver): Promise<void>;
}
