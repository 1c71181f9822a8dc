// The order accounts are shown in (shared/automation-api.md, Stable hooks): pinned accounts
// first, then the user's own order where they set one, otherwise by issuer then label,
// case-, accent- and width-insensitively, with Japanese kana sorted by reading (hiragana and
// katakana alike). `accounts.list`, the popup and the options table all use this one function,
// so they cannot disagree. The fields live in the sealed account data (`pinned`, `order`,
// `tags`), so they sync like the rest of the record (docs/sync.md, record format 2).

/** What the order needs of an account. */
export interface Orderable {
  id: string;
  issuer: string;
  label: string;
  pinned?: boolean;
  /** The user's rank (smaller first); absent until the user moves an account. */
  order?: number | null;
}

// One collator for every UI language: the 'ja' tailoring keeps Latin in root order and puts
// kana in gojūon order with hiragana = katakana at base strength (UTS #10, CLDR ja); `base`
// ignores case and accents; `numeric` puts "Account 2" before "Account 10".
const collator = new Intl.Collator(['ja', 'en'], { sensitivity: 'base', numeric: true, ignorePunctuation: false });

/** Folds a name for comparison: NFKC (full/half width), katakana → hiragana. */
export function foldName(s: string): string {
  return s.normalize('NFKC').replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)).trim();
}

function nameOf(a: Orderable): string {
  return a.issuer || a.label;
}

interface Keyed {
  a: Orderable;
  name: string;
  label: string;
}

function keyed(a: Orderable): Keyed {
  return { a, name: foldName(nameOf(a)), label: foldName(a.label) };
}

function compareKeyed(x: Keyed, y: Keyed): number {
  const a = x.a;
  const b = y.a;
  const pin = Number(!!b.pinned) - Number(!!a.pinned);
  if (pin) return pin;
  const ao = typeof a.order === 'number' ? a.order : null;
  const bo = typeof b.order === 'number' ? b.order : null;
  if (ao !== null || bo !== null) {
    if (ao === null) return 1;
    if (bo === null) return -1;
    if (ao !== bo) return ao - bo;
  }
  return collator.compare(x.name, y.name) || collator.compare(x.label, y.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Compares two accounts by the stable rule; ties end on the id so the order never flickers. */
export function compareAccounts(a: Orderable, b: Orderable): number {
  return compareKeyed(keyed(a), keyed(b));
}

/** A sorted copy (names folded once per account, not once per comparison). */
export function sortAccounts<T extends Orderable>(list: readonly T[]): T[] {
  return list.map(keyed).sort(compareKeyed).map((k) => k.a as T);
}

/**
 * Ranks for a new user order: `ids` is the whole list as the user arranged it. Returns only
 * the accounts whose rank changes, so moving one account rewrites (and syncs) few records.
 */
export function ranksFor(ids: readonly string[], current: ReadonlyMap<string, number | null | undefined>): Map<string, number> {
  const changed = new Map<string, number>();
  ids.forEach((id, i) => {
    if (current.get(id) !== i) changed.set(id, i);
  });
  return changed;
}

/** Moves the item at `from` by `delta` places (keyboard reorder); returns a new array. */
export function moveBy<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** The popup's order: accounts bound to the tab's site first (marked by `bound`), then the stable order. */
export function displayOrder<T extends { id: string }>(accounts: readonly T[], bound: ReadonlySet<string>): T[] {
  if (!bound.size) return [...accounts];
  return [...accounts.filter((a) => bound.has(a.id)), ...accounts.filter((a) => !bound.has(a.id))];
}
