// Display helpers for codes and times (pure, so they are unit-tested without a page).

/** Groups a code's digits for reading aloud: 123 456, 1234 5678, 123 4567. */
export function groupDigits(code: string): string {
  if (code.length < 6) return code;
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** hh:mm:ss in local time, 24-hour, zero-padded. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Whole seconds left until `until` (never negative). */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Case- and width-insensitive search over an account's issuer, label and sites. */
export function matchesQuery(query: string, fields: readonly string[]): boolean {
  const q = query.normalize('NFKC').toLowerCase().trim();
  if (!q) return true;
  return fields.some((f) => f.normalize('NFKC').toLowerCase().includes(q));
}
