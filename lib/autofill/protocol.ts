// Messages between the background and the autofill content script (one per frame).
// background → content (browser.tabs.sendMessage(tabId, msg, { frameId })):
//   autofill.detect → DetectAnswer; autofill.write → WriteAnswer; autofill.notice (a fill started
//   by the shortcut or the context menu failed: show the account picker or the message) → no answer.
// content → background (browser.runtime.sendMessage):
//   autofill.request (the chip was clicked, or a field appeared and may be filled automatically);
//   the background picks the account from the sender's tab and frame URL and, when it fills,
//   sends autofill.write back to that frame. The content script only ever receives a code.
//   autofill.offer (issue 15: a field appeared, or the user points at the chip): whether a click
//   would fill a code read from e-mail, and when that mail arrived — never the code itself,
//   which still comes only in the autofill.write a click brings.

import type { ChannelHint } from './channel';

export interface DetectRequest {
  type: 'autofill.detect';
}

export interface DetectAnswer {
  found: boolean;
  kind: 'single' | 'split' | null;
  /** Digits expected when known (maxlength, pattern, or the number of boxes). */
  length: number | null;
  /** The best candidate's score (score.ts; at or above THRESHOLD when found), 0 when none. */
  score: number;
  frameUrl: string;
  top: boolean;
  /** What the page says around its best field, for the channel check in the background (channel.ts). */
  hint?: ChannelHint;
  /**
   * Random, made once per document by its content script: the write names it, so a frame that
   * navigated since (Firefox addresses frames by id only, and a frame id outlives its document)
   * refuses a code meant for the document that was checked (issue 11 point 7).
   */
  nonce: string;
}

export interface WriteRequest {
  type: 'autofill.write';
  code: string;
  /** The DetectAnswer's nonce and the URL the background checked: the frame writes only if both are its own. */
  nonce: string;
  url: string;
}

export interface WriteAnswer {
  filled: boolean;
  /** Visible inputs written (read back to confirm `filled`). */
  fields: number;
}

/** A fill from another trigger failed; `ambiguous` with candidates opens the chip's picker. */
export interface NoticeRequest {
  type: 'autofill.notice';
  code: string;
  message?: string;
  candidates?: AccountChoice[];
}

export interface FillRequest {
  type: 'autofill.request';
  reason: 'chip' | 'auto';
  /** The account the user picked in the chip's picker after an `ambiguous` answer. */
  accountId?: string;
}

/** Asks whether this frame's field is offered an e-mailed code (OfferAnswer). */
export interface OfferRequest {
  type: 'autofill.offer';
}

/**
 * The background's answer to an OfferRequest: `source: "email"` with the message's arrival
 * (epoch ms) when the field asks for an e-mailed code and an open mailbox tab has a recent one;
 * otherwise `source: null`. No code: the chip only says where a click's code would come from.
 */
export type OfferAnswer = { ok: true; source: 'email'; receivedAt: number } | { ok: true; source: null } | { ok: false; error: { code: string; message?: string } };

export interface AccountChoice {
  id: string;
  issuer: string;
  label: string;
}

/** The background's answer to a FillRequest (the automation API's answer shape). */
export type FillRequestAnswer =
  | { ok: true; filled?: boolean; [k: string]: unknown }
  | { ok: false; error: { code: string; message?: string }; candidates?: AccountChoice[] };

export type ToContent = DetectRequest | WriteRequest | NoticeRequest;

/** Narrows an incoming message to one the content script handles. */
export function isToContent(msg: unknown): msg is ToContent {
  const m = msg as { type?: unknown; code?: unknown } | null;
  return m?.type === 'autofill.detect' || ((m?.type === 'autofill.write' || m?.type === 'autofill.notice') && typeof m.code === 'string');
}

/**
 * Where the detector (entrypoints/autofill-engine.ts) keeps its running agent in the content
 * scripts' isolated world, so a second injection into the same frame does nothing. Pages cannot
 * see it (the isolated world is the extension's own).
 */
export const AGENT_KEY = '__tesseraAutofillAgent';
