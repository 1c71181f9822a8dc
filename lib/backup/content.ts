// What a Tessera backup holds (docs/backup-format.md, "Content", version 1), built from the
// vault's opened records and read back with every value checked, since a backup file is input
// like any other: a bad account is reported against its 1-based position (`line`) and left out;
// the others still restore. Tokens follow their account; a token whose account is left out or
// absent goes with it.
import { t } from '../i18n/i18n';
import { TesseraError, toErrorInfo } from '../messages/errors';
import type { AccountData, AccountType } from '../otp/account';
import type { ImportError } from '../otp/import';
import { entryName } from '../otp/import';
import { isCleanText, validateParams } from '../otp/params';
import { normaliseSites } from '../sites/site';
import { checkValue } from '../tokens/parse';
import { isHlc } from '../record/hlc';

export interface BackupAccount {
  id: string;
  /** The record's hybrid-logical-clock stamp: when it was last written (restore keeps the newer). */
  hlc: string;
  data: AccountData;
}

export interface BackupToken {
  id: string;
  accountId: string;
  value: string;
  addedAt: number;
  /** When it was used; null while unused. */
  usedAt: number | null;
}

export interface BackupContent {
  app: 'tessera';
  createdAt: number;
  accounts: BackupAccount[];
  tokens: BackupToken[];
}

/** The opened records a backup is made from (Vault.read of each kind). */
export interface VaultSnapshot {
  accounts: Array<{ id: string; hlc: string; data: AccountData }>;
  tokens: Array<{ id: string; data: { accountId: string; value: string; addedAt: number } }>;
  used: Map<string, number>;
}

export function buildContent(s: VaultSnapshot, now: number): BackupContent {
  const ids = new Set(s.accounts.map((a) => a.id));
  return {
    app: 'tessera',
    createdAt: now,
    accounts: s.accounts.map((a) => ({ id: a.id, hlc: a.hlc, data: a.data })),
    tokens: s.tokens
      .filter((tk) => ids.has(tk.data.accountId))
      .map((tk) => ({ id: tk.id, accountId: tk.data.accountId, value: tk.data.value, addedAt: tk.data.addedAt, usedAt: s.used.get(tk.id) ?? null })),
  };
}

export interface ReadContent {
  createdAt: number;
  accounts: Array<BackupAccount & { line: number }>;
  tokens: BackupToken[];
  errors: ImportError[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TYPES: readonly AccountType[] = ['totp', 'hotp', 'tokens'];
const isTime = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

function structure(): never {
  throw new TesseraError('bad-file', t('error.bad-file', t('backup.where.content')));
}

/** Checks one account's data; throws the API code of the first problem. */
function checkAccount(raw: unknown): BackupAccount {
  const r = raw as { id?: unknown; hlc?: unknown; data?: Record<string, unknown> };
  if (typeof r?.id !== 'string' || !ID.test(r.id) || !isHlc(r.hlc) || typeof r.data !== 'object' || r.data === null) throw new TesseraError('bad-input');
  const d = r.data;
  const type = d.type as AccountType;
  if (!TYPES.includes(type)) throw new TesseraError('bad-uri');
  const extra = Array.isArray(d.extra) && d.extra.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string')) ? (d.extra as Array<[string, string]>) : null;
  if (!extra) throw new TesseraError('bad-uri');
  for (const f of ['secret', 'issuer', 'label', 'algorithm']) if (typeof d[f] !== 'string') throw new TesseraError('bad-uri');
  const data: AccountData = {
    type,
    secret: d.secret as string,
    issuer: d.issuer as string,
    label: d.label as string,
    algorithm: d.algorithm as AccountData['algorithm'],
    digits: d.digits as number,
    period: d.period as number,
    counter: d.counter as number,
    extra: extra.map(([k, v]) => [k, v]),
    window: d.window as number,
    sites: [],
    createdAt: d.createdAt as number,
  };
  if (type === 'tokens') {
    // An entry of emergency tokens only: a name, no seed.
    if (!isCleanText(data.issuer) || data.issuer === '' || !isCleanText(data.label)) throw new TesseraError('bad-uri');
  } else {
    validateParams({ ...data, type });
  }
  if (!Number.isSafeInteger(data.window) || data.window < 0 || data.window > 10) throw new TesseraError('bad-input');
  if (!isTime(data.createdAt)) throw new TesseraError('bad-input');
  if (!Array.isArray(d.sites) || !d.sites.every((x) => typeof x === 'string')) throw new TesseraError('bad-input');
  const sites = normaliseSites(d.sites as string[]);
  if (sites.invalid.length) throw new TesseraError('bad-input', t('error.input.site', sites.invalid.join(', ').slice(0, 120)));
  data.sites = sites.sites;
  return { id: r.id, hlc: r.hlc, data };
}

function checkToken(raw: unknown): BackupToken | null {
  const r = raw as Partial<BackupToken>;
  if (typeof r?.id !== 'string' || !ID.test(r.id) || typeof r.accountId !== 'string' || typeof r.value !== 'string') return null;
  if (checkValue(r.value) !== null || !isTime(r.addedAt)) return null;
  if (r.usedAt !== null && !isTime(r.usedAt)) return null;
  return { id: r.id, accountId: r.accountId, value: r.value, addedAt: r.addedAt, usedAt: r.usedAt ?? null };
}

/**
 * Reads opened content. The shape itself (not an object, lists missing) is `bad-file`; each bad
 * account is an error on its line; bad tokens are counted in `errors` against their account.
 */
export function readContent(raw: unknown): ReadContent {
  const c = raw as Partial<BackupContent>;
  if (typeof c !== 'object' || c === null || c.app !== 'tessera' || !Array.isArray(c.accounts) || !Array.isArray(c.tokens)) structure();
  const out: ReadContent = { createdAt: isTime(c.createdAt) ? c.createdAt : 0, accounts: [], tokens: [], errors: [] };
  const lineOf = new Map<string, number>();
  c.accounts.forEach((a, i) => {
    const line = i + 1;
    try {
      const acc = checkAccount(a);
      if (lineOf.has(acc.id)) throw new TesseraError('bad-input');
      lineOf.set(acc.id, line);
      out.accounts.push({ ...acc, line });
    } catch (e) {
      const d = (a as { data?: { issuer?: unknown; label?: unknown } })?.data;
      // Names only say which entry failed; shown, so without control or bidi characters.
      const shown = (v: unknown) => (typeof v === 'string' ? v.slice(0, 80).replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '').trim() : '');
      const name = entryName(shown(d?.issuer), shown(d?.label));
      out.errors.push({ line, code: toErrorInfo(e).code, message: t('otp.entryError', name, toErrorInfo(e).message) });
    }
  });
  const badTokens = new Map<number, number>();
  const seen = new Set<string>();
  for (const raw of c.tokens) {
    const tk = checkToken(raw);
    const line = lineOf.get(String((raw as { accountId?: unknown })?.accountId));
    if (line === undefined) continue; // its account was left out (reported) or never existed
    if (!tk || seen.has(tk.id)) badTokens.set(line, (badTokens.get(line) ?? 0) + 1);
    else {
      seen.add(tk.id);
      out.tokens.push(tk);
    }
  }
  for (const [line, n] of badTokens) out.errors.push({ line, code: 'bad-input', message: t('backup.bad-tokens', n) });
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}
