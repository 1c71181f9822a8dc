// Pages follow the vault's lock wherever it happens (the popup's Lock, auto-lock, another
// page, an automation call): the unlocked key lives in storage.session, so its removal is
// the lock, and every open page drops to its unlock form (and with it any revealed value).
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SESSION_KEY } from '../lib/vault/session-key-store';

export function useLockWatch(onLocked: () => void): void {
  useEffect(() => {
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      if (SESSION_KEY in changes && changes[SESSION_KEY]?.newValue === undefined) onLocked();
    };
    browser.storage.session.onChanged.addListener(listener);
    return () => browser.storage.session.onChanged.removeListener(listener);
  }, [onLocked]);
}
