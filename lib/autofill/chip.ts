// The chip: a small button beside the detected field (inside a wide field's right end, after the
// last box of a group), and, when several accounts fit, a short list to pick one from. It lives in
// a closed shadow root on a host element placed right after its field (so it follows the field in
// the tab order), so page CSS and scripts can neither style nor read it.
// Fixed positioning follows the anchor on scroll and resize. All text is set with textContent.
// A hostile page can still restyle or cover the host element (issue 11 point 6: with
// `tessera-chip{opacity:0!important}` over a decoy button, a click on the decoy filled the code).
// So the host's own style is inline and !important (it beats any page rule, CSS Cascade 5 §6.1
// "element-attached styles"), and a click is acted on only when the browser says a person made it
// (isTrusted) on the chip while it was visible and on top: the host fully opaque, unfiltered and
// unmasked, and elementFromPoint() at the button's centre giving the host (hit testing is what
// checkVisibility checks and more: it also sees what covers the chip).
import type { AccountChoice } from './protocol';

export interface ChipOptions {
  /** Tooltip and accessible name (from browser.i18n in the content script). */
  title: string;
  /** Accessible name of the account list. */
  pickTitle: string;
  onActivate(): void;
  onPick(id: string): void;
  /** The pointer entered the chip or it took the focus (the agent then refreshes its origin). */
  onHover?(): void;
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
  /**
   * Says where a click's code comes from (issue 15: "from email, 2 min ago"), before the title in
   * the tooltip and accessible name, with an "@" mark on the icon; null: an account's code.
   */
  origin(label: string | null): void;
  destroy(): void;
}

const SIZE = 22;
/**
 * The chip's style, with its icon of six code boxes drawn by CSS (two rows of three 4×3 boxes, as
 * the former inline SVG drew them, in fewer bytes of the 8 KB budget); page styles cannot reach
 * into the shadow root.
 */
const ROW = 'repeating-linear-gradient(90deg,currentColor 0 4px,#0000 0 5px)';
const STYLE = `button{all:initial;display:grid;place-items:center;width:22px;height:22px;border:1px solid #888;border-radius:6px;background:#fff;color:#1b5e9a;cursor:pointer;font:13px sans-serif}button:not([role])::before{content:"";width:14px;height:8px;background:${ROW} 0 0/100% 3px no-repeat,${ROW} 0 5px/100% 3px no-repeat}:focus-visible{outline:2px solid #1a73e8}[data-state]{color:#c62828}[data-source]{position:relative}[data-source]::after{content:"@"/"";position:absolute;right:-4px;bottom:-4px;width:11px;height:11px;border-radius:50%;background:#1b5e9a;color:#fff;font:bold 9px/11px sans-serif;text-align:center}div{position:relative}[role=menu]{position:absolute;top:26px;right:0;background:#fff;border:1px solid #888;padding:4px}[role=menuitem]{display:block;width:auto;height:auto;padding:6px 8px;border:0;white-space:nowrap}`;

/**
 * Builds the chip's nodes. No markup strings: pages that enforce Trusted Types (Google's sign-in,
 * for one) refuse innerHTML, and nothing from the page or the background ever becomes markup.
 */
function build(doc: Document, root: ShadowRoot): HTMLButtonElement {
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  const button = doc.createElement('button');
  button.type = 'button';
  box.append(button);
  root.append(style, box);
  return button;
}

export function createChip(doc: Document, options: ChipOptions): Chip {
  const view = doc.defaultView;
  const host = doc.createElement('tessera-chip');
  const css = (k: string, v: string) => host.style.setProperty(k, v, 'important');
  host.style.cssText = 'all:initial!important;position:fixed!important;z-index:2147483647!important';
  const root = host.attachShadow({ mode: 'closed' });
  const button = build(doc, root);
  const box = button.parentElement!;
  let anchor: Element | null = null;
  let menu: HTMLElement | null = null;
  let frame = 0;
  /** Where a click's code comes from, when not an account (chip.origin). */
  let from: string | null = null;

  const closeMenu = () => {
    menu?.remove();
    menu = null;
  };

  /**
   * The tooltip, and the same words as the accessible name: set explicitly, since generated
   * content (the "@" mark) would otherwise name the button before its title does (accname §4.3.2).
   */
  const name = (text: string) => {
    button.title = text;
    button.setAttribute('aria-label', text);
  };
  const reset = () => {
    name(from ? `${from} — ${options.title}` : options.title);
    delete button.dataset.state;
  };

  const place = () => {
    frame = 0;
    const r = anchor?.isConnected ? anchor.getBoundingClientRect() : null;
    // A field without a box (gone, hidden, or no layout at all as in happy-dom): nothing to sit by.
    const shown = !!r && (r.width > 0 || r.height > 0);
    css('display', shown ? 'block' : 'none');
    if (!r || !shown) return;
    // Inside the right end of a wide field; after a narrow one (the last box of a group).
    const left = Math.round(r.width >= 4 * SIZE ? r.right - SIZE - 4 : r.right + 4);
    const top = Math.round(r.top + (r.height - SIZE) / 2);
    css('left', `${left}px`);
    css('top', `${top}px`);
    // Beside the field, an ancestor with a transform or filter makes itself the fixed box's
    // containing block (CSS Transforms §2): correct by where the host really landed.
    const at = host.getBoundingClientRect();
    if (Math.abs(at.left - left) > 1 || Math.abs(at.top - top) > 1) {
      css('left', `${left + left - at.left}px`);
      css('top', `${top + top - at.top}px`);
    }
  };

  /**
   * Did a person click `el` while the chip was really visible and on top? A trusted click goes to
   * what the browser hit at its point, so the chip was there. Hit testing (elementFromPoint, as
   * checkVisibility would) already leaves out what is display:none, visibility:hidden or under
   * content-visibility, and anything of the page over the button's centre (the centre also holds
   * for a keyboard activation, which has no point); what hit testing does not see is how opaque
   * or filtered the host is: it must be exactly as its inline !important style says. The host sits
   * beside its field, maybe inside the page's shadow tree: hit-test in that tree (a document's
   * elementFromPoint would answer the page's shadow host instead).
   */
  const seen = (e: Event, el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(host);
    const scope = host.getRootNode() as Document | ShadowRoot;
    return e.isTrusted && s.opacity + s.filter + s.maskImage === '1nonenone' && scope.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === host;
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
    if (!seen(e, target)) return;
    closeMenu();
    if (target === button) {
      reset();
      options.onActivate();
    } else if (target.dataset.id) options.onPick(target.dataset.id);
  });
  // The tooltip shows on hover and a screen reader reads the name on focus: refresh it then.
  const hover = () => options.onHover?.();
  button.addEventListener('pointerenter', hover);
  button.addEventListener('focus', hover);
  // Keep the field focused when the chip is clicked with the mouse.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape' && menu) {
      closeMenu();
      button.focus();
    }
  });
  // One signal removes both listeners on destroy().
  const off = new AbortController();
  view?.addEventListener('scroll', schedule, { capture: true, passive: true, signal: off.signal });
  view?.addEventListener('resize', schedule, { passive: true, signal: off.signal });
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
      name(text);
      button.dataset.state = 'error';
    },
    origin(label) {
      from = label;
      if (label) button.dataset.source = 'email';
      else delete button.dataset.source;
      // An error note stays until the next click; otherwise the title follows at once.
      if (!button.dataset.state) reset();
    },
    destroy() {
      off.abort();
      anchor = null;
      host.remove();
    },
  };
}
