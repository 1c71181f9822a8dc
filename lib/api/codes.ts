// codes.* handlers: the current code of an account and its validity window (RFC 6238 §4
// for TOTP; RFC 4226 §5 for HOTP, whose counter moves only when a code is used).
import type { AccountData } from '../otp/account';
import { codeFor } from '../otp/codes';
import { TesseraError } from '../messages/errors';
import { loadAccount, loadAccounts, type AccountRecord } from './accounts';
import { str } from './router';
import type { ApiContext, Message, Result } from './types';

export function codeOf(rec: AccountRecord, now: number) {
  if (rec.data.type === 'tokens') throw new TesseraError('wrong-type');
  return codeFor({ ...rec.data, type: rec.data.type }, now);
}

/** codes.get: never advances an HOTP counter. */
export async function getCode(msg: Message, ctx: ApiContext): Promise<Result> {
  const rec = await loadAccount(ctx, str(msg, 'id'));
  return { ...codeOf(rec, ctx.now()) };
}

/** codes.all: every account's code at once, for the popup (one message per refresh). */
export async function allCodes(_msg: Message, ctx: ApiContext): Promise<Result> {
  const now = ctx.now();
  const codes = (await loadAccounts(ctx))
    .filter((r) => r.data.type !== 'tokens')
    .map((r) => ({ id: r.id, ...codeOf(r, now) }));
  return { codes, now };
}

/**
 * Uses a code (copy or fill): for HOTP, returns the code for the stored counter and
 * advances the counter in the same commit (RFC 4226 §7.2: the counter moves after a use).
 */
export async function useCode(rec: AccountRecord, ctx: ApiContext): Promise<{ code: string }> {
  const { code } = codeOf(rec, ctx.now());
  if (rec.data.type === 'hotp') {
    const data: AccountData = { ...rec.data, counter: rec.data.counter + 1 };
    await ctx.vault.commit({ put: [{ id: rec.id, kind: 'account', data }] });
    ctx.onChange?.();
  }
  return { code };
}

/** codes.use: the popup copies a code. */
export async function useCodeMessage(msg: Message, ctx: ApiContext): Promise<Result> {
  const rec = await loadAccount(ctx, str(msg, 'id'));
  return { ...(await useCode(rec, ctx)) };
}
