// Backend 2: any WebDAV server (Nextcloud, ownCloud, Apache mod_dav…) over fetch, RFC 4918:
// PROPFIND with Depth 1 to list (§9.1), GET, PUT (§9.7), MKCOL for folders (§9.3); HTTP Basic
// authentication (RFC 7617, user name and password in UTF-8). Layout (docs/sync.md):
//   <folder>/tessera/<vaultId>/<deviceId>.json   one file per device, written only by that device
// Conditional writes are not atomic on real servers (issue 6: Apache's If-Match let several
// writers win; rclone and webdav-server ignore it), so no file ever has two writers and none of
// them is needed. Each file holds the device's snapshot: the vault header it knows and the
// records it stores, as the vault sealed them (base64), so a new device can take the whole vault
// before it is unlocked. ETags (§8.6; Apache needs `FileETag Digest`) let a round skip
// downloading files that did not change.
import { fromBase64, toBase64, utf8Encode } from '../../crypto/encoding';
import { t } from '../../i18n/i18n';
import { TesseraError } from '../../messages/errors';
import { isSealedRecord } from '../../record/envelope';
import { isVaultHeader } from '../../record/header';
import type { SealedRecord } from '../../record/types';
import type { DeviceSnapshot, ManifestSealer, SyncBackend } from '../backend';
import { parseMultistatus } from './multistatus';
import { allowedWebDavUrl } from '../webdav-url';
import type { WebDavDate } from '../webdav-date-hook';

export const FILE_FORMAT = 'tessera-sync/2';
export const FILE_FORMAT_V1 = 'tessera-sync/1';
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>';

/** A folder listing holds a few entries: a bigger answer is not a WebDAV listing of ours. */
const MAX_LISTING_BYTES = 4 * 1024 * 1024;
/** One device's file: thousands of sealed records fit well below this. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const MAX_OTHER_BYTES = 64 * 1024;
/** Device files fetched at once, and in one round (a listing of thousands reads the first ones). */
export const PARALLEL_DOWNLOADS = 4;
export const MAX_FILES_PER_ROUND = 64;
/** Bytes downloaded in one round at most; files beyond it wait for the next round. */
export const MAX_ROUND_BYTES = 48 * 1024 * 1024;

/** Thrown by readCapped for an answer larger than allowed. */
class TooLarge extends Error {}

async function readCapped(res: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  // The timeout covers the body too: cancelling ends a pending read.
  signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (signal.aborted) throw new TesseraError('unreachable');
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

export interface WebDavOptions {
  /** The folder to use, as the user typed it (e.g. https://cloud.example/remote.php/dav/files/me/). */
  url: string;
  username: string;
  password: string;
  fetch?: typeof fetch;
  /** Per request (default 15 s): a server that does not answer in time is `unreachable`. */
  timeoutMs?: number;
  /** Each answer's Date header, for the clock estimator (issue 15, lib/sync/webdav-date-hook.ts). */
  onDate?: (o: WebDavDate) => void;
}

interface FileJson {
  format: string;
  vaultId: string;
  deviceId: string;
  writtenAt: number;
  header: unknown;
  /** Format 2: base64 of the sealed device manifest (lib/record/manifest.ts) and its key id. */
  manifest?: string;
  kid?: string;
  records: Array<{ id: string; kind: string; hlc: string; deleted: boolean; sealed: string | null; v?: 2; kid?: string }>;
}

export class WebDavBackend implements SyncBackend {
  readonly kind = 'webdav' as const;
  private readonly root: URL;
  private readonly auth: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly onDate: ((o: WebDavDate) => void) | undefined;
  private readonly cache = new Map<string, { etag: string; snapshot: DeviceSnapshot }>();

  constructor(options: WebDavOptions) {
    let url: URL;
    try {
      url = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    } catch {
      throw new TesseraError('bad-input', t('sync.webdav.bad-url'));
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TesseraError('bad-input', t('sync.webdav.bad-url'));
    if (url.username || url.password) throw new TesseraError('bad-input', t('sync.webdav.bad-url'));
    if (!allowedWebDavUrl(url)) throw new TesseraError('bad-input', t('sync.webdav.not-https'));
    this.root = url;
    this.auth = `Basic ${toBase64(utf8Encode(`${options.username}:${options.password}`))}`;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.onDate = options.onDate;
  }

  private folder(vaultId?: string): URL {
    return new URL(vaultId ? `tessera/${vaultId}/` : 'tessera/', this.root);
  }

  async vaults(): Promise<string[]> {
    const listing = await this.list(this.folder());
    if (listing === null) {
      // No tessera/ folder yet: fine if the folder the user gave exists.
      const res = await this.request('PROPFIND', this.root, { Depth: '0' }, PROPFIND_BODY);
      if (res.status === 404) throw new TesseraError('unreachable', t('sync.webdav.no-folder'));
      this.expect(res, [207]);
      return [];
    }
    return listing.filter((e) => e.collection && NAME.test(e.name)).map((e) => e.name);
  }

  async read(vaultId: string): Promise<DeviceSnapshot[]> {
    const listing = await this.list(this.folder(vaultId));
    if (listing === null) return [];
    const files = listing.filter((e) => !e.collection && e.name.endsWith('.json') && NAME.test(e.name.slice(0, -5)));
    // Files this device read before come first: a folder flooded with files cannot push out the
    // devices already known. The rest waits for later rounds and is reported as malformed.
    files.sort((a, b) => Number(this.cache.has(b.url.href)) - Number(this.cache.has(a.url.href)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const out: DeviceSnapshot[] = [];
    let budget = MAX_ROUND_BYTES;
    let next = 0;
    const take = files.slice(0, MAX_FILES_PER_ROUND);
    for (const f of files.slice(MAX_FILES_PER_ROUND)) out.push(malformed(vaultId, f.name.slice(0, -5)));
    // Bounded parallelism: at most PARALLEL_DOWNLOADS requests at once, MAX_ROUND_BYTES in all.
    const worker = async () => {
      while (next < take.length) {
        const f = take[next++]!;
        const deviceId = f.name.slice(0, -5);
        if (budget <= 0) {
          out.push(malformed(vaultId, deviceId));
          continue;
        }
        const { snapshot, bytes } = await this.readFile(vaultId, deviceId, f.url, f.etag, Math.min(MAX_FILE_BYTES, budget));
        budget -= bytes;
        out.push(snapshot);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
    return out;
  }

  private async readFile(vaultId: string, deviceId: string, url: URL, etag: string | null, maxBytes: number): Promise<{ snapshot: DeviceSnapshot; bytes: number }> {
    const cached = this.cache.get(url.href);
    if (etag && cached?.etag === etag) return { snapshot: cached.snapshot, bytes: 0 };
    let res: { status: number; text: string };
    try {
      res = await this.request('GET', url, {}, undefined, maxBytes);
    } catch (e) {
      // Too large for a device file of ours: reported, and the rest of the round goes on.
      if (e instanceof TooLarge) return { snapshot: malformed(vaultId, deviceId), bytes: maxBytes };
      throw e;
    }
    if (res.status === 404) return { snapshot: { vaultId, deviceId, writtenAt: 0, header: null, records: null }, bytes: 0 }; // removed meanwhile
    this.expect(res, [200]);
    const snapshot = parseFile(res.text, vaultId, deviceId);
    // Keyed by the listing's ETag, which is what the next listing is compared with.
    if (etag && snapshot.records && !snapshot.problem) this.cache.set(url.href, { etag, snapshot });
    return { snapshot, bytes: res.text.length };
  }

  async write(snapshot: DeviceSnapshot, sealManifest?: ManifestSealer): Promise<void> {
    if (!NAME.test(snapshot.vaultId) || !NAME.test(snapshot.deviceId)) throw new TesseraError('bad-input');
    const url = new URL(`${snapshot.deviceId}.json`, this.folder(snapshot.vaultId));
    const body = JSON.stringify(toFile(snapshot, sealManifest ? sealManifest(snapshot.records ?? []) : null));
    let res = await this.request('PUT', url, { 'Content-Type': 'application/json' }, body);
    if (res.status === 404 || res.status === 409) {
      // A missing parent folder (RFC 4918 §9.7.1: 409 Conflict; some servers say 404): create it.
      await this.mkcol(this.folder());
      await this.mkcol(this.folder(snapshot.vaultId));
      res = await this.request('PUT', url, { 'Content-Type': 'application/json' }, body);
    }
    this.expect(res, [200, 201, 204]);
  }

  private async mkcol(url: URL): Promise<void> {
    const res = await this.request('MKCOL', url, {});
    // 405: it exists already (§9.3.1). 409: the user's folder itself is missing.
    if (res.status === 409) throw new TesseraError('unreachable', t('sync.webdav.no-folder'));
    this.expect(res, [201, 405]);
  }

  /** The entries of a folder (itself excluded), or null when it does not exist. */
  private async list(url: URL): Promise<Array<{ name: string; url: URL; etag: string | null; collection: boolean }> | null> {
    let res: { status: number; text: string };
    try {
      res = await this.request('PROPFIND', url, { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY, MAX_LISTING_BYTES);
    } catch (e) {
      if (e instanceof TooLarge) throw new TesseraError('unreachable', t('sync.webdav.listing-too-large'));
      throw e;
    }
    if (res.status === 404) return null;
    this.expect(res, [207]);
    const out = [];
    const folder = url.pathname.replace(/\/+$/, '');
    for (const e of parseMultistatus(res.text)) {
      let entry: URL;
      try {
        entry = new URL(e.href, url);
      } catch {
        continue;
      }
      // Only entries inside this folder on this server: the credentials never go anywhere else.
      if (entry.origin !== url.origin || !entry.pathname.startsWith(`${folder}/`)) continue;
      if (entry.pathname.replace(/\/+$/, '') === folder) continue;
      const segments = entry.pathname.replace(/\/+$/, '').split('/');
      let name: string;
      try {
        name = decodeURIComponent(segments[segments.length - 1] ?? '');
      } catch {
        continue;
      }
      out.push({ name, url: entry, etag: e.etag, collection: e.collection || e.href.endsWith('/') });
    }
    return out;
  }

  /**
   * One request, its body read under the same timeout (a server that sends headers and then
   * trickles the body must not stall sync) and up to `maxBytes` (else `unreachable`).
   */
  private async request(method: string, url: URL, headers: Record<string, string>, body?: string, maxBytes = MAX_OTHER_BYTES): Promise<{ status: number; text: string }> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    try {
      const res = await this.fetch(url.href, {
        method,
        headers: { Authorization: this.auth, 'Cache-Control': 'no-cache', ...headers },
        body,
        credentials: 'omit',
        redirect: 'follow',
        signal: abort.signal,
      });
      this.onDate?.({ server: url.host, date: res.headers?.get?.('date') ?? null, age: res.headers?.get?.('age') ?? null, receivedAt: Date.now() });
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel().catch(() => {});
        throw new TesseraError('unauthorized');
      }
      if (res.status >= 500) {
        await res.body?.cancel().catch(() => {});
        throw new TesseraError('unreachable', t('sync.webdav.server-error', res.status));
      }
      return { status: res.status, text: await readCapped(res, maxBytes, abort.signal) };
    } catch (e) {
      if (e instanceof TesseraError || e instanceof TooLarge) throw e;
      // Network failure, refused connection, TLS error, timeout (abort): never the secret in it.
      throw new TesseraError('unreachable');
    } finally {
      clearTimeout(timer);
    }
  }

  private expect(res: { status: number }, statuses: number[]): void {
    if (!statuses.includes(res.status)) throw new TesseraError('unreachable', t('sync.webdav.unexpected', res.status));
  }
}

const malformed = (vaultId: string, deviceId: string): DeviceSnapshot => ({ vaultId, deviceId, writtenAt: 0, header: null, records: null, problem: 'malformed' });

function toFile(s: DeviceSnapshot, manifest: { sealed: Uint8Array; kid: string } | null): FileJson {
  return {
    format: manifest ? FILE_FORMAT : FILE_FORMAT_V1,
    vaultId: s.vaultId,
    deviceId: s.deviceId,
    writtenAt: s.writtenAt,
    header: s.header,
    ...(manifest ? { manifest: toBase64(manifest.sealed), kid: manifest.kid } : {}),
    records: (s.records ?? []).map((r) => ({
      id: r.id, kind: r.kind, hlc: r.hlc, deleted: r.deleted, sealed: r.sealed ? toBase64(r.sealed) : null,
      ...(r.v === 2 ? { v: 2 as const, kid: r.kid } : {}),
    })),
  };
}

/**
 * A device file, checked for shape only (authenticity is the engine's: lib/sync/engine.ts). Text
 * that is not JSON, truncated, of another format or of the wrong shape is `malformed`: reported,
 * never fatal, nothing of it used. Format 1 files (devices not upgraded yet) are read as such.
 */
export function parseFile(text: string, vaultId: string, deviceId: string): DeviceSnapshot {
  const bad = malformed(vaultId, deviceId);
  let f: Partial<FileJson>;
  try {
    f = JSON.parse(text) as Partial<FileJson>;
  } catch {
    return bad;
  }
  if (!f || typeof f !== 'object' || (f.format !== FILE_FORMAT && f.format !== FILE_FORMAT_V1) || f.vaultId !== vaultId || f.deviceId !== deviceId) return bad;
  const v2 = f.format === FILE_FORMAT;
  const header = isVaultHeader(f.header) && f.header.vaultId === vaultId ? f.header : null;
  const writtenAt = typeof f.writtenAt === 'number' ? f.writtenAt : 0;
  if (!Array.isArray(f.records)) return bad;
  let manifest: Uint8Array | null = null;
  if (v2) {
    if (typeof f.manifest !== 'string' || typeof f.kid !== 'string') return bad;
    try {
      manifest = fromBase64(f.manifest);
    } catch {
      return bad;
    }
  }
  const records: SealedRecord[] = [];
  try {
    for (const x of f.records) {
      if (!x || typeof x !== 'object') throw new Error('bad record');
      const r: SealedRecord = { id: x.id, kind: x.kind as SealedRecord['kind'], hlc: x.hlc, deleted: x.deleted, sealed: typeof x.sealed === 'string' ? fromBase64(x.sealed) : null };
      if (x.v !== undefined) {
        r.v = x.v;
        r.kid = x.kid;
      }
      if (!isSealedRecord(r) || r.kind === 'local') throw new Error('bad record');
      records.push(r);
    }
  } catch {
    return bad;
  }
  return { vaultId, deviceId, writtenAt, header, records, format: v2 ? 2 : 1, ...(v2 ? { manifest, manifestKid: f.kid } : {}) };
}
