// The chip: a small button beside the detected field (inside a wide field's right end, after the
// last box of a group), and, when several accounts fit, a short list to pick one from. It lives in
// a closed shadow root on a host element placed right after its field (so it follows the field in
// the tab order), so page CSS and scripts can neither style nor read it.
// Fixed positioning follows the anchor on scroll and resize. All text is set with textContent.
import type { AccountChoice } from './protocol';

export interface ChipOptions {
  /** Tooltip and accessible name (from browser.i18n in the content script). */
  title: string;
  /** Accessible name of the account list. */
  pickTitle: string;
  onActivate(): void;
  onPick(id: string): void;
}

export interface Chip {
  readonly host: HTMLElement;
  /** The closed shadow root, for the content script's own use and tests. */
  readonly root: ShadowRoot;
  show(anchor: Element): void;
  hide(): void;
  pick(choices: AccountChoice[]): void;
  /** Shows a short message (an error from the background) as the chip's tooltip, until the next click. */
  note(text: string): void;
  destroy(): void;
}

const SIZE = 22;
/** The chip's style and its icon of six code boxes; page styles cannot reach into the shadow root. */
const STYLE = `button{all:initial;display:grid;place-items:center;width:22px;height:22px;border:1px solid #888;border-radius:6px;background:#fff;color:#1b5e9a;cursor:pointer;font:13px sans-serif}:focus-visible{outline:2px solid #1a73e8}[data-state]{color:#c62828}[role=menu]{position:absolute;top:26px;right:0;background:#fff;border:1px solid #888;padding:4px}[role=menuitem]{display:block;width:auto;height:auto;padding:6px 8px;border:0;white-space:nowrap}`;
const ICON = 'M1 4h4v3H1zm5 0h4v3H6zm5 0h4v3h-4zM1 9h4v3H1zm5 0h4v3H6zm5 0h4v3h-4z';
const SVG = 'http://www.w3.org/2000/svg';

/**
 * Builds the chip's nodes. No markup strings: pages that enforce Trusted Types (Google's sign-in,
 * for one) refuse innerHTML, and nothing from the page or the background ever becomes markup.
 */
function build(doc: Document, root: ShadowRoot): HTMLButtonElement {
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.style.position = 'relative';
  const button = doc.createElement('button');
  button.type = 'button';
  const svg = doc.createElementNS(SVG, 'svg');
  for (const [k, v] of [['viewBox', '0 0 16 16'], ['width', '14'], ['height', '14'], ['aria-hidden', 'true']]) svg.setAttribute(k!, v!);
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', ICON);
  svg.append(path);
  button.append(svg);
  box.append(button);
  root.append(style, box);
  return button;
}

export function createChip(doc: Document, options: ChipOptions): Chip {
  const view = doc.defaultView;
  const host = doc.createElement('tessera-chip');
  host.style.cssText = 'all:initial;position:fixed;z-index:2147483647;display:none';
  const root = host.attachShadow({ mode: 'closed' });
  const button = build(doc, root);
  const box = button.parentElement!;
  let anchor: Element | null = null;
  let menu: HTMLElement | null = null;
  let frame = 0;

  const closeMenu = () => {
    menu?.remove();
    menu = null;
  };

  /** The title is also the button's accessible name (it has no text of its own). */
  const reset = () => {
    button.title = options.title;
    delete button.dataset.state;
  };

  const place = () => {
    frame = 0;
    const r = anchor?.isConnected ? anchor.getBoundingClientRect() : null;
    // A field without a box (gone, hidden, or no layout at all as in happy-dom): nothing to sit by.
    const shown = !!r && (r.width > 0 || r.height > 0);
    host.style.display = shown ? 'block' : 'none';
    if (!r || !shown) return;
    // Inside the right end of a wide field; after a narrow one (the last box of a group).
    const left = Math.round(r.width >= 4 * SIZE ? r.right - SIZE - 4 : r.right + 4);
    const top = Math.round(r.top + (r.height - SIZE) / 2);
    host.style.left = `${left}px`;
    host.style.top = `${top}px`;
    // Beside the field, an ancestor with a transform or filter makes itself the fixed box's
    // containing block (CSS Transforms §2): correct by where the host really landed.
    const at = host.getBoundingClientRect();
    if (Math.abs(at.left - left) > 1 || Math.abs(at.top - top) > 1) {
      host.style.left = `${left + left - at.left}px`;
      host.style.top = `${top + top - at.top}px`;
    }
  };

  const schedule = () => {
    if (!frame && anchor) frame = view?.requestAnimationFrame(place) ?? 0;
  };

  // One listener for the chip and the picker's items (data-id holds the account id).
  root.addEventListener('click', (e) => {
    const target = (e.target as Element).closest('button');
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    closeMenu();
    if (target === button) {
      reset();
      options.onActivate();
    } else if (target.dataset.id) options.onPick(target.dataset.id);
  });
  // Keep the field focused when the chip is clicked with the mouse.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && menu) {
      closeMenu();
      button.focus();
    }
  });
  view?.addEventListener('scroll', schedule, { capture: true, passive: true });
  view?.addEventListener('resize', schedule, { passive: true });
  reset();

  return {
    host,
    root,
    show(el) {
      if (anchor !== el) closeMenu();
      anchor = el;
      // Right after its field (after the last box of a group), so Tab from the field reaches the
      // chip next (issue 13); it was appended to <html>, at the end of the tab order.
      if (el.nextSibling !== host) el.after(host);
      place();
    },
    hide() {
      anchor = null;
      closeMenu();
      place();
    },
    pick(choices) {
      closeMenu();
      menu = doc.createElement('div');
      menu.setAttribute('role', 'menu');
      menu.setAttribute('aria-label', options.pickTitle);
      for (const choice of choices) {
        const item = doc.createElement('button');
        item.setAttribute('role', 'menuitem');
        item.dataset.id = choice.id;
        item.textContent = [choice.issuer, choice.label].filter(Boolean).join(' — ');
        menu.append(item);
      }
      box.append(menu);
      (menu.firstElementChild as HTMLElement | null)?.focus();
    },
    note(text) {
      button.title = text;
      button.dataset.state = 'error';
    },
    destroy() {
      view?.removeEventListener('scroll', schedule, { capture: true });
      view?.removeEventListener('resize', schedule);
      anchor = null;
      host.remove();
    },
  };
}
