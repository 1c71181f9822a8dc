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

/**
 * The options page's navigation (issue 14): one page shown at a time, chosen by the URL's hash
 * (options.html#tokens). Each page lists the sections it holds, by id: the built-in ones
 * (accounts, paste, type, settings, pass) and those of `extraSections`. A section of
 * `extraSections` that no page lists gets a page of its own, after these.
 */
export interface OptionsPage {
  id: string;
  /** i18n key of the link */
  title: string;
  sections: string[];
}

export const optionsPages: OptionsPage[] = [
  { id: 'accounts', title: 'polish.nav.accounts', sections: ['accounts'] },
  { id: 'add', title: 'polish.nav.add', sections: ['paste', 'type', 'images', 'screen'] },
  { id: 'backup', title: 'polish.nav.backup', sections: ['backup'] },
  { id: 'tokens', title: 'polish.nav.tokens', sections: ['tokens'] },
  { id: 'sync', title: 'polish.nav.sync', sections: ['sync'] },
  { id: 'settings', title: 'polish.nav.settings', sections: ['settings', 'pass', 'passkeys', 'email'] },
];

/** Every page: `optionsPages`, then one for each extra section no page lists. */
export function allOptionsPages(): OptionsPage[] {
  const listed = new Set(optionsPages.flatMap((p) => p.sections));
  return [...optionsPages, ...extraSections.filter((s) => !listed.has(s.id)).map((s) => ({ id: s.id, title: s.title, sections: [s.id] }))];
}

/**
 * The page a hash shows: a page id (#tokens), a section id inside a page (#images → "add"), or
 * a deep link with parameters: #scan=<id> (the QR review) opens "add". Anything else: the first.
 */
export function pageForHash(hash: string, pages: OptionsPage[] = allOptionsPages()): string {
  const raw = hash.replace(/^#/, '');
  const key = new URLSearchParams(raw).has('scan') ? 'images' : decodeURIComponent(raw.split(/[=&]/)[0] ?? '');
  return (pages.find((p) => p.id === key) ?? pages.find((p) => p.sections.includes(key)) ?? pages[0]!).id;
}
