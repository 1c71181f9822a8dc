// Move in, back up, move out (issue 12) through the real extension in headless Chromium:
// - every file of tests/fixtures/import/manifest.json, read at run time (entries are added as
//   parsers land), imported with accounts.importFile: exactly the `expected` accounts and codes
//   computed here with the `otpauth` package; encrypted ones refuse a missing and a wrong password
//   with nothing added;
// - a backup made on one profile restored on a fresh one: codes and tokens identical;
// - otpauth and Google Authenticator exports imported on a fresh profile: the same codes;
// - the options page with the keyboard: Back up now (a real download), the reminder, the import
//   preview (password, duplicates, leaving an entry out, a site), and the phone export QR codes
//   (screenshots decoded with jsQR, as a camera would see them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import * as OTPAuth from 'otpauth';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { apiFrom, expect, launchWithExtension, serviceWorkerOf, strictApi, test, type Api, type RawApi } from './extension';
import { openOptionsSection, PASSPHRASE, setUpVault } from './helpers';
import { parseMigrationUri } from '../../lib/otp/migration';

const FIXTURES = fileURLToPath(new URL('../fixtures/import', import.meta.url));

interface Expected {
  type: 'totp' | 'hotp';
  issuer: string;
  label: string;
  secret: string;
  algorithm: string;
  digits: number;
  period: number;
  counter: number;
}
interface FixtureEntry {
  file: string;
  format: string;
  password: string | null;
  expected: Expected[];
  errors: number[];
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { files: FixtureEntry[] };

interface Summary {
  id: string;
  type: string;
  issuer: string;
  label: string;
  algorithm: string;
  digits: number;
  period: number | null;
  counter: number | null;
  sites: string[];
  tokensRemaining: number;
}

/** The code an independent implementation (the `otpauth` package) computes for an account at `at`. */
function expectedCode(e: Expected, at: number): string {
  const common = { secret: OTPAuth.Secret.fromBase32(e.secret), algorithm: e.algorithm, digits: e.digits };
  return e.type === 'totp' ? new OTPAuth.TOTP({ ...common, period: e.period }).generate({ timestamp: at }) : new OTPAuth.HOTP({ ...common }).generate({ counter: e.counter });
}

const b64 = (buf: Buffer | Uint8Array) => Buffer.from(buf).toString('base64');

for (const entry of manifest.files) {
  test(`imports ${entry.file} (${entry.format}) exactly`, async ({ api, rawApi }) => {
    await setUpVault(api);
    const data = b64(readFileSync(join(FIXTURES, entry.file)));
    const list = async () => (await api<{ accounts: Summary[] }>({ type: 'accounts.list' })).accounts;
    if (entry.password !== null) {
      expect(await rawApi({ type: 'accounts.importFile', name: entry.file, data })).toMatchObject({ ok: false, error: { code: 'needs-password' } });
      expect(await rawApi({ type: 'accounts.importFile', name: entry.file, data, password: `${entry.password}-wrong` })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
      expect(await list()).toEqual([]);
    }
    const r = await api<{ format: string; added: Array<{ id: string; issuer: string; label: string }>; duplicates: number; errors: Array<{ line: number }> }>({
      type: 'accounts.importFile', name: entry.file, data, ...(entry.password !== null ? { password: entry.password } : {}),
    });
    expect(r.format).toBe(entry.format);
    expect(r.errors.map((e) => e.line)).toEqual(entry.errors);
    expect(r.duplicates).toBe(0);
    expect(r.added.map((a) => [a.issuer, a.label])).toEqual(entry.expected.map((e) => [e.issuer, e.label]));
    const byId = new Map((await list()).map((a) => [a.id, a]));
    expect(byId.size).toBe(entry.expected.length);
    for (const [i, e] of entry.expected.entries()) {
      const a = byId.get(r.added[i]!.id)!;
      expect(a).toMatchObject({
        type: e.type, issuer: e.issuer, label: e.label, algorithm: e.algorithm, digits: e.digits,
        period: e.type === 'totp' ? e.period : null, counter: e.type === 'hotp' ? e.counter : null,
      });
      // The code of the moment (a step may end during the call: either side of it is right).
      const before = Date.now();
      const { code } = await api<{ code: string }>({ type: 'codes.get', id: a.id });
      const after = Date.now();
      expect([expectedCode(e, before), expectedCode(e, after)], `${entry.file} #${i + 1} ${e.issuer}`).toContain(code);
    }
    // The same file again adds nothing.
    const again = await api<{ added: unknown[]; duplicates: number }>({ type: 'accounts.importFile', name: entry.file, data, ...(entry.password !== null ? { password: entry.password } : {}) });
    expect(again).toMatchObject({ added: [], duplicates: entry.expected.length });
  });
}

const LINKS = [
  'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  'otpauth://hotp/ACME:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME&algorithm=SHA256&digits=8&counter=7',
  'otpauth://totp/Big%20Corp:carol?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Big%20Corp&algorithm=SHA512&period=60',
  ...Array.from({ length: 12 }, (_, i) => `otpauth://totp/Svc${i}:user${i}@example.com?secret=JBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOP'[i]}&issuer=Svc${i}`),
];

/** A second browser profile with its own vault, closed by the caller. */
async function freshProfile(): Promise<{ context: BrowserContext; page: Page; api: Api; raw: RawApi; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-restore-'));
  const context = await launchWithExtension(dir);
  const sw = await serviceWorkerOf(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(sw.url()).host}/options.html`);
  const raw = await apiFrom(page);
  const api = strictApi(raw);
  await setUpVault(api);
  return {
    context, page, api, raw,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a user sees of a vault: every account, its current code, its tokens (masked, used marks).
 *  Two snapshots are compared with toPass: a time step may end between them. */
async function snapshot(api: Api) {
  const { accounts } = await api<{ accounts: Summary[] }>({ type: 'accounts.list' });
  const out = [];
  for (const a of [...accounts].sort((x, y) => (x.issuer + x.label < y.issuer + y.label ? -1 : 1))) {
    const code = a.type === 'tokens' ? null : (await api<{ code: string }>({ type: 'codes.get', id: a.id })).code;
    const tokens = (await api<{ tokens: unknown[] }>({ type: 'tokens.list', accountId: a.id })).tokens;
    const { id: _id, ...rest } = a;
    out.push({ ...rest, code, tokens });
  }
  return out;
}

test('a backup made on one profile restores on a fresh one with identical codes and tokens', async ({ api, rawApi }) => {
  test.setTimeout(180_000); // two browsers on a shared machine
  await setUpVault(api);
  const { added } = await api<{ added: Array<{ id: string }> }>({ type: 'accounts.import', text: LINKS.slice(0, 3).join('\n'), site: 'https://login.example.com' });
  const { accountId } = await api<{ accountId: string }>({ type: 'tokens.add', service: 'Corp SSO', text: 'ab12-cd34\nef56-gh78\nij90-kl12' });
  await api({ type: 'tokens.add', accountId: added[0]!.id, text: 'alice-emergency-1 alice-emergency-2' });
  await api({ type: 'tokens.copy', accountId });
  expect(await rawApi({ type: 'backup.export', password: 'short' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
  const backup = await api<{ filename: string; data: string }>({ type: 'backup.export', password: 'a separate backup password' });
  expect(backup.filename).toMatch(/^tessera-backup-.*\.json$/);
  expect(Buffer.from(backup.data, 'base64').toString()).not.toMatch(/JBSWY3DP|alice|ab12-cd34/);

  const b = await freshProfile();
  try {
    const file = { type: 'accounts.importFile', name: backup.filename, data: backup.data };
    expect(await b.raw(file)).toMatchObject({ ok: false, error: { code: 'needs-password' } });
    expect(await b.raw({ ...file, password: 'not the backup password' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
    expect((await b.api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts).toEqual([]);
    const r = await b.api<{ format: string; added: unknown[] }>({ ...file, password: 'a separate backup password' });
    expect(r).toMatchObject({ format: 'tessera-backup', duplicates: 0, errors: [] });
    expect(r.added).toHaveLength(4);
    let sa: Awaited<ReturnType<typeof snapshot>> = [];
    await expect(async () => {
      sa = await snapshot(api);
      expect(await snapshot(b.api)).toEqual(sa);
    }).toPass({ timeout: 60_000 });
    expect(sa.find((x) => x.issuer === 'Corp SSO')!.tokens).toEqual(expect.arrayContaining([expect.objectContaining({ used: true })]));
    expect(sa.find((x) => x.issuer === 'ACME')).toMatchObject({ counter: 7, sites: ['example.com'] });
    // The revealed values match too (the masks alone could hide a difference).
    const reveal = async (a: Api, id: string) => {
      const { tokens } = await a<{ tokens: Array<{ id: string }> }>({ type: 'tokens.list', accountId: id });
      return Promise.all(tokens.map(async (tk) => (await a<{ value: string }>({ type: 'tokens.reveal', accountId: id, tokenId: tk.id })).value));
    };
    expect(await reveal(b.api, accountId)).toEqual(await reveal(api, accountId));
    // Restoring again merges: nothing added, nothing changed.
    expect(await b.api({ ...file, password: 'a separate backup password' })).toMatchObject({ added: [], duplicates: 4 });
    await expect(async () => expect(await snapshot(b.api)).toEqual(await snapshot(api))).toPass({ timeout: 60_000 });
  } finally {
    await b.close();
  }
});

test('otpauth and Google Authenticator exports import on a fresh profile with the same codes', async ({ api, rawApi }) => {
  test.setTimeout(180_000); // three browsers on a shared machine
  await setUpVault(api);
  await api({ type: 'accounts.import', text: LINKS.join('\n') });
  await api({ type: 'tokens.add', service: 'Tokens only', text: 'zz99-yy88' });
  expect(await rawApi({ type: 'accounts.export', format: 'otpauth', passphrase: 'not my passphrase' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
  expect(await rawApi({ type: 'accounts.export', format: 'otpauth', passphrase: PASSPHRASE, ids: ['no-such-id'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  const plain = await api<{ text: string }>({ type: 'accounts.export', format: 'otpauth', passphrase: PASSPHRASE });
  expect(plain.text.trim().split('\n')).toHaveLength(LINKS.length);
  const mig = await api<{ uris: string[]; skipped: Array<{ issuer: string; code: string }> }>({ type: 'accounts.export', format: 'migration', passphrase: PASSPHRASE });
  // Big Corp has a 60-second period, which the format cannot say: named, not mangled.
  expect(mig.skipped).toEqual([expect.objectContaining({ issuer: 'Big Corp', code: 'bad-period' })]);
  const batches = mig.uris.map(parseMigrationUri);
  expect(batches.length).toBeGreaterThanOrEqual(2);
  batches.forEach((x, i) => expect(x.batch).toMatchObject({ index: i + 1, size: batches.length, id: batches[0]!.batch.id }));

  const codes = async (a: Api) => (await snapshot(a)).filter((x) => x.type !== 'tokens').map((x) => [x.issuer, x.label, x.type, x.algorithm, x.digits, x.period, x.counter, x.code]);
  for (const [kind, text] of [['otpauth', plain.text], ['migration', mig.uris.join('\n')]] as const) {
    const b = await freshProfile();
    try {
      const r = await b.api<{ added: unknown[]; errors: unknown[] }>({ type: 'accounts.import', text });
      expect(r.errors, kind).toEqual([]);
      await expect(async () => {
        const mine = await codes(api);
        expect(await codes(b.api), kind).toEqual(kind === 'otpauth' ? mine : mine.filter((x) => x[0] !== 'Big Corp'));
      }).toPass({ timeout: 60_000 });
    } finally {
      await b.close();
    }
  }
});

/** Decodes the QR code an element shows, from a screenshot (what a phone camera would see). */
async function readQr(el: Locator): Promise<string | null> {
  const png = (await el.screenshot()).toString('base64');
  // The page turns the PNG into pixels (a canvas); jsQR reads them here.
  const { width, height, pixels } = await el.page().evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const c = canvas.getContext('2d')!;
    c.drawImage(img, 0, 0);
    return { width: canvas.width, height: canvas.height, pixels: Array.from(c.getImageData(0, 0, canvas.width, canvas.height).data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data ?? null;
}

test('options page: back up, be reminded, import with a preview — with the keyboard', async ({ api, extPage, context, extensionId }) => {
  test.setTimeout(180_000);
  await setUpVault(api);
  await api({ type: 'accounts.import', text: LINKS.join('\n') });
  await extPage.reload();
  const page = extPage;
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Import & backup' }) });
  const reminder = page.locator('[data-reminder="backup"]');
  await expect(reminder).toContainText('back them up');

  // The popup reminds too.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[data-reminder="backup"]')).toBeVisible();
  await popup.close();

  // Back up now, by keyboard: the reminder's button leads to the password field.
  await reminder.getByRole('button', { name: 'Back up now' }).focus();
  await page.keyboard.press('Enter');
  await expect(section.getByLabel('Backup password', { exact: true })).toBeFocused();
  await page.keyboard.type('weak');
  await expect(section.locator('#backup-strength')).toHaveText(/Too short/);
  await page.keyboard.type(' but now long enough');
  await page.keyboard.press('Tab');
  await page.keyboard.type('weak but now long enough');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tessera-backup-.*\.json$/);
  const file = readFileSync((await download.path())!);
  expect(JSON.parse(file.toString())).toMatchObject({ format: 'tessera-backup', version: 1 });
  await expect(reminder).toHaveCount(0);
  await expect(page.locator('[data-backup-last]')).toContainText('Last backup');

  // A change brings the reminder back; "Not now" dismisses it until the next change.
  const { accounts } = await api<{ accounts: Summary[] }>({ type: 'accounts.list' });
  const svc0 = accounts.find((a) => a.issuer === 'Svc0')!;
  await api({ type: 'accounts.remove', id: svc0.id });
  await page.reload();
  await expect(reminder).toContainText('changed since your last backup');
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await expect(reminder).toHaveCount(0);

  // Import the backup: the password is asked for, the preview marks what is already here.
  await section.getByLabel('File to import').setInputFiles({ name: 'my-backup.json', mimeType: 'application/json', buffer: file });
  const password = section.getByLabel('File password');
  await expect(password).toBeFocused();
  await page.keyboard.type('not it');
  await page.keyboard.press('Enter');
  await expect(section.getByRole('alert')).toContainText('does not open this file', { timeout: 30_000 });
  await password.fill('');
  await password.focus();
  await page.keyboard.type('weak but now long enough');
  await page.keyboard.press('Enter');
  const rows = section.locator('tr[data-entry]');
  await expect(rows).toHaveCount(LINKS.length, { timeout: 30_000 });
  await expect(section.locator('tr[data-duplicate="false"]')).toHaveCount(1);
  await expect(section.locator('tr[data-duplicate="false"]')).toContainText('Svc0');
  // Leave Svc0 out with the keyboard, confirm: nothing comes back.
  await section.getByRole('checkbox', { name: 'Import Svc0', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(section.getByRole('button', { name: `Import ${LINKS.length - 1} selected` })).toBeVisible();
  await section.getByRole('button', { name: `Import ${LINKS.length - 1} selected` }).focus();
  await page.keyboard.press('Enter');
  await expect(section.locator('[data-import-done]')).toContainText(`Added 0 account(s); ${LINKS.length - 1} were already here.`);
  expect((await api<{ accounts: Summary[] }>({ type: 'accounts.list' })).accounts.some((a) => a.issuer === 'Svc0')).toBe(false);

  // Again, keeping everything and binding a site: Svc0 is back, bound to it.
  await section.getByLabel('File to import').setInputFiles({ name: 'my-backup.json', mimeType: 'application/json', buffer: file });
  await section.getByLabel('File password').fill('weak but now long enough');
  await section.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(rows).toHaveCount(LINKS.length, { timeout: 30_000 });
  await section.getByLabel('Fill the new accounts into this site (optional)').fill('https://svc0.example.net/login');
  await section.getByRole('button', { name: `Import ${LINKS.length} selected` }).click();
  await expect(section.locator('[data-import-done]')).toContainText('Added 1 account(s)');
  const back = (await api<{ accounts: Summary[] }>({ type: 'accounts.list' })).accounts.find((a) => a.issuer === 'Svc0')!;
  expect(back.sites).toEqual(['example.net']);

});

test('options page: phone export QR codes one at a time, one account, plain export', async ({ api, extPage }) => {
  test.setTimeout(180_000);
  await setUpVault(api);
  await api({ type: 'accounts.import', text: LINKS.join('\n') });
  await extPage.reload();
  const page = extPage;
  await openOptionsSection(page, 'Import & backup');
  // Export to a phone: the passphrase again, then the codes one at a time.
  const phone = page.locator('[data-export="phone"]');
  await phone.getByLabel('Your Tessera passphrase (again)').fill('not my passphrase');
  await phone.getByLabel('Your Tessera passphrase (again)').press('Enter');
  await expect(phone.getByRole('alert')).toContainText('not right', { timeout: 30_000 }); // a key derivation first
  await phone.getByLabel('Your Tessera passphrase (again)').fill(PASSPHRASE);
  await phone.getByLabel('Your Tessera passphrase (again)').press('Enter');
  const position = phone.locator('[data-qr-position]');
  await expect(position).toHaveText(/^1 of \d/, { timeout: 30_000 });
  const n = Number((await position.getAttribute('data-qr-position'))!.split('/')[1]);
  expect(n).toBeGreaterThanOrEqual(2);
  await expect(phone.getByRole('listitem')).toContainText(['Big Corp (carol)']); // 60 s: not in these codes
  const seen: string[] = [];
  for (let i = 1; i <= n; i++) {
    await expect(position).toHaveText(new RegExp(`^${i} of ${n}`));
    const text = await readQr(phone.locator('svg.qr-code'));
    expect(text, `QR ${i} of ${n}`).toMatch(/^otpauth-migration:\/\/offline\?data=/);
    const read = parseMigrationUri(text!);
    expect(read.batch).toMatchObject({ index: i, size: n });
    seen.push(...read.accounts.map((a) => ('issuer' in a ? a.issuer : '?')));
    if (i < n) {
      await phone.getByRole('button', { name: 'Next' }).focus();
      await page.keyboard.press('Enter');
    }
  }
  expect(seen.sort()).toEqual(['ACME', 'Example', ...Array.from({ length: 12 }, (_, i) => `Svc${i}`)].sort());
  await phone.getByRole('button', { name: 'Previous' }).click();
  await expect(position).toHaveText(new RegExp(`^${n - 1} of ${n}`));
  await phone.getByRole('button', { name: 'Hide' }).click();
  await expect(phone.locator('svg.qr-code')).toHaveCount(0);

  // One account as an otpauth QR code.
  await phone.getByLabel('Your Tessera passphrase (again)').fill(PASSPHRASE);
  await phone.getByLabel('One account…').selectOption({ label: 'Big Corp (carol)' });
  await phone.getByRole('button', { name: 'Show this account' }).click();
  expect(await readQr(phone.locator('[data-qr-single] svg.qr-code'))).toBe(
    'otpauth://totp/Big%20Corp:carol?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TFOQ&issuer=Big%20Corp&algorithm=SHA512&digits=6&period=60',
  );

  // Plain export: only after the warning is acknowledged and the passphrase typed again.
  const plain = page.locator('[data-export="plain"]');
  await expect(plain.getByRole('note')).toContainText('Not encrypted.');
  await expect(plain.getByLabel('Your Tessera passphrase (again)')).toBeDisabled();
  await plain.getByLabel('I understand that this text is not protected.').check();
  await plain.getByLabel('Your Tessera passphrase (again)').fill(PASSPHRASE);
  await plain.getByRole('button', { name: 'Show the links' }).click();
  const exported = await api<{ text: string }>({ type: 'accounts.export', format: 'otpauth', passphrase: PASSPHRASE });
  await expect(plain.getByLabel('otpauth:// links, one per line')).toHaveValue(exported.text);
});
