// The options page's emergency-token section (issue 5): pick an entry (an account, or a
// `tokens` entry for a service that has only tokens) or name a new service, paste tokens into
// it and manage its list. Fits components/options/sections.ts (props { accounts, onChanged });
// used alone it loads accounts.list and the low-token threshold (settings.get) itself.
import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { DEFAULT_LOW_TOKEN_THRESHOLD } from '../../lib/tokens/view';
import { TokenList } from './TokenList';
import { TokenPaste } from './TokenPaste';

export interface TokensSectionProps {
  /** Every entry, as accounts.list answers; loaded here when absent. */
  accounts?: AccountSummary[];
  /** Called when tokens were added, copied or cleared (counts changed, an entry may be new). */
  onChanged?(): void;
  /** Warn at this many unused tokens or fewer; read from settings.get when absent. */
  lowThreshold?: number;
}

const NEW_SERVICE = '\u0000new';

/** How an entry is named in the picker. */
export function entryName(a: Pick<AccountSummary, 'issuer' | 'label'>): string {
  return a.issuer && a.label && a.issuer !== a.label ? t('tokens.section.account', a.issuer, a.label) : a.issuer || a.label;
}

export function TokensSection({ accounts: given, onChanged, lowThreshold: givenThreshold }: TokensSectionProps) {
  const id = useId();
  const [loaded, setLoaded] = useState<AccountSummary[]>([]);
  const [threshold, setThreshold] = useState(givenThreshold ?? DEFAULT_LOW_TOKEN_THRESHOLD);
  const [selected, setSelected] = useState('');
  const [service, setService] = useState('');
  // Remounts the paste box when the user picks another entry, not when an add selects the
  // entry it created (its result must stay on screen).
  const [picked, setPicked] = useState(0);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState('');

  const loadAccounts = useCallback(async () => {
    if (given) return;
    const a = await send<{ accounts: AccountSummary[] }>({ type: 'accounts.list' });
    if (a.ok) setLoaded(a.accounts);
    else setError(a.error.message);
  }, [given]);

  useEffect(() => void loadAccounts(), [loadAccounts]);

  useEffect(() => {
    if (givenThreshold !== undefined) return setThreshold(givenThreshold);
    let live = true;
    void send<{ settings: { lowTokenThreshold?: number } }>({ type: 'settings.get' }).then((a) => {
      const n = a.ok ? a.settings.lowTokenThreshold : undefined;
      if (live && typeof n === 'number') setThreshold(n);
    });
    return () => {
      live = false;
    };
  }, [givenThreshold]);

  const accounts = given ?? loaded;
  // Moves whenever the entry's tokens change, so the paste box re-reads the entry's total.
  const [revision, setRevision] = useState(0);
  const changed = () => {
    setRevision((r) => r + 1);
    onChanged?.();
    void loadAccounts();
  };
  const added = (accountId: string) => {
    setSelected(accountId);
    setService('');
    setVersion((v) => v + 1);
    changed();
  };

  const isNew = selected === NEW_SERVICE;
  const account = accounts.find((a) => a.id === selected);
  const accountId = isNew ? undefined : account?.id ?? (selected || undefined);

  return (
    <div class="stack">
      <label class="field">
        <span>{t('tokens.section.entry')}</span>
        <select value={selected} onChange={(e) => {
            setSelected(e.currentTarget.value);
            setPicked((p) => p + 1);
          }}>
          <option value="">{t('tokens.section.choose')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.type === 'tokens' || a.tokensRemaining > 0 ? t('tokens.section.option', entryName(a), a.tokensRemaining) : entryName(a)}
            </option>
          ))}
          <option value={NEW_SERVICE}>{t('tokens.section.newService')}</option>
        </select>
      </label>
      {isNew && (
        <div>
          <label class="field">
            <span>{t('tokens.section.serviceName')}</span>
            <input value={service} onInput={(e) => setService(e.currentTarget.value)} aria-describedby={`${id}-service`} autocomplete="off" />
          </label>
          <p id={`${id}-service`} class="muted">{t('tokens.section.serviceHint')}</p>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {(isNew || accountId) && <TokenPaste accountId={accountId} service={isNew ? service : undefined} onAdded={added} revision={revision} key={`paste-${picked}`} />}
      {accountId && <TokenList accountId={accountId} lowThreshold={threshold} onChanged={changed} key={`list-${accountId}-${version}`} />}
    </div>
  );
}
