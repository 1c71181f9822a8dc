// An in-memory LocalReplica for sync tests, with the same rules as Vault (lib/vault/vault.ts):
// stamps from an HlcClock, format-2 envelopes for every version (tombstones sealed too), `used`
// records only created, and applyRemote that opens every version before storing it (refusing
// those that do not open), never replaces a record with an older-or-equal version (the merge
// order of lib/record/order.ts) and observes every stamp it stores.
import { judgeRemote } from '../../../lib/record/accept';
import { keyring, openVersion, sealVersion } from '../../../lib/record/envelope';
import { HlcClock, compareHlc } from '../../../lib/record/hlc';
import { compareVersions, sameWrite } from '../../../lib/record/order';
import type { ApplyResult, LocalReplica, RecordKeyring, RecordKind, SealedRecord, SyncMeta, VaultHeader } from '../../../lib/vault/types';
import { headerMac } from '../../../lib/record/header';

export const TEST_KDF = { name: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' } as const;

export interface FakeReplicaOptions {
  device: string;
  /** Wall clock under the HLC (tests skew and move it). */
  wall?: () => number;
  /** The vault key used to seal records (shared by every replica of one vault). */
  key: Uint8Array;
}

export class FakeReplica implements LocalReplica {
  readonly device: string;
  readonly clock: HlcClock;
  readonly key: Uint8Array;
  private readonly wall: () => number;
  private head: VaultHeader | null = null;
  private readonly rows = new Map<string, SealedRecord>();
  private meta: SyncMeta = { seq: 0, seen: {} };
  /** Every write this replica made (for "no write is lost" checks). */
  readonly writes: SealedRecord[] = [];
  applyCalls = 0;
  rejectedTotal = 0;
  /** While false, behaves as a locked vault: applyRemote stages nothing here (tests never need it). */
  unlocked = true;

  constructor(options: FakeReplicaOptions) {
    this.device = options.device;
    this.wall = options.wall ?? Date.now;
    this.clock = new HlcClock(options.device, this.wall);
    this.key = options.key;
  }

  private ring(): RecordKeyring {
    if (!this.head) throw new Error('no vault');
    return keyring(this.head.vaultId, this.key);
  }

  /** Creates a vault header (what Vault.setup does, minus the KDF). */
  setup(vaultId: string): VaultHeader {
    const fields = { format: 2 as const, vaultId, hlc: this.clock.now(), kdf: { ...TEST_KDF }, wrappedKey: 'AAAA', keyId: keyring(vaultId, this.key).kid };
    this.head = { ...fields, mac: headerMac(this.key, fields) };
    return this.head;
  }

  /** A passphrase change: a new wrapped key under a new stamp, MAC'd under the vault key. */
  changePassphrase(wrappedKey: string): void {
    if (!this.head) throw new Error('no vault');
    const { mac: _mac, ...rest } = this.head;
    const fields = { ...rest, hlc: this.clock.now(), wrappedKey };
    this.head = { ...fields, mac: headerMac(this.key, fields) };
  }

  put(id: string, kind: RecordKind, data: unknown): SealedRecord {
    const existing = this.rows.get(id);
    if (existing?.kind === 'used' || (kind === 'used' && existing)) throw new Error('used records are final');
    const r = sealVersion(this.ring(), { id, kind, hlc: this.clock.now(), deleted: false }, data);
    this.rows.set(id, r);
    if (kind !== 'local') this.writes.push(r);
    return r;
  }

  remove(id: string): SealedRecord | null {
    const existing = this.rows.get(id);
    if (!existing || existing.deleted) return null;
    if (existing.kind === 'used') throw new Error('used records are final');
    const r = sealVersion(this.ring(), { id, kind: existing.kind, hlc: this.clock.now(), deleted: true });
    this.rows.set(id, r);
    this.writes.push(r);
    return r;
  }

  record(id: string): SealedRecord | undefined {
    return this.rows.get(id);
  }

  /** Live records opened: id → data. */
  live(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const r of this.rows.values()) if (!r.deleted && r.kind !== 'local') out.set(r.id, openVersion(this.ring(), r));
    return out;
  }

  all(): SealedRecord[] {
    return [...this.rows.values()];
  }

  // ---- LocalReplica ----
  async header(): Promise<VaultHeader | null> {
    return this.head ? { ...this.head } : null;
  }

  async adoptHeader(h: VaultHeader): Promise<void> {
    if (this.head && this.head.vaultId !== h.vaultId) return;
    if (!this.head) {
      this.head = { ...h };
      this.clock.observe(h.hlc);
      return;
    }
    if (compareHlc(h.hlc, this.head.hlc) <= 0) return;
    // Like Vault: only a header whose MAC verifies under the key is installed.
    const { mac, ...fields } = h;
    if (mac !== headerMac(this.key, fields)) return;
    this.clock.observe(h.hlc);
    this.head = { ...h };
  }

  async sealedRecords(): Promise<SealedRecord[]> {
    return [...this.rows.values()].filter((r) => r.kind !== 'local');
  }

  async keyring(): Promise<RecordKeyring | null> {
    return this.head && this.unlocked ? this.ring() : null;
  }

  async syncMeta(): Promise<SyncMeta> {
    return { seq: this.meta.seq, seen: { ...this.meta.seen } };
  }

  async saveSyncMeta(m: SyncMeta): Promise<void> {
    this.meta = { seq: m.seq, seen: { ...m.seen } };
  }

  async applyRemote(records: SealedRecord[]): Promise<ApplyResult> {
    this.applyCalls++;
    for (const r of records) if (r.kind === 'local') throw new Error('local records are never synced');
    const ring = this.ring();
    let applied = 0;
    let rejected = 0;
    for (const r of records) {
      if (judgeRemote(ring, r, this.wall()) !== 'ok' || r.v !== 2) {
        rejected++;
        continue;
      }
      const existing = this.rows.get(r.id);
      if (r.kind === 'used' && r.deleted) continue;
      this.clock.observe(r.hlc);
      if (existing && (existing.kind !== r.kind || sameWrite(r, existing) || compareVersions(r, existing) <= 0)) continue;
      this.rows.set(r.id, { ...r });
      applied++;
    }
    this.rejectedTotal += rejected;
    return { applied, rejected };
  }
}

/** A fixed-looking but random 32-byte key for a test vault. */
export function testKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}
