// The mail reader and the code scoring on fixture pages modelled on real webmail list and message
// views (tests/site/email: Gmail, Outlook on the web, Yahoo! JAPAN Mail), each with traps: an older
// mail with a code, an order number, a code in a marketing mail, two codes in one message.
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { collectMail } from '../../../lib/email/collect';
import { pickMailCode } from '../../../lib/email/detect';

const DIR = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../site/email')}/`;
const PAGES = readdirSync(DIR).filter((f) => f.endsWith('.html'));

async function load(file: string) {
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: { virtualServers: [{ url: 'http://mail.test/email/', directory: DIR }] },
    },
  });
  const page = browser.newPage();
  await page.goto(`http://mail.test/email/${file}`);
  await page.waitUntilComplete();
  return { document: page.mainFrame.window.document as unknown as Document, close: () => browser.close() };
}

describe('webmail fixture pages', () => {
  it('there are pages for Gmail, Outlook and Yahoo! JAPAN Mail', () => {
    expect(PAGES.some((p) => p.startsWith('gmail'))).toBe(true);
    expect(PAGES.some((p) => p.startsWith('outlook'))).toBe(true);
    expect(PAGES.some((p) => p.startsWith('yahoo-jp'))).toBe(true);
  });

  it.each(PAGES)('%s: the reader finds the messages and the expected code (or none)', async (file) => {
    const page = await load(file);
    try {
      const expected = JSON.parse(page.document.querySelector('meta[name=tessera-mail-expect]')!.getAttribute('content')!) as { code: string | null };
      const items = collectMail(page.document);
      expect(items.length).toBeGreaterThan(0);
      // Every item has a time the reader could see.
      expect(items.every((i) => i.times.length > 0)).toBe(true);
      const found = pickMailCode(items, Date.now());
      expect(found?.code ?? null).toBe(expected.code);
      if (found) expect(Date.now() - found.receivedAt).toBeLessThan(6 * 60_000);
    } finally {
      await page.close();
    }
  });

  it('a list row per message, not the whole list', async () => {
    const page = await load('gmail-list.html');
    try {
      const items = collectMail(page.document);
      expect(items).toHaveLength(4);
      expect(items[2]!.text).toContain('482913');
      expect(items[2]!.text).not.toContain('773311');
    } finally {
      await page.close();
    }
  });

  it('an open Gmail message is read with its body, not only its header row', async () => {
    const page = await load('gmail-message.html');
    try {
      const [item] = collectMail(page.document);
      expect(item!.text).toContain('650142');
      expect(item!.times.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('without any recent message there is nothing to offer (all the mail too old)', async () => {
    const page = await load('outlook-list.html');
    try {
      expect(pickMailCode(collectMail(page.document), Date.now() + 60 * 60_000)).toBeNull();
    } finally {
      await page.close();
    }
  });
});
