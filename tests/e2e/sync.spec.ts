// Issue 6, end to end: two separate Chromium profiles with the extension, both syncing through
// a real WebDAV server (Debian's Apache httpd with mod_dav_fs on 127.0.0.1) with the same
// passphrase. The second device joins through the options page as a user would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startApacheWebDav, type ApacheWebDav } from '../support/apache-webdav';
import { apiFrom, expect, launchWithExtension, serviceWorkerOf, strictApi, test, type RawApi } from './extension';
import { PASSPHRASE } from './helpers';

interface Device {
  context: BrowserContext;
  page: Page;
  api: RawApi;
  profile: string;
}

async function openDevice(): Promise<Device> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-sync-'));
  const context = await launchWithExtension(profile);
  const id = new URL((await serviceWorkerOf(context)).url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  return { context, page, api: await apiFrom(page), profile };
}

const ok = <T = Record<string, unknown>>(api: RawApi, message: Record<string, unknown>) => strictApi(api)<T>(message);

const accountsOf = async (d: Device) =>
  (await ok<{ accounts: Array<{ id: string; issuer: string; label: string }> }>(d.api, { type: 'accounts.list' })).accounts
    .map((a) => `${a.issuer}:${a.label}`).sort();

let dav: ApacheWebDav;
let a: Device;
let b: Device;

test.beforeEach(async () => {
  dav = await startApacheWebDav();
  [a, b] = await Promise.all([openDevice(), openDevice()]);
});

test.afterEach(async () => {
  for (const d of [a, b]) {
    await d?.context.close();
    if (d) rmSync(d.profile, { recursive: true, force: true });
  }
  await dav?.stop();
});

test('two devices converge over WebDAV: join, add, edit vs delete, used tokens; wrong passphrase overwrites nothing', async () => {
  const creds = { backend: 'webdav', url: dav.url, username: dav.username, password: dav.password };
  // Device A: a vault with two accounts and emergency tokens, syncing to the server.
  await ok(a.api, { type: 'vault.setup', passphrase: PASSPHRASE });
  await ok(a.api, { type: 'accounts.import', text: 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme\notpauth://totp/Beta:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Beta' });
  const tokens = await ok<{ accountId: string }>(a.api, { type: 'tokens.add', service: 'VPN', text: 'tok-aaaa-1111\ntok-bbbb-2222\ntok-cccc-3333' });
  expect(await ok(a.api, { type: 'sync.configure', ...creds })).toMatchObject({ state: 'idle' });
  expect((await ok<{ pushed: number }>(a.api, { type: 'sync.now' })).pushed).toBeGreaterThan(0);
  expect(await ok(a.api, { type: 'sync.status' })).toMatchObject({ backend: 'webdav', state: 'idle', lastSyncAt: expect.any(Number) });

  // A wrong password for the server is refused clearly, and nothing is configured.
  expect(await b.api({ type: 'sync.configure', ...creds, password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  expect(await ok(b.api, { type: 'sync.status' })).toMatchObject({ backend: 'off', state: 'off' });

  // Device B joins through its options page: "take the vault of another device" with WebDAV.
  await b.page.reload();
  await b.page.getByText('Already use Tessera on another device?').click();
  await b.page.getByLabel('WebDAV').check();
  await b.page.getByLabel('WebDAV folder address').fill(dav.url);
  await b.page.getByLabel('User name').fill(dav.username);
  await b.page.getByLabel('App password').fill(dav.password);
  await b.page.getByRole('button', { name: 'Save' }).click();
  await expect(b.page.getByRole('heading', { name: 'Tessera is locked' })).toBeVisible();
  expect(await ok(b.api, { type: 'vault.status' })).toMatchObject({ state: 'locked' });

  // A wrong passphrase on B: a clear error, and nothing is overwritten anywhere.
  const serverBefore = await listServer(dav);
  await b.page.getByLabel('Passphrase').fill('not the passphrase');
  await b.page.getByRole('button', { name: 'Unlock' }).click();
  await expect(b.page.getByRole('alert')).toContainText('not right');
  expect(await listServer(dav)).toEqual(serverBefore);

  await b.page.getByLabel('Passphrase').fill(PASSPHRASE);
  await b.page.getByRole('button', { name: 'Unlock' }).click();
  await expect(b.page.locator('tr[data-account-id]')).toHaveCount(3);
  expect(await accountsOf(b)).toEqual(['Acme:alice', 'Beta:bob', 'VPN:']);

  // A new account on A appears on B.
  await ok(a.api, { type: 'accounts.import', text: 'otpauth://totp/Gamma:carol?secret=KRSXG5CTMVRXEZLU&issuer=Gamma' });
  await ok(a.api, { type: 'sync.now' });
  await ok(b.api, { type: 'sync.now' });
  expect(await accountsOf(b)).toContain('Gamma:carol');

  // B edits one account while A deletes another: both changes survive on both devices.
  const idOn = async (d: Device, issuer: string) =>
    (await ok<{ accounts: Array<{ id: string; issuer: string }> }>(d.api, { type: 'accounts.list' })).accounts.find((x) => x.issuer === issuer)!.id;
  await ok(b.api, { type: 'accounts.update', id: await idOn(b, 'Acme'), label: 'alice@acme.example' });
  await ok(a.api, { type: 'accounts.remove', id: await idOn(a, 'Beta') });
  await ok(a.api, { type: 'sync.now' });
  await ok(b.api, { type: 'sync.now' });
  await ok(a.api, { type: 'sync.now' });
  const expected = ['Acme:alice@acme.example', 'Gamma:carol', 'VPN:'];
  expect(await accountsOf(a)).toEqual(expected);
  expect(await accountsOf(b)).toEqual(expected);

  // A token used on A shows used on B.
  const copied = await ok<{ tokenId: string }>(a.api, { type: 'tokens.copy', accountId: tokens.accountId });
  await ok(a.api, { type: 'sync.now' });
  await ok(b.api, { type: 'sync.now' });
  const onB = await ok<{ tokens: Array<{ id: string; used: boolean }>; remaining: number }>(b.api, { type: 'tokens.list', accountId: tokens.accountId });
  expect(onB.tokens.find((t) => t.id === copied.tokenId)).toMatchObject({ used: true });
  expect(onB.remaining).toBe(2);

  // The server only ever holds sealed data.
  const stored = await readServer(dav);
  for (const needle of ['Acme', 'alice', 'Gamma', 'tok-aaaa-1111', 'JBSWY3DPEHPK3PXP', dav.password]) expect(stored).not.toContain(needle);
});

test('a device with its own vault is not joined to another: conflict, nothing overwritten', async () => {
  const creds = { backend: 'webdav', url: dav.url, username: dav.username, password: dav.password };
  await ok(a.api, { type: 'vault.setup', passphrase: PASSPHRASE });
  await ok(a.api, { type: 'sync.configure', ...creds });
  await ok(a.api, { type: 'sync.now' });
  await ok(b.api, { type: 'vault.setup', passphrase: 'a different passphrase' });
  await ok(b.api, { type: 'accounts.import', text: 'otpauth://totp/Local:only?secret=JBSWY3DPEHPK3PXP&issuer=Local' });
  const before = await listServer(dav);
  expect(await b.api({ type: 'sync.configure', ...creds })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('different vault') } });
  expect(await listServer(dav)).toEqual(before);
  expect(await accountsOf(b)).toEqual(['Local:only']);
});

/** Every file on the server with its size and modification time. */
async function listServer(d: ApacheWebDav): Promise<string[]> {
  const { readdirSync, statSync } = await import('node:fs');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${p.slice(d.root.length)} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(d.root);
  return out.sort();
}

async function readServer(d: ApacheWebDav): Promise<string> {
  const { readFileSync } = await import('node:fs');
  return (await listServer(d)).map((line) => readFileSync(join(d.root, line.split(' ')[0]!), 'latin1')).join('\n');
}
