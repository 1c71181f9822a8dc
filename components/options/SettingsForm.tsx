// Settings (auto-lock minutes, clipboard clearing, automatic fill, low-token warning) and
// the passphrase change (which re-wraps the vault key only). Settings an organisation fixed by
// policy (issue 16, docs/policy.md) are shown disabled with the reason.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { strengthOf } from '../../lib/passphrase/strength';
import type { Settings } from '../../lib/settings/settings';
import { ClockSetting } from '../clock/ClockSetting';

interface SettingsAnswer {
  settings: Settings;
  /** Names the organisation fixed by policy (issue 16). */
  managed?: string[];
  limits?: Record<string, { max: number }>;
}

export function SettingsForm() {
  const [s, setS] = useState<Settings | null>(null);
  const [managed, setManaged] = useState<string[]>([]);
  const [limits, setLimits] = useState<SettingsAnswer['limits']>({});
  const [saved, setSaved] = useState('');
  useEffect(() => {
    const load = () => void send<SettingsAnswer>({ type: 'settings.get' }).then((a) => {
      if (!a.ok) return;
      setS(a.settings);
      setManaged(a.managed ?? []);
      setLimits(a.limits ?? {});
    });
    load();
    // An administrator's change while the page is open shows at once (storage area "managed").
    const onChanged = (_c: unknown, area: string) => area === 'managed' && setTimeout(load, 50);
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!s) return null;
  const save = async (patch: Partial<Settings>) => {
    const a = await send<{ settings: Settings }>({ type: 'settings.set', settings: patch });
    if (a.ok) {
      setS(a.settings);
      setSaved(t('ui.settings.saved'));
    } else setSaved(a.error.message);
  };
  // A setting fixed by the organisation is shown disabled, with the reason; a capped one keeps
  // its control but may not go past the cap.
  const fixed = (key: keyof Settings) => managed.includes(key) && !limits?.[key];
  const note = (key: keyof Settings) => {
    if (fixed(key)) return <span class="muted" data-managed-reason={key}>{key === 'autoFill' ? t('policy.autoFillOff') : t('policy.byOrg')}</span>;
    const cap = limits?.[key]?.max;
    return cap !== undefined ? <span class="muted" data-managed-reason={key}>{t('policy.autoLockNote', cap)}</span> : null;
  };
  const num = (key: 'autoLockMinutes' | 'clipboardClearSeconds' | 'lowTokenThreshold', min: number, max: number) => (
    <input type="number" name={key} min={min} max={limits?.[key]?.max ?? max} value={s[key]} disabled={fixed(key)} data-managed={managed.includes(key) ? 'true' : undefined} onChange={(e) => {
      // An emptied field is not a zero: leave the setting as it was.
      const value = e.currentTarget.valueAsNumber;
      if (Number.isFinite(value)) void save({ [key]: value });
      else e.currentTarget.value = String(s[key]);
    }} />
  );
  return (
    <div class="stack">
      <label class="field"><span>{t('ui.settings.autoLock')}</span>{num('autoLockMinutes', 1, 1440)}{note('autoLockMinutes')}</label>
      <label class="field"><span>{t('ui.settings.clipboard')}</span>{num('clipboardClearSeconds', 0, 600)}{note('clipboardClearSeconds')}</label>
      <label class="field"><span>{t('ui.settings.lowTokens')}</span>{num('lowTokenThreshold', 0, 50)}{note('lowTokenThreshold')}</label>
      <label class="row">
        <input type="checkbox" name="autoFill" checked={s.autoFill} disabled={fixed('autoFill')} data-managed={managed.includes('autoFill') ? 'true' : undefined} onChange={(e) => void save({ autoFill: e.currentTarget.checked })} />
        <span>{t('ui.settings.autoFill')}</span>
      </label>
      {note('autoFill')}
      <ClockSetting />
      {/* Issue 14: hide codes in the popup until one is clicked. */}
      <label class="row">
        <input type="checkbox" name="hideCodes" checked={s.hideCodes} aria-describedby="hide-codes-help" onChange={(e) => void save({ hideCodes: e.currentTarget.checked })} />
        <span>{t('polish.hideCodes')}</span>
      </label>
      <p id="hide-codes-help" class="muted">{t('polish.hideCodesHelp')}</p>
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
