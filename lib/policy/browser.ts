// The browser side of the managed policy (issue 16): reads `storage.managed` (Chrome: the
// per-extension "3rdparty" policy checked against public/managed-schema.json; Firefox:
// policies.json's 3rdparty.Extensions entry for our gecko id) and follows changes made while
// the browser runs (storage.onChanged with area "managed": Chrome re-reads its policy files
// within seconds; Firefox reads policies.json only at start-up, docs/policy.md).
import { browser } from 'wxt/browser';
import type { VaultLike } from '../api/types';
import type { SyncService } from '../sync/service';
import { enforceSyncPolicy } from './guard';
import { policySource, type PolicySource } from './source';

export function browserPolicySource(): PolicySource {
  return policySource(async () => {
    const managed = (browser.storage as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
    return managed ? await managed.get() : {};
  });
}

/**
 * Registers the change listener (top level of the worker, MV3 event rules) and applies the
 * policy once now: a sync backend the policy forbids is turned off at start and on change.
 */
export function installPolicy(source: PolicySource, sync: SyncService, vault: VaultLike): void {
  const enforce = () => void enforceSyncPolicy(sync, vault, source.current()).catch(() => undefined);
  source.onChange(enforce);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void source.changed();
  });
  void source.changed();
}
