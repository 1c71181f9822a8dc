// Region select: a full-page overlay (in a closed shadow root, in the top layer when the
// Popover API exists) where the user drags a rectangle over a QR code the DOM scan cannot read
// (in a PDF, a video, a picture). Keyboard: arrows move the box, Shift+arrows resize it,
// Alt+arrows by 1 px, Enter reads, Esc cancels. Injected on demand into the top frame:
//   browser.scripting.executeScript({ target: { tabId }, files: ['/region-select.js'] })
// Its result is a RegionSelection (lib/qr/region.ts) or null when cancelled; the overlay is gone
// from the screen before it resolves, so the background can capture the tab and cropRegion().
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { t } from '../lib/i18n/i18n';
import { initialRect, isArrowKey, nudgeRect, rectFromPoints, type RegionSelection } from '../lib/qr/region';
import type { Rect } from '../lib/qr/image';

/** Unanswered for this long, the overlay cancels itself. */
const TIMEOUT_MS = 120_000;
/** A drag smaller than this is a click, not a selection. */
const MIN_DRAG = 8;

const STYLE = `
  .layer { position: fixed; inset: 0; cursor: crosshair; outline: none; font: 14px/1.4 system-ui, sans-serif; }
  .box { position: fixed; box-sizing: border-box; border: 2px solid #fff; outline: 2px dashed #1a73e8;
         box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.45); pointer-events: none; }
  .hint { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); max-width: min(90vw, 640px);
          padding: 8px 12px; border-radius: 6px; background: #202124; color: #fff; pointer-events: none; text-align: center; }
`;

type Finish = (value: RegionSelection | null) => void;
const ACTIVE = Symbol.for('tessera.regionSelect');

function viewport() {
  return { width: window.innerWidth, height: window.innerHeight };
}

function place(box: HTMLElement, r: Rect): void {
  Object.assign(box.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` });
  box.setAttribute('aria-label', `${t('qr.region.label')}: ${Math.round(r.width)} × ${Math.round(r.height)}`);
}

function openOverlay(done: Finish): () => void {
  const host = document.createElement('div');
  host.style.cssText = 'all: initial; position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; padding: 0; border: 0; background: transparent; z-index: 2147483647; display: block;';
  const shadow = host.attachShadow({ mode: 'closed' });
  // Built node by node: pages that enforce Trusted Types refuse innerHTML.
  const el = (cls: string, attrs: Record<string, string>, parent: Node): HTMLElement => {
    const e = document.createElement('div');
    e.className = cls;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    parent.appendChild(e);
    return e;
  };
  const style = document.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
  const layer = el('layer', { tabindex: '0', role: 'dialog', 'aria-modal': 'true', 'aria-describedby': 'hint' }, shadow);
  const box = el('box', { role: 'img' }, layer);
  el('hint', { id: 'hint', role: 'status' }, layer).textContent = t('qr.region.hint');
  layer.setAttribute('aria-label', t('qr.region.label'));

  let rect = initialRect(viewport());
  let start: { x: number; y: number } | undefined;
  place(box, rect);

  const onKey = (e: KeyboardEvent): void => {
    // Capture phase on window: the page's own shortcuts never see these keys meanwhile.
    e.stopPropagation();
    e.preventDefault();
    if (e.key === 'Escape') done(null);
    else if (e.key === 'Enter') done({ rect, devicePixelRatio: window.devicePixelRatio, viewport: viewport() });
    else if (isArrowKey(e.key)) {
      rect = nudgeRect(rect, e.key, { resize: e.shiftKey, step: e.altKey ? 1 : 10 }, viewport());
      place(box, rect);
    }
  };
  const point = (e: PointerEvent) => ({ x: e.clientX, y: e.clientY });
  layer.addEventListener('pointerdown', (e) => {
    start = point(e);
    layer.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  layer.addEventListener('pointermove', (e) => {
    if (!start) return;
    rect = rectFromPoints(start, point(e), viewport());
    place(box, rect);
  });
  layer.addEventListener('pointerup', (e) => {
    if (!start) return;
    const r = rectFromPoints(start, point(e), viewport());
    start = undefined;
    if (r.width >= MIN_DRAG && r.height >= MIN_DRAG) {
      done({ rect: r, devicePixelRatio: window.devicePixelRatio, viewport: viewport() });
    } else {
      // A click: keep the keyboard box where it was.
      place(box, rect);
    }
  });
  window.addEventListener('keydown', onKey, true);

  (document.body ?? document.documentElement).append(host);
  // The top layer puts the overlay above the page's own dialogs and full-screen elements.
  if ('showPopover' in host) {
    host.popover = 'manual';
    host.showPopover();
  }
  layer.focus();

  return () => {
    window.removeEventListener('keydown', onKey, true);
    host.remove();
  };
}

/**
 * Two animation frames: the overlay's removal has been painted, so a capture will not show it.
 * A hidden tab runs no animation frames; the timer then ends the wait.
 */
const afterRepaint = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    setTimeout(resolve, 250);
  });

export default defineUnlistedScript(
  () =>
    new Promise<RegionSelection | null>((resolve) => {
      const scope = window as unknown as Record<symbol, Finish | undefined>;
      // Injected again while open: the earlier overlay is cancelled and this one replaces it.
      scope[ACTIVE]?.(null);
      let close = (): void => undefined;
      let settled = false;
      const finish: Finish = (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        close();
        if (scope[ACTIVE] === finish) scope[ACTIVE] = undefined;
        void afterRepaint().then(() => resolve(value && value.rect.width >= 1 && value.rect.height >= 1 ? value : null));
      };
      const timer = setTimeout(() => finish(null), TIMEOUT_MS);
      scope[ACTIVE] = finish;
      close = openOverlay(finish);
    }),
);
