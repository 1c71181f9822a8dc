// A passphrase strength hint for the setup screen: a rough entropy estimate from length and
// character classes (the NIST SP 800-63B §5.1.1.2 advice is length over composition, so
// length dominates). It is a hint, not a gate: the only hard rule is the minimum length.

export const MIN_PASSPHRASE_LENGTH = 8;

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export function estimateBits(passphrase: string): number {
  const chars = [...passphrase];
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  // Repeated characters add little: count distinct characters at full weight, repeats at a quarter.
  const distinct = new Set(chars).size;
  const effective = distinct + (chars.length - distinct) / 4;
  return Math.round(effective * Math.log2(Math.max(pool, 1)));
}

export function strengthOf(passphrase: string): Strength {
  if ([...passphrase.trim()].length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  const bits = estimateBits(passphrase);
  return bits < 50 ? 'weak' : bits < 100 ? 'fair' : 'strong';
}
