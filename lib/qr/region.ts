// Geometry of the region-select overlay (entrypoints/region-select.ts): the rectangle a drag
// between two points spans, and the keyboard alternative (arrow keys move it, Shift+arrows
// resize it), always kept inside the viewport. Rectangles are in CSS pixels of the viewport,
// the coordinates tabs.captureVisibleTab's image has once multiplied by devicePixelRatio.
import type { Rect } from './image';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Smallest side the keyboard lets a rectangle shrink to (a QR code of 21 modules at 1 px). */
export const MIN_SIDE = 21;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The rectangle between two corners of a drag, in any direction, clipped to the viewport. */
export function rectFromPoints(a: Point, b: Point, viewport: Size): Rect {
  const x0 = clamp(Math.min(a.x, b.x), 0, viewport.width);
  const y0 = clamp(Math.min(a.y, b.y), 0, viewport.height);
  const x1 = clamp(Math.max(a.x, b.x), 0, viewport.width);
  const y1 = clamp(Math.max(a.y, b.y), 0, viewport.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Where the keyboard rectangle starts: a centred square, 40% of the viewport's shorter side. */
export function initialRect(viewport: Size): Rect {
  const side = Math.max(MIN_SIDE, Math.round(Math.min(viewport.width, viewport.height) * 0.4));
  return {
    x: Math.max(0, Math.round((viewport.width - side) / 2)),
    y: Math.max(0, Math.round((viewport.height - side) / 2)),
    width: Math.min(side, viewport.width),
    height: Math.min(side, viewport.height),
  };
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isArrowKey(key: string): key is ArrowKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/**
 * One key press: move the rectangle by `step` pixels, or with `resize` grow/shrink its right or
 * bottom edge. The result stays inside the viewport and at least MIN_SIDE on each side.
 */
export function nudgeRect(rect: Rect, key: ArrowKey, opts: { resize: boolean; step: number }, viewport: Size): Rect {
  const dx = key === 'ArrowLeft' ? -opts.step : key === 'ArrowRight' ? opts.step : 0;
  const dy = key === 'ArrowUp' ? -opts.step : key === 'ArrowDown' ? opts.step : 0;
  if (opts.resize) {
    const width = clamp(rect.width + dx, Math.min(MIN_SIDE, viewport.width), viewport.width - rect.x);
    const height = clamp(rect.height + dy, Math.min(MIN_SIDE, viewport.height), viewport.height - rect.y);
    return { ...rect, width, height };
  }
  return {
    ...rect,
    x: clamp(rect.x + dx, 0, Math.max(0, viewport.width - rect.width)),
    y: clamp(rect.y + dy, 0, Math.max(0, viewport.height - rect.height)),
  };
}

/** What the region-select overlay answers: the rectangle, and how to map it onto a capture. */
export interface RegionSelection {
  rect: Rect;
  /** window.devicePixelRatio when it was drawn (device px per CSS px, page zoom included). */
  devicePixelRatio: number;
  /** The viewport in CSS px: a capture's width / viewport.width is the exact scale, if it differs. */
  viewport: Size;
}
