// The device clock's offset, estimated from the `Date` headers of HTTP responses the browser
// already receives (issue 15; docs/clock.md). No request of our own is ever made.
//
// A `Date` header (RFC 9110 §6.6.1) is the origin's clock when it made the response, in whole
// seconds. For a response received at local time L with Date D (and no Age: RFC 9111 §5.1, a
// cached copy is older than its Date says), the true time at L lies in [D, D + 1 s + latency):
// the sample is L − (D + 500 ms). One sample per server per window (the newest): a busy site
// cannot outvote the others. The estimate is the median of the servers' samples after dropping
// those far from it (more than max(3 × MAD, 2 s) away), so one lying server among three or more
// cannot move it. Only the estimate is kept (see ClockEstimate), never hosts or URLs.

/** How long a server's sample counts. */
export const WINDOW_MS = 10 * 60_000;
/** A sample further than this from the median (and 3 MADs) is an outlier. */
export const MIN_OUTLIER_MS = 2_000;
/** More than this and we no longer believe the Date at all (a broken server, not a clock). */
export const MAX_PLAUSIBLE_MS = 7 * 24 * 3_600_000;
/** Servers kept in memory at most (the oldest go first). */
export const MAX_SERVERS = 64;

export interface ClockEstimate {
  /** This device's clock minus true time, ms (positive: the device is ahead). */
  offsetMs: number;
  /** Servers the estimate rests on (outliers left out). */
  samples: number;
  /** Local time of the newest sample used. */
  checkedAt: number;
}

/** What one observed response tells: which server (kept in memory only), its Date, when it came. */
export interface Observation {
  server: string;
  /** The raw `Date` header. */
  date: string | null | undefined;
  /** The raw `Age` header, if any. */
  age?: string | null;
  /** Local epoch ms when the response arrived. */
  receivedAt: number;
  fromCache?: boolean;
}

/** RFC 9110 §5.6.7 IMF-fixdate (and the obsolete forms Date.parse reads), or null. */
export function parseHttpDate(v: string | null | undefined): number | null {
  if (!v || v.length > 64 || !/\d{1,2}:\d{2}:\d{2}/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}

/** The offset one response shows, or null when it must not count (cached, aged, unreadable). */
export function sampleOf(o: Observation): number | null {
  if (o.fromCache) return null;
  // A response that spent any time in a cache carries the Date of when it was made, not now.
  if (o.age !== undefined && o.age !== null && o.age.trim() !== '' && o.age.trim() !== '0') return null;
  const d = parseHttpDate(o.date);
  if (d === null) return null;
  const off = o.receivedAt - (d + 500);
  return Math.abs(off) <= MAX_PLAUSIBLE_MS ? off : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median with outliers dropped: { value, kept }. */
export function robustCentre(xs: number[]): { value: number; kept: number[] } | null {
  if (xs.length === 0) return null;
  const m = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - m)));
  const limit = Math.max(3 * mad, MIN_OUTLIER_MS);
  const kept = xs.filter((x) => Math.abs(x - m) <= limit);
  return { value: Math.round(median(kept)), kept };
}

/** One server's newest sample: its offset and when it arrived (local epoch ms). */
export interface ServerSample {
  offset: number;
  at: number;
}

export class ClockEstimator {
  private servers = new Map<string, ServerSample>();

  /** Records a response; returns whether it counted. */
  observe(o: Observation): boolean {
    const off = sampleOf(o);
    if (off === null || !o.server) return false;
    this.servers.delete(o.server);
    this.servers.set(o.server, { offset: off, at: o.receivedAt });
    while (this.servers.size > MAX_SERVERS) this.servers.delete(this.servers.keys().next().value!);
    return true;
  }

  /** The newest sample of one server, if any. */
  sample(server: string): ServerSample | undefined {
    return this.servers.get(server);
  }

  /** Every server's sample, oldest first (for lib/clock/memory.ts to keep across restarts). */
  samples(): Array<[string, ServerSample]> {
    return [...this.servers].map(([k, v]) => [k, { ...v }]);
  }

  /** Puts back a sample kept from before a restart (an older one never replaces a newer). */
  restore(server: string, s: ServerSample): void {
    const had = this.servers.get(server);
    if (had && had.at >= s.at) return;
    this.servers.delete(server);
    this.servers.set(server, { offset: s.offset, at: s.at });
    while (this.servers.size > MAX_SERVERS) this.servers.delete(this.servers.keys().next().value!);
  }

  /** The estimate at local time `now`, from the servers seen within the window; null with none. */
  estimate(now: number): ClockEstimate | null {
    for (const [k, v] of this.servers) if (now - v.at > WINDOW_MS || v.at - now > WINDOW_MS) this.servers.delete(k);
    const list = [...this.servers.values()];
    const c = robustCentre(list.map((s) => s.offset));
    if (!c) return null;
    const checkedAt = Math.max(...list.filter((s) => c.kept.includes(s.offset)).map((s) => s.at));
    return { offsetMs: c.value, samples: c.kept.length, checkedAt };
  }
}

/** |offset| beyond which the popup warns (codes of 30 s steps start failing). */
export const WARN_MS = 15_000;
/** Automatic correction (the user never chose): beyond this offset… */
export const AUTO_CORRECT_MS = 30_000;
/** …confirmed by at least this many servers. */
export const AUTO_CORRECT_SERVERS = 3;

/**
 * Whether codes use corrected time: the user's explicit choice when made (`choice` boolean), else
 * on when the offset is larger than 30 s and confirmed by at least 3 servers.
 */
export function shouldCorrect(est: ClockEstimate | null, choice: boolean | null): boolean {
  if (!est) return false;
  if (choice !== null) return choice;
  return Math.abs(est.offsetMs) > AUTO_CORRECT_MS && est.samples >= AUTO_CORRECT_SERVERS;
}
