// The policy's checks in front of the API handlers (issue 16), so that the handlers of other
// features stay as they are: sync.configure refuses a backend or WebDAV folder the policy does
// not allow (`managed`, nothing written) and takes the preset folder when none is given;
// sync.now first turns off a backend the policy no longer allows; vault.setup and
// vault.changePassphrase refuse a passphrase below the organisation's minimum
// (`weak-passphrase`) and refresh the policy the vault's KDF choice reads synchronously.
import type { ApiContext, Handler, Message } from '../api/types';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import type { SyncService } from '../sync/service';
import { WEBDAV_RECORD } from '../sync/service';
import type { VaultLike } from '../api/types';
import { sameWebDavFolder, syncBackendAllowed, type Policy } from './policy';
import { policySourceOf } from './context';
import { assertPolicyStrength } from './vault';

async function loaded(ctx: ApiContext): Promise<Policy> {
  return (await policySourceOf(ctx)?.load()) ?? {};
}

/** The sync.configure message the policy allows, with the preset folder filled in; throws `managed`. */
export function checkSyncConfigure(msg: Message, policy: Policy): Message {
  const backend = msg.backend;
  if (typeof backend !== 'string') return msg; // the handler answers bad-input
  if (!syncBackendAllowed(policy, backend)) throw new TesseraError('managed', t('policy.syncBackend', t(`sync.backend.${backend}`)));
  if (backend !== 'webdav' || !policy.webdavUrl) return msg;
  if (msg.url === undefined || msg.url === null || msg.url === '') return { ...msg, url: policy.webdavUrl };
  if (typeof msg.url === 'string' && !sameWebDavFolder(msg.url, policy.webdavUrl)) throw new TesseraError('managed', t('policy.webdavUrl', policy.webdavUrl));
  return msg;
}

/**
 * Turns sync off when its backend (or, once the vault is open, its WebDAV folder) is one the
 * policy does not allow. Returns true when it did. Called at start, when the policy changes,
 * on unlock and before sync.now.
 */
export async function enforceSyncPolicy(sync: SyncService, vault: VaultLike, policy: Policy): Promise<boolean> {
  const backend = await sync.backend();
  if (backend === 'off') return false;
  let allowed = syncBackendAllowed(policy, backend);
  if (allowed && backend === 'webdav' && policy.webdavUrl && (await vault.state()) === 'unlocked') {
    const creds = await vault.get<{ url?: string }>(WEBDAV_RECORD).catch(() => null);
    if (creds?.data?.url && !sameWebDavFolder(creds.data.url, policy.webdavUrl)) allowed = false;
  }
  if (allowed) return false;
  await sync.configure('off');
  return true;
}

/** Wraps the handlers table with the policy's checks; other handlers pass through unchanged. */
export function withPolicy(handlers: Record<string, Handler>): Record<string, Handler> {
  const wrapped: Record<string, Handler> = { ...handlers };
  const wrap = (type: string, before: (msg: Message, ctx: ApiContext) => Promise<Message>) => {
    const inner = handlers[type];
    if (inner) wrapped[type] = async (msg, ctx) => inner(await before(msg, ctx), ctx);
  };
  wrap('sync.configure', async (msg, ctx) => checkSyncConfigure(msg, await loaded(ctx)));
  wrap('sync.now', async (msg, ctx) => {
    const sync = ctx.services?.sync as SyncService | undefined;
    if (sync && (await enforceSyncPolicy(sync, ctx.vault, await loaded(ctx)))) throw new TesseraError('managed', t('policy.syncOff'));
    return msg;
  });
  const passphraseCheck = async (msg: Message, ctx: ApiContext) => {
    const policy = await loaded(ctx);
    // vault.setup over an existing vault answers `exists` from the handler, whatever the passphrase.
    if (msg.type !== 'vault.setup' || (await ctx.vault.state()) === 'new') assertPolicyStrength(msg.passphrase, policy);
    return msg;
  };
  wrap('vault.setup', passphraseCheck);
  wrap('vault.changePassphrase', passphraseCheck);
  // sync.status also says which backends may be turned on: it runs before a vault exists, so the
  // set-up screen can leave out "sync with the browser" when the policy forbids it.
  const status = handlers['sync.status'];
  if (status) {
    wrapped['sync.status'] = async (msg, ctx) => {
      const [answer, policy] = await Promise.all([status(msg, ctx), loaded(ctx)]);
      return { ...answer, allowedBackends: (['browser', 'webdav'] as const).filter((b) => syncBackendAllowed(policy, b)) };
    };
  }
  return wrapped;
}
