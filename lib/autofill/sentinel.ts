// The always-injected part of autofill (entrypoints/content.ts): waits until a frame has something
// a code could be typed into — an <input>, or a custom element (whose shadow root, open or closed,
// may hold one) — and then asks once for the detector (entrypoints/autofill-engine.ts, injected on
// demand by the background). Pages without any field never load it. Issue 13: detection grew
// (shape-based box groups, 25 languages, channel hints) beyond what fits the 8 KB budget of a
// script that runs in every frame of every page.

/** Does `node` (an element) hold or host something a code could be typed into? */
function fieldish(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.localName === 'input' || el.localName.includes('-') || !!el.querySelector('input');
}

/** Custom elements under `root` (their shadow roots are not reachable by querySelector). */
function hasCustomElement(root: ParentNode): boolean {
  for (const el of root.querySelectorAll('*')) if (el.localName.includes('-') && el.localName !== 'tessera-chip') return true;
  return false;
}

/**
 * Calls `load` once, as soon as `doc` has an input or a custom element (now or later); returns
 * a function that stops watching. Quiet afterwards: the observer is gone once it fired.
 */
export function whenFields(doc: Document, load: () => void): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    done = true;
    mo?.disconnect();
    load();
  };
  const mo = typeof MutationObserver === 'function'
    ? new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeName !== 'TESSERA-CHIP' && fieldish(n)) return fire();
      })
    : null;
  if (doc.querySelector('input') || hasCustomElement(doc)) fire();
  else mo?.observe(doc, { childList: true, subtree: true });
  return () => {
    done = true;
    mo?.disconnect();
  };
}
