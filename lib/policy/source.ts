// Where the policy comes from at run time (issue 16): a reader of the raw managed object
// (browser.storage.managed.get() in the extension; a plain function in tests), the last policy
// read (for callers that cannot wait, such as the vault's KDF choice), and listeners told when
// the administrator changes it while the browser runs (storage.onChanged, area "managed").
// Every `load()` reads afresh, so a change takes effect at the next use even before the event.
import { parsePolicy, type ParsedPolicy, type Policy } from './policy';

export interface PolicySource {
  /** Reads the managed store now. */
  load(): Promise<Policy>;
  /** The policy last read ({} before the first read). */
  current(): Policy;
  /** The problems of the last read (keys dropped), for the options page and logs. */
  problems(): ParsedPolicy['problems'];
  /** Re-reads and tells the listeners; call it from storage.onChanged("managed"). */
  changed(): Promise<Policy>;
  onChange(listener: (policy: Policy) => void): void;
}

export function policySource(read: () => Promise<unknown>): PolicySource {
  let last: ParsedPolicy = { policy: {}, problems: [] };
  const listeners: Array<(p: Policy) => void> = [];
  const load = async () => {
    let raw: unknown = {};
    try {
      raw = await read();
    } catch {
      // Firefox rejects storage.managed.get() when no policy names the add-on: no policy then.
      raw = {};
    }
    last = parsePolicy(raw);
    return last.policy;
  };
  return {
    load,
    current: () => last.policy,
    problems: () => last.problems,
    async changed() {
      const p = await load();
      for (const l of listeners) {
        try {
          l(p);
        } catch {
          // One listener's failure must not keep the others from the new policy.
        }
      }
      return p;
    },
    onChange: (l) => void listeners.push(l),
  };
}

/** A fixed policy (tests, and contexts without a managed store). */
export function staticPolicy(policy: Policy): PolicySource {
  return policySource(async () => policy);
}
