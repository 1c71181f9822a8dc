// Auto-lock (issue 2): the vault locks after the configured idle minutes, measured from the
// last use of Tessera's pages as recorded in storage.session, and not before.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkAutoLock, recordActivity } from '../../../lib/platform/autolock';
import { makeApi } from '../api/context';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

describe('auto-lock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('locks after the idle minutes since the last activity, not before', async () => {
    const { ctx } = await makeApi();
    await ctx.settings.set({ autoLockMinutes: 15 });
    const t0 = 1_000_000;
    await recordActivity(t0);
    expect(await checkAutoLock(ctx.vault, ctx.settings, t0 + 14 * 60_000)).toBe(false);
    expect(await ctx.vault.state()).toBe('unlocked');
    await recordActivity(t0 + 14 * 60_000);
    expect(await checkAutoLock(ctx.vault, ctx.settings, t0 + 20 * 60_000)).toBe(false);
    expect(await checkAutoLock(ctx.vault, ctx.settings, t0 + 29 * 60_000)).toBe(true);
    expect(await ctx.vault.state()).toBe('locked');
  });

  it('follows a shorter setting at once, and does nothing while locked', async () => {
    const { ctx, call } = await makeApi();
    await recordActivity(0);
    await ctx.settings.set({ autoLockMinutes: 1 });
    expect(await checkAutoLock(ctx.vault, ctx.settings, 61_000)).toBe(true);
    expect(await call({ type: 'codes.all' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await checkAutoLock(ctx.vault, ctx.settings, 10_000_000)).toBe(false);
  });
});

describe('screen lock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('locks at once when the browser reports the screen locked, not when merely idle', async () => {
    const { ctx } = await makeApi();
    const { installAutoLock } = await import('../../../lib/platform/autolock');
    // fakeBrowser has no idle API: a stand-in that keeps the listener.
    let onState: ((state: string) => void) | undefined;
    const idle = { onStateChanged: { addListener: (l: (state: string) => void) => void (onState = l) } };
    Object.assign(fakeBrowser, { idle });
    installAutoLock(ctx.vault, ctx.settings);
    onState!('idle');
    await new Promise((r) => setTimeout(r, 20));
    expect(await ctx.vault.state()).toBe('unlocked');
    onState!('locked');
    await new Promise((r) => setTimeout(r, 20));
    expect(await ctx.vault.state()).toBe('locked');
  });
});
