// A windowed list (issue 14): with rows of one fixed height, the rows in the viewport are a
// slice of the list computed from the scroll position, so the document holds a screenful of
// rows whatever the number of accounts. Pure, so it is unit-tested without a page.

export interface Range {
  start: number;
  end: number;
}

/**
 * The slice of rows to put in the document: those between `top` and `top + height` (pixels
 * from the list's first row), plus `overscan` rows on either side so a scroll of a few rows
 * paints no gap before the next frame.
 */
export function visibleRange(top: number, height: number, rowHeight: number, count: number, overscan = 4): Range {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil((Math.max(0, top) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.max(0, Math.min(count, last + overscan)) };
}

/** Negative animation-delay (seconds) that puts a countdown of `period` s ending at `expiresAt` where it is at `now`. */
export function ringDelay(expiresAt: number, period: number, now: number): number {
  const left = Math.max(0, Math.min(period, (expiresAt - now) / 1000));
  return -(period - left);
}
