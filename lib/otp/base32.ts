// Base32 as defined by RFC 4648 §6 (alphabet A–Z 2–7, '=' padding), the encoding of otpauth
// seeds (Key Uri Format, "secret"). Decoding is strict: besides the alphabet it accepts only
// what people and issuers really write — lower case, spaces between groups, and correct
// trailing padding — and rejects everything else with TesseraError('bad-secret').
// The canonical form of a seed is encodeBase32(decodeBase32(x)): upper case, no padding.
import { TesseraError } from '../messages/errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

// RFC 4648 §6: a quantum is 40 bits = 8 characters. A final partial quantum of 1–4 bytes
// gives 2, 4, 5 or 7 characters followed by 6, 4, 3 or 1 '='. Any other remainder
// (1, 3 or 6 characters) cannot come from an encoder, so it is a typo or a truncation.
const PAD_FOR_REMAINDER: ReadonlyMap<number, number> = new Map([[0, 0], [2, 6], [4, 4], [5, 3], [7, 1]]);

function bad(): never {
  // The message never quotes the input: it is a secret.
  throw new TesseraError('bad-secret');
}

/** Decodes Base32 text into bytes (possibly none). Throws TesseraError('bad-secret'). */
export function decodeBase32(text: string): Uint8Array {
  // Checked before upper-casing: 'ß'.toUpperCase() is 'SS' and 'ı' becomes 'I'.
  if (!/^[A-Za-z2-7= ]*$/.test(text)) bad();
  // Spaces group the characters for reading; they carry nothing (issuers print "JBSW Y3DP …").
  const compact = text.replaceAll(' ', '').toUpperCase();
  let end = compact.length;
  while (end > 0 && compact[end - 1] === '=') end--;
  const data = compact.slice(0, end);
  const pads = compact.length - end;
  const expectedPad = PAD_FOR_REMAINDER.get(data.length % 8);
  if (expectedPad === undefined) bad();
  // Padding is optional (the Key Uri Format omits it), but when present it must be complete.
  if (pads !== 0 && pads !== expectedPad) bad();

  const out = new Uint8Array(Math.floor((data.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (const c of data) {
    const v = VALUES.get(c);
    if (v === undefined) bad(); // an '=' before the end
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits (fewer than 8) are padding bits. RFC 4648 §3.5 lets a decoder reject them
  // when non-zero; we accept them, because some issuers generate random Base32 characters
  // rather than encoding random bytes, and the bytes (hence the codes) are the same either way.
  return out;
}

/** Encodes bytes as canonical Base32: upper case, no padding (as the Key Uri Format asks). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = ((buffer << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes a seed: valid Base32 of at least one byte. Throws TesseraError('bad-secret'). */
export function decodeSecret(text: string): Uint8Array {
  const bytes = decodeBase32(text);
  if (bytes.length === 0) bad();
  return bytes;
}

/** The canonical form of a seed (upper case, no padding, no spaces). Throws 'bad-secret'. */
export function canonicalSecret(text: string): string {
  return encodeBase32(decodeSecret(text));
}
