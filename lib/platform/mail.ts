// Reading open mailbox tabs for the e-mail codes feature (issue 15, docs/email-codes.md): the tabs
// whose site is one of the mailboxes, each read once by the on-demand reader (mail-reader.js).
import { browser } from 'wxt/browser';
import type { MailItem } from '../email/detect';
import { siteOf } from '../sites/site';
import type { MailPort } from '../api/email';

export const browserMail: MailPort = {
  async read(mailboxes) {
    if (mailboxes.length === 0) return [];
    // tabs.query by URL pattern misses ports in Firefox: list all and filter (docs/firefox.md).
    const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.url && mailboxes.includes(siteOf(t.url) ?? ''));
    const out: MailItem[] = [];
    for (const tab of tabs.slice(0, 8)) {
      try {
        const [r] = await browser.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/mail-reader.js'] });
        if (Array.isArray(r?.result)) out.push(...(r.result as MailItem[]).filter((i) => i && typeof i.text === 'string' && Array.isArray(i.times)));
      } catch {
        // A discarded or unscriptable tab: nothing to read there.
      }
    }
    return out;
  },
};
