// The encrypted record store (issue 2, "Vault"; format in docs/vault-format.md): setup, unlock,
// lock and passphrase change; reading and writing sealed records, one IndexedDB transaction per
// logical change; and the LocalReplica side that sync uses. The vault key lives only in the
// KeyStore (storage.session in the extension): this class keeps no secret in memory between calls.
import type { IDBPTransaction } from 'idb';
import { KEY_BYTES } from '../crypto/aead';
import { newKdfParams } from '../crypto/kdf';
import { randomBytes, randomId } from '../crypto/random';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { HlcClock, compareHlc, isHlc } from '../sync/hlc';
import { compareVersions, sameWrite } from '../sync/merge';
import { acceptableRemote, plausibleStamp } from '../sync/remote';
import { openVaultDb, type VaultDb, type VaultSchema } from './db';
import { isRecordKind, isSealedRecord, openRecord, sealRecord } from './envelope';
import { VAULT_FORMAT, headerMac, isVaultHeader, unwrapVaultKey, verifyHeaderMac, wrapVaultKey } from './header';
import { assertStrongEnough } from './passphrase';
import type {
  KdfParams, KeyStore, LocalReplica, OpenRecord, ReadResult, RecordKind, SealedRecord, VaultChange, VaultHeader, VaultState,
} from './types';

export interface VaultOptions {
  /** A database name (default 'tessera-vault') or a handle from openVaultDb. */
  db?: string | VaultDb;
  keyStore: KeyStore;
  /** The wall clock under the hybrid logical clock; Date.now by default (tests move it). */
  now?: () => number;
  /** KDF parameters for new headers (setup, passphrase change); newKdfParams() by default. */
  kdfParams?: () => KdfParams;
}

type Tx = IDBPTransaction<VaultSchema, Array<'records' | 'meta'>, 'readwrite'>;

export class Vault implements LocalReplica {
  /** Opens (creating if need be) the database, and this device's id and clock. */
  static async open(options: VaultOptions): Promise<Vault> {
    const ownsDb = typeof options.db !== 'object';
    const db = typeof options.db === 'object' ? options.db : await openVaultDb(options.db);
    const tx = db.transaction('meta', 'readwrite');
    let device = await tx.store.get('device');
    if (typeof device !== 'string') {
      // Random per device, never derived from anything identifying (it appears in every stamp).
      device = randomId();
      await tx.store.put(device, 'device');
    }
    const stored = await tx.store.get('clock');
    await tx.done;
    const last = isHlc(stored) ? stored : undefined;
    const wall = options.now ?? Date.now;
    return new Vault(db, ownsDb, options.keyStore, new HlcClock(device, wall, last), last ?? '', options.kdfParams ?? (() => newKdfParams()), wall);
  }

  private constructor(
    private readonly db: VaultDb,
    private readonly ownsDb: boolean,
    private readonly keyStore: KeyStore,
    private readonly clock: HlcClock,
    /** The highest stamp issued or observed: persisted in meta 'clock' with every write. */
    private high: string,
    private readonly kdfParams: () => KdfParams,
    /** The wall clock under the stamps: remote records far ahead of it are not believed. */
    private readonly wallClock: () => number,
  ) {}

  /** This device's random id, as it appears in hybrid-logical-clock stamps. */
  get device(): string {
    return this.clock.device;
  }

  /** Closes the database if this vault opened it. */
  close(): void {
    if (this.ownsDb) this.db.close();
  }

  // ---- Lifecycle -------------------------------------------------------------------------------

  async state(): Promise<VaultState> {
    if (!(await this.header())) return 'new';
    return (await this.keyStore.get()) ? 'unlocked' : 'locked';
  }

  /** Creates the vault: a random vault key wrapped under `passphrase`; leaves it unlocked. */
  async setup(passphrase: string): Promise<void> {
    assertString(passphrase);
    if (await this.header()) throw new TesseraError('exists');
    assertStrongEnough(passphrase);
    const vaultKey = randomBytes(KEY_BYTES);
    const vaultId = randomId();
    const kdf = this.kdfParams();
    // The KDF runs before the transaction opens: a transaction auto-commits across awaits of
    // anything but its own requests.
    const wrappedKey = await wrapVaultKey(vaultKey, passphrase, vaultId, kdf);
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      if (await meta.get('header')) throw new TesseraError('exists'); // set up meanwhile elsewhere
      await this.catchUp(tx);
      const fields = { format: VAULT_FORMAT, vaultId, hlc: this.stamp(), kdf, wrappedKey } as const;
      const header: VaultHeader = { ...fields, mac: headerMac(vaultKey, fields) };
      await meta.put(header, 'header');
      await this.saveClock(tx);
    });
    await this.keyStore.set(vaultKey);
  }

  /** Unwraps the vault key into the key store. A wrong passphrase changes nothing. */
  async unlock(passphrase: string): Promise<void> {
    assertString(passphrase);
    const header = await this.requireHeader();
    const key = await unwrapVaultKey(header, passphrase);
    if (!key) throw new TesseraError('bad-passphrase');
    await this.keyStore.set(key);
  }

  async lock(): Promise<void> {
    await this.keyStore.clear();
  }

  /**
   * Re-wraps the vault key under `next` with a new salt and the current default KDF parameters
   * (which is how a vault's cost is raised). Records are untouched; the header gets a new stamp so
   * sync spreads the change. Does not unlock a locked vault.
   */
  async changePassphrase(old: string, next: string): Promise<void> {
    assertString(old);
    assertString(next);
    const header = await this.requireHeader();
    assertStrongEnough(next);
    const key = await unwrapVaultKey(header, old);
    if (!key) throw new TesseraError('bad-passphrase');
    const kdf = this.kdfParams();
    const wrappedKey = await wrapVaultKey(key, next, header.vaultId, kdf);
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const current = await meta.get('header');
      // Changed meanwhile (here or adopted from sync): `old` may no longer be the passphrase.
      if (!isVaultHeader(current) || current.wrappedKey !== header.wrappedKey) throw new TesseraError('bad-passphrase');
      await this.catchUp(tx);
      const fields = { format: current.format, vaultId: current.vaultId, hlc: this.stamp(), kdf, wrappedKey };
      await meta.put({ ...fields, mac: headerMac(key, fields) }, 'header');
      await this.saveClock(tx);
    });
  }

  // ---- Records ---------------------------------------------------------------------------------

  /** Opens every live record (of `kind`, if given). Records that fail to open are listed in `corrupt`. */
  async read<T>(kind?: RecordKind): Promise<ReadResult<T>> {
    const key = await this.requireKey();
    const rows: unknown[] = kind ? await this.db.getAllFromIndex('records', 'kind', kind) : await this.db.getAll('records');
    const result: ReadResult<T> = { records: [], corrupt: [] };
    for (const row of rows) {
      const r = row as Partial<SealedRecord>;
      if (r.deleted === true && r.sealed === null) continue; // a tombstone
      try {
        if (!isSealedRecord(row)) throw new Error('malformed record');
        result.records.push({ id: row.id, kind: row.kind, hlc: row.hlc, data: openRecord<T>(key, row) });
      } catch {
        // Reported, never dropped or overwritten: the user decides (and a sync may restore it).
        result.corrupt.push({ id: String(r.id), kind: r.kind as RecordKind });
      }
    }
    return result;
  }

  /** One live record, or null when there is none (or it was deleted). */
  async get<T>(id: string): Promise<OpenRecord<T> | null> {
    const key = await this.requireKey();
    const row: unknown = await this.db.get('records', id);
    if (row === undefined) return null;
    const r = row as Partial<SealedRecord>;
    if (r.deleted === true && r.sealed === null) return null;
    try {
      if (!isSealedRecord(row)) throw new Error('malformed record');
      return { id: row.id, kind: row.kind, hlc: row.hlc, data: openRecord<T>(key, row) };
    } catch {
      throw new TesseraError('corrupt', t('error.corrupt', id));
    }
  }

  /**
   * Writes one logical change: every put and removal in ONE readwrite transaction, each with a
   * fresh stamp, so a stopped worker or a failure leaves all of it or none of it. A `used` record
   * may only be created, never overwritten or removed. Removing an id that is absent (or already
   * removed) does nothing; removing a `local` record deletes it outright (it is never synced).
   */
  async commit(change: VaultChange): Promise<void> {
    const key = await this.requireKey();
    const puts = change.put ?? [];
    const removes = change.remove ?? [];
    const ids = [...puts.map((p) => p.id), ...removes];
    if (ids.some((id) => typeof id !== 'string' || id.length === 0) || new Set(ids).size !== ids.length) {
      throw new TesseraError('bad-input', t('vault.bad-change'));
    }
    if (ids.length === 0) return;
    // Seal everything before the transaction opens (it would auto-commit across non-IDB work).
    const sealed = puts.map((p) => {
      if (!isRecordKind(p.kind)) throw new TesseraError('bad-input', t('vault.bad-change'));
      try {
        return { id: p.id, kind: p.kind, sealed: sealRecord(key, p.id, p.kind, p.data) };
      } catch {
        throw new TesseraError('bad-input', t('vault.bad-change'));
      }
    });
    await this.transact(async (tx) => {
      const records = tx.objectStore('records');
      await this.catchUp(tx);
      for (const p of sealed) {
        const existing = await records.get(p.id);
        if (existing?.kind === 'used' || (p.kind === 'used' && existing)) throw new TesseraError('bad-input', t('vault.used-final'));
        await records.put({ id: p.id, kind: p.kind, hlc: this.stamp(), deleted: false, sealed: p.sealed });
      }
      for (const id of removes) {
        const existing = await records.get(id);
        if (!existing || existing.deleted) continue;
        if (existing.kind === 'used') throw new TesseraError('bad-input', t('vault.used-final'));
        if (existing.kind === 'local') await records.delete(id);
        else await records.put({ id, kind: existing.kind, hlc: this.stamp(), deleted: true, sealed: null });
      }
      await this.saveClock(tx);
    });
  }

  // ---- LocalReplica (sync) ---------------------------------------------------------------------

  /** The header, or null before setup. One that cannot be read (damaged, or a newer format) is
   *  reported as `corrupt`, never taken for "no vault" (which would invite a new setup over it). */
  async header(): Promise<VaultHeader | null> {
    const h = await this.db.get('meta', 'header');
    if (h === undefined) return null;
    if (!isVaultHeader(h)) throw new TesseraError('corrupt', t('vault.bad-header'));
    return h;
  }

  /**
   * Installs a header from another device. An older (or the same) header of this vault is ignored,
   * so a stale copy never rolls back a passphrase change. A header of a different vault drops the
   * unlocked key, which belongs to the old one.
   */
  async adoptHeader(h: VaultHeader): Promise<void> {
    if (!isVaultHeader(h)) throw new TesseraError('corrupt', t('vault.bad-header'));
    // An unlocked device takes a changed header of its vault only with a valid MAC (the vault key
    // proves the writer); a locked one keeps its own until it is unlocked and can check. A device
    // joining has no key yet: the passphrase then proves the wrapped key when it unlocks.
    const key = await this.keyStore.get();
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const current = await meta.get('header');
      await this.catchUp(tx);
      // Only a device without a vault takes another vault's header (joining); a vault set up
      // here meanwhile is never replaced (sync `conflict`, nothing overwritten).
      if (isVaultHeader(current) && current.vaultId !== h.vaultId) throw new TesseraError('conflict');
      if (!plausibleStamp(h.hlc, this.wallClock())) return;
      if (isVaultHeader(current) && (!key || !verifyHeaderMac(key, h))) return;
      this.observe(h.hlc);
      if (!isVaultHeader(current) || compareHlc(h.hlc, current.hlc) > 0) {
        const { format, vaultId, hlc, kdf, wrappedKey, mac } = h;
        await meta.put({ format, vaultId, hlc, kdf: { ...kdf }, wrappedKey, ...(mac === undefined ? {} : { mac }) }, 'header');
      }
      await this.saveClock(tx);
    });
  }



  /** Every record but `local` ones, tombstones included (rows too malformed to send are left out). */
  async sealedRecords(): Promise<SealedRecord[]> {
    const rows: unknown[] = await this.db.getAll('records');
    return rows.filter((r): r is SealedRecord => isSealedRecord(r) && r.kind !== 'local');
  }

  /**
   * Stores records that won a merge, in one transaction. Never overwrites a `used` record, never
   * applies a deletion of one, and never replaces a local record whose stamp is as new or newer
   * (a local write may have happened since the merge read this replica). Refuses the whole batch
   * if any record is malformed or of kind `local`.
   */
  async applyRemote(records: SealedRecord[]): Promise<void> {
    for (const r of records) {
      if (!isSealedRecord(r) || r.kind === 'local') {
        throw new TesseraError('corrupt', t('vault.bad-remote', typeof r?.id === 'string' ? r.id.slice(0, 64) : '?'));
      }
    }
    // Implausible records (a far-future stamp, a used mark under another record's id) are ignored.
    records = records.filter((r) => acceptableRemote(r, this.wallClock()));
    if (records.length === 0) return;
    // With the key at hand (unlocked), HOTP counters are merged by their maximum below.
    const key = await this.keyStore.get();
    await this.transact(async (tx) => {
      const store = tx.objectStore('records');
      await this.catchUp(tx);
      for (const r of records) {
        this.observe(r.hlc);
        const existing = await store.get(r.id);
        if (r.kind === 'used' && r.deleted) continue;
        // Only the merge's own winner replaces what is here (lib/sync/merge.ts compareVersions:
        // of two used marks of one token the earliest use wins, and no other write beats a used
        // mark), and never across kinds: a `local` record or an account can't become something else.
        if (existing && (existing.kind !== r.kind || sameWrite(r, existing) || compareVersions(r, existing) <= 0)) continue;
        const kept = key && existing ? this.keepHotpCounter(key, existing, r) : null;
        await store.put(kept ?? { id: r.id, kind: r.kind, hlc: r.hlc, deleted: r.deleted, sealed: r.deleted ? null : r.sealed });
      }
      await this.saveClock(tx);
    });
  }

  // ---- Internals -------------------------------------------------------------------------------

  private async requireHeader(): Promise<VaultHeader> {
    const header = await this.header();
    if (!header) throw new TesseraError('no-vault');
    return header;
  }

  /**
   * An HOTP counter only moves forward (RFC 4226 §7.2: a used code must never come back), but an
   * account record merges by last writer: when a newer version of an HOTP account carries a
   * lower counter than the one here (two devices used it while apart), keep the newer version
   * with the higher counter, as a fresh local write so every device converges on it.
   */
  private keepHotpCounter(key: Uint8Array, existing: SealedRecord, incoming: SealedRecord): SealedRecord | null {
    if (incoming.kind !== 'account' || incoming.deleted || existing.deleted) return null;
    try {
      const mine = openRecord<{ type?: string; counter?: number }>(key, existing);
      const theirs = openRecord<{ type?: string; counter?: number }>(key, incoming);
      if (mine.type !== 'hotp' || theirs.type !== 'hotp' || typeof mine.counter !== 'number' || typeof theirs.counter !== 'number') return null;
      if (theirs.counter >= mine.counter) return null;
      const data = { ...theirs, counter: mine.counter };
      return { id: incoming.id, kind: 'account', hlc: this.stamp(), deleted: false, sealed: sealRecord(key, incoming.id, 'account', data) };
    } catch {
      return null;
    }
  }

  private async requireKey(): Promise<Uint8Array> {
    await this.requireHeader();
    const key = await this.keyStore.get();
    if (!key) throw new TesseraError('locked');
    return key;
  }

  /** Runs `body` in one readwrite transaction over both stores; aborts it on any error. */
  private async transact(body: (tx: Tx) => Promise<void>): Promise<void> {
    const tx: Tx = this.db.transaction(['records', 'meta'], 'readwrite');
    const done = tx.done;
    done.catch(() => {}); // observed below; an aborted transaction must not count as unhandled
    try {
      await body(tx);
      await done;
    } catch (e) {
      try {
        tx.abort(); // nothing of a failed change may commit (requests made so far are undone)
      } catch {
        // already finished or aborting
      }
      throw asVaultError(e);
    }
  }

  /** Takes in the stamp another Vault instance on this database may have persisted since. */
  private async catchUp(tx: Tx): Promise<void> {
    const stored = await tx.objectStore('meta').get('clock');
    if (isHlc(stored)) this.observe(stored);
  }

  private observe(stamp: string): void {
    if (compareHlc(stamp, this.high) <= 0) return;
    this.clock.observe(stamp);
    this.high = stamp;
  }

  private stamp(): string {
    const s = this.clock.now();
    if (compareHlc(s, this.high) > 0) this.high = s;
    return s;
  }

  private async saveClock(tx: Tx): Promise<void> {
    if (this.high) await tx.objectStore('meta').put(this.high, 'clock');
  }
}

function assertString(x: unknown): asserts x is string {
  if (typeof x !== 'string') throw new TesseraError('bad-input');
}

/** A full disk becomes `quota`; errors of our own pass through; anything else is rethrown as is. */
function asVaultError(e: unknown): unknown {
  if (e instanceof TesseraError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  // Firefox before DOMException names were unified reported NS_ERROR_DOM_QUOTA_REACHED.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return new TesseraError('quota', t('vault.quota'));
  return e;
}
