// docs/vault-format.md states the bounds a header's KDF parameters must keep (issue 11 point 8:
// the page said m ≤ 1 GiB and t ≤ 64 while the code refused past 256 MiB and 10). This reads the
// numbers from the page and holds lib/crypto/kdf-params.ts's assertKdfParams to them: each bound is
// accepted and one past it refused, so the page and the code cannot drift apart again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertKdfParams } from '../../../lib/crypto/kdf-params';

type KdfParams = Parameters<typeof assertKdfParams>[0];

const doc = readFileSync('docs/vault-format.md', 'utf8').replace(/\s+/g, ' ');
const bounds = /\*\*Bounds\.\*\*[^.]*?m ≤ (\d+) MiB, t ≤ (\d+), p ≤ (\d+), m × t ≤ ([\d.]+) GiB-passes/.exec(doc);
const SALT = btoa(String.fromCharCode(...new Uint8Array(16)));
const ok = (p: Partial<KdfParams>) => {
  try {
    assertKdfParams({ name: 'argon2id', memoryKiB: 64 * 1024, iterations: 3, parallelism: 4, salt: SALT, ...p });
    return true;
  } catch {
    return false;
  }
};

describe('docs/vault-format.md, "Bounds"', () => {
  it('states m, t, p and m × t', () => {
    expect(bounds, 'the Bounds paragraph in the form "m ≤ N MiB, t ≤ N, p ≤ N, m × t ≤ N GiB-passes"').not.toBeNull();
  });

  it('says what assertKdfParams does', () => {
    const [mMiB, t, p, costGiB] = bounds!.slice(1).map(Number) as [number, number, number, number];
    expect(ok({ memoryKiB: mMiB * 1024, iterations: 1 })).toBe(true);
    expect(ok({ memoryKiB: mMiB * 1024 + 1, iterations: 1 })).toBe(false);
    expect(ok({ memoryKiB: 64 * 1024, iterations: Math.min(t, Math.floor((costGiB * 1024 * 1024) / (64 * 1024))) })).toBe(true);
    expect(ok({ memoryKiB: 8 * 1024, iterations: t })).toBe(true);
    expect(ok({ memoryKiB: 8 * 1024, iterations: t + 1 })).toBe(false);
    expect(ok({ parallelism: p })).toBe(true);
    expect(ok({ parallelism: p + 1 })).toBe(false);
    const cost = costGiB * 1024 * 1024; // KiB-passes
    expect(ok({ memoryKiB: cost / 8, iterations: 8 })).toBe(cost / 8 <= mMiB * 1024);
    expect(ok({ memoryKiB: Math.floor(cost / 7) + 1024, iterations: 7 })).toBe(false);
  });
});
