// Is a field something the user can see and type into? Decoys and honeypots are hidden with
// display:none, visibility:hidden, the `hidden` attribute, aria-hidden/inert, zero size,
// "screen-reader only" clipping, or by being placed far off-screen. Computed styles catch most of
// them everywhere (also in happy-dom, which has no layout); a `Measure` adds the real box where
// there is layout (getBoundingClientRect in the browser), so it is injectable.

/** A box in document coordinates (CSSOM View §6: getBoundingClientRect plus the scroll offsets). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Returns an element's box, or null where there is no layout to ask. */
export type Measure = (el: Element) => Box | null;

/** The browser's layout: the border box in document coordinates. */
export const layoutMeasure: Measure = (el) => {
  const r = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  return { x: r.left + (view?.scrollX ?? 0), y: r.top + (view?.scrollY ?? 0), width: r.width, height: r.height };
};

/** Below this many CSS pixels a field is a dot, not a field. */
const TINY = 2;
/** Positioned this far left of or above the page, a field is parked off-screen on purpose. */
const OFF_SCREEN = -500;

/** The parent element, stepping out of a shadow root to its host. */
export function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode as (Node & { host?: Element }) | null;
  return parent?.nodeType === 11 ? (parent.host ?? null) : null;
}

function px(value: string): number {
  return value.endsWith('px') ? parseFloat(value) : NaN;
}

/** Hidden by its own computed style: zero size, clipped away, or positioned off-screen. */
function collapsed(style: CSSStyleDeclaration): boolean {
  if (px(style.width) < TINY || px(style.height) < TINY) return true;
  // The "visually hidden" recipe: clip: rect(0 0 0 0) or clip-path: inset(50%).
  if (/rect\(0[^1-9]*\)/.test(style.clip) || /inset\(50%/.test(style.clipPath)) return true;
  if (style.position === 'absolute' || style.position === 'fixed') {
    if (px(style.left) < OFF_SCREEN || px(style.top) < OFF_SCREEN) return true;
  }
  return false;
}

/** True when the user can see the element (without scrolling it into view being an issue). */
export function isVisible(el: Element, measure?: Measure): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const own = view.getComputedStyle(el);
  // `visibility` is inherited (CSS 2 §11.2), so the element's own value covers its ancestors.
  if (own.visibility === 'hidden' || own.visibility === 'collapse' || collapsed(own)) return false;
  for (let node: Element | null = el; node; node = parentOf(node)) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = node === el ? own : view.getComputedStyle(node);
    // `display` is not inherited: an ancestor with display:none hides the whole subtree.
    if (style.display === 'none') return false;
    // A container that clips its overflow and has no height or width shows nothing inside.
    if (node !== el && /hidden|clip/.test(style.overflow) && (px(style.height) < TINY || px(style.width) < TINY)) return false;
  }
  const box = measure?.(el);
  if (box) {
    if (box.width < TINY || box.height < TINY) return false;
    if (box.x + box.width <= 0 || box.y + box.height <= 0) return false;
  }
  return true;
}
