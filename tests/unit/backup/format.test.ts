import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../../../lib/crypto/encoding';
import { isBackupFile, openBackup, sealBackup } from '../../../lib/backup/format';
import { fastKdf } from '../vault/helpers';

const CONTENT = { app: 'tessera', createdAt: 1, accounts: [], tokens: [], note: '日本語 ✓' };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

function edit(bytes: Uint8Array, change: (v: Record<string, any>) => void): Uint8Array {
  const v = JSON.parse(utf8Decode(bytes));
  change(v);
  return utf8Encode(JSON.stringify(v));
}

describe('tessera-backup envelope (lib/backup/format.ts, docs/backup-format.md)', () => {
  it('seals and opens the content under its own password; nothing readable without it', async () => {
    const file = await sealBackup(CONTENT, 'a backup password', fastKdf());
    const text = utf8Decode(file);
    expect(JSON.parse(text)).toMatchObject({ format: 'tessera-backup', version: 1, cipher: 'xchacha20-poly1305', kdf: { name: 'argon2id' } });
    expect(text).not.toContain('日本語');
    expect(isBackupFile(file)).toBe(true);
    expect(await openBackup(file, 'a backup password')).toEqual(CONTENT);
    // The password is NFKC-normalised, as the vault's passphrase is: full-width typing opens it.
    expect(await openBackup(file, 'ａ ｂａｃｋｕｐ ｐａｓｓｗｏｒｄ')).toEqual(CONTENT);
  });

  it('uses the vault KDF cost by default (argon2id 64 MiB, 3 passes, 4 lanes)', async () => {
    const file = await sealBackup(CONTENT, 'a backup password');
    expect(JSON.parse(utf8Decode(file)).kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 4 });
  });

  it('answers needs-password, bad-passphrase and bad-file as the contract says', async () => {
    const file = await sealBackup(CONTENT, 'a backup password', fastKdf());
    expect(await codeOf(openBackup(file, undefined))).toBe('needs-password');
    expect(await codeOf(openBackup(file, ''))).toBe('needs-password');
    expect(await codeOf(openBackup(file, 'another password'))).toBe('bad-passphrase');
    // Parameters edited (a lower cost, another salt): the header is authenticated.
    expect(await codeOf(openBackup(edit(file, (v) => (v.kdf.iterations = 2)), 'a backup password'))).toBe('bad-passphrase');
    expect(await codeOf(openBackup(edit(file, (v) => (v.kdf.salt = toBase64(new Uint8Array(16)))), 'a backup password'))).toBe('bad-passphrase');
    // A flipped bit in the sealed part.
    const flipped = edit(file, (v) => {
      const b = fromBase64(v.sealed);
      b[30]! ^= 1;
      v.sealed = toBase64(b);
    });
    expect(await codeOf(openBackup(flipped, 'a backup password'))).toBe('bad-passphrase');
    // Damage that is not a matter of passwords, said before any password is asked for.
    expect(await codeOf(openBackup(edit(file, (v) => (v.sealed = v.sealed.slice(0, 20))), undefined))).toBe('bad-file');
    expect(await codeOf(openBackup(edit(file, (v) => (v.sealed = '***')), 'x'))).toBe('bad-file');
    expect(await codeOf(openBackup(edit(file, (v) => (v.kdf.memoryKiB = 4 * 1024 * 1024)), 'x'))).toBe('bad-file');
    expect(await codeOf(openBackup(edit(file, (v) => delete v.kdf), 'x'))).toBe('bad-file');
    expect(await codeOf(openBackup(edit(file, (v) => (v.cipher = 'aes-256-gcm')), 'x'))).toBe('bad-file');
    expect(await codeOf(openBackup(file.subarray(0, 50), 'x'))).toBe('bad-file');
    const newer = openBackup(edit(file, (v) => (v.version = 2)), 'x');
    await expect(newer).rejects.toMatchObject({ code: 'bad-file', message: expect.stringContaining('newer Tessera') });
  });

  it('is recognised from its content only', async () => {
    const file = await sealBackup(CONTENT, 'a backup password', fastKdf());
    expect(isBackupFile(utf8Encode('\uFEFF  ' + utf8Decode(file)))).toBe(true);
    expect(isBackupFile(utf8Encode('{"format":"aegis"}'))).toBe(false);
    expect(isBackupFile(utf8Encode('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'))).toBe(false);
    expect(isBackupFile(utf8Encode('{"format":"tessera-backup"'))).toBe(false);
    expect(isBackupFile(new Uint8Array([0x7b, 0xff, 0xfe]))).toBe(false);
    expect(isBackupFile(new Uint8Array())).toBe(false);
  });

  it('never fails with an untyped error on mutated files', async () => {
    const file = await sealBackup(CONTENT, 'pw pw pw pw', fastKdf());
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 150; i++) {
      const m = file.slice();
      for (let k = 0; k <= rnd(4); k++) m[rnd(m.length)] = rnd(256);
      const cut = rnd(3) === 0 ? m.subarray(0, rnd(m.length)) : m;
      if (!isBackupFile(cut)) continue;
      const code = await codeOf(openBackup(cut, 'pw pw pw pw'));
      expect(['ok', 'bad-file', 'bad-passphrase']).toContain(code);
    }
  });
});
