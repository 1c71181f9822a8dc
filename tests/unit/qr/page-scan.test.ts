// lib/qr/frame-scan.ts and lib/qr/page-scan.ts: what one frame hands back, how the background
// checks it (any frame may belong to a hostile site), and decoding every frame's images and
// fetched URLs into the distinct texts found.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QrCandidate } from '../../../lib/qr/candidates';
import { MAX_PER_FRAME, readFrameScan, toFrameScan } from '../../../lib/qr/frame-scan';
import { captureSource, decodeFrameScans, fetchImage } from '../../../lib/qr/page-scan';
import { decodeBlob } from '../../../lib/qr/decode-picture';
import { afterEach, vi } from 'vitest';
import * as S from '../../fixtures/qr/synth';
import { loadZxingFromNodeModules, pngBlobToImageData, pngDataUrl } from './helpers';

const rect = { x: 0, y: 0, width: 100, height: 100 };

describe('toFrameScan', () => {
  it('splits candidates into images (with where they came from) and URLs, each once, and notes a tainted canvas', () => {
    const c: QrCandidate[] = [
      { source: 'img', rect, image: 'data:image/png;base64,AAAA', from: 'https://cdn.example/a.png' },
      { source: 'css', rect, image: 'data:image/png;base64,AAAA' },
      { source: 'canvas', rect, image: 'data:image/png;base64,BBBB' },
      { source: 'img', rect, url: 'https://cdn.example/qr.png' },
      { source: 'css', rect, url: 'https://cdn.example/qr.png' },
      { source: 'svg', rect },
      { source: 'canvas', rect, tainted: true },
    ];
    expect(toFrameScan(c, 'https://page.example/2fa', true)).toEqual({
      url: 'https://page.example/2fa',
      top: true,
      images: [{ data: 'data:image/png;base64,AAAA', from: 'https://cdn.example/a.png' }, { data: 'data:image/png;base64,BBBB', from: 'https://page.example/2fa' }],
      fetchUrls: ['https://cdn.example/qr.png'],
      tainted: true,
    });
  });
});

describe('readFrameScan', () => {
  it('keeps only image data URLs and http(s) URLs', () => {
    const scan = readFrameScan({
      url: 'https://page.example/',
      top: true,
      images: ['data:image/png;base64,AAAA', { data: 'data:image/png;base64,CCCC', from: 'https://cdn.example/c.png' }, { data: 'data:image/png;base64,DDDD', from: 'javascript:x' }, 'data:text/html,<b>', 'javascript:alert(1)', 42, null],
      fetchUrls: ['https://a.example/q.png', 'http://b.example/q', 'file:///etc/passwd', 'chrome://settings', { toString: () => 'x' }],
    });
    expect(scan).toEqual({
      url: 'https://page.example/',
      top: true,
      images: [
        { data: 'data:image/png;base64,AAAA', from: 'https://page.example/' },
        { data: 'data:image/png;base64,CCCC', from: 'https://cdn.example/c.png' },
        { data: 'data:image/png;base64,DDDD', from: 'https://page.example/' },
      ],
      fetchUrls: ['https://a.example/q.png', 'http://b.example/q'],
      tainted: false,
    });
  });

  it('gives nothing for a frame that failed or returned junk', () => {
    for (const junk of [null, undefined, 'x', 3, [], { images: 'data:image/png,', fetchUrls: {} }]) {
      expect(readFrameScan(junk)).toEqual({ url: '', top: false, images: [], fetchUrls: [], tainted: false });
    }
  });

  it('takes at most MAX_PER_FRAME items of each kind', () => {
    const many = Array.from({ length: 100 }, (_, i) => `https://a.example/${i}.png`);
    expect(readFrameScan({ images: [], fetchUrls: many }).fetchUrls).toHaveLength(MAX_PER_FRAME);
  });
});

describe('decodeFrameScans', () => {
  beforeAll(loadZxingFromNodeModules);

  const totpPng = S.encodePng(S.codeImage(S.TOTP_URI, 4));
  const url2 = 'https://example.com/welcome';
  const urlPng = S.encodePng(S.codeImage(url2, 3, { invert: true }));

  it('decodes images from every frame and fetched URLs, giving each text once with every source', async () => {
    const fetched: string[] = [];
    const found = await decodeFrameScans(
      [
        { url: 'https://page.example/', top: true, images: [{ data: pngDataUrl(totpPng), from: 'https://page.example/' }], fetchUrls: ['https://cdn.example/qr.png'] },
        null, // a frame where injection failed
        { url: 'https://ads.example/f', images: [pngDataUrl(totpPng), 'data:image/png;base64,bm90IGEgcG5n'], fetchUrls: ['https://cdn.example/broken.png'] },
      ],
      {
        decode: (b) => decodeBlob(b, { toImageData: pngBlobToImageData }),
        fetchImage: async (u) => {
          fetched.push(u);
          if (u.endsWith('broken.png')) throw new Error('HTTP 404');
          return { blob: new Blob([urlPng], { type: 'image/png' }), url: 'https://elsewhere.example/final.png' };
        },
      },
    );
    expect(found).toEqual([
      { text: S.TOTP_URI, sources: ['https://page.example/', 'https://ads.example/f'] },
      // Redirected: the pixels are the final resource's.
      { text: url2, sources: ['https://elsewhere.example/final.png'] },
    ]);
    expect(fetched).toEqual(['https://cdn.example/qr.png', 'https://cdn.example/broken.png']);
  });

  it('answers [] when no frame had anything', async () => {
    expect(await decodeFrameScans([{ images: [], fetchUrls: [] }, undefined], { decode: () => Promise.reject(new Error('nothing to decode')) })).toEqual([]);
  });
});

describe('fetchImage (issue 11 point 1)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks as an anonymous visitor: no credentials, no referrer, no cache; reports the final URL', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return Object.assign(new Response(new Blob([new Uint8Array([1, 2, 3])]), { status: 200 }), { url: 'https://victim.example/final.png' });
    });
    const got = await fetchImage('https://victim.example/settings/2fa/qr.png');
    expect(calls).toHaveLength(1);
    expect(calls[0]![1]).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    expect(got.url).toBe('https://victim.example/final.png');
    expect(got.blob.size).toBe(3);
  });

  it('refuses what the server refuses (a cookie-gated image answers 403 to an anonymous visitor)', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 403 }));
    await expect(fetchImage('https://victim.example/qr.png')).rejects.toThrow('HTTP 403');
  });
});

describe('captureSource: whom a capture of the tab can be credited to', () => {
  const top = { url: 'https://shop.example.com/2fa', top: true, images: [], fetchUrls: [], tainted: false };

  it('the top frame’s URL when everything seen is of its site', () => {
    expect(captureSource([top, { ...top, url: 'https://auth.example.com/frame', top: false, images: [{ data: 'data:image/png;base64,AA', from: 'https://cdn.example.com/x.png' }] }])).toBe(top.url);
  });

  it.each([
    ['a tainted canvas', [{ ...top, tainted: true }]],
    ['a frame of another site', [top, { ...top, url: 'https://evil.example/f', top: false }]],
    ['an image of another site the page named', [{ ...top, fetchUrls: ['https://victim.example/qr.png'] }]],
    ['an image of another site the page could read', [{ ...top, images: [{ data: 'data:image/png;base64,AA', from: 'https://victim.example/qr.png' }] }]],
    ['a frame the scanner could not enter', [top, null]],
    ['no top frame', [{ ...top, top: false }]],
  ])('null with %s', (_, results) => {
    expect(captureSource(results)).toBeNull();
  });
});
