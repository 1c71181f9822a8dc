// The policy through the API (shared/automation-api.md: settings.get `managed`, settings.set
// `managed`; sync.configure and vault.setup under a policy), with a real vault.
import { describe, expect, it } from 'vitest';
import { coreHandlers } from '../../../lib/api/handlers';
import { dispatch } from '../../../lib/api/router';
import type { ApiContext } from '../../../lib/api/types';
import { setLang } from '../../../lib/i18n/i18n';
import { withPolicy } from '../../../lib/policy/guard';
import { managedSettingsStore } from '../../../lib/policy/settings';
import { policySource } from '../../../lib/policy/source';
import { makeVault } from '../vault/helpers';
import { WEBDAV_RECORD } from '../../../lib/sync/service';
import { memorySettings } from '../api/context';

const STRONG = 'Tessera-Policy-Test-Passphrase-2026!';

async function setup(raw: Record<string, unknown>, o: { setupVault?: boolean } = {}) {
  setLang('en');
  let managed: unknown = raw;
  const source = policySource(async () => managed);
  const { vault } = await makeVault({ now: () => Date.now() });
  const configured: Array<Record<string, unknown>> = [];
  let backend = 'off';
  const sync = {
    backend: async () => backend,
    configure: async (kind: string, creds?: Record<string, unknown>) => {
      configured.push({ kind, ...creds });
      backend = kind;
      return { state: kind === 'off' ? 'off' : 'idle' };
    },
    status: async () => ({ backend, state: backend === 'off' ? 'off' : 'idle', lastSyncAt: null }),
    syncNow: async () => ({ pulled: 0, pushed: 0 }),
  };
  const ctx: ApiContext = { vault, settings: managedSettingsStore(memorySettings(), source), now: Date.now, services: { policy: source, sync } };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = (msg: Record<string, unknown>) => dispatch(withPolicy(coreHandlers), msg, ctx) as Promise<any>;
  if (o.setupVault !== false) expect(await call({ type: 'vault.setup', passphrase: STRONG })).toEqual({ ok: true });
  return { call, ctx, configured, setPolicy: (p: unknown) => void (managed = p), source, setBackend: (b: string) => void (backend = b) };
}

describe('sync.status names the backends the policy allows', () => {
  it('before a vault exists (for the set-up screen), and after', async () => {
    const { call, setPolicy } = await setup({ allowedSyncBackends: ['webdav'] }, { setupVault: false });
    expect(await call({ type: 'sync.status' })).toMatchObject({ ok: true, backend: 'off', allowedBackends: ['webdav'] });
    setPolicy({ allowedSyncBackends: [] });
    expect((await call({ type: 'sync.status' })).allowedBackends).toEqual([]);
    setPolicy({});
    expect((await call({ type: 'sync.status' })).allowedBackends).toEqual(['browser', 'webdav']);
  });
});

describe('settings.get / settings.set under a policy', () => {
  it('lists managed settings, shows the enforced values and refuses changes with `managed`', async () => {
    const { call } = await setup({ maxAutoLockMinutes: 5, clipboardClearSeconds: 45, allowAutoFill: false, lowTokenThreshold: 4, allowPlainExport: false });
    const a = await call({ type: 'settings.get' });
    expect(a).toMatchObject({
      ok: true,
      settings: { autoLockMinutes: 5, clipboardClearSeconds: 45, autoFill: false, lowTokenThreshold: 4 },
      managed: ['autoLockMinutes', 'clipboardClearSeconds', 'autoFill', 'lowTokenThreshold', 'allowPlainExport'],
      limits: { autoLockMinutes: { max: 5 } },
    });
    for (const settings of [{ autoFill: true }, { clipboardClearSeconds: 0 }, { lowTokenThreshold: 1 }, { autoLockMinutes: 30 }, { autoLockMinutes: 3, autoFill: true }]) {
      expect(await call({ type: 'settings.set', settings }), JSON.stringify(settings)).toMatchObject({ ok: false, error: { code: 'managed', message: expect.stringMatching(/organisation/) } });
    }
    // Nothing changed (the combined patch did not save its allowed half either).
    expect((await call({ type: 'settings.get' })).settings).toMatchObject({ autoLockMinutes: 5, autoFill: false });
    // Within the cap the user chooses.
    expect(await call({ type: 'settings.set', settings: { autoLockMinutes: 3 } })).toMatchObject({ ok: true, settings: { autoLockMinutes: 3 } });
  });

  it('follows a policy change without a restart, and gives the user their own values back when lifted', async () => {
    const { call, setPolicy, source } = await setup({});
    expect(await call({ type: 'settings.set', settings: { autoFill: true, clipboardClearSeconds: 90 } })).toMatchObject({ ok: true });
    const seen: unknown[] = [];
    source.onChange((p) => seen.push(p));
    setPolicy({ allowAutoFill: false, clipboardClearSeconds: 10 });
    await source.changed();
    expect(seen).toEqual([{ allowAutoFill: false, clipboardClearSeconds: 10 }]);
    expect(await call({ type: 'settings.get' })).toMatchObject({ settings: { autoFill: false, clipboardClearSeconds: 10 }, managed: ['clipboardClearSeconds', 'autoFill'] });
    setPolicy({});
    expect(await call({ type: 'settings.get' })).toMatchObject({ settings: { autoFill: true, clipboardClearSeconds: 90 }, managed: [] });
  });

  it('without a policy nothing is managed, and a read failure (Firefox without policy) means no policy', async () => {
    const { call, setPolicy } = await setup({});
    expect(await call({ type: 'settings.get' })).toMatchObject({ ok: true, managed: [] });
    setPolicy(undefined);
    expect(await call({ type: 'settings.set', settings: { autoFill: true } })).toMatchObject({ ok: true, settings: { autoFill: true } });
  });

  it('reading the store fails: no policy', async () => {
    const source = policySource(async () => {
      throw new Error('Managed storage manifest not found');
    });
    expect(await source.load()).toEqual({});
  });
});

describe('sync.configure under a policy', () => {
  it('refuses a backend the policy does not allow with `managed`, and nothing is configured', async () => {
    const { call, configured } = await setup({ allowedSyncBackends: ['webdav'] });
    expect(await call({ type: 'sync.configure', backend: 'browser' })).toMatchObject({ ok: false, error: { code: 'managed', message: expect.stringMatching(/Browser sync/) } });
    expect(configured).toEqual([]);
    expect(await call({ type: 'sync.configure', backend: 'off' })).toMatchObject({ ok: true });
  });

  it('uses the preset WebDAV folder when none is given and refuses another', async () => {
    const { call, configured } = await setup({ webdavUrl: 'https://dav.example.com/tessera/' });
    expect(await call({ type: 'sync.configure', backend: 'webdav', url: 'https://elsewhere.example/dav/', username: 'u', password: 'p' })).toMatchObject({ ok: false, error: { code: 'managed' } });
    expect(configured).toEqual([]);
    expect(await call({ type: 'sync.configure', backend: 'webdav', username: 'u', password: 'p' })).toMatchObject({ ok: true });
    expect(await call({ type: 'sync.configure', backend: 'webdav', url: 'https://dav.example.com/tessera', username: 'u', password: 'p' })).toMatchObject({ ok: true });
    expect(configured.map((c) => c.url)).toEqual(['https://dav.example.com/tessera/', 'https://dav.example.com/tessera']);
  });

  it('sync.now turns off a backend the policy no longer allows and says so', async () => {
    const { call, configured, setBackend, setPolicy } = await setup({});
    setBackend('browser');
    setPolicy({ allowedSyncBackends: [] });
    expect(await call({ type: 'sync.now' })).toMatchObject({ ok: false, error: { code: 'managed' } });
    expect(configured).toEqual([{ kind: 'off' }]);
  });

  it('turns off WebDAV sync to a folder other than the preset once the vault is open', async () => {
    const { call, ctx, configured, setBackend, setPolicy } = await setup({});
    await ctx.vault.commit({ put: [{ id: WEBDAV_RECORD, kind: 'local', data: { url: 'https://old.example/dav/', username: 'u', password: 'p' } }] });
    setBackend('webdav');
    setPolicy({ webdavUrl: 'https://old.example/dav' });
    expect(await call({ type: 'sync.now' })).toMatchObject({ ok: true });
    expect(configured).toEqual([]);
    setPolicy({ webdavUrl: 'https://dav.example.com/tessera/' });
    expect(await call({ type: 'sync.now' })).toMatchObject({ ok: false, error: { code: 'managed' } });
    expect(configured).toEqual([{ kind: 'off' }]);
  });

  it('works before a vault exists (joining) with the same checks', async () => {
    const { call } = await setup({ allowedSyncBackends: [] }, { setupVault: false });
    expect(await call({ type: 'sync.configure', backend: 'browser' })).toMatchObject({ ok: false, error: { code: 'managed' } });
  });
});

describe('vault.setup under a policy', () => {
  it('refuses a passphrase weaker than the organisation asks, and creates nothing', async () => {
    const { call } = await setup({ minPassphraseStrength: 'strong' }, { setupVault: false });
    expect(await call({ type: 'vault.setup', passphrase: 'correct horse' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase', message: expect.stringMatching(/organisation/) } });
    expect(await call({ type: 'vault.status' })).toEqual({ ok: true, state: 'new' });
    expect(await call({ type: 'vault.setup', passphrase: STRONG })).toEqual({ ok: true });
    // An existing vault still answers `exists`, whatever the passphrase.
    expect(await call({ type: 'vault.setup', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('applies to a new passphrase too', async () => {
    const { call } = await setup({ minPassphraseStrength: 'strong' });
    expect(await call({ type: 'vault.changePassphrase', old: STRONG, passphrase: 'correct horse' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
  });
});

describe('settings.set input', () => {
  it('answers bad-input for a known setting of the wrong type, and changes nothing', async () => {
    const { call } = await setup({});
    for (const settings of [{ autoFill: 'yes' }, { autoLockMinutes: '5' }, { clipboardClearSeconds: Number.NaN }]) {
      expect(await call({ type: 'settings.set', settings }), JSON.stringify(settings)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(await call({ type: 'settings.set', settings: [] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await call({ type: 'settings.get' })).settings).toMatchObject({ autoFill: false, autoLockMinutes: 15 });
  });
});
