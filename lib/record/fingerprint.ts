// A fingerprint of the records store (issue 14): one string naming every stored version — id,
// stamp, deleted flag, format and key id of each row, in the store's key order (IndexedDB
// returns getAll in ascending key order, W3C Indexed Database API 3.0 §2.10) — so that two readers
// can tell whether they saw the same records without opening any. Any write the vault makes
// (a new version, a tombstone, a sync, a key replacement re-sealing the rows) changes a row's
// stamp or key id and so changes the fingerprint. It is exact (no hash), and says nothing the
// rows themselves do not: it lives only where the unlocked key does (storage.session).

interface RowLike {
  id?: unknown;
  hlc?: unknown;
  deleted?: unknown;
  v?: unknown;
  kid?: unknown;
}

/** The fingerprint of `rows` (raw rows as read from the records store, in key order). */
export function recordsFingerprint(rows: Iterable<unknown>): string {
  const parts: string[] = [];
  for (const row of rows) {
    const r = (row ?? {}) as RowLike;
    // JSON escapes every control character, so the newline between rows is unambiguous.
    parts.push(JSON.stringify([String(r.id), String(r.hlc), r.deleted === true, r.v ?? 1, r.kid ?? null]));
  }
  return parts.join('\n');
}
