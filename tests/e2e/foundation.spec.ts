// Issue 2, end to end: set up → import → the popup shows the code computed here → lock →
// wrong then right passphrase → nothing secret or identifying is stored in clear; the
// automation API's gating rules; privileged messages refused outside extension pages;
// a service worker stopped in the middle of a batch import leaves all or nothing.
import { expect, test, SITE } from './extension';
import { dumpAtRest, PASSPHRASE, setUpVault, totpNow } from './helpers';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // RFC 6238 seed "12345678901234567890"
const ISSUER = 'Acme Corp';
const LABEL = 'alice@acme.example';
const URI = `otpauth://totp/${encodeURIComponent(ISSUER)}:${encodeURIComponent(LABEL)}?secret=${SECRET}&issuer=${encodeURIComponent(ISSUER)}`;

test('set up, import, see the code in the popup, lock and unlock, nothing in clear at rest', async ({ context, extensionId, api, rawApi, extPage }) => {
  expect(await api({ type: 'vault.status' })).toMatchObject({ state: 'new' });
  expect(await rawApi({ type: 'accounts.list' })).toMatchObject({ ok: false, error: { code: 'no-vault' } });
  expect(await rawApi({ type: 'vault.setup', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
  await setUpVault(api);
  expect(await rawApi({ type: 'vault.setup', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'exists' } });

  const imported = await api<{ added: Array<{ id: string; issuer: string; label: string }>; duplicates: number; errors: unknown[] }>({
    type: 'accounts.import',
    text: `${URI}\nnot a uri\n\n${URI}\njavascript:alert(1)`,
  });
  expect(imported.added).toEqual([{ id: expect.any(String), issuer: ISSUER, label: LABEL }]);
  expect(imported.duplicates).toBe(1);
  expect(imported.errors).toEqual([
    { line: 2, code: 'bad-uri', message: expect.any(String) },
    { line: 5, code: 'bad-scheme', message: expect.any(String) },
  ]);
  const id = imported.added[0]!.id;

  const listed = await api<{ accounts: unknown[] }>({ type: 'accounts.list' });
  expect(listed.accounts).toEqual([{ id, type: 'totp', issuer: ISSUER, label: LABEL, algorithm: 'SHA1', digits: 6, period: 30, counter: null, sites: [], tokensRemaining: 0, tokensTotal: 0, pinned: false, order: null, tags: [] }]);

  const code = await api<{ code: string; period: number; expiresAt: number; acceptedUntil: number }>({ type: 'codes.get', id });
  expect(code.period).toBe(30);
  expect(code.expiresAt % 30_000).toBe(0);
  expect(code.acceptedUntil).toBe(code.expiresAt + 30_000);
  expect(code.code).toBe(totpNow(SECRET, { timestamp: code.expiresAt - 1 }));

  // The popup shows the same code, kept current.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  const row = popup.locator(`[data-account-id="${id}"]`);
  await expect(row).toContainText(ISSUER);
  const shown = await row.locator('[data-code]').getAttribute('data-code');
  const now = Date.now();
  expect([totpNow(SECRET, { timestamp: now }), totpNow(SECRET, { timestamp: now - 30_000 })]).toContain(shown);

  // Lock: the popup and API say so; a wrong passphrase changes nothing; the right one opens.
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByRole('heading', { name: 'Tessera is locked' })).toBeVisible();
  expect(await rawApi({ type: 'codes.get', id })).toMatchObject({ ok: false, error: { code: 'locked' } });
  await popup.getByLabel('Passphrase').fill('not the passphrase');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText('not right');
  expect(await rawApi({ type: 'vault.unlock', passphrase: 'wrong' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
  await popup.getByLabel('Passphrase').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.locator(`[data-account-id="${id}"] [data-code]`)).toBeVisible();
  expect((await api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts).toHaveLength(1);

  // Nothing secret or identifying at rest.
  const dump = await dumpAtRest(extPage);
  expect(dump).toContain('tessera'); // the scan did read the vault
  for (const needle of [SECRET, ISSUER, LABEL, 'acme', PASSPHRASE]) expect(dump.toLowerCase()).not.toContain(needle.toLowerCase());
});

test('privileged messages are refused outside extension pages', async ({ context, api }) => {
  await setUpVault(api);
  const page = await context.newPage();
  await page.goto(`${SITE}/login`);
  // A web page cannot reach the extension at all without externally_connectable.
  const fromPage = await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
  expect(fromPage).not.toBe('function');
  // A content script (an isolated world in the page, as an injected script would be) is refused.
  const sw = context.serviceWorkers()[0]!;
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, `${SITE}/login`);
  const answer = await sw.evaluate(async (tab) => {
    const [r] = await chrome.scripting.executeScript({ target: { tabId: tab! }, func: () => chrome.runtime.sendMessage({ type: 'accounts.list' }) });
    return r?.result;
  }, tabId);
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('HOTP: codes.get never advances the counter; using a code does', async ({ api }) => {
  await setUpVault(api);
  const { added } = await api<{ added: Array<{ id: string }> }>({ type: 'accounts.import', text: `otpauth://hotp/Acme:bob?secret=${SECRET}&counter=0&issuer=Acme` });
  const id = added[0]!.id;
  const first = await api<{ code: string; expiresAt: null }>({ type: 'codes.get', id });
  expect(first).toMatchObject({ code: '755224', period: null, expiresAt: null, acceptedUntil: null }); // RFC 4226 Appendix D, count 0
  expect((await api<{ code: string }>({ type: 'codes.get', id })).code).toBe('755224');
  expect((await api<{ code: string }>({ type: 'codes.use', id })).code).toBe('755224');
  expect((await api<{ code: string }>({ type: 'codes.get', id })).code).toBe('287082'); // count 1
});

test('a service worker stopped in the middle of a batch import leaves all or nothing', async ({ context, api, rawApi, extPage }) => {
  await setUpVault(api);
  const lines = Array.from({ length: 400 }, (_, i) => `otpauth://totp/Bulk:user${i}?secret=${SECRET}&issuer=Bulk${i}`).join('\n');
  const cdp = await context.newCDPSession(extPage);
  const pending = rawApi({ type: 'accounts.import', text: lines }).catch(() => null);
  await new Promise((r) => setTimeout(r, 30));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await pending;
  // The worker restarts on the next message; the key survived in storage.session.
  const { accounts } = await api<{ accounts: unknown[] }>({ type: 'accounts.list' });
  expect([0, 400]).toContain(accounts.length);
});

test('a tampered record is reported by id; the rest of the vault still opens', async ({ api, rawApi, extPage }) => {
  await setUpVault(api);
  const { added } = await api<{ added: Array<{ id: string }> }>({
    type: 'accounts.import',
    text: `otpauth://totp/One:a?secret=${SECRET}&issuer=One\notpauth://totp/Two:b?secret=${SECRET}&issuer=Two`,
  });
  const victim = added[0]!.id;
  await extPage.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('tessera-vault'); r.onsuccess = () => ok(r.result); });
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    const rec = await new Promise<{ sealed: Uint8Array }>((ok) => { const r = store.get(id); r.onsuccess = () => ok(r.result); });
    rec.sealed[30] = rec.sealed[30]! ^ 0x01;
    store.put(rec);
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, victim);
  const list = await api<{ accounts: Array<{ issuer: string }>; corrupt: Array<{ id: string; kind: string }> }>({ type: 'accounts.list' });
  expect(list.accounts.map((a) => a.issuer)).toEqual(['Two']);
  expect(list.corrupt).toEqual([{ id: victim, kind: 'account' }]);
  expect(await rawApi({ type: 'codes.get', id: victim })).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  await extPage.reload();
  await expect(extPage.getByRole('alert')).toContainText(victim);
});
