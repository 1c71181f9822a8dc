// Clipboard access where there is a DOM but no user gesture (Chrome's offscreen document,
// Firefox's background page): execCommand paste/copy, allowed by the clipboardRead and
// clipboardWrite permissions. Clears the clipboard only if it still holds our code, so
// something the user copied since is never lost.

export function readClipboard(doc: Document): string {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  area.focus();
  doc.execCommand('paste');
  const text = area.value;
  area.remove();
  return text;
}

export function writeClipboard(doc: Document, text: string): void {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  doc.execCommand('copy');
  doc.removeEventListener('copy', onCopy);
}

/** SHA-256 of a value, hex: what waits for the clear instead of the value itself. */
export async function digestOf(value: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Clears the clipboard if it still holds the value whose digest is given. */
export async function clearClipboardIfHolds(doc: Document, digest: string): Promise<boolean> {
  if ((await digestOf(readClipboard(doc).trim())) !== digest) return false;
  writeClipboard(doc, '');
  return true;
}
