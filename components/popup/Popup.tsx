// The popup: the vault gate, then every account with its current code. A click or Enter
// copies the code (or fills it into the active tab when that tab has a code field).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { matchesQuery } from '../../lib/ui/format';
import { SetupForm, UnlockForm } from '../Gate';
import { BackupReminder } from '../import/BackupReminder';
import { ScreenScanButton } from '../qr/ScreenScanButton';
import { ScanReview, type ScanAnswer } from '../qr/ScanReview';
import { useLockWatch } from '../useLockWatch';
import { GearIcon, LockIcon } from '../icons';
import { HideCodes } from '../CodeText';
import { AccountRow, type CodeInfo } from './AccountRow';
import { activeWebTabId } from './active-tab';
import { PopupActions } from './PopupActions';

type State = 'loading' | 'new' | 'locked' | 'unlocked';


export function Popup() {
  const [state, setState] = useState<State>('loading');
  const refresh = useCallback(async () => {
    const a = await send<{ state: State }>({ type: 'vault.status' });
    setState(a.ok ? a.state : 'locked');
  }, []);
  useEffect(() => void refresh(), [refresh]);
  if (state === 'loading') return <main class="popup" aria-busy="true" />;
  if (state === 'new') return <main class="popup"><SetupForm onDone={refresh} /></main>;
  if (state === 'locked') return <main class="popup"><UnlockForm onDone={refresh} /></main>;
  return <Accounts onLocked={refresh} />;
}

function Accounts({ onLocked }: { onLocked(): void }) {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [codes, setCodes] = useState<Map<string, CodeInfo>>(new Map());
  const [now, setNow] = useState(Date.now());
  const [query, setQuery] = useState('');
  const [toast, setToastState] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  // Confirmations pass; errors stay (role=alert) until the next message or a click.
  const setToast = useCallback((text: string, error = false) => setToastState({ text, error }), []);
  const fail = useCallback((text: string) => setToast(text, true), [setToast]);
  const [lowThreshold, setLowThreshold] = useState(2);
  const [hideCodes, setHideCodes] = useState(false);
  const [review, setReview] = useState<ScanAnswer | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const nextRefresh = useRef(0);
  useLockWatch(onLocked);

  const loadCodes = useCallback(async () => {
    const a = await send<{ codes: CodeInfo[] }>({ type: 'codes.all' });
    if (!a.ok) return a.error.code === 'locked' ? onLocked() : fail(a.error.message);
    setCodes(new Map(a.codes.map((c) => [c.id, c])));
    const ends = a.codes.map((c) => c.expiresAt).filter((x): x is number => x !== null);
    nextRefresh.current = ends.length ? Math.min(...ends) : Infinity;
  }, [onLocked]);

  const loadAccounts = useCallback(async () => {
    // Both answers are needed before the first paint of codes: ask for them at once.
    const [a] = await Promise.all([send<{ accounts: AccountSummary[] }>({ type: 'accounts.list' }), loadCodes()]);
    if (!a.ok) return a.error.code === 'locked' ? onLocked() : fail(a.error.message);
    setAccounts(a.accounts);
  }, [loadCodes, onLocked]);

  useEffect(() => {
    void loadAccounts();
    void send<{ settings: { lowTokenThreshold: number; hideCodes?: boolean } }>({ type: 'settings.get' }).then((a) => {
      if (!a.ok) return;
      setLowThreshold(a.settings.lowTokenThreshold);
      setHideCodes(a.settings.hideCodes === true);
    });
    const timer = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= nextRefresh.current) {
        nextRefresh.current = Infinity;
        void loadCodes();
      }
    }, 250);
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (e.key === '/' && !typing) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearInterval(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, [loadAccounts, loadCodes]);

  // Stable hook (automation-api.md): once every row shows a code, mark the document ready.
  useEffect(() => {
    if (!accounts) return;
    const ready = accounts.every((a) => a.type === 'tokens' || codes.has(a.id));
    if (!ready) delete document.documentElement.dataset.ready;
    else if (!document.documentElement.dataset.ready) {
      document.documentElement.dataset.ready = 'codes';
      // bench/extension.mjs reads this mark: the time from opening the popup to every code shown.
      performance.mark('tessera:codes-ready');
    }
  }, [accounts, codes]);
  // Locked or gone: the codes are no longer shown.
  useEffect(() => () => void delete document.documentElement.dataset.ready, []);

  useEffect(() => {
    if (!toast.text || toast.error) return;
    const id = setTimeout(() => setToast(''), 2500);
    return () => clearTimeout(id);
  }, [toast]);

  const use = async (account: AccountSummary) => {
    if (account.type === 'tokens') return void browser.runtime.openOptionsPage();
    const a = await send<{ action: 'filled' | 'copied'; code: string }>({ type: 'popup.use', id: account.id, tabId: await activeWebTabId() });
    if (!a.ok) return fail(a.error.message);
    if (a.action === 'copied') await navigator.clipboard.writeText(a.code).catch(() => undefined);
    setToast(a.action === 'filled' ? t('ui.popup.filled') : t('ui.popup.copied'));
    if (account.type === 'hotp') void loadAccounts();
  };

  const lock = async () => {
    await send({ type: 'vault.lock' });
    onLocked();
  };

  if (review) {
    const done = (text: string) => {
      setReview(null);
      setToast(text);
      void loadAccounts();
    };
    return <main class="popup"><ScanReview scan={review} onDone={done} onCancel={() => setReview(null)} /></main>;
  }

  const shown = (accounts ?? []).filter((a) => matchesQuery(query, [a.issuer, a.label, ...a.sites]));
  return (
    <main class="popup">
      <h1 class="sr-only">Tessera</h1>
      <header>
        <label class="grow">
          <span class="sr-only">{t('ui.popup.search')}</span>
          <input ref={search} type="search" placeholder={t('ui.popup.searchHint')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} style={{ width: '100%', boxSizing: 'border-box' }} />
        </label>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()} aria-label={t('ui.popup.options')} title={t('ui.popup.options')}><GearIcon /></button>
        <button type="button" onClick={lock} aria-label={t('ui.popup.lock')} title={t('ui.popup.lock')}><LockIcon /></button>
      </header>
      <PopupActions accounts={accounts ?? []} onChanged={loadAccounts} onMessage={setToast} onError={fail} onReview={setReview} />
      {accounts && accounts.length === 0 && <p class="muted">{t('ui.popup.empty')}</p>}
      <HideCodes.Provider value={hideCodes}>
      <div class="accounts" role="group" aria-label={t('ui.popup.accounts')}>
        {shown.map((a) => <AccountRow key={a.id} account={a} code={codes.get(a.id)} now={now} lowThreshold={lowThreshold} onUse={use} />)}
      </div>
      </HideCodes.Provider>
      <ScreenScanButton />
      <BackupReminder />
      {toast.text && (
        <div class={toast.error ? 'toast error-toast' : 'toast'} role={toast.error ? 'alert' : 'status'} onClick={() => setToast('')}>
          {toast.text}
        </div>
      )}
    </main>
  );
}
