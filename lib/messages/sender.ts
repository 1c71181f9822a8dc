// Who may send what (DESIGN.md, rules of the house): privileged messages only from the
// extension's own pages; content scripts may only ask for a fill of their own tab.
// A page of this extension has sender.id equal to our id and a URL under our origin
// (a page opened as a tab also carries sender.tab, so the URL is what tells them apart).

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export function isExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const origin = extensionOrigin.replace(/\/$/, '');
  const url = sender.url ?? '';
  if (!url.startsWith(origin + '/')) return false;
  // sender.origin, where the browser gives it, must agree (Chrome 80+).
  return sender.origin === undefined || sender.origin === origin;
}

/** A content script of ours in a web page: our id, a tab, and a page URL that is not ours. */
export function isOwnContentScript(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && sender.tab?.id !== undefined && !isExtensionPage(sender, extensionId, extensionOrigin);
}
