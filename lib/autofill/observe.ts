// Watches a document (and the open shadow roots it is given) for forms that single-page apps
// render late, and asks for a new detection at most once per interval. DOM §4.3 MutationObserver
// does not see into shadow trees, so each open shadow root is watched on its own.
// Quiet when nothing relevant changes: text-only mutations are ignored and no timer runs
// between changes; disconnect() stops everything and is safe to call twice.

export interface Observer {
  /** Starts watching `root` (a document or a shadow root); a root already watched is skipped. */
  watch(root: Node): void;
  disconnect(): void;
}

export interface ObserveOptions {
  /** Minimum time between two calls of onChange, in ms (default 250). */
  interval?: number;
  /** Nodes whose own mutations never matter (the chip's host). */
  ignore?: (node: Node) => boolean;
}

/** Attributes that show, hide, enable or retype a field (others, such as data-*, churn for nothing). */
const ATTRIBUTES = ['type', 'hidden', 'style', 'class', 'disabled', 'aria-hidden', 'inert'];

export function observe(onChange: () => void, options: ObserveOptions = {}): Observer {
  const interval = options.interval ?? 250;
  const ignore = options.ignore ?? (() => false);
  const watched = new WeakSet<Node>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  let stopped = false;

  const run = () => {
    timer = null;
    if (stopped) return;
    last = Date.now();
    onChange();
  };

  // Leading edge when the last run is long past, else once at the end of the interval:
  // mutations arriving meanwhile are folded into the pending run.
  const schedule = () => {
    if (timer !== null || stopped) return;
    timer = setTimeout(run, Math.max(0, last + interval - Date.now()));
  };

  const matters = (nodes: NodeList) => {
    for (const n of nodes) if (n.nodeType === 1 && !ignore(n)) return true;
    return false;
  };

  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' ? !ignore(r.target) : matters(r.addedNodes) || matters(r.removedNodes)) {
        schedule();
        return;
      }
    }
  });

  return {
    watch(root) {
      if (stopped || watched.has(root)) return;
      watched.add(root);
      mo.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES });
    },
    disconnect() {
      stopped = true;
      mo.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
