import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_MIGRATION_LENGTH, isEntryError, parseMigrationUri, serializeMigrationUri, type MigrationResult,
} from '../../../lib/otp/migration';
import { ProtoWriter } from '../../../lib/otp/protobuf';
import { validateParams } from '../../../lib/otp/params';
import type { OtpParams } from '../../../lib/otp/account';
import { otpParams } from './arbitraries';
import { errorCode } from './helpers';

const S = 'JBSWY3DPEHPK3PXP';
const HELLO = Uint8Array.from([72, 101, 108, 108, 111, 33, 0xde, 0xad, 0xbe, 0xef]); // S decoded

function params(p: Partial<OtpParams>): OtpParams {
  return { type: 'totp', secret: S, issuer: '', label: 'x', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], ...p };
}

function b64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** An export URI around raw payload bytes, URL-encoded as Google Authenticator writes it. */
function uriOf(payload: Uint8Array | number[]): string {
  return `otpauth-migration://offline?data=${encodeURIComponent(b64(Uint8Array.from(payload)))}`;
}

function varint(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

function entry(fields: { secret?: Uint8Array; name?: string; issuer?: string; algorithm?: number; digits?: number; type?: number; counter?: number | bigint }): Uint8Array {
  const w = new ProtoWriter();
  if (fields.secret) w.bytes(1, fields.secret);
  if (fields.name !== undefined) w.bytes(2, fields.name);
  if (fields.issuer !== undefined) w.bytes(3, fields.issuer);
  return w.int(4, fields.algorithm ?? 1).int(5, fields.digits ?? 1).int(6, fields.type ?? 2).int(7, fields.counter ?? 0).finish();
}

function payload(entries: Uint8Array[], batch: { size?: number; index?: number; id?: number } = {}): Uint8Array {
  const w = new ProtoWriter();
  for (const e of entries) w.bytes(1, e);
  return w.int(2, 1).int(3, batch.size ?? 1).int(4, batch.index ?? 0).int(5, batch.id ?? 0).finish();
}

/** Ten accounts of every kind the format can hold. */
const TEN: OtpParams[] = Array.from({ length: 10 }, (_, i) =>
  params({
    type: i % 3 === 0 ? 'hotp' : 'totp',
    secret: ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MZXW6YTBOI'][i % 3]!,
    issuer: ['Example', 'GitHub', '', '田中商事'][i % 4]!,
    label: `user${i}@example.com`,
    algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3]!,
    digits: i % 2 ? 8 : 6,
    counter: i % 3 === 0 ? i * 1000 : 0,
  }),
);

function accountsOf(r: MigrationResult): OtpParams[] {
  return r.accounts.filter((a): a is OtpParams => !isEntryError(a));
}

describe('parseMigrationUri', () => {
  it('reads a published example export (no batch fields: one batch)', () => {
    // From github.com/dim13/otpauth's README: "Example:alice@google.com", issuer Example, TOTP.
    const r = parseMigrationUri('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC');
    expect(r).toEqual({ batch: { index: 1, size: 1, id: 0 }, accounts: [params({ issuer: 'Example', label: 'alice@google.com' })] });
  });

  it('reads ten accounts back as written', () => {
    const r = parseMigrationUri(serializeMigrationUri(TEN, { index: 1, size: 1, id: 12345 }));
    expect(r.accounts).toEqual(TEN);
    expect(r.batch).toEqual({ index: 1, size: 1, id: 12345 });
  });

  it('exposes the batch counting from 1 ("batch 2 of 3"), negative ids included', () => {
    const r = parseMigrationUri(uriOf(payload([entry({ secret: HELLO, name: 'a' })], { size: 3, index: 1, id: -7 })));
    expect(r.batch).toEqual({ index: 2, size: 3, id: -7 });
  });

  it('applies the label rule to `name`', () => {
    const accounts = accountsOf(parseMigrationUri(uriOf(payload([
      entry({ secret: HELLO, name: 'GitHub:octocat', issuer: 'GitHub' }),
      entry({ secret: HELLO, name: 'octocat', issuer: 'GitHub' }),
      entry({ secret: HELLO, name: 'Acme:bob' }),
      entry({ secret: HELLO, name: 'Google Inc:me', issuer: 'Google' }),
      entry({ secret: HELLO, name: '田中商事: 田中' }),
    ]))));
    expect(accounts.map((a) => [a.issuer, a.label])).toEqual([
      ['GitHub', 'octocat'], ['GitHub', 'octocat'], ['Acme', 'bob'], ['Google', 'Google Inc:me'], ['田中商事', '田中'],
    ]);
  });

  it('takes Authenticator defaults for unspecified enums (SHA1, 6 digits, TOTP)', () => {
    const bytes = new ProtoWriter().bytes(1, HELLO).bytes(2, 'a').finish();
    expect(parseMigrationUri(uriOf(payload([bytes]))).accounts).toEqual([params({ label: 'a' })]);
  });

  it('reports unusable entries one by one and imports the rest', () => {
    const r = parseMigrationUri(uriOf(payload([
      entry({ secret: HELLO, name: 'Good:one', issuer: 'Good' }),
      entry({ secret: HELLO, name: 'Old:md5', issuer: 'Old', algorithm: 4 }),
      entry({ name: 'Empty:nosecret', issuer: 'Empty' }),
      entry({ secret: HELLO, name: 'seven', digits: 3 }),
      entry({ secret: HELLO, name: 'weird', type: 9 }),
      entry({ secret: HELLO, name: 'neg', type: 1, counter: -1 }),
      entry({ secret: HELLO, name: 'huge', type: 1, counter: 2n ** 60n }),
      entry({ secret: HELLO, name: '', issuer: 'NoName' }),
      entry({ secret: HELLO, name: 'Unknown:alg', algorithm: 17 }),
      Uint8Array.from([0x12, 0x03, 0x61, 0x62]), // name "ab…" cut short: a malformed entry
      entry({ secret: HELLO, name: 'Good:two', issuer: 'Good', type: 1, counter: 5 }),
    ])));
    expect(r.accounts.map((a) => (isEntryError(a) ? [a.error.code, a.issuer, a.label] : [a.issuer, a.label]))).toEqual([
      ['Good', 'one'],
      ['bad-algorithm', 'Old', 'md5'],
      ['bad-secret', 'Empty', 'nosecret'],
      ['bad-digits', '', 'seven'],
      ['bad-uri', '', 'weird'],
      ['bad-uri', '', 'neg'],
      ['bad-uri', '', 'huge'],
      ['bad-uri', 'NoName', ''],
      ['bad-algorithm', 'Unknown', 'alg'],
      ['bad-uri', '', ''],
      ['Good', 'two'],
    ]);
    const errors = r.accounts.filter(isEntryError);
    expect(errors.every((e) => e.error.message.length > 0)).toBe(true);
    expect(accountsOf(r)[1]).toEqual(params({ type: 'hotp', issuer: 'Good', label: 'two', counter: 5 }));
  });

  it('refuses an entry that could not be written as an otpauth:// URI (too-large)', () => {
    const r = parseMigrationUri(uriOf(payload([entry({ secret: HELLO, name: 'x'.repeat(5000) })])));
    expect(r.accounts).toMatchObject([{ error: { code: 'too-large' } }]);
  });

  it('skips unknown fields of every wire type at both levels', () => {
    const inner = [
      ...entry({ secret: HELLO, name: 'a' }),
      ...varint((20 << 3) | 0), ...varint(300),
      ...varint((21 << 3) | 1), 1, 2, 3, 4, 5, 6, 7, 8,
      ...varint((22 << 3) | 2), 3, 9, 9, 9,
      ...varint((23 << 3) | 5), 1, 2, 3, 4,
    ];
    const outer = [
      ...varint((9 << 3) | 5), 0, 0, 0, 0,
      ...varint((1 << 3) | 2), ...varint(inner.length), ...inner,
      ...varint((99 << 3) | 2), 2, 0xff, 0xff,
      ...varint((100 << 3) | 1), 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    expect(parseMigrationUri(uriOf(outer)).accounts).toEqual([params({ label: 'a' })]);
  });

  describe('the data parameter', () => {
    // A payload whose base64 holds '+', '/' and '=' (searched for, so the test stays exact).
    const p = (() => {
      for (let i = 0; ; i++) {
        const bytes = payload([entry({ secret: Uint8Array.from([0xfb, 0xff, 0xbf, i, 0xfe]), name: `n${i}` })], { id: i });
        const s = b64(bytes);
        if (s.includes('+') && s.includes('/') && s.endsWith('=')) return bytes;
      }
    })();
    const raw = b64(p);
    const expected = parseMigrationUri(uriOf(p));

    it.each([
      ['URL-encoded (%2B %2F %3D)', encodeURIComponent(raw)],
      ['raw', raw],
      ["with '+' turned into ' '", raw.replaceAll('+', ' ')],
      ["with '+' turned into %20", raw.replaceAll('+', '%20')],
      ['base64url', raw.replaceAll('+', '-').replaceAll('/', '_')],
      ['without padding', raw.replace(/=+$/, '')],
      ['base64url, encoded, unpadded', encodeURIComponent(raw.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''))],
    ])('is read %s', (_, data) => {
      expect(parseMigrationUri(`otpauth-migration://offline?data=${data}`)).toEqual(expected);
    });

    it('is found among other parameters, in any case, with whitespace around the URI', () => {
      expect(parseMigrationUri(`  OTPAUTH-MIGRATION://Offline?v=1&DATA=${encodeURIComponent(raw)}&x \n`)).toEqual(expected);
    });
  });

  describe('errors', () => {
    const good = serializeMigrationUri(TEN);

    it.each([
      ['otpauth:', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP'],
      ['http:', 'http://example.com/?data=AAAA'],
      ['javascript:', 'javascript:alert(1)'],
    ])('another scheme (%s) is bad-scheme', (_, uri) => {
      expect(errorCode(() => parseMigrationUri(uri))).toBe('bad-scheme');
    });

    it.each([
      ['no scheme', 'offline?data=AAAA'],
      ['no //', 'otpauth-migration:offline?data=AAAA'],
      ['another host', 'otpauth-migration://online?data=AAAA'],
      ['a path', 'otpauth-migration://offline/x?data=AAAA'],
      ['no query', 'otpauth-migration://offline'],
      ['no data', 'otpauth-migration://offline?x=1'],
      ['empty data', 'otpauth-migration://offline?data='],
      ['two data parameters', `${good}&data=AAAA`],
      ['a character outside base64', 'otpauth-migration://offline?data=AA*A'],
      ['a base64 length of 1 mod 4', 'otpauth-migration://offline?data=AAAAA'],
      ['misplaced padding', 'otpauth-migration://offline?data=AA=A'],
      ['too much padding', 'otpauth-migration://offline?data=AA==='],
      ['padding on a wrong length', 'otpauth-migration://offline?data=AAA=='],
      ['a malformed escape', 'otpauth-migration://offline?data=%zz'],
      ['a fragment', `${good}#x`],
    ])('%s is bad-uri', (_, uri) => {
      expect(errorCode(() => parseMigrationUri(uri))).toBe('bad-uri');
    });

    it.each([
      ['a group start (wire type 3)', [(7 << 3) | 3, 0]],
      ['a group end (wire type 4)', [(7 << 3) | 4]],
      ['wire type 6', [(7 << 3) | 6, 0]],
      ['wire type 7', [(7 << 3) | 7, 0]],
      ['field number 0', [0x02, 0x00]],
      ['a varint of 11 bytes', [(7 << 3) | 0, ...Array(10).fill(0x80), 0x00]],
      ['a 10-byte varint beyond 64 bits', [(7 << 3) | 0, ...Array(9).fill(0xff), 0x02]],
      ['a varint cut short', [(7 << 3) | 0, 0x80]],
      ['a tag cut short', [0x80]],
      ['a length past the end', [(1 << 3) | 2, 5, 0, 0]],
      ['a length of 2^63', [(1 << 3) | 2, ...varint(2n ** 63n)]],
      ['a fixed64 cut short', [(7 << 3) | 1, 1, 2, 3]],
      ['a fixed32 cut short', [(7 << 3) | 5, 1]],
      ['otp_parameters as a varint', [(1 << 3) | 0, 1]],
      ['batch_size as bytes', [(3 << 3) | 2, 0]],
      ['a negative batch size', [(3 << 3) | 0, ...varint(-1)]],
      ['a negative batch index', [(4 << 3) | 0, ...varint(-2)]],
      ['a batch index past the size', [(3 << 3) | 0, 2, (4 << 3) | 0, 2]],
    ])('a payload with %s is bad-uri', (_, bytes) => {
      expect(errorCode(() => parseMigrationUri(uriOf(bytes as number[])))).toBe('bad-uri');
    });

    it('refuses input over 64 KiB as too-large', () => {
      expect(errorCode(() => parseMigrationUri(`otpauth-migration://offline?data=${'A'.repeat(MAX_MIGRATION_LENGTH)}`))).toBe('too-large');
    });

    it('an empty export (no accounts) is read as such', () => {
      expect(parseMigrationUri(uriOf(payload([])))).toEqual({ batch: { index: 1, size: 1, id: 0 }, accounts: [] });
    });
  });

  describe('fuzz: only TesseraError, never a hang, and every account read is valid', () => {
    const valid = Uint8Array.from(atob(decodeURIComponent(serializeMigrationUri(TEN, { index: 2, size: 3, id: 99 }).split('data=')[1]!)), (c) => c.charCodeAt(0));

    function check(bytes: Uint8Array): void {
      let r: MigrationResult | undefined;
      const c = errorCode(() => (r = parseMigrationUri(uriOf(bytes))));
      expect(c === undefined || c === 'bad-uri' || c === 'too-large', String(c)).toBe(true);
      if (!r) return;
      expect(r.batch.index).toBeGreaterThanOrEqual(1);
      expect(r.batch.index).toBeLessThanOrEqual(r.batch.size);
      for (const a of r.accounts) {
        if (isEntryError(a)) expect(a.error.code).toMatch(/^(bad-uri|bad-secret|bad-algorithm|bad-digits|too-large)$/);
        else expect(errorCode(() => validateParams(a))).toBeUndefined();
      }
    }

    it('random bytes', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(b)), { numRuns: 3000 });
    });

    it('every truncation of a valid 10-account payload', () => {
      for (let n = 0; n < valid.length; n++) check(valid.subarray(0, n));
    });

    it('every single-bit flip of a valid payload', () => {
      for (let i = 0; i < valid.length * 8; i++) {
        const b = valid.slice();
        b[i >> 3]! ^= 1 << (i & 7);
        check(b);
      }
    });

    it('random byte overwrites, insertions and deletions', () => {
      const edit = fc.tuple(fc.constantFrom('set', 'insert', 'delete'), fc.nat(), fc.integer({ min: 0, max: 255 }));
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const b = [...valid];
        for (const [op, at, v] of edits) {
          const i = at % (b.length + 1);
          if (op === 'set' && i < b.length) b[i] = v;
          else if (op === 'insert') b.splice(i, 0, v);
          else b.splice(i, 1);
        }
        check(Uint8Array.from(b));
      }), { numRuns: 3000 });
    });

    it('arbitrary text after the prefix', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const c = errorCode(() => parseMigrationUri(`otpauth-migration://offline?data=${s}`));
        expect(c === undefined || c === 'bad-uri', String(c)).toBe(true);
      }), { numRuns: 2000 });
    });
  });
});

describe('serializeMigrationUri', () => {
  it('round-trips every account the format can hold, with its batch', () => {
    const batch = fc.integer({ min: 1, max: 50 }).chain((size) => fc.record({
      size: fc.constant(size), index: fc.integer({ min: 1, max: size }), id: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    }));
    fc.assert(fc.property(fc.array(otpParams({ migration: true }), { maxLength: 12 }), batch, (accounts, b) => {
      expect(parseMigrationUri(serializeMigrationUri(accounts, b))).toEqual({ batch: b, accounts });
    }), { numRuns: 1000 });
  });

  it('writes data URL-encoded, as Authenticator does', () => {
    expect(serializeMigrationUri(TEN)).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
  });

  it('leaves out extras, which the format cannot hold', () => {
    const r = parseMigrationUri(serializeMigrationUri([params({ extra: [['image', 'https://x/y.png']] })]));
    expect(r.accounts).toEqual([params({})]);
  });

  it('refuses what the format cannot say', () => {
    expect(errorCode(() => serializeMigrationUri([params({ digits: 7 })]))).toBe('bad-digits');
    expect(errorCode(() => serializeMigrationUri([params({ period: 60 })]))).toBe('bad-period');
    expect(errorCode(() => serializeMigrationUri([params({ secret: '' })]))).toBe('bad-secret');
    expect(errorCode(() => serializeMigrationUri([], { index: 0, size: 1, id: 0 }))).toBe('bad-input');
    expect(errorCode(() => serializeMigrationUri([], { index: 3, size: 2, id: 0 }))).toBe('bad-input');
    expect(errorCode(() => serializeMigrationUri([], { index: 1, size: 1, id: 2 ** 31 }))).toBe('bad-input');
    const many = Array.from({ length: 400 }, (_, i) => params({ label: `${'x'.repeat(100)}${i}` }));
    expect(errorCode(() => serializeMigrationUri(many))).toBe('too-large');
  });
});
