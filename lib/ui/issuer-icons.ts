// Which bundled icon (lib/ui/issuer-icon-set.ts) stands for an issuer: the brand whose title
// equals the issuer's name once folded (case, accents, width, spaces and punctuation), else the
// longest brand title the name starts with as whole words ("GitHub Enterprise" → GitHub), plus
// a few renamed brands. No match: the caller shows a letter avatar (lib/ui/avatar.ts).
import { foldKey } from '../order/search';

export interface BrandLike {
  title: string;
}

const ALIASES: Record<string, string> = { twitter: 'x', protonmail: 'protonmail', steamcommunity: 'steam', amex: 'americanexpress', 'battle net': 'battlenet' };

function words(s: string): string {
  return foldKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** An index of icons by folded title; `find` answers the icon for an issuer name, or null. */
export class IconMatcher<T extends BrandLike> {
  private readonly exact = new Map<string, T>();
  private readonly prefixes: Array<[string, T]> = [];
  constructor(icons: readonly T[]) {
    for (const icon of icons) {
      const w = words(icon.title);
      this.exact.set(w.replace(/ /g, ''), icon);
      this.prefixes.push([`${w} `, icon]);
    }
    this.prefixes.sort((a, b) => b[0].length - a[0].length);
  }

  find(name: string): T | null {
    const w = words(name);
    if (!w) return null;
    const compact = w.replace(/ /g, '');
    const alias = ALIASES[w] ?? ALIASES[compact];
    const hit = this.exact.get(alias ?? compact);
    if (hit) return hit;
    for (const [prefix, icon] of this.prefixes) if (prefix.length > 2 && `${w} `.startsWith(prefix)) return icon;
    return null;
  }
}
