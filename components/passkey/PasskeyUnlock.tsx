// "Unlock with passkey" for the locked views (issue 18): shown first when the vault has a
// passkey, with the passphrase one click away. WebAuthn runs in this page; the toolbar popup
// hands the prompt to a small window of its own (options.html#passkey-unlock), because the
// popup closes as soon as an authenticator's dialog takes the focus (docs/vault-format.md,
// "Passkey wraps").
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { assertPasskey } from '../../lib/passkey/webauthn';
import { failureText } from './outcome';

export const PASSKEY_UNLOCK_HASH = '#passkey-unlock';

type Cred = { id: string; salt: string; rp: string };

/**
 * The credentials this page can ask for, or null while loading ([] when none). A credential is
 * bound to the origin that created it (its RP): one made in Chrome, synced here to Firefox or to
 * another build, could never answer, so it is not offered.
 */
export function usePasskeyCredentials(): Cred[] | null {
  const [creds, setCreds] = useState<Cred[] | null>(null);
  useEffect(() => {
    void send<{ credentials: Cred[] }>({ type: 'vault.passkeyBegin' }).then((a) => setCreds(a.ok ? a.credentials.filter((c) => c.rp === location.origin) : []));
  }, []);
  return creds;
}

function inToolbarPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

export function PasskeyUnlock({ credentials, onDone, onPassphrase }: { credentials: Cred[]; onDone(): void; onPassphrase(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [info, setInfo] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const unlock = async () => {
    setError('');
    if (inToolbarPopup()) {
      const url = browser.runtime.getURL(`/options.html${PASSKEY_UNLOCK_HASH}`);
      await browser.windows.create({ url, type: 'popup', width: 460, height: 560 }).catch(() => browser.tabs.create({ url }));
      setInfo(t('passkey.window'));
      window.close();
      return;
    }
    setBusy(true);
    const got = await assertPasskey(credentials.map(({ id, salt }) => ({ id, salt })));
    if (!got.ok) {
      setBusy(false);
      setError(failureText(got.reason, got.detail));
      return;
    }
    const a = await send({ type: 'vault.unlockPasskey', id: got.id, prf: got.prf });
    setBusy(false);
    if (!a.ok) {
      setError(a.error.message);
      button.current?.focus();
      return;
    }
    // The window the popup opened for the prompt has done its job.
    if (location.hash === PASSKEY_UNLOCK_HASH) {
      history.replaceState(null, '', location.pathname);
      window.close();
    }
    onDone();
  };
  useEffect(() => {
    // Shown after the page loaded (a lock while open), where `autofocus` does nothing: focus it.
    button.current?.focus();
    // Opened by the popup for the prompt: start it straight away (the button stays to retry).
    if (location.hash === PASSKEY_UNLOCK_HASH) void unlock();
  }, []);
  return (
    <div class="gate stack" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('ui.unlock.title')}</h1>
      <button ref={button} class="primary" type="button" data-action="passkey-unlock" disabled={busy} onClick={() => void unlock()}>
        {busy ? t('passkey.unlocking') : t('passkey.unlock')}
      </button>
      {error && <p class="error" role="alert">{error}</p>}
      {info && <p class="muted" role="status">{info}</p>}
      <button type="button" class="link" data-action="use-passphrase" onClick={onPassphrase}>{t('passkey.use-passphrase')}</button>
    </div>
  );
}
