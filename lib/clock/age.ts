// How old an e-mailed code is, in whole minutes (issue 15: "from email, 2 min ago"). Kept apart
// from format.ts, which pulls in the UI dictionaries, so the on-demand autofill engine (whose
// chip says the same as the popup) can use the same rule without them.

/** Whole minutes since `at` (never negative: a mail clock a little ahead reads "just now"). */
export function emailMinutes(at: number, now: number): number {
  return Math.floor(Math.max(0, now - at) / 60_000);
}
