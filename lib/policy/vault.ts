// The policy's demands on new vaults (issue 16): a least passphrase strength (the estimate of
// lib/passphrase/strength.ts) and a least argon2id cost for new headers (RFC 9106; today's
// default, lib/crypto/kdf-params.ts, is 64 MiB × 3 passes). Raising the cost never goes past what a
// header may carry (kdf.ts bounds: 256 MiB, 10 passes, 1,536 MiB-passes), or no device could
// open the vault.
import { DEFAULT_KDF } from '../crypto/kdf-params';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { strengthOf, type Strength } from '../passphrase/strength';
import type { KdfParams } from '../vault/types';
import type { Policy } from './policy';

const ORDER: Strength[] = ['too-short', 'weak', 'fair', 'strong'];
/** kdf.ts MAX_COST_KIB_PASSES, in MiB-passes. */
export const MAX_KDF_MIB_PASSES = 8 * 64 * 3;

/** Throws `weak-passphrase` (the contract's code for vault.setup) naming the organisation's minimum. */
export function assertPolicyStrength(passphrase: unknown, policy: Policy): void {
  const min = policy.minPassphraseStrength;
  if (!min || typeof passphrase !== 'string') return;
  if (ORDER.indexOf(strengthOf(passphrase)) < ORDER.indexOf(min)) {
    throw new TesseraError('weak-passphrase', t('policy.strength', t(`policy.level.${min}`)));
  }
}

/** The argon2id parameters (without salt) for a new header under `policy`. */
export function policyKdf(policy: Policy, base: Omit<KdfParams, 'salt'> = DEFAULT_KDF): Omit<KdfParams, 'salt'> {
  const memoryKiB = Math.max(base.memoryKiB, (policy.minKdfMemoryMiB ?? 0) * 1024);
  let iterations = Math.max(base.iterations, policy.minKdfIterations ?? 0);
  // Keep inside the header bound: more memory wins over more passes when both are asked for.
  iterations = Math.max(1, Math.min(iterations, Math.floor((MAX_KDF_MIB_PASSES * 1024) / memoryKiB)));
  return { ...base, memoryKiB, iterations };
}
