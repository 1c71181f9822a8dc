// The pages' side of the message protocol (shared/automation-api.md): every answer is
// `{ ok: true, ...result }` or `{ ok: false, error: { code, message } }`.
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './errors';

export type Answer<T extends object = Record<string, unknown>> = ({ ok: true } & T) | { ok: false; error: ErrorInfo };

/**
 * Firefox suspends an idle MV3 event page; a message that arrives while it is being torn down
 * finds no listener and fails with "Could not establish connection. Receiving end does not
 * exist." before the page starts again. Nothing received it (so nothing happened): sending it
 * again is safe, and the next try wakes the page.
 */
export function isNoReceiver(e: unknown): boolean {
  return e instanceof Error && /Receiving end does not exist/i.test(e.message);
}

/** The tries for a message that found no receiver, and the wait before each retry. */
export const NO_RECEIVER_RETRIES = [100, 300, 800];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends one API message to the background and returns its answer (never throws). */
export async function send<T extends object = Record<string, unknown>>(message: { type: string; [k: string]: unknown }): Promise<Answer<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = (await browser.runtime.sendMessage(message)) as Answer<T> | undefined;
      return answer ?? { ok: false, error: { code: 'internal', message: 'No answer from the background.' } };
    } catch (e) {
      if (isNoReceiver(e) && attempt < NO_RECEIVER_RETRIES.length) {
        await sleep(NO_RECEIVER_RETRIES[attempt]!);
        continue;
      }
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  }
}
