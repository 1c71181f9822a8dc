// The text the background needs to tell which channel a code comes by (lib/autofill/channel.ts):
// the field's own words and the text before it (already read by facts.ts), and the page's text.
// Collected only when the background asks (autofill.detect), never on every page change. Links,
// buttons, labels of other fields and scripts are left out: "Text me a code instead" is an
// alternative on offer, and a login form's "Email address" label is not this field's channel.
import type { Candidate } from './detect';
import type { ChannelHint } from './channel';

/** Enough text for a heading and two instructions; the rest of a page says nothing about its code. */
const PAGE_TEXT = 600;
const SKIP = /^(?:A|BUTTON|LABEL|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|OPTION|TEXTAREA|TESSERA-CHIP)$/;

/** Visible-ish text of `root` in document order, without SKIP elements, at most `max` characters. */
export function pageText(root: Node, max = PAGE_TEXT): string {
  let text = '';
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n && text.length < max; n = n.nextSibling) {
      if (n.nodeType === 3) text += `${n.nodeValue} `;
      else if (n.nodeType === 1 && !SKIP.test((n as Element).tagName) && !(n as Element).hasAttribute('hidden')) walk(n);
    }
  };
  walk(root);
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** The channel hint for a candidate: its own words, the text before it, and its page's text. */
export function hintOf(c: Candidate): ChannelHint {
  const first = c.inputs[0]!;
  const root = first.getRootNode();
  const body = first.ownerDocument.body;
  // A field in a shadow root: the component's own text, then the page around it.
  const page = root === first.ownerDocument ? pageText(body ?? root) : `${pageText(root)} ${body ? pageText(body) : ''}`;
  return { own: c.own ?? '', near: c.near ?? '', page: page.slice(0, PAGE_TEXT) };
}
