// Search over many accounts at keystroke speed (issue 14: ≤ 16 ms for 1,000 accounts):
// each account's searchable text is folded once (NFKC, lower case, accents stripped,
// katakana → hiragana) into one key, so a keystroke is one `includes` per account.
import { foldName } from './order';

/** Folds text for matching: width, case, accents (NFD minus combining marks), kana. */
export function foldKey(s: string): string {
  return foldName(s).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

export interface Searchable {
  id: string;
  issuer: string;
  label: string;
  sites: readonly string[];
  tags?: readonly string[];
}

/** An index built once per account list; `filter` runs per keystroke. */
export class SearchIndex<T extends Searchable> {
  private readonly keys: string[];
  constructor(readonly items: readonly T[]) {
    // \u0001 separates fields so a query never matches across two of them.
    this.keys = items.map((a) => foldKey([a.issuer, a.label, ...a.sites, ...(a.tags ?? [])].join('\u0001')));
  }

  /** The items whose key holds the folded query (all of them for an empty query), in order. */
  filter(query: string, tag?: string | null): T[] {
    const q = foldKey(query);
    const out: T[] = [];
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items[i]!;
      if (tag && !(item.tags ?? []).includes(tag)) continue;
      if (!q || this.keys[i]!.includes(q)) out.push(item);
    }
    return out;
  }
}

/** Every tag in use, sorted for display. */
export function allTags(items: readonly { tags?: readonly string[] }[]): string[] {
  const set = new Set<string>();
  for (const a of items) for (const t of a.tags ?? []) set.add(t);
  return [...set].sort(new Intl.Collator(['ja', 'en'], { sensitivity: 'base', numeric: true }).compare);
}
