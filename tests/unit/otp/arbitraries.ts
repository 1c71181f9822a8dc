// fast-check generators of valid account descriptions (lib/otp/params.ts: validateParams), with
// the characters that stress URI and label encoding: ':', '%', '&', '=', '?', '#', '+', '/',
// spaces, control characters, CJK, emoji.
import fc from 'fast-check';
import type { OtpParams } from '../../../lib/otp/account';
import { encodeBase32 } from '../../../lib/otp/base32';
import { KNOWN_PARAMS, MAX_PERIOD } from '../../../lib/otp/params';

const tricky = fc.constantFrom(':', '%', '%3A', '&', '=', '?', '#', '+', '/', ' ', '\n', '\u3000', '田', '中', '😀', 'é', 'e\u0301', '"', "'");
const unit = fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }));

/** Any text (well-formed Unicode). */
export const anyText = fc.string({ unit, maxLength: 16 });
/** Text as issuers and labels hold it: no blanks around it. */
// What an issuer or label may be (lib/otp/params.ts isCleanText): trimmed, no control or bidi characters.
export const cleanText = anyText.map((s) => s.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '').trim());

export const secretBytes = fc.uint8Array({ minLength: 1, maxLength: 64 });

const extraName = anyText.filter((k) => !KNOWN_PARAMS.has(k.toLowerCase()));

export function otpParams(opts: { migration?: boolean } = {}): fc.Arbitrary<OtpParams> {
  return fc.record({
    type: fc.constantFrom('totp' as const, 'hotp' as const),
    secret: secretBytes.map(encodeBase32),
    issuer: cleanText,
    label: cleanText.filter((s) => s !== ''),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: opts.migration ? fc.constantFrom(6, 8) : fc.integer({ min: 6, max: 8 }),
    period: opts.migration ? fc.constant(30) : fc.oneof(fc.constant(30), fc.integer({ min: 1, max: MAX_PERIOD })),
    counter: fc.oneof(fc.constant(0), fc.maxSafeNat()),
    extra: opts.migration ? fc.constant([]) : fc.array(fc.tuple(extraName, anyText), { maxLength: 6 }),
  });
}
