// Test helpers for lib/import: the fixture manifest, and the code a promise rejects with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TesseraError } from '../../../lib/messages/errors';
import type { FileImport } from '../../../lib/import/file';

export const FIXTURES = join(__dirname, '../../fixtures/import');

export interface ManifestEntry {
  file: string;
  format: string;
  encrypted: boolean;
  password: string | null;
  expected: Array<Record<string, string | number>>;
  errors: number[];
  errorCodes: string[];
  source?: string;
}

export const manifest: { files: ManifestEntry[] } = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'));

export function fixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, file)));
}

export function fixtureText(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** The manifest's view of what a parse returned. */
export function accounts(r: FileImport): Array<Record<string, string | number>> {
  return r.items.map(({ params: p }) => ({
    type: p.type, issuer: p.issuer, label: p.label, secret: p.secret, algorithm: p.algorithm, digits: p.digits, period: p.period, counter: p.counter,
  }));
}

/** The TesseraError code a promise rejects with; 'resolved' when it does not, 'untyped: …' for anything else. */
export async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof TesseraError ? e.code : `untyped: ${String(e)}`;
  }
}

export async function rejectionOf(p: Promise<unknown>): Promise<TesseraError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TesseraError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}
