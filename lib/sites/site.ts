// Site binding: the site an account fills into is its registrable domain (eTLD+1 by the
// Public Suffix List, private section included so that two github.io pages are two sites);
// an IP address or `localhost` binds as the bare host. Ports and schemes are dropped
// (shared/automation-api.md, General rules: `sites`).
import { parse } from 'tldts';

/**
 * Normalises a URL or a host to a site, or returns null when it names none
 * (empty input, a non-web scheme such as chrome:, a bare public suffix like "co.jp").
 */
export function siteOf(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text || text.length > 2048) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text)?.[1];
  if (scheme && scheme !== 'http' && scheme !== 'https') return null;
  const info = parse(text, { allowPrivateDomains: true });
  const host = info.hostname?.replace(/\.$/, '');
  if (!host) return null;
  if (info.isIp) return host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  return info.domain ?? null;
}

/** Normalises a list of sites, dropping invalid ones and repeats; returns those it could not read too. */
export function normaliseSites(inputs: readonly string[]): { sites: string[]; invalid: string[] } {
  const sites: string[] = [];
  const invalid: string[] = [];
  for (const input of inputs) {
    const site = siteOf(input);
    if (site === null) invalid.push(input);
    else if (!sites.includes(site)) sites.push(site);
  }
  return { sites, invalid };
}

/** True when `url` belongs to one of `sites`. */
export function urlMatchesSites(url: string, sites: readonly string[]): boolean {
  const site = siteOf(url);
  return site !== null && sites.includes(site);
}
