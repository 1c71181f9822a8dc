// A base-85 text encoding for sealed bytes kept in storage.sync (docs/sync.md, "Item layout").
// storage.sync counts an item as its key plus the JSON text of its value, so bytes must travel as
// a JSON string: base64 costs 4 characters per 3 bytes (+33%), base 85 costs 5 per 4 (+25%).
// The scheme is Ascii85's (4 bytes as one big-endian 32-bit number in 5 digits; a final group of
// k < 4 bytes as its first k + 1 digits), with an alphabet of printable ASCII that every JSON
// writer leaves as is: no quote or backslash (JSON escapes them, RFC 8259 §7), and none of
// < > & ' ` which some writers escape for embedding in HTML (Chromium's JSON writer turns < into
// \u003C), nor ^ and ~ (to get down to 85).

export const ALPHABET = (() => {
  let s = '';
  for (let c = 0x21; c <= 0x7e; c++) {
    const ch = String.fromCharCode(c);
    if (!`"'&<>\\^\`~`.includes(ch)) s += ch;
  }
  return s;
})();

const DIGIT = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** Encoded length of `n` bytes. */
export function base85Length(n: number): number {
  const rest = n % 4;
  return Math.floor(n / 4) * 5 + (rest ? rest + 1 : 0);
}

export function toBase85(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const k = Math.min(4, bytes.length - i);
    // Missing bytes of a final group count as zero (Ascii85).
    let v = 0;
    for (let j = 0; j < 4; j++) v = v * 256 + (j < k ? bytes[i + j]! : 0);
    const digits = new Array<string>(5);
    for (let j = 4; j >= 0; j--) {
      digits[j] = ALPHABET[v % 85]!;
      v = Math.floor(v / 85);
    }
    out.push(k === 4 ? digits.join('') : digits.slice(0, k + 1).join(''));
  }
  return out.join('');
}

/** Decodes what toBase85 produced; throws on a character outside the alphabet or a bad length. */
export function fromBase85(text: string): Uint8Array {
  const rest = text.length % 5;
  if (rest === 1) throw new Error('not base85: bad length');
  const out = new Uint8Array(Math.floor(text.length / 5) * 4 + (rest ? rest - 1 : 0));
  let at = 0;
  for (let i = 0; i < text.length; i += 5) {
    const m = Math.min(5, text.length - i);
    // A final group of m digits is padded with the highest digit, then cut to m - 1 bytes.
    let v = 0;
    for (let j = 0; j < 5; j++) {
      const c = j < m ? text.charCodeAt(i + j) : ALPHABET.charCodeAt(84);
      const d = c < 128 ? DIGIT[c]! : -1;
      if (d < 0) throw new Error('not base85: bad character');
      v = v * 85 + d;
    }
    if (v > 0xffffffff) throw new Error('not base85: group out of range');
    for (let j = 0; j < m - 1; j++) out[at++] = Math.floor(v / 2 ** (8 * (3 - j))) % 256;
  }
  return out;
}
