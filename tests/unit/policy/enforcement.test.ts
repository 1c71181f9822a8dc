// The policy where its features read settings (issue 16): auto-lock under the cap, automatic
// fill off, the clipboard-clearing delay handed to the clipboard service.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { autofillRequest } from '../../../lib/api/content';
import { clearClipboardLater } from '../../../lib/api/clipboard';
import { checkAutoLock, recordActivity } from '../../../lib/platform/autolock';
import { managedSettingsStore } from '../../../lib/policy/settings';
import { policySource } from '../../../lib/policy/source';
import { makeApi, PASS } from '../api/context';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

async function managedApi(policy: Record<string, unknown>) {
  const api = await makeApi();
  let raw = policy;
  const source = policySource(async () => raw);
  const user = api.ctx.settings;
  api.ctx.settings = managedSettingsStore(user, source);
  return { ...api, user, setPolicy: (p: Record<string, unknown>) => void (raw = p) };
}

describe('policy enforcement in features', () => {
  beforeEach(() => fakeBrowser.reset());

  it('auto-lock follows the cap even when the user chose longer before the policy came', async () => {
    const { ctx, user, setPolicy } = await managedApi({});
    await user.set({ autoLockMinutes: 60 });
    setPolicy({ maxAutoLockMinutes: 5 });
    await recordActivity(0);
    expect(await checkAutoLock(ctx.vault, ctx.settings, 4 * 60_000)).toBe(false);
    expect(await ctx.vault.state()).toBe('unlocked');
    expect(await checkAutoLock(ctx.vault, ctx.settings, 5 * 60_000 + 1)).toBe(true);
    expect(await ctx.vault.state()).toBe('locked');
  });

  it('automatic fill is skipped when the policy forbids it, whatever the user chose', async () => {
    const { ctx, user, setPolicy } = await managedApi({});
    await user.set({ autoFill: true });
    setPolicy({ allowAutoFill: false });
    const sender = { tab: { id: 3, url: 'https://example.com/login' }, url: 'https://example.com/login', frameId: 0 };
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, ctx)).toEqual({ ok: true, filled: false, skipped: 'auto-fill-off' });
  });

  it("a copied code is cleared after the policy's delay", async () => {
    const { ctx, user, setPolicy } = await managedApi({});
    await user.set({ clipboardClearSeconds: 0 });
    setPolicy({ clipboardClearSeconds: 12 });
    const delays: number[] = [];
    ctx.services = { clipboard: { scheduleClear: async (_v: string, s: number) => void delays.push(s) } };
    await clearClipboardLater(ctx, '123456');
    expect(delays).toEqual([12]);
  });

  it('unencrypted exports (links and phone QR codes) are refused when the policy forbids them; the backup is not', async () => {
    const { call, ctx, setPolicy } = await managedApi({});
    ctx.services = { ...ctx.services, policy: policySource(async () => ({ allowPlainExport: false })) };
    await call({ type: 'accounts.import', text: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example' });
    for (const format of ['otpauth', 'migration']) {
      const a = await call({ type: 'accounts.export', format, passphrase: PASS });
      expect(a).toMatchObject({ ok: false, error: { code: 'managed' } });
      expect(JSON.stringify(a)).not.toContain('JBSWY3DPEHPK3PXP');
    }
    expect(await call({ type: 'backup.export', password: 'a long backup password for tests' })).toMatchObject({ ok: true });
    ctx.services = { ...ctx.services, policy: policySource(async () => ({})) };
    setPolicy({});
    expect(await call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS })).toMatchObject({ ok: true, text: expect.stringContaining('JBSWY3DPEHPK3PXP') });
  });
});
