// The pages' side of the message protocol (shared/automation-api.md): every answer is
// `{ ok: true, ...result }` or `{ ok: false, error: { code, message } }`.
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './errors';

export type Answer<T extends object = Record<string, unknown>> = ({ ok: true } & T) | { ok: false; error: ErrorInfo };

/** Sends one API message to the background and returns its answer (never throws). */
export async function send<T extends object = Record<string, unknown>>(message: { type: string; [k: string]: unknown }): Promise<Answer<T>> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as Answer<T> | undefined;
    return answer ?? { ok: false, error: { code: 'internal', message: 'No answer from the background.' } };
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
