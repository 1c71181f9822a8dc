// The table of API message types and their handlers (shared/automation-api.md, Messages).
import * as accounts from './accounts';
import * as autofill from './autofill';
import * as codes from './codes';
import * as popup from './popup-init';
import * as tokens from './tokens';
import * as vault from './vault-handlers';
import type { Handler } from './types';

// Heavy handlers load on first use (issue 14): a service worker woken by the popup answers
// popup.init without parsing the QR decoder, sync backends, import parsers or backup code.
type Module = Record<string, unknown>;
function lazy(load: () => Promise<Module>, name: string): Handler {
  return async (msg, ctx) => ((await load())[name] as Handler)(msg, ctx);
}
const qr = () => import('./qr') as Promise<Module>;
const sync = () => import('./sync') as Promise<Module>;
const importExport = () => import('./import-export') as Promise<Module>;

export const coreHandlers: Record<string, Handler> = {
  'vault.status': vault.status,
  'vault.setup': vault.setup,
  'vault.unlock': vault.unlock,
  'vault.lock': vault.lock,
  'vault.changePassphrase': vault.changePassphrase,
  'settings.get': vault.getSettings,
  'settings.set': vault.setSettings,
  'accounts.import': accounts.importAccounts,
  'accounts.add': accounts.addTyped,
  'accounts.list': accounts.listAccounts,
  'accounts.update': accounts.updateAccount,
  'accounts.remove': accounts.removeAccount,
  'codes.get': codes.getCode,
  'codes.all': codes.allCodes,
  'codes.use': codes.useCodeMessage,
  'autofill.fill': autofill.fillMessage,
  'popup.use': autofill.popupUse,
  'popup.context': autofill.popupContext,
  'qr.scanTab': lazy(qr, 'scanTab'),
  'qr.scanRegion': lazy(qr, 'scanRegion'),
  'qr.review': lazy(qr, 'review'),
  'qr.pending': lazy(qr, 'showPending'),
  'qr.confirm': lazy(qr, 'confirm'),
  'sync.configure': lazy(sync, 'configure'),
  'sync.status': lazy(sync, 'status'),
  'sync.now': lazy(sync, 'now'),
  'tokens.add': tokens.addTokens,
  'tokens.list': tokens.listTokens,
  'tokens.copy': tokens.copyToken,
  'tokens.reveal': tokens.revealToken,
  'tokens.clearUsed': tokens.clearUsedTokens,
  'accounts.importFile': lazy(importExport, 'importFile'),
  'accounts.export': lazy(importExport, 'exportAccounts'),
  'import.preview': lazy(importExport, 'previewFile'),
  'backup.export': lazy(importExport, 'exportBackup'),
  'backup.status': lazy(importExport, 'backupStatus'),
  'backup.dismiss': lazy(importExport, 'dismissReminder'),
  'accounts.reorder': accounts.reorderAccounts,
  'popup.init': popup.popupInit,
  'popup.codes': popup.popupCodes,
};
