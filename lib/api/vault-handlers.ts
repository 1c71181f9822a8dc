// vault.* handlers: status, setup, unlock, lock and passphrase change.
import { TesseraError } from '../messages/errors';
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
  return { settings: await ctx.settings.get() };
}

export async function setSettings(msg: Message, ctx: ApiContext): Promise<Result> {
  if (!msg.settings || typeof msg.settings !== 'object' || Array.isArray(msg.settings)) throw new TesseraError('bad-input');
  return { settings: await ctx.settings.set(msg.settings as Record<string, unknown>) };
}
