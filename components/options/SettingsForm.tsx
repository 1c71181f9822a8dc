// Settings (auto-lock minutes, clipboard clearing, automatic fill, low-token warning) and
// the passphrase change (which re-wraps the vault key only).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { strengthOf } from '../../lib/passphrase/strength';
import type { Settings } from '../../lib/settings/settings';

export function SettingsForm() {
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void send<{ settings: Settings }>({ type: 'settings.get' }).then((a) => a.ok && setS(a.settings));
  }, []);
  if (!s) return null;
  const save = async (patch: Partial<Settings>) => {
    const a = await send<{ settings: Settings }>({ type: 'settings.set', settings: patch });
    if (a.ok) {
      setS(a.settings);
      setSaved(t('ui.settings.saved'));
    } else setSaved(a.error.message);
  };
  const num = (key: 'autoLockMinutes' | 'clipboardClearSeconds' | 'lowTokenThreshold', min: number, max: number) => (
    <input type="number" name={key} min={min} max={max} value={s[key]} onChange={(e) => {
      // An emptied field is not a zero: leave the setting as it was.
      const value = e.currentTarget.valueAsNumber;
      if (Number.isFinite(value)) void save({ [key]: value });
      else e.currentTarget.value = String(s[key]);
    }} />
  );
  return (
    <div class="stack">
      <label class="field"><span>{t('ui.settings.autoLock')}</span>{num('autoLockMinutes', 1, 1440)}</label>
      <label class="field"><span>{t('ui.settings.clipboard')}</span>{num('clipboardClearSeconds', 0, 600)}</label>
      <label class="field"><span>{t('ui.settings.lowTokens')}</span>{num('lowTokenThreshold', 0, 50)}</label>
      <label class="row">
        <input type="checkbox" name="autoFill" checked={s.autoFill} onChange={(e) => void save({ autoFill: e.currentTarget.checked })} />
        <span>{t('ui.settings.autoFill')}</span>
      </label>
      <p role="status" class="muted">{saved}</p>
    </div>
  );
}

export function ChangePassphrase() {
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [replaceKey, setReplaceKey] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const strength = strengthOf(next);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== again) return setStatus({ ok: false, text: t('ui.setup.mismatch') });
    const a = await send({ type: 'vault.changePassphrase', old, passphrase: next, replaceKey });
    setStatus(a.ok ? { ok: true, text: t(replaceKey ? 'ui.passphrase.changed-rekeyed' : 'ui.passphrase.changed') } : { ok: false, text: a.error.message });
    if (a.ok) { setOld(''); setNext(''); setAgain(''); setReplaceKey(false); }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <label class="field"><span>{t('ui.passphrase.current')}</span><input type="password" autocomplete="current-password" value={old} onInput={(e) => setOld(e.currentTarget.value)} required /></label>
      <label class="field"><span>{t('ui.passphrase.new')}</span><input type="password" autocomplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} required aria-describedby="new-strength" /></label>
      <p id="new-strength" class="muted" aria-live="polite">{next ? t(`ui.strength.${strength}`) : ''}</p>
      <label class="field"><span>{t('ui.setup.again')}</span><input type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} required /></label>
      <label class="check">
        <input type="checkbox" checked={replaceKey} onChange={(e) => setReplaceKey(e.currentTarget.checked)} aria-describedby="replace-key-help" />
        <span>{t('ui.passphrase.replace-key')}</span>
      </label>
      <p id="replace-key-help" class="muted">{t('ui.passphrase.replace-key-help')}</p>
      <button type="submit" disabled={strength === 'too-short'}>{t('ui.passphrase.submit')}</button>
      {status && <p role={status.ok ? 'status' : 'alert'} class={status.ok ? '' : 'error'}>{status.text}</p>}
    </form>
  );
}
