// Reading QR codes from a live screen capture (issue 16): frames are decoded as they arrive, one
// at a time (a frame that arrives while one is being read is skipped, never queued), until the
// codes are complete or the user stops. "Complete" means at least one code and no Google
// Authenticator export batch missing (lib/qr/interpret.ts): an export shown one code at a time
// keeps the reading going while the user pages through it. Framework-free: the page gives a
// frame source (a <video> of the getDisplayMedia stream drawn to a canvas) and stops the stream
// itself as soon as this resolves; nothing here keeps a frame.
import { interpretQrTexts } from './interpret';
import type { QrImage } from './image';
import { decodeScreenFrame, frameSignature } from './screen-frames';

export interface ScreenFrameSource {
  /** The current frame's pixels, or null once the stream has ended (the user stopped sharing). */
  next(): Promise<QrImage | null>;
}

export type ScreenOutcome = 'found' | 'cancelled' | 'ended';

export interface ScreenProgress {
  frames: number;
  texts: string[];
  /** Export batches still missing (1-based), per export. */
  missingBatches: Array<{ size: number; missing: number[] }>;
}

export interface ReadScreenOptions {
  source: ScreenFrameSource;
  /** Aborted with reason "finish": stop and keep what was found; any other reason: cancel, keep nothing. */
  signal?: AbortSignal;
  onProgress?(p: ScreenProgress): void;
  /** Defaults to decodeScreenFrame. */
  decode?(img: QrImage, opts: { deep: boolean }): Promise<string[]>;
  /** Least time between two frames read (ms); default 100 (at most 10 frames a second). */
  minIntervalMs?: number;
  /** Stops reading after this many frames without a new code once some were found (default 150, about 15 s). */
  patienceFrames?: number;
}

export interface ScreenResult {
  outcome: ScreenOutcome;
  /** Distinct texts in the order found; [] when cancelled. */
  texts: string[];
  frames: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True when `texts` hold at least one code and every export they start is complete. */
export function screenComplete(texts: readonly string[]): boolean {
  return texts.length > 0 && interpretQrTexts(texts).missingBatches.length === 0;
}

export async function readScreen(o: ReadScreenOptions): Promise<ScreenResult> {
  const decode = o.decode ?? ((img, opts) => decodeScreenFrame(img, opts));
  const minInterval = o.minIntervalMs ?? 100;
  const patience = o.patienceFrames ?? 150;
  const texts: string[] = [];
  let frames = 0;
  let lastSignature = '';
  let deepDone = '';
  let sinceNew = 0;
  const stopped = (): ScreenResult | null => {
    if (!o.signal?.aborted) return null;
    return o.signal.reason === 'finish' ? { outcome: 'found', texts, frames } : { outcome: 'cancelled', texts: [], frames };
  };
  for (;;) {
    const early = stopped();
    if (early) return early;
    const started = Date.now();
    let img = await o.source.next();
    if (img === null) return { outcome: texts.length ? 'found' : 'ended', texts, frames };
    const after = stopped();
    if (after) return after;
    frames++;
    // The deep pass once per still picture: this frame looks like the last one and was not deep-read yet.
    const signature = frameSignature(img);
    const deep = signature === lastSignature && signature !== deepDone;
    lastSignature = signature;
    if (deep) deepDone = signature;
    const read = await decode(img, { deep });
    img = null; // the frame is not kept past its read
    let added = false;
    for (const t of read) {
      if (!texts.includes(t)) {
        texts.push(t);
        added = true;
      }
    }
    sinceNew = added ? 0 : sinceNew + 1;
    o.onProgress?.({ frames, texts: [...texts], missingBatches: texts.length ? interpretQrTexts(texts).missingBatches : [] });
    const late = stopped();
    if (late) return late;
    if (screenComplete(texts)) return { outcome: 'found', texts, frames };
    // An export with a batch that never shows: review what there is rather than read forever.
    if (texts.length && sinceNew >= patience) return { outcome: 'found', texts, frames };
    const wait = minInterval - (Date.now() - started);
    if (wait > 0) await sleep(wait);
  }
}
