// codes.* handlers: the current code of an account and its validity window (RFC 6238 §4
// for TOTP; RFC 4226 §5 for HOTP, whose counter moves only when a code is used).
// codes.get takes an optional `at` (epoch ms, TOTP only: shared/automation-api.md) so tests with a
// fake clock can ask for the code of a given moment; an HOTP code does not depend on time, so an
// HOTP account ignores `at` (after checking it) and answers the code for its stored counter.
import type { AccountData } from '../otp/account';
import { codeFor } from '../otp/codes';
import { TesseraError } from '../messages/errors';
import { t } from '../i18n/i18n';
import type { AnswerFields } from './contract';
import { loadAccount, loadAccounts, type AccountRecord } from './accounts';
import { serialized } from './mutex';
import { str } from './router';
import type { ApiContext, Message, Result } from './types';

export function codeOf(rec: AccountRecord, now: number) {
  if (rec.data.type === 'tokens') throw new TesseraError('wrong-type');
  return codeFor({ ...rec.data, type: rec.data.type }, now);
}

/** The latest moment a JavaScript Date can hold (ECMA-262 §21.4.1.1): 8.64 × 10^15 ms. */
export const MAX_TIME = 8.64e15;

/** codes.get's optional `at`: a whole number of epoch ms from 0 to MAX_TIME, else bad-input. */
function momentField(msg: Message): number | undefined {
  const v = msg.at;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_TIME) throw new TesseraError('bad-input', t('error.input.range', 'at', 0, MAX_TIME));
  return v;
}

/** codes.get: the code now, or at `at` for TOTP; never advances an HOTP counter. */
export async function getCode(msg: Message, ctx: ApiContext): Promise<AnswerFields<'codes.get'>> {
  const at = momentField(msg);
  const rec = await loadAccount(ctx, str(msg, 'id'));
  return { ...codeOf(rec, at ?? ctx.now()) };
}

/** codes.all: every account's code at once, for the popup (one message per refresh). */
export async function allCodes(_msg: Message, ctx: ApiContext): Promise<Result> {
  const now = ctx.now();
  const codes = [];
  for (const r of await loadAccounts(ctx)) {
    if (r.data.type === 'tokens') continue;
    // One account that can't make a code (a record from a newer version, say) must not blank the rest.
    try {
      codes.push({ id: r.id, ...codeOf(r, now) });
    } catch {
      continue;
    }
  }
  return { codes, now };
}

/**
 * Uses a code (copy or fill): for HOTP, returns the code for the stored counter and
 * advances the counter in the same commit (RFC 4226 §7.2: the counter moves after a use).
 */
export function useCode(rec: AccountRecord, ctx: ApiContext): Promise<{ code: string }> {
  if (rec.data.type !== 'hotp') return Promise.resolve({ code: codeOf(rec, ctx.now()).code });
  return serialized(async () => {
    // Read the counter again inside the lock: another use may have moved it meanwhile.
    const fresh = (await ctx.vault.get<AccountData>(rec.id)) ?? rec;
    const { code } = codeOf(fresh, ctx.now());
    const data: AccountData = { ...fresh.data, counter: fresh.data.counter + 1 };
    await ctx.vault.commit({ put: [{ id: rec.id, kind: 'account', data }] });
    ctx.onChange?.();
    return { code };
  });
}

/** codes.use: the popup copies a code. */
export async function useCodeMessage(msg: Message, ctx: ApiContext): Promise<Result> {
  const rec = await loadAccount(ctx, str(msg, 'id'));
  return { ...(await useCode(rec, ctx)) };
}
