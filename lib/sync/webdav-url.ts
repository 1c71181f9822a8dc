// Which WebDAV folders may receive the credentials (issue 10; contract, sync.configure): HTTP Basic
// (RFC 7617) sends the password with every request, so only over TLS, or in plain http to this
// machine, where nothing travels over a network. Its own module: sync.configure checks the URL
// before the backend (lib/sync/backends/webdav.ts, a deferred part) is loaded.

/** Whether `url` may carry the credentials: https, or plain http only to a loopback address or localhost. */
export function allowedWebDavUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}
