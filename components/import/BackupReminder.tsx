// The backup reminder (issue 12, "Backup reminder"), shown by the popup and the options page:
// asks the background (`backup.status`) whether the accounts or tokens changed since the last
// backup; dismissable until the next change; silent while sync is on and healthy.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/i18n';
import { send } from '../../lib/messages/client';
import { BACKUP_EVENT } from './download';

interface Status {
  remind: boolean;
  lastBackupAt: number | null;
  reason: string;
}

function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

/** `inOptions`: the options page (shows the last backup time even without a reminder, and its
 *  "Back up now" goes to the section on the same page); otherwise the popup. */
export function BackupReminder({ inOptions = false }: { inOptions?: boolean }) {
  const [status, setStatus] = useState<Status | null>(null);
  const load = useCallback(async () => {
    const a = await send<Status>({ type: 'backup.status' });
    setStatus(a.ok ? a : null);
  }, []);
  useEffect(() => {
    void load();
    const again = () => void load();
    window.addEventListener(BACKUP_EVENT, again);
    window.addEventListener('focus', again);
    return () => {
      window.removeEventListener(BACKUP_EVENT, again);
      window.removeEventListener('focus', again);
    };
  }, [load]);
  if (!status) return null;
  const last = status.lastBackupAt === null ? t('backup.reminder.never') : t('backup.reminder.last', when(status.lastBackupAt));
  if (!status.remind) return inOptions && status.lastBackupAt !== null ? <p class="muted" data-backup-last>{last}</p> : null;
  const goBackUp = () => {
    if (!inOptions) return void browser.tabs.create({ url: browser.runtime.getURL('/options.html#backup') });
    // The options page shows one page at a time (issue 14): open the backup page, then bring
    // its password field into view and focus it once it is there.
    if (location.hash !== '#backup') location.hash = 'backup';
    const focusForm = (frames: number) => {
      const target = document.getElementById('backup-password');
      // The field is in the document on every page (hidden on the others): wait until its page shows.
      if (!target || target.offsetParent === null) return void (frames > 0 && requestAnimationFrame(() => focusForm(frames - 1)));
      target.scrollIntoView({ block: 'center' });
      target.focus();
    };
    focusForm(30);
  };
  const dismiss = async () => {
    await send({ type: 'backup.dismiss' });
    await load();
  };
  return (
    // A labelled aside, not a live region: it is there when the page opens, and the popup's
    // own status messages (role=status) stay the only ones.
    <aside class="reminder row" aria-label={t('backup.reminder.label')} data-reminder="backup">
      <p class="grow">
        {status.reason === 'never' ? t('backup.reminder.first') : t('backup.reminder.changed')} <span class="muted">{last}</span>
      </p>
      <button type="button" class="primary" onClick={goBackUp}>{t('backup.reminder.go')}</button>
      <button type="button" onClick={dismiss} aria-label={t('backup.reminder.dismissLabel')}>{t('backup.reminder.dismiss')}</button>
    </aside>
  );
}
