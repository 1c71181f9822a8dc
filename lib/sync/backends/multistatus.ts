// Reading a WebDAV PROPFIND answer (RFC 4918 §9.1, §13 "Multi-Status Response"): for each
// <response>, its <href>, and from the <propstat> whose <status> is 200, <getetag> and whether
// <resourcetype> holds <collection/>. The background service worker has no DOMParser, so this is
// a small tolerant scanner: any namespace prefix (d:, D:, lp1:, none), attributes, whitespace.
// It reads only those four elements and never evaluates anything.

export interface DavEntry {
  /** The href as the server sent it (entities decoded, still percent-encoded). */
  href: string;
  etag: string | null;
  collection: boolean;
}

const P = '(?:[A-Za-z_][\\w.-]*:)?'; // an optional namespace prefix
const element = (name: string, flags = 'g') => new RegExp(`<${P}${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${P}${name}\\s*>`, flags);

function decodeEntities(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
    });
}

const first = (xml: string, name: string) => element(name, '').exec(xml)?.[1];

export function parseMultistatus(xml: string): DavEntry[] {
  const out: DavEntry[] = [];
  for (const [, body] of xml.matchAll(element('response'))) {
    const href = first(body!, 'href');
    if (href === undefined) continue;
    // Props from propstats with a 2xx status (a 404 propstat lists props the resource lacks).
    const ok = [...body!.matchAll(element('propstat'))]
      .map((m) => m[1]!)
      .filter((ps) => /\s2\d\d\b/.test(first(ps, 'status') ?? ' 200'));
    const props = ok.length ? ok.join('') : body!;
    const etag = first(props, 'getetag');
    const type = first(props, 'resourcetype') ?? '';
    out.push({
      href: decodeEntities(href.trim()),
      etag: etag === undefined ? null : decodeEntities(etag.trim()) || null,
      collection: new RegExp(`<${P}collection[\\s/>]`).test(type),
    });
  }
  return out;
}
