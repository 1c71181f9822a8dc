// vault.* handlers: status, setup, unlock, lock and passphrase change.
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { policyOf } from '../policy/context';
import { managedView } from '../policy/settings';
import { siteOf } from '../sites/site';
import { MAX_MAILBOXES } from '../settings/settings';
import { str } from './router';
import type { ApiContext, Message, Result } from './types';

export async function status(_msg: Message, ctx: ApiContext): Promise<Result> {
  return { state: await ctx.vault.state() };
}

export async function setup(msg: Message, ctx: ApiContext): Promise<Result> {
  await ctx.vault.setup(str(msg, 'passphrase'));
  // A new vault is an unlocked one: sync seals credentials that waited for it, then catches up.
  ctx.onUnlock?.();
  return {};
}

export async function unlock(msg: Message, ctx: ApiContext): Promise<Result> {
  await ctx.vault.unlock(str(msg, 'passphrase'));
  ctx.onUnlock?.();
  return {};
}

export async function lock(_msg: Message, ctx: ApiContext): Promise<Result> {
  await ctx.vault.lock();
  return {};
}

export async function changePassphrase(msg: Message, ctx: ApiContext): Promise<Result> {
  // Optional `replaceKey`: also replace the vault key (issue 10; docs/vault-format.md).
  if (msg.replaceKey !== undefined && typeof msg.replaceKey !== 'boolean') throw new TesseraError('bad-input');
  await ctx.vault.changePassphrase(str(msg, 'old'), str(msg, 'passphrase'), { replaceKey: msg.replaceKey === true });
  ctx.onChange?.();
  return {};
}

export async function getSettings(_msg: Message, ctx: ApiContext): Promise<Result> {
  // `managed` (contract): what the administrator fixed; `limits`, `policy`: for the pages (issue 16).
  const [settings, policy] = await Promise.all([ctx.settings.get(), policyOf(ctx)]);
  return { settings, ...managedView(policy) };
}

/** Issue 15's settings (contract): clockCorrection a boolean, emailCodes `{ enabled, mailboxes: [sites] }`. */
function checkIssue15Settings(patch: Record<string, unknown>): void {
  if (patch.clockCorrection !== undefined && typeof patch.clockCorrection !== 'boolean') throw new TesseraError('bad-input', t('policy.input.setting', 'clockCorrection'));
  const e = patch.emailCodes as { enabled?: unknown; mailboxes?: unknown } | undefined;
  if (e === undefined) return;
  const ok = e !== null && typeof e === 'object' && typeof e.enabled === 'boolean' && Array.isArray(e.mailboxes) && e.mailboxes.length <= MAX_MAILBOXES
    && e.mailboxes.every((m) => typeof m === 'string' && siteOf(m) !== null);
  if (!ok) throw new TesseraError('bad-input', t('policy.input.setting', 'emailCodes'));
}

export async function setSettings(msg: Message, ctx: ApiContext): Promise<Result> {
  if (!msg.settings || typeof msg.settings !== 'object' || Array.isArray(msg.settings)) throw new TesseraError('bad-input');
  // A known setting of the wrong type is `bad-input` (contract), not silently ignored.
  const patch = msg.settings as Record<string, unknown>;
  for (const [key, type] of [['autoLockMinutes', 'number'], ['clipboardClearSeconds', 'number'], ['lowTokenThreshold', 'number'], ['autoFill', 'boolean']] as const) {
    const v = patch[key];
    if (v !== undefined && (typeof v !== type || (type === 'number' && !Number.isFinite(v)))) throw new TesseraError('bad-input', t('policy.input.setting', key));
  }
  checkIssue15Settings(patch);
  const { clockCorrectionChosen: _chosen, ...rest } = patch;
  return { settings: await ctx.settings.set(rest) };
}
