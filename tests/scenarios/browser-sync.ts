// Browser sync (issue 6) through each browser's storage.sync: the vault is pushed, sealed
// (nothing secret or identifying in clear). Firefox keeps storage.sync without a Firefox
// account too, and exposes none of Chrome's quota constants (lib/sync hard-codes them).
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { ISSUER, LABEL, SECRET, setUpWithAccount } from './shared';

export const browserSync: Scenario = {
  name: 'browser sync pushes the sealed vault to storage.sync',
  async run(d) {
    await setUpWithAccount(d);
    expect(await d.rawApi({ type: 'sync.configure', backend: 'browser' })).toMatchObject({ ok: true });
    const round = await api<{ pulled: number; pushed: number }>(d, { type: 'sync.now' });
    expect(round.pushed).toBeGreaterThanOrEqual(1);
    expect(await d.rawApi({ type: 'sync.status' })).toMatchObject({ ok: true, backend: 'browser', state: 'idle', lastSyncAt: expect.any(Number) });
    const stored = await d.extensionPage.evaluate(async () => JSON.stringify(await chrome.storage.sync.get(null)));
    expect(stored.length).toBeGreaterThan(100);
    for (const needle of [SECRET, ISSUER, LABEL]) expect(stored).not.toContain(needle);
  },
};
