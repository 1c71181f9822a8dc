// The tab the popup was opened over (not one of our own pages), if any.
import { browser } from 'wxt/browser';

export interface WebTab {
  id: number;
  url: string;
}

export async function activeWebTab(): Promise<WebTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const url = tab?.url ?? '';
  return tab?.id !== undefined && !url.startsWith(browser.runtime.getURL('/')) ? { id: tab.id, url } : undefined;
}

export async function activeWebTabId(): Promise<number | undefined> {
  return (await activeWebTab())?.id;
}
