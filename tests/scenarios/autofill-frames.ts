// Issue 13 in both browsers: a code field in an about:srcdoc frame, one written into an
// about:blank frame by its parent, one inside a closed shadow root, and a page whose code comes
// by SMS (not-app-code unless the account is named). Frames without a URL of their own get the
// content script through match_about_blank / match_origin_as_fallback, and their site from
// their origin; closed roots open through chrome.dom / openOrClosedShadowRoot.
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { acceptableNow, SECRET, setUpWithAccount, SITE, tabIdOf } from './shared';

/** The text of #result in the page, or in its first iframe's document when `inFrame`. */
const shown = (inFrame: boolean) => (frame: boolean) => {
  const doc = frame ? (document.querySelector('iframe') as HTMLIFrameElement).contentDocument! : document;
  return doc.getElementById('result')?.textContent ?? '';
};

export const autofillFramesAndShadows: Scenario = {
  name: 'autofill reaches about:srcdoc and about:blank frames and closed shadow roots, and refuses an SMS page',
  async run(d) {
    const id = await setUpWithAccount(d);
    await api(d, { type: 'accounts.update', id, sites: [SITE] });
    for (const [file, inFrame] of [['c13-srcdoc-frame.html', true], ['c13-about-blank-dom-frame.html', false], ['c13-closed-shadow-single.html', false]] as const) {
      const url = `${SITE}/autofill/${file}`;
      const page = await d.openPage(url);
      const tabId = await tabIdOf(d, url);
      await expect
        .poll(async () => {
          const a = await d.rawApi({ type: 'autofill.fill', tabId });
          return a.ok ? 'filled' : String(a.error?.code);
        }, { timeout: 10_000, message: file })
        .toBe('filled');
      const value = await page.evaluate(shown(inFrame), inFrame);
      expect(acceptableNow(SECRET), file).toContain(value);
      await page.close();
    }

    const sms = `${SITE}/autofill/c13-sms-texted-code.html`;
    const page = await d.openPage(sms);
    const tabId = await tabIdOf(d, sms);
    await expect
      .poll(async () => (await d.rawApi({ type: 'autofill.fill', tabId })).error?.code, { timeout: 10_000 })
      .toBe('not-app-code');
    expect(await page.value('#sms_code')).toBe('');
    expect(await d.rawApi({ type: 'autofill.fill', tabId, accountId: id })).toMatchObject({ ok: true, filled: true });
    expect(acceptableNow(SECRET)).toContain(await page.value('#sms_code'));
    await page.close();
  },
};
