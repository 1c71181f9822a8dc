// An in-memory LocalReplica for sync tests, with the same rules as Vault (lib/vault/vault.ts):
// stamps from an HlcClock, tombstones on removal, `used` records only created, and applyRemote
// that never replaces a record with an older-or-equal stamp and observes every stamp it stores.
// Like the vault, a `used` record is replaced only by a live `used` version with a smaller stamp,
// the merge's canonical winner (lib/sync/merge.ts).
import { sealRecord, openRecord } from '../../../lib/vault/envelope';
import { HlcClock, compareHlc } from '../../../lib/sync/hlc';
import type { LocalReplica, RecordKind, SealedRecord, VaultHeader } from '../../../lib/vault/types';

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
  private head: VaultHeader | null = null;
  private readonly rows = new Map<string, SealedRecord>();
  /** Every write this replica made (for "no write is lost" checks). */
  readonly writes: SealedRecord[] = [];
  applyCalls = 0;

  constructor(options: FakeReplicaOptions) {
    this.device = options.device;
    this.clock = new HlcClock(options.device, options.wall ?? Date.now);
    this.key = options.key;
  }

  /** Creates a vault header (what Vault.setup does, minus the KDF). */
  setup(vaultId: string): VaultHeader {
    this.head = { format: 1, vaultId, hlc: this.clock.now(), kdf: { ...TEST_KDF }, wrappedKey: 'AAAA' };
    return this.head;
  }

  /** A passphrase change: a new wrapped key under a new stamp. */
  changePassphrase(wrappedKey: string): void {
    if (!this.head) throw new Error('no vault');
    this.head = { ...this.head, hlc: this.clock.now(), wrappedKey };
  }

  put(id: string, kind: RecordKind, data: unknown): SealedRecord {
    const existing = this.rows.get(id);
    if (existing?.kind === 'used' || (kind === 'used' && existing)) throw new Error('used records are final');
    const r: SealedRecord = { id, kind, hlc: this.clock.now(), deleted: false, sealed: sealRecord(this.key, id, kind, data) };
    this.rows.set(id, r);
    if (kind !== 'local') this.writes.push(r);
    return r;
  }

  remove(id: string): SealedRecord | null {
    const existing = this.rows.get(id);
    if (!existing || existing.deleted) return null;
    if (existing.kind === 'used') throw new Error('used records are final');
    const r: SealedRecord = { id, kind: existing.kind, hlc: this.clock.now(), deleted: true, sealed: null };
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
    for (const r of this.rows.values()) if (!r.deleted && r.kind !== 'local') out.set(r.id, openRecord(this.key, r));
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
    this.clock.observe(h.hlc);
    if (!this.head || this.head.vaultId !== h.vaultId || compareHlc(h.hlc, this.head.hlc) > 0) this.head = { ...h };
  }

  async sealedRecords(): Promise<SealedRecord[]> {
    return [...this.rows.values()].filter((r) => r.kind !== 'local');
  }

  async applyRemote(records: SealedRecord[]): Promise<void> {
    this.applyCalls++;
    for (const r of records) if (r.kind === 'local') throw new Error('local records are never synced');
    for (const r of records) {
      this.clock.observe(r.hlc);
      const existing = this.rows.get(r.id);
      if (r.kind === 'used' && r.deleted) continue;
      if (existing?.kind === 'used' && !existing.deleted) {
        const smaller = r.kind === 'used' && !r.deleted && compareHlc(r.hlc, existing.hlc) < 0;
        if (!smaller) continue;
      } else if (existing && compareHlc(existing.hlc, r.hlc) >= 0 && !(r.kind === 'used' && !r.deleted)) {
        continue;
      }
      this.rows.set(r.id, { ...r, sealed: r.deleted ? null : r.sealed });
    }
  }
}

/** A fixed-looking but random 32-byte key for a test vault. */
export function testKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}
