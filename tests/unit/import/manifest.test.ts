// Every fixture of tests/fixtures/import/manifest.json (ours from generate.mjs, and the apps' own
// sample exports): the format is recognised from the content, every account comes back with all
// its parameters in file order, the reported entries are exactly the listed ones, and an
// encrypted file needs its password and refuses a wrong one.
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../lib/import/file';
import { accounts, fixture, manifest, rejection } from './helpers';

describe('import fixtures (manifest.json)', () => {
  it('covers every format, plain and encrypted where the app encrypts', () => {
    const kinds = new Set(manifest.files.map((f) => `${f.format}${f.encrypted ? '+enc' : ''}`));
    for (const k of [
      'otpauth-text', 'google-authenticator', 'aegis', 'aegis+enc', '2fas', '2fas+enc', 'andotp', 'andotp+enc', 'authenticator-extension',
      'authenticator-extension+enc', 'bitwarden', 'bitwarden+enc', 'ente', 'ente+enc', 'proton', 'proton+enc', 'freeotp-plus', 'lastpass',
    ]) {
      expect(kinds, k).toContain(k);
    }
  });

  for (const f of manifest.files) {
    describe(f.file, () => {
      it(`reads as ${f.format} with every parameter`, async () => {
        const r = await parseImportFile(fixture(f.file), f.password === null ? {} : { password: f.password });
        expect(r.format).toBe(f.format);
        expect(r.encrypted).toBe(f.encrypted);
        expect(accounts(r)).toEqual(f.expected);
        expect(r.errors.map((e) => e.line)).toEqual(f.errors);
        expect(r.errors.map((e) => e.code)).toEqual(f.errorCodes);
        // Positions are 1-based and increase in file order.
        const lines = r.items.map((i) => i.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(Math.min(...lines)).toBeGreaterThanOrEqual(1);
      });

      if (f.encrypted) {
        it('asks for the password, and refuses a wrong one', async () => {
          expect(await rejection(parseImportFile(fixture(f.file)))).toBe('needs-password');
          expect(await rejection(parseImportFile(fixture(f.file), { password: '' }))).toBe('needs-password');
          expect(await rejection(parseImportFile(fixture(f.file), { password: `${f.password}x` }))).toBe('bad-passphrase');
        });
      }
    });
  }
});
