// "Scan the screen…" (issue 16): the browser's picker, a visible "reading…" state with Stop
// (and Esc) until lib/qr/screen.ts has the codes, then the same review as page scans
// (qr.review → ScanReview → qr.confirm: nothing is added before the user confirms, and the
// accounts are bound to no site). The stream stops the moment reading ends, whatever the outcome.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { readScreen, type ScreenProgress } from '../../lib/qr/screen';
import { openScreenCapture } from '../../lib/qr/screen-source';
import { ScanReview, type ScanAnswer } from './ScanReview';

type Phase = 'idle' | 'picking' | 'reading' | 'checking';

export function ScreenScan({ onChanged, autoFocus }: { accounts?: AccountSummary[]; onChanged(): void; autoFocus?: boolean }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<ScreenProgress | null>(null);
  const [scan, setScan] = useState<ScanAnswer | null>(null);
  const [message, setMessage] = useState('');
  const ctrl = useRef<AbortController | null>(null);

  useEffect(() => {
    // Esc cancels a reading anywhere in the page.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ctrl.current) {
        e.preventDefault();
        ctrl.current.abort('cancel');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      ctrl.current?.abort('cancel');
    };
  }, []);

  const start = async () => {
    setMessage('');
    setProgress(null);
    if (!navigator.mediaDevices?.getDisplayMedia) return setMessage(t('screen.unsupported'));
    setPhase('picking');
    let capture;
    try {
      capture = await openScreenCapture();
    } catch {
      setPhase('idle');
      return setMessage(t('screen.denied'));
    }
    const abort = new AbortController();
    ctrl.current = abort;
    setPhase('reading');
    let result;
    try {
      result = await readScreen({ source: capture, signal: abort.signal, onProgress: setProgress });
    } finally {
      // Stopped at once: the browser's "sharing" indicator goes away and no frame is kept.
      capture.stop();
      ctrl.current = null;
    }
    if (result.outcome !== 'found') {
      setPhase('idle');
      return setMessage(t(result.outcome === 'cancelled' ? 'screen.cancelled' : 'screen.ended'));
    }
    setPhase('checking');
    const a = await send<ScanAnswer>({ type: 'qr.review', texts: result.texts.slice(0, 64) });
    setPhase('idle');
    if (!a.ok) return setMessage(a.error.message);
    setScan(a);
  };

  if (scan) {
    return <ScanReview scan={scan} onDone={(text) => { setScan(null); setMessage(text); onChanged(); }} onCancel={() => setScan(null)} />;
  }
  const missing = progress?.missingBatches.flatMap((m) => m.missing) ?? [];
  return (
    <div class="stack" data-screen-scan={phase}>
      <p class="muted">{t('screen.explain')}</p>
      {phase === 'reading' ? (
        <div class="stack" role="status" aria-live="polite">
          <p data-reading="true">{progress?.texts.length ? t('screen.readingMore', progress.texts.length, missing.join(', ')) : t('screen.reading')}</p>
          <p class="muted">{t('screen.frames', progress?.frames ?? 0)}</p>
          <div class="row">
            <button type="button" onClick={() => ctrl.current?.abort('cancel')} autoFocus>{t('screen.stop')}</button>
            {progress?.texts.length ? <button type="button" onClick={() => ctrl.current?.abort('finish')}>{t('screen.reviewNow')}</button> : null}
          </div>
        </div>
      ) : (
        <button type="button" class="primary" data-action="screen-scan" onClick={() => void start()} disabled={phase !== 'idle'} autoFocus={autoFocus}>{t('screen.choose')}</button>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

