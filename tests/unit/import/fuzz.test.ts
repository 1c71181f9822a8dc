// Fuzzing every import parser (fast-check): random bytes, and mutations of real files (every
// fixture of the manifest: bit flips, truncations, insertions, and for JSON files deleted fields
// and fields of another type). Whatever comes in, parseImportFile either returns a well-formed
// FileImport (every account valid by lib/otp's rules, every error a per-entry code with a
// sentence) or throws a TesseraError with one of the contract's codes: never another error,
// never a hang. KDF costs are capped low here (kdfLimits) so that mutated parameters stay cheap;
// the fixtures' own parameters fit under these caps, so decryption itself is exercised too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type FileImport } from '../../../lib/import/file';
import type { KdfLimits } from '../../../lib/import/crypto';
import { TesseraError } from '../../../lib/messages/errors';
import { validateParams } from '../../../lib/otp/params';
import { fixture, manifest } from './helpers';

const FILE_CODES = ['needs-password', 'bad-passphrase', 'unsupported-format', 'bad-file', 'too-large'];
const ENTRY_CODES = ['bad-uri', 'bad-secret', 'bad-algorithm', 'bad-digits', 'bad-period', 'bad-scheme', 'too-large'];
const FORMATS = ['otpauth-text', 'aegis', '2fas', 'andotp', 'authenticator-extension', 'bitwarden', 'ente', 'proton', 'freeotp-plus', 'lastpass', 'google-authenticator'];

// Above every fixture's own cost (Aegis N=2^15 r=8; argon2id 19 MiB × 2; PBKDF2 140,000), far below the defaults.
const LIMITS: Partial<KdfLimits> = {
  scryptMaxMemoryBytes: 32 * 1024 * 1024,
  scryptMaxWork: 2 ** 18,
  pbkdf2MaxIterations: 160_000,
  argon2MaxMemoryKiB: 20 * 1024,
  argon2MaxCost: 40 * 1024,
};
// FUZZ_SCALE=10 npx vitest run tests/unit/import/fuzz.test.ts runs ten times as many cases (a longer hunt).
const SCALE = Math.max(1, Number(process.env['FUZZ_SCALE'] ?? 1));
const HANG_MS = 60_000; // far above any one parse here (under 1 s), to tell a hang from a slow shared machine

function checkShape(r: FileImport): void {
  expect(FORMATS).toContain(r.format);
  expect(typeof r.encrypted).toBe('boolean');
  for (const item of r.items) {
    expect(Number.isInteger(item.line) && item.line >= 1).toBe(true);
    expect(() => validateParams(item.params)).not.toThrow();
  }
  for (const e of r.errors) {
    expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    expect(ENTRY_CODES).toContain(e.code);
    expect(typeof e.message === 'string' && e.message.length > 0).toBe(true);
  }
}

/** Runs one parse; fails the property on an untyped error, a code outside the contract, or a hang. */
async function outcome(bytes: Uint8Array, password?: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('hang')), HANG_MS)));
  try {
    const r = await Promise.race([parseImportFile(bytes, { password, kdfLimits: LIMITS }), hang]);
    checkShape(r);
    return 'ok';
  } catch (e) {
    if (!(e instanceof TesseraError)) throw e;
    expect(FILE_CODES).toContain(e.code);
    expect(e.message.length).toBeGreaterThan(0);
    return e.code;
  } finally {
    clearTimeout(timer);
  }
}

/** Byte-level mutations: flip bits, cut, insert, overwrite. */
function byteMutation(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const at = fc.nat({ max: Math.max(0, base.length - 1) });
  return fc.oneof(
    fc.array(fc.tuple(at, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const b = base.slice();
      for (const [i, bit] of flips) b[i]! ^= 1 << bit;
      return b;
    }),
    at.map((n) => base.slice(0, n)),
    fc.tuple(at, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, ins]) => {
      const b = new Uint8Array(base.length + ins.length);
      b.set(base.subarray(0, i));
      b.set(ins, i);
      b.set(base.subarray(i), i + ins.length);
      return b;
    }),
    fc.tuple(at, fc.constantFrom(0x00, 0x22, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x0a, 0xff)).map(([i, v]) => {
      const b = base.slice();
      b[i] = v;
      return b;
    }),
  );
}

type Path = Array<string | number>;
function paths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  }
  return out;
}

/** JSON-level mutations: a field deleted, or given a value of another type. */
function jsonMutation(text: string): fc.Arbitrary<Uint8Array> {
  const doc = JSON.parse(text);
  const all = paths(doc);
  if (all.length === 0) return fc.constant(new TextEncoder().encode(text));
  const replacement = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant([]), fc.constant({}), fc.jsonValue({ maxDepth: 2 }));
  return fc.tuple(fc.constantFrom(...all), fc.option(replacement, { nil: undefined, freq: 3 })).map(([path, value]) => {
    const copy = JSON.parse(text);
    let parent = copy;
    for (const k of path.slice(0, -1)) parent = parent[k];
    const last = path.at(-1)!;
    if (value === undefined) {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else parent[last] = value;
    return new TextEncoder().encode(JSON.stringify(copy));
  });
}

describe('fuzz: parseImportFile', () => {
  it('random bytes and random text', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
          fc.jsonValue({ maxDepth: 3 }).map((v) => new TextEncoder().encode(JSON.stringify(v))),
          fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`otpauth://${s}`)),
        ),
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        async (bytes, password) => {
          seen.add(await outcome(bytes, password));
        },
      ),
      { numRuns: 300 * SCALE },
    );
    expect(seen.size).toBeGreaterThan(1);
  }, 120_000 * SCALE);

  const extra = [
    { file: 'proton-samples/pass_PassExport.zip', password: null, encrypted: false },
    { file: 'proton-samples/ente_encrypted.lowcomplexity.txt', password: 'password', encrypted: true },
    { file: 'proton-samples/2fas_encrypted.2fas', password: 'test', encrypted: true },
    { file: 'proton-samples/lastpass_lastpass.json', password: null, encrypted: false },
  ];
  for (const f of [...manifest.files, ...extra]) {
    // Costly KDFs (scrypt, argon2id) get fewer runs; mutations of their outer JSON are cheap anyway.
    const runs = f.encrypted ? 15 : 120;
    it(`mutations of ${f.file}`, async () => {
      const base = fixture(f.file);
      const text = new TextDecoder().decode(base);
      const isJson = /^\s*[[{]/.test(text) && !f.file.endsWith('.aes') && !f.file.endsWith('.bin');
      const arb = isJson ? fc.oneof(byteMutation(base), jsonMutation(text)) : byteMutation(base);
      await fc.assert(
        fc.asyncProperty(arb, async (bytes) => {
          await outcome(bytes, f.password ?? undefined);
        }),
        { numRuns: runs * SCALE },
      );
    }, 180_000 * SCALE);
  }
});
