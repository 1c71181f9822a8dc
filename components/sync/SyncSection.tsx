// The options page's sync section (issue 6): off / browser sync (preselected when sync is
// off) / WebDAV with URL, user name and app password; the last sync and errors in words;
// "Sync now"; what sync refused from the backend, in words (issue 10: `warning`, `rejected`).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { clockTime } from '../../lib/ui/format';
import { syncBackendAllowed } from '../../lib/policy/policy';
import { useManagedPolicy } from '../policy/useManagedPolicy';

type Backend = 'off' | 'browser' | 'webdav';
interface Status {
  backend: Backend;
  state: 'off' | 'idle' | 'syncing' | 'error';
  lastSyncAt: number | null;
  error?: { code: string; message: string };
  retryAt?: number;
  /** Remote records or files refused since the last clean round (issue 10). */
  rejected?: number;
  warning?: { code: 'tampered' | 'rollback' | 'malformed'; message: string };
}

export function SyncSection({ onChanged }: { onChanged(): void }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [choice, setChoice] = useState<Backend>('browser');
  const [dav, setDav] = useState({ url: '', username: '', password: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Managed policy (issue 16): backends the organisation does not allow are disabled with the
  // reason; a preset WebDAV folder fills the address and cannot be changed.
  const policy = useManagedPolicy();
  const preset = policy.webdavUrl;
  useEffect(() => {
    if (preset) setDav((d) => ({ ...d, url: preset }));
    if (!syncBackendAllowed(policy, choice)) setChoice('off');
  }, [policy]);

  const load = async () => {
    const a = await send<Status>({ type: 'sync.status' });
    if (!a.ok) return;
    setStatus(a);
    if (a.backend !== 'off') setChoice(a.backend);
  };
  useEffect(() => void load(), []);

  const syncNow = async () => {
    setBusy(true);
    const a = await send<{ pulled: number; pushed: number }>({ type: 'sync.now' });
    setBusy(false);
    setMessage(a.ok ? { ok: true, text: t('sync.ui.done', a.pulled, a.pushed) } : { ok: false, text: a.error.message });
    await load();
    if (a.ok && a.pulled) onChanged();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const a = await send({ type: 'sync.configure', backend: choice, ...(choice === 'webdav' ? dav : {}) });
    setBusy(false);
    if (!a.ok) return setMessage({ ok: false, text: a.error.message });
    setDav({ ...dav, password: '' });
    await load();
    if (choice !== 'off') await syncNow();
  };

  const bind = (name: keyof typeof dav) => ({
    name: `webdav-${name}`,
    value: dav[name],
    required: true,
    onInput: (e: Event) => setDav({ ...dav, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form class="stack" onSubmit={save}>
      <fieldset class="stack">
        <legend>{t('sync.ui.backend')}</legend>
        {(['off', 'browser', 'webdav'] as const).map((b) => (
          <label class="row" key={b}>
            <input type="radio" name="backend" value={b} checked={choice === b} disabled={!syncBackendAllowed(policy, b)} data-managed={syncBackendAllowed(policy, b) ? undefined : 'true'} onChange={() => setChoice(b)} />
            <span>{t(`sync.backend.${b}`)} <span class="muted">{syncBackendAllowed(policy, b) ? t(`sync.ui.about.${b}`) : t('policy.notAllowed')}</span></span>
          </label>
        ))}
      </fieldset>
      {choice === 'webdav' && (
        <div class="stack">
          <label class="field"><span>{t('sync.ui.url')}</span><input type="url" autocomplete="off" {...bind('url')} readOnly={!!preset} data-managed={preset ? 'true' : undefined} />{preset && <span class="muted" data-managed-reason="webdavUrl">{t('policy.webdavPreset')}</span>}</label>
          <div class="row">
            <label class="field grow"><span>{t('sync.ui.username')}</span><input type="text" autocomplete="username" {...bind('username')} /></label>
            <label class="field grow"><span>{t('sync.ui.password')}</span><input type="password" autocomplete="current-password" {...bind('password')} /></label>
          </div>
        </div>
      )}
      <div class="row">
        <button class="primary" type="submit" disabled={busy}>{t('sync.ui.save')}</button>
        <button type="button" onClick={() => void syncNow()} disabled={busy || status?.backend === 'off'}>{t('sync.ui.now')}</button>
      </div>
      {status && (
        <p role="status" data-sync-state={status.state}>
          {t(`sync.state.${status.state}`)}{' '}
          {status.lastSyncAt ? t('sync.ui.last', clockTime(status.lastSyncAt)) : status.backend !== 'off' ? t('sync.ui.never') : ''}
          {status.retryAt ? ` ${t('sync.retry-at', clockTime(status.retryAt))}` : ''}
        </p>
      )}
      {status?.error && <p class="error">{status.error.message}</p>}
      {status?.warning && (
        <p role="alert" class="error" data-sync-warning={status.warning.code}>
          {status.warning.message} {status.rejected ? t('sync.ui.rejected', status.rejected) : ''}
        </p>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'muted' : 'error'}>{message.text}</p>}
    </form>
  );
}
