// The options page's "Import & backup" section (issue 12): import from a file, back up now,
// export to a phone, plain export. Each part is its own component (FileImport, Exports).
import { useEffect } from 'preact/hooks';
import type { AccountSummary } from '../../lib/api/accounts';
import { t } from '../../lib/i18n/i18n';
import { allowPlainExport } from '../../lib/policy/policy';
import { useManagedPolicy } from '../policy/useManagedPolicy';
import { BackupNow, PhoneExport, PlainExport } from './Exports';
import { FileImport } from './FileImport';

export function ImportBackupSection({ accounts, onChanged }: { accounts: AccountSummary[]; onChanged(): void }) {
  const exportsAllowed = allowPlainExport(useManagedPolicy());
  // The popup's reminder opens options.html#backup: bring the backup form into view.
  useEffect(() => {
    if (location.hash === '#backup') document.getElementById('backup-password')?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <div class="stack" id="backup">
      <h3>{t('backup.import.title')}</h3>
      <FileImport onChanged={onChanged} />
      <h3>{t('backup.now.title')}</h3>
      <BackupNow />
      <h3>{t('backup.phone.title')}</h3>
      {exportsAllowed ? <PhoneExport accounts={accounts} /> : <p class="muted" data-managed-reason="allowPlainExport">{t('policy.plainExport')}</p>}
      <h3>{t('backup.plain.title')}</h3>
      {exportsAllowed ? <PlainExport /> : <p class="muted" data-managed-reason="allowPlainExport">{t('policy.plainExport')}</p>}
    </div>
  );
}
