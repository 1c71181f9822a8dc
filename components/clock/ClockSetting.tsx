// The options page's clock correction switch (issue 15, setting `clockCorrection`), with today's
// estimate when there is one.
import { useEffect, useState } from 'preact/hooks';
import { clockWarning } from '../../lib/clock/format';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';

export function ClockSetting() {
  const [on, setOn] = useState<boolean | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const load = () =>
    void Promise.all([
      send<{ offsetMs: number | null; correcting: boolean }>({ type: 'clock.status' }),
      send<{ settings: { clockCorrection: boolean; clockCorrectionChosen: boolean } }>({ type: 'settings.get' }),
    ]).then(([a, s]) => {
      if (!a.ok || !s.ok) return;
      // The user's choice once made; until then what the automatic rule does now.
      setOn(s.settings.clockCorrectionChosen ? s.settings.clockCorrection : a.correcting);
      setWarning(clockWarning(a.offsetMs));
    });
  useEffect(load, []);
  if (on === null) return null;
  const save = async (value: boolean) => {
    await send({ type: 'settings.set', settings: { clockCorrection: value } });
    load();
  };
  return (
    <div class="stack">
      <label class="row">
        <input type="checkbox" name="clockCorrection" checked={on} onChange={(e) => void save(e.currentTarget.checked)} />
        <span>{t('clock.setting')}</span>
      </label>
      <span class="muted">{t('clock.settingHint')}</span>
      {warning && <span role="status">{warning}</span>}
    </div>
  );
}
