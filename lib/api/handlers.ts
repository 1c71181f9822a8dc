// The table of API message types and their handlers (shared/automation-api.md, Messages).
import * as accounts from './accounts';
import * as autofill from './autofill';
import * as clock from './clock';
import * as codes from './codes';
import * as importExport from './import-export';
import * as passkey from './passkey';
import * as popup from './popup-init';
import * as qr from './qr';
import * as sync from './sync';
import * as tokens from './tokens';
import * as vault from './vault-handlers';
import type { Handler } from './types';

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
  'clock.status': clock.clockStatus,
  'autofill.fill': autofill.fillMessage,
  'popup.use': autofill.popupUse,
  'popup.context': autofill.popupContext,
  'email.offer': autofill.emailOffer,
  'qr.scanTab': qr.scanTab,
  'qr.scanRegion': qr.scanRegion,
  'qr.review': qr.review,
  'qr.pending': qr.showPending,
  'qr.confirm': qr.confirm,
  'sync.configure': sync.configure,
  'sync.status': sync.status,
  'sync.now': sync.now,
  'tokens.add': tokens.addTokens,
  'tokens.list': tokens.listTokens,
  'tokens.copy': tokens.copyToken,
  'tokens.reveal': tokens.revealToken,
  'tokens.clearUsed': tokens.clearUsedTokens,
  'accounts.importFile': importExport.importFile,
  'accounts.export': importExport.exportAccounts,
  'import.preview': importExport.previewFile,
  'backup.export': importExport.exportBackup,
  'backup.status': importExport.backupStatus,
  'backup.dismiss': importExport.dismissReminder,
  'vault.passkeyBegin': passkey.passkeyBegin,
  'vault.unlockPasskey': passkey.unlockPasskey,
  'passkey.list': passkey.list,
  'passkey.addBegin': passkey.addBegin,
  'passkey.add': passkey.add,
  'passkey.rename': passkey.rename,
  'passkey.sync': passkey.setSync,
  'passkey.remove': passkey.remove,
  'passkey.dismissNotice': passkey.dismissNotice,
  'accounts.reorder': accounts.reorderAccounts,
  'popup.init': popup.popupInit,
  'popup.codes': popup.popupCodes,
};
