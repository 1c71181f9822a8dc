// The vault's IndexedDB database (through `idb`), schema version 1 (docs/vault-format.md, "Storage"):
//   meta     out-of-line keys: 'header' (VaultHeader), 'device' (this device's random id),
//            'clock' (the last hybrid-logical-clock stamp, so stamps stay monotonic across restarts),
//            'passkeys' (this device's own passkey wraps), 'passkey-used' (last use of each),
//            'passkey-notice' (how many wraps were dropped when the vault key was replaced),
//            'generation' (a random id each write transaction replaces: lib/popup/view.ts)
//   records  SealedRecord by `id`, with an index on `kind`
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DEFAULT_DB_NAME, type RecordKind, type SealedRecord, type VaultHeader } from './types';

export const DB_VERSION = 1;

export type MetaKey = 'header' | 'device' | 'clock' | 'candidates' | 'staged' | 'unproven' | 'sync' | 'passkeys' | 'passkey-used' | 'passkey-notice' | 'generation';

export interface VaultSchema extends DBSchema {
  meta: { key: MetaKey; value: VaultHeader | string | unknown };
  records: { key: string; value: SealedRecord; indexes: { kind: RecordKind } };
}

export type VaultDb = IDBPDatabase<VaultSchema>;

export function openVaultDb(name: string = DEFAULT_DB_NAME): Promise<VaultDb> {
  return openDB<VaultSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each schema version adds its stores here; `format` in the header versions the contents.
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        db.createObjectStore('records', { keyPath: 'id' }).createIndex('kind', 'kind');
      }
    },
    blocking(_current, _blocked, event) {
      // A newer version of the extension wants to upgrade the schema: let it, rather than
      // keep it waiting on this (older) connection.
      (event.target as IDBDatabase).close();
    },
  });
}
