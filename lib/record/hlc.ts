// Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): timestamps that
// follow wall time but never go backwards and order every write across devices.
// Encoded as fixed-width strings so that plain string comparison is the clock order:
//   <wall ms, 13 decimal digits>-<counter, 4 hex digits>-<device id>
// The device id breaks ties, so two different writes never carry equal stamps.

export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

const PATTERN = /^(\d{13})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;
const MAX_COUNTER = 0xffff;
/**
 * How far ahead of our own clock a remote stamp may be. Farther, it is a broken clock or a
 * hostile backend: observing it would drag every later local stamp along (and past 13 digits).
 */
export const MAX_SKEW_MS = 24 * 60 * 60 * 1000;

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(13, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.device}`;
}

export function decodeHlc(s: string): Hlc {
  const m = PATTERN.exec(s);
  if (!m) throw new Error(`not a hybrid logical clock stamp: ${s.slice(0, 40)}`);
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! };
}

export function isHlc(s: unknown): s is string {
  return typeof s === 'string' && PATTERN.test(s);
}

/** Compares two encoded stamps: negative, zero or positive, like a sort comparator. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A clock for one device. `now()` stamps a local event; `observe()` takes in a remote stamp
 * so that the next local stamp is later than everything seen (HLC send/receive rules).
 */
export class HlcClock {
  private last: Hlc;
  constructor(
    readonly device: string,
    private readonly wallClock: () => number = Date.now,
    last?: string,
  ) {
    this.last = last ? decodeHlc(last) : { wall: 0, counter: 0, device };
  }

  now(): string {
    const wall = this.wallClock();
    if (wall > this.last.wall) this.last = { wall, counter: 0, device: this.device };
    else this.last = this.bump(this.last.wall, this.last.counter);
    return encodeHlc(this.last);
  }

  observe(remote: string): void {
    const r = decodeHlc(remote);
    if (r.wall > this.wallClock() + MAX_SKEW_MS) return;
    const wall = Math.max(this.wallClock(), this.last.wall, r.wall);
    let counter = 0;
    if (wall === this.last.wall && wall === r.wall) counter = Math.max(this.last.counter, r.counter) + 1;
    else if (wall === this.last.wall) counter = this.last.counter + 1;
    else if (wall === r.wall) counter = r.counter + 1;
    this.last = counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, device: this.device } : { wall, counter, device: this.device };
  }

  private bump(wall: number, counter: number): Hlc {
    // Counter overflow: borrow a millisecond from the future rather than repeat a stamp.
    return counter >= MAX_COUNTER ? { wall: wall + 1, counter: 0, device: this.device } : { wall, counter: counter + 1, device: this.device };
  }
}
