// The tab the popup was opened over (not one of our own pages), if any.
import { browser } from 'wxt/browser';

export async function activeWebTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id !== undefined && !(tab.url ?? '').startsWith(browser.runtime.getURL('/')) ? tab.id : undefined;
}
