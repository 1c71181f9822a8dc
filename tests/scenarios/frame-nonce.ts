// Issue 11 point 7: a write reaches only the document that was checked. Firefox addresses a
// frame by its id alone, and a frame id outlives its document: a parent that re-navigates an
// iframe between detection and write would otherwise receive the code. Each document's content
// script draws a nonce and answers it with autofill.detect; a write naming another nonce (or
// another URL) is refused. Driven from an extension page with tabs.sendMessage, as the
// background does, in both browsers (Chromium also has document ids; this checks the nonce alone).
import { expect } from '@playwright/test';
import type { Scenario } from './scenario';
import { api } from '../e2e/drivers/driver';
import { PASSPHRASE, SITE, tabIdOf } from './shared';

const PAGE = `${SITE}/autofill/iframe-same-origin.html`;
const FRAME = `${SITE}/autofill/frames/otp-frame.html`;

interface Detect {
  found: boolean;
  frameUrl: string;
  nonce?: string;
}

export const frameNonce: Scenario = {
  name: 'a code meant for a frame’s checked document is refused by the document that replaced it',
  async run(d) {
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    const page = await d.openPage(PAGE);
    const tabId = await tabIdOf(d, PAGE);
    const ext = d.extensionPage;
    // The iframe's frame id, as the background finds it (scripting in every frame).
    const frameId = await ext.evaluate(async ({ tabId, url }) => {
      const b = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const results = await b.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.href });
      return results.find((r) => r.result === url)?.frameId ?? -1;
    }, { tabId, url: FRAME });
    expect(frameId).toBeGreaterThan(0);
    const send = (message: Record<string, unknown>) =>
      ext.evaluate(async ({ tabId, frameId, message }) => {
        const b = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return b.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined);
      }, { tabId, frameId, message }) as Promise<Record<string, unknown> | undefined>;
    const detect = () => send({ type: 'autofill.detect' }) as Promise<Detect | undefined>;
    const fieldValue = () => page.evaluate(() => (document.querySelector('iframe#mfa') as HTMLIFrameElement).contentDocument?.querySelector<HTMLInputElement>('#otp')?.value ?? null);

    await expect.poll(async () => (await detect())?.found ?? false, { timeout: 10_000 }).toBe(true);
    const checked = (await detect())!;
    expect(checked.frameUrl).toBe(FRAME);
    expect(checked.nonce).toMatch(/^\S{8,}$/);

    // The parent replaces the frame's document (same URL, same frame id) after the check.
    await page.evaluate(() => (document.querySelector('iframe#mfa') as HTMLIFrameElement).contentWindow!.location.reload());
    await expect.poll(async () => {
      const again = await detect();
      return again?.found && again.nonce !== checked.nonce ? 'replaced' : 'not yet';
    }, { timeout: 10_000 }).toBe('replaced');

    // A write for the checked document reaches the new one: refused, nothing written.
    expect(await send({ type: 'autofill.write', code: '123456', nonce: checked.nonce, url: FRAME })).toEqual({ filled: false, fields: 0 });
    expect(await fieldValue()).toBe('');
    // The new document's own nonce at its URL is written (the check refuses only the stale one).
    const current = (await detect())!;
    expect(await send({ type: 'autofill.write', code: '654321', nonce: current.nonce, url: FRAME })).toEqual({ filled: true, fields: 1 });
    expect(await fieldValue()).toBe('654321');
    // The right nonce with another URL is refused too.
    expect(await send({ type: 'autofill.write', code: '111111', nonce: current.nonce, url: `${SITE}/autofill/elsewhere.html` })).toEqual({ filled: false, fields: 0 });
    expect(await fieldValue()).toBe('654321');
  },
};
