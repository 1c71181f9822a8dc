// The service worker: wires the vault, the API handlers and the browser events together.
// Logic lives in lib/; this file only connects it.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { contentHandlers } from '../lib/api/content';
import { coreHandlers } from '../lib/api/handlers';
import type { ApiContext } from '../lib/api/types';
import { installAutoLock } from '../lib/platform/autolock';
import { installClipboardClearing, scheduleClipboardClear } from '../lib/platform/clipboard';
import { installApi } from '../lib/platform/listener';
import { localSettingsStore } from '../lib/platform/settings-store';
import { browserQr } from '../lib/platform/qr-scan';
import { endingScansOnLock, sessionScanStore } from '../lib/platform/scan-store';
import { droppingViewOnLock, sessionPopupViews } from '../lib/platform/popup-view-store';
import { browserTabs } from '../lib/platform/tabs';
import { installClockObserver } from '../lib/platform/clock';
import { browserMail } from '../lib/platform/mail';
import { installFillTriggers } from '../lib/platform/triggers';
import { openDeviceVault } from '../lib/platform/device-vault';
import { installSyncTriggers } from '../lib/platform/sync-triggers';
import { SyncService } from '../lib/sync/service';
import { sessionKeyStore } from '../lib/vault/session-key-store';
import { Vault } from '../lib/vault/vault';
import { newKdfParams } from '../lib/crypto/kdf-params';
import { browserPolicySource, installPolicy } from '../lib/policy/browser';
import { enforceSyncPolicy, withPolicy } from '../lib/policy/guard';
import { managedSettingsStore } from '../lib/policy/settings';
import { policyKdf } from '../lib/policy/vault';
import { deferred, installDeferredParts } from '../lib/deferred/load';

// Chrome: a classic worker, so that it can importScripts() the deferred parts (the KDF, import
// parsers, sync engine: lib/deferred/load.ts) when a message needs them, never at start; an MV3
// service worker may not import(). Firefox: an ES module event page, which import()s them.
export default defineBackground({ type: { firefox: 'module' }, main: () => {
  // Time from the worker's start to here: fetching, parsing and running every module it imports (bench/worker-start.mjs).
  const mainAt = performance.now();
  installDeferredParts();
  // The unlocked key lives in storage.session: only extension contexts, never content scripts
  // (Chrome's default, stated here so that no change elsewhere can widen it).
  void browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
  // Managed policy (issue 16): its values win over the user's settings; new vault headers take its KDF cost.
  const policy = browserPolicySource();
  const settings = managedSettingsStore(localSettingsStore(), policy);
  // Locking also ends pending scan reviews and removes the popup's session view.
  const keyStore = droppingViewOnLock(endingScansOnLock(sessionKeyStore()));
  const vault = openDeviceVault(() => Vault.open({ keyStore, kdfParams: () => newKdfParams(policyKdf(policy.current())) }));
  const sync = new SyncService({ vault, keyStore, local: browser.storage.local, session: browser.storage.session, syncArea: browser.storage.sync });
  const ctx: ApiContext = {
    vault,
    settings,
    now: Date.now,
    onChange: () => void sync.changed(),
    onUnlock: () => void enforceSyncPolicy(sync, vault, policy.current()).catch(() => false).then(() => sync.unlocked()),
    services: {
      tabs: browserTabs,
      qr: browserQr,
      scans: sessionScanStore(keyStore),
      openReview: async (scanId: string) => void (await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#scan=${scanId}` })),
      clipboard: { scheduleClear: scheduleClipboardClear },
      sync,
      policy,
      clock: installClockObserver(),
      mail: browserMail,
      popupViews: sessionPopupViews(),
    },
  };
  installApi(withPolicy(coreHandlers), contentHandlers, ctx);
  installPolicy(policy, sync, vault);
  installFillTriggers(ctx);
  installClipboardClearing();
  installAutoLock(vault, settings);
  installSyncTriggers(sync, vault.deviceId);
  // `wxt build --mode bench` (npm run bench) exposes the in-browser KDF benchmark (a deferred part
  // in bench builds only) and the start figure; other builds drop both.
  if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { tesseraBench: { mainAt, kdf: async () => (await deferred()).kdfBench } });
} });
