import { describe, expect, it } from 'vitest';
import { parseMultistatus } from '../../../lib/sync/backends/multistatus';
import { MAX_FILES_PER_ROUND, PARALLEL_DOWNLOADS } from '../../../lib/sync/backends/webdav';
import { allowedWebDavUrl } from '../../../lib/sync/webdav-url';
import { WebDavBackend, parseFile } from '../../../lib/sync/backends/webdav';
import { TesseraError } from '../../../lib/messages/errors';

// What Apache mod_dav_fs 2.4 answers (recorded from the test server), trimmed.
const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
<D:response xmlns:lp2="http://apache.org/dav/props/" xmlns:lp1="DAV:">
<D:href>/tessera/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype><lp1:getetag>W/""</lp1:getetag></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response xmlns:lp2="http://apache.org/dav/props/" xmlns:lp1="DAV:">
<D:href>/tessera/vault-AAAAAAAAAAAAAAAA/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response xmlns:lp2="http://apache.org/dav/props/" xmlns:lp1="DAV:">
<D:href>/tessera/x.json</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getetag>"n4nHQM60bXQYySSnisV5QdXpZSA="</lp1:getetag></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</D:multistatus>`;

// Nextcloud / sabre/dav style: d: prefix, absolute hrefs with escapes, a 404 propstat.
const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
 <d:response>
  <d:href>/remote.php/dav/files/me/tessera/v1/dev%2Dx.json</d:href>
  <d:propstat><d:prop><d:getetag>&quot;5f1c&amp;2&quot;</d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
  <d:propstat><d:prop><oc:size/><d:getetag>"wrong"</d:getetag></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
 </d:response>
</d:multistatus>`;

describe('parseMultistatus', () => {
  it('reads hostile shapes in one pass: unclosed elements, comments, CDATA, unknown nesting', () => {
    const xml = `<!-- <d:response><d:href>/hidden</d:href></d:response> --><d:multistatus xmlns:d="DAV:">
      <d:response><d:href><![CDATA[/a&b.json]]></d:href><x:deep><x:deeper><d:href>/not-this</d:href></x:deeper></x:deep></d:response>
      <d:response><d:href>/b.json</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
      <d:response><d:href>/unclosed`;
    expect(parseMultistatus(xml)).toEqual([
      { href: '/a&b.json', etag: null, collection: false },
      { href: '/b.json', etag: null, collection: true },
    ]);
    expect(parseMultistatus('<d:response>'.repeat(50_000))).toEqual([]);
    expect(parseMultistatus('<'.repeat(100_000))).toEqual([]);
  });

  it('reads hrefs, ETags and collections from Apache', () => {
    expect(parseMultistatus(APACHE)).toEqual([
      { href: '/tessera/', etag: 'W/""', collection: true },
      { href: '/tessera/vault-AAAAAAAAAAAAAAAA/', etag: null, collection: true },
      { href: '/tessera/x.json', etag: '"n4nHQM60bXQYySSnisV5QdXpZSA="', collection: false },
    ]);
  });

  it('reads Nextcloud-style answers, with entities, and ignores 404 propstats', () => {
    expect(parseMultistatus(NEXTCLOUD)).toEqual([
      { href: '/remote.php/dav/files/me/tessera/v1/dev%2Dx.json', etag: '"5f1c&2"', collection: false },
    ]);
  });
});

type Handler = (method: string, url: string, init: RequestInit) => Response | Promise<Response>;
const backend = (handler: Handler, extra: Partial<ConstructorParameters<typeof WebDavBackend>[0]> = {}) => {
  const calls: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ method: init.method!, url, headers: init.headers as Record<string, string> });
    return handler(init.method!, url, init);
  }) as unknown as typeof globalThis.fetch;
  return { dav: new WebDavBackend({ url: 'https://dav.example/files/me', username: 'ユーザー', password: 'p@ss:wörd', fetch, ...extra }), calls };
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(TesseraError);
    expect((e as Error).message).not.toContain('p@ss');
    return (e as TesseraError).code;
  }
}

describe('WebDavBackend', () => {
  it('sends Basic credentials in UTF-8 and lists vault folders', async () => {
    const { dav, calls } = backend(() => new Response(APACHE, { status: 207 }), { url: 'https://dav.example' });
    expect(await dav.vaults()).toEqual(['vault-AAAAAAAAAAAAAAAA']);
    expect(calls[0]).toMatchObject({ method: 'PROPFIND', url: 'https://dav.example/tessera/' });
    expect(calls[0]!.headers.Depth).toBe('1');
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(calls[0]!.headers.Authorization!.slice(6)), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('ユーザー:p@ss:wörd');
  });

  it('maps 401 and 403 to unauthorized; 5xx, network errors and timeouts to unreachable', async () => {
    expect(await codeOf(backend(() => new Response('', { status: 401 })).dav.vaults())).toBe('unauthorized');
    expect(await codeOf(backend(() => new Response('', { status: 403 })).dav.read('vault-AAAAAAAAAAAAAAAA'))).toBe('unauthorized');
    expect(await codeOf(backend(() => new Response('', { status: 502 })).dav.vaults())).toBe('unreachable');
    expect(await codeOf(backend(() => Promise.reject(new TypeError('fetch failed'))).dav.vaults())).toBe('unreachable');
    const hang: Handler = (_m, _u, init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await codeOf(backend(hang, { timeoutMs: 20 }).dav.vaults())).toBe('unreachable');
    // Not a WebDAV server (a plain web page answers PROPFIND with 405 or 200).
    expect(await codeOf(backend(() => new Response('<html>', { status: 200 })).dav.vaults())).toBe('unreachable');
  });

  it('says when the folder itself does not exist', async () => {
    const { dav } = backend(() => new Response('', { status: 404 }));
    await expect(dav.vaults()).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/not found/) });
  });

  it('creates the folders when a first PUT finds no parent, then writes', async () => {
    let folders = false;
    const { dav, calls } = backend((method) => {
      if (method === 'PUT') return new Response('', { status: folders ? 201 : 409 });
      if (method === 'MKCOL') {
        folders = true;
        return new Response('', { status: 201 });
      }
      return new Response('', { status: 500 });
    });
    await dav.write({ vaultId: 'vault-AAAAAAAAAAAAAAAA', deviceId: 'devA', writtenAt: 1, header: null, records: [] });
    expect(calls.map((c) => `${c.method} ${c.url.replace('https://dav.example/files/me/', '')}`)).toEqual([
      'PUT tessera/vault-AAAAAAAAAAAAAAAA/devA.json',
      'MKCOL tessera/',
      'MKCOL tessera/vault-AAAAAAAAAAAAAAAA/',
      'PUT tessera/vault-AAAAAAAAAAAAAAAA/devA.json',
    ]);
  });

  it('refuses URLs that are not http(s) or carry credentials', () => {
    for (const url of ['ftp://x/', 'not a url', 'https://u:p@dav.example/']) {
      expect(() => new WebDavBackend({ url, username: 'u', password: 'p' })).toThrow(TesseraError);
    }
  });

  it('takes plain http only to this machine (issue 10): credentials never cross a network in clear', () => {
    for (const url of ['http://dav.example/', 'http://192.168.1.10/dav/', 'http://localhost.evil.example/', 'http://127.0.0.1.nip.io/', 'http://[::2]/']) {
      expect(allowedWebDavUrl(new URL(url)), url).toBe(false);
      let err: unknown;
      try {
        new WebDavBackend({ url, username: 'u', password: 'p' });
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'bad-input', message: expect.stringContaining('https://') });
    }
    for (const url of ['https://dav.example/', 'http://localhost:8080/dav/', 'http://127.0.0.1:4210/', 'http://127.1.2.3/', 'http://[::1]:80/', 'http://dav.localhost/']) {
      expect(allowedWebDavUrl(new URL(url)), url).toBe(true);
      expect(() => new WebDavBackend({ url, username: 'u', password: 'p' })).not.toThrow();
    }
  });

  it('downloads at most a bounded number of files, a few at a time; a huge or broken file is malformed, never fatal', async () => {
    const folder = '/files/me/tessera/vault-AAAAAAAAAAAAAAAA/';
    const names = Array.from({ length: 100 }, (_, i) => `dev${String(i).padStart(3, '0')}`);
    const listing = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>${folder}</d:href></d:response>${names
      .map((n) => `<d:response><d:href>${folder}${n}.json</d:href><d:propstat><d:prop><d:getetag>"${n}"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`)
      .join('')}</d:multistatus>`;
    let inFlight = 0;
    let most = 0;
    const { dav, calls } = backend(async (method, url) => {
      if (method === 'PROPFIND') return new Response(listing, { status: 207 });
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      const dev = /(dev\d+)\.json/.exec(url)![1]!;
      if (dev === 'dev001') return new Response('x'.repeat(33 * 1024 * 1024), { status: 200 }); // over 32 MB
      if (dev === 'dev002') return new Response('{"format":"tessera-sync/2","vaultId":"vault-AAAA', { status: 200 }); // cut short
      if (dev === 'dev003') return new Response('<html>502 Bad Gateway</html>', { status: 200 });
      return new Response(JSON.stringify({ format: 'tessera-sync/1', vaultId: 'vault-AAAAAAAAAAAAAAAA', deviceId: dev, writtenAt: 1, header: null, records: [] }), { status: 200 });
    });
    const snaps = await dav.read('vault-AAAAAAAAAAAAAAAA');
    expect(snaps).toHaveLength(100);
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(MAX_FILES_PER_ROUND);
    expect(most).toBeLessThanOrEqual(PARALLEL_DOWNLOADS);
    const malformed = snaps.filter((x) => x.problem === 'malformed').map((x) => x.deviceId);
    expect(malformed).toEqual(expect.arrayContaining(['dev001', 'dev002', 'dev003', 'dev099']));
    expect(malformed).toHaveLength(3 + 100 - MAX_FILES_PER_ROUND);
    expect(snaps.find((x) => x.deviceId === 'dev004')).toMatchObject({ format: 1, records: [] });
  });

  it('reads a device file only when its ETag changed', async () => {
    const file = JSON.stringify({ format: 'tessera-sync/1', vaultId: 'vault-AAAAAAAAAAAAAAAA', deviceId: 'devA', writtenAt: 5, header: null, records: [] });
    const listing = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>/files/me/tessera/vault-AAAAAAAAAAAAAAAA/</d:href></d:response>
      <d:response><d:href>/files/me/tessera/vault-AAAAAAAAAAAAAAAA/devA.json</d:href><d:propstat><d:prop><d:getetag>"e1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;
    const { dav, calls } = backend((method) => (method === 'PROPFIND' ? new Response(listing, { status: 207 }) : new Response(file, { status: 200 })));
    const first = await dav.read('vault-AAAAAAAAAAAAAAAA');
    expect(first).toEqual([{ vaultId: 'vault-AAAAAAAAAAAAAAAA', deviceId: 'devA', writtenAt: 5, header: null, records: [], format: 1 }]);
    await dav.read('vault-AAAAAAAAAAAAAAAA');
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(1);
  });
});

describe('parseFile', () => {
  const base = { format: 'tessera-sync/1', vaultId: 'vault-AAAAAAAAAAAAAAAA', deviceId: 'devA', writtenAt: 1, header: null };
  it('turns anything malformed into an unreadable snapshot, never an exception', () => {
    expect(parseFile('{"trunc', 'vault-AAAAAAAAAAAAAAAA', 'devA').records).toBeNull();
    expect(parseFile(JSON.stringify({ ...base, deviceId: 'devB', records: [] }), 'vault-AAAAAAAAAAAAAAAA', 'devA').records).toBeNull();
    const bad = { ...base, records: [{ id: 'x', kind: 'local', hlc: '0000000000001-0000-devA', deleted: false, sealed: 'AAAA' }] };
    expect(parseFile(JSON.stringify(bad), 'vault-AAAAAAAAAAAAAAAA', 'devA').records).toBeNull();
    const good = { ...base, records: [{ id: 'x', kind: 'account', hlc: '0000000000001-0000-devA', deleted: false, sealed: 'AAAA' }] };
    expect(parseFile(JSON.stringify(good), 'vault-AAAAAAAAAAAAAAAA', 'devA').records).toHaveLength(1);
  });
});

describe('a hostile or slow server', () => {
  const listing = (hrefs: string[]) =>
    `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${hrefs.map((h) => `<d:response><d:href>${h}</d:href><d:propstat><d:prop><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`).join('')}</d:multistatus>`;

  it('never sends the credentials outside the sync folder on the same server', async () => {
    const { dav, calls } = backend((method, url) => {
      if (method === 'PROPFIND') {
        return new Response(listing(['/files/me/tessera/v1/', 'https://evil.example/files/me/tessera/v1/dev1.json', '/elsewhere/dev2.json', '/files/me/tessera/v1/dev3.json']), { status: 207 });
      }
      return new Response('{}', { status: url.includes('dev3') ? 200 : 500 });
    });
    await dav.read('v1');
    const gets = calls.filter((c) => c.method === 'GET').map((c) => c.url);
    expect(gets).toEqual(['https://dav.example/files/me/tessera/v1/dev3.json']);
  });

  it('gives up on a body that never ends, and on an oversized answer', async () => {
    const trickle = () => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('<?xml')); } }), { status: 207 });
    const slow = backend(() => trickle(), { timeoutMs: 200 });
    expect(await codeOf(slow.dav.vaults())).toBe('unreachable');
    const huge = backend(() => new Response('x'.repeat(5 * 1024 * 1024), { status: 207 }));
    expect(await codeOf(huge.dav.vaults())).toBe('unreachable');
  });
});
