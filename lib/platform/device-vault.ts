// This device's vault as the background uses it: opened once per service-worker life, on
// first use (the worker may be started by any event), with the key in storage.session.
import type { Vault } from '../vault/vault';

/** A Vault whose methods wait for the database to open. */
export type DeviceVault = Pick<Vault,
  'state' | 'setup' | 'unlock' | 'lock' | 'changePassphrase' | 'read' | 'derived' | 'get' | 'commit' | 'header' | 'adoptHeader' | 'sealedRecords' | 'applyRemote'
  | 'keyring' | 'syncMeta' | 'saveSyncMeta'
  // Passkey unlock (issue 18)
  | 'passkeys' | 'passkeyRequest' | 'addPasskey' | 'updatePasskey' | 'removePasskey' | 'unlockWithPasskey' | 'passkeyNotice'>
  & { deviceId(): Promise<string> };

export function openDeviceVault(open: () => Promise<Vault>): DeviceVault {
  let vault: Promise<Vault> | undefined;
  // A failed open (IndexedDB unavailable for a moment) is tried again on the next call.
  const v = () => (vault ??= open().catch((e: unknown) => {
    vault = undefined;
    throw e;
  }));
  return {
    state: async () => (await v()).state(),
    setup: async (p) => (await v()).setup(p),
    unlock: async (p) => (await v()).unlock(p),
    lock: async () => (await v()).lock(),
    changePassphrase: async (o, n, opts) => (await v()).changePassphrase(o, n, opts),
    read: async (kind) => (await v()).read(kind),
    derived: async (name, derive) => (await v()).derived(name, derive),
    get: async (id) => (await v()).get(id),
    commit: async (c) => (await v()).commit(c),
    header: async () => (await v()).header(),
    adoptHeader: async (h) => (await v()).adoptHeader(h),
    sealedRecords: async () => (await v()).sealedRecords(),
    applyRemote: async (r) => (await v()).applyRemote(r),
    keyring: async () => (await v()).keyring(),
    syncMeta: async () => (await v()).syncMeta(),
    saveSyncMeta: async (m) => (await v()).saveSyncMeta(m),
    passkeys: async () => (await v()).passkeys(),
    passkeyRequest: async () => (await v()).passkeyRequest(),
    addPasskey: async (input) => (await v()).addPasskey(input),
    updatePasskey: async (id, patch) => (await v()).updatePasskey(id, patch),
    removePasskey: async (id) => (await v()).removePasskey(id),
    unlockWithPasskey: async (id, prf) => (await v()).unlockWithPasskey(id, prf),
    passkeyNotice: async (clear) => (await v()).passkeyNotice(clear),
    deviceId: async () => (await v()).device,
  } as DeviceVault;
}
