// What a scan found, for the user to confirm before saving (issue 3): each code with its kind,
// export batch ("batch 2 of 3", and which are still missing) or the reason it adds nothing;
// each account with its issuer and label to rename and a box to leave it out; the site the
// accounts will fill into. An account read from another site than the page's (issue 11 point 1:
// a page can show another site's QR code) says where it came from, and is bound to the sites
// only if the user ticks it. Confirming sends qr.confirm.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import type { FoundCode } from '../../lib/qr/interpret';

export interface ScanAnswer {
  scanId: string;
  found: FoundCode[];
  /** `from`: set when the code was not read from the page's own site (that site, or null: unknown). */
  items: Array<{ index: number; issuer: string; label: string; from?: string | null }>;
  sites: string[];
  missingBatches: Array<{ size: number; missing: number[] }>;
}

export function foundSummary(found: FoundCode[]): string[] {
  return found.map((f) =>
    f.error
      ? f.error.message
      : f.kind === 'migration' && f.batch
        ? `${t('qr.kind.migration')} · ${t('qr.batch', f.batch.index, f.batch.size)} · ${f.accounts.length}`
        : `${t(`qr.kind.${f.kind}`)}: ${f.accounts.map((a) => [a.issuer, a.label].filter(Boolean).join(' / ')).join(', ')}`,
  );
}

export function ScanReview({ scan, onDone, onCancel }: { scan: ScanAnswer; onDone(message: string): void; onCancel(): void }) {
  const [rows, setRows] = useState(scan.items.map((it) => ({ ...it, keep: true, bind: it.from === undefined })));
  const [sites, setSites] = useState(scan.sites.join(', '));
  const [error, setError] = useState('');
  const set = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const kept = rows.filter((r) => r.keep);
  const save = async (e: Event) => {
    e.preventDefault();
    const a = await send<{ added: unknown[]; duplicates: number }>({
      type: 'qr.confirm',
      scanId: scan.scanId,
      keep: kept.map(({ index, issuer, label, bind }) => ({ index, issuer, label, bind })),
      sites: sites.split(/[\s,]+/).filter(Boolean),
    });
    if (!a.ok) return setError(a.error.message);
    onDone(t('ui.add.result', a.added.length, a.duplicates));
  };
  return (
    <form class="stack" onSubmit={save} aria-labelledby="scan-title">
      <h2 id="scan-title">{scan.found.length ? t('ui.scan.found', scan.found.length) : t('qr.nothingFound')}</h2>
      <ul>{foundSummary(scan.found).map((line, i) => <li key={i} class={scan.found[i]?.error ? 'warn' : ''}>{line}</li>)}</ul>
      {scan.missingBatches.map((m, i) => <p key={i} class="warn">{t('qr.batchMissing', m.missing.join(', '))}</p>)}
      {rows.length > 0 && (
        <>
          <ul class="stack" style={{ listStyle: 'none', padding: 0 }}>
            {rows.map((r, i) => (
              <li key={r.index} class="row" data-scan-item={r.index}>
                <input type="checkbox" checked={r.keep} onChange={(e) => set(i, { keep: e.currentTarget.checked })} aria-label={t('ui.scan.keep', r.issuer || r.label)} />
                <label class="field grow"><span>{t('ui.field.issuer')}</span><input value={r.issuer} onInput={(e) => set(i, { issuer: e.currentTarget.value })} /></label>
                <label class="field grow"><span>{t('ui.field.label')}</span><input value={r.label} onInput={(e) => set(i, { label: e.currentTarget.value })} /></label>
                {r.from !== undefined && (
                  <div class="stack" data-scan-from={r.from ?? ''}>
                    <p class="warn">{r.from === null ? t('qr.fromUnknown') : t('qr.fromSite', r.from)}</p>
                    <label class="row"><input type="checkbox" checked={r.bind} onChange={(e) => set(i, { bind: e.currentTarget.checked })} />{t('qr.bindForeign', r.issuer || r.label)}</label>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <label class="field"><span>{t('ui.add.siteLabel')}</span><input name="sites" value={sites} onInput={(e) => setSites(e.currentTarget.value)} /></label>
          <button class="primary" type="submit" disabled={!kept.length}>{t('ui.scan.add', kept.length)}</button>
        </>
      )}
      <button type="button" onClick={onCancel}>{t('ui.cancel')}</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
