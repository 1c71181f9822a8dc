import { describe, expect, it } from 'vitest';
import { parseMultistatus } from '../../../lib/sync/backends/multistatus';
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
