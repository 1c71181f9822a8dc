// The popup: the vault gate, then the accounts with their current codes. A click or Enter
// copies the code (or fills it into the active tab when that tab has a code field).
// Issue 14: the first paint needs ONE message (popup.init: accounts in display order, codes of
// the first screen, the tab's site, settings); the list is windowed (lib/ui/window.ts) so only
// the rows in view are in the document, and codes are asked for those rows only (popup.codes).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { displayOrder } from '../../lib/order/order';
import { allTags, SearchIndex } from '../../lib/order/search';
import { visibleRange } from '../../lib/ui/window';
import { SetupForm, UnlockForm } from '../Gate';
import { BackupReminder } from '../import/BackupReminder';
import { ScreenScanButton } from '../qr/ScreenScanButton';
import { ScanReview, type ScanAnswer } from '../qr/ScanReview';
import { HideCodes } from '../CodeText';
import { GearIcon, LockIcon } from '../icons';
import { useLockWatch } from '../useLockWatch';
import { ClockWarning } from '../clock/ClockWarning';
import { EmailCodeOffer } from '../email/EmailCodeOffer';
import { AccountRow, type CodeInfo } from './AccountRow';
import { beginFirst, FIRST, ROW_H, sendPopupInit, takeEarly, type PopupInit } from './first-message';
import { firstScreen } from '../../lib/popup/first-screen';
import { FillConfirm, type FillChoice } from './FillConfirm';
import { PopupActions } from './PopupActions';
import './popup.css';

type State = 'loading' | 'new' | 'locked' | 'unlocked';

export function Popup() {
  const [state, setState] = useState<State>('loading');
  const [init, setInit] = useState<PopupInit | null>(null);
  const [tabId, setTabId] = useState<number | undefined>();
  const refresh = useCallback(async () => {
    // Started by popup.html's early script (first-message.ts) before this code loaded; refreshes start afresh.
    const first = takeEarly() ?? beginFirst();
    // The first screen from the session view, if it comes before the background's answer and
    // still matches the vault (lib/popup/first-screen.ts); popup.init's answer replaces it.
    let answered = false;
    void Promise.all([first.reads, first.tab]).then(([reads, tab]) => {
      if (answered) return;
      const quick = firstScreen(reads, Date.now());
      // Hook for tests and benches: whether the first screen came from the session view.
      performance.mark('tessera:first-screen', { detail: quick ? 'view' : 'none' });
      if (!quick) return first.release();
      setTabId(tab?.id);
      setInit(quick);
      setState('unlocked');
      // popup.init waits for this screen to be painted (first-message.ts release).
      requestAnimationFrame(() => setTimeout(first.release));
    }).catch(() => first.release());
    // One round trip in the usual case: popup.init answers `locked`/`no-vault` when it cannot run.
    const { tabId: tab, answer } = await first.full;
    answered = true;
    setTabId(tab);
    // `unchanged`: the vault is at the generation of the view the popup read, whose accounts it has
    // (should it not have them after all, it asks for the whole answer).
    const viewAccounts = answer.ok && answer.unchanged ? (await first.reads).plan?.view.accounts : undefined;
    const a = answer.ok && !answer.accounts && !viewAccounts ? await sendPopupInit(tab) : answer;
    const accounts = a.ok ? (a.accounts ?? viewAccounts) : undefined;
    if (a.ok && accounts) {
      setInit({ ...a, accounts });
      return setState('unlocked');
    }
    setInit(null);
    setState(!a.ok && a.error.code === 'no-vault' ? 'new' : 'locked');
  }, []);
  // In the commit itself, not after the next frame (useEffect): the answers may already be here.
  useLayoutEffect(() => void refresh(), [refresh]);
  if (state === 'loading') return <main class="popup" aria-busy="true" />;
  if (state === 'new') return <main class="popup"><SetupForm onDone={refresh} /></main>;
  if (state === 'locked' || !init) return <main class="popup"><UnlockForm onDone={refresh} /></main>;
  return <Accounts init={init} tabId={tabId} onLocked={refresh} />;
}

/** Keeps a code object when the new answer carries the same code, so its memoised row stays put. */
function mergeCodes(old: Map<string, CodeInfo>, fresh: CodeInfo[]): Map<string, CodeInfo> {
  let changed = false;
  const next = new Map(old);
  for (const c of fresh) {
    const o = old.get(c.id);
    if (o && o.code === c.code && o.expiresAt === c.expiresAt && o.acceptedUntil === c.acceptedUntil) continue;
    next.set(c.id, c);
    changed = true;
  }
  return changed ? next : old;
}

function Accounts({ init, tabId, onLocked }: { init: PopupInit; tabId: number | undefined; onLocked(): void }) {
  const [accounts, setAccounts] = useState<AccountSummary[]>(init.accounts);
  const [bound, setBound] = useState<Set<string>>(() => new Set(init.bound));
  const [codes, setCodes] = useState<Map<string, CodeInfo>>(() => new Map(init.codes.map((c) => [c.id, c])));
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [range, setRange] = useState(() => ({ start: 0, end: FIRST }));
  const [toast, setToastState] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  // Confirmations pass; errors stay (role=alert) until the next message or a click.
  const setToast = useCallback((text: string, error = false) => setToastState({ text, error }), []);
  const fail = useCallback((text: string) => setToast(text, true), [setToast]);
  const [lowThreshold, setLowThreshold] = useState(init.settings.lowTokenThreshold);
  const [hideCodes, setHideCodes] = useState(init.settings.hideCodes);
  const [review, setReview] = useState<ScanAnswer | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useLockWatch(onLocked);

  const apply = useCallback((a: PopupInit) => {
    setAccounts(a.accounts);
    setBound(new Set(a.bound));
    setLowThreshold(a.settings.lowTokenThreshold);
    setHideCodes(a.settings.hideCodes);
    setCodes((old) => mergeCodes(old, a.codes));
  }, []);
  // A newer answer for the same popup (popup.init's after the session view's first screen).
  const shownInit = useRef(init);
  useEffect(() => {
    if (shownInit.current === init) return;
    shownInit.current = init;
    apply(init);
  }, [init]);
  const loadAccounts = useCallback(async () => {
    const a = await sendPopupInit(tabId);
    if (!a.ok) return a.error.code === 'locked' ? onLocked() : fail(a.error.message);
    if (a.accounts) apply({ ...a, accounts: a.accounts });
  }, [tabId, onLocked]);

  // Display order: accounts bound to this tab's site first, then the stable order (accounts.list's).
  const ordered = useMemo(() => displayOrder(accounts, bound), [accounts, bound]);
  const index = useMemo(() => new SearchIndex(ordered), [ordered]);
  const tags = useMemo(() => allTags(accounts), [accounts]);
  const shown = useMemo(() => index.filter(query, tag), [index, query, tag]);
  const visible = shown.slice(range.start, Math.min(range.end, shown.length));
  const visibleKey = visible.map((a) => a.id).join(',');

  // The window follows the scroll of the popup's box (.popup scrolls, at most 560 px high).
  useLayoutEffect(() => {
    const update = () => {
      const el = list.current;
      const box = el?.closest<HTMLElement>('.popup');
      if (!el || !box) return;
      const top = box.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const next = visibleRange(top, Math.min(box.clientHeight, window.innerHeight), ROW_H, shown.length);
      setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
    };
    update();
    // Scroll events do not bubble: listen in the capture phase for the box's (and the page's).
    document.addEventListener('scroll', update, { passive: true, capture: true });
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [shown]);

  // Codes for rows in the document that have none yet (after a scroll or a search).
  useEffect(() => {
    const missing = visible.filter((a) => a.type !== 'tokens' && !codes.has(a.id)).map((a) => a.id);
    if (!missing.length) return;
    void send<{ codes: CodeInfo[] }>({ type: 'popup.codes', ids: missing }).then((a) => {
      if (!a.ok) return a.error.code === 'locked' ? onLocked() : fail(a.error.message);
      setCodes((old) => mergeCodes(old, a.codes));
    });
  }, [visibleKey, codes]);

  // The next time step of a row in the document: ask for those rows' codes then (one timer, no ticking).
  useEffect(() => {
    const ends = visible.map((a) => codes.get(a.id)?.expiresAt).filter((x): x is number => typeof x === 'number');
    if (!ends.length) return;
    const wait = Math.max(0, Math.min(...ends) - Date.now()) + 20;
    const id = setTimeout(() => {
      void send<{ codes: CodeInfo[] }>({ type: 'popup.codes', ids: visible.map((a) => a.id) }).then((a) => {
        if (!a.ok) return a.error.code === 'locked' ? onLocked() : fail(a.error.message);
        // Codes of rows out of view are dropped: they are asked for again when they come back.
        setCodes((old) => {
          const kept = new Map([...old].filter(([id]) => visible.some((v) => v.id === id)));
          return mergeCodes(kept, a.codes);
        });
      });
    }, Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(id);
  }, [visibleKey, codes]);

  useEffect(() => {
    search.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      // "/" focuses the search; in the (focused) empty search box it is that shortcut, not a query.
      if (e.key === '/' && (!typing || (e.target === search.current && !search.current.value))) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Stable hook (automation-api.md): once every row in the document shows a code, mark the document ready.
  useEffect(() => {
    const ready = visible.every((a) => a.type === 'tokens' || codes.has(a.id));
    if (!ready) delete document.documentElement.dataset.ready;
    else if (!document.documentElement.dataset.ready) {
      document.documentElement.dataset.ready = 'codes';
      // bench/extension.mjs reads this mark: the time from opening the popup to the first screen of codes.
      performance.mark('tessera:codes-ready');
    }
  }, [visibleKey, codes]);
  // Locked or gone: the codes are no longer shown.
  useEffect(() => () => void delete document.documentElement.dataset.ready, []);

  useEffect(() => {
    if (!toast.text || toast.error) return;
    const id = setTimeout(() => setToast(''), 2500);
    return () => clearTimeout(id);
  }, [toast]);

  const [confirm, setConfirm] = useState<{ account: AccountSummary; site: string } | null>(null);
  /** Uses an account: fills the tab or copies; asks first on a site it is not bound to (FillConfirm). */
  const use = useCallback(async (account: AccountSummary, unbound?: 'fill' | 'bind') => {
    if (account.type === 'tokens') return void browser.runtime.openOptionsPage();
    const a = await send<{ action: 'filled' | 'copied' | 'confirm'; code: string; site: string; notice?: { message: string } }>({
      type: 'popup.use', id: account.id, tabId, ...(unbound && { unbound }),
    });
    if (!a.ok) return fail(a.error.message);
    if (a.action === 'confirm') return setConfirm({ account, site: a.site });
    if (a.action === 'copied') await navigator.clipboard.writeText(a.code).catch(() => undefined);
    // A page Tessera will not fill (plain http): copied instead, and the reason stays on screen.
    if (a.notice) fail(t('autofill.copiedInstead', a.notice.message));
    else setToast(a.action === 'filled' ? t('ui.popup.filled') : t('ui.popup.copied'));
    if (account.type === 'hotp' || unbound === 'bind') void loadAccounts();
  }, [loadAccounts, tabId]);
  const choose = (choice: FillChoice) => {
    const asked = confirm;
    setConfirm(null);
    if (asked && choice !== 'cancel') void use(asked.account, choice);
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

  if (confirm) {
    return <main class="popup"><FillConfirm name={confirm.account.issuer || confirm.account.label} site={confirm.site} onChoose={choose} /></main>;
  }

  const start = Math.min(range.start, shown.length);
  const popupContext = { tabId, bound: [...bound] };
  return (
    <main class="popup">
      <h1 class="sr-only">Tessera</h1>
      <header>
        <label class="grow">
          <span class="sr-only">{t('ui.popup.search')}</span>
          <input
            ref={search} type="search" placeholder={t('ui.popup.searchHint')} value={query} style={{ width: '100%', boxSizing: 'border-box' }}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              list.current?.closest('.popup')?.scrollTo(0, 0);
            }}
            onKeyDown={(e) => {
              // Enter in the search uses the first account shown (the one a search narrows to).
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault();
                void use(shown[0]);
              }
            }}
          />
        </label>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()} aria-label={t('ui.popup.options')} title={t('ui.popup.options')}><GearIcon /></button>
        <button type="button" onClick={lock} aria-label={t('ui.popup.lock')} title={t('ui.popup.lock')}><LockIcon /></button>
      </header>
      {tags.length > 0 && (
        <div class="groups" role="group" aria-label={t('organise.groups')}>
          <button type="button" aria-pressed={tag === null} onClick={() => setTag(null)}>{t('organise.allGroups')}</button>
          {tags.map((g) => <button key={g} type="button" aria-pressed={tag === g} onClick={() => setTag(tag === g ? null : g)}>{g}</button>)}
        </div>
      )}
      <PopupActions accounts={accounts} context={popupContext} onChanged={loadAccounts} onMessage={setToast} onError={fail} onReview={setReview} />
      <ClockWarning /><EmailCodeOffer tabId={tabId} />
      {accounts.length === 0 && <p class="muted">{t('ui.popup.empty')}</p>}
      {accounts.length > 0 && shown.length === 0 && <p class="muted">{t('organise.noMatch')}</p>}
      {/* Rows are buttons in a group (not a list of role=button items, which axe refuses). */}
      <HideCodes.Provider value={hideCodes}>
        <div
          ref={list} class="accounts windowed" role="group" aria-label={t('ui.popup.accounts')} data-total={shown.length}
          style={{ paddingTop: `${start * ROW_H}px`, paddingBottom: `${Math.max(0, shown.length - start - visible.length) * ROW_H}px`, '--row-h': `${ROW_H}px` }}
        >
          {visible.map((a) => <AccountRow key={a.id} account={a} code={codes.get(a.id)} lowThreshold={lowThreshold} bound={bound.has(a.id)} onUse={use} />)}
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
