// lib/qr/candidates.ts, the parts that need no layout or canvas (happy-dom has neither): walking
// into open shadow roots, CSS url() parsing, what counts as a candidate, and the ranking.
// Drawing and reading pixels is covered in Chromium (bench/qr-page-scan.mjs, E2E).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cssImageUrls, elementsDeep, findCandidates, rankCandidates } from '../../../lib/qr/candidates';

/**
 * happy-dom does no layout: give elements a box from data-rect="x y w h"; an element without
 * data-rect is not rendered (no client rects, as with display: none).
 */
const original = { box: Element.prototype.getBoundingClientRect, rects: Element.prototype.getClientRects };
beforeEach(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const [x = 0, y = 0, w = 0, h = 0] = (this.getAttribute('data-rect') ?? '0 0 0 0').split(' ').map(Number);
    return { x, y, width: w, height: h, left: x, top: y, right: x + w, bottom: y + h, toJSON: () => ({}) } as DOMRect;
  };
  Element.prototype.getClientRects = function (this: Element) {
    return (this.hasAttribute('data-rect') ? [this.getBoundingClientRect()] : []) as unknown as DOMRectList;
  };
});
afterEach(() => {
  Element.prototype.getBoundingClientRect = original.box;
  Element.prototype.getClientRects = original.rects;
  document.body.innerHTML = '';
});

describe('elementsDeep', () => {
  it('walks into open shadow roots (nested), not into closed ones', () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div><p id="c"></p>';
    const open = document.getElementById('a')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<span id="in-open"></span><div id="host2"></div>';
    open.getElementById('host2')!.attachShadow({ mode: 'open' }).innerHTML = '<img id="nested">';
    document.getElementById('b')!.attachShadow({ mode: 'closed' }).innerHTML = '<img id="in-closed">';
    const ids = [...elementsDeep(document)].map((e) => e.id).filter(Boolean);
    expect(ids).toEqual(['a', 'in-open', 'host2', 'nested', 'b', 'c']);
  });
});

describe('cssImageUrls', () => {
  it('reads quoted, unquoted and layered url()s and skips gradients', () => {
    expect(cssImageUrls('url("https://a.example/q.png")')).toEqual(['https://a.example/q.png']);
    expect(cssImageUrls("url('/x.png'), linear-gradient(red, blue), url(data:image/png;base64,AAAA)")).toEqual([
      '/x.png',
      'data:image/png;base64,AAAA',
    ]);
    expect(cssImageUrls('image-set(url("a.png") 1x, url("a@2x.png") 2x)')).toEqual(['a.png', 'a@2x.png']);
    expect(cssImageUrls('url("quote\\"d.png")')).toEqual(['quote"d.png']);
    expect(cssImageUrls('none')).toEqual([]);
    expect(cssImageUrls('linear-gradient(red, blue)')).toEqual([]);
  });
});

describe('findCandidates', () => {
  it('finds img, canvas, outer svg and CSS backgrounds, also in shadow roots', () => {
    document.body.innerHTML = `
      <img id="i" src="/qr.png" data-rect="0 0 200 200">
      <canvas id="c" data-rect="0 300 150 150"></canvas>
      <svg id="s" data-rect="300 0 120 120"><svg id="inner" data-rect="300 0 60 60"></svg></svg>
      <div id="bg" style="background-image: url('/bg-qr.png')" data-rect="500 0 180 180"></div>
      <div id="host" data-rect="0 0 10 10"></div>`;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<img id="shadow-img" src="/s.png" data-rect="10 600 100 100">';
    const found = findCandidates(document);
    expect(found.map((f) => [f.source, f.el.id])).toEqual([
      ['img', 'i'],
      ['canvas', 'c'],
      ['svg', 's'],
      ['css', 'bg'],
      ['img', 'shadow-img'],
    ]);
    const css = found.find((f) => f.source === 'css');
    expect(css?.url).toBe(new URL('/bg-qr.png', document.baseURI).href);
    expect(found[0]?.rect).toEqual({ x: 0, y: 0, width: 200, height: 200 });
  });

  it('skips what is not rendered or icon-sized, but keeps images not loaded yet', () => {
    document.body.innerHTML = `
      <img id="hidden" src="/a.png">
      <canvas id="icon" data-rect="0 0 8 8"></canvas>
      <div id="css-icon" style="background-image: url(/i.png)" data-rect="0 0 9 40"></div>
      <img id="lazy" loading="lazy" src="/b.png" data-rect="0 3000 0 0">
      <canvas id="shown" data-rect="0 0 64 64"></canvas>`;
    // happy-dom loads no image: every <img> counts as not loaded yet.
    expect(findCandidates(document).map((f) => f.el.id)).toEqual(['lazy', 'shown']);
  });

  it('stops after maxElements', () => {
    document.body.innerHTML = '<img src="/a.png" data-rect="0 0 50 50">'.repeat(10);
    // html, head, body count as elements too.
    expect(findCandidates(document, 6).length).toBe(3);
  });
});

describe('rankCandidates', () => {
  it('puts visible, square, large candidates first', () => {
    const vp = { width: 1000, height: 800 };
    const items = [
      { id: 'below-fold', rect: { x: 0, y: 2000, width: 300, height: 300 } },
      { id: 'banner', rect: { x: 0, y: 0, width: 900, height: 100 } },
      { id: 'small-square', rect: { x: 0, y: 0, width: 100, height: 100 } },
      { id: 'big-square', rect: { x: 0, y: 0, width: 250, height: 240 } },
    ];
    expect(rankCandidates(items, vp).map((i) => i.id)).toEqual(['big-square', 'small-square', 'banner', 'below-fold']);
  });
});
