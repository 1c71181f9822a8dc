// clock.status and corrected codes (shared/automation-api.md clock.status, settings.set
// clockCorrection; docs/clock.md).
import { describe, expect, it } from 'vitest';
import type { ClockEstimate } from '../../../lib/clock/estimator';
import { makeApi } from './context';

const SECRET = 'JBSWY3DPEHPK3PXP';

async function withClock(estimate: ClockEstimate | null) {
  const api = await makeApi();
  api.ctx.services = { clock: { estimate: async () => estimate } };
  const a = await api.call({ type: 'accounts.import', text: `otpauth://totp/X:me?secret=${SECRET}` });
  return { ...api, id: a.added[0].id as string };
}

describe('clock.status', () => {
  it('says unknown without an estimate', async () => {
    const { call } = await withClock(null);
    expect(await call({ type: 'clock.status' })).toEqual({ ok: true, offsetMs: null, samples: 0, checkedAt: null, correcting: false });
  });

  it('corrects by default beyond 30 s with 3 servers: codes.get, codes.all and fills follow', async () => {
    const { call, clock, id } = await withClock({ offsetMs: -47_000, samples: 3, checkedAt: 1 });
    const status = await call({ type: 'clock.status' });
    expect(status).toMatchObject({ offsetMs: -47_000, samples: 3, correcting: true });
    const trueNow = clock.now + 47_000;
    const expected = await call({ type: 'codes.get', id, at: trueNow });
    const got = await call({ type: 'codes.get', id });
    expect(got.code).toBe(expected.code);
    expect(got.expiresAt).toBe(expected.expiresAt);
    // An explicit `at` stays as given.
    const atDevice = await call({ type: 'codes.get', id, at: clock.now });
    expect(atDevice.expiresAt).toBe(Math.floor(clock.now / 30_000) * 30_000 + 30_000);
    // codes.all: the corrected code, its end on this device's clock.
    const all = await call({ type: 'codes.all' });
    expect(all.codes[0].code).toBe(expected.code);
    expect(all.codes[0].expiresAt).toBe(expected.expiresAt - 47_000);
    expect(all.now).toBe(clock.now);
    const used = await call({ type: 'codes.use', id });
    expect(used.code).toBe(expected.code);
  });

  it('does not correct small or unconfirmed offsets by default, and the user can turn it on or off', async () => {
    const { call, clock, id } = await withClock({ offsetMs: 20_000, samples: 2, checkedAt: 1 });
    expect((await call({ type: 'clock.status' })).correcting).toBe(false);
    const plain = await call({ type: 'codes.get', id, at: clock.now });
    expect((await call({ type: 'codes.get', id })).expiresAt).toBe(plain.expiresAt);
    expect((await call({ type: 'settings.set', settings: { clockCorrection: true } })).settings.clockCorrection).toBe(true);
    expect((await call({ type: 'clock.status' })).correcting).toBe(true);
    const corrected = await call({ type: 'codes.get', id, at: clock.now - 20_000 });
    expect((await call({ type: 'codes.get', id })).code).toBe(corrected.code);
    await call({ type: 'settings.set', settings: { clockCorrection: false } });
    expect((await call({ type: 'clock.status' })).correcting).toBe(false);
  });

  it('settings.set refuses a clockCorrection that is not a boolean and a malformed emailCodes', async () => {
    const { call } = await withClock(null);
    expect((await call({ type: 'settings.set', settings: { clockCorrection: 'yes' } })).error.code).toBe('bad-input');
    expect((await call({ type: 'settings.set', settings: { emailCodes: { enabled: 'on', mailboxes: [] } } })).error.code).toBe('bad-input');
    expect((await call({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['chrome://x'] } } })).error.code).toBe('bad-input');
    const ok = await call({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['https://mail.google.com/mail/u/0/', 'outlook.office.com'] } } });
    expect(ok.settings.emailCodes).toEqual({ enabled: true, mailboxes: ['google.com', 'office.com'] });
    expect((await call({ type: 'settings.get' })).settings.emailCodes.enabled).toBe(true);
  });
});
