// Whether a page's host lies within a bound site, without the Public Suffix List (issue 14: the
// popup's first screen is drawn before the background, which holds the list, has answered).
// A bound site is a registrable domain, an IP address or "localhost" (lib/sites/site.ts siteOf),
// so a host within it is the site itself or a name ending in "." + site (RFC 1034 §3.1: a
// subdomain). The one case this reads wider than siteOf is a public suffix registered below a
// bound domain (PSL private section, e.g. s3.amazonaws.com below amazonaws.com): such a host has
// a registrable domain of its own. The popup only orders and marks rows with this; the background
// decides every fill with siteOf, and its answer replaces the first screen's order.

/** The host of an http(s) URL, lower-case, without a trailing dot or IPv6 brackets; null for other URLs. */
export function hostOfUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  return host || null;
}

/** True when `host` is `site` or a subdomain of it. */
export function hostInSite(host: string, site: string): boolean {
  return site.length > 0 && (host === site || host.endsWith(`.${site}`));
}
