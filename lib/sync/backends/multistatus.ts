// Reading a WebDAV PROPFIND answer (RFC 4918 §9.1, §13 "Multi-Status Response"): for each
// <response>, its <href>, and from the <propstat>s whose <status> is 2xx, <getetag> and whether
// <resourcetype> holds <collection/>. The background service worker has no DOMParser, so this is
// a small tolerant scanner: any namespace prefix (d:, D:, lp1:, none), attributes, whitespace,
// comments, CDATA. It runs in ONE left-to-right pass over the text (every search starts where the
// last ended), so its time is linear in the answer's size whatever a server sends (issue 10: a
// listing is attacker-controlled input; a backtracking pattern could stall the worker). It reads
// only those elements and never evaluates anything.

export interface DavEntry {
  /** The href as the server sent it (entities decoded, still percent-encoded). */
  href: string;
  etag: string | null;
  collection: boolean;
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

interface PropStat {
  status: string | null;
  etag: string | null;
  collection: boolean;
}

interface Partial {
  href: string | null;
  stats: PropStat[];
  /** Props found outside any propstat (tolerated). */
  loose: PropStat;
}

const TEXT_ELEMENTS = new Set(['href', 'getetag', 'status']);

export function parseMultistatus(xml: string): DavEntry[] {
  const out: DavEntry[] = [];
  let response: Partial | null = null;
  let stat: PropStat | null = null;
  let inType = false;
  /** The element whose text is being collected, and the text so far. */
  let capture: { name: string; text: string } | null = null;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (capture && textEnd > i) capture.text += xml.slice(i, textEnd);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (capture) capture.text += xml.slice(lt + 9, end < 0 ? n : end);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) break;
    i = gt + 1;
    let p = lt + 1;
    const first = xml.charCodeAt(p);
    if (first === 63 || first === 33) continue; // <?declaration?>, <!DOCTYPE>
    const closing = first === 47; // '/'
    if (closing) p++;
    const selfClosing = !closing && xml.charCodeAt(gt - 1) === 47;
    // The name runs to whitespace, '/' or '>'; its namespace prefix (up to the last ':') is dropped.
    let colon = p - 1;
    let end = p;
    for (; end < gt; end++) {
      const c = xml.charCodeAt(end);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
      if (c === 58) colon = end;
    }
    if (end - colon - 1 > 16) continue; // longer than any element we read
    const name = xml.slice(colon + 1, end).toLowerCase();

    if (closing) {
      if (capture && capture.name === name) {
        const text = decodeEntities(capture.text.trim());
        const target = stat ?? response?.loose;
        if (name === 'href' && response && response.href === null) response.href = text;
        else if (name === 'getetag' && target) target.etag = text || null;
        else if (name === 'status' && stat) stat.status = text;
        capture = null;
      } else if (name === 'resourcetype') inType = false;
      else if (name === 'propstat' && response && stat) {
        response.stats.push(stat);
        stat = null;
      } else if (name === 'response' && response) {
        if (response.href !== null) out.push(finish(response));
        response = null;
        stat = null;
      }
      continue;
    }
    if (name === 'response') {
      response = { href: null, stats: [], loose: { status: null, etag: null, collection: false } };
      stat = null;
      capture = null;
      if (selfClosing) response = null;
    } else if (!response) {
      continue;
    } else if (name === 'propstat' && !selfClosing) {
      stat = { status: null, etag: null, collection: false };
    } else if (name === 'resourcetype') {
      inType = !selfClosing;
    } else if (name === 'collection' && inType) {
      (stat ?? response.loose).collection = true;
    } else if (TEXT_ELEMENTS.has(name) && !selfClosing && !capture) {
      capture = { name, text: '' };
    }
  }
  return out;
}

function finish(r: Partial): DavEntry {
  // Props from propstats with a 2xx status (a 404 propstat lists props the resource lacks).
  const ok = r.stats.filter((s) => s.status === null || /\s2\d\d\b/.test(` ${s.status}`));
  const pool = ok.length ? ok : [...r.stats, r.loose];
  if (ok.length === 0 && r.stats.length === 0) pool.splice(0, pool.length, r.loose);
  const etag = pool.find((s) => s.etag !== null)?.etag ?? (ok.length ? r.loose.etag : null);
  return { href: r.href!, etag, collection: pool.some((s) => s.collection) || (ok.length > 0 && r.loose.collection) };
}
