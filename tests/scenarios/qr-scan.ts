// QR from a page image (issue 3): qr.scanTab on the demo site's sign-up page finds its
// enrollment QR code, adds the account, and its code equals the one computed in Node.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { acceptableNow, PASSPHRASE, SITE, tabIdOf } from './shared';

/** tests/site/server.mjs DEMO_SECRET, shown on /signup as alice@<host> of "Tessera Demo". */
const DEMO_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const qrScan: Scenario = {
  name: 'QR from a page image: qr.scanTab adds the sign-up page\'s account',
  skipReason: () =>
    readFileSync(new URL('../../lib/api/handlers.ts', import.meta.url), 'utf8').includes("'qr.scanTab'") ? undefined : 'qr.scanTab is not in lib/api/handlers.ts yet (issue 3)',
  async run(d) {
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    const url = `${SITE}/signup`;
    await d.openPage(url);
    const tabId = await tabIdOf(d, url);
    const scan = await api<{ found: Array<{ kind: string; accounts: Array<{ issuer: string; label: string }> }>; added: Array<{ id: string }> }>(d, { type: 'qr.scanTab', tabId });
    expect(scan.found).toEqual([expect.objectContaining({ kind: 'otpauth', accounts: [{ issuer: 'Tessera Demo', label: 'alice@127.0.0.1' }] })]);
    expect(scan.added).toHaveLength(1);
    const { code } = await api<{ code: string }>(d, { type: 'codes.get', id: scan.added[0]!.id });
    expect(acceptableNow(DEMO_SECRET)).toContain(code);
  },
};
