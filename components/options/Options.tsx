// The options page: the vault gate, then sections for adding accounts, the account list,
// emergency tokens, sync and settings. Each section is its own component.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { SetupForm, UnlockForm } from '../Gate';
import { BackupReminder } from '../import/BackupReminder';
import { SyncSection } from '../sync/SyncSection';
import { useLockWatch } from '../useLockWatch';
import { AccountTable } from './AccountTable';
import { PasteLinks, TypeSecret } from './AddAccounts';
import { allOptionsPages, extraSections, pageForHash } from './sections';
import { ChangePassphrase, SettingsForm } from './SettingsForm';

type State = 'loading' | 'new' | 'locked' | 'unlocked';

export function Options() {
  const [state, setState] = useState<State>('loading');
  const refresh = useCallback(async () => {
    const a = await send<{ state: State }>({ type: 'vault.status' });
    setState(a.ok ? a.state : 'locked');
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return (
    <main class="options">
      <h1>{t('ui.options.title')}</h1>
      {state === 'new' && <SetupForm onDone={refresh} join={<SyncSection onChanged={refresh} />} />}
      {state === 'locked' && <UnlockForm onDone={refresh} />}
      {state === 'unlocked' && <Unlocked onLocked={refresh} />}
    </main>
  );
}

function Unlocked({ onLocked }: { onLocked(): void }) {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [corrupt, setCorrupt] = useState<Array<{ id: string }>>([]);
  const load = useCallback(async () => {
    const a = await send<{ accounts: AccountSummary[]; corrupt?: Array<{ id: string }> }>({ type: 'accounts.list' });
    if (a.ok) {
      setAccounts(a.accounts);
      setCorrupt(a.corrupt ?? []);
    } else if (a.error.code === 'locked') onLocked();
  }, [onLocked]);
  useEffect(() => void load(), [load]);
  useLockWatch(onLocked);
  const lock = async () => {
    await send({ type: 'vault.lock' });
    onLocked();
  };
  // One page at a time, chosen by the hash (issue 14); links change the hash, so Back works.
  const pages = allOptionsPages();
  const [page, setPage] = useState(() => pageForHash(location.hash, pages));
  useEffect(() => {
    const onHash = () => setPage(pageForHash(location.hash, pages));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const shown = new Set(pages.find((p) => p.id === page)?.sections);
  return (
    <>
      <p><button type="button" onClick={lock}>{t('ui.popup.lock')}</button></p>
      <BackupReminder inOptions />
      {corrupt.length > 0 && <p class="error" role="alert">{t('error.corrupt', corrupt.map((c) => c.id).join(', '))}</p>}
      <nav class="options-nav" aria-label={t('polish.nav')}>
        <ul>
          {pages.map((p) => (
            <li key={p.id}><a href={`#${p.id}`} aria-current={p.id === page ? 'page' : undefined}>{t(p.title)}</a></li>
          ))}
        </ul>
      </nav>
      {/* Every section stays in the document, the other pages' hidden: the stable hooks
          (automation-api.md: token rows' data-token-id / data-used) are there whatever the page. */}
      <section hidden={!shown.has('accounts')} aria-labelledby="sec-accounts"><h2 id="sec-accounts">{t('ui.options.accounts')}</h2><AccountTable accounts={accounts} onChanged={load} /></section>
      <section hidden={!shown.has('paste')} aria-labelledby="sec-paste"><h2 id="sec-paste">{t('ui.options.paste')}</h2><PasteLinks onAdded={load} /></section>
      <section hidden={!shown.has('type')} aria-labelledby="sec-type"><h2 id="sec-type">{t('ui.options.type')}</h2><TypeSecret onAdded={load} /></section>
      {extraSections.map(({ id, title, Component }) => (
        <section key={id} hidden={!shown.has(id)} aria-labelledby={`sec-${id}`}><h2 id={`sec-${id}`}>{t(title)}</h2><Component accounts={accounts} onChanged={load} /></section>
      ))}
      <section hidden={!shown.has('settings')} aria-labelledby="sec-settings"><h2 id="sec-settings">{t('ui.options.settings')}</h2><SettingsForm /></section>
      <section hidden={!shown.has('pass')} aria-labelledby="sec-pass"><h2 id="sec-pass">{t('ui.options.passphrase')}</h2><ChangePassphrase /></section>
    </>
  );
}
