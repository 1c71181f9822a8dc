// The chip: a small button beside the detected field (inside a wide field's right end, after the
// last box of a group), and, when several accounts fit, a short list to pick one from. It lives in
// a closed shadow root on a host element appended to <html> (not into the page's own containers,
// whose frameworks own their children), so page CSS and scripts can neither style nor read it.
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
  /** Shows a short message (an error from the background) as the chip's tooltip for a while. */
  note(text: string): void;
  destroy(): void;
}

const SIZE = 22;
const CSS = `:host{all:initial}
button{all:initial;box-sizing:border-box;width:${SIZE}px;height:${SIZE}px;display:flex;align-items:center;justify-content:center;border-radius:6px;background:#fff;border:1px solid #8a8a8a;cursor:pointer;color:#1b5e9a}
button:hover{background:#eef4fb}button:focus-visible{outline:2px solid #1a73e8;outline-offset:1px}
button[data-state=error]{border-color:#c62828;color:#c62828}
[role=menu]{position:absolute;top:${SIZE + 4}px;right:0;min-width:180px;max-width:320px;background:#fff;border:1px solid #8a8a8a;border-radius:6px;padding:4px;box-shadow:0 2px 8px #0003;font:13px system-ui,sans-serif;color:#111}
[role=menuitem]{all:initial;display:block;box-sizing:border-box;width:100%;padding:6px 8px;border-radius:4px;font:inherit;color:inherit;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
[role=menuitem]:hover,[role=menuitem]:focus-visible{background:#eef4fb;outline:none}`;

/** A small key-and-digits glyph, drawn with DOM calls (no markup strings in the page). */
function icon(doc: Document): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M5 1a4 4 0 0 0-.9 7.9V15h2v-1.5h1.5v-2H6.1V8.9A4 4 0 0 0 5 1Zm0 2a2 2 0 1 1 0 4 2 2 0 0 1 0-4ZM10 9h2v2h-2zm3 0h2v2h-2zm-3 3h2v2h-2zm3 0h2v2h-2z');
  svg.append(path);
  return svg;
}

export function createChip(doc: Document, options: ChipOptions): Chip {
  const view = doc.defaultView;
  const host = doc.createElement('tessera-chip');
  host.style.cssText = 'all:initial;position:fixed;z-index:2147483647;top:0;left:0;width:0;height:0;display:none';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.title = options.title;
  button.setAttribute('aria-label', options.title);
  button.append(icon(doc));
  const box = doc.createElement('div');
  box.style.position = 'relative';
  box.append(button);
  root.append(style, box);

  let anchor: Element | null = null;
  let menu: HTMLElement | null = null;
  let frame = 0;
  let noteTimer: ReturnType<typeof setTimeout> | undefined;

  const closeMenu = () => {
    menu?.remove();
    menu = null;
  };

  const place = () => {
    frame = 0;
    const r = anchor?.isConnected ? anchor.getBoundingClientRect() : null;
    // A field without a box (gone, hidden, or no layout at all as in happy-dom): nothing to sit by.
    if (!r || (r.width === 0 && r.height === 0)) {
      host.style.display = 'none';
      return;
    }
    // Inside the right end of a wide field; after a narrow one (the last box of a group).
    const inside = r.width >= 4 * SIZE;
    host.style.left = `${Math.round(inside ? r.right - SIZE - 4 : r.right + 4)}px`;
    host.style.top = `${Math.round(r.top + (r.height - SIZE) / 2)}px`;
    host.style.display = 'block';
  };

  const schedule = () => {
    if (!frame && anchor) frame = view?.requestAnimationFrame(place) ?? 0;
  };

  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    closeMenu();
    options.onActivate();
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

  return {
    host,
    root,
    show(el) {
      if (anchor !== el) closeMenu();
      anchor = el;
      if (!host.isConnected) doc.documentElement.append(host);
      place();
    },
    hide() {
      anchor = null;
      closeMenu();
      host.style.display = 'none';
    },
    pick(choices) {
      closeMenu();
      menu = doc.createElement('div');
      menu.setAttribute('role', 'menu');
      menu.setAttribute('aria-label', options.pickTitle);
      for (const choice of choices) {
        const item = doc.createElement('button');
        item.type = 'button';
        item.setAttribute('role', 'menuitem');
        item.textContent = choice.issuer && choice.label ? `${choice.issuer} — ${choice.label}` : choice.issuer || choice.label;
        item.addEventListener('click', (e) => {
          e.preventDefault();
          e.stopPropagation();
          closeMenu();
          options.onPick(choice.id);
        });
        menu.append(item);
      }
      box.append(menu);
      (menu.firstElementChild as HTMLElement | null)?.focus();
    },
    note(text) {
      button.title = text;
      button.dataset.state = 'error';
      clearTimeout(noteTimer);
      noteTimer = setTimeout(() => {
        button.title = options.title;
        delete button.dataset.state;
      }, 4000);
    },
    destroy() {
      view?.removeEventListener('scroll', schedule, { capture: true });
      view?.removeEventListener('resize', schedule);
      if (frame) view?.cancelAnimationFrame(frame);
      clearTimeout(noteTimer);
      host.remove();
      anchor = null;
    },
  };
}
