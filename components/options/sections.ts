// Sections that features add to the options page (emergency tokens, images, sync):
// one entry each, in the order shown, in the manner of refined-github's feature list.
import type { FunctionComponent } from 'preact';
import type { AccountSummary } from '../../lib/api/accounts';
import { ImportBackupSection } from '../import/ImportBackupSection';
import { PasskeySection } from '../passkey/PasskeySection';
import { ImageImport } from '../qr/ImageImport';
import { ScreenScan } from '../qr/ScreenScan';
import { SyncSection } from '../sync/SyncSection';
import { TokensSection } from '../tokens/TokensSection';
import { EmailCodesSettings } from '../email/EmailCodesSettings';

export interface OptionsSection {
  id: string;
  /** i18n key of the heading */
  title: string;
  Component: FunctionComponent<{ accounts: AccountSummary[]; onChanged(): void }>;
}

export const extraSections: OptionsSection[] = [
  { id: 'images', title: 'ui.images.title', Component: ImageImport },
  { id: 'screen', title: 'screen.title', Component: ScreenScan },
  { id: 'tokens', title: 'tokens.section.title', Component: TokensSection },
  { id: 'sync', title: 'sync.ui.title', Component: SyncSection },
  { id: 'backup', title: 'backup.section.title', Component: ImportBackupSection },
  { id: 'passkeys', title: 'passkey.section.title', Component: PasskeySection },
  { id: 'email', title: 'email.title', Component: EmailCodesSettings },
];
