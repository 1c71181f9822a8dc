// The paste box for emergency tokens (issue 5, "Paste box"): a textarea, a live preview of what
// will be added (masked values and the problems the page can see by itself: repeats within the
// paste, empty, too long, bad characters, over the 50-token limit counting the entry's known
// total), then tokens.add and the background's per-position answer, which also knows the
// entry's existing values (pages never receive them, so duplicates of them show only there).
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { maskToken, maskedLabel } from '../../lib/tokens/mask';
import { MAX_PASTE_LENGTH, parseTokenPaste } from '../../lib/tokens/parse';
import { MAX_TOKENS_PER_ENTRY, planTokenAdd } from '../../lib/tokens/plan';
import { plural, rejectionText } from './text';

export interface TokenPasteProps {
  /** The entry to add to; without it, `service` names a `tokens` entry (created or reused). */
  accountId?: string;
  service?: string;
  /** Called after tokens.add answered with at least one token added. */
  onAdded(accountId: string): void;
  /** Bumped by the section whenever the entry's tokens changed, so the known total is re-read. */
  revision?: number;
}

interface AddAnswer {
  accountId: string;
  added: number;
  duplicates: number;
  rejected: Array<{ position: number; reason: string }>;
  remaining: number;
}

/** Refused positions; a huge paste lists only the first few (its 20,000th value helps nobody). */
const SHOWN_PROBLEMS = 20;

function Problems({ items }: { items: ReadonlyArray<{ position: number; reason: string }> }) {
  return (
    <ul class="warn">
      {items.slice(0, SHOWN_PROBLEMS).map((r) => (
        <li key={r.position}>{rejectionText(r.position, r.reason)}</li>
      ))}
      {items.length > SHOWN_PROBLEMS && <li>{t('tokens.paste.more', items.length - SHOWN_PROBLEMS)}</li>}
    </ul>
  );
}

export function TokenPaste({ accountId, service, onAdded, revision = 0 }: TokenPasteProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [known, setKnown] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AddAnswer | null>(null);
  const [error, setError] = useState('');

  // The entry's current total (used included) counts towards the limit.
  useEffect(() => {
    setKnown(0);
    if (!accountId) return;
    let live = true;
    void send<{ tokens: unknown[] }>({ type: 'tokens.list', accountId }).then((a) => {
      if (live && a.ok) setKnown(a.tokens.length);
    });
    return () => {
      live = false;
    };
    // `revision` moves when the list changed (a copy, a clear), so the known total is re-read.
  }, [accountId, revision]);

  const tooLarge = text.length > MAX_PASTE_LENGTH;
  const plan = useMemo(
    () => (tooLarge ? null : planTokenAdd([], parseTokenPaste(text), Math.max(0, MAX_TOKENS_PER_ENTRY - known))),
    [text, known, tooLarge],
  );
  const target = accountId ? { accountId } : service?.trim() ? { service: service.trim() } : null;
  const count = plan?.accept.length ?? 0;

  const add = async (e: Event) => {
    e.preventDefault();
    if (!target || count === 0 || busy) return;
    setBusy(true);
    setError('');
    const a = await send<AddAnswer>({ type: 'tokens.add', ...target, text });
    setBusy(false);
    if (!a.ok) return setError(a.error.message);
    setResult(a);
    if (a.added > 0) {
      setText('');
      setKnown((k) => k + a.added);
      onAdded(a.accountId);
    }
  };

  return (
    <form class="stack" onSubmit={add}>
      <label class="field">
        <span>{t('tokens.paste.label')}</span>
        <textarea
          name="tokens"
          rows={6}
          value={text}
          // Token values must not go to a spell-checking service or be remembered by the form.
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-describedby={`${id}-hint`}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setResult(null);
            setError('');
          }}
        />
      </label>
      <p id={`${id}-hint`} class="muted">{t('tokens.paste.hint')}</p>

      <div role="group" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`} class="sr-only">{t('tokens.paste.preview')}</h3>
        <p aria-live="polite" data-preview-count={count}>
          {tooLarge ? t('error.too-large') : count > 0 ? plural('tokens.paste.ready', count) : t('tokens.paste.nothing')}
          {known > 0 && <span class="muted"> {t('tokens.paste.known', known, MAX_TOKENS_PER_ENTRY)}</span>}
        </p>
        {plan && plan.accept.length > 0 && (
          <ol class="token-preview">
            {plan.accept.map((v) => (
              <li key={v.position} value={v.position}>
                <code aria-hidden="true">{maskToken(v.value)}</code>
                <span class="sr-only">{maskedLabel(v.value)}</span>
              </li>
            ))}
          </ol>
        )}
        {plan && plan.rejected.length > 0 && (
          <div class="warn" data-preview-problems={plan.rejected.length}>
            <p>{plural('tokens.paste.problems', plan.rejected.length)}</p>
            <Problems items={plan.rejected} />
          </div>
        )}
      </div>

      {!target && text.trim() !== '' && <p class="warn">{t('tokens.paste.needEntry')}</p>}
      <button class="primary" type="submit" disabled={busy || !target || count === 0}>
        {busy ? t('tokens.paste.adding') : plural('tokens.paste.add', count)}
      </button>
      {error && <p class="error" role="alert">{error}</p>}
      {result && (
        <div role="status" data-added={result.added}>
          <p>{plural('tokens.result.added', result.added)}</p>
          {result.rejected.length > 0 && (
            <>
              <p class="warn">{plural('tokens.result.rejected', result.rejected.length)}</p>
              <Problems items={result.rejected} />
            </>
          )}
        </div>
      )}
    </form>
  );
}
