// The records store's rows, read with the plain IndexedDB API (W3C Indexed Database API 3.0) for
// the popup's first screen (lib/popup/first-screen.ts), which must not wait for the `idb` wrapper
// or the background. Read only, and it never creates the database: a profile without a vault gets
// its database (and schema, lib/vault/db.ts) from the background alone.
import { DEFAULT_DB_NAME } from './types';

/** Every row of the records store in key order, or null (no vault yet, an upgrade pending, any error). */
export function readRecordRows(name: string = DEFAULT_DB_NAME): Promise<unknown[] | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(name); // no version: the database as it is
    } catch {
      return resolve(null);
    }
    // Only a database that does not exist yet gets here: abort, and it is not created (§5.7 "open a database
    // connection": an aborted upgrade of a new database deletes it).
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      // A newer schema wants this database: let it go at once (as lib/vault/db.ts does).
      db.onversionchange = () => db.close();
      try {
        if (!db.objectStoreNames.contains('records')) throw new Error('no records store');
        const all = db.transaction('records', 'readonly').objectStore('records').getAll();
        all.onsuccess = () => resolve(all.result as unknown[]);
        all.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
      db.close(); // takes effect once the read above is done
    };
  });
}
