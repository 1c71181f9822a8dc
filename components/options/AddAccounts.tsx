// Adding accounts on the options page: paste otpauth:// / otpauth-migration:// links
// (many at once, one per line), or type an issuer, label, secret and parameters.
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';

interface ImportAnswer {
  added: Array<{ id: string; issuer: string; label: string }>;
  duplicates: number;
  errors: Array<{ line: number; code: string; message: string }>;
}

function ImportResult({ result }: { result: ImportAnswer }) {
  return (
    <div role="status" class="stack">
      <p>{t('ui.add.result', result.added.length, result.duplicates)}</p>
      {result.errors.length > 0 && (
        <ul class="error">
          {result.errors.map((e) => <li key={`${e.line}-${e.code}`}>{t('ui.add.lineError', e.line, e.message)}</li>)}
        </ul>
      )}
    </div>
  );
}

export function PasteLinks({ onAdded }: { onAdded(): void }) {
  const [text, setText] = useState('');
  const [site, setSite] = useState('');
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const a = await send<ImportAnswer>({ type: 'accounts.import', text, ...(site.trim() ? { site } : {}) });
    if (!a.ok) return setError(a.error.message);
    setResult(a);
    if (a.added.length) {
      setText('');
      onAdded();
    }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <label class="field">
        <span>{t('ui.add.pasteLabel')}</span>
        <textarea name="links" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="otpauth://totp/Example:alice@example.com?secret=…&issuer=Example" spellcheck={false} />
      </label>
      <label class="field">
        <span>{t('ui.add.siteLabel')}</span>
        <input name="site" value={site} onInput={(e) => setSite(e.currentTarget.value)} placeholder="example.com" />
      </label>
      <button class="primary" type="submit" disabled={!text.trim()}>{t('ui.add.pasteSubmit')}</button>
      {error && <p class="error" role="alert">{error}</p>}
      {result && <ImportResult result={result} />}
    </form>
  );
}

export function TypeSecret({ onAdded }: { onAdded(): void }) {
  const [f, setF] = useState({ issuer: '', label: '', secret: '', type: 'totp', algorithm: 'SHA1', digits: '6', period: '30', counter: '0', site: '' });
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const field = (name: keyof typeof f) => ({
    name,
    value: f[name],
    onInput: (e: Event) => setF({ ...f, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setMessage('');
    const account = {
      issuer: f.issuer, label: f.label, secret: f.secret, type: f.type, algorithm: f.algorithm,
      digits: Number(f.digits), period: Number(f.period), counter: Number(f.counter),
    };
    const a = await send<ImportAnswer>({ type: 'accounts.add', account, ...(f.site.trim() ? { site: f.site } : {}) });
    if (!a.ok) return setError(a.error.message);
    setMessage(t('ui.add.result', a.added.length, a.duplicates));
    if (a.added.length) {
      setF({ ...f, issuer: '', label: '', secret: '', site: '' });
      onAdded();
    }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <div class="row">
        <label class="field grow"><span>{t('ui.field.issuer')}</span><input {...field('issuer')} /></label>
        <label class="field grow"><span>{t('ui.field.label')}</span><input {...field('label')} required /></label>
      </div>
      <label class="field"><span>{t('ui.field.secret')}</span><input {...field('secret')} required autocomplete="off" spellcheck={false} /></label>
      <div class="row">
        <label class="field"><span>{t('ui.field.type')}</span>
          <select {...field('type')}><option value="totp">TOTP</option><option value="hotp">HOTP</option></select>
        </label>
        <label class="field"><span>{t('ui.field.algorithm')}</span>
          <select {...field('algorithm')}><option>SHA1</option><option>SHA256</option><option>SHA512</option></select>
        </label>
        <label class="field"><span>{t('ui.field.digits')}</span>
          <select {...field('digits')}><option>6</option><option>7</option><option>8</option></select>
        </label>
        {f.type === 'totp'
          ? <label class="field"><span>{t('ui.field.period')}</span><input type="number" min={1} {...field('period')} /></label>
          : <label class="field"><span>{t('ui.field.counter')}</span><input type="number" min={0} {...field('counter')} /></label>}
      </div>
      <label class="field"><span>{t('ui.add.siteLabel')}</span><input {...field('site')} placeholder="example.com" /></label>
      <button class="primary" type="submit">{t('ui.add.typeSubmit')}</button>
      {error && <p class="error" role="alert">{error}</p>}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
