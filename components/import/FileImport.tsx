// Import from a file (issue 12, "Import"): one file picker / drop zone; the background
// recognises the format from the content (`import.preview`), asks for the password of an
// encrypted file, and lists what would be added with duplicates marked. The user leaves entries
// out, may bind a site, and confirms (`accounts.importFile` with `keep`): nothing is written before.
import { useRef, useState } from 'preact/hooks';
import { toBase64 } from '../../lib/crypto/encoding';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';

interface Entry {
  index: number;
  line: number;
  type: string;
  issuer: string;
  label: string;
  duplicate: boolean;
  tokens: number;
}
interface EntryError {
  line: number;
  code: string;
  message: string;
}
interface Preview {
  format: string;
  encrypted: boolean;
  entries: Entry[];
  errors: EntryError[];
}
interface Done {
  format: string;
  added: unknown[];
  duplicates: number;
  errors: EntryError[];
}

export function FileImport({ onChanged }: { onChanged(): void }) {
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [needPassword, setNeedPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [keep, setKeep] = useState<Set<number>>(new Set());
  const [site, setSite] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  const reset = () => {
    setFile(null);
    setNeedPassword(false);
    setPassword('');
    setPreview(null);
    setError('');
    setSite('');
    if (picker.current) picker.current.value = '';
  };

  const ask = async (f: { name: string; data: string }, pw: string | undefined) => {
    setBusy(true);
    setError('');
    const a = await send<Preview>({ type: 'import.preview', name: f.name, data: f.data, ...(pw ? { password: pw } : {}) });
    setBusy(false);
    if (a.ok) {
      setPreview(a);
      setKeep(new Set(a.entries.map((e) => e.index)));
      return;
    }
    setPreview(null);
    if (a.error.code === 'needs-password' || a.error.code === 'bad-passphrase') {
      setNeedPassword(true);
      if (a.error.code === 'bad-passphrase') setError(a.error.message);
      setTimeout(() => passwordRef.current?.focus(), 0);
      return;
    }
    setError(a.error.message);
  };

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    reset();
    setDone(null);
    const f = { name: picked.name, data: toBase64(new Uint8Array(await picked.arrayBuffer())) };
    setFile(f);
    await ask(f, undefined);
  };

  const confirm = async () => {
    if (!file || !preview) return;
    setBusy(true);
    const a = await send<Done>({
      type: 'accounts.importFile', name: file.name, data: file.data,
      ...(password ? { password } : {}), ...(site.trim() ? { site: site.trim() } : {}),
      keep: [...keep].sort((x, y) => x - y),
    });
    setBusy(false);
    if (!a.ok) return setError(a.error.message);
    setDone(a);
    reset();
    onChanged();
  };

  const toggle = (index: number, on: boolean) => {
    const next = new Set(keep);
    if (on) next.add(index);
    else next.delete(index);
    setKeep(next);
  };

  return (
    <div class="stack" data-import="file">
      <div
        class={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void choose(e.dataTransfer?.files?.[0]);
        }}
      >
        <p class="muted">{t('backup.import.explain')}</p>
        <label class="field">
          <span>{t('backup.import.file')}</span>
          <input ref={picker} type="file" name="import-file" disabled={busy} onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </label>
      </div>
      {file && needPassword && !preview && (
        <form class="stack" onSubmit={(e) => { e.preventDefault(); void ask(file, password); }}>
          <p>{t('backup.import.encrypted', file.name)}</p>
          <label class="field">
            <span>{t('backup.import.password')}</span>
            <input ref={passwordRef} type="password" name="import-password" autocomplete="off" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
          </label>
          <button type="submit" class="primary" disabled={busy || !password}>{t('backup.import.open')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {busy && <p class="muted" aria-live="polite">{t('backup.import.reading')}</p>}
      {preview && file && (
        <div class="stack" data-import-preview={preview.format}>
          <p>{t('backup.import.found', preview.entries.length, t(`backup.format.${preview.format}`))}</p>
          {preview.entries.length > 0 && (
            <table>
              <thead>
                <tr><th scope="col">{t('backup.import.keep')}</th><th scope="col">{t('backup.import.issuer')}</th><th scope="col">{t('backup.import.label')}</th><th scope="col">{t('backup.import.status')}</th></tr>
              </thead>
              <tbody>
                {preview.entries.map((e) => (
                  <tr key={e.index} data-entry={e.index} data-duplicate={String(e.duplicate)}>
                    <td>
                      <input type="checkbox" checked={keep.has(e.index)} onChange={(ev) => toggle(e.index, ev.currentTarget.checked)}
                        aria-label={t('backup.import.keepOne', e.issuer || e.label)} />
                    </td>
                    <td>{e.issuer}</td>
                    <td>{e.label}</td>
                    <td>
                      {e.duplicate ? <span class="warn">{preview.format === 'tessera-backup' ? t('backup.import.merge') : t('backup.import.duplicate')}</span> : t('backup.import.new')}
                      {e.tokens > 0 && <span class="muted"> · {t('backup.import.tokens', e.tokens)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.errors.length > 0 && (
            <ul class="error" aria-label={t('backup.import.problems')}>
              {preview.errors.map((x) => <li key={`${x.line}-${x.code}`}>{t('backup.import.entryError', x.line, x.message)}</li>)}
            </ul>
          )}
          <label class="field">
            <span>{t('backup.import.site')}</span>
            <input type="text" name="import-site" placeholder="example.com" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
          </label>
          <div class="row">
            <button type="button" class="primary" disabled={busy || keep.size === 0} onClick={confirm}>{t('backup.import.confirm', keep.size)}</button>
            <button type="button" onClick={reset}>{t('backup.cancel')}</button>
          </div>
        </div>
      )}
      {done && (
        <div role="status" class="stack" data-import-done>
          <p>{t('backup.import.done', done.added.length, done.duplicates)}</p>
          {done.errors.length > 0 && (
            <ul class="error">{done.errors.map((x) => <li key={`${x.line}-${x.code}`}>{t('backup.import.entryError', x.line, x.message)}</li>)}</ul>
          )}
        </div>
      )}
    </div>
  );
}
