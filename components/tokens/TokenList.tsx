// The emergency tokens of one entry (issue 5, "List"): masked rows in the order added, unused
// or used with the time of use, the number remaining and a low-tokens warning. Copy asks the
// background for the value (tokens.copy marks it used) and writes it to the clipboard; Reveal
// takes an explicit click and does not use the token (tokens.reveal); used tokens stay listed,
// greyed, until "Clear used tokens" (tokens.clearUsed; their used marks are never removed).
// Stable hooks (shared/automation-api.md): each row has data-token-id and data-used.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getLang, t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { maskedLabel } from '../../lib/tokens/mask';
import { isLow, type TokenRow } from '../../lib/tokens/view';
import { plural, usedTime } from './text';

export interface TokenListProps {
  accountId: string;
  /** Warn at this many unused tokens or fewer (the `lowTokenThreshold` setting). */
  lowThreshold: number;
  /** Called after something changed the entry's counts (a copy, a clear). */
  onChanged?(): void;
}

interface ListAnswer {
  tokens: TokenRow[];
  remaining: number;
}

export function TokenList({ accountId, lowThreshold, onChanged }: TokenListProps) {
  const [list, setList] = useState<ListAnswer | null>(null);
  const [revealed, setRevealed] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    const a = await send<ListAnswer>({ type: 'tokens.list', accountId });
    if (a.ok) {
      setList({ tokens: a.tokens, remaining: a.remaining });
      setError('');
    } else setError(a.error.message);
  }, [accountId]);

  useEffect(() => {
    setList(null);
    setRevealed(new Map());
    setNotice('');
    setConfirming(false);
    void load();
  }, [load]);

  const copy = async (tokenId: string) => {
    setNotice('');
    const a = await send<{ value: string; tokenId: string }>({ type: 'tokens.copy', accountId, tokenId });
    if (!a.ok) return setError(a.error.message);
    try {
      await navigator.clipboard.writeText(a.value);
      setNotice(t('tokens.copied'));
    } catch {
      setNotice(t('tokens.copy.noClipboard'));
    }
    await load();
    onChanged?.();
  };

  const toggleReveal = async (tokenId: string) => {
    if (revealed.has(tokenId)) {
      const next = new Map(revealed);
      next.delete(tokenId);
      return setRevealed(next);
    }
    const a = await send<{ value: string }>({ type: 'tokens.reveal', accountId, tokenId });
    if (!a.ok) return setError(a.error.message);
    setRevealed((r) => new Map(r).set(tokenId, a.value));
  };

  const clearUsed = async () => {
    setConfirming(false);
    const a = await send({ type: 'tokens.clearUsed', accountId });
    if (!a.ok) return setError(a.error.message);
    setNotice(t('tokens.cleared'));
    await load();
    onChanged?.();
  };

  if (!list) return <p class={error ? 'error' : 'muted'} role={error ? 'alert' : undefined}>{error || t('tokens.list.loading')}</p>;

  const usedCount = list.tokens.filter((r) => r.used).length;
  const low = list.tokens.length > 0 && isLow(list.remaining, lowThreshold);
  const lang = getLang();
  return (
    <div class="stack token-list">
      {list.tokens.length === 0 ? (
        <p class="muted">{t('tokens.list.empty')}</p>
      ) : (
        <p data-remaining={list.remaining}>{t('tokens.list.remaining', list.remaining, list.tokens.length)}</p>
      )}
      {low && (
        <p class="warn" role="status" data-low-tokens="true">
          {list.remaining === 0 ? t('tokens.list.noneLeft') : t('tokens.list.low', list.remaining)}
        </p>
      )}
      {list.tokens.length > 0 && (
        <ul class="tokens" aria-label={t('tokens.list.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.tokens.map((row) => {
            const label = maskedLabel(row.masked);
            const value = revealed.get(row.id);
            return (
              <li
                key={row.id}
                class={row.used ? 'token row used' : 'token row'}
                data-token-id={row.id}
                data-used={String(row.used)}
                style={row.used ? { opacity: 0.6 } : undefined}
              >
                <span class="grow">
                  {value === undefined ? (
                    <>
                      <code aria-hidden="true">{row.masked}</code>
                      <span class="sr-only">{label}</span>
                    </>
                  ) : (
                    <>
                      <span class="sr-only">{t('tokens.revealed')} </span>
                      <code data-revealed="true">{value}</code>
                    </>
                  )}
                </span>
                <span class="muted">
                  {!row.used
                    ? t('tokens.status.unused')
                    : row.usedAt === null
                      ? t('tokens.status.used')
                      : t('tokens.status.usedAt', usedTime(row.usedAt, lang))}
                </span>
                <button type="button" aria-label={t('tokens.copy.label', label)} onClick={() => void copy(row.id)}>
                  {t('tokens.copy')}
                </button>
                <button
                  type="button"
                  aria-pressed={value !== undefined}
                  aria-label={t(value === undefined ? 'tokens.reveal.label' : 'tokens.hide.label', label)}
                  onClick={() => void toggleReveal(row.id)}
                >
                  {value === undefined ? t('tokens.reveal') : t('tokens.hide')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {notice && <p role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {usedCount > 0 &&
        (confirming ? (
          <div class="row" role="group" aria-label={t('tokens.clearUsed')}>
            <span class="grow">{plural('tokens.clearUsed.confirm', usedCount)}</span>
            <button type="button" onClick={() => void clearUsed()} autoFocus>{t('tokens.clearUsed.yes')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('tokens.clearUsed.no')}</button>
          </div>
        ) : (
          <p>
            <button type="button" onClick={() => setConfirming(true)}>{t('tokens.clearUsed')}</button>
          </p>
        ))}
    </div>
  );
}
