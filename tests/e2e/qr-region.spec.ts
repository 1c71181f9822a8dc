// Region select (issue 3): the user drags a rectangle over the page (overlay injected on demand;
// Esc cancels) and only that area of a capture is decoded — for codes the DOM scan can't read.
import { codePng, dataUrlOf, startQrSite, totpAccount, type QrSite } from './qr-pages';
import { expect, test } from './extension';
import { setUpVault } from './helpers';

let site: QrSite;
test.beforeAll(async () => (site = await startQrSite()));
test.afterAll(async () => site?.close());

test('drag a rectangle over a code: it is read and held for review; Esc cancels', async ({ context, api, extPage }) => {
  await setUpVault(api);
  const account = totpAccount('Region', 'dana');
  // Two codes on the page; the drag covers only the second one.
  const other = totpAccount('Elsewhere', 'eve');
  const url = site.page('region', `<img id="a" src="${dataUrlOf(codePng(other.uri))}" style="position:absolute;left:20px;top:80px">` +
    `<img id="b" src="${dataUrlOf(codePng(account.uri))}" style="position:absolute;left:520px;top:80px">`);
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tabId = await extPage.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!, url);

  const answer = extPage.evaluate((id) => chrome.runtime.sendMessage({ type: 'qr.scanRegion', tabId: id }), tabId);
  const box = (await page.locator('#b').boundingBox())!;
  await expect.poll(() => page.evaluate(() => document.body.lastElementChild?.shadowRoot === null && document.body.lastElementChild?.tagName === 'DIV')).toBe(true);
  await page.mouse.move(box.x - 10, box.y - 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 10, box.y + box.height + 10, { steps: 5 });
  await page.mouse.up();
  const r = (await answer) as { ok: boolean; found: Array<{ kind: string; accounts: unknown[] }>; items: Array<{ issuer: string; label: string }>; sites: string[]; scanId: string };
  expect(r.ok).toBe(true);
  expect(r.found).toEqual([{ kind: 'otpauth', accounts: [{ issuer: 'Region', label: 'dana' }] }]);
  expect(r.items).toEqual([{ index: 0, position: 1, issuer: 'Region', label: 'dana' }]);
  expect(r.sites).toEqual(['127.0.0.1']);
  expect(JSON.stringify(r)).not.toContain(account.secret);

  // Esc cancels: nothing is read.
  const cancelled = extPage.evaluate((id) => chrome.runtime.sendMessage({ type: 'qr.scanRegion', tabId: id }), tabId);
  await expect.poll(() => page.evaluate(() => document.body.lastElementChild?.tagName)).toBe('DIV');
  await page.keyboard.press('Escape');
  expect(await cancelled).toEqual({ ok: true, cancelled: true });

  // The review outlives a stopped service worker (sealed in storage.session)…
  const cdp = await context.newCDPSession(extPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  expect(await api({ type: 'qr.pending', scanId: r.scanId })).toMatchObject({ items: [{ issuer: 'Region', label: 'dana' }] });
  expect(await api({ type: 'qr.confirm', scanId: r.scanId, keep: [{ index: 0 }] })).toMatchObject({ added: [{ issuer: 'Region', label: 'dana' }] });
});

test('a held review does not outlive a lock', async ({ context, api, rawApi, extPage }) => {
  await setUpVault(api);
  const account = totpAccount('Held', 'fay');
  const url = site.page('held', `<img src="${dataUrlOf(codePng(account.uri))}">`);
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await extPage.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!, url);
  const { scanId } = await api<{ scanId: string }>({ type: 'qr.scanTab', tabId, add: false });
  await api({ type: 'vault.lock' });
  await api({ type: 'vault.unlock', passphrase: 'correct horse battery staple' });
  expect(await rawApi({ type: 'qr.pending', scanId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
});
