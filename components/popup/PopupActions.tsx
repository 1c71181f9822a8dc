// The popup's actions for the page it was opened over: scan the page for a QR code (or a
// dragged area of it), and use an emergency token of the account bound to this site.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import type { ScanAnswer } from '../qr/ScanReview';
import { activeWebTabId } from './active-tab';

export function PopupActions({ accounts, context, onChanged, onMessage, onError, onReview }: {
  accounts: AccountSummary[];
  /** The tab and its bound accounts when the caller has them already (popup.init): no extra message. */
  context?: { tabId: number | undefined; bound: string[] };
  onChanged(): void;
  onMessage(text: string): void;
  onError(text: string): void;
  onReview(scan: ScanAnswer): void;
}) {
  const [tabId, setTabId] = useState<number | undefined>(context?.tabId);
  const [bound, setBound] = useState<string[]>(context?.bound ?? []);
  const [busy, setBusy] = useState(false);
  const [unscriptable, setUnscriptable] = useState(false);
  useEffect(() => {
    if (context) {
      setTabId(context.tabId);
      setBound(context.bound);
      return;
    }
    void activeWebTabId().then(async (id) => {
      setTabId(id);
      const a = await send<{ bound: string[] }>({ type: 'popup.context', tabId: id });
      if (a.ok) setBound(a.bound);
    });
  }, [context?.tabId, context?.bound.join(',')]);

  const scan = async () => {
    setBusy(true);
    const a = await send<ScanAnswer>({ type: 'qr.scanTab', tabId, add: false });
    setBusy(false);
    if (!a.ok) {
      setUnscriptable(a.error.code === 'unscriptable');
      return onError(a.error.message);
    }
    onReview(a);
  };
  const region = () => {
    // The popup closes as soon as the user works in the page; the review opens in the options page.
    void send({ type: 'qr.scanRegion', tabId, openReview: true });
    setTimeout(() => window.close(), 50);
  };

  const withTokens = accounts.filter((a) => bound.includes(a.id) && a.tokensRemaining > 0);
  const useToken = async (account: AccountSummary) => {
    const a = await send<{ value: string }>({ type: 'tokens.copy', accountId: account.id });
    if (!a.ok) return onError(a.error.message);
    await navigator.clipboard.writeText(a.value).catch(() => undefined);
    onMessage(t('ui.popup.tokenCopied'));
    onChanged();
  };
  return (
    <div class="stack" style={{ marginBottom: '8px' }}>
      {tabId !== undefined && (
        <div class="row">
          <button type="button" class="grow" onClick={() => void scan()} disabled={busy}>{busy ? t('ui.scan.scanning') : t('ui.scan.button')}</button>
          <button type="button" onClick={region} disabled={busy}>{t('ui.scan.region')}</button>
        </div>
      )}
      {unscriptable && <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{t('ui.scan.screenshot')}</button>}
      {withTokens.map((a) => (
        <button key={a.id} type="button" onClick={() => void useToken(a)}>
          {t('ui.popup.useToken', a.issuer || a.label, a.tokensRemaining)}
        </button>
      ))}
    </div>
  );
}
