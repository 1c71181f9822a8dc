// What the background loads only when a message needs it (issue 14): the argon2id engines
// (hash-wasm and @noble/hashes), the import parsers (fflate, scrypt, PBKDF2…), the backup format
// and the sync engine with its backends. A popup opened after the worker was stopped waits for
// none of them. lib/deferred/load.ts loads this table; nothing here may call that loader.
//
// Chrome builds it as its own classic script (entrypoints/deferred-parts.ts) with its own copy of
// the small modules it shares with the worker: everything here is stateless, or keeps state that
// is its own (the KDF engine probe), and errors cross as TesseraError by brand (lib/messages/errors.ts).
import { deriveKey } from '../crypto/kdf';
import { parseImportFile } from '../import/file';
import { isBackupFile, openBackup, sealBackup } from '../backup/format';
import { buildSyncEngine } from '../sync/build-engine';
import * as kdfBench from '../crypto/kdf-bench';

export const deferredParts = {
  deriveKey, parseImportFile, isBackupFile, openBackup, sealBackup, buildSyncEngine,
  // The in-browser KDF benchmark (bench/extension.mjs), only in `wxt build --mode bench`.
  kdfBench: import.meta.env.MODE === 'bench' ? kdfBench : undefined,
};

export type DeferredParts = typeof deferredParts;
