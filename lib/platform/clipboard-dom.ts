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

export function clearClipboardIfHolds(doc: Document, code: string): boolean {
  if (readClipboard(doc).trim() !== code) return false;
  writeClipboard(doc, '');
  return true;
}
