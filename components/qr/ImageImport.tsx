// Options page: add accounts from QR code images — files (several at once), a pasted clipboard
// image or a dropped one (issue 3). Decoding happens in this page (zxing-wasm, lib/qr); the
// texts go to the background for review (qr.review), like a page scan. Also shows a review the
// background opened this page for (a region scan: options.html#scan=<id>).
import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { decodeBlob } from '../../lib/qr/decode-picture';
import { ScanReview, type ScanAnswer } from './ScanReview';

async function decodeFiles(files: Blob[]): Promise<{ texts: string[]; unreadable: number }> {
  const texts: string[] = [];
  let unreadable = 0;
  for (const f of files) {
    try {
      texts.push(...(await decodeBlob(f)));
    } catch {
      unreadable++;
    }
  }
  return { texts: [...new Set(texts)], unreadable };
}

export function ImageImport({ onChanged }: { accounts: AccountSummary[]; onChanged(): void }) {
  const [scan, setScan] = useState<ScanAnswer | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const review = async (files: Blob[]) => {
    if (!files.length) return;
    setBusy(true);
    setMessage('');
    const { texts, unreadable } = await decodeFiles(files);
    if (!texts.length) {
      setBusy(false);
      return setMessage(unreadable ? t('qr.unreadableImage') : t('ui.images.none'));
    }
    const a = await send<ScanAnswer>({ type: 'qr.review', texts });
    setBusy(false);
    if (!a.ok) return setMessage(a.error.message);
    setScan(a);
    setMessage(unreadable ? t('qr.unreadableImage') : '');
  };

  useEffect(() => {
    // A held scan named by the address (#scan=<id>), when the page opens or its hash changes to one
    // (the section stays mounted while the options page switches pages).
    const fromHash = () => {
      const id = new URLSearchParams(location.hash.slice(1)).get('scan');
      if (id) void send<Omit<ScanAnswer, 'scanId'>>({ type: 'qr.pending', scanId: id }).then((a) => a.ok && setScan({ ...a, scanId: id }));
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    const onPaste = (e: ClipboardEvent) => {
      const images = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
      if (images.length) {
        e.preventDefault();
        void review(images);
      }
    };
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('hashchange', fromHash);
      document.removeEventListener('paste', onPaste);
    };
  }, []);

  if (scan) {
    return (
      <div class="stack">
        {message && <p role="status">{message}</p>}
        <ScanReview scan={scan} onDone={(text) => { setScan(null); setMessage(text); onChanged(); }} onCancel={() => setScan(null)} />
      </div>
    );
  }
  return (
    <div
      class="stack"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void review([...(e.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith('image/')));
      }}
    >
      <p class="muted">{t('ui.images.explain')}</p>
      <label class="field">
        <span>{t('ui.images.files')}</span>
        <input type="file" name="qr-images" accept="image/*" multiple disabled={busy} onChange={(e) => void review([...(e.currentTarget.files ?? [])])} />
      </label>
      {busy && <p role="status">{t('ui.images.reading')}</p>}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
