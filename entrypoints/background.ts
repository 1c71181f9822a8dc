// The service worker: wires the vault, the API handlers and the browser events together.
// Logic lives in lib/; this file only connects it.
import { defineBackground } from 'wxt/utils/define-background';
import * as kdfBench from '../lib/crypto/kdf-bench';
import { contentHandlers } from '../lib/api/content';
import { coreHandlers } from '../lib/api/handlers';
import type { ApiContext } from '../lib/api/types';
import { installAutoLock } from '../lib/platform/autolock';
import { installClipboardClearing, scheduleClipboardClear } from '../lib/platform/clipboard';
import { installApi } from '../lib/platform/listener';
import { localSettingsStore } from '../lib/platform/settings-store';
import { browserTabs } from '../lib/platform/tabs';
import { installFillTriggers } from '../lib/platform/triggers';
import { openDeviceVault } from '../lib/platform/device-vault';

export default defineBackground(() => {
  const settings = localSettingsStore();
  const vault = openDeviceVault();
  const ctx: ApiContext = { vault, settings, now: Date.now, services: { tabs: browserTabs, clipboard: { scheduleClear: scheduleClipboardClear } } };
  installApi(coreHandlers, contentHandlers, ctx);
  installFillTriggers(ctx);
  installClipboardClearing();
  installAutoLock(vault, settings);
  // `wxt build --mode bench` (npm run bench) exposes the in-browser KDF benchmark; other builds drop it.
  if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { tesseraBench: kdfBench });
});
