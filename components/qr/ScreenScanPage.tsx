// The screen-scan window's page: unlock first when the vault is locked (the review needs it),
// then ScreenScan with its button focused, so Enter opens the picker (getDisplayMedia needs
// the user's own click or key press).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { UnlockForm } from '../Gate';
import { ScreenScan } from './ScreenScan';

export function ScreenScanPage() {
  const [state, setState] = useState<'loading' | 'new' | 'locked' | 'unlocked'>('loading');
  const refresh = useCallback(async () => {
    const a = await send<{ state: 'new' | 'locked' | 'unlocked' }>({ type: 'vault.status' });
    setState(a.ok ? a.state : 'locked');
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return (
    <main class="options">
      <h1>{t('screen.title')}</h1>
      {state === 'locked' && <UnlockForm onDone={refresh} />}
      {state === 'new' && <p>{t('error.no-vault')}</p>}
      {state === 'unlocked' && <ScreenScan onChanged={() => undefined} autoFocus />}
    </main>
  );
}
