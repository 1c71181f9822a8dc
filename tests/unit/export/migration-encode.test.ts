import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsQR from 'jsqr';
import {
  encodeMigrationEntry, MAX_BATCH_ACCOUNTS, MAX_BATCH_URI_LENGTH, migrationName, migrationUri, planMigrationBatches,
} from '../../../lib/export/migration-encode';
import { qrDrawing, QUIET_ZONE } from '../../../lib/export/qr';
import { isEntryError, parseMigrationUri } from '../../../lib/otp/migration';
import type { OtpParams } from '../../../lib/otp/account';
import { splitLabel } from '../../../lib/otp/label';
import { ProtoReader } from '../../../lib/otp/protobuf';
import { otpParams } from '../otp/arbitraries';

// Real Google Authenticator exports, as published by projects that read them (each one QR code
// of one account): GNOME Authenticator's test vector, and the one of the PHP otpauth-migration
// decoder's tests. They show how the app writes an entry: `name` without the issuer prefix,
// then issuer, algorithm 1, digits 1, type 2; and version 1, batch_size 1, batch_index 0.
const REAL = [
  { uri: 'otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20aB0Rpc2NvcmQgASgBMAIQARgBIAA%3D', issuer: 'Discord', label: 'johndoe@example.com' },
  { uri: 'otpauth-migration://offline?data=CjQKFKuOm4V945mpzWoDXUoJMyfferkVEg5qZG9lQGdtYWlsLmNvbRoGQW1hem9uIAEoATACEAIYASAA', issuer: 'Amazon', label: 'jdoe@gmail.com' },
];

function payload(uri: string): Uint8Array {
  const data = decodeURIComponent(uri.split('data=')[1]!);
  return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
}

/** The OtpParameters messages (field 1) of an export payload, as raw bytes. */
function entriesOf(uri: string): Uint8Array[] {
  const r = new ProtoReader(payload(uri));
  const out: Uint8Array[] = [];
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field === 1) out.push(r.bytes());
    else r.skip(wire);
  }
  return out;
}

const acct = (p: Partial<OtpParams> = {}): OtpParams => ({
  type: 'totp', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Example', label: 'alice@example.com', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], ...p,
});

describe('Google Authenticator export encoder (lib/export/migration-encode.ts)', () => {
  it.each(REAL)('writes an entry byte for byte as Google Authenticator did ($issuer)', ({ uri, issuer, label }) => {
    const parsed = parseMigrationUri(uri);
    expect(parsed.accounts).toHaveLength(1);
    const p = parsed.accounts[0]!;
    if (isEntryError(p)) throw new Error('real sample did not parse');
    expect(p).toMatchObject({ issuer, label, algorithm: 'SHA1', digits: 6, type: 'totp' });
    expect(encodeMigrationEntry(p)).toEqual(entriesOf(uri)[0]);
  });

  it('round-trips every exportable account through the existing parser', () => {
    fc.assert(
      fc.property(fc.array(otpParams({ migration: true }), { minLength: 1, maxLength: 12 }), (accounts) => {
        const uri = migrationUri(accounts.map(encodeMigrationEntry), { index: 2, size: 3, id: 12345 });
        const back = parseMigrationUri(uri);
        expect(back.batch).toEqual({ index: 2, size: 3, id: 12345 });
        expect(back.accounts).toEqual(accounts);
      }),
      { numRuns: 300 },
    );
  });

  it('names an entry so that the label rule reads it back, colons and prefixes included', () => {
    for (const [issuer, label] of [['Discord', 'john'], ['', 'a:b'], ['ACME', 'ACME:bob'], ['acme', 'ACME:bob'], ['ACME', 'x:y'], ['', 'plain']]) {
      expect(splitLabel(migrationName(issuer!, label!), issuer!)).toEqual({ issuer: issuer!, label: label! });
    }
    expect(migrationName('Discord', 'john')).toBe('john');
  });

  it('refuses what the format cannot say instead of changing it', () => {
    expect(() => encodeMigrationEntry(acct({ digits: 7 }))).toThrow(expect.objectContaining({ code: 'bad-digits' }));
    expect(() => encodeMigrationEntry(acct({ period: 60 }))).toThrow(expect.objectContaining({ code: 'bad-period' }));
  });

  it('splits a large export into QR-sized batches sharing one id, in order, skipping what cannot go', () => {
    const accounts = Array.from({ length: 25 }, (_, i) => acct({ issuer: `Issuer ${i}`, label: `user${i}@example.com`, secret: 'JBSWY3DPEHPK3PXP'.repeat(2) }));
    accounts.splice(3, 0, acct({ label: 'seven', digits: 7 }), acct({ label: 'minute', period: 60 }));
    const plan = planMigrationBatches(accounts, (a) => a, { batchId: 99 });
    expect(plan.skipped.map((s) => [s.item.label, s.code])).toEqual([['seven', 'bad-digits'], ['minute', 'bad-period']]);
    const n = plan.uris.length;
    expect(n).toBeGreaterThanOrEqual(3);
    const read = plan.uris.map(parseMigrationUri);
    read.forEach((r, i) => expect(r.batch).toEqual({ index: i + 1, size: n, id: 99 }));
    expect(read.flatMap((r) => r.accounts)).toEqual(accounts.filter((a) => a.digits === 6 && a.period === 30));
    for (const [i, uri] of plan.uris.entries()) {
      expect(uri.length).toBeLessThanOrEqual(MAX_BATCH_URI_LENGTH);
      expect(read[i]!.accounts.length).toBeLessThanOrEqual(MAX_BATCH_ACCOUNTS);
      expect(plan.batches[i]).toHaveLength(read[i]!.accounts.length);
      // The measured budget: a version 23 symbol or smaller at error correction M.
      expect(qrDrawing(uri).version).toBeLessThanOrEqual(23);
    }
  });

  it('gives a random positive batch id by default, the same for every batch of one export', () => {
    const accounts = Array.from({ length: 15 }, (_, i) => acct({ label: `u${i}` }));
    const plan = planMigrationBatches(accounts, (a) => a);
    const ids = plan.uris.map((u) => parseMigrationUri(u).batch.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeGreaterThan(0);
  });
});

/** Paints a drawing's path into RGBA pixels, `scale` px a module, for a QR reader. */
function paint(d: ReturnType<typeof qrDrawing>, scale = 4): { data: Uint8ClampedArray; width: number } {
  const width = d.size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of d.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const o = (py * width + px) * 4;
        data[o] = data[o + 1] = data[o + 2] = 0;
      }
    }
  }
  return { data, width };
}

describe('QR drawing (lib/export/qr.ts)', () => {
  it('draws codes a QR reader decodes back to the same text, with a quiet zone', () => {
    const accounts = Array.from({ length: 10 }, (_, i) => acct({ issuer: `Issuer ${i}`, label: `user${i}@example.com` }));
    const texts = [...planMigrationBatches(accounts, (a) => a).uris, 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example'];
    for (const text of texts) {
      const d = qrDrawing(text);
      expect(d.path).not.toMatch(new RegExp(`M[0-${QUIET_ZONE - 1}] `)); // nothing in the left quiet zone
      const { data, width } = paint(d);
      expect(jsQR(data, width, width)?.data).toBe(text);
    }
  });
});
