// passkey.* and vault.*Passkey handlers (issue 18; docs/automation-api.md, "Messages beyond the
// stable contract"). Extension pages only, like every core handler. The page runs WebAuthn and
// sends the PRF output here (base64); it is turned into a wrapping key and dropped, never stored.
import { fromBase64 } from '../crypto/encoding';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { newPrfSalt } from '../passkey/wrap';
import { optBool, str } from './router';
import type { ApiContext, Message, Result } from './types';
import type { Vault } from '../vault/vault';

/** The passkey side of lib/vault/vault.ts (kept out of VaultLike so existing fakes stay valid). */
export type PasskeyVault = Pick<Vault, 'passkeys' | 'passkeyRequest' | 'addPasskey' | 'updatePasskey' | 'removePasskey' | 'unlockWithPasskey' | 'passkeyNotice'>;

function pv(ctx: ApiContext): PasskeyVault {
  const v = ctx.vault as unknown as Partial<PasskeyVault>;
  if (typeof v.passkeyRequest !== 'function') throw new TesseraError('internal');
  return v as PasskeyVault;
}

function prfOf(msg: Message): Uint8Array {
  try {
    return fromBase64(str(msg, 'prf'));
  } catch {
    throw new TesseraError('bad-input', t('passkey.error.input'));
  }
}

/** Locked or not: the credentials (and their PRF salts) the unlock prompt asks for. */
export async function passkeyBegin(_msg: Message, ctx: ApiContext): Promise<Result> {
  return { credentials: await pv(ctx).passkeyRequest() };
}

export async function unlockPasskey(msg: Message, ctx: ApiContext): Promise<Result> {
  await pv(ctx).unlockWithPasskey(str(msg, 'id'), prfOf(msg));
  ctx.onUnlock?.();
  return {};
}

export async function list(_msg: Message, ctx: ApiContext): Promise<Result> {
  return { passkeys: await pv(ctx).passkeys(), dropped: await pv(ctx).passkeyNotice() };
}

/** What creating a credential needs: a fresh PRF salt, and the credentials not to make twice. */
export async function addBegin(_msg: Message, ctx: ApiContext): Promise<Result> {
  const existing = await pv(ctx).passkeyRequest();
  return { salt: newPrfSalt(), exclude: existing.map((c) => c.id), userName: 'Tessera', rpName: 'Tessera' };
}

export async function add(msg: Message, ctx: ApiContext): Promise<Result> {
  const name = msg.name === undefined ? '' : str(msg, 'name');
  const passkey = await pv(ctx).addPasskey({ id: str(msg, 'id'), salt: str(msg, 'salt'), prf: prfOf(msg), name, sync: optBool(msg, 'sync', false), rp: msg.rp === undefined ? '' : str(msg, 'rp') });
  ctx.onChange?.();
  return { passkey };
}

export async function rename(msg: Message, ctx: ApiContext): Promise<Result> {
  await pv(ctx).updatePasskey(str(msg, 'id'), { name: str(msg, 'name') });
  ctx.onChange?.();
  return {};
}

export async function setSync(msg: Message, ctx: ApiContext): Promise<Result> {
  const sync = msg.sync;
  if (typeof sync !== 'boolean') throw new TesseraError('bad-input', t('error.input.boolean', 'sync'));
  await pv(ctx).updatePasskey(str(msg, 'id'), { sync });
  ctx.onChange?.();
  return {};
}

export async function remove(msg: Message, ctx: ApiContext): Promise<Result> {
  await pv(ctx).removePasskey(str(msg, 'id'));
  ctx.onChange?.();
  return {};
}

export async function dismissNotice(_msg: Message, ctx: ApiContext): Promise<Result> {
  await pv(ctx).passkeyNotice(true);
  return {};
}
