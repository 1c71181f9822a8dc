// The popup's "Scan the screen…" (issue 16), kept apart from ScreenScan.tsx so that the popup
// does not load the QR decoder.
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';

/**
 * The popup's "Scan the screen…" button. The popup closes as soon as the browser's picker takes
 * the focus, so the capture runs in a small window of its own (screen-scan.html; a tab where a
 * window cannot be opened). Placed after the account list, so the popup's keyboard order is kept.
 */
export function ScreenScanButton() {
  const open = async () => {
    const url = browser.runtime.getURL('/screen-scan.html');
    await browser.windows.create({ url, type: 'popup', width: 520, height: 560 }).catch(() => browser.tabs.create({ url }));
    window.close();
  };
  return <button type="button" class="screen-scan" data-action="screen-scan-window" onClick={() => void open()}>{t('screen.button')}</button>;
}
