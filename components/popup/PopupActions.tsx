// The popup's actions for the page it was opened over: use an emergency token of the
// account bound to this site (issue 5). The QR scan joins here (issue 3).
import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { activeWebTabId } from './active-tab';

export function PopupActions({ accounts, onChanged, onMessage }: { accounts: AccountSummary[]; onChanged(): void; onMessage(text: string): void }) {
  const [bound, setBound] = useState<string[]>([]);
  useEffect(() => {
    void activeWebTabId().then(async (tabId) => {
      const a = await send<{ bound: string[] }>({ type: 'popup.context', tabId });
      if (a.ok) setBound(a.bound);
    });
  }, []);
  const withTokens = accounts.filter((a) => bound.includes(a.id) && a.tokensRemaining > 0);
  const useToken = async (account: AccountSummary) => {
    const a = await send<{ value: string }>({ type: 'tokens.copy', accountId: account.id });
    if (!a.ok) return onMessage(a.error.message);
    await navigator.clipboard.writeText(a.value).catch(() => undefined);
    onMessage(t('ui.popup.tokenCopied'));
    onChanged();
  };
  if (!withTokens.length) return null;
  return (
    <div class="stack" style={{ marginBottom: '8px' }}>
      {withTokens.map((a) => (
        <button key={a.id} type="button" onClick={() => void useToken(a)}>
          {t('ui.popup.useToken', a.issuer || a.label, a.tokensRemaining)}
        </button>
      ))}
    </div>
  );
}
