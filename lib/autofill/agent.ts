// The content script's logic for one frame, with the browser API passed in (entrypoints/content.ts
// wires it): detects the code field now and whenever the page changes (throttled), keeps the chip
// beside it, asks the background once per new field whether to fill automatically, answers the
// background's autofill.detect and autofill.write, and shows autofill.notice (protocol.ts).
// It never sees a secret. When the field asks for a code sent by e-mail, the chip says where a
// click's code comes from ("from email, 2 min ago", issue 15): the background answers
// autofill.offer with the mail's arrival time only, asked when the field appears and again when
// the user points at or focuses the chip (the mail may come after the page).
import { createChip, type Chip } from './chip';
import { candidates, type Candidate } from './detect';
import { fill } from './fill';
import { hintOf } from './hint';
import { observe } from './observe';
import { emailMinutes } from '../clock/age';
import type { AccountChoice, DetectAnswer, FillRequest, FillRequestAnswer, OfferAnswer, OfferRequest, WriteAnswer } from './protocol';
import { isToContent } from './protocol';
import { THRESHOLD } from './score';
import type { Measure } from './visible';

export interface AgentOptions {
  /** Sends a request to the background (browser.runtime.sendMessage). */
  send(msg: FillRequest): Promise<FillRequestAnswer | undefined>;
  title: string;
  pickTitle: string;
  measure?: Measure;
  /** Minimum ms between detections caused by page changes (default 250). */
  interval?: number;
  /** Closed shadow roots (detect.ts DetectOptions.shadowOf). */
  shadowOf?: (el: Element) => ShadowRoot | null | undefined;
  /** Asks the background whether the field is offered an e-mailed code (without both, never asked). */
  offer?(msg: OfferRequest): Promise<OfferAnswer | undefined>;
  /** "from email, 2 min ago" for a mail `minutes` old (0: "just now"), in the UI language. */
  emailLabel?(minutes: number): string;
  /** The device clock (tests). */
  now?(): number;
}

/** The background is asked again on hover at most this often. */
export const OFFER_ASK_MS = 5_000;
/** A mail older than this is no longer offered (10 min, plus the 59 s a "9:28" may stand for). */
export const OFFER_MAX_AGE_MS = 11 * 60_000;

export interface Agent {
  readonly chip: Chip;
  /** Answers a background message, or returns undefined for messages that are not ours. */
  handle(msg: unknown): Promise<DetectAnswer | WriteAnswer> | undefined;
  /** Detects again; returns the field found, if any. */
  refresh(): Candidate | null;
  stop(): void;
}

export function startAgent(doc: Document, options: AgentOptions): Agent {
  // This document's nonce (protocol.ts DetectAnswer): a new document runs a new content script,
  // which draws its own. It only has to differ between documents (the page never sees it: it
  // lives in the isolated world and travels over runtime messaging), so Math.random() serves,
  // and costs less of the 8 KB budget than crypto (whose randomUUID needs a secure context).
  const nonce = String(Math.random());
  let best: Candidate | undefined;
  let current: Candidate | null = null;
  /** First inputs of fields already offered for automatic filling: once per field. */
  const asked = new WeakSet<Element>();

  const now = options.now ?? Date.now;
  /** When the offered mail arrived (epoch ms), while the field is offered one. */
  let offered: number | null = null;
  let askedAt = -Infinity;

  /** The chip's origin label, from the offered mail's age now. */
  const relabel = () => {
    if (offered !== null && now() - offered > OFFER_MAX_AGE_MS) offered = null;
    chip.origin(offered === null || !options.emailLabel ? null : options.emailLabel(emailMinutes(offered, now())));
  };

  const askOffer = async () => {
    if (!options.offer || !options.emailLabel || !current) return;
    askedAt = now();
    let answer: OfferAnswer | undefined;
    try {
      answer = await options.offer({ type: 'autofill.offer' });
    } catch {
      return; // The background is gone (extension reloaded).
    }
    offered = answer?.ok && answer.source === 'email' && typeof answer.receivedAt === 'number' ? answer.receivedAt : null;
    relabel();
  };

  /** A failed fill the user asked for: the picker when several accounts fit, else the message. */
  const notice = (code: string, message?: string, choices?: AccountChoice[]) => {
    // The mail is gone (read, closed, too old): the chip no longer says it comes from e-mail.
    if (code === 'no-email-code' && offered !== null) {
      offered = null;
      relabel();
    }
    if (code === 'ambiguous' && choices?.length) chip.pick(choices);
    else if (message) chip.note(message);
  };

  const request = async (reason: FillRequest['reason'], accountId?: string) => {
    let answer: FillRequestAnswer | undefined;
    try {
      answer = await options.send({ type: 'autofill.request', reason, ...(accountId && { accountId }) });
    } catch {
      return; // The background is gone (extension reloaded): nothing to do.
    }
    if (reason === 'chip' && answer && !answer.ok) notice(answer.error.code, answer.error.message, answer.candidates);
  };

  const chip = createChip(doc, {
    title: options.title,
    pickTitle: options.pickTitle,
    onActivate: () => void request('chip'),
    onPick: (id) => void request('chip', id),
    onHover: () => {
      relabel();
      if (now() - askedAt >= OFFER_ASK_MS) void askOffer();
    },
  });

  const observer = observe(() => refresh(), { interval: options.interval, ignore: (n) => n === chip.host });

  const refresh = (): Candidate | null => {
    best = candidates(doc, { measure: options.measure, shadowOf: options.shadowOf, onShadowRoot: (r) => observer.watch(r) })[0];
    current = best && best.score >= THRESHOLD ? best : null;
    if (!current) {
      chip.hide();
      return null;
    }
    const { inputs } = current;
    // Beside a single field, after the last box of a group (a single field is its own last input).
    chip.show(inputs[inputs.length - 1]!);
    const first = inputs[0]!;
    if (!asked.has(first)) {
      asked.add(first);
      void request('auto');
      void askOffer();
    }
    return current;
  };

  const detectAnswer = (): DetectAnswer => {
    const view = doc.defaultView;
    return {
      found: !!current,
      kind: current?.kind ?? null,
      length: current?.length ?? null,
      score: best?.score ?? 0,
      frameUrl: doc.URL,
      top: !!view && view.top === view,
      ...(current && { hint: hintOf(current) }),
      nonce,
    };
  };

  observer.watch(doc);
  refresh();

  return {
    chip,
    refresh,
    handle(msg) {
      if (!isToContent(msg)) return undefined;
      refresh();
      if (msg.type === 'autofill.detect') return Promise.resolve(detectAnswer());
      if (msg.type === 'autofill.notice') {
        if (current) notice(msg.code, msg.message, msg.candidates);
        return undefined;
      }
      // A write for another document (this frame navigated after the check) or another URL: refused.
      return current && msg.nonce === nonce && msg.url === doc.URL ? fill(current, msg.code) : Promise.resolve({ filled: false, fields: 0 });
    },
    stop() {
      observer.disconnect();
      chip.destroy();
    },
  };
}
