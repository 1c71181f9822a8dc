// The options page's account list: edit issuer, label and bound sites; delete with undo
// (the removal is sent only when the undo window closes, or when the page goes away).
// Issue 14: the user's own order — drag a row's handle, or Alt+Arrow Up/Down on it — pins and
// groups; all are fields of the sealed account (accounts.reorder / accounts.update), so they sync.
import { useEffect, useRef, useState } from 'preact/hooks';
import { moveBy } from '../../lib/order/order';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { PinIcon } from '../icons';

const UNDO_MS = 6000;

function AccountEditor({ account, onSaved, onCancel }: { account: AccountSummary; onSaved(): void; onCancel(): void }) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [label, setLabel] = useState(account.label);
  const [sites, setSites] = useState(account.sites.join(', '));
  const [error, setError] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    const list = sites.split(/[\s,]+/).filter(Boolean);
    const a = await send({ type: 'accounts.update', id: account.id, issuer, label, sites: list });
    if (!a.ok) return setError(a.error.message);
    onSaved();
  };
  return (
    <form class="stack" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div class="row">
        <label class="field grow"><span>{t('ui.field.issuer')}</span><input value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} autoFocus /></label>
        <label class="field grow"><span>{t('ui.field.label')}</span><input value={label} onInput={(e) => setLabel(e.currentTarget.value)} /></label>
      </div>
      <label class="field"><span>{t('ui.field.sites')}</span><input value={sites} onInput={(e) => setSites(e.currentTarget.value)} placeholder="example.com, example.co.jp" /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="row">
        <button class="primary" type="submit">{t('ui.save')}</button>
        <button type="button" onClick={onCancel}>{t('ui.cancel')}</button>
      </div>
    </form>
  );
}

export function AccountTable({ accounts, onChanged }: { accounts: AccountSummary[]; onChanged(): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<AccountSummary | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingRef = useRef<AccountSummary | null>(null);

  const commitRemoval = async () => {
    const p = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    if (p) {
      await send({ type: 'accounts.remove', id: p.id });
      onChanged();
    }
  };

  useEffect(() => {
    // Leaving the page ends the undo window: the removal happens.
    // Leaving the page (or this list: a lock) ends the undo window too.
    const flush = () => {
      clearTimeout(timer.current);
      void commitRemoval();
    };
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const remove = (a: AccountSummary) => {
    if (pendingRef.current) void commitRemoval();
    clearTimeout(timer.current);
    pendingRef.current = a;
    setPending(a);
    timer.current = setTimeout(() => void commitRemoval(), UNDO_MS);
  };
  const undo = () => {
    clearTimeout(timer.current);
    pendingRef.current = null;
    setPending(null);
  };

  const [moved, setMoved] = useState('');
  const focusAfter = useRef<string | null>(null);
  const dragged = useRef<string | null>(null);
  useEffect(() => {
    // After a keyboard move the list comes back re-ordered: keep the focus on the moved handle.
    const id = focusAfter.current;
    if (!id) return;
    focusAfter.current = null;
    document.querySelector<HTMLElement>(`tr[data-account-id="${id}"] .move`)?.focus();
  }, [accounts]);

  const reorder = async (ids: string[], id: string, keepFocus: boolean) => {
    const a = await send({ type: 'accounts.reorder', ids });
    if (!a.ok) return setMoved(a.error.message);
    const at = ids.indexOf(id);
    const acc = accounts.find((x) => x.id === id);
    setMoved(t('organise.moved', acc?.issuer || acc?.label || '', at + 1, ids.length));
    if (keepFocus) focusAfter.current = id;
    onChanged();
  };
  const moveKey = (e: KeyboardEvent, a: AccountSummary) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const ids = accounts.map((x) => x.id);
    const from = ids.indexOf(a.id);
    const next = moveBy(ids, from, e.key === 'ArrowUp' ? -1 : 1);
    if (next.indexOf(a.id) !== from) void reorder(next, a.id, true);
  };
  const drop = (target: AccountSummary) => {
    const id = dragged.current;
    dragged.current = null;
    if (!id || id === target.id) return;
    const ids = accounts.map((x) => x.id);
    void reorder(moveBy(ids, ids.indexOf(id), ids.indexOf(target.id) - ids.indexOf(id)), id, false);
  };
  const pin = async (a: AccountSummary) => {
    const r = await send({ type: 'accounts.update', id: a.id, pinned: !a.pinned });
    if (!r.ok) return setMoved(r.error.message);
    onChanged();
  };
  const saveTags = async (a: AccountSummary, text: string) => {
    const tags = text.split(/[,、]/).map((x) => x.trim()).filter(Boolean);
    if (tags.join('\u0000') === a.tags.join('\u0000')) return;
    const r = await send({ type: 'accounts.update', id: a.id, tags });
    if (!r.ok) return setMoved(r.error.message);
    onChanged();
  };

  const shown = accounts.filter((a) => a.id !== pending?.id);
  return (
    <div class="stack">
      {pending && (
        <p role="status" class="row">
          <span class="grow">{t('ui.accounts.removed', pending.issuer || pending.label)}</span>
          <button type="button" onClick={undo} autoFocus>{t('ui.undo')}</button>
        </p>
      )}
      <p class="sr-only" role="status" aria-live="polite">{moved}</p>
      {shown.length > 1 && <p class="muted">{t('organise.moveHint')}</p>}
      {shown.length === 0 ? <p class="muted">{t('ui.popup.empty')}</p> : (
        <table data-testid="account-table">
          <thead><tr><th><span class="sr-only">{t('organise.move')}</span></th><th>{t('ui.field.issuer')}</th><th>{t('ui.field.label')}</th><th>{t('ui.field.sites')}</th><th>{t('organise.groups')}</th><th><span class="sr-only">{t('ui.actions')}</span></th></tr></thead>
          <tbody>
            {shown.map((a) => editing === a.id ? (
              <tr key={a.id} data-account-id={a.id}><td colSpan={6}>
                <AccountEditor account={a} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); onChanged(); }} />
              </td></tr>
            ) : (
              <tr key={a.id} data-account-id={a.id} data-pinned={a.pinned ? 'true' : undefined} onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); drop(a); }}>
                <td>
                  <button
                    type="button" class="move" draggable title={t('organise.moveHint')} aria-label={t('organise.moveHandle', a.issuer || a.label)}
                    onKeyDown={(e) => moveKey(e, a)}
                    onDragStart={(e) => { dragged.current = a.id; e.dataTransfer?.setData('text/plain', a.id); }}
                  >⠿</button>
                </td>
                <td>{a.pinned && <span class="muted" title={t('organise.pinned')}><PinIcon size={12} /> </span>}{a.issuer}<div class="muted">{t(`ui.type.${a.type}`)} · {a.type === 'tokens' ? t('ui.popup.tokensLeft', a.tokensRemaining) : `${a.algorithm} · ${a.digits}`}</div></td>
                <td>{a.label}</td>
                <td>{a.sites.length ? a.sites.join(', ') : <span class="muted">{t('ui.accounts.noSites')}</span>}</td>
                <td>
                  <input
                    key={a.tags.join(',')} defaultValue={a.tags.join(', ')} size={12} aria-label={t('organise.tagsFor', a.issuer || a.label)} title={t('organise.tags')}
                    onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void saveTags(a, e.currentTarget.value); } }}
                    onBlur={(e) => void saveTags(a, e.currentTarget.value)}
                  />
                </td>
                {/* A flex box inside the cell: a cell that is itself a flex box leaves the table's grid. */}
                <td><div class="row">
                  <button type="button" onClick={() => void pin(a)} aria-pressed={a.pinned}>{a.pinned ? t('organise.unpin') : t('organise.pin')}</button>
                  <button type="button" onClick={() => setEditing(a.id)} aria-label={t('ui.accounts.editOne', a.issuer || a.label)}>{t('ui.edit')}</button>
                  <button type="button" onClick={() => remove(a)} aria-label={t('ui.accounts.removeOne', a.issuer || a.label)}>{t('ui.remove')}</button>
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
