// The estimator's short memory across background restarts (issue 15, docs/clock.md "Across
// restarts"). An MV3 background does not live long: Firefox suspends its event page after 30 s
// idle and Chrome stops its service worker likewise, and each new start had forgotten every
// server seen before, so three servers met a minute apart never added up to an estimate that
// corrects (seen in Firefox ESR 153: tests/e2e/clock-email.firefox.spec.ts). What is kept is the
// estimator's per-server samples of the current 10-minute window, in memory-only storage
// (storage.session: gone when the browser quits, readable by extension contexts only), and keyed
// by a salted hash of the server, never its name: nothing in it says which sites were visited.
// The salt is drawn once per browser session and kept beside the samples.
import { ClockEstimator, WINDOW_MS, type ClockEstimate, type Observation, type ServerSample } from './estimator';

/** The part of a storage area this needs (browser.storage.session, or a map in unit tests). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SESSION_KEY = 'clockSamples';

/** A sample is written again only when it is this old or has moved this much (write economy). */
const REWRITE_MS = 60_000;
const REWRITE_OFFSET_MS = 1_000;

interface Kept {
  salt: string;
  servers: Array<[string, ServerSample]>;
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function newSalt(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return hex(b.buffer);
}

function isKept(v: unknown): v is Kept {
  const k = v as Kept | null;
  return !!k && typeof k.salt === 'string' && Array.isArray(k.servers);
}

/**
 * An estimator that starts from, and writes back to, the session area. `observe` and `estimate`
 * wait for the first read; every observation that counts for a new server (or changes one's
 * sample) is written at once: a timer may not outlive a suspending background.
 */
export class SessionEstimator {
  private readonly est = new ClockEstimator();
  private salt = '';
  private readonly ready: Promise<void>;
  /** What was last written for each key, to skip writes that change nothing. */
  private readonly written = new Map<string, ServerSample>();
  private chain: Promise<unknown> = Promise.resolve();
  /** host → key for this background's life (memory only, as hosts always were; at most 64). */
  private readonly keys = new Map<string, string>();

  constructor(private readonly area: SessionArea, private readonly onSaved?: (e: ClockEstimate) => void) {
    this.ready = this.restore();
  }

  private async restore(): Promise<void> {
    let kept: unknown;
    try {
      kept = (await this.area.get(SESSION_KEY))[SESSION_KEY];
    } catch {
      kept = undefined;
    }
    if (isKept(kept)) {
      this.salt = kept.salt;
      const now = Date.now();
      for (const [key, s] of kept.servers) {
        if (typeof key !== 'string' || typeof s?.offset !== 'number' || typeof s.at !== 'number' || Math.abs(now - s.at) > WINDOW_MS) continue;
        this.est.restore(key, s);
        this.written.set(key, s);
      }
    } else {
      this.salt = newSalt();
    }
  }

  /** The server's key: SHA-256 of salt and host, 16 bytes in hex. */
  private async keyOf(server: string): Promise<string> {
    const host = server.toLowerCase();
    let key = this.keys.get(host);
    if (!key) {
      key = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${this.salt}\n${host}`))).slice(0, 32);
      if (this.keys.size >= 64) this.keys.clear();
      this.keys.set(host, key);
    }
    return key;
  }

  /** Records a response (as ClockEstimator.observe); resolves true when it counted. */
  observe(o: Observation): Promise<boolean> {
    // One at a time, in arrival order, so that writes never cross.
    const run = this.chain.then(async () => {
      await this.ready;
      if (!o.server) return false;
      const key = await this.keyOf(o.server);
      if (!this.est.observe({ ...o, server: key })) return false;
      const s = this.est.sample(key)!;
      const last = this.written.get(key);
      if (!last || s.at - last.at >= REWRITE_MS || Math.abs(s.offset - last.offset) >= REWRITE_OFFSET_MS) await this.save();
      return true;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async save(): Promise<void> {
    const now = Date.now();
    const estimate = this.est.estimate(now);
    const servers = this.est.samples();
    this.written.clear();
    for (const [k, s] of servers) this.written.set(k, s);
    await this.area.set({ [SESSION_KEY]: { salt: this.salt, servers } satisfies Kept }).catch(() => undefined);
    if (estimate) this.onSaved?.(estimate);
  }

  async estimate(now = Date.now()): Promise<ClockEstimate | null> {
    await this.ready;
    return this.est.estimate(now);
  }
}
