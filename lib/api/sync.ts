// sync.* handlers (shared/automation-api.md): configure the backend, read the status, sync now.
// The work is done by lib/sync/service.ts, injected as ctx.services.sync.
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { allowedWebDavUrl } from '../sync/webdav-url';
import type { BackendKind, SyncService } from '../sync/service';
import { str } from './router';
import type { ApiContext, Message, Result } from './types';

const syncOf = (ctx: ApiContext): SyncService => {
  const s = ctx.services?.sync as SyncService | undefined;
  if (!s) throw new TesseraError('internal', t('error.unavailable'));
  return s;
};

export async function configure(msg: Message, ctx: ApiContext): Promise<Result> {
  const backend = str(msg, 'backend') as BackendKind;
  if (!['off', 'browser', 'webdav'].includes(backend)) throw new TesseraError('bad-input', t('error.input.backend'));
  if (backend !== 'webdav') return { ...(await syncOf(ctx).configure(backend)) };
  const url = str(msg, 'url').trim();
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new TesseraError('bad-input', t('sync.webdav.bad-url'));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TesseraError('bad-input', t('sync.webdav.bad-url'));
  }
  // Credentials and data never cross a network in clear (issue 10; contract, sync.configure).
  if (!allowedWebDavUrl(parsed)) throw new TesseraError('bad-input', t('sync.webdav.not-https'));
  return { ...(await syncOf(ctx).configure('webdav', { url, username: str(msg, 'username'), password: str(msg, 'password') })) };
}

export async function status(_msg: Message, ctx: ApiContext): Promise<Result> {
  return { ...(await syncOf(ctx).status()) };
}

export async function now(_msg: Message, ctx: ApiContext): Promise<Result> {
  return { ...(await syncOf(ctx).syncNow()) };
}
