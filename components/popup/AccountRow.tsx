// One account in the popup: issuer, label, the current code (digits grouped; the stable
// hook `data-code` holds the bare digits), a countdown ring and "accepted until hh:mm:ss".
// Memoised (issue 14): a row renders again only when its account or its code changes; the
// ring animates in CSS, so an idle popup runs no script between two time steps.
import { memo } from 'preact/compat';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { clockTime } from '../../lib/ui/format';
import { ringDelay } from '../../lib/ui/window';
import { CodeRing } from '../CodeRing';
import { CodeText } from '../CodeText';
import { IssuerIcon } from './IssuerIcon';

export interface CodeInfo {
  id: string;
  code: string;
  period: number | null;
  expiresAt: number | null;
  acceptedUntil: number | null;
}

export const AccountRow = memo(function AccountRow({ account, code, lowThreshold, bound, onUse }: {
  account: AccountSummary;
  code: CodeInfo | undefined;
  lowThreshold: number;
  bound: boolean;
  onUse(account: AccountSummary): void;
}) {
  const title = account.issuer || account.label;
  const lowTokens = account.tokensTotal > 0 && account.tokensRemaining <= lowThreshold;
  const activate = () => onUse(account);
  return (
    <div
      class="account"
      data-account-id={account.id}
      data-bound={bound ? 'true' : undefined}
      tabIndex={0}
      role="button"
      onClick={activate}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          activate();
        }
      }}
    >
      <IssuerIcon name={title} />
      <div class="names">
        <div class="issuer">{title}{bound && <span class="badge"> · {t('organise.thisSite')}</span>}</div>
        {account.issuer && <div class="label">{account.label}</div>}
        {/* One line of status, so every row has the same height (the list is windowed). */}
        <div class="until">
          {code?.acceptedUntil ? t('ui.popup.acceptedUntil', clockTime(code.acceptedUntil)) : null}
          {account.type === 'hotp' && t('ui.popup.hotpCounter', account.counter ?? 0)}
          {account.type === 'tokens' && !lowTokens && t('ui.popup.tokensLeft', account.tokensRemaining)}
          {lowTokens && <span class="warn">{account.type === 'tokens' ? '' : ' · '}{t('ui.popup.tokensLow', account.tokensRemaining)}</span>}
        </div>
      </div>
      {code && (
        <>
          <CodeText code={code.code} />
          {code.expiresAt && code.period ? <CodeRing key={code.expiresAt} period={code.period} delay={ringDelay(code.expiresAt, code.period, Date.now())} /> : null}
        </>
      )}
    </div>
  );
});
