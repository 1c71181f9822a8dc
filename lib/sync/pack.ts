// The pack: many opened records in one compact byte string, for storage.sync (docs/sync.md,
// "The pack"). Sealed records do not compress (ciphertext is random), so the browser backend
// opens the records, packs the plaintexts, compresses (RFC 1951 raw deflate, via fflate) and
// seals the whole pack once. Most of what is left after compression is the random part of each
// account (its id and its secret), so those are moved out of the text into raw bytes:
//
//   pack   = version (1 byte, 1) ‖ varint(length of D) ‖ D = deflate(UTF-8 JSON doc) ‖ blob
//   doc    = { d: [hlc device ids], g: [group…] }
//   group  = records of one kind that are all tombstones, or all live with the same data keys:
//            { k: kind, t?: 1 (tombstones), s?: [keys] | null (data is not a plain object),
//              n, i: 'b' (ids as 16 raw bytes each, in the blob) | [ids],
//              w: [wall deltas], c: [counters], v: [device indexes],     (records sorted by stamp)
//              f: [column per key] }
//   column = { e: 'j', v: [JSON values] }
//          | { e: 'b', l: [byte lengths] }    canonical Base32 strings (RFC 4648 §6) as raw bytes
//          | { e: 'r', v: [value − wall] }    epoch-ms integers, relative to the record's stamp
//   blob   = for each group in order: its ids (if 'b'), then each 'b' column's bytes.
// Decoding restores every record exactly (same id, kind, stamp, tombstone flag and JSON data).
import { deflateSync, inflateSync } from 'fflate';
import { decodeHlc, encodeHlc } from '../record/hlc';
import { concatBytes, fromBase64, toBase64Url, utf8Decode, utf8Encode } from '../crypto/encoding';
import { decodeBase32, encodeBase32 } from '../otp/base32';
import type { RecordKind } from '../vault/types';

export const PACK_VERSION = 1;

/** A record with its data opened (`data` undefined for a tombstone). */
export interface PlainRecord {
  id: string;
  kind: RecordKind;
  hlc: string;
  deleted: boolean;
  data?: unknown;
}

type Column = { e: 'j'; v: unknown[] } | { e: 'b'; l: number[] } | { e: 'r'; v: number[] };
interface Group {
  k: RecordKind;
  t?: 1;
  s?: string[] | null;
  n: number;
  i: 'b' | string[];
  w: number[];
  c: number[];
  v: number[];
  f?: Column[];
}
interface Doc {
  d: string[];
  g: Group[];
}

/** The bytes of a canonical unpadded Base32 string, or null (so that re-encoding gives it back). */
function base32Decode(s: string): Uint8Array | null {
  try {
    const bytes = decodeBase32(s);
    return encodeBase32(bytes) === s ? bytes : null;
  } catch {
    return null;
  }
}

/** A 22-character id that is exactly 16 bytes in base64url (what randomId() makes), or null. */
function idBytes(id: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  try {
    const b = fromBase64(`${id.replace(/-/g, '+').replace(/_/g, '/')}==`);
    return b.length === 16 && toBase64Url(b) === id ? b : null;
  } catch {
    return null; // non-zero trailing bits: not canonical
  }
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

// Epoch milliseconds from 2001-09-09 to 2286-11-20: integers in this range are probably times.
const isEpochMs = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1e12 && x < 1e13;

function writeVarint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return new Uint8Array(out);
}

function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let n = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 8; i++) {
    n += (bytes[i]! & 0x7f) * scale;
    if (bytes[i]! < 0x80) return [n, i + 1];
    scale *= 0x80;
  }
  throw new Error('pack: bad length');
}

/** Packs records into bytes (not yet sealed). Order is not kept; everything else is. */
export function encodePack(records: readonly PlainRecord[]): Uint8Array {
  const devices: string[] = [];
  const deviceIndex = new Map<string, number>();
  const buckets = new Map<string, { kind: RecordKind; dead: boolean; keys: string[] | null; rs: PlainRecord[] }>();
  for (const r of records) {
    const keys = r.deleted ? null : isPlainObject(r.data) ? Object.keys(r.data) : null;
    const name = JSON.stringify([r.kind, r.deleted, keys]);
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = { kind: r.kind, dead: r.deleted, keys, rs: [] }));
    b.rs.push(r);
  }
  const blob: Uint8Array[] = [];
  const groups: Group[] = [];
  for (const b of buckets.values()) {
    const rs = [...b.rs].sort((x, y) => (x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0));
    const stamps = rs.map((r) => decodeHlc(r.hlc));
    const w: number[] = [];
    stamps.forEach((s, j) => w.push(j === 0 ? s.wall : s.wall - stamps[j - 1]!.wall));
    const v = stamps.map((s) => {
      let i = deviceIndex.get(s.device);
      if (i === undefined) {
        deviceIndex.set(s.device, (i = devices.length));
        devices.push(s.device);
      }
      return i;
    });
    const ids = rs.map((r) => idBytes(r.id));
    const rawIds = ids.every((x) => x !== null);
    if (rawIds) blob.push(...(ids as Uint8Array[]));
    const g: Group = { k: b.kind, n: rs.length, i: rawIds ? 'b' : rs.map((r) => r.id), w, c: stamps.map((s) => s.counter), v };
    if (b.dead) g.t = 1;
    else {
      g.s = b.keys;
      const values = (key: string | null) => rs.map((r) => (key === null ? r.data : (r.data as Record<string, unknown>)[key]));
      g.f = (b.keys ?? [null]).map((key): Column => {
        const vs = values(key);
        const asBytes = vs.map((x) => (typeof x === 'string' && x.length >= 8 ? base32Decode(x) : null));
        if (asBytes.every((x) => x !== null)) {
          blob.push(...(asBytes as Uint8Array[]));
          return { e: 'b', l: (asBytes as Uint8Array[]).map((x) => x.length) };
        }
        if (vs.every(isEpochMs)) return { e: 'r', v: (vs as number[]).map((x, j) => x - stamps[j]!.wall) };
        return { e: 'j', v: vs };
      });
    }
    groups.push(g);
  }
  const doc: Doc = { d: devices, g: groups };
  const text = deflateSync(utf8Encode(JSON.stringify(doc)), { level: 9 });
  return concatBytes(new Uint8Array([PACK_VERSION]), writeVarint(text.length), text, ...blob);
}

/** Unpacks what encodePack made; throws on anything malformed. */
export function decodePack(bytes: Uint8Array): PlainRecord[] {
  if (bytes[0] !== PACK_VERSION) throw new Error('pack: unknown version');
  const [len, start] = readVarint(bytes, 1);
  if (start + len > bytes.length) throw new Error('pack: truncated');
  const doc = JSON.parse(utf8Decode(inflateSync(bytes.subarray(start, start + len)))) as Doc;
  let at = start + len;
  const take = (n: number): Uint8Array => {
    if (at + n > bytes.length) throw new Error('pack: truncated blob');
    const out = bytes.slice(at, at + n);
    at += n;
    return out;
  };
  if (!doc || !Array.isArray(doc.d) || !Array.isArray(doc.g)) throw new Error('pack: bad document');
  const out: PlainRecord[] = [];
  for (const g of doc.g) {
    const n = g.n;
    if (!Number.isSafeInteger(n) || n < 0 || g.w.length !== n || g.c.length !== n || g.v.length !== n) throw new Error('pack: bad group');
    const ids = g.i === 'b' ? Array.from({ length: n }, () => toBase64Url(take(16))) : g.i;
    if (ids.length !== n) throw new Error('pack: bad ids');
    let wall = 0;
    const stamps = g.w.map((dw, j) => {
      wall = j === 0 ? dw : wall + dw;
      const device = doc.d[g.v[j]!];
      if (typeof device !== 'string') throw new Error('pack: bad device');
      return { wall, counter: g.c[j]!, device };
    });
    const columns = (g.f ?? []).map((col) => {
      if (col.e === 'b') return col.l.map((l) => encodeBase32(take(l)));
      if (col.e === 'r') return col.v.map((d, j) => d + stamps[j]!.wall);
      return col.v;
    });
    for (let j = 0; j < n; j++) {
      const r: PlainRecord = { id: ids[j]!, kind: g.k, hlc: encodeHlc(stamps[j]!), deleted: g.t === 1 };
      if (g.t !== 1) {
        if (g.s === null || g.s === undefined) r.data = columns[0]![j];
        // fromEntries defines own properties, so even a key named __proto__ comes back as data.
        else r.data = Object.fromEntries(g.s.map((key, c) => [key, columns[c]![j]]));
      }
      out.push(r);
    }
  }
  if (at !== bytes.length) throw new Error('pack: trailing bytes');
  return out;
}
