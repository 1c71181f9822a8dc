// Set up a vault, import an otpauth URI, read the code through the API and in the popup:
// both equal the code computed in Node (RFC 6238 with the Appendix B seed).
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { acceptableNow, ISSUER, LABEL, openPopupWithCodes, PASSPHRASE, SECRET, totpNow, URI } from './shared';

export const setupImport: Scenario = {
  name: 'set up, import an otpauth URI, the API and the popup show the right code',
  async run(d) {
    expect(await d.rawApi({ type: 'vault.status' })).toMatchObject({ ok: true, state: 'new' });
    expect(await d.rawApi({ type: 'accounts.list' })).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    const imported = await api<{ added: Array<{ id: string; issuer: string; label: string }>; duplicates: number }>(d, { type: 'accounts.import', text: `${URI}\n${URI}` });
    expect(imported.added).toEqual([{ id: expect.any(String), issuer: ISSUER, label: LABEL }]);
    expect(imported.duplicates).toBe(1);
    const id = imported.added[0]!.id;

    const code = await api<{ code: string; period: number; expiresAt: number; acceptedUntil: number }>(d, { type: 'codes.get', id });
    expect(code.period).toBe(30);
    expect(code.expiresAt % 30_000).toBe(0);
    expect(code.acceptedUntil).toBe(code.expiresAt + 30_000);
    expect(code.code).toBe(totpNow(SECRET, { timestamp: code.expiresAt - 1 }));

    const popup = await openPopupWithCodes(d);
    expect(await popup.text(`[data-account-id="${id}"]`)).toContain(ISSUER);
    const shown = await popup.attribute(`[data-account-id="${id}"] [data-code]`, 'data-code');
    expect(acceptableNow(SECRET)).toContain(shown);
  },
};
