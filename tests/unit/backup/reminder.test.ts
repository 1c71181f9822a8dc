import { describe, expect, it } from 'vitest';
import { decideReminder, fingerprint, NO_REMINDER_STATE, syncHealthy } from '../../../lib/backup/reminder';
import type { VaultSnapshot } from '../../../lib/backup/content';

const snap = (labels: string[], used: string[] = []): VaultSnapshot => ({
  accounts: labels.map((label, i) => ({ id: `a${i}`, hlc: '1764000000000-0000-d', data: { label } as never })),
  tokens: [{ id: 't1', data: { accountId: 'a0', value: 'v1', addedAt: 1 } }],
  used: new Map(used.map((u) => [u, 5])),
});

describe('backup reminder rules (lib/backup/reminder.ts)', () => {
  it('fingerprints what a backup holds, whatever order storage gives', () => {
    const a = snap(['x', 'y']);
    const reversed = { ...a, accounts: [...a.accounts].reverse() };
    expect(fingerprint(reversed)).toBe(fingerprint(a));
    expect(fingerprint(snap(['x', 'z']))).not.toBe(fingerprint(a));
    expect(fingerprint(snap(['x', 'y'], ['t1']))).not.toBe(fingerprint(a)); // a used mark is a change
    expect(fingerprint(snap(['x']))).not.toBe(fingerprint(a)); // so is a deletion
  });

  it('trusts sync only when it is on, has synced, and reports no error or warning', () => {
    expect(syncHealthy(null)).toBe(false);
    expect(syncHealthy({ backend: 'off', state: 'off', lastSyncAt: null })).toBe(false);
    expect(syncHealthy({ backend: 'browser', state: 'idle', lastSyncAt: null })).toBe(false);
    expect(syncHealthy({ backend: 'browser', state: 'idle', lastSyncAt: 1 })).toBe(true);
    expect(syncHealthy({ backend: 'browser', state: 'syncing', lastSyncAt: 1 })).toBe(true);
    expect(syncHealthy({ backend: 'webdav', state: 'error', lastSyncAt: 1 })).toBe(false);
    expect(syncHealthy({ backend: 'webdav', state: 'idle', lastSyncAt: 1, warning: { code: 'tampered' } })).toBe(false);
  });

  it('reminds after a change until a backup or a dismissal of that very state', () => {
    const empty = fingerprint(snap([]));
    const one = fingerprint(snap(['x']));
    expect(decideReminder(NO_REMINDER_STATE, empty, true, null)).toMatchObject({ remind: false, reason: 'empty' });
    expect(decideReminder(NO_REMINDER_STATE, one, false, null)).toMatchObject({ remind: true, reason: 'never' });
    const backedUp = { lastBackupAt: 9, backedUp: one, dismissed: null };
    expect(decideReminder(backedUp, one, false, null)).toEqual({ remind: false, lastBackupAt: 9, reason: 'backed-up' });
    const two = fingerprint(snap(['x', 'y']));
    expect(decideReminder(backedUp, two, false, null)).toMatchObject({ remind: true, reason: 'changed' });
    expect(decideReminder({ ...backedUp, dismissed: two }, two, false, null)).toMatchObject({ remind: false, reason: 'dismissed' });
    // Everything deleted since the backup: that is a change worth a reminder.
    expect(decideReminder(backedUp, empty, true, null)).toMatchObject({ remind: true, reason: 'changed' });
  });
});
