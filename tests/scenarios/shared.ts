// Fixed inputs and small steps the scenarios share. Expected codes are computed in Node with
// otpauth (tests/e2e/helpers.ts), never read back from the extension.
import { expect } from '@playwright/test';
import { api, type Driver, type PageHandle } from '../e2e/drivers/driver';
import { PASSPHRASE, totpNow } from '../e2e/helpers';

export { PASSPHRASE, totpNow };
export { SITE } from '../e2e/extension';

/** RFC 6238 Appendix B's SHA-1 seed ("12345678901234567890") in base32. */
export const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const ISSUER = 'Acme Corp';
export const LABEL = 'alice@acme.example';
export const URI = `otpauth://totp/${encodeURIComponent(ISSUER)}:${encodeURIComponent(LABEL)}?secret=${SECRET}&issuer=${encodeURIComponent(ISSUER)}`;

/** The codes a TOTP account may show at `now`: this step's, or the last one's when a step just turned. */
export function acceptableNow(secret: string, now = Date.now()): string[] {
  return [totpNow(secret, { timestamp: now }), totpNow(secret, { timestamp: now - 30_000 })];
}

export async function setUpWithAccount(d: Driver, uri = URI): Promise<string> {
  await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
  const { added } = await api<{ added: Array<{ id: string }> }>(d, { type: 'accounts.import', text: uri });
  expect(added).toHaveLength(1);
  return added[0]!.id;
}

/** The tab showing `url`: all tabs are listed and filtered (Firefox's URL patterns ignore tabs when they carry a port). */
export async function tabIdOf(d: Driver, url: string): Promise<number> {
  const tab = (await d.tabs()).find((t) => t.url === url);
  if (!tab) throw new Error(`no tab shows ${url}`);
  return tab.id;
}

/** Opens the popup as a tab and waits until every row shows a code (the data-ready hook). */
export async function openPopupWithCodes(d: Driver): Promise<PageHandle> {
  const popup = await d.openExtensionPage('popup.html');
  await expect.poll(() => popup.attribute('html', 'data-ready')).toBe('codes');
  return popup;
}
