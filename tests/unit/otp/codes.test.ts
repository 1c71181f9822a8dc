import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { codeFor, hotpCode, timeStep, totpCode } from '../../../lib/otp/codes';
import { decodeSecret, encodeBase32 } from '../../../lib/otp/base32';
import { errorCode } from './helpers';
import type { Algorithm } from '../../../lib/otp/account';

const ascii = (s: string) => encodeBase32(new TextEncoder().encode(s));

// RFC 4226 Appendix D: secret "12345678901234567890", counts 0–9, 6 digits.
const RFC4226_SECRET = ascii('12345678901234567890');
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

// RFC 6238 Appendix B: each algorithm with its own seed (20, 32 and 64 bytes), 8 digits, X = 30.
const SEEDS: Record<Algorithm, string> = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};
const RFC6238: Array<[number, Algorithm, string]> = [
  [59, 'SHA1', '94287082'], [59, 'SHA256', '46119246'], [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'], [1111111109, 'SHA256', '68084774'], [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'], [1111111111, 'SHA256', '67062674'], [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'], [1234567890, 'SHA256', '91819424'], [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'], [2000000000, 'SHA256', '90698825'], [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'], [20000000000, 'SHA256', '77737706'], [20000000000, 'SHA512', '47863826'],
];

describe('HOTP (RFC 4226 Appendix D)', () => {
  it.each(RFC4226.map((c, i) => [i, c] as const))('count %i gives %s', (counter, expected) => {
    expect(hotpCode({ secret: RFC4226_SECRET, algorithm: 'SHA1', digits: 6, counter })).toBe(expected);
  });
});

/** RFC 4226 §5.3 written out with Node's HMAC: an independent reference for any input. */
function referenceHotp(secret: string, algorithm: Algorithm, digits: number, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac(algorithm.toLowerCase(), decodeSecret(secret)).update(msg).digest();
  const o = h[h.length - 1]! & 0xf;
  const bin = ((h[o]! & 0x7f) << 24) | (h[o + 1]! << 16) | (h[o + 2]! << 8) | h[o + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

describe('HOTP against an independent implementation', () => {
  it('agrees for any seed, algorithm, 6–8 digits and counter up to 2^53 − 1', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 80 }).map(encodeBase32),
      fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512'),
      fc.integer({ min: 6, max: 8 }),
      fc.oneof(fc.maxSafeNat(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(2 ** 32), fc.constant(2 ** 32 - 1)),
      (secret, algorithm, digits, counter) => {
        expect(hotpCode({ secret, algorithm, digits, counter })).toBe(referenceHotp(secret, algorithm, digits, counter));
      },
    ), { numRuns: 1000 });
  });
});

describe('TOTP (RFC 6238 Appendix B)', () => {
  it.each(RFC6238)('T = %i s, %s gives %s', (seconds, algorithm, expected) => {
    const a = { secret: SEEDS[algorithm], algorithm, digits: 8, period: 30 };
    expect(totpCode(a, seconds * 1000)).toBe(expected);
    const c = codeFor({ ...a, type: 'totp', counter: 0, window: 1 }, seconds * 1000);
    expect(c.code).toBe(expected);
  });

  it('the RFC table time steps (T in hex) are what timeStep computes', () => {
    expect(timeStep(30, 59_000)).toBe(0x1);
    expect(timeStep(30, 1111111109_000)).toBe(0x23523ec);
    expect(timeStep(30, 1111111111_000)).toBe(0x23523ed);
    expect(timeStep(30, 1234567890_000)).toBe(0x273ef07);
    expect(timeStep(30, 2000000000_000)).toBe(0x3f940aa);
    expect(timeStep(30, 20000000000_000)).toBe(0x27bc86aa);
  });
});

describe('codeFor: validity', () => {
  const base = { secret: SEEDS.SHA1, algorithm: 'SHA1' as const, digits: 6, period: 30, counter: 0 };

  it('TOTP expires at the end of its step; the server accepts it window steps longer', () => {
    expect(codeFor({ ...base, type: 'totp', window: 1 }, 59_000)).toMatchObject({ period: 30, expiresAt: 60_000, acceptedUntil: 90_000 });
    // The first millisecond of a step belongs to it (RFC 6238 §4: floor).
    expect(codeFor({ ...base, type: 'totp', window: 1 }, 60_000)).toMatchObject({ expiresAt: 90_000, acceptedUntil: 120_000 });
    expect(codeFor({ ...base, type: 'totp', window: 0 }, 61_500)).toMatchObject({ expiresAt: 90_000, acceptedUntil: 90_000 });
    expect(codeFor({ ...base, type: 'totp', window: 3 }, 61_500)).toMatchObject({ expiresAt: 90_000, acceptedUntil: 180_000 });
  });

  it('uses the default window of 1 step when none is given', () => {
    expect(codeFor({ ...base, type: 'totp' }, 0)).toMatchObject({ expiresAt: 30_000, acceptedUntil: 60_000 });
  });

  it('honours other periods', () => {
    const c = codeFor({ ...base, type: 'totp', period: 60, window: 1 }, 1_000_000);
    expect(c).toMatchObject({ period: 60, expiresAt: 1_020_000, acceptedUntil: 1_080_000 });
    expect(c.code).toBe(hotpCode({ ...base, counter: 16 }));
  });

  it('the code is the same within a step and changes at its end', () => {
    const a = { ...base, type: 'totp' as const };
    expect(codeFor(a, 30_000).code).toBe(codeFor(a, 59_999).code);
    expect(codeFor(a, 59_999).code).not.toBe(codeFor(a, 60_000).code);
  });

  it('HOTP gives the code for the stored counter and no times', () => {
    expect(codeFor({ ...base, type: 'hotp', counter: 5, window: 1 }, 123)).toEqual({
      code: RFC4226[5], period: null, expiresAt: null, acceptedUntil: null,
    });
  });

  it('pads codes with leading zeros to the number of digits', () => {
    expect(totpCode({ secret: SEEDS.SHA1, algorithm: 'SHA1', digits: 8, period: 30 }, 1111111109_000)).toBe('07081804');
    expect(hotpCode({ secret: RFC4226_SECRET, algorithm: 'SHA1', digits: 7, counter: 0 })).toMatch(/^\d{7}$/);
  });

  it('a tokens entry has no code (wrong-type); a bad secret is bad-secret', () => {
    expect(errorCode(() => codeFor({ ...base, type: 'tokens' }, 0))).toBe('wrong-type');
    expect(errorCode(() => totpCode({ ...base, secret: 'not base32!' }, 0))).toBe('bad-secret');
    expect(errorCode(() => hotpCode({ ...base, secret: '' }))).toBe('bad-secret');
  });
});
