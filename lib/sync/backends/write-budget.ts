// Write-rate accounting for storage.sync: Chrome allows MAX_WRITE_OPERATIONS_PER_MINUTE (120) and
// MAX_WRITE_OPERATIONS_PER_HOUR (1,800) set/remove/clear calls (chrome.storage API reference,
// "sync" properties), counted per call however many keys it carries. We count our own calls, stay
// under a fraction of each limit, and after the browser refuses one anyway back off: a minute
// for the per-minute limit, then doubling, up to an hour.

export interface WriteLimits {
  perMinute: number;
  perHour: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export class WriteBudget {
  private ops: number[] = [];
  private blockedUntil = 0;
  private backoff = 0;

  constructor(
    private readonly limits: WriteLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** When `n` more operations may run: now (<= now()) or later. */
  availableAt(n = 1): number {
    const now = this.now();
    this.ops = this.ops.filter((t) => t > now - HOUR);
    let at = Math.max(now, this.blockedUntil);
    const inMinute = this.ops.filter((t) => t > now - MINUTE);
    if (inMinute.length + n > this.limits.perMinute) at = Math.max(at, (inMinute[inMinute.length + n - this.limits.perMinute - 1] ?? now) + MINUTE);
    if (this.ops.length + n > this.limits.perHour) at = Math.max(at, (this.ops[this.ops.length + n - this.limits.perHour - 1] ?? now) + HOUR);
    return at;
  }

  spend(n = 1): void {
    const now = this.now();
    for (let i = 0; i < n; i++) this.ops.push(now);
    this.backoff = 0;
  }

  /** The browser refused a write for rate: wait before the next. Returns when to try again. */
  refused(which: 'minute' | 'hour'): number {
    this.backoff = Math.min(HOUR, Math.max(which === 'hour' ? 10 * MINUTE : MINUTE, this.backoff * 2));
    this.blockedUntil = this.now() + this.backoff;
    return this.blockedUntil;
  }
}
