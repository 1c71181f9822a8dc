// Backing up and moving out (issue 12): "Back up now" (an encrypted tessera-backup file under
// its own password, downloaded through the browser), "Export to a phone" (Google Authenticator
// export QR codes one at a time, or one account as an otpauth QR, after the vault passphrase is
// typed again) and "Plain export" (otpauth:// text, after the passphrase and a clear warning).
// QR codes are drawn in memory (QrCode); exported secrets live only in this page's state and
// are dropped when the user hides them or leaves.
import { useState } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { fromBase64, utf8Encode } from '../../lib/crypto/encoding';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { strengthOf } from '../../lib/passphrase/strength';
import { BACKUP_EVENT, downloadBytes } from './download';
import { QrCode } from './QrCode';

export function BackupNow() {
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const strength = strengthOf(pass);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved('');
    if (pass !== again) return setError(t('ui.setup.mismatch'));
    setBusy(true);
    const a = await send<{ filename: string; data: string }>({ type: 'backup.export', password: pass });
    setBusy(false);
    if (!a.ok) return setError(a.error.message);
    setError('');
    downloadBytes(fromBase64(a.data), a.filename, 'application/json');
    setPass('');
    setAgain('');
    setSaved(t('backup.now.saved', a.filename));
    window.dispatchEvent(new Event(BACKUP_EVENT));
  };
  return (
    <form class="stack" onSubmit={submit} data-backup="now">
      <p class="muted">{t('backup.now.explain')}</p>
      <label class="field">
        <span>{t('backup.now.password')}</span>
        <input id="backup-password" type="password" name="backup-password" autocomplete="new-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} required aria-describedby="backup-strength" />
      </label>
      <p id="backup-strength" class={strength === 'strong' ? 'muted' : 'warn'} aria-live="polite">{pass ? t(`ui.strength.${strength}`) : ''}</p>
      <label class="field">
        <span>{t('backup.now.again')}</span>
        <input type="password" name="backup-password-again" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} required />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      {saved && <p role="status">{saved}</p>}
      <button type="submit" class="primary" disabled={busy || strength === 'too-short'}>{busy ? t('backup.now.busy') : t('backup.now.submit')}</button>
    </form>
  );
}

interface Batches {
  uris: string[];
  batches: Array<Array<{ issuer: string; label: string }>>;
  skipped: Array<{ id: string; issuer: string; label: string; message: string }>;
}

export function PhoneExport({ accounts }: { accounts: AccountSummary[] }) {
  const otp = accounts.filter((a) => a.type !== 'tokens');
  const [pass, setPass] = useState('');
  const [one, setOne] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<Batches | null>(null);
  const [single, setSingle] = useState<{ text: string; name: string } | null>(null);
  const [at, setAt] = useState(0);
  const hide = () => {
    setCodes(null);
    setSingle(null);
    setAt(0);
  };
  const showAll = async () => {
    hide();
    setBusy(true);
    const a = await send<Batches>({ type: 'accounts.export', format: 'migration', passphrase: pass });
    setBusy(false);
    if (!a.ok) return setError(a.error.message);
    setError('');
    setPass('');
    setCodes(a);
  };
  const showOne = async () => {
    hide();
    const account = otp.find((a) => a.id === one);
    if (!account) return setError(t('backup.phone.pick'));
    setBusy(true);
    const a = await send<{ text: string }>({ type: 'accounts.export', format: 'otpauth', passphrase: pass, ids: [account.id] });
    setBusy(false);
    if (!a.ok) return setError(a.error.message);
    setError('');
    setPass('');
    setSingle({ text: a.text.trim(), name: account.issuer ? `${account.issuer} (${account.label})` : account.label });
  };
  const n = codes?.uris.length ?? 0;
  return (
    <div class="stack" data-export="phone">
      <p class="muted">{t('backup.phone.explain')}</p>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); void showAll(); }}>
        <label class="field">
          <span>{t('backup.passphrase')}</span>
          <input type="password" name="phone-passphrase" autocomplete="current-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={busy || !pass || otp.length === 0}>{t('backup.phone.all')}</button>
        </div>
        <div class="row">
          <label class="grow">
            <span class="sr-only">{t('backup.phone.account')}</span>
            <select name="phone-account" value={one} onChange={(e) => setOne(e.currentTarget.value)}>
              <option value="">{t('backup.phone.account')}</option>
              {otp.map((a) => <option key={a.id} value={a.id}>{a.issuer ? `${a.issuer} (${a.label})` : a.label}</option>)}
            </select>
          </label>
          <button type="button" disabled={busy || !pass || !one} onClick={showOne}>{t('backup.phone.one')}</button>
        </div>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {codes && n > 0 && (
        <div class="stack" data-qr-batches={n}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' && at < n - 1) setAt(at + 1);
            if (e.key === 'ArrowLeft' && at > 0) setAt(at - 1);
          }}>
          <p aria-live="polite" data-qr-position={`${at + 1}/${n}`}><strong>{t('backup.phone.counter', at + 1, n)}</strong> <span class="muted">{t('backup.phone.scan')}</span></p>
          <QrCode text={codes.uris[at]!} label={t('backup.phone.qrLabel', at + 1, n)} />
          <p class="muted">{codes.batches[at]!.map((a) => (a.issuer ? `${a.issuer} (${a.label})` : a.label)).join(', ')}</p>
          <div class="row">
            <button type="button" disabled={at === 0} onClick={() => setAt(at - 1)}>{t('backup.phone.previous')}</button>
            <button type="button" disabled={at >= n - 1} onClick={() => setAt(at + 1)}>{t('backup.phone.next')}</button>
            <button type="button" onClick={hide}>{t('backup.hide')}</button>
          </div>
        </div>
      )}
      {codes && n === 0 && <p>{t('backup.phone.none')}</p>}
      {codes && codes.skipped.length > 0 && (
        <ul class="warn" aria-label={t('backup.phone.skipped')}>
          {codes.skipped.map((s) => <li key={s.id}>{t('backup.phone.skippedOne', s.issuer ? `${s.issuer} (${s.label})` : s.label, s.message)}</li>)}
        </ul>
      )}
      {single && (
        <div class="stack" data-qr-single>
          <p><strong>{single.name}</strong> <span class="muted">{t('backup.phone.scanOne')}</span></p>
          <QrCode text={single.text} label={t('backup.phone.qrOne', single.name)} />
          <div class="row"><button type="button" onClick={hide}>{t('backup.hide')}</button></div>
        </div>
      )}
    </div>
  );
}

export function PlainExport() {
  const [understood, setUnderstood] = useState(false);
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const a = await send<{ text: string }>({ type: 'accounts.export', format: 'otpauth', passphrase: pass });
    setBusy(false);
    if (!a.ok) return setError(a.error.message);
    setError('');
    setPass('');
    setText(a.text);
  };
  return (
    <div class="stack" data-export="plain">
      <p class="warn" role="note"><strong>{t('backup.plain.warningTitle')}</strong> {t('backup.plain.warning')}</p>
      {!text && (
        <form class="stack" onSubmit={submit}>
          <label class="row">
            <input type="checkbox" name="plain-understood" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
            <span>{t('backup.plain.understood')}</span>
          </label>
          <label class="field">
            <span>{t('backup.passphrase')}</span>
            <input type="password" name="plain-passphrase" autocomplete="current-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} disabled={!understood} />
          </label>
          {error && <p class="error" role="alert">{error}</p>}
          <button type="submit" disabled={busy || !understood || !pass}>{t('backup.plain.show')}</button>
        </form>
      )}
      {text && (
        <div class="stack">
          <label class="field">
            <span>{t('backup.plain.text')}</span>
            <textarea name="plain-text" readOnly rows={6} value={text} spellcheck={false} />
          </label>
          <div class="row">
            <button type="button" onClick={() => downloadBytes(utf8Encode(text), 'tessera-accounts.txt', 'text/plain')}>{t('backup.plain.download')}</button>
            <button type="button" onClick={() => { setText(''); setUnderstood(false); }}>{t('backup.hide')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
