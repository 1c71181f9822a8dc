// lib/qr/frame-scan.ts and lib/qr/page-scan.ts: what one frame hands back, how the background
// checks it (any frame may belong to a hostile site), and decoding every frame's images and
// fetched URLs into the distinct texts found.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QrCandidate } from '../../../lib/qr/candidates';
import { MAX_PER_FRAME, readFrameScan, toFrameScan } from '../../../lib/qr/frame-scan';
import { decodeFrameScans } from '../../../lib/qr/page-scan';
import * as S from '../../fixtures/qr/synth';
import { loadZxingFromNodeModules, pngBlobToImageData, pngDataUrl } from './helpers';

const rect = { x: 0, y: 0, width: 100, height: 100 };

describe('toFrameScan', () => {
  it('splits candidates into images and URLs, each once', () => {
    const c: QrCandidate[] = [
      { source: 'img', rect, image: 'data:image/png;base64,AAAA' },
      { source: 'css', rect, image: 'data:image/png;base64,AAAA' },
      { source: 'img', rect, url: 'https://cdn.example/qr.png' },
      { source: 'css', rect, url: 'https://cdn.example/qr.png' },
      { source: 'svg', rect },
    ];
    expect(toFrameScan(c)).toEqual({ images: ['data:image/png;base64,AAAA'], fetchUrls: ['https://cdn.example/qr.png'] });
  });
});

describe('readFrameScan', () => {
  it('keeps only image data URLs and http(s) URLs', () => {
    const scan = readFrameScan({
      images: ['data:image/png;base64,AAAA', 'data:text/html,<b>', 'javascript:alert(1)', 42, null],
      fetchUrls: ['https://a.example/q.png', 'http://b.example/q', 'file:///etc/passwd', 'chrome://settings', { toString: () => 'x' }],
    });
    expect(scan).toEqual({ images: ['data:image/png;base64,AAAA'], fetchUrls: ['https://a.example/q.png', 'http://b.example/q'] });
  });

  it('gives nothing for a frame that failed or returned junk', () => {
    for (const junk of [null, undefined, 'x', 3, [], { images: 'data:image/png,', fetchUrls: {} }]) {
      expect(readFrameScan(junk)).toEqual({ images: [], fetchUrls: [] });
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

  it('decodes images from every frame and fetched URLs, giving each text once', async () => {
    const fetched: string[] = [];
    const texts = await decodeFrameScans(
      [
        { images: [pngDataUrl(totpPng)], fetchUrls: ['https://cdn.example/qr.png'] },
        null, // a frame where injection failed
        { images: [pngDataUrl(totpPng), 'data:image/png;base64,bm90IGEgcG5n'], fetchUrls: ['https://cdn.example/broken.png'] },
      ],
      {
        toImageData: pngBlobToImageData,
        fetchImage: async (u) => {
          fetched.push(u);
          if (u.endsWith('broken.png')) throw new Error('HTTP 404');
          return new Blob([urlPng], { type: 'image/png' });
        },
      },
    );
    expect(texts).toEqual([S.TOTP_URI, url2]);
    expect(fetched).toEqual(['https://cdn.example/qr.png', 'https://cdn.example/broken.png']);
  });

  it('answers [] when no frame had anything', async () => {
    expect(await decodeFrameScans([{ images: [], fetchUrls: [] }, undefined])).toEqual([]);
  });
});
