// The backup reminder (issue 12, "Backup reminder"): after accounts or tokens change, the popup
// and options page ask the user to back up, until they do or dismiss it; the last backup time is
// shown; there is no reminder while sync is on and healthy (another device holds a copy).
// "Changed" is decided by a fingerprint of what a backup holds (accounts, tokens, used marks),
// kept with the time of the last backup in a `local` vault record (sealed, never synced):
// a change shows as a different fingerprint, whatever wrote it (this page, the API, a sync),
// deletions included, and undoing a change makes the reminder go away again.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Encode } from '../crypto/encoding';
import type { VaultSnapshot } from './content';

/** Id of the `local` record holding ReminderState. */
export const REMINDER_RECORD = 'backup-reminder';

export interface ReminderState {
  lastBackupAt: number | null;
  /** Fingerprint of the vault when it was last backed up. */
  backedUp: string | null;
  /** Fingerprint of the vault when the user last dismissed the reminder. */
  dismissed: string | null;
}

export const NO_REMINDER_STATE: ReminderState = { lastBackupAt: null, backedUp: null, dismissed: null };

export function isReminderState(x: unknown): x is ReminderState {
  const s = x as ReminderState;
  const opt = (v: unknown) => v === null || typeof v === 'string';
  return typeof s === 'object' && s !== null && (s.lastBackupAt === null || Number.isSafeInteger(s.lastBackupAt)) && opt(s.backedUp) && opt(s.dismissed);
}

/** A short digest of everything a backup holds, in an order that does not depend on storage. */
export function fingerprint(s: VaultSnapshot): string {
  const parts = [
    ...s.accounts.map((a) => `a ${a.id} ${JSON.stringify(a.data)}`),
    ...s.tokens.map((tk) => `t ${tk.id} ${tk.data.accountId} ${tk.data.value}`),
    ...[...s.used.keys()].map((id) => `u ${id}`),
  ].sort();
  const digest = sha256(utf8Encode(parts.join('\n')));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SyncHealth {
  backend: string;
  state: string;
  lastSyncAt: number | null;
  warning?: unknown;
  error?: unknown;
}

/** Sync on, synced at least once, and neither failing nor warning. */
export function syncHealthy(s: SyncHealth | null): boolean {
  return !!s && s.backend !== 'off' && s.state !== 'error' && s.state !== 'off' && s.lastSyncAt !== null && !s.warning && !s.error;
}

export interface ReminderAnswer {
  remind: boolean;
  lastBackupAt: number | null;
  /** Why there is no reminder, or why there is one. */
  reason: 'sync' | 'empty' | 'backed-up' | 'dismissed' | 'never' | 'changed';
}

export function decideReminder(state: ReminderState, current: string, empty: boolean, sync: SyncHealth | null): ReminderAnswer {
  const answer = (remind: boolean, reason: ReminderAnswer['reason']): ReminderAnswer => ({ remind, lastBackupAt: state.lastBackupAt, reason });
  if (syncHealthy(sync)) return answer(false, 'sync');
  if (current === state.backedUp) return answer(false, 'backed-up');
  if (current === state.dismissed) return answer(false, 'dismissed');
  // An empty vault never backed up has nothing to lose; one emptied since a backup has changed.
  if (empty && state.backedUp === null) return answer(false, 'empty');
  return answer(true, state.lastBackupAt === null ? 'never' : 'changed');
}
