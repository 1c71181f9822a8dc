// A few rows of the vault and its generation, read with the plain IndexedDB API (W3C Indexed
// Database API 3.0) for the popup's first screen (lib/popup/first-screen.ts), which must not wait
// for the `idb` wrapper or the background. Read only, and it never creates the database: a
// profile without a vault gets its database (and schema, lib/vault/db.ts) from the background.
import { DEFAULT_DB_NAME } from './types';

/** The vault's database, or null (no vault yet, an upgrade pending, any error). */
export function openVaultDbRaw(name: string = DEFAULT_DB_NAME): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(name); // no version: the database as it is
    } catch {
      return resolve(null);
    }
    // Only a database that does not exist yet gets here: abort, and it is not created (§5.7 "open
    // a database connection": an aborted upgrade of a new database deletes it).
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      // A newer schema wants this database: let it go at once (as lib/vault/db.ts does).
      db.onversionchange = () => db.close();
      resolve(db.objectStoreNames.contains('records') && db.objectStoreNames.contains('meta') ? db : (db.close(), null));
    };
  });
}

/** The generation and the rows of `ids` (undefined where absent), in ONE read transaction; closes `db`. */
export function readRowsWithGeneration(db: IDBDatabase, ids: readonly string[]): Promise<{ generation: unknown; rows: unknown[] } | null> {
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(['records', 'meta'], 'readonly');
      const rows: unknown[] = new Array(ids.length);
      let generation: unknown;
      const gen = tx.objectStore('meta').get('generation');
      gen.onsuccess = () => void (generation = gen.result);
      const store = tx.objectStore('records');
      ids.forEach((id, i) => {
        const get = store.get(id);
        get.onsuccess = () => void (rows[i] = get.result);
      });
      tx.oncomplete = () => resolve({ generation, rows });
      tx.onerror = () => resolve(null);
      tx.onabort = () => resolve(null);
    } catch {
      resolve(null);
    } finally {
      db.close(); // takes effect once the transaction above is done
    }
  });
}
