// The options page's "Unlock with a passkey" section (issue 18): add a passkey (nothing to fill
// in: the authenticator's own prompt is the whole step, the name defaults and can be edited
// afterwards), then each passkey with when it was added and last used here, its "use on my other
// devices" switch, rename and remove. WebAuthn runs here; the background wraps and unwraps.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { createPasskey } from '../../lib/passkey/webauthn';
import type { PasskeyInfo } from '../../lib/vault/vault';
import { failureText, when } from './outcome';

export function PasskeySection() {
  const [list, setList] = useState<PasskeyInfo[]>([]);
  const [dropped, setDropped] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const load = useCallback(async () => {
    const a = await send<{ passkeys: PasskeyInfo[]; dropped: number }>({ type: 'passkey.list' });
    if (a.ok) {
      setList(a.passkeys);
      setDropped(a.dropped);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const add = async () => {
    setError('');
    setStatus('');
    setBusy(true);
    try {
      const begin = await send<{ salt: string; exclude: string[]; userName: string; rpName: string }>({ type: 'passkey.addBegin' });
      if (!begin.ok) return setError(begin.error.message);
      const got = await createPasskey({ salt: begin.salt, exclude: begin.exclude, userName: begin.userName, rpName: begin.rpName });
      if (!got.ok) return setError(failureText(got.reason, got.detail));
      const a = await send<{ passkey: PasskeyInfo }>({ type: 'passkey.add', id: got.id, salt: begin.salt, prf: got.prf, rp: location.origin });
      if (!a.ok) return setError(a.error.message);
      setStatus(t('passkey.added', a.passkey.name));
      await load();
    } finally {
      setBusy(false);
    }
  };

  const dismiss = async () => {
    await send({ type: 'passkey.dismissNotice' });
    setDropped(0);
  };

  return (
    <div class="stack passkeys">
      <p class="muted">{t('passkey.explain')}</p>
      {dropped > 0 && (
        <p class="warn" role="alert" data-notice="passkeys-dropped">
          {t(`passkey.dropped.${dropped === 1 ? 'one' : 'other'}`, dropped)} <button type="button" onClick={() => void dismiss()}>{t('passkey.dismiss')}</button>
        </p>
      )}
      <p><button type="button" class="primary" data-action="passkey-add" disabled={busy} onClick={() => void add()}>{busy ? t('passkey.adding') : t('passkey.add')}</button></p>
      {error && <p class="error" role="alert">{error}</p>}
      <p role="status" class="muted">{status}</p>
      {list.length === 0 ? <p class="muted">{t('passkey.none')}</p> : (
        <ul class="passkey-list" aria-label={t('passkey.list')}>
          {list.map((p) => <PasskeyRow key={p.id} passkey={p} onChanged={load} onStatus={setStatus} onError={setError} />)}
        </ul>
      )}
    </div>
  );
}

function PasskeyRow({ passkey: p, onChanged, onStatus, onError }: { passkey: PasskeyInfo; onChanged(): Promise<void>; onStatus(s: string): void; onError(s: string): void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(p.name);
  const run = async (msg: { type: string; [k: string]: unknown }, done: string) => {
    onError('');
    const a = await send(msg);
    if (!a.ok) return onError(a.error.message);
    onStatus(done);
    await onChanged();
  };
  const save = async (e: Event) => {
    e.preventDefault();
    await run({ type: 'passkey.rename', id: p.id, name }, t('passkey.saved'));
    setEditing(false);
  };
  const syncId = `passkey-sync-${p.id.slice(0, 24)}`;
  return (
    <li data-passkey-id={p.id} class="stack">
      {editing ? (
        <form class="row" onSubmit={(e) => void save(e)}>
          <label class="field">
            <span>{t('passkey.name')}</span>
            <input value={name} maxLength={64} required autoFocus onInput={(e) => setName(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Escape') { setName(p.name); setEditing(false); } }} />
          </label>
          <button type="submit">{t('passkey.save')}</button>
          <button type="button" onClick={() => { setName(p.name); setEditing(false); }}>{t('passkey.cancel')}</button>
        </form>
      ) : (
        <strong data-passkey-name>{p.name}</strong>
      )}
      <span class="muted">{t('passkey.created', when(p.created))} · {p.lastUsed === null ? t('passkey.never-used') : t('passkey.last-used', when(p.lastUsed))}</span>
      <label class="row" title={t('passkey.sync.hint')}>
        <input id={syncId} type="checkbox" data-action="passkey-sync" checked={p.sync} onChange={(e) => void run({ type: 'passkey.sync', id: p.id, sync: e.currentTarget.checked }, t('passkey.saved'))} />
        <span>{t('passkey.sync')}</span>
      </label>
      <div class="row">
        {!editing && <button type="button" data-action="passkey-rename" aria-label={t('passkey.rename.label', p.name)} onClick={() => setEditing(true)}>{t('passkey.rename')}</button>}
        <button type="button" data-action="passkey-remove" aria-label={t('passkey.remove.label', p.name)} onClick={() => void run({ type: 'passkey.remove', id: p.id }, t('passkey.removed', p.name))}>{t('passkey.remove')}</button>
      </div>
    </li>
  );
}
