// The one list of cross-browser scenarios (issue 7). Both tests/e2e/scenarios.chromium.spec.ts
// and tests/e2e/scenarios.firefox.spec.ts run every entry; add a capability's scenario here.
import { autofillFixture } from './autofill';
import { autofillFramesAndShadows } from './autofill-frames';
import { browserSync } from './browser-sync';
import { clipboardClear } from './clipboard-clear';
import { emergencyTokens } from './emergency-tokens';
import { frameNonce } from './frame-nonce';
import { lockUnlock } from './lock-unlock';
import { platformApis } from './platform';
import { qrScan } from './qr-scan';
import type { Scenario } from './scenario';
import { setupImport } from './setup-import';

export type { Scenario };

export const scenarios: readonly Scenario[] = [
  setupImport,
  lockUnlock,
  autofillFixture,
  qrScan,
  emergencyTokens,
  clipboardClear,
  platformApis,
  browserSync,
  autofillFramesAndShadows,
  frameNonce,
];
