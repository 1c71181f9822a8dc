// The managed policy as the pages see it (issue 16), read straight from storage.managed so it
// is known before a vault exists (the sync section of the set-up screen), and kept current when
// the administrator changes it while the page is open.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parsePolicy, type Policy } from '../../lib/policy/policy';

async function readPolicy(): Promise<Policy> {
  try {
    const managed = (browser.storage as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
    return parsePolicy(managed ? await managed.get() : {}).policy;
  } catch {
    return {}; // Firefox: no policy names the add-on
  }
}

export function useManagedPolicy(): Policy {
  const [policy, setPolicy] = useState<Policy>({});
  useEffect(() => {
    void readPolicy().then(setPolicy);
    const onChanged = (_c: unknown, area: string) => void (area === 'managed' && readPolicy().then(setPolicy));
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return policy;
}
