// Behaviour of parseImportFile beyond the fixtures: recognition from content, whole-file errors
// ('bad-file' saying where, 'unsupported-format' naming the formats, 'too-large'), per-entry
// errors (Steam and other kinds named, values checked like pasted links), KDF caps, and
// damaged encrypted files. The fixture files themselves are checked in manifest.test.ts.
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../lib/import/file';
import { MAX_IMPORT_FILE_BYTES } from '../../../lib/import/limits';
import { fixture, fixtureText, manifest, rejection, rejectionOf } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => enc(JSON.stringify(v));
const passwordOf = (file: string) => manifest.files.find((f) => f.file === file)!.password!;

describe('recognition', () => {
  it('goes by content, not by name: every fixture reads the same whatever it is called', async () => {
    // parseImportFile is never given a name: the bytes alone decide (the manifest test checks each format).
    const a = await parseImportFile(fixture('aegis-plain.json'));
    const b = await parseImportFile(fixture('lastpass.json'));
    expect([a.format, b.format]).toEqual(['aegis', 'lastpass']);
  });

  it('refuses an unknown format, naming the supported ones', async () => {
    for (const bytes of [enc(''), enc('hello world\n'), json({ some: 'thing' }), json([1, 2, 3]), enc('otpauth-ish but not\n')]) {
      const e = await rejectionOf(parseImportFile(bytes));
      expect(e.code).toBe('unsupported-format');
      expect(e.message).toMatch(/Aegis.*2FAS.*andOTP.*Bitwarden.*Ente.*Proton.*FreeOTP\+.*LastPass.*Google Authenticator/);
    }
  });

  it('refuses files over 20 MB before reading them', async () => {
    expect(await rejection(parseImportFile(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1)))).toBe('too-large');
  });

  it('reads a UTF-8 byte-order mark and CRLF line ends', async () => {
    const text = '\uFEFF' + fixtureText('otpauth-list.txt').replaceAll('\n', '\r\n');
    const r = await parseImportFile(enc(text));
    expect(r.format).toBe('otpauth-text');
    expect(r.items.map((i) => i.line)).toEqual([1, 2]);
  });

  it('tells Ente and Google Authenticator link files from plain link lists', async () => {
    expect((await parseImportFile(fixture('ente-plain.txt'))).format).toBe('ente');
    expect((await parseImportFile(fixture('google-authenticator.txt'))).format).toBe('google-authenticator');
    const mixed = fixtureText('otpauth-list.txt') + fixtureText('google-authenticator.txt');
    expect((await parseImportFile(enc(mixed))).format).toBe('otpauth-text');
  });
});

describe('damaged files say where', () => {
  it('JSON cut short: the byte where it ends', async () => {
    const whole = fixture('aegis-plain.json');
    const cut = whole.subarray(0, 1203);
    const e = await rejectionOf(parseImportFile(cut));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('JSON ends early at byte 1203');
  });

  it('JSON with a syntax error: the byte of the error', async () => {
    const e = await rejectionOf(parseImportFile(enc('{"services": [1,, 2]}')));
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/JSON is not valid at byte 16/);
  });

  it('an entry without its secret: "entry N: secret missing", and nothing is returned', async () => {
    const vault = JSON.parse(fixtureText('aegis-plain.json'));
    delete vault.db.entries[2].info.secret;
    const e = await rejectionOf(parseImportFile(json(vault)));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('entry 3: secret missing');
  });

  it('a field of the wrong type names the entry and the field', async () => {
    const services = JSON.parse(fixtureText('2fas-plain.2fas'));
    services.services[1].otp.digits = { six: 6 };
    const e = await rejectionOf(parseImportFile(json(services)));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('entry 2: digits has the wrong type');
  });

  it('per format: a damaged entry list is bad-file', async () => {
    const cases: Array<[string, (v: any) => void]> = [
      ['aegis-plain.json', (v) => (v.db.entries = 'none')],
      ['2fas-plain.2fas', (v) => (v.services[0] = 'x')],
      ['andotp-plain.json', (v) => delete v[1].type],
      ['authenticator-plain.json', (v) => delete Object.values<any>(v)[0].secret],
      ['bitwarden.json', (v) => (v.items[0].login = 5)],
      ['proton-plain.json', (v) => delete v.entries[0].content],
      ['freeotp-plus.json', (v) => (v.tokens[0].secret = 'abc')],
      ['lastpass.json', (v) => delete v.accounts[1].secret],
    ];
    for (const [file, damage] of cases) {
      const v = JSON.parse(fixtureText(file));
      damage(v);
      expect(await rejection(parseImportFile(json(v))), file).toBe('bad-file');
    }
  });

  it('a bad line in a link list is that line\'s error; the others still read', async () => {
    const r = await parseImportFile(enc(`${fixtureText('otpauth-list.txt')}not a link\notpauth://totp/X:y?secret=not*base32\n`));
    expect(r.items).toHaveLength(2);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[3, 'bad-uri'], [4, 'bad-secret']]);
  });

  it('encrypted Aegis vault whose content was altered: the password opens the slot, the vault is damaged', async () => {
    const vault = JSON.parse(fixtureText('aegis-encrypted.json'));
    const db = Buffer.from(vault.db, 'base64');
    db[10]! ^= 1;
    vault.db = db.toString('base64');
    const e = await rejectionOf(parseImportFile(json(vault), { password: passwordOf('aegis-encrypted.json') }));
    expect(e.code).toBe('bad-file');
  });

  it('encrypted files cut short never return accounts', async () => {
    for (const f of manifest.files.filter((x) => x.encrypted && !x.source)) {
      const bytes = fixture(f.file);
      for (const len of [0, 10, Math.floor(bytes.length / 2), bytes.length - 1]) {
        const code = await rejection(parseImportFile(bytes.subarray(0, len), { password: f.password! }));
        expect(['bad-file', 'bad-passphrase', 'unsupported-format', 'needs-password'], `${f.file} @${len}`).toContain(code);
      }
    }
  });
});

describe('entries left out are named', () => {
  it('Steam, with its name, in every format that has it', async () => {
    for (const f of manifest.files.filter((x) => !x.source && x.errors.length > 0 && x.errorCodes[0] === 'bad-uri')) {
      const r = await parseImportFile(fixture(f.file), f.password ? { password: f.password } : {});
      expect(r.errors[0]!.message, f.file).toMatch(/Steam.*gamer|gamer.*Steam|^Steam: Steam accounts are not supported/);
      expect(r.errors[0]!.message, f.file).toContain('Steam accounts are not supported');
      expect(r.errors[0]!.message, f.file).not.toMatch(new RegExp(f.expected[0]!.secret as string));
    }
  });

  it('other kinds (Yandex, mOTP, Blizzard) by their kind', async () => {
    const vault = JSON.parse(fixtureText('aegis-plain.json'));
    vault.db.entries[0].type = 'yandex';
    const r = await parseImportFile(json(vault));
    expect(r.errors[0]).toMatchObject({ line: 1, code: 'bad-uri' });
    expect(r.errors[0]!.message).toContain('“yandex” accounts are not supported');
  });

  it('values are checked like a pasted link: MD5, 5 or 9 digits, zero period, bad Base32', async () => {
    const vault = JSON.parse(fixtureText('aegis-plain.json'));
    vault.db.entries[0].info.algo = 'MD5';
    vault.db.entries[2].info.digits = 9;
    vault.db.entries[3].info.period = 0;
    vault.db.entries[4].info.secret = 'NOT*BASE32';
    const r = await parseImportFile(json(vault));
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[1, 'bad-algorithm'], [2, 'bad-uri'], [3, 'bad-digits'], [4, 'bad-period'], [5, 'bad-secret']]);
    expect(r.items).toHaveLength(0);
  });

  it('an entry without a name takes its issuer as its label', async () => {
    const services = JSON.parse(fixtureText('2fas-plain.2fas'));
    services.services[0].otp.account = '';
    services.services[0].otp.label = '';
    const r = await parseImportFile(json(services));
    expect(r.items[0]!.params).toMatchObject({ issuer: 'Example', label: 'Example' });
  });

  it('an account-restricted Bitwarden export is refused as such', async () => {
    const e = await rejectionOf(parseImportFile(json({ encrypted: true, encKeyValidation_DO_NOT_EDIT: '2.a|b|c', data: '2.a|b|c', items: [] })));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toMatch(/Bitwarden account’s key/);
  });

  it('a password-protected Bitwarden export whose data was altered (its MAC fails) is damaged, not a wrong password', async () => {
    const file = JSON.parse(fixtureText('bitwarden-encrypted.json'));
    const [iv, ct, mac] = file.data.slice(2).split('|');
    const bytes = Buffer.from(ct, 'base64');
    bytes[0]! ^= 1;
    file.data = `2.${iv}|${bytes.toString('base64')}|${mac}`;
    const e = await rejectionOf(parseImportFile(json(file), { password: passwordOf('bitwarden-encrypted.json') }));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain('data');
  });
});

describe('KDF parameters from the file are capped', () => {
  it('Aegis: scrypt N=2^22 is refused without being computed', async () => {
    const vault = JSON.parse(fixtureText('aegis-encrypted.json'));
    for (const slot of vault.header.slots) slot.n = 2 ** 22;
    const started = performance.now();
    const e = await rejectionOf(parseImportFile(json(vault), { password: 'x' }));
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/scrypt N=4194304/);
    expect(performance.now() - started).toBeLessThan(5000); // generous: only to show it did not run
  });

  it('Aegis: N that is not a power of two is a bad value', async () => {
    const vault = JSON.parse(fixtureText('aegis-encrypted.json'));
    for (const slot of vault.header.slots) slot.n = 1000;
    expect(await rejection(parseImportFile(json(vault), { password: 'x' }))).toBe('bad-file');
  });

  it('Ente: argon2id memory over 1 GiB, or memory × passes over the budget', async () => {
    for (const [memLimit, opsLimit] of [[4 * 2 ** 30, 1], [2 ** 30, 100]]) {
      const file = JSON.parse(fixtureText('ente-encrypted.txt'));
      file.kdfParams.memLimit = memLimit;
      file.kdfParams.opsLimit = opsLimit;
      const e = await rejectionOf(parseImportFile(json(file), { password: 'x' }));
      expect(e.code).toBe('bad-file');
      expect(e.message).toMatch(/argon2id/);
    }
  });

  it('andOTP: an iteration count over the cap is not tried as the current layout', async () => {
    const bytes = fixture('andotp-encrypted.json.aes').slice();
    new DataView(bytes.buffer).setUint32(0, 4_000_000_000);
    expect(await rejection(parseImportFile(bytes, { password: passwordOf('andotp-encrypted.json.aes') }))).toBe('bad-passphrase');
  });

  it('the caps can be lowered (tests and fuzzing do)', async () => {
    const e = await rejectionOf(parseImportFile(fixture('aegis-encrypted.json'), { password: 'x', kdfLimits: { scryptMaxWork: 2 ** 10 } }));
    expect(e.code).toBe('bad-file');
  });
});

describe('JSON cut inside a multi-byte character', () => {
  it('still says it ends early, not that it is encrypted', async () => {
    const bytes = fixture('aegis-plain.json');
    const text = fixtureText('aegis-plain.json');
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('日本銀行'))).length + 1; // inside 日
    const e = await rejectionOf(parseImportFile(bytes.subarray(0, at)));
    expect(e.code).toBe('bad-file');
    expect(e.message).toContain(`JSON ends early at byte ${at}`);
  });
});

describe('messages in the UI language', () => {
  it('names the supported formats and damaged places in Japanese too', async () => {
    const { setLang } = await import('../../../lib/i18n/i18n');
    setLang('ja');
    try {
      const unknown = await rejectionOf(parseImportFile(enc('hello')));
      expect(unknown.message).toMatch(/対応形式: Tessera のバックアップ、Aegis/);
      const vault = JSON.parse(fixtureText('aegis-plain.json'));
      delete vault.db.entries[2].info.secret;
      const damaged = await rejectionOf(parseImportFile(json(vault)));
      expect(damaged.message).toContain('3 番目の項目: secret がありません');
      const steam = await parseImportFile(fixture('aegis-plain.json'));
      expect(steam.errors[0]!.message).toContain('Steam のアカウントには対応していません');
    } finally {
      setLang('en');
    }
  });
});

describe('Aegis slots written before the "repaired" fix', () => {
  it('open with a password over 64 bytes encoded the old way (UTF-8 plus zeros to Java\'s buffer size)', async () => {
    const { aegisOldPasswordBytes } = await import('../../../lib/import/formats/aegis');
    const { createCipheriv, randomBytes, scryptSync } = await import('node:crypto');
    const password = 'a long passphrase that is certainly more than sixty-four bytes long!';
    const old = aegisOldPasswordBytes(password);
    // 68 chars: Java allocates (int)(68 × 1.1f) = 74 bytes, so 6 zero bytes follow the text.
    expect(password.length).toBe(68);
    expect(old.length).toBe(74);
    expect(Array.from(old.subarray(68))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(aegisOldPasswordBytes('ü'.repeat(40)).length).toBe(2 * 44 + 1); // 80 bytes > 44: grown once

    const vault = JSON.parse(fixtureText('aegis-encrypted.json'));
    const master = randomBytes(32);
    const slot = vault.header.slots[1];
    const salt = Buffer.from(slot.salt, 'hex');
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', scryptSync(old, salt, 32, { N: slot.n, r: slot.r, p: slot.p, maxmem: 64 * 2 ** 20 }), nonce);
    slot.key = Buffer.concat([c.update(master), c.final()]).toString('hex');
    slot.key_params = { nonce: nonce.toString('hex'), tag: c.getAuthTag().toString('hex') };
    // The content must be sealed with this master key too.
    const db = createCipheriv('aes-256-gcm', master, Buffer.from(vault.header.params.nonce, 'hex'));
    const plainDb = JSON.stringify(JSON.parse(fixtureText('aegis-plain.json')).db);
    vault.db = Buffer.concat([db.update(plainDb), db.final()]).toString('base64');
    vault.header.params.tag = db.getAuthTag().toString('hex');

    slot.repaired = false;
    const r = await parseImportFile(json(vault), { password });
    expect(r.items).toHaveLength(4);
    slot.repaired = true; // a repaired slot is only tried with plain UTF-8
    expect(await rejection(parseImportFile(json(vault), { password }))).toBe('bad-passphrase');
  });
});

describe('detectImportFormat', () => {
  it('names the format of every fixture without a password, and nothing for other files', async () => {
    const { detectImportFormat } = await import('../../../lib/import/file');
    for (const f of manifest.files) expect(detectImportFormat(fixture(f.file)), f.file).toBe(f.format);
    expect(detectImportFormat(enc('hello'))).toBeNull();
    expect(detectImportFormat(fixture('aegis-plain.json').subarray(0, 100))).toBeNull(); // damaged: parse says where
    expect(detectImportFormat(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1))).toBeNull();
  });
});

describe('damaged link files and encrypted payloads', () => {
  it('Google Authenticator: a cut export link is that line\'s error, the other line still reads', async () => {
    const [first, second] = fixtureText('google-authenticator.txt').trim().split('\n');
    const r = await parseImportFile(enc(`${first!.slice(0, first!.length - 12)}\n${second}\n`));
    expect(r.format).toBe('google-authenticator');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[1, 'bad-uri'], [2, 'bad-algorithm']]);
    expect(r.items.every((i) => i.line === 2)).toBe(true);
  });

  it('Ente plain: a line that is not a link is reported on its line', async () => {
    const text = fixtureText('ente-plain.txt').replace('otpauth://hotp/', 'otpauth//hotp/');
    const r = await parseImportFile(enc(text));
    expect(r.format).toBe('ente');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[2, 'bad-uri'], [3, 'bad-uri']]);
  });

  it('ciphertext altered in Ente, 2FAS, andOTP, Proton and the Authenticator extension: refused, nothing returned', async () => {
    const flip = (b64: string, at: number) => {
      const b = Buffer.from(b64, 'base64');
      b[at]! ^= 0x01;
      return b.toString('base64');
    };
    const ente = JSON.parse(fixtureText('ente-encrypted.txt'));
    ente.encryptedData = flip(ente.encryptedData, 5);
    const twofas = JSON.parse(fixtureText('2fas-encrypted.2fas'));
    const [ct, ...rest] = twofas.servicesEncrypted.split(':');
    twofas.servicesEncrypted = [flip(ct, 7), ...rest].join(':');
    const proton = JSON.parse(fixtureText('proton-encrypted.json'));
    proton.content = flip(proton.content, 20);
    const andotp = fixture('andotp-encrypted.json.aes').slice();
    andotp[40]! ^= 1;
    const ext = JSON.parse(fixtureText('authenticator-encrypted-v1.json'));
    const first = Object.values<any>(ext)[0];
    first.secret = flip(first.secret, 20);
    const cases: Array<[string, Uint8Array]> = [
      ['ente-encrypted.txt', json(ente)], ['2fas-encrypted.2fas', json(twofas)], ['proton-encrypted.json', json(proton)],
      ['andotp-encrypted.json.aes', andotp], ['authenticator-encrypted-v1.json', json(ext)],
    ];
    for (const [file, bytes] of cases) {
      // AEAD (and CBC without a MAC) cannot tell a damaged ciphertext from a wrong password.
      expect(await rejection(parseImportFile(bytes, { password: passwordOf(file) })), file).toMatch(/^(bad-passphrase|bad-file)$/);
    }
  });
});
