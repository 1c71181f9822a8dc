// The popup's clock warning (issue 15, docs/clock.md): when this computer's clock is more than
// 15 s off, says so plainly, how to fix it, and offers corrected codes when they are not on yet.
import { useEffect, useState } from 'preact/hooks';
import { clockWarning } from '../../lib/clock/format';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';

interface Status { offsetMs: number | null; correcting: boolean }

export function ClockWarning() {
  const [status, setStatus] = useState<Status | null>(null);
  const load = () => void send<Status>({ type: 'clock.status' }).then((a) => a.ok && setStatus({ offsetMs: a.offsetMs, correcting: a.correcting }));
  useEffect(load, []);
  const text = status && clockWarning(status.offsetMs);
  if (!status || !text) return null;
  const correct = async () => {
    await send({ type: 'settings.set', settings: { clockCorrection: true } });
    load();
  };
  return (
    <div class="notice" role="alert" data-clock-warning={status.correcting ? 'correcting' : 'off'}>
      <p><strong>{text}</strong></p>
      <p class="muted">{t('clock.fix')}</p>
      {status.correcting ? <p class="muted">{t('clock.correcting')}</p> : <button type="button" onClick={correct}>{t('clock.correct')}</button>}
    </div>
  );
}
