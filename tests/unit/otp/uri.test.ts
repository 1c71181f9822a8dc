import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_URI_LENGTH, parseOtpauthUri, serializeOtpauthUri } from '../../../lib/otp/uri';
import type { OtpParams } from '../../../lib/otp/account';
import { otpParams, anyText } from './arbitraries';
import { errorCode } from './helpers';

const S = 'JBSWY3DPEHPK3PXP';

function params(p: Partial<OtpParams>): OtpParams {
  return { type: 'totp', secret: S, issuer: '', label: 'x', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], ...p };
}

describe('parseOtpauthUri: real-world URIs', () => {
  it('reads the Key Uri Format example', () => {
    expect(parseOtpauthUri('otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example')).toEqual(
      params({ issuer: 'Example', label: 'alice@google.com' }),
    );
  });

  it('reads a GitHub enrollment URI', () => {
    expect(parseOtpauthUri('otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub')).toEqual(
      params({ issuer: 'GitHub', label: 'octocat', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }),
    );
  });

  it('reads a Google enrollment URI (encoded colon and @, lower-case grouped secret)', () => {
    expect(parseOtpauthUri('otpauth://totp/Google%3Aalice%40gmail.com?secret=jbsw%20y3dp%20ehpk%203pxp&issuer=Google')).toEqual(
      params({ issuer: 'Google', label: 'alice@gmail.com' }),
    );
  });

  it('keeps an image= parameter (and every other unknown one) in order', () => {
    const p = parseOtpauthUri(
      'otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co' +
        '&algorithm=SHA1&digits=6&period=30&image=https%3A%2F%2Fexample.com%2Flogo.png%3Fs%3D1&color=%23ff0000&flag',
    );
    expect(p).toEqual(params({
      secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ', issuer: 'ACME Co', label: 'john.doe@email.com',
      extra: [['image', 'https://example.com/logo.png?s=1'], ['color', '#ff0000'], ['flag', '']],
    }));
    expect(serializeOtpauthUri(p)).toContain('&image=https%3A%2F%2Fexample.com%2Flogo.png%3Fs%3D1&color=%23ff0000&flag=');
  });

  it('takes the issuer from the label when there is no issuer parameter', () => {
    expect(parseOtpauthUri('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP')).toEqual(params({ issuer: 'Example', label: 'alice' }));
  });

  it('has no issuer when neither gives one', () => {
    expect(parseOtpauthUri('otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP')).toEqual(params({ label: 'alice@example.com' }));
  });

  it('decodes a percent-encoded Japanese label', () => {
    expect(parseOtpauthUri('otpauth://totp/%E7%94%B0%E4%B8%AD%E5%95%86%E4%BA%8B:%E7%94%B0%E4%B8%AD?secret=JBSWY3DPEHPK3PXP')).toEqual(
      params({ issuer: '田中商事', label: '田中' }),
    );
    expect(parseOtpauthUri('otpauth://totp/%E7%94%B0%E4%B8%AD?secret=JBSWY3DPEHPK3PXP&issuer=%E4%BE%8B')).toEqual(
      params({ issuer: '例', label: '田中' }),
    );
  });

  it('reads the Format\'s label examples, with spaces after the colon', () => {
    expect(parseOtpauthUri('otpauth://totp/Provider1:Alice%20Smith?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ issuer: 'Provider1', label: 'Alice Smith' });
    expect(parseOtpauthUri('otpauth://totp/Big%20Corporation%3A%20alice%40bigco.com?secret=JBSWY3DPEHPK3PXP')).toMatchObject({
      issuer: 'Big Corporation', label: 'alice@bigco.com',
    });
  });

  it('tolerates raw spaces, upper-case scheme/type/names, padding, and surrounding whitespace', () => {
    expect(parseOtpauthUri(' \n\tOTPAUTH://TOTP/ACME Co:john?SECRET=jbswy3dpehpk3pxp&Issuer=ACME Co&ALGORITHM=sha256 \r\n')).toEqual(
      params({ issuer: 'ACME Co', label: 'john', algorithm: 'SHA256' }),
    );
    expect(parseOtpauthUri('otpauth://totp/a?secret=MZXW6===')).toMatchObject({ secret: 'MZXW6' });
  });

  it('reads + as a space in the query but literally in the label', () => {
    expect(parseOtpauthUri('otpauth://totp/C++:me?secret=JBSWY3DPEHPK3PXP&issuer=C%2B%2B')).toMatchObject({ issuer: 'C++', label: 'me' });
    expect(parseOtpauthUri('otpauth://totp/me?secret=JBSWY3DPEHPK3PXP&issuer=Big+Corp')).toMatchObject({ issuer: 'Big Corp', label: 'me' });
  });

  it('reads HOTP with its counter, and starts a HOTP without one at 0', () => {
    expect(parseOtpauthUri('otpauth://hotp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&counter=42&digits=8&algorithm=SHA512')).toEqual(
      params({ type: 'hotp', issuer: 'Example', label: 'alice', counter: 42, digits: 8, algorithm: 'SHA512' }),
    );
    expect(parseOtpauthUri('otpauth://hotp/alice?secret=JBSWY3DPEHPK3PXP')).toMatchObject({ type: 'hotp', counter: 0 });
  });

  it('reads any positive period and 6–8 digits', () => {
    expect(parseOtpauthUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=60&digits=7')).toMatchObject({ period: 60, digits: 7 });
    expect(parseOtpauthUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=1')).toMatchObject({ period: 1 });
  });

  describe('issuer rule (label.ts)', () => {
    it('strips a label prefix equal to the issuer parameter, ignoring case', () => {
      expect(parseOtpauthUri('otpauth://totp/github:me?secret=JBSWY3DPEHPK3PXP&issuer=GitHub')).toMatchObject({ issuer: 'GitHub', label: 'me' });
    });
    it('keeps a different prefix as part of the label: the parameter wins, nothing is lost', () => {
      expect(parseOtpauthUri('otpauth://totp/Google%20Inc:me?secret=JBSWY3DPEHPK3PXP&issuer=Google')).toMatchObject({
        issuer: 'Google', label: 'Google Inc:me',
      });
    });
    it('treats an empty issuer parameter as absent', () => {
      expect(parseOtpauthUri('otpauth://totp/Acme:me?secret=JBSWY3DPEHPK3PXP&issuer=')).toMatchObject({ issuer: 'Acme', label: 'me' });
    });
  });
});

describe('parseOtpauthUri: errors', () => {
  it.each([
    ['http:', 'http://example.com/?secret=JBSWY3DPEHPK3PXP'],
    ['https:', 'https://example.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['mailto:', 'mailto:a@example.com'],
    ['otpauth-migration: (another parser)', 'otpauth-migration://offline?data=AAAA'],
    ['a lookalike scheme', 'otpauth2://totp/a?secret=JBSWY3DPEHPK3PXP'],
  ])('another scheme, %s, is bad-scheme', (_, uri) => {
    expect(errorCode(() => parseOtpauthUri(uri))).toBe('bad-scheme');
  });

  it.each([
    ['plain text', 'not a uri'],
    ['a bare secret', 'JBSWY3DPEHPK3PXP'],
    ['empty input', ''],
    ['no //', 'otpauth:totp/a?secret=JBSWY3DPEHPK3PXP'],
    ['an unknown type', 'otpauth://motp/a?secret=JBSWY3DPEHPK3PXP'],
    ['no type', 'otpauth:///a?secret=JBSWY3DPEHPK3PXP'],
    ['no label', 'otpauth://totp?secret=JBSWY3DPEHPK3PXP'],
    ['an empty label', 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP'],
    ['an issuer but no account', 'otpauth://totp/Acme:?secret=JBSWY3DPEHPK3PXP&issuer=Acme'],
    ['a blank label', 'otpauth://totp/%20%20?secret=JBSWY3DPEHPK3PXP'],
    ['a malformed escape in the label', 'otpauth://totp/a%zz?secret=JBSWY3DPEHPK3PXP'],
    ['a malformed escape in a value', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&issuer=%E7%94'],
    ['a truncated escape', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&x=%4'],
    ['invalid UTF-8', 'otpauth://totp/%C0%AF?secret=JBSWY3DPEHPK3PXP'],
    ['a fragment', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP#frag'],
    ['a control character', 'otpauth://totp/a\u0000b?secret=JBSWY3DPEHPK3PXP'],
    ['a line break inside', 'otpauth://totp/a?secret=JBSW\nY3DPEHPK3PXP'],
    ['a lone surrogate', 'otpauth://totp/a\ud800?secret=JBSWY3DPEHPK3PXP'],
    ['a repeated secret', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&secret=GEZDGNBV'],
    ['a repeated parameter in another case', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&Digits=6&digits=6'],
    ['a negative counter', 'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=-1'],
    ['a fractional counter', 'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=1.5'],
    ['a counter beyond 2^53', 'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=9007199254740993'],
    ['a non-numeric counter', 'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=abc'],
  ])('%s is bad-uri', (_, uri) => {
    expect(errorCode(() => parseOtpauthUri(uri))).toBe('bad-uri');
  });

  it.each([
    ['no secret', 'otpauth://totp/a?issuer=A'],
    ['no query', 'otpauth://totp/a'],
    ['an empty secret', 'otpauth://totp/a?secret='],
    ['a blank secret', 'otpauth://totp/a?secret=%20%20'],
    ['padding only', 'otpauth://totp/a?secret=%3D%3D%3D%3D'],
    ['an invalid character', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PX1'],
    ['a hyphenated secret', 'otpauth://totp/a?secret=JBSW-Y3DP-EHPK-3PXP'],
    ['an impossible length', 'otpauth://totp/a?secret=JBSWY3DPE'],
    ['wrong padding', 'otpauth://totp/a?secret=MZXW6%3D'],
    ['base64', 'otpauth://totp/a?secret=SGVsbG8h3q2%2B7w%3D%3D'],
  ])('%s is bad-secret', (_, uri) => {
    expect(errorCode(() => parseOtpauthUri(uri))).toBe('bad-secret');
  });

  it.each(['MD5', 'SHA-1', 'SHA224', 'SHA384', 'SHA3-256', '', 'sha 1'])('algorithm=%j is bad-algorithm', (a) => {
    expect(errorCode(() => parseOtpauthUri(`otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=${encodeURIComponent(a)}`))).toBe('bad-algorithm');
  });

  it.each(['5', '9', '0', '10', '-6', '6.0', '+6', 'six', '', '1e1'])('digits=%j is bad-digits', (d) => {
    expect(errorCode(() => parseOtpauthUri(`otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=${encodeURIComponent(d)}`))).toBe('bad-digits');
  });

  it.each(['0', '-30', '30.5', 'abc', '', '1e3', '99999999999999999'])('period=%j is bad-period', (v) => {
    expect(errorCode(() => parseOtpauthUri(`otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=${encodeURIComponent(v)}`))).toBe('bad-period');
  });

  it('rejects input over 4,096 characters as too-large, after trimming', () => {
    const base = 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&x=';
    const exact = base + 'y'.repeat(MAX_URI_LENGTH - base.length);
    expect(errorCode(() => parseOtpauthUri(exact))).toBeUndefined();
    expect(errorCode(() => parseOtpauthUri(`  ${exact}\n`))).toBeUndefined();
    expect(errorCode(() => parseOtpauthUri(exact + 'y'))).toBe('too-large');
    expect(errorCode(() => parseOtpauthUri('x'.repeat(1_000_000)))).toBe('too-large');
  });

  it('checks structure, then label, then secret, then the other parameters', () => {
    expect(errorCode(() => parseOtpauthUri('otpauth://totp/?algorithm=MD5'))).toBe('bad-uri');
    expect(errorCode(() => parseOtpauthUri('otpauth://totp/a?algorithm=MD5&digits=9'))).toBe('bad-secret');
    expect(errorCode(() => parseOtpauthUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0&digits=9&algorithm=MD5'))).toBe('bad-algorithm');
    expect(errorCode(() => parseOtpauthUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=0&digits=9'))).toBe('bad-digits');
  });

  it('never puts the secret in an error message', () => {
    for (const uri of ['otpauth://totp/a?secret=ABCDEFGH1', 'otpauth://totp/a?secret=ABCDEFGHIJ&digits=9']) {
      try {
        parseOtpauthUri(uri);
        expect.unreachable();
      } catch (e) {
        expect((e as Error).message).not.toMatch(/ABCDEFGH/);
      }
    }
  });

  it('throws nothing but TesseraError on arbitrary input', () => {
    const piece = fc.oneof(anyText, fc.constantFrom('otpauth://', 'totp/', 'hotp/', '?', '&', '=', 'secret=', 'JBSWY3DP', '%', '%3A', ':', 'issuer=', 'digits=', 'period=', 'counter=', 'algorithm='));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (s) => {
      const c = errorCode(() => parseOtpauthUri(s));
      expect(c === undefined || !c.startsWith('untyped')).toBe(true);
    }), { numRuns: 2000 });
  });
});

describe('serializeOtpauthUri', () => {
  it('writes the label, then the known parameters, then the extras', () => {
    expect(serializeOtpauthUri(params({ issuer: 'ACME Co', label: 'john@x.com', extra: [['image', 'https://x/y.png']] }))).toBe(
      'otpauth://totp/ACME%20Co:john%40x.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30&image=https%3A%2F%2Fx%2Fy.png',
    );
    expect(serializeOtpauthUri(params({ type: 'hotp', label: 'a', counter: 7 }))).toBe(
      'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&counter=7',
    );
  });

  it('marks a colon in a label without issuer so that it is not read as a prefix', () => {
    const p = params({ label: 'a:b' });
    expect(serializeOtpauthUri(p)).toMatch(/^otpauth:\/\/totp\/:a%3Ab\?/);
    expect(parseOtpauthUri(serializeOtpauthUri(p))).toEqual(p);
  });

  it('refuses invalid params with the API codes', () => {
    expect(errorCode(() => serializeOtpauthUri(params({ secret: 'jbswy3dpehpk3pxp' })))).toBe('bad-secret');
    expect(errorCode(() => serializeOtpauthUri(params({ secret: '' })))).toBe('bad-secret');
    expect(errorCode(() => serializeOtpauthUri(params({ label: '' })))).toBe('bad-uri');
    expect(errorCode(() => serializeOtpauthUri(params({ label: ' a' })))).toBe('bad-uri');
    expect(errorCode(() => serializeOtpauthUri(params({ issuer: 'a\ud800' })))).toBe('bad-uri');
    expect(errorCode(() => serializeOtpauthUri(params({ algorithm: 'MD5' as 'SHA1' })))).toBe('bad-algorithm');
    expect(errorCode(() => serializeOtpauthUri(params({ digits: 9 })))).toBe('bad-digits');
    expect(errorCode(() => serializeOtpauthUri(params({ period: 0 })))).toBe('bad-period');
    expect(errorCode(() => serializeOtpauthUri(params({ period: 1.5 })))).toBe('bad-period');
    expect(errorCode(() => serializeOtpauthUri(params({ counter: -1 })))).toBe('bad-uri');
    expect(errorCode(() => serializeOtpauthUri(params({ extra: [['Secret', 'x']] })))).toBe('bad-uri');
    expect(errorCode(() => serializeOtpauthUri(params({ label: 'x'.repeat(5000) })))).toBe('too-large');
  });

  it('round-trips: parse(serialize(p)) deep-equals p for every valid p', () => {
    fc.assert(fc.property(otpParams(), (p) => {
      // The generator rarely builds a p too long to write; such a p is not valid (too-large).
      fc.pre(errorCode(() => serializeOtpauthUri(p)) !== 'too-large');
      const uri = serializeOtpauthUri(p);
      expect(parseOtpauthUri(uri)).toEqual(p);
      // And writing is stable: the text is canonical.
      expect(serializeOtpauthUri(parseOtpauthUri(uri))).toBe(uri);
    }), { numRuns: 2000 });
  });
});

describe('names that could spoof another account', () => {
  it('refuses control characters and bidi overrides in issuer and label, encoded or not', async () => {
    const { parseOtpauthUri } = await import('../../../lib/otp/uri');
    for (const name of ['Evil%00Bank', 'Bank%0Aalice', 'abc%E2%80%AEknab', 'x%E2%81%A6y']) {
      expect(() => parseOtpauthUri(`otpauth://totp/${name}:me?secret=JBSWY3DPEHPK3PXP`), name).toThrow(expect.objectContaining({ code: 'bad-uri' }));
    }
  });
});
