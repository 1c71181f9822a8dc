// The vault's front door: first-run setup (passphrase typed twice, with a strength hint)
// and the unlock form. Both talk to the background through vault.setup / vault.unlock.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n/i18n';
import { send } from '../lib/messages/client';
import { strengthOf } from '../lib/passphrase/strength';
import { PasskeyUnlock, usePasskeyCredentials } from './passkey/PasskeyUnlock';

/**
 * First run. Sync stays off unless the user ticks it (browser sync is the preselected kind);
 * `join` is shown for a second device that should take the vault of another one instead.
 */
export function SetupForm({ onDone, join }: { onDone(): void; join?: ComponentChildren }) {
  const [withSync, setWithSync] = useState(false);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // An administrator's policy may forbid browser sync (docs/policy.md, allowedSyncBackends): then
  // the set-up screen does not offer it, rather than offering what sync.configure would refuse.
  const [browserSyncAllowed, setBrowserSyncAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    // sync.status runs before a vault exists and names the backends the policy allows.
    void send<{ allowedBackends?: string[] }>({ type: 'sync.status' }).then((a) => {
      const allowed = a.ok ? a.allowedBackends : undefined;
      setBrowserSyncAllowed(!allowed || allowed.includes('browser'));
    });
  }, []);
  const strength = strengthOf(pass);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (pass !== again) return setError(t('ui.setup.mismatch'));
    setBusy(true);
    const a = await send({ type: 'vault.setup', passphrase: pass });
    if (a.ok && withSync && browserSyncAllowed) {
      const c = await send({ type: 'sync.configure', backend: 'browser' });
      if (c.ok) await send({ type: 'sync.now' });
    }
    setBusy(false);
    if (a.ok) onDone();
    else setError(a.error.message);
  };
  return (
    <>
    <form class="gate stack" onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">{t('ui.setup.title')}</h1>
      <p class="muted">{t('ui.setup.explain')}</p>
      <label class="field">
        <span>{t('ui.setup.passphrase')}</span>
        <input type="password" name="passphrase" autocomplete="new-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} autoFocus required aria-describedby="strength" />
      </label>
      <p id="strength" class={strength === 'strong' ? 'muted' : 'warn'} aria-live="polite">{pass ? t(`ui.strength.${strength}`) : ''}</p>
      <label class="field">
        <span>{t('ui.setup.again')}</span>
        <input type="password" name="passphrase-again" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} required />
      </label>
      {browserSyncAllowed === true && (
        <label class="row">
          <input type="checkbox" name="sync" checked={withSync} onChange={(e) => setWithSync(e.currentTarget.checked)} />
          <span>{t('ui.setup.sync')}</span>
        </label>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" type="submit" disabled={busy || strength === 'too-short'}>{t('ui.setup.submit')}</button>
    </form>
    {/* A form of its own, after the set-up form (forms do not nest). */}
    {join && (
      <details class="gate">
        <summary>{t('ui.setup.join')}</summary>
        {join}
      </details>
    )}
    </>
  );
}

/** The locked view: "Unlock with passkey" first when the vault has one (issue 18), else the passphrase. */
export function UnlockForm({ onDone }: { onDone(): void }) {
  const credentials = usePasskeyCredentials();
  const [passphrase, setPassphrase] = useState(false);
  if (credentials === null) return null;
  if (credentials.length > 0 && !passphrase) return <PasskeyUnlock credentials={credentials} onDone={onDone} onPassphrase={() => setPassphrase(true)} />;
  return <PassphraseUnlock onDone={onDone} onPasskey={credentials.length > 0 ? () => setPassphrase(false) : undefined} />;
}

function PassphraseUnlock({ onDone, onPasskey }: { onDone(): void; onPasskey?(): void }) {
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const a = await send({ type: 'vault.unlock', passphrase: pass });
    setBusy(false);
    if (a.ok) onDone();
    else {
      setError(a.error.message);
      setPass('');
    }
  };
  return (
    <form class="gate stack" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('ui.unlock.title')}</h1>
      <label class="field">
        <span>{t('ui.unlock.passphrase')}</span>
        <input type="password" name="passphrase" autocomplete="current-password" value={pass} onInput={(e) => setPass(e.currentTarget.value)} autoFocus required />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" type="submit" disabled={busy}>{busy ? t('ui.unlock.busy') : t('ui.unlock.submit')}</button>
      {onPasskey && <button type="button" data-action="use-passkey" onClick={onPasskey}>{t('passkey.use-passkey')}</button>}
    </form>
  );
}
