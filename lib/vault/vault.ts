// The encrypted record store (issue 2, "Vault"; format in docs/vault-format.md): setup, unlock,
// lock and passphrase change; reading and writing sealed records, one IndexedDB transaction per
// logical change; and the LocalReplica side that sync uses. The vault key lives only in the
// KeyStore (storage.session in the extension): this class keeps no secret in memory between calls.
import type { IDBPTransaction } from 'idb';
import { KEY_BYTES } from '../crypto/aead';
import { newKdfParams } from '../crypto/kdf-params';
import { randomBytes, randomId } from '../crypto/random';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { acceptableHeader, judgeRemote, plausibleStamp } from '../record/accept';
import { isRecordKind, isSealedRecord, keyId, keyring, openVersion, sealVersion } from '../record/envelope';
import { OpenCache } from '../record/open-cache';
import { VAULT_FORMAT, headerMac, isVaultHeader, openPreviousKeys, sealPreviousKeys, verifyHeaderMac } from '../record/header';
import { HlcClock, compareHlc, isHlc } from '../record/hlc';
import { compareVersions, sameWrite } from '../record/order';
import { openVaultDb, type VaultDb, type VaultSchema } from './db';
import { unwrapVaultKey, wrapVaultKey } from './header';
import { assertStrongEnough } from './passphrase';
import { cleanName, isCredentialId, PRF_BYTES, unwrapWithPrf, wrapWithPrf } from '../passkey/wrap';
import { isPasskeyWrap, MAX_PASSKEYS } from '../record/header';
import type { PasskeyWrap } from '../record/types';
import type {
  ApplyResult, KdfParams, KeyStore, LocalReplica, OpenRecord, ReadResult, RecordKeyring, RecordKind, SealedRecord, Snapshot, SyncMeta,
  VaultChange, VaultHeader, VaultState,
} from './types';

/** At most this many headers wait for an unlock that proves them (newest kept). */
const MAX_CANDIDATES = 8;
/** At most this many versions wait, staged, for an unlock (a joining device's whole vault). */
const MAX_STAGED = 100_000;
/** Older vault keys a header carries after key replacements (so devices that were away follow). */
const MAX_PREVIOUS_KEYS = 8;

/** A passkey as the options page lists it (never its wrap). */
export interface PasskeyInfo {
  id: string;
  name: string;
  /** The origin that created it (chrome-extension://<id>, moz-extension://<uuid>). */
  rp: string;
  /** Its wrap travels with the header to the user's other devices. */
  sync: boolean;
  created: number;
  /** When it last unlocked this device (null: never here). */
  lastUsed: number | null;
}

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
    const last = isHlc(stored) ? (stored as string) : undefined;
    const wall = options.now ?? Date.now;
    return new Vault(db, ownsDb, options.keyStore, new HlcClock(device as string, wall, last), last ?? '', options.kdfParams ?? (() => newKdfParams()), wall);
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

  /** Records opened while unlocked (lib/record/open-cache.ts): each is opened again only when its row changes. */
  private readonly opened = new OpenCache();
  /** Values derived from every record, by the generation and key they were derived at (derived()). */
  private readonly derivations = new Map<string, { generation: string; kid: string; value: unknown }>();

  /** This device's random id, as it appears in hybrid-logical-clock stamps. */
  get device(): string {
    return this.clock.device;
  }

  /** Closes the database if this vault opened it. */
  close(): void {
    this.opened.clear();
    this.derivations.clear();
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
      const fields = { format: VAULT_FORMAT, vaultId, hlc: this.stamp(), kdf, wrappedKey, keyId: keyId(vaultKey) } as const;
      const header: VaultHeader = { ...fields, mac: headerMac(vaultKey, fields) };
      await meta.put(header, 'header');
      await this.saveClock(tx);
    });
    await this.keyStore.set(vaultKey);
  }

  /**
   * Unwraps the vault key into the key store. A wrong passphrase changes nothing. When the
   * passphrase does not open this header but opens one kept aside from sync (another device
   * changed the passphrase and replaced the vault key), that header is taken once it proves
   * itself: its MAC verifies under the key it wraps, and it carries this vault's current key
   * among its older keys (so it was written by a holder of this vault's key), and every record
   * here is re-sealed under the new key. Versions staged while locked are then verified and applied.
   */
  async unlock(passphrase: string): Promise<void> {
    assertString(passphrase);
    const header = await this.requireHeader();
    let key = await unwrapVaultKey(header, passphrase);
    // A format-2 header names its key: a wrapped key that is not that one is a forgery.
    if (key && header.format === 2 && (keyId(key) !== header.keyId || !verifyHeaderMac(key, header))) key = null;
    // A format-1 header with a MAC (written since headers carry one) proves itself the same way.
    if (key && header.format === 1 && header.mac !== undefined && !verifyHeaderMac(key, header)) key = null;
    if (!key) key = await this.followCandidate(header, passphrase);
    if (!key) throw new TesseraError('bad-passphrase');
    await this.afterUnlock(key);
  }

  /** What every unlock does once it holds a proven key. */
  private async afterUnlock(key: Uint8Array): Promise<void> {
    await this.keyStore.set(key);
    await this.db.delete('meta', 'unproven');
    await this.upgrade(key);
    await this.dropStalePasskeys(key);
    await this.applyStaged(key);
  }

  async lock(): Promise<void> {
    this.opened.clear();
    this.derivations.clear();
    await this.keyStore.clear();
  }

  /**
   * Re-wraps the vault key under `next` with a new salt and the current default KDF parameters
   * (which is how a vault's cost is raised); the header gets a new stamp so sync spreads the
   * change. With `replaceKey`, a new random vault key replaces the old one: every record is
   * re-sealed under it (same stamps), and the header carries the older keys sealed under the new
   * one so devices that follow can re-seal theirs. Afterwards the old passphrase with old headers
   * opens nothing written under the new key (docs/vault-format.md, "Replacing the vault key").
   * Does not unlock a locked vault.
   */
  async changePassphrase(old: string, next: string, options: { replaceKey?: boolean } = {}): Promise<void> {
    assertString(old);
    assertString(next);
    const header = await this.requireHeader();
    assertStrongEnough(next);
    const key = await unwrapVaultKey(header, old);
    if (!key || (header.format === 2 && keyId(key) !== header.keyId)) throw new TesseraError('bad-passphrase');
    await this.upgrade(key);
    const wasUnlocked = (await this.keyStore.get()) !== null;
    const newKey = options.replaceKey ? randomBytes(KEY_BYTES) : key;
    const kdf = this.kdfParams();
    const wrappedKey = await wrapVaultKey(newKey, next, header.vaultId, kdf);
    let prev = header.prev;
    if (options.replaceKey) {
      const older = [key, ...openPreviousKeys(header, key)].slice(0, MAX_PREVIOUS_KEYS);
      prev = sealPreviousKeys(header.vaultId, newKey, older);
    }
    const from = keyring(header.vaultId, key);
    const to = keyring(header.vaultId, newKey);
    const resealed = options.replaceKey ? this.reseal(await this.db.getAll('records'), from, to) : [];
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const current = await meta.get('header');
      // Changed meanwhile (here or adopted from sync): `old` may no longer be the passphrase.
      if (!isVaultHeader(current) || current.wrappedKey !== header.wrappedKey) throw new TesseraError('bad-passphrase');
      await this.catchUp(tx);
      if (options.replaceKey) await this.putResealed(tx, resealed, from.kid);
      // Passkey wraps hold the vault key: still valid unless it was replaced. Then they are
      // dropped (re-making one needs the authenticator's PRF output) and the user is told.
      let passkeys = current.passkeys ?? [];
      if (options.replaceKey) {
        const local = ((await meta.get('passkeys')) as PasskeyWrap[] | undefined) ?? [];
        const dropped = passkeys.length + local.length;
        passkeys = [];
        if (dropped > 0) {
          await meta.put([] as unknown as string, 'passkeys');
          await meta.put(String(dropped), 'passkey-notice');
        }
      }
      const fields: Omit<VaultHeader, 'mac'> = { format: VAULT_FORMAT, vaultId: current.vaultId, hlc: this.stamp(), kdf, wrappedKey, keyId: to.kid, ...(prev ? { prev } : {}), ...(passkeys.length ? { passkeys } : {}) };
      await meta.put({ ...fields, mac: headerMac(newKey, fields) }, 'header');
      await this.saveClock(tx);
    });
    if (options.replaceKey && wasUnlocked) await this.keyStore.set(newKey);
  }

  // ---- Passkeys (issue 18; lib/passkey/wrap.ts, docs/vault-format.md "Passkey wraps") -----------
  // Wraps the user shares with other devices live in the header (MAC-covered, synced with it);
  // the others in meta 'passkeys' on this device only. Both are read while locked (to ask the
  // authenticator), written only while unlocked.

  /** Every passkey of this vault on this device, synced ones first. */
  async passkeys(): Promise<PasskeyInfo[]> {
    const header = await this.header();
    if (!header) return [];
    const used = await this.passkeyUse();
    return this.allWraps(header, await this.localWraps()).map((p) => ({ id: p.id, name: p.name, rp: p.rp, sync: p.sync, created: p.created, lastUsed: used[p.id] ?? null }));
  }

  /** What the page asks the authenticator for at unlock: each credential and its PRF salt. */
  async passkeyRequest(): Promise<Array<{ id: string; salt: string; rp: string }>> {
    const header = await this.header();
    if (!header) return [];
    return this.allWraps(header, await this.localWraps()).map((p) => ({ id: p.id, salt: p.salt, rp: p.rp }));
  }

  /**
   * Adds a wrap of the (unlocked) vault key under the PRF output `prf` of credential `id`
   * evaluated on `salt`. `sync` puts it in the header (and so on the user's other devices).
   */
  async addPasskey(input: { id: string; salt: string; prf: Uint8Array; name: string; sync: boolean; rp?: string }): Promise<PasskeyInfo> {
    if (!isCredentialId(input.id) || !(input.prf instanceof Uint8Array) || input.prf.length !== PRF_BYTES) throw new TesseraError('bad-input', t('passkey.error.input'));
    const ring = await this.requireRing();
    const name = cleanName(input.name) || t('passkey.default-name', new Date(this.wallClock()).toISOString().slice(0, 10));
    let wrap: PasskeyWrap;
    try {
      wrap = wrapWithPrf(ring.key, ring.vaultId, input.prf, { id: input.id, name, salt: input.salt, sync: input.sync, created: this.wallClock(), rp: typeof input.rp === 'string' ? input.rp.slice(0, 200) : '' });
    } catch {
      throw new TesseraError('bad-input', t('passkey.error.input'));
    }
    await this.changePasskeys(ring.key, (synced, local) => {
      if ([...synced, ...local].some((p) => p.id === wrap.id)) throw new TesseraError('exists', t('passkey.error.exists'));
      if ((wrap.sync ? synced : local).length >= MAX_PASSKEYS) throw new TesseraError('too-large', t('passkey.error.many', MAX_PASSKEYS));
      return wrap.sync ? { synced: [...synced, wrap], local } : { synced, local: [...local, wrap] };
    });
    return { id: wrap.id, name: wrap.name, rp: wrap.rp, sync: wrap.sync, created: wrap.created, lastUsed: null };
  }

  /** Renames a passkey and/or moves its wrap into or out of the synced header. */
  async updatePasskey(id: string, patch: { name?: string; sync?: boolean }): Promise<void> {
    const ring = await this.requireRing();
    await this.changePasskeys(ring.key, (synced, local) => {
      const found = [...synced, ...local].find((p) => p.id === id);
      if (!found) throw new TesseraError('not-found', t('passkey.error.unknown'));
      const name = patch.name === undefined ? found.name : cleanName(patch.name);
      if (!name) throw new TesseraError('bad-input', t('passkey.error.name'));
      const next: PasskeyWrap = { ...found, name, sync: patch.sync ?? found.sync };
      const s = synced.filter((p) => p.id !== id);
      const l = local.filter((p) => p.id !== id);
      return next.sync ? { synced: [...s, next], local: l } : { synced: s, local: [...l, next] };
    });
  }

  /** Removes a passkey's wrap: from the header too (so from every device at the next sync). */
  async removePasskey(id: string): Promise<void> {
    const ring = await this.requireRing();
    await this.changePasskeys(ring.key, (synced, local) => {
      if (![...synced, ...local].some((p) => p.id === id)) throw new TesseraError('not-found', t('passkey.error.unknown'));
      return { synced: synced.filter((p) => p.id !== id), local: local.filter((p) => p.id !== id) };
    });
    const used = await this.passkeyUse();
    delete used[id];
    await this.db.put('meta', used as unknown as string, 'passkey-used');
  }

  /**
   * Unlocks with the PRF output of credential `id`. The key it unwraps must be the one the header
   * names and verify the header's MAC; anything else changes nothing (`bad-passphrase`). A wrap
   * of a vault key replaced since (elsewhere) is dropped here, with a notice.
   */
  async unlockWithPasskey(id: string, prf: Uint8Array): Promise<void> {
    if (typeof id !== 'string' || !(prf instanceof Uint8Array) || prf.length !== PRF_BYTES) throw new TesseraError('bad-input', t('passkey.error.input'));
    const header = await this.requireHeader();
    const wrap = this.allWraps(header, await this.localWraps()).find((p) => p.id === id);
    if (!wrap) throw new TesseraError('not-found', t('passkey.error.unknown'));
    const key = unwrapWithPrf(wrap, header.vaultId, prf);
    if (!key) throw new TesseraError('bad-passphrase', t('passkey.error.wrong'));
    const names = header.format === 2 ? keyId(key) === header.keyId : true;
    if (!names) {
      await this.dropStalePasskeys(null, header.keyId);
      throw new TesseraError('bad-passphrase', t('passkey.error.stale'));
    }
    if ((header.format === 2 || header.mac !== undefined) && !verifyHeaderMac(key, header)) throw new TesseraError('bad-passphrase', t('passkey.error.wrong'));
    await this.afterUnlock(key);
    const used = await this.passkeyUse();
    used[id] = this.wallClock();
    await this.db.put('meta', used as unknown as string, 'passkey-used');
  }

  /** How many passkeys were dropped because the vault key was replaced (0: none); `clear` forgets it. */
  async passkeyNotice(clear = false): Promise<number> {
    const n = Number((await this.db.get('meta', 'passkey-notice')) ?? 0) || 0;
    if (clear) await this.db.delete('meta', 'passkey-notice');
    return n;
  }

  private allWraps(header: VaultHeader, local: PasskeyWrap[]): PasskeyWrap[] {
    const synced = header.passkeys ?? [];
    return [...synced, ...local.filter((l) => !synced.some((s) => s.id === l.id))];
  }

  private async localWraps(): Promise<PasskeyWrap[]> {
    const list = (await this.db.get('meta', 'passkeys')) as unknown;
    return Array.isArray(list) ? list.filter(isPasskeyWrap) : [];
  }

  private async passkeyUse(): Promise<Record<string, number>> {
    const m = (await this.db.get('meta', 'passkey-used')) as unknown;
    return m && typeof m === 'object' && !Array.isArray(m) ? { ...(m as Record<string, number>) } : {};
  }

  /** One change to the passkey wraps; a changed synced list gives the header a new stamp and MAC. */
  private async changePasskeys(key: Uint8Array, change: (synced: PasskeyWrap[], local: PasskeyWrap[]) => { synced: PasskeyWrap[]; local: PasskeyWrap[] }): Promise<void> {
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const current = await meta.get('header');
      if (!isVaultHeader(current) || current.format !== 2 || current.keyId !== keyId(key)) throw new TesseraError('locked');
      const localRaw = (await meta.get('passkeys')) as unknown;
      const local = Array.isArray(localRaw) ? localRaw.filter(isPasskeyWrap) : [];
      const before = current.passkeys ?? [];
      const next = change([...before], local);
      await meta.put(next.local as unknown as string, 'passkeys');
      if (JSON.stringify(next.synced) !== JSON.stringify(before)) {
        await this.catchUp(tx);
        const { mac: _mac, passkeys: _p, ...rest } = copyHeader(current);
        const fields: Omit<VaultHeader, 'mac'> = { ...rest, hlc: this.stamp(), ...(next.synced.length ? { passkeys: next.synced } : {}) };
        await meta.put({ ...fields, mac: headerMac(key, fields) }, 'header');
        await this.saveClock(tx);
      }
    });
  }

  /**
   * Drops this device's wraps of any key but the current one (`key`, or the header's `kid`): the
   * vault key was replaced on another device and adopted here. The user is told how many went.
   */
  private async dropStalePasskeys(key: Uint8Array | null, kid?: string): Promise<void> {
    const current = key ? keyId(key) : kid;
    if (!current) return;
    const local = await this.localWraps();
    const keep = local.filter((p) => p.keyId === current);
    if (keep.length === local.length) return;
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      await meta.put(keep as unknown as string, 'passkeys');
      const before = Number((await meta.get('passkey-notice')) ?? 0) || 0;
      await meta.put(String(before + local.length - keep.length), 'passkey-notice');
    });
  }

  // ---- Records ---------------------------------------------------------------------------------

  /** Opens every live record (of `kind`, if given). Records that fail to open are listed in `corrupt`. */
  async read<T>(kind?: RecordKind): Promise<ReadResult<T>> {
    const ring = await this.requireRing();
    const rows: unknown[] = kind ? await this.db.getAllFromIndex('records', 'kind', kind) : await this.db.getAll('records');
    return this.openRows<T>(ring, rows);
  }

  /**
   * Every live record of every kind, opened as read() opens them, with the vault's generation
   * read in the same transaction (a random id every write transaction replaces: see transact) and
   * the vault and key ids they were opened under: the popup's session view (lib/popup/view.ts)
   * names the state it was built from this way, and the popup checks it in one small read.
   */
  async snapshot<T>(): Promise<Snapshot<T>> {
    const ring = await this.requireRing();
    const read = async () => {
      const tx = this.db.transaction(['records', 'meta'], 'readonly');
      return Promise.all([tx.objectStore('records').getAll() as Promise<unknown[]>, tx.objectStore('meta').get('generation')]);
    };
    let [rows, generation] = await read();
    if (typeof generation !== 'string') {
      await this.transact(async () => {}); // a vault written before generations existed gets its first one
      [rows, generation] = await read();
    }
    return { ...this.openRows<T>(ring, rows), generation: typeof generation === 'string' ? generation : null, vaultId: ring.vaultId, kid: ring.kid };
  }

  /**
   * `derive(snapshot())`, computed again only when a write has replaced the vault's generation
   * since (or the key changed): popup.init at 1,000 accounts read, opened and sorted every record
   * on every open (issue 14). Like the opened records, kept in memory only while unlocked: lock()
   * forgets it. A row changed behind the vault's back (not through transact) shows in read() and
   * get() at once and here at the next write; `derive` must not change the snapshot it is given.
   */
  async derived<V>(name: string, derive: (snap: Snapshot<unknown>) => V): Promise<{ value: V; generation: string | null }> {
    const ring = await this.requireRing();
    const hit = this.derivations.get(name);
    if (hit && hit.kid === ring.kid && hit.generation === (await this.db.get('meta', 'generation'))) return { value: hit.value as V, generation: hit.generation };
    const snap = await this.snapshot();
    const value = derive(snap);
    if (snap.generation !== null) this.derivations.set(name, { generation: snap.generation, kid: snap.kid, value });
    return { value, generation: snap.generation };
  }

  private openRows<T>(ring: RecordKeyring, rows: unknown[]): ReadResult<T> {
    const result: ReadResult<T> = { records: [], corrupt: [] };
    for (const row of rows) {
      const r = row as Partial<SealedRecord>;
      if (r.deleted === true) continue; // a tombstone
      try {
        if (!isSealedRecord(row)) throw new Error('malformed record');
        result.records.push({ id: row.id, kind: row.kind, hlc: row.hlc, data: this.opened.open<T>(ring, row) as T });
      } catch {
        // Reported, never dropped or overwritten: the user decides (and a sync may restore it).
        result.corrupt.push({ id: String(r.id), kind: r.kind as RecordKind });
      }
    }
    return result;
  }

  /** One live record, or null when there is none (or it was deleted). */
  async get<T>(id: string): Promise<OpenRecord<T> | null> {
    const ring = await this.requireRing();
    const row: unknown = await this.db.get('records', id);
    if (row === undefined) return null;
    const r = row as Partial<SealedRecord>;
    if (r.deleted === true) return null;
    try {
      if (!isSealedRecord(row)) throw new Error('malformed record');
      return { id: row.id, kind: row.kind, hlc: row.hlc, data: this.opened.open<T>(ring, row) as T };
    } catch {
      throw new TesseraError('corrupt', t('error.corrupt', id));
    }
  }

  /**
   * Writes one logical change: every put and removal in ONE readwrite transaction, each with a
   * fresh stamp, so a stopped worker or a failure leaves all of it or none of it. A `used` record
   * may only be created, never overwritten or removed. Removing an id that is absent (or already
   * removed) does nothing; removing a `local` record deletes it outright (it is never synced).
   * Every version, tombstones included, is sealed with its stamp and deleted flag bound (format 2).
   */
  async commit(change: VaultChange): Promise<void> {
    const ring = await this.requireRing();
    const puts = change.put ?? [];
    const removes = change.remove ?? [];
    const ids = [...puts.map((p) => p.id), ...removes];
    if (ids.some((id) => typeof id !== 'string' || id.length === 0 || id.length > 200) || new Set(ids).size !== ids.length) {
      throw new TesseraError('bad-input', t('vault.bad-change'));
    }
    if (ids.length === 0) return;
    for (const p of puts) {
      if (!isRecordKind(p.kind)) throw new TesseraError('bad-input', t('vault.bad-change'));
      if (JSON.stringify(p.data) === undefined) throw new TesseraError('bad-input', t('vault.bad-change'));
    }
    // The stamp is bound into the seal, so stamps are drawn first, then everything is sealed
    // before the transaction opens (it would auto-commit across non-IDB work), then stored if
    // no other context wrote a newer clock meanwhile (else drawn again).
    for (let attempt = 0; ; attempt++) {
      const existing = new Map<string, SealedRecord>();
      for (const id of ids) {
        const row = await this.db.get('records', id);
        if (row) existing.set(id, row);
      }
      const base = this.high;
      const sealedPuts = puts.map((p) => sealVersion(ring, { id: p.id, kind: p.kind, hlc: this.stamp(), deleted: false }, p.data));
      const tombstones: SealedRecord[] = [];
      const dropLocal: string[] = [];
      for (const id of removes) {
        const e = existing.get(id);
        if (!e || e.deleted) continue;
        if (e.kind === 'used') throw new TesseraError('bad-input', t('vault.used-final'));
        if (e.kind === 'local') dropLocal.push(id);
        else tombstones.push(sealVersion(ring, { id, kind: e.kind, hlc: this.stamp(), deleted: true }));
      }
      for (const p of sealedPuts) {
        const e = existing.get(p.id);
        if (e?.kind === 'used' || (p.kind === 'used' && e)) throw new TesseraError('bad-input', t('vault.used-final'));
      }
      let raced = false;
      await this.transact(async (tx) => {
        const records = tx.objectStore('records');
        const stored = await tx.objectStore('meta').get('clock');
        // Another context stamped meanwhile: our stamps might not be the newest. Draw again.
        if (isHlc(stored) && base && compareHlc(stored, base) > 0) {
          raced = true;
          this.observe(stored);
          return;
        }
        for (const id of ids) {
          const now = await records.get(id);
          const before = existing.get(id);
          if ((now?.hlc ?? null) !== (before?.hlc ?? null)) {
            raced = true;
            return;
          }
        }
        for (const r of [...sealedPuts, ...tombstones]) await records.put(r);
        for (const id of dropLocal) await records.delete(id);
        await this.saveClock(tx);
      });
      if (!raced) return;
      if (attempt >= 5) throw new TesseraError('internal');
    }
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
   * Offers a header from another device. An unlocked device installs a newer header of its vault
   * only when its MAC verifies under the vault key (a passphrase change elsewhere); one written
   * under another key (the vault key was replaced elsewhere) cannot be checked yet and is kept
   * aside until an unlock with the new passphrase proves it. A locked device keeps such headers
   * aside too. A device without a vault (joining) installs the header, unproven until its first
   * unlock, and keeps the others aside: the passphrase then picks the one it opens. A header is
   * never installed over another vault's (`conflict`), never from the far future, never older.
   */
  async adoptHeader(h: VaultHeader): Promise<void> {
    if (!isVaultHeader(h)) throw new TesseraError('corrupt', t('vault.bad-header'));
    const key = await this.keyStore.get();
    const copy = copyHeader(h);
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const current = await meta.get('header');
      await this.catchUp(tx);
      // Only a device without a vault takes another vault's header (joining); a vault set up
      // here meanwhile is never replaced (sync `conflict`, nothing overwritten).
      if (isVaultHeader(current) && current.vaultId !== h.vaultId) throw new TesseraError('conflict');
      if (!plausibleStamp(h.hlc, this.wallClock())) return;
      if (!isVaultHeader(current)) {
        await meta.put(copy, 'header');
        await meta.put('1', 'unproven');
        this.observe(h.hlc);
        await this.saveClock(tx);
        return;
      }
      const unproven = (await meta.get('unproven')) === '1';
      // Joined and not yet unlocked: every header of the vault waits for the passphrase to pick.
      if (compareHlc(h.hlc, current.hlc) <= 0 && !unproven) return;
      if (current.hlc === h.hlc && current.mac === h.mac) return;
      if (key && !unproven && verifyHeaderMac(key, h)) {
        this.observe(h.hlc);
        await meta.put(copy, 'header');
        await this.saveClock(tx);
        return;
      }
      if (key && !unproven && (h.format !== 2 || h.keyId === keyId(key))) return; // fails verification: never kept
      // Another key, or nothing to check with yet: aside, for an unlock to prove or ignore.
      const list = ((await meta.get('candidates')) as VaultHeader[] | undefined) ?? [];
      if (list.some((c) => c.hlc === h.hlc && c.mac === h.mac)) return;
      const next = [...list, copy].sort((a, b) => compareHlc(b.hlc, a.hlc)).slice(0, MAX_CANDIDATES);
      await meta.put(next as unknown as string, 'candidates');
    });
  }

  /** Every format-2 record but `local` ones, tombstones included (rows too malformed to send are left out). */
  async sealedRecords(): Promise<SealedRecord[]> {
    const rows: unknown[] = await this.db.getAll('records');
    return rows.filter((r): r is SealedRecord => isSealedRecord(r) && r.kind !== 'local' && r.v === 2);
  }

  /** The vault key with what envelopes bind, while unlocked (format 1 is upgraded first). */
  async keyring(): Promise<RecordKeyring | null> {
    const header = await this.header();
    const key = await this.keyStore.get();
    if (!header || !key) return null;
    return this.requireRing();
  }

  async syncMeta(): Promise<SyncMeta> {
    const m = (await this.db.get('meta', 'sync')) as unknown as SyncMeta | undefined;
    return m && typeof m.seq === 'number' && typeof m.seen === 'object' ? { seq: m.seq, seen: { ...m.seen } } : { seq: 0, seen: {} };
  }

  async saveSyncMeta(m: SyncMeta): Promise<void> {
    await this.db.put('meta', { seq: m.seq, seen: { ...m.seen } } as unknown as string, 'sync');
  }

  /**
   * Stores versions that won a merge, in one transaction, each only after it opens under the
   * vault key with the stamp, kind, id and deleted flag it claims: one that does not is refused
   * (counted in `rejected`) and the local copy stays. Format-1 versions (from a device not yet
   * upgraded) are taken only as new live records, re-sealed as format 2. Never overwrites a `used`
   * record, never applies a deletion of one, never replaces a version that is as new or newer,
   * never changes a record's kind. While locked, versions are staged and verified at unlock.
   */
  async applyRemote(records: SealedRecord[]): Promise<ApplyResult> {
    for (const r of records) {
      if (!isSealedRecord(r) || r.kind === 'local') {
        throw new TesseraError('corrupt', t('vault.bad-remote', typeof r?.id === 'string' ? r.id.slice(0, 64) : '?'));
      }
    }
    const key = await this.keyStore.get();
    if (!key) {
      await this.stage(records);
      return { applied: 0, rejected: 0, staged: true };
    }
    const ring = await this.requireRing();
    const now = this.wallClock();
    let rejected = 0;
    const verified: Array<{ r: SealedRecord; data: unknown }> = [];
    for (const r of records) {
      if (judgeRemote(ring, r, now) !== 'ok') {
        rejected++;
        continue;
      }
      const data = openVersion(ring, r);
      // Format 1 carries no authenticated stamp or deleted flag: re-sealed as format 2 with the
      // stamp it claims, and only ever added where this device has nothing (see below).
      verified.push({ r: r.v === 2 ? r : sealVersion(ring, r, data), data });
      if (r.v !== 2) (verified[verified.length - 1] as { legacy?: boolean }).legacy = true;
    }
    let applied = 0;
    if (verified.length === 0) return { applied, rejected };
    await this.transact(async (tx) => {
      const store = tx.objectStore('records');
      await this.catchUp(tx);
      applied = 0;
      for (const v of verified) {
        const r = v.r;
        const existing = await store.get(r.id);
        if ((v as { legacy?: boolean }).legacy && existing) continue;
        if (r.kind === 'used' && r.deleted) continue;
        this.observe(r.hlc);
        // Only the merge's own winner replaces what is here (lib/record/order.ts compareVersions:
        // of two used marks of one token the earliest use wins, and no other write beats a used
        // mark), and never across kinds: a `local` record or an account can't become something else.
        if (existing && (existing.kind !== r.kind || sameWrite(r, existing) || compareVersions(r, existing) <= 0)) continue;
        const kept = existing ? this.keepHotpCounter(ring, existing, r, v.data) : null;
        await store.put(kept ?? r);
        applied++;
      }
      await this.saveClock(tx);
    });
    return { applied, rejected };
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
  private keepHotpCounter(ring: RecordKeyring, existing: SealedRecord, incoming: SealedRecord, data: unknown): SealedRecord | null {
    if (incoming.kind !== 'account' || incoming.deleted || existing.deleted) return null;
    try {
      const mine = openVersion<{ type?: string; counter?: number }>(ring, existing)!;
      const theirs = data as { type?: string; counter?: number };
      if (mine.type !== 'hotp' || theirs.type !== 'hotp' || typeof mine.counter !== 'number' || typeof theirs.counter !== 'number') return null;
      if (theirs.counter >= mine.counter) return null;
      return sealVersion(ring, { id: incoming.id, kind: 'account', hlc: this.stamp(), deleted: false }, { ...theirs, counter: mine.counter });
    } catch {
      return null;
    }
  }

  private async requireKey(): Promise<Uint8Array> {
    await this.requireHeader();
    const key = await this.keyStore.get();
    if (!key) {
      // Locked by any path (the key store emptied itself, another context): no opened record stays.
      this.opened.clear();
      throw new TesseraError('locked');
    }
    return key;
  }

  /** The key ring; a format-1 vault is upgraded to format 2 on first use of its key. */
  private async requireRing(): Promise<RecordKeyring> {
    const key = await this.requireKey();
    let header = await this.requireHeader();
    if (header.format === 1) {
      await this.upgrade(key);
      header = await this.requireHeader();
    }
    return keyring(header.vaultId, key);
  }

  /**
   * Format 1 → 2 (docs/vault-format.md, "Versioning"): every record re-sealed with its stamp and
   * deleted flag bound (tombstones sealed too), the header given the key id and a new MAC; same
   * stamps, so other devices see the same writes. A record that does not open stays as it was
   * (reported as corrupt). Idempotent; one transaction.
   */
  private async upgrade(key: Uint8Array): Promise<void> {
    const header = await this.requireHeader();
    if (header.format !== 1) return;
    const ring = keyring(header.vaultId, key);
    const rows = (await this.db.getAll('records')) as unknown[];
    const out: SealedRecord[] = [];
    for (const row of rows) {
      if (!isSealedRecord(row) || row.v === 2) continue;
      try {
        const data = row.deleted ? undefined : openVersion(ring, row);
        out.push(sealVersion(ring, row, data));
      } catch {
        // Stays as format 1: read() reports it as corrupt, sync never sends it.
      }
    }
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const current = await meta.get('header');
      if (!isVaultHeader(current) || current.format !== 1 || current.wrappedKey !== header.wrappedKey) return;
      const records = tx.objectStore('records');
      for (const r of out) {
        const now = await records.get(r.id);
        if (now && now.hlc === r.hlc && now.v !== 2) await records.put(r);
      }
      const fields = { format: 2 as const, vaultId: current.vaultId, hlc: current.hlc, kdf: current.kdf, wrappedKey: current.wrappedKey, keyId: ring.kid };
      await meta.put({ ...fields, mac: headerMac(key, fields) }, 'header');
    });
  }

  /** Re-seals every row under `from` (same stamps) for the key `to`. */
  private reseal(rows: unknown[], from: RecordKeyring, to: RecordKeyring): SealedRecord[] {
    const out: SealedRecord[] = [];
    for (const row of rows) {
      if (!isSealedRecord(row) || row.kid !== from.kid) continue;
      try {
        out.push(sealVersion(to, row, openVersion(from, row)));
      } catch {
        // Does not open: left as it was (reported as corrupt by read()).
      }
    }
    return out;
  }

  /** Stores re-sealed rows; refuses (to be retried) if a row under the old key changed meanwhile. */
  private async putResealed(tx: Tx, rows: SealedRecord[], oldKid: string): Promise<void> {
    const records = tx.objectStore('records');
    const done = new Set<string>();
    for (const r of rows) {
      const now = await records.get(r.id);
      if (!now || now.hlc !== r.hlc) throw new TesseraError('internal');
      await records.put(r);
      done.add(r.id);
    }
    for (const row of await records.getAll()) {
      if (row.kid === oldKid && !done.has(row.id) && isSealedRecord(row)) throw new TesseraError('internal');
    }
  }

  /**
   * The passphrase did not open this header: try the headers kept aside, newest first. One is
   * taken when the passphrase opens it, its MAC verifies under that key, and — unless this
   * device's own header was never proven (joined, not yet unlocked) — it carries this vault's
   * current key among its older ones; local records are then re-sealed under its key.
   */
  private async followCandidate(current: VaultHeader, passphrase: string): Promise<Uint8Array | null> {
    const list = ((await this.db.get('meta', 'candidates')) as unknown as VaultHeader[] | undefined) ?? [];
    const unproven = (await this.db.get('meta', 'unproven')) === '1';
    for (const cand of [...list].sort((a, b) => compareHlc(b.hlc, a.hlc))) {
      if (!isVaultHeader(cand) || cand.vaultId !== current.vaultId || !acceptableHeader(cand, this.wallClock())) continue;
      if (!unproven && compareHlc(cand.hlc, current.hlc) <= 0) continue;
      const key = await unwrapVaultKey(cand, passphrase);
      if (!key || !verifyHeaderMac(key, cand)) continue;
      let older: Uint8Array[];
      try {
        older = openPreviousKeys(cand, key);
      } catch {
        continue;
      }
      const oldKey = older.find((k) => keyId(k) === current.keyId);
      if (!unproven && !oldKey) continue;
      const to = keyring(cand.vaultId, key);
      const rows = (await this.db.getAll('records')) as unknown[];
      const resealed = oldKey ? this.reseal(rows, keyring(current.vaultId, oldKey), to) : [];
      await this.transact(async (tx) => {
        if (oldKey) await this.putResealed(tx, resealed, keyId(oldKey));
        await tx.objectStore('meta').put(copyHeader(cand), 'header');
        await tx.objectStore('meta').put(list.filter((c) => compareHlc(c.hlc, cand.hlc) > 0) as unknown as string, 'candidates');
      });
      return key;
    }
    return null;
  }

  /** Keeps versions that arrived while locked (joining), every version as it came, for unlock. */
  private async stage(records: SealedRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.transact(async (tx) => {
      const meta = tx.objectStore('meta');
      const staged = ((await meta.get('staged')) as unknown as SealedRecord[] | undefined) ?? [];
      const seen = new Set(staged.map(stagedKey));
      for (const r of records) {
        if (staged.length >= MAX_STAGED) break;
        const k = stagedKey(r);
        if (seen.has(k)) continue;
        seen.add(k);
        staged.push(r);
      }
      await meta.put(staged as unknown as string, 'staged');
    });
  }

  /** At unlock: staged versions are verified one by one; those that open are merged in. */
  private async applyStaged(key: Uint8Array): Promise<void> {
    const staged = (await this.db.get('meta', 'staged')) as unknown as SealedRecord[] | undefined;
    if (!staged?.length) return;
    const header = await this.requireHeader();
    const ring = keyring(header.vaultId, key);
    const now = this.wallClock();
    // Verified first, so a forged version can never hide a genuine one in the merge.
    const best = new Map<string, SealedRecord>();
    for (const r of staged) {
      if (!isSealedRecord(r) || judgeRemote(ring, r, now) !== 'ok') continue;
      const b = best.get(r.id);
      if (!b || compareVersions(r, b) > 0) best.set(r.id, r);
    }
    await this.applyRemote([...best.values()]);
    await this.db.delete('meta', 'staged');
  }

  /** Runs `body` in one readwrite transaction over both stores; aborts it on any error. */
  private async transact(body: (tx: Tx) => Promise<void>): Promise<void> {
    const tx: Tx = this.db.transaction(['records', 'meta'], 'readwrite');
    const done = tx.done;
    done.catch(() => {}); // observed below; an aborted transaction must not count as unhandled
    try {
      // A new generation with every write, in the same transaction (so it commits or aborts
      // with the write): whoever read the old one knows the vault may have changed since.
      await tx.objectStore('meta').put(randomId(), 'generation');
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

const stagedKey = (r: SealedRecord) => `${r.id}\u0000${r.hlc}\u0000${r.deleted ? 1 : 0}\u0000${r.kid ?? ''}\u0000${r.sealed ? r.sealed.join(',') : ''}`;

function copyHeader(h: VaultHeader): VaultHeader {
  const { format, vaultId, hlc, kdf, wrappedKey, keyId: kid, prev, passkeys, mac } = h;
  return {
    format, vaultId, hlc, kdf: { ...kdf }, wrappedKey, ...(kid === undefined ? {} : { keyId: kid }), ...(prev === undefined ? {} : { prev }),
    ...(passkeys === undefined ? {} : { passkeys: passkeys.map((p) => ({ ...p })) }), ...(mac === undefined ? {} : { mac }),
  };
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
