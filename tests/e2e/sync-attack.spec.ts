// Issue 10, end to end: a hostile WebDAV server. Two Chromium profiles sync through a real Apache
// (mod_dav_fs on 127.0.0.1); between syncs the test edits the device files on the server's disk —
// a forged deletion by swapping ids, garbage ciphertext, a replay of an older file, a forged
// header, a 40 MB file — and checks with accounts.list / codes.get / tokens.copy on both profiles
// that nothing is lost or changed, that sync.status reports it (`rejected`, `warning.code`), and
// that the service worker keeps answering. After each attack the honest device rewrites its file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startApacheWebDav, type ApacheWebDav } from '../support/apache-webdav';
import { apiFrom, expect, launchWithExtension, serviceWorkerOf, strictApi, test, type RawApi } from './extension';
import { PASSPHRASE, openOptionsSection } from './helpers';
import { TOTP } from 'otpauth/slim';

/** The RFC 6238 code of a Base32 secret (default parameters) at `timestamp`, from the otpauth library. */
const totp = (secret: string, timestamp: number) => new TOTP({ secret }).generate({ timestamp });

interface Device {
  context: BrowserContext;
  page: Page;
  api: RawApi;
  profile: string;
}

async function openDevice(): Promise<Device> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-attack-'));
  const context = await launchWithExtension(profile);
  const id = new URL((await serviceWorkerOf(context)).url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  return { context, page, api: await apiFrom(page), profile };
}

const ok = <T = Record<string, unknown>>(api: RawApi, message: Record<string, unknown>) => strictApi(api)<T>(message);
type Listed = { accounts: Array<{ id: string; issuer: string; label: string; tokensRemaining?: number }> };
const accountsOf = async (d: Device) => (await ok<Listed>(d.api, { type: 'accounts.list' })).accounts.map((a) => `${a.issuer}:${a.label}`).sort();
const idOn = async (d: Device, issuer: string) => (await ok<Listed>(d.api, { type: 'accounts.list' })).accounts.find((x) => x.issuer === issuer)!.id;
const status = (d: Device) => ok<{ state: string; rejected: number; warning?: { code: string; message: string } }>(d.api, { type: 'sync.status' });

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

test('a server that edits device files between syncs makes no device lose or change anything, and is reported', async () => {
  test.setTimeout(240_000);
  const creds = { backend: 'webdav', url: dav.url, username: dav.username, password: dav.password };
  // A: two accounts, emergency tokens, and a deleted account (so its file holds a tombstone).
  await ok(a.api, { type: 'vault.setup', passphrase: PASSPHRASE });
  await ok(a.api, { type: 'accounts.import', text: 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme\notpauth://totp/Beta:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Beta\notpauth://totp/Temp:tmp?secret=MFRGGZDFMZTWQ2LK&issuer=Temp' });
  const vpn = await ok<{ accountId: string }>(a.api, { type: 'tokens.add', service: 'VPN', text: 'tok-aaaa-1111\ntok-bbbb-2222\ntok-cccc-3333\ntok-dddd-4444' });
  await ok(a.api, { type: 'accounts.remove', id: await idOn(a, 'Temp') });
  await ok(a.api, { type: 'sync.configure', ...creds });
  await ok(a.api, { type: 'sync.now' });
  // B joins and adds an account of its own.
  await ok(b.api, { type: 'sync.configure', ...creds });
  await ok(b.api, { type: 'sync.now' });
  await ok(b.api, { type: 'vault.unlock', passphrase: PASSPHRASE });
  await ok(b.api, { type: 'sync.now' });
  await ok(b.api, { type: 'accounts.import', text: 'otpauth://totp/Gamma:carol?secret=KRSXG5CTMVRXEZLU&issuer=Gamma' });
  await ok(b.api, { type: 'sync.now' });
  await ok(a.api, { type: 'sync.now' });
  const everyone = ['Acme:alice', 'Beta:bob', 'Gamma:carol', 'VPN:'];
  expect(await accountsOf(a)).toEqual(everyone);
  expect(await accountsOf(b)).toEqual(everyone);

  const folder = join(dav.root, 'tessera', readdirSync(join(dav.root, 'tessera'))[0]!);
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(2);
  const fileOf = (find: (f: FileJson) => boolean) => join(folder, files.find((f) => find(JSON.parse(readFileSync(join(folder, f), 'utf8')) as FileJson))!);
  const aFile = fileOf((f) => f.records.some((r) => r.deleted)); // A's holds the tombstone
  const read = () => JSON.parse(readFileSync(aFile, 'utf8')) as FileJson;
  const write = (f: FileJson | string) => writeFileSync(aFile, typeof f === 'string' ? f : JSON.stringify(f));
  const acmeId = await idOn(a, 'Acme');
  const betaId = await idOn(a, 'Beta');
  /** The current code of an account on both devices, read within one time step (same secret ⇒ same code). */
  const codesOn = async (id: string) => {
    for (;;) {
      const [x, y] = await Promise.all([a, b].map((d) => ok<{ code: string; expiresAt: number }>(d.api, { type: 'codes.get', id })));
      if (x!.expiresAt === y!.expiresAt) return [x!.code, y!.code, x!.expiresAt] as const;
    }
  };

  /** Nothing lost or changed on either device, the attack reported on B, and the honest state back. */
  const check = async (code: string, step: string) => {
    await ok(b.api, { type: 'sync.now' });
    for (const d of [a, b]) expect(await accountsOf(d), step).toEqual(everyone);
    // Same secrets on both devices as before the attack: the codes agree, and match the secret
    // the test imported (JBSWY3DPEHPK3PXP for Acme, checked against otpauth's reference below).
    for (const id of [acmeId, betaId]) {
      const [x, y] = await codesOn(id);
      expect(x, step).toMatch(/^\d{6}$/);
      expect(y, step).toBe(x);
    }
    const [acmeNow, , expiresAt] = await codesOn(acmeId);
    expect(acmeNow, step).toBe(totp('JBSWY3DPEHPK3PXP', expiresAt - 1000));
    const s = await status(b);
    expect(s, step).toMatchObject({ state: 'idle', warning: { code } });
    expect(s.rejected, step).toBeGreaterThan(0);
    expect(s.warning!.message.length, step).toBeGreaterThan(20);
    // A rewrites its own file; the next round on B is clean.
    await ok(a.api, { type: 'sync.now' });
    await ok(b.api, { type: 'sync.now' });
    expect(await status(b), `${step}: after A rewrote its file`).toMatchObject({ rejected: 0 });
    expect((await status(b)).warning).toBeUndefined();
  };

  // 1. A forged deletion: the tombstone of "Temp" relabelled as Acme's (ids swapped).
  {
    const f = read();
    const tomb = f.records.find((r) => r.deleted)!;
    const acme = f.records.find((r) => r.id === acmeId)!;
    [tomb.id, acme.id] = [acme.id, tomb.id];
    write(f);
    await check('tampered', 'id swap');
  }
  // 2. Garbage ciphertext in place of Beta's sealed bytes.
  {
    const f = read();
    const beta = f.records.find((r) => r.id === betaId)!;
    beta.sealed = Buffer.from(crypto.getRandomValues(new Uint8Array(Buffer.from(beta.sealed!, 'base64').length))).toString('base64');
    write(f);
    await check('tampered', 'garbage ciphertext');
  }
  // 3. A replay of an older file: A uses a token and syncs; the server puts back the file from before.
  {
    const old = readFileSync(aFile, 'utf8');
    const copied = await ok<{ tokenId: string; value: string }>(a.api, { type: 'tokens.copy', accountId: vpn.accountId });
    await ok(a.api, { type: 'sync.now' });
    await ok(b.api, { type: 'sync.now' });
    write(old);
    await check('rollback', 'replay');
    // The used token stays used on both; B's next copy is another token.
    for (const d of [a, b]) {
      const list = await ok<{ tokens: Array<{ id: string; used: boolean }>; remaining: number }>(d.api, { type: 'tokens.list', accountId: vpn.accountId });
      expect(list.tokens.find((t) => t.id === copied.tokenId)).toMatchObject({ used: true });
      expect(list.remaining).toBe(3);
    }
    const onB = await ok<{ tokenId: string }>(b.api, { type: 'tokens.copy', accountId: vpn.accountId });
    expect(onB.tokenId).not.toBe(copied.tokenId);
    await ok(b.api, { type: 'sync.now' });
    await ok(a.api, { type: 'sync.now' });
    expect((await ok<{ remaining: number }>(a.api, { type: 'tokens.list', accountId: vpn.accountId })).remaining).toBe(2);
  }
  // 4. A forged header: newer stamp, another wrapped key and salt (a ruinous or attacker's header).
  {
    const f = read();
    const h = f.header as Record<string, unknown> & { hlc: string; kdf: Record<string, unknown> };
    h.hlc = `${Date.now() + 60_000}-0000-forged`;
    h.wrappedKey = Buffer.from(crypto.getRandomValues(new Uint8Array(72))).toString('base64');
    h.kdf = { ...h.kdf, salt: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64') };
    write(f);
    await check('tampered', 'forged header');
    // The real passphrase still unlocks B; the forged header was neither adopted nor republished.
    await ok(b.api, { type: 'vault.lock' });
    await ok(b.api, { type: 'vault.unlock', passphrase: PASSPHRASE });
    for (const name of readdirSync(folder)) expect(readFileSync(join(folder, name), 'utf8')).not.toContain('-forged');
  }
  // 5. A 40 MB file in place of A's: an error in words, nothing lost, the worker keeps answering.
  {
    write(`{"format":"tessera-sync/2","records":["${'A'.repeat(40 * 1024 * 1024)}"]}`);
    expect(statSync(aFile).size).toBeGreaterThan(40_000_000);
    await check('malformed', 'huge file');
    expect(await ok(b.api, { type: 'vault.status' })).toMatchObject({ state: 'unlocked' });
  }
  // 6. Truncated and non-JSON files (a 502 page in place of the file).
  for (const [label, body] of [['truncated', readFileSync(aFile, 'utf8').slice(0, 200)], ['502 page', '<html><body>502 Bad Gateway</body></html>']] as const) {
    write(body);
    await check('malformed', label);
  }
  expect(await accountsOf(b)).toEqual(everyone);
});

test('sync.configure refuses plain http to a remote host, in words', async () => {
  const r = await a.api({ type: 'sync.configure', backend: 'webdav', url: 'http://dav.example.com/remote.php/dav/files/me/', username: 'u', password: 'p' });
  expect(r).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('https://') } });
  expect(await ok(a.api, { type: 'sync.status' })).toMatchObject({ backend: 'off' });
});

test('"also replace the vault key" from the options page: the other device follows with the new passphrase', async () => {
  test.setTimeout(180_000);
  const NEW = 'a brand new passphrase 2026';
  const creds = { backend: 'webdav', url: dav.url, username: dav.username, password: dav.password };
  await ok(a.api, { type: 'vault.setup', passphrase: PASSPHRASE });
  await ok(a.api, { type: 'accounts.import', text: 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme' });
  await ok(a.api, { type: 'sync.configure', ...creds });
  await ok(a.api, { type: 'sync.now' });
  await ok(b.api, { type: 'sync.configure', ...creds });
  await ok(b.api, { type: 'sync.now' });
  await ok(b.api, { type: 'vault.unlock', passphrase: PASSPHRASE });
  await ok(b.api, { type: 'sync.now' });
  const kidsOnServer = () => {
    const folder = join(dav.root, 'tessera', readdirSync(join(dav.root, 'tessera'))[0]!);
    return [...new Set(readdirSync(folder).map((f) => (JSON.parse(readFileSync(join(folder, f), 'utf8')) as { kid: string }).kid))];
  };
  const [oldKid] = kidsOnServer();

  // On A's options page, with the keyboard for the choice.
  await a.page.reload();
  await openOptionsSection(a.page, 'Settings'); // the passphrase form is on the Settings page (issue 14)
  const form = a.page.locator('section', { has: a.page.getByRole('heading', { name: 'Change passphrase' }) });
  await form.getByLabel('Current passphrase').fill(PASSPHRASE);
  await form.getByLabel('New passphrase').fill(NEW);
  await form.getByLabel('Type it again').fill(NEW);
  await form.getByLabel('Also replace the vault key').focus();
  await a.page.keyboard.press('Space');
  await expect(form.getByLabel('Also replace the vault key')).toBeChecked();
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(a.page.getByText('vault key replaced')).toBeVisible();
  await ok(a.api, { type: 'sync.now' });
  expect(kidsOnServer()).not.toEqual([oldKid]);

  // B still works (old key) until it is unlocked with the new passphrase; nothing is reported.
  await ok(b.api, { type: 'accounts.import', text: 'otpauth://totp/Beta:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Beta' });
  await ok(b.api, { type: 'sync.now' });
  expect(await status(b)).toMatchObject({ rejected: 0 });
  await ok(b.api, { type: 'vault.lock' });
  await ok(b.api, { type: 'vault.unlock', passphrase: NEW });
  await ok(b.api, { type: 'sync.now' });
  await ok(a.api, { type: 'sync.now' });
  await ok(b.api, { type: 'sync.now' });
  for (const d of [a, b]) expect(await accountsOf(d)).toEqual(['Acme:alice', 'Beta:bob']);
  expect(kidsOnServer()).toHaveLength(1);
  expect(kidsOnServer()).not.toContain(oldKid);
  await ok(b.api, { type: 'vault.lock' });
  expect(await b.api({ type: 'vault.unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
  for (const d of [a, b]) expect(await status(d)).toMatchObject({ rejected: 0 });
});

interface FileJson {
  header: unknown;
  records: Array<{ id: string; kind: string; hlc: string; deleted: boolean; sealed: string | null }>;
}
