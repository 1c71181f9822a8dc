// The content script's logic for one frame, with the browser API passed in (entrypoints/content.ts
// wires it): detects the code field now and whenever the page changes (throttled), keeps the chip
// beside it, asks the background once per new field whether to fill automatically, answers the
// background's autofill.detect and autofill.write, and shows autofill.notice (protocol.ts).
// It never sees a secret.
import { createChip, type Chip } from './chip';
import { candidates, type Candidate } from './detect';
import { fill } from './fill';
import { hintOf } from './hint';
import { observe } from './observe';
import type { AccountChoice, DetectAnswer, FillRequest, FillRequestAnswer, WriteAnswer } from './protocol';
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
}

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

  /** A failed fill the user asked for: the picker when several accounts fit, else the message. */
  const notice = (code: string, message?: string, choices?: AccountChoice[]) => {
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
