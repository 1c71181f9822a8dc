// The popup's first screen without the background (issue 14): the plan from the session view
// (lib/popup/plan.ts), the unlocked key, and the sealed rows of the first screen read with the
// vault's generation in one IndexedDB transaction, turned into what popup.init answers. Nothing
// here trusts the view further than it can check: it is used only while the vault's generation is
// the one it was built at, each row must be the version it names (its stamp), and each code comes
// from a row opened under the key (XChaCha20-Poly1305, docs/vault-format.md "Records"). Any
// mismatch or failure answers null, and the popup waits for popup.init instead; popup.init's
// answer replaces this one in any case.
import type { AccountData } from '../otp/account';
import { localCodes } from '../otp/shown-codes';
import { isSealedRecord, openVersion } from '../record/envelope';
import { sessionKeyFrom } from '../vault/session-key-store';
import type { FirstScreenPlan } from './plan';
import type { PopupInit } from './view';

/** What the popup reads on its own before the background answers. */
export interface FirstScreenReads {
  /** storage.session's vault key (base64), absent while locked. */
  key: unknown;
  plan: FirstScreenPlan | null;
  /** The vault's generation and the rows of the plan's accounts (undefined where there is none), read together. */
  generation: unknown;
  rows: unknown[] | null;
}

/** The first screen at device time `now`, or null when the view cannot be trusted as is. */
export function firstScreen(reads: FirstScreenReads, now: number): PopupInit | null {
  const { plan, rows } = reads;
  const key = sessionKeyFrom(reads.key);
  if (!key || !plan || !rows || rows.length !== plan.shown.length || reads.generation !== plan.view.generation) return null;
  const { view } = plan;
  const ring = { vaultId: view.vaultId, kid: view.kid, key };
  const opened: Array<{ id: string; data: AccountData }> = [];
  for (const [i, { account, stamp }] of plan.shown.entries()) {
    const { id } = account;
    const row = rows[i];
    if (!isSealedRecord(row) || row.id !== id || row.deleted || row.kind !== 'account' || row.hlc !== stamp) return null;
    if (account.type === 'tokens') continue;
    try {
      opened.push({ id, data: openVersion<AccountData>(ring, row)! });
    } catch {
      return null; // does not open under this key: the background reports it
    }
  }
  return {
    accounts: view.accounts,
    codes: localCodes(opened, now - view.shiftMs, view.shiftMs),
    site: plan.site,
    bound: plan.bound,
    settings: { ...view.settings },
  };
}
