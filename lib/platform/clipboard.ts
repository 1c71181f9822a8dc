// Clearing a copied code from the clipboard after the configured delay (issue 2: "cleared
// after 30 s if it still holds the code"). The popup usually closes at once, so the
// background keeps the timer: a setTimeout while the worker lives, and an alarm (which outlives
// it; Chrome's alarms fire no sooner than 30 s) as the backstop. Only a digest of the value
// waits in storage.session (memory only) until then, and only the digest travels. Chrome has no DOM in its worker: an offscreen
// document does the clipboard work; Firefox's background page has a DOM of its own.
import { browser } from 'wxt/browser';
import { ensureOffscreenDocument } from './offscreen';
import { pageHost } from './browser-info';
import { clearClipboardIfHolds, digestOf } from './clipboard-dom';

const ALARM = 'tessera-clipboard';
const KEY = 'clipboardPending';

interface Pending {
  digest: string;
  at: number;
}

async function clearInDom(digest: string): Promise<boolean> {
  const host = pageHost();
  if (host === 'background') return clearClipboardIfHolds(document, digest);
  if (host === 'none') return false;
  await ensureOffscreenDocument();
  const answer = (await browser.runtime.sendMessage({ target: 'offscreen', type: 'clipboard.clearIfHolds', digest })) as { cleared?: boolean } | undefined;
  return Boolean(answer?.cleared);
}

/** Runs the pending clear if it is due. */
export async function runDueClipboardClear(now = Date.now()): Promise<boolean> {
  const pending = (await browser.storage.session.get(KEY))[KEY] as Pending | undefined;
  if (!pending || pending.at > now) return false;
  await browser.storage.session.remove(KEY);
  return clearInDom(pending.digest).catch(() => false);
}

export async function scheduleClipboardClear(code: string, seconds: number): Promise<void> {
  if (seconds <= 0) return;
  const at = Date.now() + seconds * 1000;
  await browser.storage.session.set({ [KEY]: { digest: await digestOf(code), at } satisfies Pending });
  setTimeout(() => void runDueClipboardClear(), seconds * 1000 + 50);
  await browser.alarms.create(ALARM, { when: Math.max(at, Date.now() + 30_000) });
}

export function installClipboardClearing(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runDueClipboardClear();
  });
}
