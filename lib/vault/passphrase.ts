// The passphrase rule at setup and on change (issue 2, "Vault"; automation API `weak-passphrase`):
// at least 8 characters once surrounding spaces are set aside. Characters are counted as Unicode
// code points after NFKC (lib/crypto/kdf-params.ts), so "日本語のパスフレーズ" counts 10, not its UTF-16 length.
import { normalizePassphrase } from '../crypto/kdf-params';
import { TesseraError } from '../messages/errors';

export const MIN_PASSPHRASE_LENGTH = 8;

export function passphraseLength(passphrase: string): number {
  return [...normalizePassphrase(passphrase).trim()].length;
}

/** Throws TesseraError('weak-passphrase') for a passphrase too short to protect the vault. */
export function assertStrongEnough(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphraseLength(passphrase) < MIN_PASSPHRASE_LENGTH) {
    throw new TesseraError('weak-passphrase');
  }
}
