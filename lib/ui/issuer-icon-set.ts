// Bundled issuer icons (issue 14): a curated set of 155 brands common among 2FA issuers,
// from the simple-icons package (CC0-1.0, https://simpleicons.org; the marks stay their owners'
// trademarks: node_modules/simple-icons/DISCLAIMER.md), named in lib/ui/issuer-brands.ts so the
// bundle keeps just these; the popup loads this module lazily as its own chunk. Never fetched at run time.
import * as brands from './issuer-brands';

export interface BrandIcon {
  title: string;
  hex: string;
  path: string;
}

/** Every bundled icon. */
export const ICONS: readonly BrandIcon[] = Object.values(brands);
