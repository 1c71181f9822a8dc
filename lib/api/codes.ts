// codes.* handlers: the current code of an account and its validity window (RFC 6238 §4
// for TOTP; RFC 4226 §5 for HOTP, whose counter moves only when a code is used).
// codes.get takes an optional `at` (epoch ms, TOTP only: shared/automation-api.md) so tests with a
// fake clock can ask for the code of a given moment; an HOTP code does not depend on time, so an
// HOTP account ignores `at` (after checking it) and answers the code for its stored counter.
// Clock correction (issue 15, docs/clock.md): without `at`, codes are computed on corrected time
// when correction is on (lib/api/clock.ts codeNow); an explicit `at` is taken as given.
import type { AccountData } from '../otp/account';
import { codeOf, localCodes } from '../otp/shown-codes';
import { TesseraError } from '../messages/errors';
import { t } from '../i18n/i18n';
import type { AnswerFields } from './contract';
import { loadAccount, loadAccounts, type AccountRecord } from './accounts';
import { serialized } from './mutex';
import { codeNow } from './clock';
import { str } from './router';
import type { ApiContext, Message, Result } from './types';

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
  return { ...codeOf(rec, at ?? (await codeNow(ctx)).now) };
}

/**
 * codes.all: every account's code at once, for the popup (one message per refresh). With clock
 * correction on, the codes are those of corrected time and `expiresAt`/`acceptedUntil` are given
 * on this device's clock (shifted back by the offset), so the popup's countdown, which runs on
 * Date.now(), ends when the true step ends.
 */
export async function allCodes(_msg: Message, ctx: ApiContext): Promise<Result> {
  const { now, shiftMs } = await codeNow(ctx);
  return { codes: localCodes(await loadAccounts(ctx), now, shiftMs), now: now + shiftMs };
}

/**
 * Uses a code (copy or fill): for HOTP, returns the code for the stored counter and
 * advances the counter in the same commit (RFC 4226 §7.2: the counter moves after a use).
 */
export function useCode(rec: AccountRecord, ctx: ApiContext): Promise<{ code: string }> {
  if (rec.data.type !== 'hotp') return codeNow(ctx).then(({ now }) => ({ code: codeOf(rec, now).code }));
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
