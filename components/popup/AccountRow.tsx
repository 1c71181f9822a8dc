// One account in the popup: issuer, label, the current code (digits grouped; the stable
// hook `data-code` holds the bare digits), a countdown ring and "accepted until hh:mm:ss".
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { clockTime, secondsLeft } from '../../lib/ui/format';
import { CodeRing } from '../CodeRing';
import { CodeText } from '../CodeText';

export interface CodeInfo {
  id: string;
  code: string;
  period: number | null;
  expiresAt: number | null;
  acceptedUntil: number | null;
}

export function AccountRow({ account, code, now, lowThreshold, onUse }: {
  account: AccountSummary;
  code: CodeInfo | undefined;
  now: number;
  lowThreshold: number;
  onUse(account: AccountSummary): void;
}) {
  const left = code?.expiresAt ? secondsLeft(code.expiresAt, now) : null;
  const title = account.issuer || account.label;
  const lowTokens = account.tokensTotal > 0 && account.tokensRemaining <= lowThreshold;
  const activate = () => onUse(account);
  return (
    <div
      class="account"
      data-account-id={account.id}
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
      <div class="names">
        <div class="issuer">{title}</div>
        {account.issuer && <div class="label">{account.label}</div>}
        {code?.acceptedUntil && <div class="until">{t('ui.popup.acceptedUntil', clockTime(code.acceptedUntil))}</div>}
        {account.type === 'hotp' && <div class="until">{t('ui.popup.hotpCounter', account.counter ?? 0)}</div>}
        {account.type === 'tokens' && <div class="until">{t('ui.popup.tokensLeft', account.tokensRemaining)}</div>}
        {lowTokens && <div class="until warn">{t('ui.popup.tokensLow', account.tokensRemaining)}</div>}
      </div>
      {code && (
        <>
          <CodeText code={code.code} />
          {left !== null && code.period ? (
            <span class="row" title={t('ui.popup.secondsLeft', left)}>
              <CodeRing left={left} period={code.period} />
              <span class="sr-only">{t('ui.popup.secondsLeft', left)}</span>
            </span>
          ) : null}
        </>
      )}
    </div>
  );
}
