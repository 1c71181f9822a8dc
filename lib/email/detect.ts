// Finding a one-time code in webmail messages (issue 15; weights and reasons in docs/email-codes.md).
// Input: the messages an on-demand reader collected from an open mailbox tab (lib/email/collect.ts):
// each with its text and the time strings found on it. Output: the code of the newest message that
// arrived in the last 10 minutes and clearly holds one, or null. Runs in the background; nothing
// read is stored.

/** A message (or list row) as the reader saw it. */
export interface MailItem {
  /** The row's or message's visible text (subject, sender, snippet or body), cut short. */
  text: string;
  /** Time strings found on it, best first: datetime/title attributes, then short texts ("9:28 AM", "2 min ago"). */
  times: string[];
}

export interface MailCode {
  code: string;
  /** When the message arrived, epoch ms (to the minute for most webmail). */
  receivedAt: number;
  score: number;
}

/** Messages older than this are never used (the service's codes live 30–90 s; mail is slower). */
export const MAX_AGE_MS = 10 * 60_000;
/** A candidate needs at least this many points. */
export const MIN_SCORE = 4;

/** Words that introduce a one-time code (NFKC, lower case). */
const CODE_WORDS = /one[- ]?time (?:pass(?:word|code)|code|pin)|verification|verify|security code|login code|sign[- ]?in code|passcode|\botp\b|\bcode\b|\bpin\b|confirmation code|ワンタイムパスワード|ワンタイム|認証コード|確認コード|認証番号|確認番号|セキュリティコード|ログインコード|パスコード|验证码|인증 ?번호|인증 ?코드|código|bestätigungscode/;
/** Words that make a nearby number something else (an order, a phone, a price, an address…). */
const OTHER_NUMBER = /order|invoice|receipt|tracking|shipment|account (?:no|number)|customer (?:no|number|id)|ticket|reference|ref\.?\b|phone|\btel\b|fax|zip|postal|\bno\.|#|注文|受注|請求|伝票|追跡|お問い合わせ番号|会員番号|電話|〒|円|¥|\$|€|£|%|ポイント|points?\b/;
/** A whole message that sells something: its numbers are prices, coupons and dates. */
const MARKETING = /unsubscribe|\bsale\b|% off|\boff\b.{0,10}\border|coupon|promo|discount|newsletter|deal|配信停止|配信解除|メルマガ|クーポン|セール|キャンペーン|割引|特価|ポイント.{0,6}倍/;

/** One-time codes are 4–8 digits, sometimes split in the middle ("123 456", "123-456"). */
// Not part of a longer number, a decimal, a time, a phone number or a date ("0120-123-456",
// "10:30", "1,250.00", "2026/12/05"); a letter prefix is fine ("G-204816").
const CANDIDATE = /(?<![\d,/]|\d[.:\-])(\d{3,4})[ -]?(\d{3,4})(?![\d,/%]|[.:\-]\d)|(?<![\d,/]|\d[.:\-])(\d{4,8})(?![\d,/%]|[.:\-]\d)/g;

/** Points for one candidate (docs/email-codes.md "Scoring a number"). */
function scoreCandidate(text: string, index: number, raw: string, digits: string): number {
  let score = 0;
  const before = text.slice(Math.max(0, index - 60), index);
  const after = text.slice(index + raw.length, index + raw.length + 30);
  if (CODE_WORDS.test(before)) score += 4;
  else if (CODE_WORDS.test(after)) score += 2;
  // The closest words before the number decide what it is: "Order no. 123456" is no code.
  if (OTHER_NUMBER.test(before.slice(-20)) || /^\s*(?:円|%|yen|ポイント|pt)/.test(after)) score -= 6;
  if (digits.length === 6) score += 2;
  else if (digits.length === 8 || digits.length === 4) score += 1;
  // A year (1900–2099) or a time is not a code.
  if (digits.length === 4 && /^(?:19|20)\d\d$/.test(digits)) score -= 3;
  // A code usually stands alone: at the end of a sentence or on its own line.
  if (/^\s*(?:$|[\n.。)」】]|\s{2})/.test(after) || /[:：]\s*$|\n\s*$/.test(before)) score += 1;
  return score;
}

/** The code a message holds, or null: the best candidate, when it clearly beats the others. */
export function codeInText(textIn: string): { code: string; score: number } | null {
  const text = textIn.normalize('NFKC').toLowerCase();
  const marketing = MARKETING.test(text) ? -3 : 0;
  const found = new Map<string, number>();
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = m[3] ?? `${m[1]}${m[2]}`;
    if (digits.length < 4 || digits.length > 8) continue;
    const s = scoreCandidate(text, m.index!, m[0], digits) + marketing;
    found.set(digits, Math.max(found.get(digits) ?? -Infinity, s));
  }
  const ranked = [...found.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < MIN_SCORE) return null;
  // Two codes that score alike: we cannot tell which one the login page wants.
  if (second && second[1] >= best[1] - 1) return null;
  return { code: best[0], score: best[1] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a message arrived, from one of its time strings, relative to local `now` (epoch ms), or
 * null. Reads absolute dates (ISO, RFC 2822, "Sat, Dec 5, 2026, 9:28 AM", "2026/12/05 9:28"),
 * relative ones ("2 minutes ago", "2分前", "just now", "たった今") and a bare time of day
 * ("9:28 AM", "午前9:28", "9:28"), taken as today (or yesterday when that would be in the future).
 */
export function parseMailTime(s: string, now: number): number | null {
  const text = s.normalize('NFKC').trim().toLowerCase();
  if (!text || text.length > 80) return null;
  if (/^(?:just now|now|たった今|今)$/.test(text)) return now;
  const rel = /(\d{1,3})\s*(?:(min(?:ute)?s?|m)\b|分前|(秒前|sec(?:ond)?s?\b)|(hours?|hrs?|h\b|時間前))/.exec(text);
  if (rel && /ago|前/.test(text)) {
    const n = Number(rel[1]);
    return now - n * (rel[4] ? 3_600_000 : rel[3] ? 1_000 : 60_000);
  }
  const jaDate = /(\d{4})[/年-](\d{1,2})[/月-](\d{1,2})日?(?:\s*\(.\))?\s*(午前|午後)?\s*(\d{1,2}):(\d{2})/.exec(text);
  if (jaDate) {
    let h = Number(jaDate[5]);
    if (jaDate[4] === '午後' && h < 12) h += 12;
    if (jaDate[4] === '午前' && h === 12) h = 0;
    return new Date(Number(jaDate[1]), Number(jaDate[2]) - 1, Number(jaDate[3]), h, Number(jaDate[6])).getTime();
  }
  // A full date (has a year or an ISO form): let Date read it, after cleaning commas and "at".
  if (/\b\d{4}\b/.test(text) && /\d:\d\d/.test(text)) {
    const cleaned = text.replace(/\s+at\s+/, ' ').replace(/,(?=\s*\d{1,2}:)/, '').replace(/\(.*?\)/g, '').replace(/\u202f/g, ' ');
    const ms = Date.parse(cleaned);
    if (Number.isFinite(ms)) return ms;
  }
  const tod = /^(?:(午前|午後)\s*)?(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm)?$/.exec(text.replace(/\u202f/g, ' '));
  if (tod) {
    let h = Number(tod[2]);
    const pm = tod[4] === 'pm' || tod[1] === '午後';
    const am = tod[4] === 'am' || tod[1] === '午前';
    if (h > 23 || Number(tod[3]) > 59) return null;
    if (pm && h < 12) h += 12;
    if (am && h === 12) h = 0;
    const d = new Date(now);
    const t = new Date(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(h)}:${tod[3]}:00`).getTime();
    // A time later than now (beyond the minute it names) is yesterday's.
    return t - now > 60_000 ? t - 86_400_000 : t;
  }
  return null;
}

/** The arrival time of an item: its first readable time string. */
export function arrivalOf(item: MailItem, now: number): number | null {
  for (const s of item.times) {
    const t = parseMailTime(s, now);
    if (t !== null) return t;
  }
  return null;
}

/**
 * The code to offer from all the items read: among messages that arrived within MAX_AGE_MS
 * (allowing the minute a "9:28" stands for, and a little clock skew ahead), the newest one that
 * holds a code. Items without a readable time are never used.
 */
export function pickMailCode(items: readonly MailItem[], now: number): MailCode | null {
  const found: MailCode[] = [];
  for (const item of items) {
    const at = arrivalOf(item, now);
    if (at === null || now - at > MAX_AGE_MS + 59_000 || at - now > 120_000) continue;
    const c = codeInText(item.text);
    if (c) found.push({ code: c.code, score: c.score, receivedAt: at });
  }
  // Newest first; the same message seen in the list and in the open view counts once.
  found.sort((a, b) => b.receivedAt - a.receivedAt || b.score - a.score);
  return found[0] ?? null;
}
